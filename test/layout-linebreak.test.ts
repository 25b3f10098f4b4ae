/**
 * The line breaker on the real corpus text: prohibition rules, unbreakable units,
 * justification to the measure, compression, Han–Latin spacing, 孤字, and the keep
 * rules of pagination.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { layoutParagraph, type LaidLine } from '../electron/core/layout/paragraph.js';
import { NO_END, NO_START } from '../electron/core/layout/chars.js';
import { lineItems, paginate, type FilledFrame, type FlowItem } from '../electron/core/layout/flow.js';
import { applyKeeps } from '../electron/core/layout/blocks.js';
import { CORPUS_DIR } from './fixtures/corpus.js';

const corpus = CORPUS_DIR;
const paragraphs = ['zhongguominzheng-2022-02-feature.txt', 'jining-2020-shortlist.txt', 'qufu-2020-notice.txt', 'jinshi-2018-article.txt']
  .flatMap((f) => readFileSync(path.join(corpus, f), 'utf8').split(/\r?\n/))
  .map((l) => l.trim())
  .filter((l) => [...l].length > 30);

const size = 10.5;
const set = (text: string, measure: number, extra: Partial<Parameters<typeof layoutParagraph>[0]> = {}): LaidLine[] =>
  layoutParagraph({ runs: [{ text, style: { role: 'song', size } }], measure, indent: 2 * size, ...extra });

const cp = (s: string, at: number) => [...s].at(at)!.codePointAt(0)!;
const unbreakable = /[0-9A-Za-z][0-9A-Za-z.,:%+\-/]*$/;

test('corpus paragraphs at many measures: no prohibited line start or end, no split numbers, dashes or ellipses', () => {
  assert.ok(paragraphs.length > 100, `corpus read: ${paragraphs.length} paragraphs`);
  let lines = 0;
  for (const chars of [12, 17, 26, 28, 33, 38]) {
    for (const p of paragraphs) {
      const laid = set(p, chars * size + 0.3);
      assert.equal(laid.map((l) => l.text).join('').replace(/\s+/g, ''), p.replace(/\s+/g, ''), 'no text lost or added');
      for (let i = 0; i < laid.length; i++) {
        const line = laid[i]!.text;
        lines++;
        if (i > 0) assert.ok(!NO_START.has(cp(line, 0)), `line starts with "${[...line][0]}": …${laid[i - 1]!.text.slice(-6)}|${line.slice(0, 8)}`);
        if (i < laid.length - 1) {
          const next = laid[i + 1]!.text;
          assert.ok(!NO_END.has(cp(line, -1)), `line ends with "${[...line].at(-1)}": ${line.slice(-8)}|${next.slice(0, 4)}`);
          assert.ok(!(unbreakable.test(line) && /^[0-9A-Za-z%+.,]/.test(next) && /[0-9A-Za-z+]$/.test(line)), `token split: ${line.slice(-8)}|${next.slice(0, 6)}`);
          assert.ok(!(line.endsWith('—') && next.startsWith('—')), '—— split');
          assert.ok(!(line.endsWith('…') && next.startsWith('…')), '…… split');
        }
      }
    }
  }
  assert.ok(lines > 5000, `checked ${lines} lines`);
});

test('non-final lines end on the measure within 0.1 pt; final lines are ragged and inside it', () => {
  for (const chars of [17, 26, 38]) {
    const measure = chars * size;
    for (const p of paragraphs) {
      const laid = set(p, measure);
      laid.forEach((line, i) => {
        const last = line.glyphs[line.glyphs.length - 1]!;
        const right = last.x + last.w;
        if (i < laid.length - 1) assert.ok(Math.abs(right - measure) <= 0.1, `line ${i} ends at ${right.toFixed(3)} of ${measure}: ${line.text}`);
        else assert.ok(right <= measure + 0.01, `final line overflows: ${right} > ${measure}`);
        if (i === 0) assert.ok(Math.abs(line.glyphs[0]!.x - 2 * size) < 0.01, 'first line indented two characters');
      });
    }
  }
});

test('adjacent full-width marks are compressed; a line-end mark may shrink to half an em', () => {
  const [line] = set('他说：“今天。”《归路》（电影）', 100 * size, { indent: 0 });
  const g = line!.glyphs;
  const at = (ch: string) => g.find((x) => x.cp === ch.codePointAt(0))!;
  assert.equal(at('：').w, size / 2, '：“ squeezes the colon');
  assert.equal(at('。').w, size / 2, '。” squeezes the stop');
  assert.equal(at('”').w, size / 2, '”《 squeezes the closing quote');
  const [lone] = set('他说“好”就走', 100 * size, { indent: 0 });
  assert.equal(lone!.glyphs.find((x) => x.cp === 0x201d)!.w, size, 'a lone closing quote keeps its em');
  assert.equal(at('》').w, size / 2, '》（ squeezes 》');
  // An opening quote at a line start drops its blank left half: the ink lines up with the indent.
  const [open] = set('“10+1+N”模式', 100 * size, { indent: 0 });
  assert.equal(open!.glyphs[0]!.w, size / 2);
  assert.equal(open!.glyphs[0]!.dx, -size / 2);
  // A text one char too long for 10 em fits by taking the line-end stop to half an em.
  const tight = set('一二三四五六七八九。十一', 9.5 * size, { indent: 0 });
  assert.equal(tight[0]!.text, '一二三四五六七八九。', 'the stop is pulled in (先挤进)');
});

test('Han–Latin gap is a quarter em, none next to Chinese punctuation; half-width digits', () => {
  const [line] = set('共调解25起，“12349”热线', 100 * size, { indent: 0 });
  const g = line!.glyphs;
  const idx = (ch: string, from = 0) => g.findIndex((x, i) => i >= from && x.cp === ch.codePointAt(0));
  const i2 = idx('2');
  assert.ok(Math.abs(g[i2]!.x - (g[i2 - 1]!.x + g[i2 - 1]!.w) - size / 4) < 1e-6, 'gap before 25');
  const iQ = idx('“');
  const i1 = idx('1', iQ);
  assert.ok(Math.abs(g[i1]!.x - (g[iQ]!.x + g[iQ]!.w)) < 1e-6, 'no gap after “');
  assert.ok(g[i2]!.w < size * 0.6, 'digits are half-width');
});

test('no single character alone on a paragraph’s last line (孤字)', () => {
  let fixed = 0;
  for (const chars of [17, 23, 26, 29, 33, 38]) {
    for (const p of paragraphs) {
      const laid = set(p, chars * size);
      if (laid.length < 2) continue;
      const last = [...laid[laid.length - 1]!.text].filter((c) => /\p{Script=Han}|[A-Za-z0-9]/u.test(c));
      assert.ok(last.length !== 1 || [...laid[laid.length - 1]!.text].length > 3, `孤字 "${laid[laid.length - 1]!.text}" at ${chars} chars`);
      if (last.length === 2) fixed++;
    }
  }
  assert.ok(fixed > 0);
});

test('pagination keeps headings with their text and leaves no orphan or widow line', () => {
  const items: FlowItem[] = [];
  const role = new Map<FlowItem, { k: number; n: number; heading: boolean }>();
  for (const [k, p] of paragraphs.slice(0, 150).entries()) {
    if (k % 4 === 0) {
      const h = lineItems(set(`第${k}节 标题`, 26 * size, { indent: 0 }), 0, 17.5, { keepTogether: true });
      h.forEach((it, i) => role.set(it, { k: i, n: h.length, heading: true }));
      (h[h.length - 1] as { keepWithNext?: boolean }).keepWithNext = true;
      items.push(...h);
    }
    const lines = lineItems(set(p, 26 * size), 0, 17.5);
    lines.forEach((it, i) => role.set(it, { k: i, n: lines.length, heading: false }));
    items.push(...lines);
  }
  applyKeeps(items);
  const frames: FilledFrame[] = [];
  let page = 0;
  paginate(items, () => ({ page: ++page, column: 0, x: 0, y: 0, width: 26 * size, height: 30 * 17.5 }), (f) => frames.push(f));
  assert.ok(frames.length > 10, `${frames.length} pages`);
  assert.equal(frames.reduce((s, f) => s + f.items.length, 0), items.length, 'every item placed once');
  for (let i = 0; i + 1 < frames.length; i++) {
    const f = frames[i]!;
    assert.ok(f.used <= 30 * 17.5 + 0.01, 'frame overfull');
    const last = role.get(f.items[f.items.length - 1]!.item)!;
    const first = role.get(frames[i + 1]!.items[0]!.item)!;
    assert.ok(!last.heading, `page ${i + 1} ends with a heading`);
    assert.ok(!(last.k === 0 && last.n > 1), `orphan: page ${i + 1} ends with a paragraph's first line`);
    assert.ok(!(first.k === first.n - 1 && first.n > 1), `widow: page ${i + 2} opens with a paragraph's last line`);
    assert.ok(!(first.k === 0 && !first.heading && frames[i]!.items.length && role.get(f.items[f.items.length - 1]!.item)!.heading), 'heading separated from its text');
  }
});

test('titles break only between words (keepWords) and balance into a longer upper line', async () => {
  const title = '2021年全省民政工作优秀创新案例汇编';
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const starts = new Set([...seg.segment(title)].map((s) => s.index));
  const breaks = (lines: LaidLine[]) => {
    let at = 0;
    return lines.slice(0, -1).map((l) => (at += l.text.length));
  };
  let splitting = 0;
  for (let measure = 160; measure <= 600; measure += 8) {
    const run = [{ text: title, style: { role: 'song' as const, size: 32 } }];
    const plain = layoutParagraph({ runs: run, measure, align: 'center' });
    if (breaks(plain).some((b) => !starts.has(b))) splitting++;
    const kept = layoutParagraph({ runs: run, measure, align: 'center', keepWords: true });
    for (const b of breaks(kept)) assert.ok(starts.has(b), `break inside a word at ${measure} pt: ${kept.map((l) => l.text).join(' | ')}`);
  }
  assert.ok(splitting > 3, 'without keepWords some measures split a word');
  const { balancedTitle } = await import('../electron/core/export/pdf/styles.js');
  const notice = '曲阜市民政局关于印发《2020年全市民政工作要点》的通知';
  const lines = balancedTitle([{ text: notice, style: { role: 'xiaobiaosong', size: 22 } }], 24 * 22, 22);
  assert.equal(lines.length, 2);
  const w = lines.map((l) => l.right - l.glyphs[0]!.x);
  assert.ok(w[0]! >= w[1]!, `upper line longer (${w.map((x) => x.toFixed(0)).join(' / ')}): 正梯形`);
  assert.ok(!lines[0]!.text.endsWith('的') && !lines[1]!.text.startsWith('通知'), 'the 文种 的通知 stays whole');
});
