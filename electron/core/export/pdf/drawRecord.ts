/**
 * Drawing records: what a composer asks of its canvas, written as numbers into one typed array
 * (strings and faces by index), so that another thread can draw the pages while this one lays
 * out the next. `RecordingCanvas` takes the PdfCanvas calls the composers make; `replay` makes
 * the same calls on a real PdfCanvas, in the same order, so the file is the one PdfCanvas would
 * have written in-process (glyph ids are given out in drawing order either way).
 */
import type { FaceFile } from '../../fonts/roles.js';
import type { FaceMetrics } from '../../fonts/metrics.js';
import { glyphsForDrawing, type LaidLine, type PlacedGlyph } from '../../layout/paragraph.js';
import type { OutlineNode } from './anthology.js';
import type { PdfCanvas, ReservedPage } from './canvas.js';

const enum Op {
  AddPage = 1,
  Reserve,
  Resume,
  Line,
  FillRect,
  SquareRow,
  StrokeRect,
  Rule,
  Image,
  Link,
  Destination,
  Outline,
}

/** Numbers per glyph of a Line record: face, cp, x, dx, w, size, colour, flags, rise, actual. */
const GLYPH = 10;
const BOLD = 1;
const UNDERLINE = 2;

/** One batch of records as it crosses to the drawing thread. */
export interface DrawBatch {
  ops: Float64Array;
  /** Strings first used in this batch, in index order after those sent before. */
  strings: string[];
  /** Faces first used in this batch, likewise. */
  faces: FaceFile[];
  images: Uint8Array[];
}

/** Where a RecordingCanvas sends each batch; `bytes` is the batch's size, for back-pressure. */
export type BatchSender = (batch: DrawBatch, transfer: ArrayBuffer[], bytes: number) => void;

/** Records past this many numbers are sent at the next page boundary. */
const BATCH_NUMBERS = 16384;

export class RecordingCanvas {
  private ops = new Float64Array(BATCH_NUMBERS * 2);
  private at = 0;
  private strings = new Map<string, number>();
  private newStrings: string[] = [];
  private faces = new Map<FaceMetrics, number>();
  private newFaces: FaceFile[] = [];
  private images: Uint8Array[] = [];
  private pages = 0;
  private outlines = 0;
  pageHeight = 0;
  /** The document root's extra entries (the anthology's PageLabels), applied before the document ends. */
  readonly rootData: Record<string, unknown> = {};
  readonly doc = { _root: { data: this.rootData } };
  readonly outline: OutlineNode;

  constructor(private readonly send: BatchSender) {
    this.outline = this.outlineNode(0);
  }

  private outlineNode(id: number): OutlineNode {
    return {
      addItem: (title: string) => {
        const child = ++this.outlines;
        this.put3(Op.Outline, id, this.str(title));
        return this.outlineNode(child);
      },
    };
  }

  private room(n: number): void {
    if (this.at + n <= this.ops.length) return;
    const bigger = new Float64Array(Math.max(this.ops.length * 2, this.at + n));
    bigger.set(this.ops.subarray(0, this.at));
    this.ops = bigger;
  }

  private put3(a: number, b: number, c: number): void {
    this.room(3);
    const o = this.ops;
    o[this.at++] = a;
    o[this.at++] = b;
    o[this.at++] = c;
  }

  private putAll(values: number[]): void {
    this.room(values.length);
    for (const v of values) this.ops[this.at++] = v;
  }

  private str(s: string): number {
    let i = this.strings.get(s);
    if (i === undefined) {
      i = this.strings.size;
      this.strings.set(s, i);
      this.newStrings.push(s);
    }
    return i;
  }

  private face(f: FaceMetrics): number {
    let i = this.faces.get(f);
    if (i === undefined) {
      i = this.faces.size;
      this.faces.set(f, i);
      const { face, file, postscriptName } = f.file;
      this.newFaces.push(postscriptName === undefined ? { face, file } : { face, file, postscriptName });
    }
    return i;
  }

  /** Sends what is recorded (at a page boundary, and at the end). */
  sendBatch(): void {
    if (this.at === 0 && !this.newStrings.length && !this.newFaces.length) return;
    const ops = this.ops.slice(0, this.at);
    const batch: DrawBatch = { ops, strings: this.newStrings, faces: this.newFaces, images: this.images };
    const bytes = ops.byteLength + this.images.reduce((s, b) => s + b.byteLength, 0);
    this.send(batch, [ops.buffer, ...this.images.map((b) => b.buffer as ArrayBuffer)], bytes);
    this.at = 0;
    this.newStrings = [];
    this.newFaces = [];
    this.images = [];
  }

  private pageBoundary(): void {
    if (this.at >= BATCH_NUMBERS || this.images.length) this.sendBatch();
  }

  addPage(width: number, height: number): void {
    this.pageBoundary();
    this.put3(Op.AddPage, width, height);
    this.pageHeight = height;
  }

  reservePage(width: number, height: number): ReservedPage {
    this.pageBoundary();
    const id = ++this.pages;
    this.putAll([Op.Reserve, width, height, id]);
    this.pageHeight = height;
    return { height, id } as unknown as ReservedPage;
  }

  resumePage(page: ReservedPage): void {
    this.pageBoundary();
    this.put3(Op.Resume, (page as unknown as { id: number }).id, 0);
    this.pageHeight = page.height;
  }

  drawLine(line: LaidLine, x: number, baselineY: number): void {
    const { glyphs, count } = glyphsForDrawing(line);
    if (count === 0) return;
    this.room(4 + count * GLYPH);
    const o = this.ops;
    let at = this.at;
    o[at++] = Op.Line;
    o[at++] = x;
    o[at++] = baselineY;
    o[at++] = count;
    let lastColor = '';
    let colorIndex = 0;
    let lastFace: FaceMetrics | null = null;
    let faceIndex = 0;
    for (let k = 0; k < count; k++) {
      const g = glyphs[k]!;
      if (g.face !== lastFace) {
        lastFace = g.face;
        faceIndex = this.face(g.face);
      }
      if (g.color !== lastColor) {
        lastColor = g.color;
        colorIndex = this.str(g.color);
      }
      o[at++] = faceIndex;
      o[at++] = g.cp;
      o[at++] = g.x;
      o[at++] = g.dx;
      o[at++] = g.w;
      o[at++] = g.size;
      o[at++] = colorIndex;
      o[at++] = (g.fakeBold ? BOLD : 0) | (g.underline ? UNDERLINE : 0);
      o[at++] = g.rise;
      o[at++] = g.actual ?? -1;
    }
    this.at = at;
  }

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.putAll([Op.FillRect, x, y, w, h, this.str(color)]);
  }

  squareRow(x: number, from: number, to: number, step: number, y: number, size: number, color: string): void {
    this.putAll([Op.SquareRow, x, from, to, step, y, size, this.str(color)]);
  }

  strokeRect(x: number, y: number, w: number, h: number, color: string, width: number): void {
    this.putAll([Op.StrokeRect, x, y, w, h, this.str(color), width]);
  }

  rule(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void {
    this.putAll([Op.Rule, x1, y1, x2, y2, width, this.str(color)]);
  }

  image(data: Buffer, x: number, y: number, w: number, h: number): void {
    // A copy of its own: the picture's bytes may be a view into a larger buffer, and this one is handed over.
    this.images.push(new Uint8Array(data));
    this.putAll([Op.Image, x, y, w, h]);
  }

  link(x: number, y: number, w: number, h: number, destination: string): void {
    this.putAll([Op.Link, x, y, w, h, this.str(destination)]);
  }

  destination(name: string): void {
    this.put3(Op.Destination, this.str(name), 0);
  }

  /** Nothing to hand over here: records go at page boundaries and at the end. */
  flush(): void {}
}

/** The drawing side's state across the batches of one document. */
export interface ReplayState {
  strings: string[];
  faces: FaceMetrics[];
  outlines: OutlineNode[];
  reserved: Map<number, ReservedPage>;
  pool: PlacedGlyph[];
}

export function replayState(root: OutlineNode): ReplayState {
  return { strings: [], faces: [], outlines: [root], reserved: new Map(), pool: [] };
}

/** Makes the recorded calls on `canvas`; `open` gives the measuring face of a face file. */
export function replay(canvas: PdfCanvas, batch: DrawBatch, st: ReplayState, open: (file: FaceFile) => FaceMetrics): void {
  st.strings.push(...batch.strings);
  for (const f of batch.faces) st.faces.push(open(f));
  const o = batch.ops;
  const s = st.strings;
  let image = 0;
  let i = 0;
  while (i < o.length) {
    switch (o[i] as Op) {
      case Op.AddPage:
        canvas.addPage(o[i + 1]!, o[i + 2]!);
        i += 3;
        break;
      case Op.Reserve:
        st.reserved.set(o[i + 3]!, canvas.reservePage(o[i + 1]!, o[i + 2]!));
        i += 4;
        break;
      case Op.Resume:
        canvas.resumePage(st.reserved.get(o[i + 1]!)!);
        i += 3;
        break;
      case Op.Line: {
        const x = o[i + 1]!;
        const y = o[i + 2]!;
        const count = o[i + 3]!;
        i += 4;
        const pool = st.pool;
        while (pool.length < count) pool.push({ cp: 0, face: st.faces[0]!, size: 0, color: '', fakeBold: false, rise: 0, underline: false, x: 0, w: 0, dx: 0, actual: undefined });
        for (let k = 0; k < count; k++, i += GLYPH) {
          const g = pool[k]!;
          g.face = st.faces[o[i]!]!;
          g.cp = o[i + 1]!;
          g.x = o[i + 2]!;
          g.dx = o[i + 3]!;
          g.w = o[i + 4]!;
          g.size = o[i + 5]!;
          g.color = s[o[i + 6]!]!;
          const flags = o[i + 7]!;
          g.fakeBold = (flags & BOLD) !== 0;
          g.underline = (flags & UNDERLINE) !== 0;
          g.rise = o[i + 8]!;
          const actual = o[i + 9]!;
          g.actual = actual >= 0 ? actual : undefined;
        }
        canvas.drawGlyphs(pool, count, x, y);
        break;
      }
      case Op.FillRect:
        canvas.fillRect(o[i + 1]!, o[i + 2]!, o[i + 3]!, o[i + 4]!, s[o[i + 5]!]!);
        i += 6;
        break;
      case Op.SquareRow:
        canvas.squareRow(o[i + 1]!, o[i + 2]!, o[i + 3]!, o[i + 4]!, o[i + 5]!, o[i + 6]!, s[o[i + 7]!]!);
        i += 8;
        break;
      case Op.StrokeRect:
        canvas.strokeRect(o[i + 1]!, o[i + 2]!, o[i + 3]!, o[i + 4]!, s[o[i + 5]!]!, o[i + 6]!);
        i += 7;
        break;
      case Op.Rule:
        canvas.rule(o[i + 1]!, o[i + 2]!, o[i + 3]!, o[i + 4]!, o[i + 5]!, s[o[i + 6]!]!);
        i += 7;
        break;
      case Op.Image: {
        const data = batch.images[image++]!;
        canvas.image(Buffer.from(data.buffer, data.byteOffset, data.byteLength), o[i + 1]!, o[i + 2]!, o[i + 3]!, o[i + 4]!);
        i += 5;
        break;
      }
      case Op.Link:
        canvas.link(o[i + 1]!, o[i + 2]!, o[i + 3]!, o[i + 4]!, s[o[i + 5]!]!);
        i += 6;
        break;
      case Op.Destination:
        canvas.destination(s[o[i + 1]!]!);
        i += 3;
        break;
      case Op.Outline:
        st.outlines.push(st.outlines[o[i + 1]!]!.addItem(s[o[i + 2]!]!));
        i += 3;
        break;
      default:
        throw new Error(`internal: unknown drawing record ${o[i]} at ${i}`);
    }
  }
}
