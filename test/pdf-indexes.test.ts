/**
 * The anthology's back matter, read back as a reader sees it: in our PDF and in the DOCX as
 * LibreOffice prints it, every case of 地区索引 and 领域索引 carries the folio where it opens,
 * under its county, city and province (its 业务领域); the per-region tables are real tables whose
 * counts add up; the page budgets and layout flags match the pages read back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusBundle } from './fixtures/corpus.js';
import { runExport } from '../electron/core/export/index.js';
import { writeDocx } from '../electron/core/export/docx/index.js';
import { stopPdfWorker } from '../electron/core/export/pdf/worker.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { CaseDocument } from '../electron/core/model/types.js';
import { nonEmptyLines, part, pdfPageTexts, sofficeToPdf, squash, unzip, workDir } from './docx-helpers.js';
import { checkIndexes as checkIndexesOf, checkTables as checkTablesOf, folio, openings as openingsOf, type IndexedCase } from './support/indexes.js';
import path from 'node:path';
import JSZip from 'jszip';

const bundle = await corpusBundle();
const cases = Object.values(bundle.cases) as CaseDocument[];
const dir = workDir('indexes');

const indexed: IndexedCase[] = cases.map((c) => ({ id: c.id, title: c.meta.title, region: c.meta.region, category: c.meta.category }));
const book = bundle.collection.title;
const openings = (pages: string[]) => openingsOf(pages, indexed);
const checkIndexes = (pages: string[], label: string) => checkIndexesOf(pages, label, indexed, book);
const checkTables = (pages: string[], label: string) => checkTablesOf(pages, label, indexed);

test('PDF: the indexes give each case the folio where it opens, under its region and 业务领域; per-region tables', async () => {
  const pdf = await runExport({ template: 'anthology', format: 'pdf', outPath: path.join(dir, 'book.pdf'), bundle });
  const pages = await pdfPageTexts(pdf.path);
  checkIndexes(pages, 'PDF');
  checkTables(pages, 'PDF');
  // The 目录 lists the back matter with its folios.
  // The 目录 follows the cover and the 前言 (the corpus collection has a lead).
  const tocAt = pages.findIndex((p) => squash(nonEmptyLines(p).slice(0, 2).join('')).startsWith('目录'));
  assert.ok(tocAt > 2, 'the 目录 after the cover and the 前言');
  const toc = squash(pages.slice(tocAt, tocAt + 2).join(''));
  for (const t of ['地区索引', '领域索引']) {
    const start = pages.findIndex((p, i) => i > tocAt + 1 && nonEmptyLines(p).slice(0, 2).some((l) => squash(l) === t));
    assert.ok(toc.includes(`${t}${folio(pages[start]!)}`) || new RegExp(`${t}\\.*${folio(pages[start]!)}`).test(toc), `目录 lists ${t} on folio ${folio(pages[start]!)}`);
  }

  // Page budgets and flags from the layout agree with the pages read back.
  const opens = openings(pages);
  for (const c of pdf.cases) assert.equal(c.firstPage, opens.get(c.document), `${c.title} opens on ${c.firstPage}`);
  assert.deepEqual(pdf.overBudget, pdf.cases.filter((c) => c.pages > 2).map((c) => ({ document: c.document, title: c.title, pages: c.pages, budget: 2 })));
  for (const c of pdf.cases.filter((x) => x.pages > 1)) {
    const last = pages.find((p) => folio(p) === c.firstPage + c.pages - 1)!;
    // Body lines on the case's last page: without the running head and the folio.
    const lines = nonEmptyLines(last).slice(1, -1).length;
    assert.equal(c.lastPageLines, lines < 3 ? lines : undefined, `${c.title}: last page has ${lines} lines`);
  }
});

test('a page budget set on a case overrides the template budget; over budget is reported and warned', async () => {
  const long = (await runExport({ template: 'anthology', format: 'pdf', outPath: path.join(dir, 'probe.pdf'), bundle })).cases.reduce((a, b) => (b.pages > a.pages ? b : a));
  assert.ok(long.pages >= 2, 'the corpus has a case of two pages or more');
  const tight = { ...bundle, cases: Object.fromEntries(cases.map((c) => [c.id, c.id === long.document ? { ...c, meta: { ...c.meta, pageBudget: long.pages - 1 } } : c])) };
  // Through the PDF worker thread (as the app exports): the layout report must cross the thread too.
  const out = await runExport({ template: 'anthology', format: 'pdf', outPath: path.join(dir, 'tight.pdf'), bundle: tight, inWorker: true });
  await stopPdfWorker();
  assert.equal(out.cases.length, cases.length);
  assert.deepEqual(out.overBudget.find((o) => o.document === long.document), { document: long.document, title: long.title, pages: long.pages, budget: long.pages - 1 });
  assert.ok(out.warnings.some((w) => w.kind === 'over-budget' && w.document === long.document && w.message.includes(`预算 ${long.pages - 1} 页`)));
});

test('DOCX: the indexes are PAGEREF fields to the cases; LibreOffice resolves them to the folios where the cases open; tables are real', async () => {
  const { bytes } = await writeDocx({ format: 'docx', template: loadTemplate('anthology'), bundle });
  const parts = await unzip(new Uint8Array(bytes));
  const doc = part(parts, 'word/document.xml');
  const entries = [...doc.matchAll(/<w:p><w:pPr><w:pStyle w:val="Index1"\/>.*?<\/w:p>/g)].map((m) => m[0]);
  assert.equal(entries.length, 2 * cases.length, 'each case in both indexes');
  for (const e of entries) assert.match(e, /PAGEREF _Toc\d+ \\h /, 'a page reference to the case');
  // Each back-matter title is bookmarked and at outline level 1, so a TOC refreshed in Word keeps it.
  const titles = [...doc.matchAll(/<w:p><w:pPr><w:pStyle w:val="TOCHeading"\/>(?:(?!<\/w:pPr>).)*<w:outlineLvl w:val="0"\/>.*?<\/w:p>/g)].map((m) => squash(m[0].replace(/<[^>]+>/g, '')));
  assert.deepEqual(titles, ['地区索引', '领域索引', '附表各地案例统计']);
  // The other TOCHeading paragraphs are the 目录's title and the 前言's (the corpus collection has a lead), outside the TOC.
  assert.equal(titles.length, [...doc.matchAll(/<w:pStyle w:val="TOCHeading"\/>/g)].length - 2, 'all but the 目录 and 前言 titles');
  // The cached numbers are our estimate; set them to 0 so the numbers printed can only come from LibreOffice's own layout.
  const zeroed = doc.replace(/(<w:pStyle w:val="Index1"\/>.*?<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>)\d+(<\/w:t>)/g, '$10$2');
  assert.notEqual(zeroed, doc);
  const zip = await JSZip.loadAsync(bytes);
  zip.file('word/document.xml', zeroed);
  const pages = await pdfPageTexts(await sofficeToPdf(await zip.generateAsync({ type: 'uint8array' }), 'indexes'));
  checkIndexes(pages, 'LibreOffice');
  checkTables(pages, 'LibreOffice');
  // The 目录's cached folios of the back matter (a TOC field keeps its cache) are where LibreOffice prints it.
  const toc = squash(pages.slice(0, 4).join('')).replace(/\.+/g, '');
  for (const t of ['地区索引', '领域索引', '附表各地案例统计']) {
    const at = pages.findIndex((p, i) => i > 2 && nonEmptyLines(p).slice(0, 2).some((l) => squash(l) === t));
    assert.ok(new RegExp(`${t}${folio(pages[at]!)}(?!\\d)`).test(toc), `目录 lists ${t} on folio ${folio(pages[at]!)}`);
  }
  // A real table per region after the 附表 title, its last row the totals.
  const tables = doc.slice(doc.indexOf('附表')).match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
  const regions = new Set(cases.map((c) => c.meta.region?.city ?? c.meta.region?.province ?? ''));
  assert.equal(tables.length, regions.size);
  for (const t of tables) {
    const rows = t.match(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/g) ?? [];
    const cells = (row: string) => [...row.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''));
    const body = rows.slice(1, -1).map(cells);
    const total = cells(rows.at(-1)!);
    assert.equal(total[0], '合计');
    assert.equal(Number(total.at(-1)), body.reduce((n, r) => n + Number(r.at(-1)), 0), 'the totals add up');
  }
});

test('a heading left as the last line of a page and a last page of under three lines are flagged, with the folio', async () => {
  const para = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
  const doc: CaseDocument = {
    kind: 'case',
    id: 'flags',
    meta: { title: '版面提示测试', region: { province: '山东省', city: '济南市', county: null }, category: '综合' },
    body: [para('第一页的正文。'.repeat(20)), { type: 'heading', level: 1, content: [{ type: 'text', text: '分页前的小标题' }] }, { type: 'pageBreak' }, para('第二页只有一行。')],
  };
  const one = { collection: { id: 'c', title: '测试汇编', sections: [{ title: '综合', caseIds: ['flags'] }] }, cases: { flags: doc } };
  const out = await runExport({ template: 'anthology', format: 'pdf', outPath: path.join(dir, 'flags.pdf'), bundle: one });
  const c = out.cases[0]!;
  const pages = await pdfPageTexts(out.path);
  const first = pages.find((p) => folio(p) === c.firstPage)!;
  assert.equal(squash(nonEmptyLines(first).at(-2)!), '分页前的小标题', 'the heading is the last line above the folio');
  assert.deepEqual(c.headingsAtFoot, [c.firstPage]);
  assert.equal(c.lastPageLines, 1);
  const kinds = out.warnings.filter((w) => w.document === 'flags').map((w) => [w.kind, w.page]);
  assert.deepEqual(kinds, [['heading-at-foot', c.firstPage], ['short-last-page', c.firstPage + 1]]);
});
