/**
 * Font files cached across runs. A CJK face is 15–20 MB, and an export reads every face it sets
 * in full (fontkit and pdfkit work on the whole file's bytes) although a book uses a few thousand
 * of its 30,000–65,000 glyphs. The cache keeps, per face, a small TrueType file with the face's
 * own tables — cmap, hmtx and the rest, so glyph ids and advances are those of the original —
 * but outlines only for the glyphs exports have set so far (the others empty). The next export
 * reads that file (≈1–2 MB) instead of the original.
 *
 * Safety: a cached face is used only while every glyph asked of it has its outline there;
 * metrics.ts swaps in the original the moment one is missing, before anything is embedded
 * from it, and the cache is rewritten at exit with the union of the glyphs used. Entries are
 * keyed by the original's path and PostScript name and checked against its size, mtime and a
 * hash of its first 64 KB (the table directory with every table's checksum); any mismatch or
 * error means the original is read, as without a cache.
 *
 * HUIBIAN_FONT_CACHE=0 turns it off. Where: $HUIBIAN_CACHE_DIR, else %LOCALAPPDATA%\Huibian\Cache, ~/Library/Caches/Huibian or
 * $XDG_CACHE_HOME/huibian (~/.cache/huibian), under fonts/.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Font } from 'fontkit';

const VERSION = 1;

/** The font cache's folder; bin/code-cache.mjs works out the same user cache folder for the code cache. */
export function cacheDir(): string {
  if (process.env.HUIBIAN_CACHE_DIR) return path.join(process.env.HUIBIAN_CACHE_DIR, 'fonts');
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? path.join(process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Huibian', 'Cache')
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches', 'Huibian')
        : path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'huibian');
  return path.join(base, 'fonts');
}

interface Identity {
  size: number;
  mtime: number;
  hash: string;
}

interface Entry extends Identity {
  version: number;
  /** Glyph ids whose outlines the cached file holds (components of composites included). */
  glyphs: number[];
}

function identity(file: string, postscriptName: string | undefined): Identity {
  const st = statSync(file);
  const head = Buffer.alloc(Math.min(65536, st.size));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const hash = createHash('sha1')
    .update(head)
    .update(postscriptName ?? '')
    .digest('hex');
  return { size: st.size, mtime: Math.round(st.mtimeMs), hash };
}

function stem(file: string, postscriptName: string | undefined): string {
  return path.join(cacheDir(), createHash('sha1').update(`${path.resolve(file)}#${postscriptName ?? ''}`).digest('hex').slice(0, 20));
}

export interface CachedFace {
  bytes: Buffer;
  glyphs: Set<number>;
}

/** The table of a cached file that says which original it was made from and which outlines it holds. */
const ENTRY_TAG = 'hbcc';

/** The cached file of a face, when one matches the original as it is now. */
export function readCachedFace(file: string, postscriptName?: string): CachedFace | null {
  try {
    const bytes = readFileSync(`${stem(file, postscriptName)}.ttf`);
    const entry = JSON.parse(tableOf(bytes, ENTRY_TAG)?.toString('utf8') ?? 'null') as Entry | null;
    if (!entry) return null;
    const now = identity(file, postscriptName);
    if (entry.version !== VERSION || entry.size !== now.size || entry.mtime !== now.mtime || entry.hash !== now.hash) return null;
    return { bytes, glyphs: new Set(entry.glyphs) };
  } catch {
    return null;
  }
}

function tableOf(bytes: Buffer, tag: string): Buffer | null {
  const n = bytes.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const r = 12 + i * 16;
    if (bytes.toString('latin1', r, r + 4) === tag) return bytes.subarray(bytes.readUInt32BE(r + 8), bytes.readUInt32BE(r + 8) + bytes.readUInt32BE(r + 12));
  }
  return null;
}

/** Tables the cached file keeps: what fontkit measures with and pdfkit embeds from. */
const KEEP = new Set(['head', 'hhea', 'maxp', 'OS/2', 'post', 'name', 'cmap', 'hmtx', 'cvt ', 'fpgm', 'prep', 'gasp']);

interface TableRecord {
  offset: number;
  length: number;
}

/** Glyph ids a glyph's outline refers to (a composite's components). */
function components(glyf: Buffer, start: number, end: number): number[] {
  if (end - start < 10 || glyf.readInt16BE(start) >= 0) return [];
  const out: number[] = [];
  let p = start + 10;
  for (;;) {
    const flags = glyf.readUInt16BE(p);
    out.push(glyf.readUInt16BE(p + 2));
    p += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) p += 2;
    else if (flags & 0x0040) p += 4;
    else if (flags & 0x0080) p += 8;
    if (!(flags & 0x0020) || p + 4 > end) return out;
  }
}

/**
 * Writes the cached file of a face from the original (as fontkit opened it) with the outlines of
 * `wanted` (and glyph 0, and composites' components). Never throws: a cache that cannot be written
 * only means the next export reads the original again.
 */
export function writeCachedFace(file: string, postscriptName: string | undefined, font: Font, wanted: Iterable<number>): void {
  try {
    const f = font as unknown as { stream: { buffer: Buffer }; directory: { tables: Record<string, TableRecord> }; head: { indexToLocFormat: number }; maxp: { numGlyphs: number } };
    const data = Buffer.from(f.stream.buffer.buffer, f.stream.buffer.byteOffset, f.stream.buffer.byteLength);
    const tables = f.directory.tables;
    if (!tables.glyf || !tables.loca || !tables.head) return;
    const numGlyphs = f.maxp.numGlyphs;
    const longLoca = f.head.indexToLocFormat === 1;
    const locaAt = (gid: number): number =>
      longLoca ? data.readUInt32BE(tables.loca!.offset + gid * 4) : data.readUInt16BE(tables.loca!.offset + gid * 2) * 2;
    const glyf = data.subarray(tables.glyf.offset, tables.glyf.offset + tables.glyf.length);
    const keep = new Set<number>([0]);
    const queue = [...wanted];
    while (queue.length) {
      const gid = queue.pop()!;
      if (gid < 0 || gid >= numGlyphs || keep.has(gid)) continue;
      keep.add(gid);
      for (const c of components(glyf, locaAt(gid), locaAt(gid + 1))) queue.push(c);
    }
    // New glyf and a long loca: every glyph keeps its id; the ones not kept are empty.
    const loca = Buffer.alloc((numGlyphs + 1) * 4);
    const pieces: Buffer[] = [];
    let at = 0;
    for (let gid = 0; gid < numGlyphs; gid++) {
      loca.writeUInt32BE(at, gid * 4);
      if (!keep.has(gid)) continue;
      const piece = glyf.subarray(locaAt(gid), locaAt(gid + 1));
      const padded = piece.length % 4 ? Buffer.concat([piece, Buffer.alloc(4 - (piece.length % 4))]) : piece;
      pieces.push(padded);
      at += padded.length;
    }
    loca.writeUInt32BE(at, numGlyphs * 4);
    const out = new Map<string, Buffer>();
    for (const [tag, rec] of Object.entries(tables)) if (KEEP.has(tag)) out.set(tag, Buffer.from(data.subarray(rec.offset, rec.offset + rec.length)));
    const head = out.get('head')!;
    head.writeInt16BE(1, 50); // indexToLocFormat: long
    out.set('glyf', Buffer.concat(pieces));
    out.set('loca', loca);
    // The entry travels inside the file: one rename replaces both, so two processes writing at once
    // can never leave a list of outlines that the file beside it lacks.
    const entry: Entry = { version: VERSION, ...identity(file, postscriptName), glyphs: [...keep].sort((a, b) => a - b) };
    out.set(ENTRY_TAG, Buffer.from(JSON.stringify(entry)));
    const s = stem(file, postscriptName);
    mkdirSync(path.dirname(s), { recursive: true });
    const tmp = `${s}.${process.pid}.${threadId}.ttf`;
    writeFileSync(tmp, sfnt(out));
    renameSync(tmp, `${s}.ttf`);
  } catch {
    // see above
  }
}

/** A TrueType file of the given tables (checksums computed; fontkit and pdfkit do not check them). */
function sfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const headerLength = 12 + n * 16;
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= n) entrySelector++;
  const header = Buffer.alloc(headerLength);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE((1 << entrySelector) * 16, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(n * 16 - (1 << entrySelector) * 16, 10);
  const bodies: Buffer[] = [];
  let offset = headerLength;
  tags.forEach((tag, i) => {
    const body = tables.get(tag)!;
    const padded = body.length % 4 ? Buffer.concat([body, Buffer.alloc(4 - (body.length % 4))]) : body;
    let sum = 0;
    for (let k = 0; k < padded.length; k += 4) sum = (sum + padded.readUInt32BE(k)) >>> 0;
    const r = 12 + i * 16;
    header.write(tag.padEnd(4, ' '), r, 'latin1');
    header.writeUInt32BE(sum, r + 4);
    header.writeUInt32BE(offset, r + 8);
    header.writeUInt32BE(body.length, r + 12);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}
