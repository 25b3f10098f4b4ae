/**
 * PDF export through the shared entry (runExport) and off the main thread: a failed
 * export never leaves a broken or partial file, and the worker gives the same book.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusBundle, corpusNotice } from './fixtures/corpus.js';
import { runExport } from '../electron/core/export/index.js';
import { stopPdfWorker, writePdf, writePdfInWorker } from '../electron/core/export/pdf/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { CaseDocument, CollectionBundle } from '../electron/core/model/types.js';
import { readInfo } from './pdf-readback.js';

const bundle = await corpusBundle();

test('runExport writes a complete PDF and reports its pages', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-export-'));
  const out = path.join(dir, '汇编.pdf');
  const progress: number[] = [];
  const r = await runExport({ template: 'anthology', format: 'pdf', outPath: out, bundle, onProgress: (f) => progress.push(f) });
  assert.equal(r.path, out);
  assert.equal(Number(readInfo(out).Pages), r.pages);
  assert.ok(r.bytes > 10_000);
  assert.ok(progress.length > 3 && progress.at(-1) === 1, 'progress reported up to 1');
  assert.deepEqual(readdirSync(dir), ['汇编.pdf'], 'no temp file left');
});

test('an unwritable target fails with a clear message and creates nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-export-'));
  await assert.rejects(runExport({ template: 'anthology', format: 'pdf', outPath: path.join(dir, 'missing', 'a.pdf'), bundle }), /无法写入 .*不存在或没有写权限/);
  const file = path.join(dir, 'plain-file');
  writeFileSync(file, 'x');
  await assert.rejects(runExport({ template: 'anthology', format: 'pdf', outPath: path.join(file, 'a.pdf'), bundle }), /无法写入/);
  await assert.rejects(runExport({ template: 'anthology', format: 'pdf', outPath: dir, bundle }), /无法写入.*文件夹已存在/);
  assert.deepEqual(readdirSync(dir), ['plain-file']);
});

test('a writer error leaves an existing file untouched and no partial file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-export-'));
  const out = path.join(dir, 'book.pdf');
  writeFileSync(out, 'the previous export');
  const broken: CaseDocument = {
    kind: 'case',
    id: 'bad',
    meta: { title: '坏案例' },
    get body(): never {
      throw new Error('case body could not be read');
    },
  };
  const bad: CollectionBundle = { collection: { ...bundle.collection, sections: [{ title: '综合', caseIds: ['bad'] }] }, cases: { bad: broken } };
  await assert.rejects(runExport({ template: 'anthology', format: 'pdf', outPath: out, bundle: bad }), /case body could not be read/);
  assert.equal(readFileSync(out, 'utf8'), 'the previous export');
  assert.deepEqual(readdirSync(dir), ['book.pdf']);
});

test('writePdfInWorker sets the same book off the main thread and reports progress', async () => {
  const template = loadTemplate('anthology');
  const local = await writePdf({ template, format: 'pdf', bundle });
  const progress: number[] = [];
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const remote = await writePdfInWorker({ template, format: 'pdf', bundle, onProgress: (f) => progress.push(f) });
  clearInterval(timer);
  assert.equal(remote.worker, true, 'ran in a worker thread');
  assert.equal(remote.pages, local.pages);
  assert.equal(Buffer.from(remote.bytes).subarray(0, 5).toString(), '%PDF-');
  assert.ok(Math.abs(remote.bytes.byteLength - local.bytes.byteLength) < 200, 'same content (dates aside)');
  assert.ok(progress.length > 0, 'progress crosses the thread');
  assert.ok(ticks > 0, 'the main thread kept running');
  // The same worker takes the next jobs, including after one failed.
  await assert.rejects(writePdfInWorker({ template: loadTemplate('notice'), format: 'pdf' }), /needs a notice/);
  const [notice, again] = await Promise.all([
    writePdfInWorker({ template: loadTemplate('notice'), format: 'pdf', notice: await corpusNotice() }),
    writePdfInWorker({ template, format: 'pdf', bundle }),
  ]);
  assert.ok(notice.worker && (notice.pages ?? 0) >= 3);
  assert.equal(again.pages, local.pages);
  await stopPdfWorker();
});

test('the A4 trim preset of the anthology template sets A4 pages', async () => {
  const base = loadTemplate('anthology');
  const a4 = { ...base, options: { ...base.options, trim: 'A4' } };
  const out = await writePdf({ template: a4, format: 'pdf', bundle });
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-export-'));
  const file = path.join(dir, 'a4.pdf');
  writeFileSync(file, out.bytes);
  assert.match(readInfo(file)['Page size']!, /^595\.\d+ x 841\.\d+ pts/);
  const b5 = await writePdf({ template: base, format: 'pdf', bundle });
  assert.ok((out.pages ?? 0) < (b5.pages ?? 0), `A4 takes fewer pages (${out.pages} < ${b5.pages})`);
});
