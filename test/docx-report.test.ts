/**
 * The DOCX export report: its case layout comes from our page estimate (pageEstimate.ts), as the
 * TOC's page numbers do. The feature lists its cases with the pages where LibreOffice sets them
 * and takes the page budgets; a heading the estimate leaves at a page foot is flagged in the
 * anthology and the feature, on the folio where LibreOffice leaves it too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runExport } from '../electron/core/export/index.js';
import type { CaseDocument, CollectionBundle } from '../electron/core/model/types.js';
import { corpusBundle } from './fixtures/corpus.js';
import { nonEmptyLines, pdfPageTexts, sofficeToPdf, squash, workDir } from './docx-helpers.js';

const dir = workDir('docx-report');
const casesOf = (b: CollectionBundle): CaseDocument[] => (b.cases instanceof Map ? [...b.cases.values()] : Object.values(b.cases));

/** Page texts in reading order (columns one after the other), for finding where a heading lands. */
function readingPages(pdf: string): string[] {
  const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages.map(squash);
}

test('feature DOCX: every case reported with the page LibreOffice sets its heading on; the page budget flags the long one', async () => {
  const bundle = await corpusBundle();
  const ids = bundle.collection.sections.flatMap((s) => s.caseIds);
  const first = await runExport({ template: 'feature', format: 'docx', outPath: path.join(dir, 'feature.docx'), bundle });
  assert.deepEqual(first.cases.map((c) => c.document), ids, 'one entry per case, in the order of the feature');
  for (const [i, c] of first.cases.entries()) {
    assert.ok(c.pages >= 1 && c.firstPage >= 1 && c.firstPage + c.pages - 1 <= first.pages!, `${c.title}: within the ${first.pages} pages`);
    if (i > 0) assert.ok(c.firstPage >= first.cases[i - 1]!.firstPage + first.cases[i - 1]!.pages - 1, `${c.title} opens where the case before it ends or later`);
  }

  const pages = readingPages(await sofficeToPdf(new Uint8Array(readFileSync(first.path)), 'feature-report'));
  const byId = new Map(casesOf(bundle).map((c) => [c.id, c]));
  const off = first.cases.map((c) => {
    const title = squash(byId.get(c.document)!.meta.title).slice(0, 8);
    const page = pages.findIndex((p) => p.includes(title)) + 1;
    assert.ok(page > 0, `LibreOffice sets ${title}`);
    return { title, estimate: c.firstPage, page };
  });
  const missed = off.filter((o) => o.estimate !== o.page);
  assert.ok(missed.every((o) => Math.abs(o.estimate - o.page) === 1), `the estimate is at most a page off: ${JSON.stringify(missed)}`);
  assert.ok(missed.length <= 2, `the estimate gives the first page of all but at most two of the ${off.length} cases: ${JSON.stringify(missed)}`);

  // The budget: one case given a budget of one page below what it takes is reported, and only it.
  const long = first.cases.find((c) => c.pages >= 2)!;
  assert.ok(long, 'some case runs over two pages');
  assert.deepEqual(first.overBudget, [], 'no case over the template budget of 2 pages');
  const tight: CollectionBundle = {
    collection: bundle.collection,
    cases: Object.fromEntries(casesOf(bundle).map((c) => [c.id, c.id === long.document ? { ...c, meta: { ...c.meta, pageBudget: long.pages - 1 } } : c])),
  };
  const second = await runExport({ template: 'feature', format: 'docx', outPath: path.join(dir, 'feature-tight.docx'), bundle: tight });
  assert.deepEqual(second.overBudget, [{ document: long.document, title: long.title, pages: long.pages, budget: long.pages - 1 }]);
  assert.deepEqual(second.warnings.filter((w) => w.kind === 'over-budget').map((w) => [w.document, w.page]), [[long.document, long.firstPage]]);
});

const para = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
const flagged: CaseDocument = {
  kind: 'case',
  id: 'flags',
  meta: { title: '版面提示测试', heading: '济南', region: { province: '山东省', city: '济南市', county: null }, category: '综合' },
  body: [para('第一页的正文。'.repeat(20)), { type: 'heading', level: 1, content: [{ type: 'text', text: '分页前的小标题' }] }, { type: 'pageBreak' }, para('第二页只有一行。')],
};
const flaggedBundle: CollectionBundle = { collection: { id: 'c', title: '测试汇编', sections: [{ title: '综合', caseIds: ['flags'] }] }, cases: { flags: flagged } };

test('anthology DOCX: a heading left at a page foot and a last page of one line are flagged on the folios LibreOffice prints them on, as in the PDF', async () => {
  const docx = await runExport({ template: 'anthology', format: 'docx', outPath: path.join(dir, 'flags.docx'), bundle: flaggedBundle });
  const pdf = await runExport({ template: 'anthology', format: 'pdf', outPath: path.join(dir, 'flags.pdf'), bundle: flaggedBundle });
  const c = docx.cases[0]!;
  assert.deepEqual(c.headingsAtFoot, [c.firstPage]);
  assert.equal(c.lastPageLines, 1);
  const kinds = (r: typeof docx) => r.warnings.filter((w) => w.document === 'flags').map((w) => [w.kind, w.page]);
  assert.deepEqual(kinds(docx), [['heading-at-foot', c.firstPage], ['short-last-page', c.firstPage + 1]]);
  assert.deepEqual(kinds(docx), kinds(pdf), 'the same flags as the PDF');

  // In LibreOffice the heading is the last line above the folio of that page.
  const pages = await pdfPageTexts(await sofficeToPdf(new Uint8Array(readFileSync(docx.path)), 'flags'));
  const page = pages.find((p) => nonEmptyLines(p).at(-1) === String(c.firstPage) && p.includes('第一页的正文'));
  assert.ok(page, `a page with folio ${c.firstPage} holding the case`);
  assert.equal(squash(nonEmptyLines(page).at(-2)!), '分页前的小标题');
});

test('feature, DOCX and PDF: a heading left at the foot of a column is flagged on its page', async () => {
  for (const format of ['docx', 'pdf'] as const) {
    const out = await runExport({ template: 'feature', format, outPath: path.join(dir, `flags-feature.${format}`), bundle: flaggedBundle });
    const c = out.cases[0]!;
    assert.deepEqual([c.firstPage, c.pages, c.headingsAtFoot], [1, 2, [1]], format);
    assert.deepEqual(out.warnings.filter((w) => w.kind === 'heading-at-foot').map((w) => w.page), [1], format);
    const file = format === 'pdf' ? out.path : await sofficeToPdf(new Uint8Array(readFileSync(out.path)), 'flags-feature');
    const first = readingPages(file)[0]!;
    assert.ok(first.includes('分页前的小标题') && !first.includes('第二页只有一行'), `${format}: the heading closes page 1, the text after the break is on page 2`);
  }
});
