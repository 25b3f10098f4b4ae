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
