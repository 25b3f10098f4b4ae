// The API runs in a worker thread (electron/main/api-host.ts) so that the main process —
// windows, menus, IPC — stays responsive during long imports and exports. Real library,
// real importer and writers; the measure is the main thread's longest stall.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { startApiHost, type ApiHost } from '../electron/main/api-client.js';
import { CORPUS_DIR } from './fixtures/corpus.js';

const CORPUS = CORPUS_DIR;
let dir: string;
let host: ApiHost;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-api-host-'));
  host = await startApiHost({ dataDir: dir });
});
after(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('API host worker', () => {
  it('answers from its own thread, over the library in the data dir', async () => {
    assert.notEqual(host.threadId, threadId);
    const info = (await host.dispatch('app.info', {})) as { dataDir: string; transport: string };
    assert.equal(info.dataDir, dir);
    assert.equal(info.transport, 'ipc');
  });

  it('passes API errors back with their codes', async () => {
    await assert.rejects(host.dispatch('collections.create', { title: '' }), (e: { code: string }) => e.code === 'invalid-input');
    await assert.rejects(host.dispatch('no.such', {}), (e: { code: string }) => e.code === 'not-found');
    await assert.rejects(host.dispatch('collections.list', { f: () => 1 }), (e: { code: string }) => e.code === 'invalid-input');
  });

  it('keeps the main thread responsive while importing and exporting the anthology', async (t) => {
    const files = ['jining-2020-shortlist.txt', 'zhongguominzheng-2022-02-feature.txt', 'jinshi-2018-article.txt'].map((n) => ({ name: n, path: path.join(CORPUS, n) }));
    const gaps: number[] = [];
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 10);
    try {
      const preview = (await host.dispatch('import.preview', { files })) as { previewId: string; files: unknown[] };
      assert.equal(preview.files.length, 3);
      const commit = (await host.dispatch('import.commit', { previewId: preview.previewId, newCollection: { title: '2022年民政工作创新案例汇编' } })) as { collectionId: string };
      const started = performance.now();
      const exported = (await host.dispatch('export.run', { collectionId: commit.collectionId, template: 'anthology', format: 'pdf' })) as { path: string; pages?: number; bytes: number };
      const ms = performance.now() - started;
      assert.ok(exported.bytes > 10_000 && (exported.pages ?? 0) > 10, JSON.stringify(exported));
      const worst = Math.max(...gaps);
      t.diagnostic(`export ${ms.toFixed(0)} ms, ${exported.pages} pages; longest main-thread gap between 10 ms ticks: ${worst.toFixed(0)} ms`);
      assert.ok(ms > 200, 'the export did real work while the ticker ran');
      assert.ok(worst < 200, `main thread stalled ${worst.toFixed(0)} ms`);
    } finally {
      clearInterval(ticker);
    }
  });

  it('refuses calls after close', async () => {
    const other = await startApiHost({ dataDir: path.join(dir, 'second') });
    await other.close();
    await assert.rejects(other.dispatch('app.info', {}), /closed/);
  });
});
