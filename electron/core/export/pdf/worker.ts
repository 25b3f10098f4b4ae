/**
 * Runs the PDF writer off the calling thread (the app's main process must stay
 * responsive during a 1,000-page export). The worker gets the model and the resolved
 * template by structured clone and sends the bytes back; where a worker cannot start
 * (no tsx loader, a bundled context) the writer runs in-process instead.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WriterInput, WriterResult } from '../index.js';

type WorkerMessage =
  | { type: 'progress'; fraction: number; message?: string }
  | { type: 'done'; bytes: Uint8Array; pages?: number }
  | { type: 'error'; message: string };

export interface WorkerOptions {
  /** Force in-process (tests, or a context without worker support). */
  inProcess?: boolean;
}

async function inProcess(input: WriterInput): Promise<WriterResult> {
  const { writePdf } = await import('./index.js');
  return writePdf(input);
}

export async function writePdfInWorker(input: WriterInput, options: WorkerOptions = {}): Promise<WriterResult & { worker: boolean }> {
  if (options.inProcess) return { ...(await inProcess(input)), worker: false };
  const { onProgress, ...rest } = input;
  const payload = { ...rest, bundle: rest.bundle && { ...rest.bundle, cases: rest.bundle.cases instanceof Map ? Object.fromEntries(rest.bundle.cases) : rest.bundle.cases } };
  const isTs = import.meta.url.endsWith('.ts');
  let worker: Worker;
  try {
    if (isTs) {
      // Source run (tests, dev): the worker registers tsx's loader itself, then loads the .ts entry.
      const tsx = import.meta.resolve('tsx/esm/api');
      const entry = new URL('./worker-thread.ts', import.meta.url).href;
      const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
      worker = new Worker(boot, { eval: true, workerData: payload, execArgv: [] });
    } else {
      // A bundled build may not ship the worker entry beside this module: then set in-process.
      const entry = new URL('./worker-thread.js', import.meta.url);
      if (entry.protocol !== 'file:' || !existsSync(fileURLToPath(entry))) return { ...(await inProcess(input)), worker: false };
      worker = new Worker(entry, { workerData: payload });
    }
  } catch {
    return { ...(await inProcess(input)), worker: false };
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.fraction, m.message);
      else if (m.type === 'done') {
        settled = true;
        resolve({ bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), pages: m.pages, worker: true });
        void worker.terminate();
      } else {
        settled = true;
        reject(new Error(m.message));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      if (!settled) {
        settled = true;
        reject(e);
      }
    });
    worker.on('exit', (code) => {
      if (!settled) {
        settled = true;
        reject(new Error(`PDF worker stopped (exit code ${code}) before finishing`));
      }
    });
  });
}
