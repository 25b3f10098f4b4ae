/**
 * 新增/延续 in the anthology's indexes, read back as a reader sees them: a case whose
 * meta.continuesFrom names an earlier case is listed as （延续）, one compared and found new as
 * （新增）, and a book with nothing to compare against carries no flag at all — in our PDF and in
 * the DOCX as LibreOffice prints it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { corpusBundle } from './fixtures/corpus.js';
import { runExport } from '../electron/core/export/index.js';
import { writeDocx } from '../electron/core/export/docx/index.js';
import { stopPdfWorker } from '../electron/core/export/pdf/worker.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import { categoryIndex, continuityFlag, regionIndex } from '../electron/core/export/indexes.js';
import type { CaseDocument, CollectionBundle } from '../electron/core/model/types.js';
import { pdfPageTexts, sofficeToPdf, squash, workDir } from './docx-helpers.js';

const dir = workDir('continuity');

/** The corpus book with its first case continuing a 2020 case and every other case compared and new. */
async function flaggedBundle(): Promise<{ bundle: CollectionBundle; continued: CaseDocument; fresh: CaseDocument[] }> {
  const bundle = await corpusBundle();
  const cases = Object.values(bundle.cases) as CaseDocument[];
  const [continued, ...fresh] = cases;
  continued!.meta.continuesFrom = { documentId: 'earlier-1', collectionId: 'c2020', title: '往年的同名案例', year: 2020 };
  for (const c of fresh) c.meta.continuesFrom = null;
  return { bundle, continued: continued!, fresh };
}

/** The index part of the book: the pages from 地区索引 up to the tables. */
function indexText(pages: string[]): string {
  const start = pages.findIndex((p, i) => i > 3 && squash(p).startsWith('地区索引'));
  const end = pages.findIndex((p, i) => i > start && squash(p).includes('附表'));
  assert.ok(start > 0 && end > start, 'the book has its index pages');
  return squash(pages.slice(start, end).join(''));
}

test('the index lines carry the flag only where the book was compared with earlier collections', async () => {
  const plain = await corpusBundle();
  const lines = [...regionIndex(plain), ...categoryIndex(plain)].filter((l) => l.caseId);
  assert.ok(lines.length > 0);
  assert.ok(lines.every((l) => l.flag === undefined && !/（(新增|延续)）/.test(l.text)), 'no flag without comparison');

  const { bundle, continued, fresh } = await flaggedBundle();
  assert.equal(continuityFlag(continued), '延续');
  const flagged = regionIndex(bundle).filter((l) => l.caseId);
  assert.equal(flagged.find((l) => l.caseId === continued.id)?.flag, '延续');
  for (const c of fresh) assert.equal(flagged.find((l) => l.caseId === c.id)?.flag, '新增', c.meta.title);
});

test('PDF and DOCX: the indexes print （延续） and （新增） after the titles', async () => {
  const { bundle, continued, fresh } = await flaggedBundle();
  const pdf = await runExport({ template: 'anthology', format: 'pdf', outPath: path.join(dir, 'book.pdf'), bundle });
  const { bytes } = await writeDocx({ format: 'docx', template: loadTemplate('anthology'), bundle });
  const rendered = await sofficeToPdf(bytes, 'continuity-book');
  for (const [label, file] of [['PDF', pdf.path], ['DOCX', rendered]] as const) {
    const text = indexText(await pdfPageTexts(file));
    const head = (c: CaseDocument) => squash(c.meta.title).slice(-6);
    // A title may break over two lines; its last characters sit right before the flag.
    assert.ok(text.includes(`${head(continued)}（延续）`), `${label}: ${continued.meta.title} as 延续`);
    for (const c of fresh) assert.ok(text.includes(`${head(c)}（新增）`), `${label}: ${c.meta.title} as 新增`);
    // Each case is listed in both indexes.
    assert.equal(text.split('（延续）').length - 1, 2, `${label}: the continued case in both indexes`);
  }
  await stopPdfWorker();
});
