/**
 * Compresses the PDF's streams (page contents, embedded font subsets) on a small worker
 * thread of their own, so that the other core deflates the last page while this one lays out
 * the next. One zlib call per stream there; a stream that cannot wait (the worker is gone, or
 * too many bytes wait already) is deflated here in one synchronous call. pdfkit supports
 * references that end late: the document waits for every open reference before it writes
 * the cross-reference table, and offsets are taken when each object is actually written, so
 * the file is the same apart from the order of its objects.
 *
 * An asynchronous deflate per stream on libuv's pool was tried before and measured worse:
 * node builds a stream object, a 64 KB buffer and a fresh zlib state for every call, so
 * issuing 1,000 page streams cost this thread about what deflating them here did.
 */
import { deflateSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';

interface PdfKitReference {
  compress: boolean;
  buffer: Uint8Array[];
  data: Record<string, unknown>;
  finalize(): void;
}

interface PdfKitDocument {
  ref(data?: Record<string, unknown>): PdfKitReference;
  end(): unknown;
  emit(event: 'error', error: Error): boolean;
}

/**
 * zlib level for content and font streams. Measured on the 25-draft anthology (401 pages):
 * level 1 gives 2.24 MB, 3 2.17 MB, 6 2.00 MB, 9 1.99 MB. Off this thread the level costs the
 * layout nothing in waiting, so the default level keeps the smaller file.
 */
export const DEFLATE_LEVEL = 6;
const MEM_LEVEL = 9;

/** Uncompressed bytes allowed to wait for the worker; past it a stream is deflated in place. */
const MAX_PENDING = 16 * 1024 * 1024;

/** Uncompressed bytes gathered before they go to the worker as one message (≈ 10 ms of deflating, what the end of a book may wait for the last one). */
const BATCH_BYTES = 1024 * 1024;

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { deflateSync } = require('node:zlib');
parentPort.on('message', ({ jobs, level, memLevel }) => {
  const done = [];
  const transfer = [];
  for (const { id, bytes } of jobs) {
    try {
      const out = new Uint8Array(deflateSync(bytes, { level, memLevel }));
      done.push({ id, out });
      transfer.push(out.buffer);
    } catch (error) {
      done.push({ id, error: String(error && error.message || error) });
    }
  }
  parentPort.postMessage(done, transfer);
});
`;

type Done = (error: Error | null, out?: Uint8Array) => void;

interface Job {
  id: number;
  bytes: Uint8Array;
}

/**
 * The shared deflate thread; null where none can run (then every stream is deflated in place).
 * Streams go over in batches of about 1 MB and come back as one message a batch. A message a
 * stream (419 for the 25-draft book) woke the worker each time, and on a busy 2-core machine the
 * woken thread took the core from this one: this thread waited 145-210 ms in those 419 calls,
 * which cost ≈ 6 µs each on an idle machine.
 */
class Deflater {
  private worker: Worker | null = null;
  private failed = false;
  private jobs = new Map<number, Done>();
  private nextId = 1;
  private batch: Job[] = [];
  private batchBytes = 0;
  private flushQueued = false;
  pendingBytes = 0;
  level = DEFLATE_LEVEL;

  /** Queues a stream; false when it must be deflated in place instead. */
  submit(bytes: Uint8Array, level: number, done: Done): boolean {
    const worker = this.start();
    if (!worker || this.pendingBytes + bytes.byteLength > MAX_PENDING) return false;
    if (this.batch.length && level !== this.level) this.flush();
    this.level = level;
    const id = this.nextId++;
    const size = bytes.byteLength;
    this.pendingBytes += size;
    this.jobs.set(id, (error, out) => {
      this.pendingBytes -= size;
      done(error, out);
    });
    // While a stream waits, the process must not exit under it.
    if (this.jobs.size === 1) worker.ref();
    this.batch.push({ id, bytes });
    this.batchBytes += size;
    if (this.batchBytes >= BATCH_BYTES) this.flush();
    else if (!this.flushQueued) {
      // What is left goes when this thread next waits (the end of the book, or a pause in it).
      this.flushQueued = true;
      setImmediate(() => {
        this.flushQueued = false;
        this.flush();
      });
    }
    return true;
  }

  private flush(): void {
    if (!this.batch.length || !this.worker) return;
    const jobs = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    this.worker.postMessage({ jobs, level: this.level, memLevel: MEM_LEVEL }, jobs.map((j) => j.bytes.buffer as ArrayBuffer));
  }

  private start(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
      worker.on('message', (done: Array<{ id: number; out?: Uint8Array; error?: string }>) => {
        for (const m of done) {
          const job = this.jobs.get(m.id);
          if (!job) continue;
          this.jobs.delete(m.id);
          job(m.error ? new Error(m.error) : null, m.out);
        }
        if (this.jobs.size === 0) worker.unref();
      });
      const stop = (error: Error) => {
        this.failed = true;
        this.worker = null;
        this.batch = [];
        this.batchBytes = 0;
        const jobs = [...this.jobs.values()];
        this.jobs.clear();
        for (const job of jobs) job(error);
      };
      worker.on('error', stop);
      worker.on('exit', (code) => stop(new Error(`PDF deflate worker stopped (exit code ${code})`)));
      worker.unref();
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }
}

let shared: Deflater | null = null;

/** Makes every stream reference of `doc` created from now on deflate off this thread where it can. */
export function deflateStreams(doc: unknown, level = DEFLATE_LEVEL): void {
  const d = doc as PdfKitDocument;
  const ref = d.ref.bind(d);
  const deflater = (shared ??= new Deflater());
  const options = { level, memLevel: MEM_LEVEL };
  // pdfkit keeps every reference to the end (the page tree, the outline and the destinations name
  // it by number), dictionary and all; what it finalizes while the book is set (a page's
  // dictionary, resources, content, links) it never reads again, so the dictionary goes: some
  // 12 references a page, 3.5 KB a page with their arrays and numbers. From end() on it reads some
  // it has just finalized, and those keep theirs.
  let ending = false;
  const end = d.end.bind(d);
  d.end = () => {
    ending = true;
    return end();
  };
  d.ref = (data) => {
    const r = ref(data);
    const written = r.finalize.bind(r);
    const finalize = () => {
      written();
      if (!ending) r.data = {};
    };
    r.finalize = () => {
      // pdfkit finalizes a reference once but keeps it to the end (the page tree, the outline):
      // this wrapper, its bound method and its scope would stay with every one of them.
      delete (r as Partial<PdfKitReference>).finalize;
      if (!r.compress || r.buffer.length === 0) return finalize();
      r.compress = false;
      r.data.Filter = 'FlateDecode';
      // A fresh array of its own (never a slice of node's shared pool), so it can be handed over.
      let size = 0;
      for (const c of r.buffer) size += c.byteLength;
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of r.buffer) {
        bytes.set(c, at);
        at += c.byteLength;
      }
      r.buffer = [];
      const queued = deflater.submit(bytes, level, (error, out) => {
        if (error || !out) {
          d.emit('error', error ?? new Error('PDF deflate worker returned nothing'));
          return;
        }
        r.buffer = [out];
        finalize();
      });
      if (!queued) {
        r.buffer = [deflateSync(bytes, options)];
        finalize();
      }
    };
    return r;
  };
}
