/**
 * A large import preview reads its files on worker threads: the outcome of every file (the
 * model, its proof, its fixed text, or the error naming it) must be what the API's own thread
 * makes of it, in the order given, and an import through the workers must store the same
 * library as one read on the thread.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { craftZip, minimalDocx } from './fixtures/craft-zip.js';
import { CORPUS_FILES, corpusPath } from './fixtures/corpus.js';
import { previewDraft, type DraftSource } from '../electron/core/api/handlers/importDraft.js';
import { importWorkers, previewDrafts, stopImportWorkers, workersPay, workersPayBlockedAsks } from '../electron/core/api/handlers/importPool.js';
import { createApi } from '../electron/core/api/index.js';
import { listFixtures } from '../scripts/score-import.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-import-pool-'));
after(async () => {
  await stopImportWorkers();
  rmSync(dir, { recursive: true, force: true });
});

/** The corpus twice over, a DOCX, an empty file, a file that is not there and a PDF named .txt: 16 sources. */
function sources(): DraftSource[] {
  const out: DraftSource[] = [];
  for (let round = 0; round < 2; round++) {
    for (const name of CORPUS_FILES) {
      const p = path.join(dir, `${round}-${name}`);
      writeFileSync(p, readFileSync(corpusPath(name)));
      out.push({ name: path.basename(p), path: p });
    }
  }
  const docx = path.join(dir, 'draft.docx');
  writeFileSync(docx, craftZip(minimalDocx(['关于开展社区养老服务的案例', '某县民政局聚焦老年人助餐，建成社区食堂12个,服务老人3000余人次。'])));
  out.push({ name: 'draft.docx', path: docx });
  writeFileSync(path.join(dir, 'empty.txt'), '');
  out.push({ name: 'empty.txt', path: path.join(dir, 'empty.txt') });
  out.push({ name: 'gone.txt', path: path.join(dir, 'gone.txt') });
  writeFileSync(path.join(dir, 'scan.txt'), '%PDF-1.7\n1 0 obj\n');
  out.push({ name: 'scan.txt', path: path.join(dir, 'scan.txt') });
  out.push({ name: 'inline.md', bytes: Buffer.from('# 社区食堂\n\n某县民政局建成社区食堂12个,服务老人3000余人次。\n') });
  out.push({ name: 'inline2.txt', bytes: Buffer.from('老年助餐服务\n\n某区民政局建成社区食堂12个。') });
  return out;
}

test('the workers make of every file what the calling thread makes of it, in order', async () => {
  const given = sources();
  const options = { maxBytes: 50 * 1024 * 1024 };
  const pooled = await previewDrafts(given, options);
  assert.ok(pooled, 'the import workers start from the sources');
  const here = [];
  for (const source of given) here.push(await previewDraft(source, options));
  assert.equal(pooled.length, given.length);
  assert.deepEqual(pooled, here);
  assert.deepEqual(
    pooled.map((o) => o.kind),
    [...Array(10).fill('file'), 'file', 'error', 'error', 'error', 'file', 'file'],
  );
  const errors = pooled.flatMap((o) => (o.kind === 'error' ? [o.message] : []));
  assert.match(errors[0]!, /empty\.txt.*空文件/u);
  assert.match(errors[1]!, /gone\.txt/u);
  assert.match(errors[2]!, /scan\.txt.*PDF/u);
});

test('a draft sent back from a worker as JSON is the outcome the thread makes (portal tuning pages)', async () => {
  // Every kind of page the importer meets (notices, lists, articles, Word copies, GB18030): a
  // value JSON would drop or change (undefined, a typed array) would fail the strict comparison.
  const given = listFixtures('tuning').map((p): DraftSource => ({ name: path.basename(p), path: p }));
  assert.ok(given.length > 150, `tuning pages present (${given.length})`);
  const options = { maxBytes: 50 * 1024 * 1024 };
  const pooled = await previewDrafts(given, options);
  assert.ok(pooled, 'the import workers start');
  const here = [];
  for (const source of given) here.push(await previewDraft(source, options));
  assert.ok(here.filter((o) => o.kind === 'file').length > 150, 'drafts read');
  for (let i = 0; i < given.length; i++) assert.deepStrictEqual(pooled[i], here[i], given[i]!.name);
});

test('an import read on the workers stores the library one read on the thread stores', async (t) => {
  // the workers are used however busy the machine is
  process.env.HUIBIAN_IMPORT_WORKERS = '1';
  t.after(() => delete process.env.HUIBIAN_IMPORT_WORKERS);
  assert.equal(workersPay(), true);
  const given = sources().filter((s) => s.path);
  const libraries = [];
  for (const split of [false, true]) {
    const db = path.join(dir, `lib-${split}.db`);
    const api = createApi({ dataDir: dir, dbPath: db, transport: 'cli' });
    try {
      // one preview of all 14 files stays on the thread; 16 or more go to the workers
      const files = given.map((s) => ({ name: s.name, path: s.path! }));
      const batch = split ? [...files, ...files.slice(0, 2).map((f) => ({ ...f }))] : files;
      const preview = (await api.dispatch('import.preview', { files: batch })) as { previewId: string; files: unknown[]; errors: unknown[]; proof: unknown[] };
      const committed = (await api.dispatch('import.commit', { previewId: preview.previewId })) as { imported: unknown[]; duplicates: unknown[] };
      const store = api.context.store;
      const docs = store.listDocuments().map((d) => {
        const stored = store.getDocument(d.id);
        const { id: _id, ...document } = stored.document as unknown as Record<string, unknown>;
        return { document, revision: stored.revision, revisions: store.listRevisions(d.id).map((r) => [r.title, r.charCount]) };
      });
      libraries.push({
        preview,
        docs,
        hits: store.search('社区').map((h) => h.title),
        duplicates: committed.duplicates.length,
      });
    } finally {
      api.close();
    }
  }
  const [thread, workers] = libraries;
  // the preview of the same files, and the two extra ones read again
  const n = thread!.preview.files.length;
  assert.deepEqual(workers!.preview.files.slice(0, n), thread!.preview.files);
  assert.deepEqual(workers!.preview.proof.slice(0, n), thread!.preview.proof);
  assert.deepEqual(workers!.preview.files.slice(n), thread!.preview.files.slice(0, 2));
  assert.deepEqual(workers!.preview.errors, thread!.preview.errors);
  assert.deepEqual(workers!.docs, thread!.docs);
  assert.deepEqual(workers!.hits, thread!.hits);
  assert.ok(thread!.docs.some((d) => d.revision === 2), 'proofing fixes are stored as revision 2');
  // the two files given twice in the same batch are found as duplicates of their first copies
  assert.ok(workers!.duplicates > thread!.duplicates);
});

/** `n` copies of the corpus's text drafts: read synchronously through, as `huibian import`'s are. */
function textDrafts(n: number): DraftSource[] {
  return Array.from({ length: n }, (_, i) =>
    CORPUS_FILES.map((name) => {
      const p = path.join(dir, `text-${i}-${name}`);
      writeFileSync(p, readFileSync(corpusPath(name)));
      return { name: path.basename(p), path: p };
    }),
  ).flat();
}

test('a preview finishes while the ones asked for after it are still being read', async () => {
  // huibian import asks for the next batches before it commits one: the first must come back
  // once its own files are read, not after the calling thread has also read its share of the later ones
  const options = { maxBytes: 50 * 1024 * 1024 };
  assert.ok(await previewDrafts(textDrafts(4), options), 'the workers are running');
  const started = performance.now();
  const first = previewDrafts(textDrafts(4), options)!.then(() => performance.now() - started);
  const later = previewDrafts(textDrafts(24), options)!.then(() => performance.now() - started);
  const [a, b] = await Promise.all([first, later]);
  assert.ok(a < b / 2, `first preview of 20 files back after ${a.toFixed(0)} ms, the next of 120 after ${b.toFixed(0)} ms`);
});

test('HUIBIAN_IMPORT_WORKERS=0 keeps every preview on the calling thread', () => {
  process.env.HUIBIAN_IMPORT_WORKERS = '0';
  try {
    assert.equal(workersPay(), false);
  } finally {
    delete process.env.HUIBIAN_IMPORT_WORKERS;
  }
});

test('the workers are chosen by the cores idle now, not by the load average', async () => {
  await stopImportWorkers();
  // Every core busy (a burner per core): no spare core, the preview stays on the thread.
  const { spawn } = await import('node:child_process');
  const burners = Array.from({ length: os.availableParallelism() }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  try {
    await new Promise((r) => setTimeout(r, 300));
    workersPay(); // a fresh window, inside the busy time
    assert.equal(workersPay(), false);
  } finally {
    for (const b of burners) b.kill('SIGKILL');
  }
  // The burners gone: the next window sees idle cores at once, whatever the 1-minute average says.
  await new Promise((r) => setTimeout(r, 1100));
  if (os.availableParallelism() > 1) assert.equal(workersPay(), true, `load average ${os.loadavg()[0]}`);
});

test('a batch asking a second or more after the last ask reads the time since, and one asking at once gets the last answer, neither blocking for a fresh window', async () => {
  await stopImportWorkers();
  const forced = process.env.HUIBIAN_IMPORT_WORKERS;
  delete process.env.HUIBIAN_IMPORT_WORKERS;
  try {
    workersPay();
    // as \`huibian import\` asks again for its next batch, here after 1.2 s
    await new Promise((r) => setTimeout(r, 1200));
    // (A fresh window is 50 ms of the thread waiting: counted, not timed, so a busy machine cannot fail this.)
    const blocked = workersPayBlockedAsks();
    const answer = workersPay();
    assert.equal(workersPayBlockedAsks(), blocked, 'the ask a second after the last blocked for a fresh window');
    // and its two read-ahead batches asked back to back: the answer of a moment ago, at once
    assert.equal(workersPay(), answer);
    assert.equal(workersPayBlockedAsks(), blocked, 'the ask right after blocked for a fresh window');
  } finally {
    if (forced !== undefined) process.env.HUIBIAN_IMPORT_WORKERS = forced;
  }
});

test('idle workers stop, and the next large preview starts them again', async () => {
  const given = sources();
  const options = { maxBytes: 50 * 1024 * 1024 };
  importWorkers(200);
  // Workers forced on: whether they pay on a busy machine is the test above's; this one is about their lifetime.
  const forced = process.env.HUIBIAN_IMPORT_WORKERS;
  process.env.HUIBIAN_IMPORT_WORKERS = '1';
  try {
    const first = await previewDrafts(given, options);
    assert.ok(first);
    assert.ok(importWorkers() > 0, 'running right after a preview');
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(importWorkers(), 0, 'stopped once idle');
    const second = await previewDrafts(given, options);
    assert.ok(second && importWorkers() > 0, 'started again');
    assert.deepEqual(second, first);
  } finally {
    importWorkers(60_000);
    if (forced === undefined) delete process.env.HUIBIAN_IMPORT_WORKERS;
    else process.env.HUIBIAN_IMPORT_WORKERS = forced;
  }
});
