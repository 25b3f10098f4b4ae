/**
 * The app's export as an editor meets it: the API in its worker thread (startApiHost, exactly as
 * the Electron main process runs it), the 25-draft anthology of the process benchmark (≈350
 * cases) in a library, then `export.run` for PDF and DOCX: the first export after the worker
 * starts (cold: modules, fonts and templates load) and the next ones (warm: the app has exported
 * once), medians of BENCH_RUNS (≥ 3). Target (issue #13): a warm export ≤ 1 s.
 *
 *   npm run bench -- app-export
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApiHost } from '../electron/main/api-client.js';
import { draftCopies, FEATURE } from './process/book.js';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const COPIES = 25;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-app-export-'));
  const host = await startApiHost({ dataDir: path.join(dir, 'data') });
  try {
    const files = draftCopies(path.join(dir, 'drafts'), FEATURE, COPIES).map((p) => ({ name: path.basename(p), path: p }));
    const preview = (await host.dispatch('import.preview', { files })) as { previewId: string };
    const commit = (await host.dispatch('import.commit', { previewId: preview.previewId, newCollection: { title: '民政工作创新案例汇编' } })) as { collectionId: string };
    for (const format of ['pdf', 'docx'] as const) {
      const times: number[] = [];
      let pages: number | undefined;
      for (let i = 0; i <= RUNS; i++) {
        const t = performance.now();
        const result = (await host.dispatch('export.run', { collectionId: commit.collectionId, template: 'anthology', format })) as { pages?: number };
        times.push(performance.now() - t);
        pages ??= result.pages;
      }
      const [cold, ...warm] = times;
      console.log(
        `app: anthology ${format.toUpperCase()} of ${COPIES} feature drafts through the API worker (target: warm ≤ 1 s)\n` +
          `    first export after start ${seconds(cold ?? NaN)}; warm median ${seconds(median(warm))} (min ${seconds(Math.min(...warm))}, max ${seconds(Math.max(...warm))}, ${warm.length} runs)${pages ? `, ${pages} pages` : ''}`,
      );
    }
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
