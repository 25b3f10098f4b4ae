/**
 * Breaks one paragraph into justified lines: prohibition rules (行首/行尾禁则), units that
 * never split (——, ……, numbers, Latin words), punctuation compression (T.3), the ¼-em
 * Han–Latin gap (T.4), and inter-character justification so that every non-final line
 * ends exactly on the measure. Pure computation: glyph positions, no drawing.
 */
import type { FaceMetrics } from '../fonts/metrics.js';
import type { FontRoleName } from '../fonts/roles.js';
import {
  C_ALNUM,
  C_CJK,
  C_CJK_PUNCT,
  C_HALF_STOP,
  C_HAN,
  C_LEFT_BLANK,
  C_MID_SHRINK,
  C_NO_END,
  C_NO_START,
  C_PAIRED,
  C_RIGHT_BLANK,
  C_SPACE,
  charClass,
} from './chars.js';
import { glyphChooser } from './faces.js';

export interface RunStyle {
  role: FontRoleName;
  size: number;
  bold?: boolean;
  /** Hex RRGGBB. */
  color?: string;
  /** Baseline shift in pt (superscript note calls). */
  rise?: number;
  underline?: boolean;
}

export interface StyledText {
  text: string;
  style: RunStyle;
}

/** What a glyph carries from shaping to drawing. */
export interface GlyphBox {
  cp: number;
  face: FaceMetrics;
  size: number;
  color: string;
  fakeBold: boolean;
  rise: number;
  underline: boolean;
  /** Box width after compression (pt). */
  w: number;
  /** Where the glyph is drawn relative to its box (negative when its blank left half is cut). */
  dx: number;
  /**
   * The character the text stands for when no face here has it: the glyph drawn is 〓 (the
   * typesetter's 缺字 mark) and the PDF carries the real character as ActualText.
   */
  actual?: number;
}

export interface PlacedGlyph extends GlyphBox {
  /** Left edge of the glyph's box, from the line's origin (pt). */
  x: number;
}

export interface LaidLine {
  glyphs: PlacedGlyph[];
  /** Largest type size on the line. */
  size: number;
  /** Right edge of the last glyph box, from the measure's left edge (indent included). */
  right: number;
  final: boolean;
  /** Plain text of the line, for tests and the TOC. */
  text: string;
}

export interface ParagraphSpec {
  runs: StyledText[];
  /** Line length in pt. */
  measure: number;
  /** First-line indent in pt. */
  indent?: number;
  /** Indent of the other lines in pt. */
  hangIndent?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Extra space between any two glyphs (pt; negative to fit a character grid). */
  tracking?: number;
  /** Last line justified too (均排 for name lists and single-line titles). */
  justifyLast?: boolean;
  /** Break only between words (titles, GB/T 9704 §7.3.1): Intl.Segmenter's Chinese word boundaries. */
  keepWords?: boolean;
  /** An opening bracket or quote at a line start drops its blank left half (T.3). Default on; off on a fixed grid. */
  trimLineStart?: boolean;
  /** Squeeze ，、；： inside the line to fit one more character (clreq step 5). Default on; off on a fixed grid. */
  midShrink?: boolean;
  /** Add the ¼-em Han–Latin gap (T.4); off for a fixed 28-字 公文 grid. Default on. */
  autoSpace?: boolean;
}

/**
 * The glyphs of a paragraph while lines are being found, as parallel typed arrays (one slot
 * per glyph) in scratch space reused from paragraph to paragraph: a book sets every paragraph
 * twice (once to count pages, once to draw), and per-glyph records were most of the layout's
 * allocation. What a drawn line needs is copied out into a compact store (see `Store`).
 */
interface Glyphs {
  n: number;
  /** Code point drawn. */
  cp: Int32Array;
  /** The character a 〓 stands for, or -1. */
  actual: Int32Array;
  /** charClass() of cp. */
  cls: Int32Array;
  /** F_* bits. */
  flags: Int32Array;
  /** Index of the glyph's face in `faces`. */
  face: Int32Array;
  /** Index of the glyph's run in `runs`. */
  run: Int32Array;
  size: Float64Array;
  /** Box width after compression (pt). */
  w: Float64Array;
  /** Where the glyph is drawn relative to its box. */
  dx: Float64Array;
  /** Fixed extra space before this glyph (Han–Latin gap, tracking); once its line is placed, the glyph's x. */
  gap: Float64Array;
  /** Removable at line end / in mid-line. */
  endShrink: Float64Array;
  midShrink: Float64Array;
  faces: FaceMetrics[];
  runs: RunStyle[];
}

/** May a line break before this glyph? */
const F_BREAK = 1;
/** May the gap before this glyph widen when justifying? */
const F_STRETCH = 2;
const F_SPACE = 4;
const F_FAKE_BOLD = 8;

const EPS = 0.005;

function scratch(cap: number): Glyphs {
  return {
    n: 0,
    cp: new Int32Array(cap),
    actual: new Int32Array(cap),
    cls: new Int32Array(cap),
    flags: new Int32Array(cap),
    face: new Int32Array(cap),
    run: new Int32Array(cap),
    size: new Float64Array(cap),
    w: new Float64Array(cap),
    dx: new Float64Array(cap),
    gap: new Float64Array(cap),
    endShrink: new Float64Array(cap),
    midShrink: new Float64Array(cap),
    faces: [],
    runs: [],
  };
}

let shared = scratch(4096);
/** Layout is synchronous and not re-entrant, so one scratch space serves every paragraph. */
function scratchFor(units: number): Glyphs {
  if (units > shared.cp.length) shared = scratch(Math.max(units, shared.cp.length * 2));
  shared.n = 0;
  shared.faces = [];
  shared.runs = [];
  return shared;
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
/**
 * Word starts of recent texts: a balanced title is set several times over at trial measures, and
 * a book's case titles come back in its 目录 (counted, then drawn) and in both indexes: the cache
 * holds a big book's titles (a few hundred bytes each) rather than starting over every 256.
 */
const wordCache = new Map<string, Set<number>>();
const WORD_CACHE_ENTRIES = 4096;

/** Code-unit offsets where a word starts, over the runs' text joined. */
function wordStarts(spec: ParagraphSpec): Set<number> | null {
  if (!spec.keepWords || !segmenter) return null;
  const text = spec.runs.map((r) => r.text).join('');
  let starts = wordCache.get(text);
  if (!starts) {
    starts = new Set<number>();
    for (const seg of segmenter.segment(text)) starts.add(seg.index);
    if (wordCache.size >= WORD_CACHE_ENTRIES) wordCache.clear();
    wordCache.set(text, starts);
  }
  return starts;
}

function buildGlyphs(spec: ParagraphSpec): Glyphs {
  const words = wordStarts(spec);
  const offsets: number[] | null = words ? [] : null;
  const runs = spec.runs;
  let units = 0;
  for (let r = 0; r < runs.length; r++) units += runs[r]!.text.length;
  const d = scratchFor(units);
  const { cp: cps, actual, cls, flags, face, run: runOf, size: sizes, w, dx, gap, endShrink, midShrink, faces } = d;
  let n = 0;
  let base = 0;
  let lastFace: FaceMetrics | null = null;
  let lastFaceIndex = -1;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const s = run.style;
    d.runs.push(s);
    const choose = glyphChooser(s.role, !!s.bold);
    const text = run.text;
    const size = s.size;
    for (let k = 0; k < text.length; k++) {
      const cp = text.codePointAt(k)!;
      if (cp > 0xffff) k++;
      if (cp === 0x0a || cp === 0x0d) continue;
      if (offsets) offsets.push(base + (cp > 0xffff ? k - 1 : k));
      const g = choose(cp);
      if (g.metrics !== lastFace) {
        lastFace = g.metrics;
        lastFaceIndex = faces.indexOf(lastFace);
        if (lastFaceIndex < 0) lastFaceIndex = faces.push(lastFace) - 1;
      }
      cps[n] = g.shown;
      actual[n] = g.actual;
      cls[n] = charClass(g.shown);
      flags[n] = F_STRETCH | (g.fakeBold ? F_FAKE_BOLD : 0) | (charClass(cp) & C_SPACE ? F_SPACE : 0);
      face[n] = lastFaceIndex;
      runOf[n] = r;
      sizes[n] = size;
      w[n] = g.adv * size;
      dx[n] = 0;
      gap[n] = 0;
      endShrink[n] = 0;
      midShrink[n] = 0;
      n++;
    }
    base += text.length;
  }
  d.n = n;
  const tracking = spec.tracking ?? 0;
  const autoSpace = spec.autoSpace !== false;
  const specMidShrink = spec.midShrink !== false;
  for (let i = 0; i < n; i++) {
    const c = cls[i]!;
    const size = sizes[i]!;
    const fullWidth = w[i]! >= size * 0.9;
    if (c & C_RIGHT_BLANK && fullWidth) {
      // Two marks meeting: squeeze the blank half that faces the other (T.3).
      const next = i + 1 < n ? cps[i + 1]! : -1;
      if (next >= 0 && cls[i + 1]! & C_CJK_PUNCT && next !== 0x2014 && next !== 0x2026) {
        w[i]! -= size / 2;
      } else {
        endShrink[i] = size / 2;
        if (c & C_MID_SHRINK && specMidShrink) midShrink[i] = size / 4;
      }
    } else if (c & C_LEFT_BLANK && fullWidth && i > 0 && cls[i - 1]! & C_CJK_PUNCT && !(cls[i - 1]! & C_RIGHT_BLANK) && cps[i - 1] !== 0x2014 && cps[i - 1] !== 0x2026) {
      w[i]! -= size / 2;
      dx[i] = -size / 2;
    }
    if (i === 0) continue;
    const p = cls[i - 1]!;
    const pcp = cps[i - 1]!;
    const cp = cps[i]!;
    let gp = tracking;
    if (!autoSpace) {
      // fixed grid: nothing added
    } else if ((p & C_HAN && c & C_ALNUM) || (p & C_ALNUM && c & C_HAN)) gp += Math.min(sizes[i - 1]!, size) / 4;
    // A half-width , ; : kept in Chinese copy gets a quarter em after it, as a Latin space would.
    else if (p & C_HALF_STOP && c & C_HAN) gp += size / 4;
    gap[i] = gp;
    const prevSpace = flags[i - 1]! & F_SPACE;
    const space = flags[i]! & F_SPACE;
    const latinPair = !(p & C_CJK) && !(c & C_CJK) && !prevSpace && !space;
    const pairedRun = c & C_PAIRED && pcp === cp;
    let breakBefore: boolean;
    if (prevSpace) breakBefore = !(c & C_NO_START);
    else if (space) breakBefore = false;
    else if (c & C_NO_START || p & C_NO_END) breakBefore = false;
    else if (pairedRun) breakBefore = false;
    else breakBefore = !latinPair;
    if (words && breakBefore && !words.has(offsets![i]!)) breakBefore = false;
    // Never widen inside a Latin word, a number or a paired mark.
    const stretch = !latinPair && !pairedRun;
    flags[i] = (flags[i]! & ~(F_BREAK | F_STRETCH)) | (breakBefore ? F_BREAK : 0) | (stretch ? F_STRETCH : 0);
  }
  return d;
}

/** Index of the last non-space glyph in [from, to]. */
function lastInk(d: Glyphs, from: number, to: number): number {
  let k = to;
  while (k > from && d.flags[k]! & F_SPACE) k--;
  return k;
}

interface Span {
  from: number;
  /** Inclusive. */
  to: number;
}

function breakLines(d: Glyphs, spec: ParagraphSpec, limitFirst?: { start: number; maxEnd: number }): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const { n, flags, gap, w, endShrink, midShrink } = d;
  while (start < n) {
    while (start < n && flags[start]! & F_SPACE) start++;
    if (start >= n) break;
    const m = spec.measure - (spans.length === 0 ? spec.indent ?? 0 : spec.hangIndent ?? 0);
    let width = 0;
    let mid = 0;
    let inkTight = 0;
    let best = -1;
    let lastFit = -1;
    const maxEnd = limitFirst && limitFirst.start === start ? limitFirst.maxEnd : n - 1;
    for (let j = start; j <= maxEnd; j++) {
      width += (j > start ? gap[j]! : 0) + w[j]!;
      if (!(flags[j]! & F_SPACE)) {
        // The tightest this line could be if it ended here (spaces at a line end drop).
        inkTight = width - endShrink[j]! - mid;
        mid += midShrink[j]!;
        if (inkTight <= m + EPS) lastFit = j;
      }
      if (j === n - 1 || flags[j + 1]! & F_BREAK) {
        if (inkTight <= m + EPS) best = j;
        else break;
      }
      if (width - mid > m * 1.5 + 50) break;
    }
    if (best < 0) best = Math.max(start, lastFit);
    spans.push({ from: start, to: best });
    start = best + 1;
  }
  return spans;
}

function inkCount(d: Glyphs, span: Span): number {
  let c = 0;
  for (let i = span.from; i <= span.to; i++) if (d.cls[i]! & (C_HAN | C_ALNUM)) c++;
  return c;
}

/**
 * Justifies glyphs from..to (to: the line's last ink) in place: w and dx take their final
 * values and gap becomes each glyph's x. Returns the right edge. Every glyph belongs to one
 * line, and lines are placed only once the breaks are final, so nothing reads the old values.
 */
function place(d: Glyphs, from: number, to: number, lead: number, m: number, justify: boolean, align: ParagraphSpec['align'], trimStart: boolean): number {
  const { gap, w, dx, flags, size: sizes } = d;
  let natural = 0;
  for (let i = from; i <= to; i++) natural += (i > from ? gap[i]! : 0) + w[i]!;
  const headSize = sizes[from]!;
  if (trimStart && d.cls[from]! & C_LEFT_BLANK && w[from]! >= headSize * 0.9) {
    w[from]! -= headSize / 2;
    dx[from]! -= headSize / 2;
    natural -= headSize / 2;
  }
  const count = to - from + 1;
  let diff = m - natural;
  if (diff < -EPS) {
    // 先挤进: line-end mark to ½ em first, then ，、；： across the line.
    const endCut = Math.min(-diff, d.endShrink[to]!);
    w[to]! -= endCut;
    diff += endCut;
    if (diff < -EPS) {
      let pool = 0;
      for (let i = from; i < to; i++) pool += d.midShrink[i]!;
      if (pool > 0) {
        const f = Math.min(1, -diff / pool);
        for (let i = from; i < to; i++) w[i]! -= d.midShrink[i]! * f;
        diff += pool * f;
      }
    }
  }
  let each = 0;
  let all = false;
  let spread = false;
  if (justify ? Math.abs(diff) > EPS : diff < -EPS) {
    let slots = 0;
    for (let i = from + 1; i <= to; i++) if (flags[i]! & F_STRETCH) slots++;
    all = slots === 0 || diff < 0;
    if (all) slots = count - 1;
    if (slots > 0) {
      each = diff / slots;
      spread = true;
      diff = 0;
    }
  }
  let x = lead;
  if (!justify) {
    if (align === 'center') x = Math.max(0, diff / 2);
    else if (align === 'right') x = Math.max(0, diff);
  }
  for (let i = from; i <= to; i++) {
    let g = i > from ? gap[i]! : 0;
    if (spread && i > from && (all || flags[i]! & F_STRETCH)) g += each;
    x += g;
    gap[i] = x;
    x += w[i]!;
  }
  return x;
}

/**
 * What drawing needs of a paragraph's placed glyphs, copied out of the scratch space: three
 * numbers and three integers per glyph in two typed arrays (their bytes live outside the
 * young heap, so a scavenge moves only the array headers), plus the paragraph's faces and runs.
 */
interface Store {
  /** x, w, dx per glyph. */
  num: Float64Array;
  /** cp, actual, run << 8 | face << 1 | fakeBold per glyph. */
  int: Int32Array;
  faces: FaceMetrics[];
  runs: RunStyle[];
}

function storeOf(d: Glyphs): Store {
  const n = d.n;
  const num = new Float64Array(n * 3);
  const int = new Int32Array(n * 3);
  for (let i = 0; i < n; i++) {
    num[i * 3] = d.gap[i]!;
    num[i * 3 + 1] = d.w[i]!;
    num[i * 3 + 2] = d.dx[i]!;
    int[i * 3] = d.cp[i]!;
    int[i * 3 + 1] = d.actual[i]!;
    int[i * 3 + 2] = (d.run[i]! << 8) | (d.face[i]! << 1) | (d.flags[i]! & F_FAKE_BOLD ? 1 : 0);
  }
  return { num, int, faces: d.faces, runs: d.runs };
}

/** The glyph records of one placed line, made when something first asks for them (drawing). */
function placedGlyphs(st: Store, from: number, to: number): PlacedGlyph[] {
  const placed: PlacedGlyph[] = new Array(to - from + 1);
  const { num, int } = st;
  for (let i = from; i <= to; i++) {
    const bits = int[i * 3 + 2]!;
    const s = st.runs[bits >> 8]!;
    const g: PlacedGlyph = {
      cp: int[i * 3]!,
      face: st.faces[(bits >> 1) & 127]!,
      size: s.size,
      color: s.color ?? '000000',
      fakeBold: (bits & 1) !== 0,
      rise: s.rise ?? 0,
      underline: !!s.underline,
      x: num[i * 3]!,
      w: num[i * 3 + 1]!,
      dx: num[i * 3 + 2]!,
    };
    const actual = int[i * 3 + 1]!;
    if (actual >= 0) g.actual = actual;
    placed[i - from] = g;
  }
  return placed;
}

function lineText(st: Store, from: number, to: number): string {
  let text = '';
  for (let i = from; i <= to; i++) {
    const actual = st.int[i * 3 + 1]!;
    text += String.fromCodePoint(actual >= 0 ? actual : st.int[i * 3]!);
  }
  return text;
}

/** Where a lazily made line's glyphs are, while no glyph record of it has been asked for. */
interface LazyGlyphs {
  st: Store;
  from: number;
  to: number;
  owner: LaidLine | null;
  /** Its records were made (or replaced): drawing then uses them. */
  touched: boolean;
}

const LAZY = Symbol('lazyGlyphs');

/**
 * A laid line whose glyph records and text are made on first use: counting a book's pages
 * needs only each line's size, so the first pass makes no glyph records at all, and drawing
 * reads the glyphs through `glyphsForDrawing` without making them either.
 */
function laidLine(st: Store, from: number, to: number, size: number, right: number, final: boolean): LaidLine {
  let glyphs: PlacedGlyph[] | undefined;
  let text: string | undefined;
  const lazy: LazyGlyphs = { st, from, to, owner: null, touched: false };
  const line = {
    get glyphs() {
      lazy.touched = true;
      return (glyphs ??= placedGlyphs(st, from, to));
    },
    set glyphs(v) {
      lazy.touched = true;
      glyphs = v;
    },
    size,
    right,
    final,
    get text() {
      return (text ??= lineText(st, from, to));
    },
    set text(v) {
      text = v;
    },
    [LAZY]: lazy,
  };
  lazy.owner = line;
  return line;
}

/** Reused glyph records for drawing: filled for one line, drawn, then filled for the next. */
const pool: PlacedGlyph[] = [];

/** Two laid lines drawn as one: `tail` shifted right by `shift` after `head` (a 目录 entry and its folio). */
interface Joined {
  head: LaidLine;
  tail: LaidLine;
  shift: number;
}

const JOIN = Symbol('joinedLine');

/** Lazily made glyphs of a line as layoutParagraph made it (not copied, its records never asked for). */
function lazyOf(line: LaidLine): LazyGlyphs | undefined {
  const lazy = (line as { [LAZY]?: LazyGlyphs })[LAZY];
  return lazy && !lazy.touched && lazy.owner === line ? lazy : undefined;
}

/** Copies a line's glyphs into the pool from slot `at`, x moved by `shift`; returns how many. */
function fillPool(line: LaidLine, at: number, shift: number): number {
  const lazy = lazyOf(line);
  const join = (line as { [JOIN]?: Joined })[JOIN];
  if (join) {
    const n = fillPool(join.head, at, shift);
    return n + fillPool(join.tail, at + n, shift + join.shift);
  }
  const count = lazy ? lazy.to - lazy.from + 1 : line.glyphs.length;
  while (pool.length < at + count) pool.push({ cp: 0, face: undefined as unknown as FaceMetrics, size: 0, color: '', fakeBold: false, rise: 0, underline: false, x: 0, w: 0, dx: 0, actual: undefined });
  if (!lazy) {
    const glyphs = line.glyphs;
    for (let k = 0; k < count; k++) {
      const g = pool[at + k]!;
      Object.assign(g, glyphs[k]!);
      g.x += shift;
      if (!('actual' in glyphs[k]!)) g.actual = undefined;
    }
    return count;
  }
  const { st, from, to } = lazy;
  const { num, int } = st;
  for (let i = from; i <= to; i++) {
    const g = pool[at + i - from]!;
    const bits = int[i * 3 + 2]!;
    const s = st.runs[bits >> 8]!;
    const actual = int[i * 3 + 1]!;
    g.cp = int[i * 3]!;
    g.face = st.faces[(bits >> 1) & 127]!;
    g.size = s.size;
    g.color = s.color ?? '000000';
    g.fakeBold = (bits & 1) !== 0;
    g.rise = s.rise ?? 0;
    g.underline = !!s.underline;
    g.x = num[i * 3]! + shift;
    g.w = num[i * 3 + 1]!;
    g.dx = num[i * 3 + 2]!;
    g.actual = actual >= 0 ? actual : undefined;
  }
  return count;
}

/**
 * The glyphs of a line for drawing it now, and their count. For a line as layoutParagraph
 * made it (not copied, its records never asked for), or two such lines joined, these are
 * shared records refilled for each call: valid until the next call, never to be kept.
 */
export function glyphsForDrawing(line: LaidLine): { glyphs: readonly PlacedGlyph[]; count: number } {
  if (!lazyOf(line) && !(line as { [JOIN]?: Joined })[JOIN]) return { glyphs: line.glyphs, count: line.glyphs.length };
  return { glyphs: pool, count: fillPool(line, 0, 0) };
}

/**
 * `head` with `tail` after it, moved right by `shift` (a 目录 entry's last line and its folio),
 * as one line whose glyph records are made only if something asks for them: drawing reads
 * both through the shared records.
 */
export function joinedLine(head: LaidLine, tail: LaidLine, shift: number, right: number): LaidLine {
  return {
    get glyphs(): PlacedGlyph[] {
      return [...head.glyphs.map((g) => ({ ...g })), ...tail.glyphs.map((g) => ({ ...g, x: g.x + shift }))];
    },
    size: head.size,
    right,
    final: head.final,
    get text() {
      return `${head.text}${tail.text}`;
    },
    [JOIN]: { head, tail, shift },
  } as LaidLine;
}

export function layoutParagraph(spec: ParagraphSpec): LaidLine[] {
  const d = buildGlyphs(spec);
  if (d.n === 0) return [];
  let spans = breakLines(d, spec);
  // 孤字: never leave one Han character alone on a paragraph's last line.
  if (spans.length >= 2 && inkCount(d, spans[spans.length - 1]!) <= 1) {
    const prev = spans[spans.length - 2]!;
    const retry = breakLines(d, spec, { start: prev.from, maxEnd: prev.to - 1 });
    if (retry.length === spans.length && retry[retry.length - 2]!.to < prev.to) spans = retry;
  }
  const align = spec.align ?? 'justify';
  const trimStart = spec.trimLineStart !== false;
  const lines: LaidLine[] = new Array(spans.length);
  const ends: number[] = new Array(spans.length);
  const rights: number[] = new Array(spans.length);
  const sizes: number[] = new Array(spans.length);
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index]!;
    const final = index === spans.length - 1;
    const lead = index === 0 ? spec.indent ?? 0 : spec.hangIndent ?? 0;
    const m = spec.measure - lead;
    const justify = align === 'justify' && (!final || !!spec.justifyLast);
    const to = lastInk(d, span.from, span.to);
    const right = place(d, span.from, to, lead, m, justify, align, trimStart);
    let size = 0;
    for (let i = span.from; i <= to; i++) if (d.size[i]! > size) size = d.size[i]!;
    ends[index] = to;
    rights[index] = right;
    sizes[index] = size;
  }
  const st = storeOf(d);
  for (let index = 0; index < spans.length; index++) lines[index] = laidLine(st, spans[index]!.from, ends[index]!, sizes[index]!, rights[index]!, index === spans.length - 1);
  return lines;
}

/** Natural width of a run list on one line (titles, running heads, folios). */
export function measureText(runs: StyledText[], tracking = 0, autoSpace = true): number {
  const lines = layoutParagraph({ runs, measure: 1e9, align: 'left', tracking, autoSpace });
  return lines[0]?.right ?? 0;
}
