/**
 * Draws laid lines on pdfkit pages. pdfkit only draws here: glyphs are placed at the
 * positions the layout engine chose, written as TJ arrays whose adjustments carry the
 * justification and compression. Glyph ids go through pdfkit's own font objects so that
 * fonts are embedded, subset and given a ToUnicode map (text read back = text set).
 */
import type PDFDocument from 'pdfkit';
import type { FaceMetrics } from '../../fonts/metrics.js';
import { glyphsForDrawing, type LaidLine, type PlacedGlyph } from '../../layout/paragraph.js';
import type { BoxPainter } from '../../layout/flow.js';
import { deflateStreams } from './streams.js';
import { fastSubsets } from './subset.js';
import { ContentBytes } from './contentBytes.js';
import { StreamedOutline } from './outline.js';

interface PdfKitFont {
  id: string;
  font: unknown;
  subset: { font: unknown; includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

/** A page added but not yet written (see PdfCanvas.reservePage). */
export interface ReservedPage {
  readonly height: number;
  readonly __reserved: unique symbol;
}

/** What a link annotation is made of in pdfkit (see PdfCanvas.link). */
interface PdfKitLinks {
  ref(data: Record<string, unknown>): { end(): void };
  _convertRect(x: number, y: number, w: number, h: number): number[];
  page: { annotations: unknown[] };
}

const NO_BORDER = [0, 0, 0];
/** Annotation flag 3, Print (pdfkit's default for links). */
const PRINT_FLAG = 1 << 2;

/** pdfkit's page bookkeeping the reserved pages go around. */
interface PdfKitPages {
  page: { height: number };
  _pageBuffer: Array<{ height: number }>;
  _ctm: number[];
  flushPages(): void;
  end(): void;
}

interface EncodedGlyph {
  /** Glyph id in the subset. */
  gid: number;
  /** Advance the PDF viewer applies, in text-space thousandths. */
  adv: number;
}

interface FontEntry {
  font: PdfKitFont;
  face: FaceMetrics;
  glyphs: Map<number, EncodedGlyph>;
}

/** UTF-16BE hex of one code point (surrogate pairs for Ext-B), for ActualText strings. */
function utf16Hex(cp: number): string {
  const units = String.fromCodePoint(cp);
  let hex = '';
  for (let k = 0; k < units.length; k++) hex += units.charCodeAt(k).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

const num = (v: number): string => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** A number as pdfkit writes it in path operators (six decimals). */
const pn = (v: number): string => String(Math.round(v * 1e6) / 1e6);

/** A hex colour as pdfkit writes it for scn/SCN: each channel / 255, in full. */
const pdfkitColors = new Map<string, string>();
function pdfkitColor(hex: string): string {
  let c = pdfkitColors.get(hex);
  if (c === undefined) {
    const full = hex.length === 3 ? hex.replace(/(.)/g, '$1$1') : hex;
    const n = parseInt(full, 16);
    c = [n >> 16, (n >> 8) & 255, n & 255].map((part) => part / 255).join(' ');
    pdfkitColors.set(hex, c);
  }
  return c;
}

function fillRectOps(x: number, y: number, w: number, h: number, color: string): string {
  return `q\n${pn(x)} ${pn(y)} ${pn(w)} ${pn(h)} re\n/DeviceRGB cs\n${color} scn\nf\nQ\n`;
}

const colors = new Map<string, string>();
function rgb(hex: string): string {
  let c = colors.get(hex);
  if (c === undefined) {
    const n = parseInt(hex, 16);
    c = `${num(((n >> 16) & 255) / 255)} ${num(((n >> 8) & 255) / 255)} ${num((n & 255) / 255)}`;
    colors.set(hex, c);
  }
  return c;
}

export class PdfCanvas implements BoxPainter {
  private fonts = new Map<string, FontEntry>();
  private pageFonts = new Set<string>();
  private bytes = new ContentBytes();
  pageHeight = 0;
  /** The bookmarks, written as they close (outline.ts) instead of through pdfkit's outline. */
  readonly outline: StreamedOutline;

  constructor(readonly doc: PDFKit.PDFDocument) {
    deflateStreams(doc);
    // pdfkit ends its pages in flushPages (a new page, the document's end): the content
    // gathered here goes in first, whoever ends the document.
    const d = doc as unknown as PdfKitPages;
    const flushPages = d.flushPages.bind(d);
    d.flushPages = () => {
      this.flush();
      flushPages();
    };
    const outline = (this.outline = new StreamedOutline(doc as unknown as ConstructorParameters<typeof StreamedOutline>[0]));
    const end = d.end.bind(d);
    // What is still open of the outline goes out before pdfkit writes the catalog that names it.
    d.end = () => {
      outline.end();
      end();
    };
  }

  /** Starts a page of the given size (pt); pdfkit flushes the previous one (bufferPages off). */
  addPage(width: number, height: number): void {
    this.flush();
    this.doc.addPage({ size: [width, height], margin: 0 });
    this.pageHeight = height;
    this.pageFonts.clear();
  }

  /**
   * Adds a page in its place in the page tree but leaves it open: pdfkit writes it only when
   * `resumePage` has made it current again and a later page (or the document's end) closes it.
   * The anthology keeps its 目录 pages so, drawing them once the folios are known.
   */
  reservePage(width: number, height: number): ReservedPage {
    this.addPage(width, height);
    const d = this.doc as unknown as PdfKitPages;
    const page = d.page;
    d._pageBuffer = d._pageBuffer.filter((p) => p !== page);
    return page as ReservedPage;
  }

  /** Draws on a reserved page from now on; the page drawn so far is written out. */
  resumePage(page: ReservedPage): void {
    this.flush();
    const d = this.doc as unknown as PdfKitPages;
    d.flushPages();
    d.page = page;
    d._pageBuffer.push(page);
    // addPage left the page in top-down space (its content stream holds that cm already).
    d._ctm = [1, 0, 0, -1, 0, page.height];
    this.pageHeight = page.height;
    this.pageFonts.clear();
  }

  private entry(face: FaceMetrics): FontEntry {
    let e = this.fonts.get(face.key);
    if (!e) {
      // pdfkit embeds the fontkit face the layout measured with (no second read or parse).
      const doc = this.doc as unknown as { font(src: unknown): unknown; _font: PdfKitFont };
      doc.font(face.embeddable());
      e = { font: doc._font, face, glyphs: new Map() };
      fastSubsets(e.font.subset);
      this.fonts.set(face.key, e);
    }
    if (!this.pageFonts.has(face.key)) {
      const page = (this.doc as unknown as { page: { fonts: Record<string, unknown> } }).page;
      page.fonts[e.font.id] = e.font.ref();
      this.pageFonts.add(face.key);
    }
    return e;
  }

  private encode(e: FontEntry, cp: number): EncodedGlyph {
    let g = e.glyphs.get(cp);
    if (!g) {
      const glyph = e.face.glyph(cp);
      // A face from the font cache may lack this outline: pdfkit then embeds from the original (same glyph ids).
      const holder = e.face.outlineFont(glyph.id);
      if (holder !== e.font.font) e.font.font = e.font.subset.font = holder;
      const gid = e.font.subset.includeGlyph(glyph.id);
      const adv = (glyph.advance * 1000) / e.face.unitsPerEm;
      if (e.font.widths[gid] == null) e.font.widths[gid] = adv;
      if (e.font.unicode[gid] == null) e.font.unicode[gid] = [cp];
      g = { gid, adv };
      e.glyphs.set(cp, g);
    }
    return g;
  }

  /** Draws a laid line with its origin at x and its baseline at y (pt from the page top). */
  drawLine(line: LaidLine, x: number, baselineY: number): void {
    // Shared records refilled per line (see glyphsForDrawing): read here, never kept.
    const { glyphs, count } = glyphsForDrawing(line);
    this.drawGlyphs(glyphs, count, x, baselineY);
  }

  /** Draws the first `count` of a line's glyph records (drawLine's, or a drawing record's replayed). */
  drawGlyphs(glyphs: readonly PlacedGlyph[], count: number, x: number, baselineY: number): void {
    if (count === 0) return;
    const out = this.bytes;
    // pdfkit's page space runs top-down; text wants PDF's native bottom-up space.
    out.text('q 1 0 0 -1 0 ');
    out.num(this.pageHeight);
    out.text(' cm\n');
    let i = 0;
    while (i < count) {
      const first = glyphs[i]!;
      let j = i + 1;
      // A 缺字 mark stands alone, wrapped in ActualText below.
      while (first.actual === undefined && j < count) {
        const g = glyphs[j]!;
        if (g.actual !== undefined || g.face !== first.face || g.size !== first.size || g.color !== first.color || g.fakeBold !== first.fakeBold || g.rise !== first.rise) break;
        j++;
      }
      const e = this.entry(first.face);
      const size = first.size;
      const startX = x + first.x + first.dx;
      const y = this.pageHeight - baselineY + first.rise;
      const color = rgb(first.color);
      if (first.actual !== undefined) out.text(`/Span <</ActualText <FEFF${utf16Hex(first.actual)}>>> BDC\n`);
      if (first.fakeBold) {
        out.text('q ');
        out.num(size * 0.03);
        out.text(` w /DeviceRGB CS ${color} SC\n`);
      }
      out.text(`/DeviceRGB cs ${color} scn\nBT`);
      if (first.fakeBold) out.text(' 2 Tr');
      out.text(` /${e.font.id} `);
      out.num(size);
      out.text(' Tf 1 0 0 1 ');
      out.num(startX);
      out.byte(32);
      out.num(y);
      out.text(' Tm [');
      // The TJ array: hex glyph runs with the adjustments between them.
      let pen = startX;
      let open = false;
      for (let k = i; k < j; k++) {
        const g = glyphs[k]!;
        const enc = this.encode(e, g.cp);
        const want = x + g.x + g.dx;
        const delta = want - pen;
        if (Math.abs(delta) > 0.0005) {
          if (open) {
            out.byte(62);
            out.byte(32);
            open = false;
          }
          out.num((-delta * 1000) / size);
          out.byte(32);
        }
        if (!open) {
          out.byte(60);
          open = true;
        }
        out.hex4(enc.gid);
        pen = want + (enc.adv * size) / 1000;
      }
      if (open) out.byte(62);
      out.text('] TJ ET\n');
      if (first.fakeBold) out.text('Q\n');
      if (first.actual !== undefined) out.text('EMC\n');
      i = j;
    }
    out.text('Q\n');
    if (out.at >= 65536) this.flush();
    // Underlined runs: one rule per run, under the glyph boxes.
    for (let k = 0; k < count; k++) {
      if (!glyphs[k]!.underline) continue;
      let m = k;
      while (m + 1 < count && glyphs[m + 1]!.underline) m++;
      const a = glyphs[k]!;
      const b = glyphs[m]!;
      const uy = baselineY + a.size * 0.12;
      this.rule(x + a.x, uy, x + b.x + b.w, uy, Math.max(0.4, a.size / 20), a.color);
      k = m;
    }
  }

  // Rectangles and rules are written as the operators pdfkit's save/rect/fill/stroke/restore
  // would write, byte for byte, but as one string: through pdfkit each operator is a string
  // turned into bytes on its own, and a 目录's leader dots made a third of its allocation.

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.content(fillRectOps(x, y, w, h, pdfkitColor(color)));
  }

  /**
   * A row of squares (BoxPainter.squareRow) as one dashed stroke: a line `size` wide through
   * their middles, butt-capped, dashed `size` on and `step - size` off, paints the same squares.
   * A fill per square made a leader line some 2 KB of content, an index or 目录 page 70 KB: the
   * 5,000-page book's back matter and 目录 were most of its content bytes, deflated and written
   * at its end.
   */
  squareRow(x: number, from: number, to: number, step: number, y: number, size: number, color: string): void {
    // The squares the fills would have drawn: at from, from + step, … while short of `to`.
    let last = Number.NaN;
    for (let d = from; d < to; d += step) last = d;
    if (Number.isNaN(last)) return;
    const mid = pn(y + size / 2);
    this.content(`q\n${pn(size)} w\n0 J\n[${pn(size)} ${pn(step - size)}] 0 d\n${pn(x + from)} ${mid} m\n${pn(x + last + size)} ${mid} l\n/DeviceRGB CS\n${pdfkitColor(color)} SCN\nS\nQ\n`);
  }

  strokeRect(x: number, y: number, w: number, h: number, color: string, width: number): void {
    this.content(`q\n${pn(width)} w\n${pn(x)} ${pn(y)} ${pn(w)} ${pn(h)} re\n/DeviceRGB CS\n${pdfkitColor(color)} SCN\nS\nQ\n`);
  }

  rule(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void {
    this.content(`q\n${pn(width)} w\n${pn(x1)} ${pn(y1)} m\n${pn(x2)} ${pn(y2)} l\n/DeviceRGB CS\n${pdfkitColor(color)} SCN\nS\nQ\n`);
  }

  /**
   * Page content written by this canvas is gathered as bytes (contentBytes.ts) and handed to
   * pdfkit a page (or 64 KB) at a time: as a string pdfkit would copy it into bytes one
   * character at a time, and a small byte array per line or rule made as much garbage again.
   * The content is ASCII. Anything that has pdfkit write content itself flushes first.
   */
  private content(ops: string): void {
    this.bytes.text(ops);
    if (this.bytes.at >= 65536) this.flush();
  }

  /** Hands the gathered content to the current page; writePdf calls it before ending the document. */
  flush(): void {
    if (this.bytes.at === 0) return;
    (this.doc as unknown as { page: { write(b: Uint8Array): void } }).page.write(this.bytes.take());
  }

  /**
   * A link annotation to a named destination, its GoTo action inline: pdfkit's goTo writes the
   * action as an object of its own beside the annotation, and builds both through its generic
   * annotate (two objects and their bookkeeping for each of the 目录's and the indexes' 13,650
   * links in a 5,000-page book). The annotation says what pdfkit's does: the rectangle in PDF
   * space, no border, printed.
   */
  link(x: number, y: number, w: number, h: number, destination: string): void {
    const d = this.doc as unknown as PdfKitLinks;
    // A String object: pdfkit writes it as a PDF text string (a primitive would be a name).
    const ref = d.ref({ Subtype: 'Link', A: { S: 'GoTo', D: new String(destination) }, Type: 'Annot', Rect: d._convertRect(x, y, w, h), Border: NO_BORDER, F: PRINT_FLAG });
    d.page.annotations.push(ref);
    ref.end();
  }

  /**
   * Names the current page as a link target: the destination pdfkit's addNamedDestination(name)
   * makes, [page /XYZ null null null], put in its name tree as an array of its own size. pdfkit
   * builds it with unshift, which leaves the array room for some 40 entries, 340 bytes a case
   * held to the document's end.
   */
  destination(name: string): void {
    const d = this.doc as unknown as { page: { dictionary: unknown }; _root: { data: { Names: { data: { Dests: { add(key: string, value: unknown): void } } } } } };
    d._root.data.Names.data.Dests.add(name, [d.page.dictionary, 'XYZ', null, null, null]);
  }

  image(data: Buffer, x: number, y: number, w: number, h: number): void {
    this.flush();
    try {
      this.doc.image(data, x, y, { width: w, height: h });
    } catch {
      this.fillRect(x, y, w, h, 'E6E6E6');
    }
  }
}

export type { PDFDocument };
