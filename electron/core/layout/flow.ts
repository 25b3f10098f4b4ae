/**
 * Vertical flow: a list of line and box items poured into frames (pages or columns).
 * The keep rules live on the items as "no break before me": orphans (a paragraph's first
 * line alone at a page foot), widows (its last line alone at a page head), headings kept
 * with the next lines, captions kept with their picture. Pure computation.
 */
import type { LaidLine } from './paragraph.js';

export interface LineItem {
  kind: 'line';
  line: LaidLine;
  /** Left offset of the line's measure inside the frame. */
  x: number;
  /** Line pitch: the item's height. */
  pitch: number;
  noBreakBefore?: boolean;
  tag?: string;
}

export interface BoxItem {
  kind: 'box';
  height: number;
  /** y is the top of the box, x the frame's left edge. */
  draw: (painter: BoxPainter, x: number, y: number, width: number) => void;
  noBreakBefore?: boolean;
  tag?: string;
}

export interface SpaceItem {
  kind: 'space';
  height: number;
  noBreakBefore?: boolean;
  tag?: string;
}

export interface BreakItem {
  kind: 'break';
  /** 'page' ends the page even in a multi-column frame sequence. */
  scope: 'frame' | 'page';
  noBreakBefore?: boolean;
  tag?: string;
}

export type FlowItem = LineItem | BoxItem | SpaceItem | BreakItem;

/** What a box item may draw with; implemented by the PDF canvas. */
export interface BoxPainter {
  drawLine(line: LaidLine, x: number, baselineY: number): void;
  fillRect(x: number, y: number, w: number, h: number, color: string): void;
  /**
   * A row of squares (leader dots): one of side `size` at x + d for d from `from`, by `step`,
   * while d < to, top at y; as many fillRect calls, in one.
   */
  squareRow(x: number, from: number, to: number, step: number, y: number, size: number, color: string): void;
  strokeRect(x: number, y: number, w: number, h: number, color: string, width: number): void;
  rule(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void;
  image(data: Buffer, x: number, y: number, w: number, h: number): void;
  /** A link area to a named destination (目录 entries); optional for painters without links. */
  link?(x: number, y: number, w: number, h: number, destination: string): void;
}

export interface Frame {
  page: number;
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedItem {
  item: FlowItem;
  /** Top of the item in page coordinates (pt from the page top). */
  y: number;
  x: number;
}

export interface FilledFrame {
  frame: Frame;
  items: PlacedItem[];
  /** Height used. */
  used: number;
}

export function itemHeight(item: FlowItem): number {
  if (item.kind === 'line') return item.pitch;
  if (item.kind === 'box' || item.kind === 'space') return item.height;
  return 0;
}

/** Baseline of a line set in a pitch: the em box centred in the pitch (ideographic em box ≈ 0.88 above the baseline). */
export function baselineIn(top: number, pitch: number, size: number): number {
  return top + (pitch - size) / 2 + size * 0.88;
}

const EPS = 0.01;

/**
 * Pours items into frames from `nextFrame`; calls `onFrame` as each frame is finished so
 * the caller can draw and forget it (memory stays bounded for a long book). Items may come
 * from an iterator: they are then taken as they are needed and let go once their frame is
 * finished, so a 目录 or an index of thousands of entries never stands whole.
 */
export function paginate(
  source: FlowItem[] | Iterator<FlowItem>,
  nextFrame: (afterPageBreak: boolean) => Frame,
  onFrame: (filled: FilledFrame) => void,
): void {
  const steps = frames(source, nextFrame, onFrame);
  while (!steps.next().done) {
    // each step has finished a frame: nothing to do between them here
  }
}

/**
 * paginate that lets the event loop run every `every` frames (`pause`). A PDF's page streams
 * are deflated on a thread of their own and come back as messages: a long index or 目录 set
 * in one synchronous stretch left them all waiting (up to the deflater's 16 MB cap, and the
 * compressed copies queued beside them), the end of a 5,000-page book's peak.
 */
export async function paginateAsync(
  source: FlowItem[] | Iterator<FlowItem>,
  nextFrame: (afterPageBreak: boolean) => Frame,
  onFrame: (filled: FilledFrame) => void,
  pause: () => Promise<void>,
  every = 8,
): Promise<void> {
  const steps = frames(source, nextFrame, onFrame);
  for (let n = 1; !steps.next().done; n++) if (n % every === 0) await pause();
}

/** The pagination itself, a step per finished frame (onFrame called just before each yield). */
function* frames(
  source: FlowItem[] | Iterator<FlowItem>,
  nextFrame: (afterPageBreak: boolean) => Frame,
  onFrame: (filled: FilledFrame) => void,
): Generator<void, void, undefined> {
  const stream = Array.isArray(source) ? null : source;
  // The items not yet finished with; items[k] is the flow's item base + k.
  let items: FlowItem[] = stream ? [] : (source as FlowItem[]);
  let base = 0;
  /** The stream's next item taken into `items`; false at its end. */
  const pull = (): boolean => {
    const next = stream!.next();
    if (next.done) return false;
    items.push(next.value);
    return true;
  };
  // Frames are taken only when an item needs one, so no empty page trails the flow.
  let frame: Frame | null = null;
  let pageBreakPending = false;
  let placed: Array<{ item: FlowItem; index: number; y: number }> = [];
  let y = 0;
  const close = (pageBreak: boolean) => {
    const f = frame!;
    onFrame({ frame: f, items: placed.map((p) => ({ item: p.item, y: f.y + p.y, x: f.x })), used: y });
    placed = [];
    y = 0;
    frame = null;
    pageBreakPending = pageBreak;
  };
  let i = 0;
  while (i - base < items.length || (stream !== null && pull())) {
    // Nothing before a page's first item is looked at again: a stream lets those go.
    if (stream && placed.length === 0 && i - base >= 256) {
      items = items.slice(i - base);
      base = i;
    }
    const item = items[i - base]!;
    if (item.kind === 'break') {
      i++;
      if (placed.length) {
        close(item.scope === 'page');
        yield;
      }
      continue;
    }
    if (item.kind === 'space' && placed.length === 0) {
      i++;
      continue;
    }
    if (!frame) frame = nextFrame(pageBreakPending);
    const h = itemHeight(item);
    if (y + h <= frame.height + EPS || placed.length === 0) {
      placed.push({ item, index: i, y });
      y += h;
      i++;
      continue;
    }
    // Does not fit: break before the latest item that allows it.
    let cut = -1;
    if (!item.noBreakBefore) cut = placed.length;
    else {
      for (let k = placed.length - 1; k > 0; k--) {
        if (!placed[k]!.item.noBreakBefore) {
          cut = k;
          break;
        }
      }
    }
    if (cut < 0 || cut === placed.length) {
      close(false);
      yield;
      continue;
    }
    const restart = placed[cut]!.index;
    y = placed[cut]!.y;
    placed = placed.slice(0, cut);
    // Trailing spaces do not count as used height.
    while (placed.length && placed[placed.length - 1]!.item.kind === 'space') {
      y = placed[placed.length - 1]!.y;
      placed.pop();
    }
    close(false);
    i = restart;
    yield;
  }
  if (placed.length) close(false);
}

/** Items for a laid paragraph with the orphan/widow rules applied. */
export function lineItems(lines: LaidLine[], x: number, pitch: number, opts: { keepTogether?: boolean; firstNoBreak?: boolean; tag?: string } = {}): LineItem[] {
  const n = lines.length;
  return lines.map((line, k) => ({
    kind: 'line' as const,
    line,
    x,
    pitch,
    // k = 1: no orphan; k = n - 1: no widow; headings and short blocks stay whole.
    noBreakBefore: k === 0 ? !!opts.firstNoBreak : opts.keepTogether || k === 1 || k === n - 1,
    tag: k === 0 ? opts.tag : undefined,
  }));
}
