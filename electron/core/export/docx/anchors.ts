/**
 * Threads whose id no text run carries (the anchor was edited away, or the thread was stored
 * with only its quote) are re-anchored on the first run that still contains the quoted text,
 * so the Word comment sits on the same words; the rest fall back to the title.
 */
import type { Block, CommentThread, Inline, TextInline } from '../../model/types.js';

function mapInlines(inlines: Inline[] | undefined, fn: (list: Inline[]) => Inline[]): Inline[] | undefined {
  return inlines ? fn(inlines) : inlines;
}

function mapBlocks(blocks: readonly Block[], fn: (list: Inline[]) => Inline[]): Block[] {
  return blocks.map((b): Block => {
    switch (b.type) {
      case 'heading':
        return { ...b, content: fn(b.content) };
      case 'paragraph':
        return { ...b, runIn: mapInlines(b.runIn, fn), content: fn(b.content) };
      case 'list':
        return { ...b, items: b.items.map((item) => mapBlocks(item, fn)) };
      case 'quote':
        return { ...b, blocks: mapBlocks(b.blocks, fn) };
      case 'table':
        return { ...b, rows: b.rows.map((row) => row.map((cell) => ({ ...cell, blocks: mapBlocks(cell.blocks, fn) }))) };
      case 'image':
        return { ...b, caption: mapInlines(b.caption, fn) };
      default:
        return b;
    }
  });
}

/** Calls fn on every inline list of the blocks, copying nothing. */
function eachInlines(blocks: readonly Block[], fn: (list: readonly Inline[]) => void): void {
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        fn(b.content);
        break;
      case 'paragraph':
        if (b.runIn) fn(b.runIn);
        fn(b.content);
        break;
      case 'list':
        for (const item of b.items) eachInlines(item, fn);
        break;
      case 'quote':
        eachInlines(b.blocks, fn);
        break;
      case 'table':
        for (const row of b.rows) for (const cell of row) eachInlines(cell.blocks, fn);
        break;
      case 'image':
        if (b.caption) fn(b.caption);
        break;
      default:
        break;
    }
  }
}

function carried(blocks: readonly Block[]): Set<string> {
  const ids = new Set<string>();
  eachInlines(blocks, (list) => {
    for (const i of list) if (i.type === 'text') for (const id of i.comments ?? []) ids.add(id);
  });
  return ids;
}

export function anchorQuotes(blocks: readonly Block[], threads: readonly CommentThread[]): readonly Block[] {
  // Most documents have no threads: nothing to look for, and no walk of the body.
  if (!threads.length) return blocks;
  const present = carried(blocks);
  const pending = threads.filter((t) => !present.has(t.id) && t.quote.trim().length > 0);
  if (!pending.length) return blocks;
  let result: Block[] = blocks as Block[];
  for (const thread of pending) {
    let done = false;
    result = mapBlocks(result, (list) => {
      if (done) return list;
      const out: Inline[] = [];
      for (const inline of list) {
        const at = !done && inline.type === 'text' ? inline.text.indexOf(thread.quote) : -1;
        if (at < 0 || inline.type !== 'text') {
          out.push(inline);
          continue;
        }
        done = true;
        const piece = (text: string, comments?: string[]): TextInline => ({ ...inline, text, comments: comments?.length ? comments : undefined });
        if (at > 0) out.push(piece(inline.text.slice(0, at), inline.comments));
        out.push(piece(thread.quote, [...(inline.comments ?? []), thread.id]));
        const rest = inline.text.slice(at + thread.quote.length);
        if (rest) out.push(piece(rest, inline.comments));
      }
      return out;
    });
  }
  return result;
}
