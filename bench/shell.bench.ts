/**
 * The desktop shell's costs, measured in plain Node on the real code paths:
 *  - app:// — every file of the built renderer served through the protocol handler
 *    (path checks, realpath, CSP headers): per-request p50/p95;
 *  - IPC — the main process's API handler (sender check, path grants) over a real library,
 *    against calling the dispatcher directly;
 *  - responsiveness — how long the main thread stalls while the API exports the anthology
 *    PDF, with the API on the main thread and in its worker (as the app runs it).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createApi } from '../electron/core/api/index.js';
import { handleAppRequest } from '../electron/main/app-protocol.js';
import { PathGrants } from '../electron/main/file-checks.js';
import { createApiHandler } from '../electron/main/ipc-api.js';
import { startApiHost } from '../electron/main/api-client.js';
import { CORPUS_DIR } from '../test/fixtures/corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP = { senderFrame: { url: 'app://huibian/index.html', parent: null } };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

async function protocolFigures(): Promise<void> {
  const root = path.join(ROOT, 'out', 'renderer');
  const urls = files(root).map((f) => `app://huibian/${path.relative(root, f).split(path.sep).map(encodeURIComponent).join('/')}`);
  const bytes = files(root).reduce((n, f) => n + statSync(f).size, 0);
  const times: number[] = [];
  const rounds = 50;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const url of urls) {
      const t = performance.now();
      const res = await handleAppRequest(root, new Request(url));
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  console.log(
    `app:// ${urls.length} files (${(bytes / 1024).toFixed(0)} KB) x ${rounds}: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms per request; whole UI ${(total / rounds).toFixed(1)} ms`,
  );
}

async function ipcFigures(dataDir: string): Promise<void> {
  const api = createApi({ dataDir, transport: 'ipc' });
  try {
    const handler = createApiHandler({ dispatch: api.dispatch, grants: new PathGrants() });
    const n = 2000;
    const time = async (call: () => Promise<unknown>) => {
      const t = performance.now();
      for (let i = 0; i < n; i++) await call();
      return ((performance.now() - t) / n) * 1000;
    };
    await time(() => api.dispatch('collections.list', {}));
    const direct = await time(() => api.dispatch('collections.list', {}));
    const viaIpc = await time(() => handler(APP, 'collections.list', {}));
    console.log(`IPC handler: collections.list ${viaIpc.toFixed(1)} µs per call vs ${direct.toFixed(1)} µs dispatching directly (checks add ${(viaIpc - direct).toFixed(1)} µs)`);
  } finally {
    api.close();
  }
}

/** Imports the corpus drafts into a fresh library and exports the anthology PDF through `dispatch`, timing the caller's event loop. */
async function exportWhileTicking(dispatch: (m: string, i: unknown) => Promise<unknown>): Promise<{ ms: number; pages?: number; worstGap: number; maxDelay: number }> {
  const corpus = CORPUS_DIR;
  const files = ['jining-2020-shortlist.txt', 'zhongguominzheng-2022-02-feature.txt', 'jinshi-2018-article.txt'].map((n) => ({ name: n, path: path.join(corpus, n) }));
  const preview = (await dispatch('import.preview', { files })) as { previewId: string };
  const commit = (await dispatch('import.commit', { previewId: preview.previewId, newCollection: { title: '基准汇编' } })) as { collectionId: string };
  const delay = monitorEventLoopDelay({ resolution: 5 });
  // A tick every 10 ms stands for the window's other work (autosave IPC, menus, repaints).
  const gaps: number[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 10);
  delay.enable();
  const t = performance.now();
  try {
    const result = (await dispatch('export.run', { collectionId: commit.collectionId, template: 'anthology', format: 'pdf' })) as { pages?: number };
    return { ms: performance.now() - t, pages: result.pages, worstGap: Math.max(...gaps), maxDelay: delay.max / 1e6 };
  } finally {
    delay.disable();
    clearInterval(ticker);
  }
}

async function exportResponsiveness(dataDir: string): Promise<void> {
  const inline = createApi({ dataDir: path.join(dataDir, 'inline'), transport: 'ipc' });
  try {
    const r = await exportWhileTicking(inline.dispatch);
    console.log(`anthology PDF, API on the main thread: ${r.ms.toFixed(0)} ms, ${r.pages ?? '?'} pages; main thread stalled up to ${r.worstGap.toFixed(0)} ms (event-loop max delay ${r.maxDelay.toFixed(0)} ms)`);
  } finally {
    inline.close();
  }
  const started = performance.now();
  const host = await startApiHost({ dataDir: path.join(dataDir, 'worker') });
  const startMs = performance.now() - started;
  try {
    const r = await exportWhileTicking(host.dispatch);
    const n = 1000;
    const t = performance.now();
    for (let i = 0; i < n; i++) await host.dispatch('collections.list', {});
    console.log(`API worker round trip: collections.list ${(((performance.now() - t) / n) * 1000).toFixed(0)} µs per call`);
    console.log(`anthology PDF, API in its worker (as the app runs it): ${r.ms.toFixed(0)} ms, ${r.pages ?? '?'} pages; main thread stalled up to ${r.worstGap.toFixed(0)} ms (event-loop max delay ${r.maxDelay.toFixed(0)} ms); worker start ${startMs.toFixed(0)} ms`);
  } finally {
    await host.close();
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-shell-bench-'));
  try {
    await protocolFigures();
    await ipcFigures(path.join(dir, 'ipc'));
    await exportResponsiveness(path.join(dir, 'export'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
