/**
 * The document model seen as text segments: every run of inlines (a heading, a paragraph's
 * run-in and content, a caption, a footnote paragraph) and every text field of the metadata.
 * Rules read segment text; edits map offsets back onto the styled runs, so a fix changes the
 * characters and keeps bold, links, comment anchors and notes where they were.
 */
import type { Block, HuibianDocument, Inline, TextInline } from '../model/types.js';
import type { Segment, SegmentKey } from './types.js';

/** Stands for a footnote inside a segment's text: no rule joins the characters either side of it. */
export const OBJECT_MARK = '\uFFFC';

/** Metadata fields that are running text (dates are ISO and ids are not proofed). */
const META_FIELDS = ['title', 'subtitle', 'heading', 'unit', 'award', 'authors', 'organ', 'docNumber', 'addressees', 'issuer', 'note', 'cc', 'printer'] as const;

type Holder = { kind: 'inlines'; inlines: Inline[] } | { kind: 'field'; owner: Record<string, unknown>; field: string };

export interface SegmentRef extends SegmentKey {
  holder: Holder;
}

function inlinesText(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) {
    if (inline.type === 'text') out += inline.text;
    else if (inline.type === 'link') for (const child of inline.children) out += child.text;
    else if (inline.type === 'break') out += '\n';
    else out += OBJECT_MARK;
  }
  return out;
}

export function segmentText(ref: SegmentRef): string {
  if (ref.holder.kind === 'inlines') return inlinesText(ref.holder.inlines);
  const value = ref.holder.owner[ref.holder.field];
  return typeof value === 'string' ? value : '';
}

/** Every segment of a document, in reading order: metadata, body, attachments. */
export function segmentRefs(doc: HuibianDocument): SegmentRef[] {
  const out: SegmentRef[] = [];
  const meta = doc.meta as unknown as Record<string, unknown>;
  for (const field of META_FIELDS) {
    if (typeof meta[field] === 'string' && meta[field]) out.push({ key: `m.${field}`, kind: 'meta', part: 'meta', holder: { kind: 'field', owner: meta, field } });
  }
  walkBlocks(doc.body, 'b', 'body', false, out);
  if (doc.kind === 'notice') {
    doc.attachments.forEach((attachment, i) => {
      const owner = attachment as unknown as Record<string, unknown>;
      out.push({ key: `a${i}.title`, kind: 'heading', level: 1, part: `attachment ${i}`, holder: { kind: 'field', owner, field: 'title' } });
      walkBlocks(attachment.blocks, `a${i}.b`, `attachment ${i}`, false, out);
    });
  }
  return out;
}

export function segments(doc: HuibianDocument): Segment[] {
  return segmentRefs(doc).map((ref) => {
    const { holder: _holder, ...key } = ref;
    return { ...key, text: segmentText(ref) };
  });
}

function pushInlines(inlines: Inline[], key: string, kind: SegmentKey['kind'], part: string, out: SegmentRef[], level?: number, role?: string) {
  const ref: SegmentRef = { key, kind, part, holder: { kind: 'inlines', inlines } };
  if (level !== undefined) ref.level = level;
  if (role !== undefined) ref.role = role;
  out.push(ref);
  let n = 0;
  for (const inline of inlines) {
    if (inline.type === 'footnote') walkBlocks(inline.blocks, `${key}.f${n++}.b`, part, true, out);
  }
}

function walkBlocks(blocks: Block[], prefix: string, part: string, inNote: boolean, out: SegmentRef[], inCell = false) {
  blocks.forEach((block, i) => {
    const p = `${prefix}${i}`;
    const textKind = inNote ? 'footnote' : inCell ? 'cell' : 'paragraph';
    switch (block.type) {
      case 'heading':
        pushInlines(block.content, `${p}.c`, inNote ? 'footnote' : 'heading', part, out, block.level);
        break;
      case 'paragraph':
        if (block.runIn?.length) pushInlines(block.runIn, `${p}.r`, 'runIn', part, out);
        pushInlines(block.content, `${p}.c`, textKind, part, out, undefined, block.role);
        break;
      case 'list':
        block.items.forEach((item, j) => walkBlocks(item, `${p}.i${j}.b`, part, inNote, out, inCell));
        break;
      case 'quote':
        walkBlocks(block.blocks, `${p}.q.b`, part, inNote, out, inCell);
        break;
      case 'table':
        block.rows.forEach((row, r) => row.forEach((cell, c) => walkBlocks(cell.blocks, `${p}.t${r}.${c}.b`, part, inNote, out, true)));
        break;
      case 'image':
        if (block.caption?.length) pushInlines(block.caption, `${p}.cap`, 'caption', part, out);
        break;
      case 'pageBreak':
        break;
    }
  });
}

export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

interface Piece {
  run: TextInline;
  start: number;
  end: number;
}

/**
 * Applies edits to one segment. Edits must not overlap; one that would cross a line break or a
 * footnote is skipped (it cannot be placed on a run). Returns the edits applied.
 */
export function applyEdits(ref: SegmentRef, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  if (ref.holder.kind === 'field') {
    let value = segmentText(ref);
    const applied: TextEdit[] = [];
    let limit = Infinity;
    for (const edit of sorted) {
      if (edit.end > limit) continue;
      value = value.slice(0, edit.start) + edit.replacement + value.slice(edit.end);
      limit = edit.start;
      applied.push(edit);
    }
    ref.holder.owner[ref.holder.field] = value;
    return applied;
  }
  const inlines = ref.holder.inlines;
  const pieces: Piece[] = [];
  let offset = 0;
  const objects: number[] = [];
  for (const inline of inlines) {
    if (inline.type === 'text') {
      pieces.push({ run: inline, start: offset, end: offset + inline.text.length });
      offset += inline.text.length;
    } else if (inline.type === 'link') {
      for (const child of inline.children) {
        pieces.push({ run: child, start: offset, end: offset + child.text.length });
        offset += child.text.length;
      }
    } else {
      objects.push(offset);
      offset += 1;
    }
  }
  const applied: TextEdit[] = [];
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) continue;
    if (objects.some((o) => o >= edit.start && o < edit.end)) continue;
    const touched = pieces.filter((p) => p.end > edit.start && p.start < edit.end);
    // An insertion (or an edit inside one run) goes to the run that holds its start.
    const first = touched[0] ?? pieces.find((p) => p.start <= edit.start && edit.start <= p.end);
    if (!first) continue;
    for (const piece of touched.length ? touched : [first]) {
      const from = Math.max(edit.start, piece.start) - piece.start;
      const to = Math.min(edit.end, piece.end) - piece.start;
      const insert = piece === first ? edit.replacement : '';
      piece.run.text = piece.run.text.slice(0, from) + insert + piece.run.text.slice(to);
    }
    limit = edit.start;
    applied.push(edit);
  }
  pruneEmpty(inlines);
  return applied;
}

function pruneEmpty(inlines: Inline[]) {
  for (let i = inlines.length - 1; i >= 0; i--) {
    const inline = inlines[i]!;
    if (inline.type === 'text' && inline.text === '') inlines.splice(i, 1);
    else if (inline.type === 'link') {
      inline.children = inline.children.filter((c) => c.text !== '');
      if (!inline.children.length) inlines.splice(i, 1);
    }
  }
}
