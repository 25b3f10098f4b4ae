/**
 * A draft copied out of a PDF, as offices copy a 选编 they were sent: a real PDF written by our own
 * exporter from a corpus draft, read back with poppler's `pdftotext -layout` (every printed line a
 * line, a 目录 over the text, folios and running heads at each page turn, spaces where print set a
 * gap), then imported. The case must come back as it went in: its title whole, and its paragraphs
 * one each, not one per printed line nor cut at the page turn (unwrap.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { importCorpus } from './fixtures/corpus.js';
import { writePdf } from '../electron/core/export/pdf/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import { importFile } from '../electron/core/import/index.js';
import { inlineText } from '../electron/core/model/text.js';
import type { Block, CollectionBundle } from '../electron/core/model/types.js';
import type { ImportedCase } from '../electron/core/model/imported.js';
import { savePdf } from './pdf-readback.js';

/** Text compared as print gives it back: no spaces (print's gaps), one width (the reader folds full-width punctuation). */
const loose = (s: string): string => s.normalize('NFKC').replace(/[\s\u3000]+/gu, '');
const paragraphs = (body: Block[]): string[] =>
  body.flatMap((b) => (b.type === 'paragraph' ? [loose(inlineText([...(b.runIn ?? []), ...b.content]))] : []));

/** The case alone in an anthology PDF (cover, 目录, part opener, running heads, folios), as pdftotext -layout reads it. */
async function pdfCopy(c: ImportedCase): Promise<string> {
  const bundle = {
    collection: { id: 'c', title: '2020年全省民政工作创新案例', subtitle: null, year: 2020, publisher: '某省民政厅', sections: [{ title: c.meta.category ?? '综合', caseIds: ['x'] }] },
    cases: { x: { kind: 'case', id: 'x', meta: c.meta, body: c.body } },
  } as unknown as CollectionBundle;
  const pdf = await writePdf({ template: loadTemplate('anthology'), format: 'pdf', bundle });
  return execFileSync('pdftotext', ['-layout', savePdf(pdf.bytes, 'copy.pdf'), '-'], { encoding: 'utf8' });
}

test('PDF copy: a two-page case comes back with its title and its six paragraphs, the page turn and its furniture gone', async () => {
  const draft = await importCorpus('jinshi-2018-article.txt');
  const c = draft.cases[0]!;
  const text = await pdfCopy(c);
  // The copy is what the test is about: printed lines, a 目录 and a page turn with its folio and running head.
  const lines = text.split('\n').filter((l) => l.trim());
  assert.ok(lines.length > 3 * paragraphs(c.body).length, `printed lines (${lines.length})`);
  assert.ok(text.includes('\f'), 'more than one page');

  const back = await importFile({ name: 'copy.txt', bytes: new TextEncoder().encode(text) });
  assert.equal(back.cases.length, 1, back.cases.map((x) => x.meta.title).join(' | '));
  const got = back.cases[0]!;
  assert.equal(loose(got.meta.title ?? ''), loose(c.meta.title ?? ''));
  assert.deepEqual(paragraphs(got.body), paragraphs(c.body));
  // The folio and the running head at the page turn are the PDF's furniture, listed as dropped.
  assert.ok(back.dropped.some((d) => /^\d{1,3}$/u.test(d.trim())), back.dropped.join(' | '));
  assert.ok(back.dropped.some((d) => loose(d) === loose('2020年全省民政工作创新案例')), back.dropped.join(' | '));
});

test('PDF copy: cases of the magazine feature keep their paragraphs whole', async () => {
  const draft = await importCorpus('zhongguominzheng-2022-02-feature.txt');
  let whole = 0;
  let total = 0;
  for (const c of draft.cases.slice(0, 6)) {
    const back = await importFile({ name: 'copy.txt', bytes: new TextEncoder().encode(await pdfCopy(c)) });
    assert.equal(back.cases.length, 1, c.meta.title ?? '');
    assert.equal(loose(back.cases[0]!.meta.title ?? ''), loose(c.meta.title ?? ''));
    const got = new Set(paragraphs(back.cases[0]!.body));
    const want = paragraphs(c.body);
    total += want.length;
    whole += want.filter((p) => got.has(p)).length;
  }
  // Left: a paragraph whose line ends on a full line of squeezed punctuation the cells do not see.
  assert.ok(whole >= total - 4, `${whole} of ${total} paragraphs come back whole`);
});
