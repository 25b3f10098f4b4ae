/**
 * Font files opened once per process (fontkit), with per-face caches of advances and
 * coverage: text measurement is the inner loop of the layout engine. The fontkit face read
 * here is the one the PDF writer embeds (pdfkit takes a fontkit font as it is), so each file is
 * read and its tables decoded once per process, not once for measuring and again for drawing.
 */
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { FaceFile } from './roles.js';
import { fontBytes, woff2Decoder } from './webfont.js';
import { readCachedFace, writeCachedFace } from './cache.js';

export interface FaceMetrics {
  key: string;
  file: FaceFile;
  /** Advance in em of a code point; NaN when the face lacks it. */
  advance(cp: number): number;
  has(cp: number): boolean;
  ascent: number;
  descent: number;
  unitsPerEm: number;
  /** Glyph id (0 when the face lacks the code point) and advance in font units. */
  glyph(cp: number): GlyphMetrics;
  /** The fontkit face as pdfkit embeds it: TrueType outlines (a WOFF2 slice decompressed). */
  embeddable(): Font;
  /**
   * The face that holds glyph `id`'s outline: embeddable(), unless that is the cached file
   * (cache.ts) and it lacks the outline; then the original, which embeddable() returns from then on.
   */
  outlineFont(id: number): Font;
  /**
   * For a face split into slices (the bundled 楷体): the slice face that holds a code point,
   * which is what the PDF embeds. Absent on ordinary faces, which hold their own glyphs.
   */
  part?(cp: number): FaceMetrics;
}

export interface GlyphMetrics {
  id: number;
  advance: number;
}

const opened = new Map<string, FaceMetrics>();

/** Bytes by file: two faces of one .ttc share them. */
const files = new Map<string, Buffer>();
function bytesOf(file: string): Buffer {
  let data = files.get(file);
  if (!data) {
    data = fontBytes(file);
    files.set(file, data);
  }
  return data;
}

export function faceKey(file: FaceFile): string {
  return file.postscriptName ? `${file.file}#${file.postscriptName}` : file.file;
}

interface Hmtx {
  metrics: { length: number; get(i: number): { advance: number } | undefined };
}

/**
 * A glyph's advance read from hmtx directly. fontkit's glyph.advanceWidth also works out the
 * vertical metrics, which for a face without vmtx (every CJK face here) decodes the glyph's
 * outline header: ≈40 % of measuring a new character.
 */
function hmtxAdvance(font: Font, id: number): number {
  const metrics = (font as unknown as { hmtx: Hmtx }).hmtx.metrics;
  return (id < metrics.length ? metrics.get(id) : metrics.get(metrics.length - 1))?.advance ?? 0;
}

interface CmapInternals {
  _cmapProcessor?: { lookup(cp: number): number };
}

/**
 * The glyph id of a code point, from the face's cmap. fontkit's glyphForCodePoint also makes a
 * glyph object that asks unicode-properties whether the character is a mark, and that inflates
 * a Unicode trie on first use (≈10 ms of every export); glyph objects made by id (pdfkit's subset
 * and advances here) ask nothing of it.
 */
function glyphIdOf(font: Font, cp: number): number {
  const cmap = (font as unknown as CmapInternals)._cmapProcessor;
  return cmap ? cmap.lookup(cp) : font.glyphForCodePoint(cp).id;
}

interface TrueTypeInternals {
  directory?: { tables: Record<string, { offset: number; length: number; transformed?: boolean } | undefined> };
  stream?: { buffer: Uint8Array };
  _tables: Record<string, unknown>;
  head: { indexToLocFormat: number };
}

/**
 * Gives a TrueType face its loca table read with a DataView. fontkit decodes loca one number at
 * a time, 65,000 of them for a CJK face, the first time any glyph's outline or box is asked for
 * (pdfkit asks for glyph 0's advance as it embeds a face). Same offsets, in bytes, as fontkit's.
 */
function fastLoca(font: Font): Font {
  const f = font as unknown as TrueTypeInternals;
  const rec = f.directory?.tables.loca;
  const bytes = f.stream?.buffer;
  if (!rec || rec.transformed || !bytes || 'loca' in f._tables) return font;
  const long = f.head.indexToLocFormat === 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset + rec.offset, rec.length);
  const n = long ? rec.length >>> 2 : rec.length >>> 1;
  const offsets = new Uint32Array(n);
  if (long) for (let i = 0; i < n; i++) offsets[i] = view.getUint32(i * 4);
  else for (let i = 0; i < n; i++) offsets[i] = view.getUint16(i * 2) * 2;
  f._tables.loca = { version: long ? 1 : 0, offsets, _processed: true };
  return font;
}

export function faceMetrics(file: FaceFile): FaceMetrics {
  const key = faceKey(file);
  const hit = opened.get(key);
  if (hit) return hit;
  if (file.slices) return slicedMetrics(file, key);
  const woff2 = file.file.endsWith('.woff2');
  // A big TrueType face comes from the cross-run cache (cache.ts) when it has one: same tables, few outlines.
  // HUIBIAN_FONT_CACHE=0 reads and writes no cache.
  const cached = woff2 || process.env.HUIBIAN_FONT_CACHE === '0' ? null : readCachedFace(file.file, file.postscriptName);
  const open = (): Font => fastLoca(fontkit.create(bytesOf(file.file), file.postscriptName));
  // fontkit decodes WOFF2 with a JavaScript Brotli (≈50 ms a slice); the WebAssembly decoder is ~10× faster
  // and gives the TrueType that pdfkit needs. Without it (measuring outside a PDF export) fontkit reads the WOFF2.
  let font: Font = cached ? fastLoca(fontkit.create(cached.bytes)) : woff2 && !woff2Decoder() ? fontkit.openSync(file.file) : open();
  const trueType = (font as unknown as { type?: string }).type === 'TTF';
  const upm = font.unitsPerEm;
  const glyphs = new Map<number, GlyphMetrics>();
  let embeddable: Font | null = woff2 && !trueType ? null : font;
  /** The original face, once opened (always, without a cache entry). */
  let original: Font | null = cached ? null : font;
  const used = new Set<number>();
  const metrics: FaceMetrics = {
    key,
    file,
    ascent: font.ascent / upm,
    descent: font.descent / upm,
    unitsPerEm: upm,
    glyph(cp) {
      let g = glyphs.get(cp);
      if (g === undefined) {
        const id = glyphIdOf(font, cp);
        g = { id, advance: id === 0 ? 0 : trueType ? hmtxAdvance(font, id) : font.getGlyph(id).advanceWidth };
        glyphs.set(cp, g);
        if (g.id) used.add(g.id);
      }
      return g;
    },
    has(cp) {
      return metrics.glyph(cp).id !== 0;
    },
    advance(cp) {
      const g = metrics.glyph(cp);
      return g.id === 0 ? NaN : g.advance / upm;
    },
    embeddable() {
      embeddable ??= open();
      return embeddable;
    },
    outlineFont(id) {
      if (cached && !original && !cached.glyphs.has(id)) {
        // An outline the cached file lacks: from here on the original serves (same ids, same tables).
        original = open();
        font = original;
        embeddable = original;
      }
      return metrics.embeddable();
    },
  };
  if (!woff2) remember(file, () => (cached && !original ? null : { font: original!, glyphs: cached ? [...cached.glyphs, ...used] : used }));
  opened.set(key, metrics);
  return metrics;
}

/** Faces whose cache entry is written at exit, with the glyphs this process used. */
const toCache: Array<{ file: FaceFile; state: () => { font: Font; glyphs: Iterable<number> } | null }> = [];

function remember(file: FaceFile, state: () => { font: Font; glyphs: Iterable<number> } | null): void {
  if (process.env.HUIBIAN_FONT_CACHE === '0') return;
  if (toCache.length === 0) process.once('exit', writeCaches);
  toCache.push({ file, state });
}

/** Writes the cache entries of faces read from their original this run (cache.ts never throws). */
export function writeCaches(): void {
  for (const { file, state } of toCache.splice(0)) {
    const s = state();
    if (s) writeCachedFace(file.file, file.postscriptName, s.font, s.glyphs);
  }
}

/** A sliced face: each character is measured in, and drawn from, the slice whose range holds it. */
function slicedMetrics(file: FaceFile, key: string): FaceMetrics {
  const set = file.slices!;
  const sliceMetrics = (cp: number): FaceMetrics | null => {
    const slice = set.sliceFor(cp);
    return slice ? faceMetrics({ face: file.face, file: slice.file }) : null;
  };
  // Vertical metrics are the design's, the same in every slice: read them from the slice of 中.
  const probe = sliceMetrics(0x4e2d) ?? faceMetrics({ face: file.face, file: set.slices[0]!.file });
  const metrics: FaceMetrics = {
    key,
    file,
    ascent: probe.ascent,
    descent: probe.descent,
    has: (cp) => sliceMetrics(cp)?.has(cp) ?? false,
    advance: (cp) => sliceMetrics(cp)?.advance(cp) ?? NaN,
    unitsPerEm: probe.unitsPerEm,
    glyph: (cp) => sliceMetrics(cp)?.glyph(cp) ?? { id: 0, advance: 0 },
    // Drawing goes through part(cp): a sliced face is never embedded as a whole.
    embeddable: () => probe.embeddable(),
    outlineFont: (id) => probe.outlineFont(id),
    part: (cp) => sliceMetrics(cp) ?? probe,
  };
  opened.set(key, metrics);
  return metrics;
}
