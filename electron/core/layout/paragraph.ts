/**
 * Breaks one paragraph into justified lines: prohibition rules (行首/行尾禁则), units that
 * never split (——, ……, numbers, Latin words), punctuation compression (T.3), the ¼-em
 * Han–Latin gap (T.4), and inter-character justification so that every non-final line
 * ends exactly on the measure. Pure computation: glyph positions, no drawing.
 */
import type { FaceMetrics } from '../fonts/metrics.js';
import type { FontRoleName } from '../fonts/roles.js';
import { CJK_PUNCT, LEFT_BLANK, MID_SHRINK, NO_END, NO_START, RIGHT_BLANK, isAlnum, isCjk, isHan, isPairedMark, isSpace } from './chars.js';
import { faceChooser } from './faces.js';

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

/** A glyph while lines are being found: its box plus what the breaker and justifier need. */
interface Glyph extends GlyphBox {
  /** Fixed extra space before this glyph (Han–Latin gap, tracking). */
  gap: number;
  /** May a line break before this glyph? */
  breakBefore: boolean;
  /** May the gap before this glyph widen when justifying? */
  stretch: boolean;
  /** Removable at line end / in mid-line. */
  endShrink: number;
  midShrink: number;
  space: boolean;
}

const EPS = 0.005;
/** 〓 GETA MARK: what Chinese typesetting prints for a character no font has. */
const MISSING_MARK = 0x3013;
const HALF_WIDTH_STOPS = new Set([...',;:!?'].map((c) => c.codePointAt(0)!));

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/** Code-unit offsets where a word starts, over the runs' text joined. */
function wordStarts(spec: ParagraphSpec): Set<number> | null {
  if (!spec.keepWords || !segmenter) return null;
  const starts = new Set<number>();
  for (const seg of segmenter.segment(spec.runs.map((r) => r.text).join(''))) starts.add(seg.index);
  return starts;
}

function buildGlyphs(spec: ParagraphSpec): Glyph[] {
  const out: Glyph[] = [];
  const words = wordStarts(spec);
  const offsets: number[] = [];
  let base = 0;
  for (const run of spec.runs) {
    const s = run.style;
    const choose = faceChooser(s.role, !!s.bold);
    const text = run.text;
    for (let k = 0; k < text.length; k++) {
      const cp = text.codePointAt(k)!;
      if (cp > 0xffff) k++;
      if (cp === 0x0a || cp === 0x0d) continue;
      offsets.push(base + (cp > 0xffff ? k - 1 : k));
      let face = choose(cp);
      let shown = cp;
      let actual: number | undefined;
      if (!face.metrics.has(cp)) {
        actual = cp;
        shown = MISSING_MARK;
        face = choose(MISSING_MARK);
      }
      const adv = face.metrics.advance(shown);
      const w = (Number.isNaN(adv) ? 1 : adv) * s.size;
      out.push({
        actual,
        cp: shown,
        face: face.metrics,
        size: s.size,
        color: s.color ?? '000000',
        fakeBold: face.fakeBold,
        rise: s.rise ?? 0,
        underline: !!s.underline,
        w,
        dx: 0,
        gap: 0,
        breakBefore: false,
        stretch: true,
        endShrink: 0,
        midShrink: 0,
        space: isSpace(cp),
      });
    }
    base += text.length;
  }
  const tracking = spec.tracking ?? 0;
  const autoSpace = spec.autoSpace !== false;
  for (let i = 0; i < out.length; i++) {
    const g = out[i]!;
    const prev = out[i - 1];
    const next = out[i + 1];
    const fullWidth = g.w >= g.size * 0.9;
    if (RIGHT_BLANK.has(g.cp) && fullWidth) {
      // Two marks meeting: squeeze the blank half that faces the other (T.3).
      if (next && CJK_PUNCT.has(next.cp) && next.cp !== 0x2014 && next.cp !== 0x2026) {
        g.w -= g.size / 2;
      } else {
        g.endShrink = g.size / 2;
        if (MID_SHRINK.has(g.cp) && spec.midShrink !== false) g.midShrink = g.size / 4;
      }
    } else if (LEFT_BLANK.has(g.cp) && fullWidth && prev && CJK_PUNCT.has(prev.cp) && !RIGHT_BLANK.has(prev.cp) && prev.cp !== 0x2014 && prev.cp !== 0x2026) {
      g.w -= g.size / 2;
      g.dx = -g.size / 2;
    }
    if (!prev) continue;
    g.gap = tracking;
    if (!autoSpace) {
      // fixed grid: nothing added
    } else if ((isHan(prev.cp) && isAlnum(g.cp)) || (isAlnum(prev.cp) && isHan(g.cp))) g.gap += Math.min(prev.size, g.size) / 4;
    // A half-width , ; : kept in Chinese copy gets a quarter em after it, as a Latin space would.
    else if (HALF_WIDTH_STOPS.has(prev.cp) && isHan(g.cp)) g.gap += g.size / 4;
    const latinPair = !isCjk(prev.cp) && !isCjk(g.cp) && !prev.space && !g.space;
    if (prev.space) g.breakBefore = !NO_START.has(g.cp);
    else if (g.space) g.breakBefore = false;
    else if (NO_START.has(g.cp) || NO_END.has(prev.cp)) g.breakBefore = false;
    else if (isPairedMark(g.cp) && prev.cp === g.cp) g.breakBefore = false;
    else g.breakBefore = !latinPair;
    if (words && g.breakBefore && !words.has(offsets[i]!)) g.breakBefore = false;
    // Never widen inside a Latin word, a number or a paired mark.
    g.stretch = !latinPair && !(isPairedMark(g.cp) && prev.cp === g.cp);
  }
  return out;
}

/** Index of the last non-space glyph in [from, to]. */
function lastInk(glyphs: Glyph[], from: number, to: number): number {
  let k = to;
  while (k > from && glyphs[k]!.space) k--;
  return k;
}

interface Span {
  from: number;
  /** Inclusive. */
  to: number;
}

function breakLines(glyphs: Glyph[], spec: ParagraphSpec, limitFirst?: { start: number; maxEnd: number }): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const n = glyphs.length;
  while (start < n) {
    while (start < n && glyphs[start]!.space) start++;
    if (start >= n) break;
    const m = spec.measure - (spans.length === 0 ? spec.indent ?? 0 : spec.hangIndent ?? 0);
    let width = 0;
    let mid = 0;
    let inkTight = 0;
    let best = -1;
    let lastFit = -1;
    const maxEnd = limitFirst && limitFirst.start === start ? limitFirst.maxEnd : n - 1;
    for (let j = start; j <= maxEnd; j++) {
      const g = glyphs[j]!;
      width += (j > start ? g.gap : 0) + g.w;
      if (!g.space) {
        // The tightest this line could be if it ended here (spaces at a line end drop).
        inkTight = width - g.endShrink - mid;
        mid += g.midShrink;
        if (inkTight <= m + EPS) lastFit = j;
      }
      if (j === n - 1 || glyphs[j + 1]!.breakBefore) {
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

function inkCount(glyphs: Glyph[], span: Span): number {
  let c = 0;
  for (let i = span.from; i <= span.to; i++) if (isHan(glyphs[i]!.cp) || isAlnum(glyphs[i]!.cp)) c++;
  return c;
}

function place(glyphs: Glyph[], span: Span, lead: number, m: number, justify: boolean, align: ParagraphSpec['align'], trimStart: boolean): { placed: PlacedGlyph[]; right: number } {
  const to = lastInk(glyphs, span.from, span.to);
  const ws: number[] = [];
  const gaps: number[] = [];
  const dxs: number[] = [];
  let natural = 0;
  for (let i = span.from; i <= to; i++) {
    const g = glyphs[i]!;
    const gap = i > span.from ? g.gap : 0;
    gaps.push(gap);
    ws.push(g.w);
    dxs.push(g.dx);
    natural += gap + g.w;
  }
  const head = glyphs[span.from]!;
  if (trimStart && LEFT_BLANK.has(head.cp) && head.w >= head.size * 0.9) {
    ws[0]! -= head.size / 2;
    dxs[0]! -= head.size / 2;
    natural -= head.size / 2;
  }
  const count = ws.length;
  let diff = m - natural;
  if (diff < -EPS) {
    // 先挤进: line-end mark to ½ em first, then ，、；： across the line.
    const last = glyphs[to]!;
    const endCut = Math.min(-diff, last.endShrink);
    ws[count - 1]! -= endCut;
    diff += endCut;
    if (diff < -EPS) {
      let pool = 0;
      for (let i = span.from; i < to; i++) pool += glyphs[i]!.midShrink;
      if (pool > 0) {
        const f = Math.min(1, -diff / pool);
        for (let i = span.from; i < to; i++) ws[i - span.from]! -= glyphs[i]!.midShrink * f;
        diff += pool * f;
      }
    }
  }
  if (justify ? Math.abs(diff) > EPS : diff < -EPS) {
    let slots = 0;
    for (let i = 1; i < count; i++) if (glyphs[span.from + i]!.stretch) slots++;
    const all = slots === 0 || diff < 0;
    if (all) slots = count - 1;
    if (slots > 0) {
      const each = diff / slots;
      for (let i = 1; i < count; i++) if (all || glyphs[span.from + i]!.stretch) gaps[i]! += each;
      diff = 0;
    }
  }
  let x = lead;
  if (!justify) {
    if (align === 'center') x = Math.max(0, diff / 2);
    else if (align === 'right') x = Math.max(0, diff);
  }
  const placed: PlacedGlyph[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const g = glyphs[span.from + i]!;
    x += gaps[i]!;
    placed[i] = { cp: g.cp, face: g.face, size: g.size, color: g.color, fakeBold: g.fakeBold, rise: g.rise, underline: g.underline, x, w: ws[i]!, dx: dxs[i]! };
    if (g.actual !== undefined) placed[i]!.actual = g.actual;
    x += ws[i]!;
  }
  return { placed, right: x };
}

export function layoutParagraph(spec: ParagraphSpec): LaidLine[] {
  const glyphs = buildGlyphs(spec);
  if (glyphs.length === 0) return [];
  let spans = breakLines(glyphs, spec);
  // 孤字: never leave one Han character alone on a paragraph's last line.
  if (spans.length >= 2 && inkCount(glyphs, spans[spans.length - 1]!) <= 1) {
    const prev = spans[spans.length - 2]!;
    const retry = breakLines(glyphs, spec, { start: prev.from, maxEnd: prev.to - 1 });
    if (retry.length === spans.length && retry[retry.length - 2]!.to < prev.to) spans = retry;
  }
  const align = spec.align ?? 'justify';
  const lines: LaidLine[] = [];
  spans.forEach((span, index) => {
    const final = index === spans.length - 1;
    const lead = index === 0 ? spec.indent ?? 0 : spec.hangIndent ?? 0;
    const m = spec.measure - lead;
    const justify = align === 'justify' && (!final || !!spec.justifyLast);
    const { placed, right } = place(glyphs, span, lead, m, justify, align, spec.trimLineStart !== false);
    let size = 0;
    let text = '';
    for (const g of placed) {
      if (g.size > size) size = g.size;
      text += String.fromCodePoint(g.actual ?? g.cp);
    }
    lines.push({ glyphs: placed, size, right, final, text });
  });
  return lines;
}

/** Natural width of a run list on one line (titles, running heads, folios). */
export function measureText(runs: StyledText[], tracking = 0, autoSpace = true): number {
  const lines = layoutParagraph({ runs, measure: 1e9, align: 'left', tracking, autoSpace });
  return lines[0]?.right ?? 0;
}
