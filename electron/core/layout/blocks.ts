/**
 * Model blocks → flow items: each block laid out in the template's style for its kind
 * (headings by level, run-in heads, quotes, captions, lists, tables, images), with the
 * keep rules set on the items. Footnotes are gathered and set as notes after the text.
 */
import type { Block, Inline, Mark } from '../model/types.js';
import { nestedNotesInline } from '../model/text.js';
import type { FontRoleName } from '../fonts/roles.js';
import { layoutParagraph, type RunStyle, type StyledText } from './paragraph.js';
import { baselineIn, itemHeight, lineItems, type BoxPainter, type FlowItem } from './flow.js';
import { decodeImage } from './images.js';

export interface ResolvedStyle {
  role: FontRoleName;
  size: number;
  bold: boolean;
  color: string;
  align: 'left' | 'center' | 'right' | 'justify';
  indentChars: number;
  pitch: number;
  spaceBefore: number;
  spaceAfter: number;
}

export interface StyleBook {
  get(name: string): ResolvedStyle;
  has(name: string): boolean;
}

export interface BlockContext {
  styles: StyleBook;
  /** Measure (frame width) in pt. */
  measure: number;
  /** Pt between glyphs (GB/T 9704 grid), 0 elsewhere. */
  tracking?: number;
  /** Han–Latin ¼-em gap (off on a fixed character grid). */
  autoSpace?: boolean;
  /** Mid-line punctuation squeeze (off on a fixed character grid). */
  midShrink?: boolean;
  /** Line-start opening marks lose their blank half (off on a fixed character grid). */
  trimLineStart?: boolean;
  /** Height a picture may take at most. */
  maxImageHeight: number;
  /** Height of the box a missing photo keeps (0: the caption prints alone). */
  placeholderHeight: number;
  /** Words printed in that box. */
  placeholderLabel?: string;
  /** Footnotes met so far in this document (they are set after its body). */
  notes: Block[][];
  /** Keep the first line of a document with what precedes it. */
  firstNoBreak?: boolean;
}

export function runStyle(style: ResolvedStyle, marks?: Mark[]): RunStyle {
  const sup = marks?.includes('sup');
  const sub = marks?.includes('sub');
  return {
    role: style.role,
    size: sup || sub ? style.size * 0.6 : style.size,
    bold: style.bold || !!marks?.includes('bold'),
    color: style.color,
    rise: sup ? style.size * 0.35 : sub ? -style.size * 0.15 : 0,
    underline: !!marks?.includes('underline'),
  };
}

const CIRCLED = (n: number) => (n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `[${n}]`);

export function inlineRuns(inlines: Inline[] | undefined, style: ResolvedStyle, ctx: BlockContext | null): StyledText[] {
  const out: StyledText[] = [];
  for (const inline of inlines ?? []) {
    if (inline.type === 'text') out.push({ text: inline.text, style: runStyle(style, inline.marks) });
    else if (inline.type === 'link') for (const c of inline.children) out.push({ text: c.text, style: runStyle(style, c.marks) });
    else if (inline.type === 'footnote' && ctx) {
      ctx.notes.push(inline.blocks);
      out.push({ text: CIRCLED(ctx.notes.length), style: runStyle(style, ['sup']) });
    } else if (inline.type === 'break') out.push({ text: '\n', style: runStyle(style) });
  }
  return out;
}

/** Splits runs at hard line breaks: each piece is set as its own line group. */
function splitBreaks(runs: StyledText[]): StyledText[][] {
  const out: StyledText[][] = [[]];
  for (const r of runs) {
    if (r.text === '\n') out.push([]);
    else out[out.length - 1]!.push(r);
  }
  return out.filter((p) => p.length > 0);
}

export interface ParagraphOptions {
  keepWithNext?: boolean;
  keepTogether?: boolean;
  tag?: string;
  indent?: number;
  hangIndent?: number;
  x?: number;
  measure?: number;
  align?: ResolvedStyle['align'];
}

/** One paragraph in one style → line items plus its spacing. */
export function paragraphItems(runs: StyledText[], style: ResolvedStyle, ctx: BlockContext, opts: ParagraphOptions = {}): FlowItem[] {
  const items: FlowItem[] = [];
  if (style.spaceBefore) items.push({ kind: 'space', height: style.spaceBefore });
  const measure = opts.measure ?? ctx.measure;
  const pieces = splitBreaks(runs);
  pieces.forEach((piece, p) => {
    const lines = layoutParagraph({
      runs: piece,
      measure,
      indent: p === 0 ? opts.indent ?? style.indentChars * style.size : opts.hangIndent ?? 0,
      hangIndent: opts.hangIndent ?? 0,
      align: opts.align ?? style.align,
      tracking: ctx.tracking,
      autoSpace: ctx.autoSpace,
      midShrink: ctx.midShrink,
      trimLineStart: ctx.trimLineStart,
    });
    const li = lineItems(lines, opts.x ?? 0, style.pitch, { keepTogether: opts.keepTogether, tag: p === 0 ? opts.tag : undefined, firstNoBreak: p > 0 });
    items.push(...li);
  });
  if (opts.keepWithNext) markKeepWithNext(items);
  if (style.spaceAfter) items.push({ kind: 'space', height: style.spaceAfter, noBreakBefore: !!opts.keepWithNext });
  return items;
}

/** The next flowing item after these may not be separated from them. */
function markKeepWithNext(items: FlowItem[]): void {
  (items as Array<FlowItem & { keepWithNext?: boolean }>).forEach((it) => {
    if (it.kind === 'line') (it as FlowItem & { keepWithNext?: boolean }).keepWithNext = true;
  });
}

/** Sets noBreakBefore on each item that follows a keep-with-next item (and on the one after, so 2 lines follow a heading). */
export function applyKeeps(items: FlowItem[]): FlowItem[] {
  let pending = 0;
  for (const it of items) pending = keepStep(it, pending);
  return items;
}

/** applyKeeps on a stream (a 目录 or an index set as it is paginated): each item as it comes. */
export function* withKeeps(items: Iterable<FlowItem>): Generator<FlowItem> {
  let pending = 0;
  for (const it of items) {
    pending = keepStep(it, pending);
    yield it;
  }
}

/** The keep rule on one item: `pending` items still to be kept with a keepWithNext before them; returns the new count. */
function keepStep(it: FlowItem, pending: number): number {
  if (pending > 0 && it.kind !== 'break') {
    it.noBreakBefore = true;
    if (it.kind === 'line' || it.kind === 'box') pending--;
  }
  return (it as { keepWithNext?: boolean }).keepWithNext ? 2 : pending;
}

function headingStyle(ctx: BlockContext, level: number): ResolvedStyle {
  for (let l = level; l >= 1; l--) if (ctx.styles.has(`heading${l}`)) return ctx.styles.get(`heading${l}`);
  return ctx.styles.get('body');
}

function paragraphStyle(ctx: BlockContext, role: string | undefined): ResolvedStyle {
  if (role === 'lead') return ctx.styles.has('lead') ? ctx.styles.get('lead') : ctx.styles.get('quote');
  if (role === 'byline') return ctx.styles.get('byline');
  if (role === 'note') return ctx.styles.has('note') ? ctx.styles.get('note') : ctx.styles.get('body');
  if (role === 'center') return { ...ctx.styles.get('body'), align: 'center', indentChars: 0 };
  return ctx.styles.get('body');
}

/** 一, 十二, 一百零五, 一千零一十: list numbers in Chinese numerals (the old labels printed 一百 as "undefined十"); Arabic from 10 000. */
export function cjkNumber(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n < 10) return d[n]!;
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n >= 10_000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((v, i) => {
    if (v === 0) zero = true;
    else {
      out += `${zero ? '零' : ''}${d[v]}${units[digits.length - 1 - i]}`;
      zero = false;
    }
  });
  return out;
}

function listLabel(style: string | undefined, ordered: boolean, n: number): string {
  if (!ordered) return '• ';
  switch (style) {
    case 'cjk':
      return `${cjkNumber(n)}、`;
    case 'paren-cjk':
      return `（${cjkNumber(n)}）`;
    case 'paren-decimal':
      return `（${n}）`;
    default:
      return `${n}. `;
  }
}

export function blockItems(blocks: Block[], ctx: BlockContext, quoted = false): FlowItem[] {
  const items: FlowItem[] = [];
  const bodyPitch = ctx.styles.get('body').pitch;
  for (const block of blocks) {
    switch (block.type) {
      case 'heading': {
        const style = headingStyle(ctx, block.level);
        items.push(...paragraphItems(inlineRuns(block.content, style, ctx), style, ctx, { keepWithNext: true, keepTogether: true }));
        break;
      }
      case 'paragraph': {
        const style = quoted ? ctx.styles.get('quote') : paragraphStyle(ctx, block.role);
        const runs: StyledText[] = [];
        if (block.runIn?.length) {
          const head = ctx.styles.has('runIn') ? { ...ctx.styles.get('runIn'), color: style.color } : { ...style, bold: true };
          runs.push(...inlineRuns(block.runIn, { ...head, size: style.size }, ctx));
        }
        runs.push(...inlineRuns(block.content, style, ctx));
        items.push(...paragraphItems(runs, style, ctx));
        break;
      }
      case 'list': {
        const style = ctx.styles.get('body');
        block.items.forEach((item, k) => {
          const label = listLabel(block.style, block.ordered, (block.start ?? 1) + k);
          const [first, ...rest] = item;
          if (first && first.type === 'paragraph') {
            const runs = [{ text: label, style: runStyle(style) }, ...inlineRuns(first.runIn, { ...style, bold: true }, ctx), ...inlineRuns(first.content, style, ctx)];
            items.push(...paragraphItems(runs, style, ctx));
            items.push(...blockItems(rest, ctx, quoted));
          } else {
            items.push(...paragraphItems([{ text: label, style: runStyle(style) }], style, ctx));
            items.push(...blockItems(item, ctx, quoted));
          }
        });
        break;
      }
      case 'quote':
        items.push(...blockItems(block.blocks, ctx, true));
        break;
      case 'table':
        items.push(...onGrid(tableItems(block, ctx), bodyPitch));
        break;
      case 'image':
        items.push(...onGrid(imageItems(block, ctx, bodyPitch), bodyPitch));
        break;
      case 'pageBreak':
        items.push({ kind: 'break', scope: 'page' });
        break;
    }
  }
  return items;
}

/**
 * Pads a block whose parts do not follow the body pitch (pictures, captions, tables) to a
 * whole number of body lines, so the text after it stays on the page grid (in register).
 */
export function onGrid(items: FlowItem[], pitch: number): FlowItem[] {
  const h = items.reduce((s, it) => s + itemHeight(it), 0);
  const pad = Math.ceil(h / pitch - 0.001) * pitch - h;
  if (pad > 0.01) items.push({ kind: 'space', height: pad });
  return items;
}

/**
 * Footnotes gathered while setting a document, as numbered notes in the footnote style: the
 * number hangs before the first paragraph; the note's other blocks (paragraphs, lists, quotes,
 * tables) follow in the same style, indented under it; a note inside a note is set in its text.
 */
export function noteItems(ctx: BlockContext): FlowItem[] {
  if (!ctx.notes.length || !ctx.styles.has('footnote')) return [];
  const style = ctx.styles.get('footnote');
  const items: FlowItem[] = [{ kind: 'space', height: style.pitch / 2 }];
  items.push({
    kind: 'box',
    height: style.pitch / 2,
    draw: (p, x, y) => p.rule(x, y + style.pitch / 4, x + ctx.measure / 4, y + style.pitch / 4, 0.5, '000000'),
  });
  const hang = style.size;
  const noteCtx: BlockContext = { ...ctx, styles: singleStyle(ctx.styles, { ...style, indentChars: 0, spaceBefore: 0, spaceAfter: 0 }), measure: ctx.measure - hang, notes: [], firstNoBreak: false };
  const notes = ctx.notes.splice(0);
  notes.forEach((raw, k) => {
    const blocks = nestedNotesInline(raw);
    const runs: StyledText[] = [{ text: CIRCLED(k + 1), style: runStyle(style) }];
    const [first, ...rest] = blocks;
    const lead = first?.type === 'paragraph' ? first : null;
    if (lead) runs.push(...inlineRuns(lead.runIn, { ...style, bold: true }, null), ...inlineRuns(lead.content, style, null));
    items.push(...paragraphItems(runs, style, ctx, { indent: 0, hangIndent: hang }));
    items.push(...shifted(blockItems(lead ? rest : blocks, noteCtx), hang));
  });
  return items;
}

/** Items moved right by dx (set at a narrower measure, indented under something). */
function shifted(items: FlowItem[], dx: number): FlowItem[] {
  return items.map((it) => {
    if (it.kind === 'line') return { ...it, x: it.x + dx };
    if (it.kind === 'box') {
      const draw = it.draw;
      return { ...it, draw: (p: BoxPainter, x: number, y: number, w: number) => draw(p, x + dx, y, w - dx) };
    }
    return it;
  });
}

function imageItems(block: Extract<Block, { type: 'image' }>, ctx: BlockContext, bodyPitch: number): FlowItem[] {
  const items: FlowItem[] = [];
  const captionStyle = ctx.styles.get('caption');
  const image = block.src ? decodeImage(block.src) : null;
  let w: number;
  let h: number;
  if (image) {
    const iw = block.width ?? image.width;
    const ih = block.height ?? image.height;
    const scale = Math.min(ctx.measure / iw, ctx.maxImageHeight / ih, 1.5);
    w = iw * scale;
    h = ih * scale;
  } else {
    w = ctx.measure;
    h = ctx.placeholderHeight;
  }
  items.push({ kind: 'space', height: bodyPitch / 2 });
  const left = captionStyle.align === 'left' ? 0 : (ctx.measure - w) / 2;
  // A missing photo keeps a marked box only where the template asks for one (placeholderHeight > 0).
  const label = !image && h > 0 && ctx.placeholderLabel ? layoutParagraph({ runs: [{ text: ctx.placeholderLabel, style: { ...runStyle(captionStyle), color: '808080' } }], measure: w, align: 'center' })[0] : undefined;
  if (image || h > 0) {
    items.push({
      kind: 'box',
      height: h,
      draw: (p, x, y) => {
        if (image) p.image(image.data, x + left, y, w, h);
        else {
          p.fillRect(x + left, y, w, h, 'F2F2F2');
          p.strokeRect(x + left, y, w, h, 'A6A6A6', 0.5);
          if (label) p.drawLine(label, x + left, y + h / 2 + captionStyle.size * 0.35);
        }
      },
    });
  }
  if (block.caption?.length) {
    const caption = paragraphItems(inlineRuns(block.caption, captionStyle, ctx), { ...captionStyle, spaceBefore: 0, spaceAfter: 0 }, ctx, { keepTogether: true, indent: 0 });
    items.push({ kind: 'space', height: 2.5 * 2.835, noBreakBefore: true });
    for (const it of caption) it.noBreakBefore = true;
    items.push(...caption);
  }
  items.push({ kind: 'space', height: bodyPitch / 2 });
  return items;
}

/**
 * Every block in one style (a table cell's, a footnote's): headings bold, flush left, without
 * first-line indent or spacing, so a list, quote or picture there is set like the text around
 * it; run-in heads keep their face.
 */
function singleStyle(base: StyleBook, style: ResolvedStyle): StyleBook {
  const plain: ResolvedStyle = { ...style, align: 'left', indentChars: 0, spaceBefore: 0, spaceAfter: 0 };
  const heading: ResolvedStyle = { ...plain, bold: true };
  return {
    get: (name) => (name === 'runIn' ? base.get('runIn') : name.startsWith('heading') ? heading : plain),
    has: (name) => (name === 'runIn' ? base.has('runIn') : name !== 'footnote'),
  };
}

/** A cell's content laid out at its measure: the flow items and the height they take. */
function cellContent(blocks: Block[], ctx: BlockContext, style: ResolvedStyle, measure: number): { items: FlowItem[]; height: number } {
  const cellCtx: BlockContext = {
    ...ctx,
    styles: singleStyle(ctx.styles, style),
    measure,
    maxImageHeight: Math.min(ctx.maxImageHeight, measure * 1.5),
    placeholderHeight: Math.min(ctx.placeholderHeight, 3 * style.pitch),
    firstNoBreak: false,
  };
  // A page break means nothing inside a cell; spacing at the cell's edges is the cell's padding.
  const items = blockItems(blocks, cellCtx).filter((it) => it.kind !== 'break');
  while (items.length && items[0]!.kind === 'space') items.shift();
  while (items.length && items[items.length - 1]!.kind === 'space') items.pop();
  return { items, height: items.reduce((s, it) => s + itemHeight(it), 0) };
}

/** A cell's content items with their tops, relative to the cell's content box. */
function stacked(items: FlowItem[]): Array<{ item: FlowItem; top: number }> {
  let top = 0;
  return items.map((item) => {
    const at = { item, top };
    top += itemHeight(item);
    return at;
  });
}

/**
 * A table as boxes, one per row, or one per run of rows that a rowSpan binds (those stay on one
 * page). Cells are placed on the column grid as the DOCX writer places them: a cell goes to the
 * first column not covered by a rowSpan from above, and a short row is filled with empty cells.
 * Every block the model allows in a cell is set in it; content is centred vertically, as in DOCX.
 */
function tableItems(block: Extract<Block, { type: 'table' }>, ctx: BlockContext): FlowItem[] {
  const style = ctx.styles.has('table') ? ctx.styles.get('table') : ctx.styles.get('body');
  const cols = Math.max(1, ...block.rows.map((r) => r.reduce((s, c) => s + (c.colSpan ?? 1), 0)));
  const rel = block.columnWidths && block.columnWidths.length === cols && block.columnWidths.every((w) => w > 0) ? block.columnWidths : new Array<number>(cols).fill(1);
  const total = rel.reduce((a, b) => a + b, 0);
  const widths = rel.map((r) => (r / total) * ctx.measure);
  const left = (col: number) => widths.slice(0, col).reduce((a, b) => a + b, 0);
  const pad = 3;
  const nRows = block.rows.length;
  interface PlacedCell {
    row: number;
    rows: number;
    x: number;
    w: number;
    items: FlowItem[];
    height: number;
  }
  const placed: PlacedCell[] = [];
  const covered = new Array<number>(cols).fill(0);
  block.rows.forEach((row, r) => {
    let col = 0;
    const skipCovered = () => {
      while (col < cols && covered[col]! > 0) covered[col++]!--;
    };
    for (const cell of row) {
      skipCovered();
      if (col >= cols) break;
      const span = Math.min(cell.colSpan ?? 1, cols - col);
      const rows = Math.min(cell.rowSpan ?? 1, nRows - r);
      if (rows > 1) for (let c = col; c < col + span; c++) covered[c] = rows - 1;
      const w = left(col + span) - left(col);
      const content = cellContent(cell.blocks, ctx, cell.header ? { ...style, bold: true } : style, Math.max(10, w - 2 * pad));
      placed.push({ row: r, rows, x: left(col), w, ...content });
      col += span;
    }
    skipCovered();
    for (; col < cols; col++) placed.push({ row: r, rows: 1, x: left(col), w: widths[col]!, items: [], height: 0 });
  });
  // Row heights: each row fits its own cells; a spanning cell taller than its rows grows the last of them.
  const heights = new Array<number>(nRows).fill(style.pitch + 2 * pad);
  for (const c of placed) if (c.rows === 1) heights[c.row] = Math.max(heights[c.row]!, c.height + 2 * pad);
  for (const c of placed) {
    if (c.rows === 1) continue;
    const have = heights.slice(c.row, c.row + c.rows).reduce((a, b) => a + b, 0);
    if (c.height + 2 * pad > have) heights[c.row + c.rows - 1]! += c.height + 2 * pad - have;
  }
  const tops = [0];
  for (const h of heights) tops.push(tops[tops.length - 1]! + h);
  const byRow: PlacedCell[][] = Array.from({ length: nRows }, () => []);
  for (const c of placed) byRow[c.row]!.push(c);
  const items: FlowItem[] = [{ kind: 'space', height: style.pitch / 2 }];
  for (let r = 0; r < nRows; ) {
    let end = r + 1;
    for (let k = r; k < end; k++) for (const c of byRow[k]!) end = Math.max(end, c.row + c.rows);
    const y0 = tops[r]!;
    const height = tops[end]! - y0;
    const cells = byRow.slice(r, end).flat().map((c) => {
      const top = tops[c.row]! - y0;
      const h = tops[c.row + c.rows]! - tops[c.row]!;
      return { ...c, top, h, content: stacked(c.items).map((s) => ({ ...s, top: s.top + top + (h - c.height) / 2 })) };
    });
    // The group goes out in bands a line high, kept together: a group that does not fit moves
    // whole to the next page, one taller than a page breaks between lines instead of running
    // off it. Each band draws the rules within it and the content whose top lies in it.
    const cuts = [0];
    for (let b = pad + style.pitch; b < height - 0.01; b += style.pitch) cuts.push(b);
    cuts.push(height);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i]!;
      const to = cuts[i + 1]!;
      items.push({
        kind: 'box',
        height: to - from,
        noBreakBefore: i > 0,
        draw: (p, x, y) => {
          const at = (v: number) => y + v - from;
          for (const c of cells) {
            if (c.top >= to - 0.01 || c.top + c.h <= from + 0.01) continue;
            const a = Math.max(c.top, from);
            const z = Math.min(c.top + c.h, to);
            p.rule(x + c.x, at(a), x + c.x, at(z), 0.5, '000000');
            p.rule(x + c.x + c.w, at(a), x + c.x + c.w, at(z), 0.5, '000000');
            if (c.top >= from - 0.01) p.rule(x + c.x, at(c.top), x + c.x + c.w, at(c.top), 0.5, '000000');
            if (c.top + c.h <= to + 0.01) p.rule(x + c.x, at(c.top + c.h), x + c.x + c.w, at(c.top + c.h), 0.5, '000000');
            for (const { item, top } of c.content) {
              if (top < from - 0.01 || top >= to - 0.01) continue;
              const cx = x + c.x + pad;
              if (item.kind === 'line') {
                if (item.line.glyphs.length) p.drawLine(item.line, cx + item.x, baselineIn(at(top), item.pitch, item.line.size));
              } else if (item.kind === 'box') item.draw(p, cx, at(top), c.w - 2 * pad);
            }
          }
        },
      });
    }
    r = end;
  }
  items.push({ kind: 'space', height: style.pitch / 2 });
  return items;
}
