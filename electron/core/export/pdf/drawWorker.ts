/**
 * The PDF drawn on a thread of its own: this thread lays out the book and records each page's
 * drawing (drawRecord.ts); a worker owns the pdfkit document, replays the records page by page,
 * embeds and subsets the faces and writes the file. A book's layout and its drawing each take
 * about half of an export, so on two cores they overlap. One worker is kept for the process and
 * reused (fonts stay open in it) and does not hold the process open while idle.
 *
 * Back-pressure: the records waiting for the worker are counted in shared memory; past
 * MAX_WAITING_KB this thread waits for it, so a 5,000-page book is never queued whole.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
// Before pdfkit: packages it and fontkit load and never need here wait until called.
import './lazyDeps.js';
import PDFDocument from 'pdfkit';
import { faceMetrics, writeCaches } from '../../fonts/metrics.js';
import { woff2Ready } from '../../fonts/webfont.js';
import { PdfCanvas } from './canvas.js';
import { RecordingCanvas, replay, replayState, type DrawBatch, type ReplayState } from './drawRecord.js';
import { fileSink, memorySink, writeThrough, type ByteSink } from './sink.js';
import type { OutlineNode } from './anthology.js';

/** Records (KB) allowed to wait for the drawing thread before the layout waits for it. */
const MAX_WAITING_KB = 8192;
/** A wait longer than this without the worker taking anything means it is gone: stop waiting. */
const STALL_MS = 5000;

type ToWorker =
  | { type: 'begin'; options: PDFKit.PDFDocumentOptions; outFile?: string; woff2: boolean }
  | { type: 'batch'; batch: DrawBatch; kb: number }
  | { type: 'end'; rootData: Record<string, unknown> }
  | { type: 'abort' };

type FromWorker = { type: 'done'; bytes?: Uint8Array; written?: number } | { type: 'error'; message: string; path?: string };

interface Shared {
  worker: Worker;
  /** [0]: KB of records posted and not yet replayed. */
  waiting: Int32Array;
  busy: boolean;
  onMessage: ((m: FromWorker) => void) | null;
  onFailure: ((e: Error) => void) | null;
}

let shared: Shared | null = null;
let unavailable = false;

function startWorker(): Shared | null {
  const waiting = new Int32Array(new SharedArrayBuffer(8));
  const workerData = { role: 'draw', waiting };
  let worker: Worker;
  if (import.meta.url.endsWith('.ts')) {
    // Source run (tests, dev): the worker registers tsx's loader itself (workers do not inherit module hooks).
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./worker-thread.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    worker = new Worker(boot, { eval: true, execArgv: [], workerData });
  } else {
    const entry = new URL('./worker-thread.js', import.meta.url);
    if (entry.protocol !== 'file:' || !existsSync(fileURLToPath(entry))) return null;
    worker = new Worker(entry, { workerData });
  }
  const s: Shared = { worker, waiting, busy: false, onMessage: null, onFailure: null };
  worker.on('message', (m: FromWorker) => s.onMessage?.(m));
  const fail = (error: Error) => {
    if (shared === s) shared = null;
    s.onFailure?.(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`PDF drawing worker stopped (exit code ${code})`)));
  worker.unref();
  return s;
}

/** Off until measured on a quiet machine (HUIBIAN_PDF_DRAW_WORKER=1 turns it on). */
const BY_DEFAULT = false;

/** Whether this export's drawing goes to the worker: HUIBIAN_PDF_DRAW_WORKER=0 never, =1 always (source runs too). */
export function drawOffThread(wanted: boolean): boolean {
  const env = process.env.HUIBIAN_PDF_DRAW_WORKER;
  if (env === '0') return false;
  if (env === '1') return true;
  // From the TypeScript sources the worker compiles them again through tsx: slower than drawing here.
  return BY_DEFAULT && wanted && !import.meta.url.endsWith('.ts');
}

export interface DrawSession {
  canvas: RecordingCanvas;
  outline: OutlineNode;
  /** Ends the document on the drawing thread: the bytes (no outFile) or how many were written. */
  finish(): Promise<{ bytes: Buffer; written?: number }>;
  /** After a failure here: the worker drops the document and closes its file. */
  abort(): void;
}

/** A drawing session on the shared worker, or null when none can run (then draw in-process). */
export function openDrawSession(options: PDFKit.PDFDocumentOptions, outFile: string | undefined, woff2: boolean): DrawSession | null {
  if (unavailable) return null;
  if (!shared) {
    try {
      shared = startWorker();
    } catch {
      shared = null;
    }
    if (!shared) {
      unavailable = true;
      return null;
    }
  }
  const s = shared;
  // One document at a time per worker; a second export meanwhile draws in its own thread.
  if (s.busy) return null;
  s.busy = true;
  s.worker.ref();
  let failure: Error | null = null;
  let settle: { resolve: (r: { bytes: Buffer; written?: number }) => void; reject: (e: Error) => void } | null = null;
  let result: { bytes: Buffer; written?: number } | null = null;
  let stalled = false;
  const release = () => {
    s.busy = false;
    s.onMessage = null;
    s.onFailure = null;
    s.worker.unref();
  };
  const failWith = (error: Error) => {
    failure ??= error;
    if (settle) {
      settle.reject(failure);
      settle = null;
    }
  };
  s.onMessage = (m) => {
    if (m.type === 'error') failWith(Object.assign(new Error(m.message), m.path ? { path: m.path } : {}));
    else {
      result = { bytes: m.bytes ? Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength) : Buffer.alloc(0), written: m.written };
      settle?.resolve(result);
      settle = null;
    }
  };
  s.onFailure = failWith;
  const post = (m: ToWorker, transfer: ArrayBuffer[] = []) => s.worker.postMessage(m, transfer);
  const canvas = new RecordingCanvas((batch, transfer, bytes) => {
    if (failure) return;
    const kb = Math.ceil(bytes / 1024);
    // The layout runs ahead of the drawing by at most MAX_WAITING_KB of records.
    let waited = 0;
    while (!stalled && Atomics.load(s.waiting, 0) > MAX_WAITING_KB) {
      const seen = Atomics.load(s.waiting, 0);
      if (Atomics.wait(s.waiting, 0, seen, 100) === 'timed-out') {
        waited += 100;
        if (waited >= STALL_MS) stalled = true;
      } else waited = 0;
    }
    Atomics.add(s.waiting, 0, kb);
    post({ type: 'batch', batch, kb }, transfer);
  });
  post({ type: 'begin', options, outFile, woff2 });
  return {
    canvas,
    outline: canvas.outline,
    finish() {
      canvas.sendBatch();
      post({ type: 'end', rootData: canvas.rootData });
      return new Promise<{ bytes: Buffer; written?: number }>((resolve, reject) => {
        if (failure) reject(failure);
        else if (result) resolve(result);
        else settle = { resolve, reject };
      }).finally(release);
    },
    abort() {
      post({ type: 'abort' });
      release();
    },
  };
}

/** Stops the shared drawing worker (tests); the next export starts a new one. */
export async function stopDrawWorker(): Promise<void> {
  const s = shared;
  shared = null;
  if (s) await s.worker.terminate();
}

// ---- the worker's side ----

interface Document {
  doc: PDFKit.PDFDocument;
  canvas: PdfCanvas;
  sink: ByteSink;
  finished: Promise<void>;
  state: ReplayState;
  failed: boolean;
}

/** Runs in the worker (worker-thread.ts): one document at a time, its messages handled in order. */
export function serveDrawing(port: MessagePort, waiting: Int32Array): void {
  let current: Document | null = null;
  let queue: Promise<void> = Promise.resolve();
  const report = (error: unknown) => {
    if (current) {
      current.failed = true;
      current.sink.abort();
    }
    // path marks a failed write of the output file (runExport names the file for it).
    port.postMessage({ type: 'error', message: (error as Error).message, path: (error as NodeJS.ErrnoException).path } satisfies FromWorker);
  };
  const handle = async (m: ToWorker): Promise<void> => {
    switch (m.type) {
      case 'begin': {
        current = null;
        try {
          if (m.woff2) await woff2Ready();
          const doc = new PDFDocument(m.options);
          const sink = m.outFile ? fileSink(m.outFile) : memorySink();
          const finished = writeThrough(doc, sink);
          finished.catch(() => undefined);
          const canvas = new PdfCanvas(doc);
          current = { doc, canvas, sink, finished, state: replayState(canvas.outline), failed: false };
        } catch (error) {
          report(error);
        }
        return;
      }
      case 'batch': {
        try {
          if (current && !current.failed) replay(current.canvas, m.batch, current.state, faceMetrics);
        } catch (error) {
          report(error);
        } finally {
          Atomics.sub(waiting, 0, m.kb);
          Atomics.notify(waiting, 0);
        }
        return;
      }
      case 'end': {
        const d = current;
        current = null;
        if (!d || d.failed) return;
        try {
          Object.assign((d.doc as unknown as { _root: { data: Record<string, unknown> } })._root.data, m.rootData);
          d.canvas.flush();
          d.doc.end();
          await d.finished;
          const out = d.sink.finish();
          // Faces this thread had to read from their original: their cache entries now, not at an exit a worker may never see.
          writeCaches();
          const bytes = new Uint8Array(out.bytes.buffer, out.bytes.byteOffset, out.bytes.byteLength);
          const transfer = out.bytes.byteLength && out.bytes.byteOffset === 0 && out.bytes.buffer.byteLength === out.bytes.byteLength ? [out.bytes.buffer as ArrayBuffer] : [];
          port.postMessage({ type: 'done', bytes: transfer.length ? bytes : new Uint8Array(bytes), written: out.written } satisfies FromWorker, transfer);
        } catch (error) {
          current = d;
          report(error);
          current = null;
        }
        return;
      }
      case 'abort':
        current?.sink.abort();
        current = null;
        return;
    }
  };
  port.on('message', (m: ToWorker) => {
    queue = queue.then(() => handle(m));
  });
}
