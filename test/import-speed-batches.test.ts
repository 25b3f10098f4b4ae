/**
 * A large `huibian import` goes in by batches of 100 files, the next batches read while one
 * is committed: the outcome must be the one import of the whole list — one collection, every
 * case in file order, duplicates found across batches whichever batch was read first, a file
 * that fails reported by name, and progress after each batch.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importInBatches } from '../electron/core/cli/import.js';
import { openLibrary } from '../electron/core/cli/library.js';
import { stopImportWorkers } from '../electron/core/api/handlers/importPool.js';
import { corpusPath } from './fixtures/corpus.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-batches-'));
after(async () => {
  await stopImportWorkers();
  rmSync(tmp, { recursive: true, force: true });
});

/** Copy n of the single-case article: its long lines marked, so each copy is a case of its own. */
function copy(text: string, n: number): string {
  return text.replace(/^(.{60,}?)(\r?)$/gmu, `$1（第${n}份）$2`);
}

test('230 drafts in four batches, the last ones smaller: one collection, file order, duplicates across batches, a failure by name, progress per batch', async () => {
  const text = readFileSync(corpusPath('jinshi-2018-article.txt'), 'utf8');
  const dir = path.join(tmp, 'drafts');
  mkdirSync(dir);
  const files: string[] = [];
  for (let i = 1; i <= 230; i++) {
    const file = path.join(dir, `${String(i).padStart(3, '0')}.txt`);
    // 150 repeats 10 and 229 repeats 120: each a duplicate of a case committed in an earlier batch
    const n = i === 150 ? 10 : i === 229 ? 120 : i;
    writeFileSync(file, i === 205 ? Buffer.alloc(0) : copy(text, n));
    files.push(file);
  }
  const api = await openLibrary(path.join(tmp, 'library.db'));
  // the batches read ahead on the import worker while the thread commits, as on a machine with a free core
  const workers = process.env.HUIBIAN_IMPORT_WORKERS;
  process.env.HUIBIAN_IMPORT_WORKERS = '1';
  try {
    const progress: number[] = [];
    const report = await importInBatches(api, files, '批量导入', {}, (done, total) => {
      assert.equal(total, 230);
      progress.push(done);
    });
    // 100, then the last 130 halved down (65, 33, and the 32 left, none under 25): the final commit, with nothing left to read beside it, is short
    assert.deepEqual(progress, [100, 165, 198, 230]);
    assert.deepEqual(
      report.errors.map((e) => e.file),
      ['205.txt'],
    );
    assert.deepEqual(
      report.duplicates.map((d) => d.file),
      ['150.txt', '229.txt'],
    );
    const withCases = report.imported.filter((f) => f.cases.length > 0).map((f) => f.file);
    assert.deepEqual(
      withCases,
      files.map((f) => path.basename(f)).filter((f) => !['150.txt', '229.txt', '205.txt'].includes(f)),
    );
    const collections = api.context.store.listCollections();
    assert.equal(collections.length, 1);
    assert.equal(collections[0]!.title, '批量导入');
    const docs = api.context.store.listDocuments({ collectionId: collections[0]!.id });
    assert.equal(docs.length, 227);
    assert.equal(new Set(docs.map((d) => d.id)).size, 227);
    // every case is searchable by its copy mark
    assert.equal(api.context.store.search('第229份').length, 0);
    assert.equal(api.context.store.search('第230份').length, 1);
  } finally {
    if (workers === undefined) delete process.env.HUIBIAN_IMPORT_WORKERS;
    else process.env.HUIBIAN_IMPORT_WORKERS = workers;
    api.close();
  }
});
