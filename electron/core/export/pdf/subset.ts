/**
 * A faster path through fontkit's TrueType subsetter for the faces a book embeds. fontkit
 * copies each glyph's bytes from glyf, but first decodes the whole glyph (every point) to see
 * whether it is a composite, and its metrics through the control box; and it decodes the whole
 * loca table (65,000 entries in a CJK face) one number at a time through its struct reader.
 * Here loca is read once with a DataView, a simple glyph's bytes are taken as they are (its
 * first int16, the contour count, says simple or composite) and its advance and side bearing
 * come straight from hmtx; the few other tables embedding needs are read directly too
 * (preloadTables). Composites and variable faces keep fontkit's own path. The subset file is
 * the same byte for byte.
 */

interface TableEntry {
  offset: number;
  length: number;
}

interface TrueTypeFont {
  type?: string;
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, TableEntry | undefined> };
  _tables: Record<string, unknown>;
  _variationProcessor?: unknown;
  head: { indexToLocFormat: number };
  hmtx: unknown;
  loca: { offsets: ArrayLike<number> };
  getGlyph(id: number): { _getTableMetrics(table: unknown): { advance: number; bearing: number } };
}

interface Subset {
  font: TrueTypeFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  _addGlyph(gid: number): number;
}

const PATCHED = Symbol('huibian.fastSubset');

/** The face's loca as fontkit decodes it (byte offsets, short format already doubled), read in one pass. */
function preloadLoca(font: TrueTypeFont): void {
  if ('loca' in font._tables) return;
  const table = font.directory.tables.loca;
  if (!table) return;
  const version = font.head.indexToLocFormat;
  const bytes = font.stream.buffer;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, table.length);
  const n = version === 1 ? table.length >>> 2 : table.length >>> 1;
  const offsets = new Array<number>(n);
  if (version === 1) for (let i = 0; i < n; i++) offsets[i] = view.getUint32(i * 4);
  else for (let i = 0; i < n; i++) offsets[i] = view.getUint16(i * 2) * 2;
  font._tables.loca = { version, offsets, _processed: true };
}

/**
 * The tables embedding reads whole although it needs little of them, read directly: post's
 * header only (pdfkit asks for the italic angle and fixed pitch; its glyph names, one decoded
 * string per glyph, are never used), and cvt, fpgm and prep, which the subset copies as they
 * are but fontkit decodes one number at a time. Same values as fontkit's decoding.
 */
function preloadTables(font: TrueTypeFont): void {
  const tables = font._tables;
  const dir = font.directory.tables;
  const bytes = font.stream.buffer;
  const view = (rec: TableEntry) => new DataView(bytes.buffer, bytes.byteOffset + rec.offset, rec.length);
  const post = dir.post;
  if (!('post' in tables) && post && post.length >= 32) {
    const v = view(post);
    tables.post = {
      version: v.getInt32(0) / 65536,
      italicAngle: v.getInt32(4) / 65536,
      underlinePosition: v.getInt16(8),
      underlineThickness: v.getInt16(10),
      isFixedPitch: v.getUint32(12),
      minMemType42: v.getUint32(16),
      maxMemType42: v.getUint32(20),
      minMemType1: v.getUint32(24),
      maxMemType1: v.getUint32(28),
    };
  }
  const cvt = dir['cvt '];
  if (!('cvt ' in tables) && cvt) {
    const v = view(cvt);
    const values = new Array<number>(cvt.length >>> 1);
    for (let i = 0; i < values.length; i++) values[i] = v.getInt16(i * 2);
    tables['cvt '] = { controlValues: values };
  }
  const program = (tag: string, field: string) => {
    const rec = dir[tag];
    if (!(tag in tables) && rec) tables[tag] = { [field]: Array.from(bytes.subarray(rec.offset, rec.offset + rec.length)) };
  };
  program('fpgm', 'instructions');
  program('prep', 'controlValueProgram');
}

/** Gives the subsetter class of `subset` the fast path (once per class). */
export function fastSubsets(subset: unknown): void {
  const proto = Object.getPrototypeOf(subset) as Subset & { [PATCHED]?: true };
  if (!proto || proto[PATCHED] || typeof proto._addGlyph !== 'function') return;
  const original = proto._addGlyph;
  proto._addGlyph = function (this: Subset, gid: number): number {
    const font = this.font;
    const glyf = font.directory?.tables.glyf;
    if (font.type !== 'TTF' || font._variationProcessor || !glyf || !font._tables) return original.call(this, gid);
    preloadLoca(font);
    preloadTables(font);
    const offsets = font.loca.offsets;
    const start = offsets[gid];
    const end = offsets[gid + 1];
    if (start === undefined || end === undefined || end < start) return original.call(this, gid);
    const bytes = font.stream.buffer;
    const at = glyf.offset + start;
    // A composite (negative contour count) names its components: fontkit renumbers them.
    if (end - start >= 2 && ((bytes[at]! << 24) >> 16 | bytes[at + 1]!) < 0) return original.call(this, gid);
    const buffer = bytes.subarray(at, glyf.offset + end);
    const { advance, bearing } = font.getGlyph(gid)._getTableMetrics(font.hmtx);
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance, bearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
  proto[PATCHED] = true;
}
