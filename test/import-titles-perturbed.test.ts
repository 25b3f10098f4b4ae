/**
 * The headline under one change of page furniture at a time, over every tuning single article and case
 * whose headline is read right as the page is: a portal head over it (a bureau's name and a breadcrumb, a
 * greeting and the day's date, a search box's prompt, a column's tag, the site's name and address, a breadcrumb
 * and its column's name), a share bar, a follow prompt, a date/source line with a clock, a reading-time
 * estimate or an outlet's reporter byline under it.
 * Each kind of line is one a portal prints around any headline; none is taken from a page. The bounds are
 * the figures of this round (of 93 pages; before it 66, 84, 84, 81, 91, 52, 63, 63, 68, 68 and 82 kept
 * their headline, the reading time stayed in the text on 90 of 92 and the follow prompt on 76 of 93).
 * The headline as a browser titles its page (a column and a site after it, a portal's organ after it, a series
 * label before it) joined at the eleventh round, of 115 pages (before the page-title rule 1, 112 and 111 of 114 kept it).
 * So did a column's date line with its size buttons under the headline (left the text on 114 of 115; 109 of 114 before)
 * and a platform's account-and-day line with the poster's province (headline kept on 115, before 105 of 114; the two
 * lines left the text 227 of 230 times, before 105 of 228).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { loose } from '../scripts/score-import.js';

const TUNING = path.resolve(import.meta.dirname, 'fixtures/portal/tuning');

type Variant = (lines: string[], at: number) => { lines: string[]; inserted: string[] };

const under = (extra: string): Variant => (l, at) => ({ lines: [...l.slice(0, at + 1), extra, ...l.slice(at + 1)], inserted: [extra] });
const over = (...extra: string[]): Variant => (l, at) => ({ lines: [...l.slice(0, at), ...extra, ...l.slice(at)], inserted: extra });

const VARIANTS: Record<string, { make: Variant; titles: number; furniture?: number }> = {
  'portal head over it': {
    make: (l, at) => ({ lines: [...l.slice(0, at), '某某市民政局', '首页 > 新闻中心 > 工作动态', ...l.slice(at)], inserted: ['某某市民政局', '首页 > 新闻中心 > 工作动态'] }),
    titles: 91,
    furniture: 186,
  },
  'share bar under it': { make: under('分享到： 微信 微博 QQ空间'), titles: 92 },
  'date and source line under it': { make: under('2023/05/06 10:21 来源:某某网 编辑:李华'), titles: 93 },
  'reading time under it': { make: under('全文1820字,阅读约需4分钟'), titles: 92, furniture: 93 },
  'reporter byline under it': { make: under('某某日报全媒体记者 王小明'), titles: 92 },
  'greeting and clock over it': { make: over('您好，欢迎访问某某市民政局网站！', '今天是：2023年5月6日 星期六'), titles: 93, furniture: 186 },
  'search box over it': { make: over('请输入关键字', '搜索'), titles: 93, furniture: 186 },
  'column tag over it': { make: over('【民政要闻】'), titles: 92 },
  'site name and address over it': { make: over('某某市民政局', 'www.mzj.example.gov.cn'), titles: 91, furniture: 186 },
  'breadcrumb and its column over it': { make: over('当前位置：首页 > 新闻中心', '新闻中心'), titles: 92, furniture: 186 },
  'follow prompt under it': { make: under('微信扫一扫 分享到朋友圈'), titles: 93, furniture: 93 },
  'original headline noted under it': { make: under('原标题：某某地开展民政工作'), titles: 92 },
  'outlet byline and a caption under it': {
    make: (l, at) => ({ lines: [...l.slice(0, at + 1), '某某日报全媒体记者 王小明', '图为志愿者为老人理发', ...l.slice(at + 1)], inserted: ['某某日报全媒体记者 王小明'] }),
    titles: 85,
  },
  // The headline as a browser titles the page: the column and the site after it, a series label before it.
  'column and site after it, as a page title': { make: (l, at) => ({ lines: [...l.slice(0, at), `${l[at]!.trim()}-某某频道-某某网`, ...l.slice(at + 1)], inserted: [] }), titles: 115 },
  'portal organ after it, as a page title': { make: (l, at) => ({ lines: [...l.slice(0, at), `${l[at]!.trim()}_某某市人民政府`, ...l.slice(at + 1)], inserted: [] }), titles: 115 },
  'series label before it': { make: (l, at) => ({ lines: [...l.slice(0, at), `奋进新征程|${l[at]!.trim()}`, ...l.slice(at + 1)], inserted: [] }), titles: 115 },
  'column, date and size buttons under it': { make: under('民生频道 2023-05-06 10:21 字号: 大 中 小'), titles: 115, furniture: 114 },
  'platform account and day under it, the poster\'s province beside': {
    make: (l, at) => ({ lines: [...l.slice(0, at + 1), '某某发布 6月24日', '河南', ...l.slice(at + 1)], inserted: ['某某发布 6月24日', '河南'] }),
    titles: 115,
    furniture: 227,
  },
  'e-paper head over it, reporters under it': {
    make: (l, at) => ({ lines: [...l.slice(0, at), '某某日报', '2023年05月06日', '第03版：民生', l[at]!, '本报记者 张三 通讯员 李四', ...l.slice(at + 1)], inserted: ['某某日报', '2023年05月06日', '第03版：民生', '本报记者 张三 通讯员 李四'] }),
    titles: 89,
  },
};

test('titles: one kind of furniture at a time around the headline of every tuning single article and case', async () => {
  const pages: Array<{ name: string; raw: string[]; at: number; titles: string[] }> = [];
  for (const file of readdirSync(TUNING).filter((f) => f.endsWith('.expected.json')).sort()) {
    const name = file.replace(/\.expected\.json$/u, '.txt');
    const want = JSON.parse(readFileSync(path.join(TUNING, file), 'utf8')) as { kind: string; cases?: Array<{ title?: string | null; title_also?: string[] }> };
    const c = want.cases?.[0];
    if (!['article', 'case'].includes(want.kind) || want.cases?.length !== 1 || !c?.title) continue;
    let text: string;
    try {
      text = readFileSync(path.join(TUNING, name), 'utf8');
    } catch {
      continue;
    }
    const titles = [c.title, ...(c.title_also ?? [])].map(loose);
    const raw = text.split('\n');
    const at = raw.findIndex((t) => titles.includes(loose(t)));
    if (at < 0) continue;
    const plain = await importFile({ name, bytes: new TextEncoder().encode(text) });
    if (titles.includes(loose(plain.cases[0]?.meta.title ?? ''))) pages.push({ name, raw, at, titles });
  }
  assert.ok(pages.length >= 90, `${pages.length} pages`);
  for (const [label, v] of Object.entries(VARIANTS)) {
    let kept = 0;
    let gone = 0;
    let inserted = 0;
    for (const p of pages) {
      const { lines, inserted: extra } = v.make(p.raw, p.at);
      const file = await importFile({ name: p.name, bytes: new TextEncoder().encode(lines.join('\n')) });
      const title = loose(file.cases[0]?.meta.title ?? '');
      if (p.titles.includes(title)) kept++;
      const body = new Set(file.cases.flatMap((c) => blocksText(c.body).split('\n').map(loose)));
      for (const e of extra) {
        inserted++;
        if (!body.has(loose(e)) && title !== loose(e)) gone++;
      }
    }
    assert.ok(kept >= v.titles, `${label}: ${kept}/${pages.length} keep their headline (bound ${v.titles})`);
    if (v.furniture !== undefined) assert.ok(gone >= v.furniture, `${label}: ${gone}/${inserted} inserted lines leave the text (bound ${v.furniture})`);
  }
});
