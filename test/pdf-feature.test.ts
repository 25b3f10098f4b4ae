/**
 * The magazine feature from the real corpus, read back: opener across the page, two
 * justified columns, every case opened by its city label and title, captions under
 * their placeholders, columns balanced on the last page, fonts embedded and subset.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusBundle } from './fixtures/corpus.js';
import { writePdf } from '../electron/core/export/pdf/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import { mmToPt } from '../electron/core/templates/sizes.js';
import { RIGHT_BLANK, NO_START, NO_END } from '../electron/core/layout/chars.js';
import { inlineText } from '../electron/core/model/text.js';
import type { CaseDocument } from '../electron/core/model/types.js';
import { readFonts, readPages, savePdf, squash } from './pdf-readback.js';

const template = loadTemplate('feature');
const bundle = await corpusBundle();
bundle.collection.title = '不断深化改革创新 绘就齐鲁幸福画卷';
bundle.collection.subtitle = '——2021年山东省民政工作优秀创新案例选登';
const result = await writePdf({ template, format: 'pdf', bundle });
const file = savePdf(result.bytes, 'feature.pdf');
const pages = readPages(file);
const cases = Object.values(bundle.cases) as CaseDocument[];

const W = mmToPt(210);
const inner = mmToPt(20);
const outer = mmToPt(18.1);
const measure = W - inner - outer;
const gap = mmToPt(6.8);
const col = (measure - gap) / 2;
const body = template.styles.body!;
const top = mmToPt(template.page.marginTop);
const foot = mmToPt(template.page.height - template.page.marginBottom);

const columnLefts = (page: number) => {
  const left = page % 2 === 1 ? inner : outer;
  return [left, left + col + gap];
};

test('opener: headline, subtitle, credits and lead on page 1; fonts embedded and subset', () => {
  const first = squash(pages[0]!.lines.map((l) => l.text).join(''));
  assert.ok(first.includes('不断深化改革创新绘就齐鲁幸福画卷'));
  assert.ok(first.includes(squash(bundle.collection.subtitle!)));
  assert.ok(first.includes('策划：本刊编辑部'), 'credits');
  const lead = bundle.collection.lead?.find((b) => b.type === 'paragraph');
  assert.ok(lead && lead.type === 'paragraph' && first.includes(squash(inlineText(lead.content))), 'lead');
  for (const b of bundle.collection.lead ?? []) if (b.type === 'image' && b.caption) assert.ok(first.includes(squash(inlineText(b.caption))), 'lead photo caption on page 1');
  for (const f of readFonts(file)) assert.ok(f.emb && f.sub, f.name);
  assert.equal(result.pages, pages.length);
});

test('body in two columns, non-final lines justified to each column edge, 禁则 kept', () => {
  let justified = 0;
  for (const [i, p] of pages.entries()) {
    const lefts = columnLefts(i + 1);
    // On page 1 the columns start below the opener: where the right column's first line is.
    const crossing = p.lines.filter((l) => l.xMin < lefts[0]! + col && l.xMax > lefts[1]!);
    const colTop = i === 0 ? Math.max(...crossing.map((l) => l.yMax)) + template.styles.lead!.lineHeight + 1 : top - 4;
    const lines = p.lines.filter((l) => l.yMin > colTop && l.yMax < foot + 4 && l.xMax - l.xMin < col + body.size);
    for (const [c, left] of lefts.entries()) {
      const inCol = lines.filter((l) => l.xMin >= left - 0.5 && l.xMin < left + col).sort((a, b) => a.yMin - b.yMin);
      for (let k = 0; k + 1 < inCol.length; k++) {
        const l = inCol[k]!;
        const next = inCol[k + 1]!;
        const chars = [...squash(l.text)];
        assert.ok(l.xMax <= left + col + body.size / 2 + 0.1, `page ${i + 1} col ${c + 1}: line past the column: ${l.text}`);
        if (chars.length > 1) {
          assert.ok(!NO_START.has(chars[0]!.codePointAt(0)!), `starts with ${chars[0]}`);
          assert.ok(!NO_END.has(chars.at(-1)!.codePointAt(0)!), `ends with ${chars.at(-1)}`);
        }
        const sameSize = Math.abs(next.yMax - next.yMin - (l.yMax - l.yMin)) < 0.5 && l.yMax - l.yMin < body.size * 1.6;
        if (sameSize && Math.abs(next.yMin - l.yMin - body.lineHeight) < 0.3 && Math.abs(next.xMin - left) < 0.3 && l.xMin < left + 2 * body.size + 0.5) {
          const right = left + col;
          const last = chars.at(-1)!.codePointAt(0)!;
          const ok = RIGHT_BLANK.has(last) ? l.xMax >= right - 0.1 && l.xMax <= right + body.size / 2 + 0.1 : Math.abs(l.xMax - right) <= 0.1;
          assert.ok(ok, `page ${i + 1} col ${c + 1}: ends at ${l.xMax.toFixed(2)} not ${right.toFixed(2)}: ${l.text}`);
          justified++;
        }
      }
    }
  }
  assert.ok(justified > 200, `${justified} justified column lines`);
});

test('each case opens with its city label and title; captions read back', () => {
  // Column by column, so that two-line captions read in order.
  const text = squash(
    pages
      .map((p, i) => {
        const mid = columnLefts(i + 1)[1]! - gap / 2;
        return [...p.lines].sort((a, b) => Number(a.xMin > mid) - Number(b.xMin > mid) || a.yMin - b.yMin).map((l) => l.text).join('');
      })
      .join(''),
  );
  const all = pages.flatMap((p) => p.lines);
  for (const c of cases) {
    // The title's first line, with the city label on the same baseline to its left.
    const start = squash(c.meta.title).slice(0, 8);
    const line = all.find((l) => squash(l.text).startsWith(start) || (c.meta.heading && squash(l.text).startsWith(squash(c.meta.heading) + start)));
    assert.ok(line, `case title missing: ${c.meta.title}`);
    if (c.meta.heading && !squash(line.text).startsWith(squash(c.meta.heading))) {
      const label = all.find((l) => squash(l.text) === squash(c.meta.heading!) && Math.abs(l.yMax - line.yMax) < 6 && l.xMax <= line.xMin + 0.5);
      assert.ok(label, `city label ${c.meta.heading} not beside ${c.meta.title}`);
    }
    for (const b of c.body) if (b.type === 'image' && b.caption) assert.ok(text.includes(squash(inlineText(b.caption))), 'caption');
  }
});

test('columns are balanced on the last page', () => {
  const n = pages.length;
  const lefts = columnLefts(n);
  const p = pages[n - 1]!;
  const lines = p.lines.filter((l) => l.yMin > top - 4 && l.yMax < foot + 4);
  const bottoms = lefts.map((left) => Math.max(0, ...lines.filter((l) => l.xMin >= left - 0.5 && l.xMin < left + col).map((l) => l.yMax)));
  assert.ok(bottoms[0]! > 0 && bottoms[1]! > 0, 'both columns used');
  assert.ok(Math.abs(bottoms[0]! - bottoms[1]!) <= body.lineHeight * 2 + 0.5, `column feet ${bottoms.map((b) => b.toFixed(1)).join(' / ')}`);
});

test('each case reports the pages it spans: from the page of its heading to the page of its last line', () => {
  assert.equal(result.cases?.length, cases.length);
  // Whole page text in reading order (left column, then right), Han characters only: a phrase wrapped in a column, or its punctuation normalised at export, is still found.
  const han = (t: string) => t.replace(/[^\u4e00-\u9fff]/g, '');
  const reading = (p: (typeof pages)[number]) => [...p.lines].sort((a, b) => Number(a.xMin > p.width / 2) - Number(b.xMin > p.width / 2) || a.yMin - b.yMin);
  const texts = pages.map((p) => han(reading(p).map((l) => l.text).join('')));
  const pageOf = (text: string) => texts.findIndex((t) => t.includes(han(text))) + 1;
  for (const c of result.cases!) {
    const doc = cases.find((d) => d.id === c.document)!;
    // The heading line: the city label, then the title.
    const head = squash(`${doc.meta.heading ?? ''}${doc.meta.title}`).slice(0, 10);
    const opens = pages.findIndex((p) => p.lines.some((l) => squash(l.text).startsWith(head))) + 1;
    assert.equal(c.firstPage, opens, `${c.title} opens on ${c.firstPage}`);
    // The last paragraph's opening words are on the span's last page or the one before (a paragraph may run over).
    const last = [...doc.body].reverse().find((b) => b.type === 'paragraph');
    if (last && last.type === 'paragraph') {
      const at = pageOf(squash(inlineText(last.content)).slice(0, 10));
      const end = c.firstPage + c.pages - 1;
      assert.ok(at === end || at === end - 1, `${c.title}: last paragraph on ${at}, span ends on ${end}`);
    }
  }
});
