/**
 * The page's date from the stamp its head carries, as CMSs print one and running text never writes a
 * date: after a time label on a byline whose labels run together, with its clock time at the start of
 * the first paragraph or on the account's line, in brackets after a list page's headline. Real tuning
 * pages from batches 13–16, with the counterparts that must not date the page. (Held-out pages are never read here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { bracketedStamp, stampDate } from '../electron/core/import/stages/dates.js';
import { PORTAL_DIR } from '../scripts/score-import.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const tuning = (name: string): string => readFileSync(path.join(PORTAL_DIR, 'tuning', name), 'utf8');
const dateOf = async (name: string, text: string) => (await importFile({ name, bytes: enc(text) })).info.date ?? null;

test('dates: a stamp is a labelled time or a numeric date with its clock; a date in a sentence is none', () => {
  assert.equal(stampDate('编辑:王军 信息来源: 西e网—白银新闻网发布时间:2019-1-28'), '2019-01-28');
  assert.equal(stampDate('时间:2021-12-13浏览:10'), '2021-12-13');
  assert.equal(stampDate('文章发布日期:2025-05-06 17:07 来源:区民政局'), '2025-05-06');
  assert.equal(stampDate('福州资讯助手1 2021-04-12 16:57:39'), '2021-04-12');
  assert.equal(stampDate('会议定于2024年5月6日9:00在县民政局召开。'), null);
  assert.equal(stampDate('2024年5月6日,全市共登记366对新人。'), null);
  assert.equal(bracketedStamp('关于第十一届“中华慈善奖”上海市拟推荐对象公示 (2020-06-09 )'), '2020-06-09');
  assert.equal(bracketedStamp('“十四五”民政事业发展规划(2021-2025)'), null);
});

test('dates: tuning pages dated by their head’s stamp (baiyin-2019, zhaotong-2025, liwan-2025, shanghai-2020, guilin-2021, changle-2021)', async () => {
  const want: Record<string, string> = {
    'baiyin-2019-shehui-zuzhi-shoupai-fanti.txt': '2019-01-28',
    'zhaotong-2025-jiehun-dengji-fanti.txt': '2025-05-21',
    'liwan-2025-shehui-zuzhi-pinggu-fanti.txt': '2025-05-06',
    'shanghai-2020-zhonghua-cishan-tuijian.txt': '2020-06-09',
    'guilin-2021-minzheng-lilun-yidengjiang.txt': '2021-12-13',
    'changle-2021-wenwusha-pifu.txt': '2021-04-12',
  };
  for (const [name, date] of Object.entries(want)) assert.equal(await dateOf(name, tuning(name)), date, name);
  // Below the first paragraph a stamp is the text's (a quoted post, a meeting's time): the page stays undated.
  const zhaotong = tuning('zhaotong-2025-jiehun-dengji-fanti.txt').split('\n');
  const moved = [zhaotong[0]!, '今年昭通迎来登记高峰。', zhaotong[1]!.replace('2025-05-21 09:00', '').trim(), '活动通知发布于 2025-05-21 09:00 ,请关注。', ...zhaotong.slice(2)].join('\n');
  assert.equal(await dateOf('moved.txt', moved), null);
});
