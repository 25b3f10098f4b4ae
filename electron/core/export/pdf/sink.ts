/**
 * Where a PDF's bytes go as pdfkit produces them: gathered in memory, or written to a file in
 * slices of about a megabyte, so a 5,000-page book is never held whole (nor copied once more
 * to be joined) before it reaches the disk.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export interface ByteSink {
  push(chunk: Uint8Array): void;
  /** Everything pushed: the bytes (memory) or how many were written (file). */
  finish(): { bytes: Buffer; written?: number };
  /** After a failure: closes the file (the caller removes it). */
  abort(): void;
}

const SLICE = 1 << 20;

/** Characters of pdfkit's object text gathered before they become one byte array. */
const TEXT_BATCH = 1 << 16;

interface PdfKitWrites {
  _offset: number;
  _write(data: string | Uint8Array): void;
  _finalize(): void;
  read(): Buffer | null;
}

/**
 * pdfkit's writes go straight into the sink, resolving once the document is finished. pdfkit
 * writes an object as several lines ('12 0 obj', its dictionary, 'endobj'), each made a byte
 * array of its own and pushed through its Readable stream; here the text of consecutive writes
 * is gathered and turned into bytes once per 64 K characters, and streams go through as they
 * are. pdfkit's text is binary (one byte a character, as its own conversion takes it), so the
 * bytes and the offsets it keeps for the cross-reference table are unchanged.
 */
export function writeThrough(doc: PDFKit.PDFDocument, sink: ByteSink): Promise<void> {
  const d = doc as unknown as PdfKitWrites;
  return new Promise<void>((resolve, reject) => {
    let failed: Error | null = null;
    let text = '';
    const fail = (error: unknown) => {
      failed ??= error as Error;
      reject(failed);
    };
    const put = (bytes: Uint8Array) => {
      if (failed) return;
      try {
        sink.push(bytes);
      } catch (error) {
        fail(error);
      }
    };
    const flushText = () => {
      if (!text) return;
      const bytes = Buffer.from(text, 'latin1');
      text = '';
      put(bytes);
    };
    // The header the constructor wrote waits in the stream: it goes first.
    for (let head = d.read(); head !== null; head = d.read()) put(head);
    d._write = (data) => {
      if (data instanceof Uint8Array) {
        flushText();
        put(data);
        d._offset += data.byteLength;
        return;
      }
      const line = `${data}\n`;
      text += line;
      d._offset += line.length;
      if (text.length >= TEXT_BATCH) flushText();
    };
    const finalize = d._finalize.bind(d);
    d._finalize = () => {
      finalize();
      flushText();
      if (!failed) resolve();
    };
    doc.on('error', fail);
  });
}

export function memorySink(): ByteSink {
  const chunks: Uint8Array[] = [];
  return {
    push: (chunk) => void chunks.push(chunk),
    finish: () => ({ bytes: Buffer.concat(chunks) }),
    abort: () => undefined,
  };
}

/** A failed write of the output names the file (runExport reports it by that). */
function onFile<T>(file: string, act: () => T): T {
  try {
    return act();
  } catch (error) {
    (error as NodeJS.ErrnoException).path ??= file;
    throw error;
  }
}

export function fileSink(file: string): ByteSink {
  let fd: number | null = onFile(file, () => openSync(file, 'w'));
  let pending: Uint8Array[] = [];
  let size = 0;
  let written = 0;
  const flush = () => {
    if (size === 0 || fd === null) return;
    const slice = pending.length === 1 ? pending[0]! : Buffer.concat(pending, size);
    const out = fd;
    onFile(file, () => {
      for (let off = 0; off < slice.byteLength; ) off += writeSync(out, slice, off);
    });
    written += size;
    pending = [];
    size = 0;
  };
  return {
    push(chunk) {
      pending.push(chunk);
      size += chunk.byteLength;
      if (size >= SLICE) flush();
    },
    finish() {
      flush();
      const out = fd;
      fd = null;
      if (out !== null) onFile(file, () => closeSync(out));
      return { bytes: Buffer.alloc(0), written };
    },
    abort() {
      if (fd === null) return;
      try {
        closeSync(fd);
      } catch {
        // already closed or gone: nothing left to release
      }
      fd = null;
    },
  };
}
