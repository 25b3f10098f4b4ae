/**
 * The .docx container: a plain ZIP of DEFLATE-compressed parts, written with Node's own zlib.
 * It compresses on libuv's thread pool, so the parts are compressed side by side and off the
 * main thread, several times faster than JSZip's JavaScript deflate (pako) on a book's
 * document part; and the document part goes in as the list of strings the writer built, in
 * slices, never as one more copy of the whole text. A part may also hold stretches deflated
 * before (deflated.ts: a long book's body, compressed while it was built): the text around them
 * is deflated into segments of its own, and the part is the segments in order.
 */
import { Buffer } from 'node:buffer';
import { once } from 'node:events';
import { constants, crc32, createDeflateRaw, deflateRaw, deflateRawSync } from 'node:zlib';
import { promisify } from 'node:util';
import { Deflated, FINAL_BLOCK, joinSegments, TextDeflater } from './deflated.js';

const deflate = promisify(deflateRaw);

export interface ZipPart {
  name: string;
  /** Bytes, or text as pieces to write one after another (UTF-8), some perhaps deflated already. */
  data: Uint8Array | Iterable<string | Deflated>;
}

interface Compressed {
  name: Buffer;
  crc: number;
  size: number;
  bytes: Buffer[];
  compressedSize: number;
}

/** Text pieces go to zlib in slices of this many bytes (fewer round trips to the thread pool than 64 KB slices). */
const SLICE = 1 << 18;

async function compressText(pieces: Iterable<string>, level: number): Promise<Omit<Compressed, 'name'>> {
  // A small part (most of the package: headers, footers, styles) in one call: a zlib stream
  // costs more to set up than such a part takes to compress.
  if (Array.isArray(pieces) && pieces.length === 1 && (pieces[0] as string).length < SLICE) {
    const data = Buffer.from(pieces[0] as string, 'utf8');
    const out = deflateRawSync(data, { level });
    return { crc: crc32(data), size: data.length, bytes: [out], compressedSize: out.length };
  }
  const z = createDeflateRaw({ level });
  const bytes: Buffer[] = [];
  z.on('data', (b: Buffer) => bytes.push(b));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  // Pieces are written straight into a slice buffer as UTF-8 (no joined string to flatten), and
  // one slice is in zlib's queue at a time, so the part is never held a second time as bytes.
  let buf = Buffer.allocUnsafe(SLICE);
  let used = 0;
  const send = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await once(z, 'drain');
  };
  const flush = async () => {
    const b = buf.subarray(0, used);
    buf = Buffer.allocUnsafe(SLICE);
    used = 0;
    await send(b);
  };
  for (const piece of pieces) {
    // At most three bytes of UTF-8 per UTF-16 unit: a piece that may not fit goes to a new slice.
    if (used + piece.length * 3 > SLICE) {
      if (used) await flush();
      if (piece.length * 3 > SLICE) {
        await send(Buffer.from(piece, 'utf8'));
        continue;
      }
    }
    used += buf.write(piece, used, 'utf8');
  }
  if (used) await flush();
  z.end();
  await done;
  return { crc, size, bytes, compressedSize: bytes.reduce((n, b) => n + b.length, 0) };
}

/** A part with deflated stretches in it: the text between them deflated here, then all laid end to end. */
function compressSegmented(pieces: Iterable<string | Deflated>, level: number): Omit<Compressed, 'name'> {
  const segments: Deflated[] = [];
  const text = new TextDeflater(level);
  for (const piece of pieces) {
    if (typeof piece === 'string') text.write(piece);
    else {
      if (!text.empty) segments.push(text.cut());
      segments.push(piece);
    }
  }
  if (!text.empty) segments.push(text.cut());
  const whole = joinSegments(segments);
  return { crc: whole.crc, size: whole.size, bytes: [...whole.bytes, FINAL_BLOCK], compressedSize: whole.compressedSize + FINAL_BLOCK.length };
}

const hasDeflated = (pieces: Iterable<string | Deflated>): boolean => Array.isArray(pieces) && pieces.some((p) => p instanceof Deflated);

async function compressBytes(data: Uint8Array, level: number): Promise<Omit<Compressed, 'name'>> {
  const out = await deflate(data, { level, finishFlush: constants.Z_FINISH });
  return { crc: crc32(data), size: data.length, bytes: [out], compressedSize: out.length };
}

/** MS-DOS date and time of a zip entry. */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** UTF-8 names (general purpose bit 11); DEFLATE (method 8); version 2.0. */
const FLAGS = 0x0800;
const METHOD = 8;
const VERSION = 20;

/** The parts zipped in the given order. `level` is zlib's (1 fastest … 9 smallest). */
export async function zipParts(parts: readonly ZipPart[], level: number, when = new Date()): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  await zipInto(parts, level, (b) => void chunks.push(b), when);
  const out = Buffer.concat(chunks);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * The parts zipped in the given order, each entry handed to `push` as soon as it and those
 * before it are compressed, and let go then: written into the export's file (patch.ts), a long
 * book's package is never held whole, nor copied once more to be joined, before it reaches the
 * disk. The parts are still compressed side by side.
 */
export async function zipInto(parts: readonly ZipPart[], level: number, push: (bytes: Buffer) => void, when = new Date()): Promise<void> {
  const pending = parts.map(async (p): Promise<Compressed> => {
    const c =
      p.data instanceof Uint8Array
        ? await compressBytes(p.data, level)
        : hasDeflated(p.data)
          ? compressSegmented(p.data, level)
          : await compressText(p.data as Iterable<string>, level);
    return { ...c, name: Buffer.from(p.name, 'utf8') };
  });
  // Every part's rejection is seen (the first one is thrown below), none left unhandled.
  for (const p of pending) p.catch(() => undefined);
  const { time, date } = dosTime(when);
  const central: Buffer[] = [];
  let offset = 0;
  for (const next of pending) {
    const c = await next;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(METHOD, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(c.crc >>> 0, 14);
    local.writeUInt32LE(c.compressedSize, 18);
    local.writeUInt32LE(c.size, 22);
    local.writeUInt16LE(c.name.length, 26);
    local.writeUInt16LE(0, 28);
    push(local);
    push(c.name);
    for (const b of c.bytes) push(b);
    c.bytes.length = 0;
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(VERSION, 4);
    entry.writeUInt16LE(VERSION, 6);
    entry.writeUInt16LE(FLAGS, 8);
    entry.writeUInt16LE(METHOD, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(c.crc >>> 0, 16);
    entry.writeUInt32LE(c.compressedSize, 20);
    entry.writeUInt32LE(c.size, 24);
    entry.writeUInt16LE(c.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, c.name);
    offset += 30 + c.name.length + c.compressedSize;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  for (const b of central) push(b);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  push(end);
}
