/**
 * Runs the PDF writer off the calling thread (the app's main process must stay responsive
 * during a 1,000-page export). One worker is kept for the process and reused, so fonts are
 * opened once, not per export; it does not keep the process alive while idle. The model
 * and template go over by structured clone, the bytes come back transferred. Where a
 * worker cannot start (a bundle without the worker entry) the writer runs in-process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WriterInput, WriterResult } from '../index.js';

type FromWorker =
  | { id: number; type: 'progress'; fraction: number; message?: string }
  | { id: number; type: 'done'; bytes: Uint8Array; written?: number; pages?: number; warnings?: WriterResult['warnings']; cases?: WriterResult['cases'] }
  | { id: number; type: 'error'; message: string; path?: string };

export interface WorkerOptions {
  /** Force in-process (tests, or a context without worker support). */
  inProcess?: boolean;
}

interface Pending {
  resolve: (r: WriterResult & { worker: boolean }) => void;
  reject: (e: Error) => void;
  onProgress?: WriterInput['onProgress'];
}

let shared: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

async function inProcess(input: WriterInput): Promise<WriterResult> {
  const { writePdf } = await import('./index.js');
  return writePdf(input);
}

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  shared = null;
}

function startWorker(): Worker | null {
  const isTs = import.meta.url.endsWith('.ts');
  let worker: Worker;
  if (isTs) {
    // Source run (tests, dev): the worker registers tsx's loader itself (workers do not inherit module hooks).
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./worker-thread.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    worker = new Worker(boot, { eval: true, execArgv: [] });
  } else {
    const entry = new URL('./worker-thread.js', import.meta.url);
    if (entry.protocol !== 'file:' || !existsSync(fileURLToPath(entry))) return null;
    worker = new Worker(entry);
  }
  worker.on('message', (m: FromWorker) => {
    const job = pending.get(m.id);
    if (!job) return;
    if (m.type === 'progress') job.onProgress?.(m.fraction, m.message);
    else {
      pending.delete(m.id);
      if (pending.size === 0) worker.unref();
      if (m.type === 'done') {
        const bytes = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
        job.resolve({ bytes, written: m.written, pages: m.pages, warnings: m.warnings, cases: m.cases, worker: true });
      } else job.reject(Object.assign(new Error(m.message), m.path ? { path: m.path } : {}));
    }
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`PDF worker stopped (exit code ${code}) before finishing`)));
  worker.unref();
  return worker;
}

export async function writePdfInWorker(input: WriterInput, options: WorkerOptions = {}): Promise<WriterResult & { worker: boolean }> {
  if (options.inProcess) return { ...(await inProcess(input)), worker: false };
  if (!shared) {
    try {
      shared = startWorker();
    } catch {
      shared = null;
    }
    if (!shared) return { ...(await inProcess(input)), worker: false };
  }
  const worker = shared;
  const { onProgress, ...rest } = input;
  const cases = rest.bundle?.cases;
  const payload = { ...rest, bundle: rest.bundle && { ...rest.bundle, cases: cases instanceof Map ? Object.fromEntries(cases) : cases } };
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    worker.ref();
    worker.postMessage({ id, input: payload });
  });
}

/** Stops the shared worker (app shutdown, tests); the next export starts a new one. */
export async function stopPdfWorker(): Promise<void> {
  const w = shared;
  shared = null;
  if (w) await w.terminate();
}
