/**
 * Review threads → Word comments through the `docx` package: one comment for a thread's first
 * message and one per reply, all spanning the same text. The package writes commentsExtended
 * (w15:paraIdParent for replies, w15:done for resolved threads) from parentId/resolved.
 * The anchor is the run range whose TextInlines carry the thread id.
 */
import { CommentRangeEnd, CommentRangeStart, CommentReference, TextRun, type ICommentOptions, type Paragraph } from 'docx';
import type { Piece } from './context.js';
import type { Block, CommentThread, Inline, TextInline } from '../../model/types.js';

/** What went out, kept in the export manifest so the reader can give comments back their thread ids. */
export interface ExportedComment {
  wordId: number;
  threadId: string;
  documentId: string;
  author: string;
  text: string;
  reply: number | null;
}

interface ActiveThread {
  wordIds: number[];
  last: TextInline | null;
  started: boolean;
  ended: boolean;
}

interface PendingComment {
  id: number;
  author: string;
  date: string;
  text: string;
  parentId?: number;
  resolved: boolean;
}

/** Word wants an xsd:dateTime; an unreadable date becomes the epoch rather than an invalid file. */
function commentDate(value: string): Date {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

export class CommentRanges {
  readonly pending: PendingComment[] = [];
  readonly exported: ExportedComment[] = [];
  private active = new Map<string, ActiveThread>();

  constructor(private readonly threadsByDoc: Record<string, CommentThread[]>) {}

  threadsOf(documentId: string): CommentThread[] {
    return this.threadsByDoc[documentId] ?? [];
  }

  get count(): number {
    return this.pending.length;
  }

  /**
   * Starts a document: registers its threads and finds the last run of each, so the range end
   * goes right after it. Returns the ids of threads no run carries (the caller anchors them on the title).
   */
  beginDocument(documentId: string, blocks: readonly Block[]): string[] {
    this.active.clear();
    const threads = this.threadsOf(documentId);
    if (!threads.length) return [];
    const lastRun = new Map<string, TextInline>();
    const visitInlines = (inlines: readonly Inline[] | undefined) => {
      for (const inline of inlines ?? []) {
        if (inline.type === 'text') for (const id of inline.comments ?? []) lastRun.set(id, inline);
        else if (inline.type === 'link') visitInlines(inline.children);
      }
    };
    const visit = (list: readonly Block[]) => {
      for (const b of list) {
        if (b.type === 'heading') visitInlines(b.content);
        else if (b.type === 'paragraph') {
          visitInlines(b.runIn);
          visitInlines(b.content);
        } else if (b.type === 'list') b.items.forEach(visit);
        else if (b.type === 'quote') visit(b.blocks);
        else if (b.type === 'table') b.rows.forEach((row) => row.forEach((cell) => visit(cell.blocks)));
        else if (b.type === 'image') visitInlines(b.caption);
      }
    };
    visit(blocks);
    const unanchored: string[] = [];
    for (const thread of threads) {
      const first = this.add(thread, documentId, thread.author, thread.createdAt, thread.text, null);
      const wordIds = [first];
      thread.replies.forEach((reply, i) => wordIds.push(this.add(thread, documentId, reply.author, reply.createdAt, reply.text, i, first)));
      this.active.set(thread.id, { wordIds, last: lastRun.get(thread.id) ?? null, started: false, ended: false });
      if (!lastRun.has(thread.id)) unanchored.push(thread.id);
    }
    return unanchored;
  }

  private add(thread: CommentThread, documentId: string, author: string, date: string, text: string, reply: number | null, parentId?: number): number {
    const id = this.pending.length;
    this.pending.push({ id, author, date, text, parentId, resolved: thread.resolved });
    this.exported.push({ wordId: id, threadId: thread.id, documentId, author, text, reply });
    return id;
  }

  /** Range starts for threads whose first run this is. */
  before(inline: TextInline): Piece[] {
    const out: Piece[] = [];
    for (const id of inline.comments ?? []) {
      const t = this.active.get(id);
      if (t && !t.started) {
        t.started = true;
        out.push(...this.starts(id));
      }
    }
    return out;
  }

  /** Range ends and reference marks for threads whose last run this is. */
  after(inline: TextInline): Piece[] {
    const out: Piece[] = [];
    for (const id of inline.comments ?? []) {
      const t = this.active.get(id);
      if (t && t.last === inline && !t.ended) out.push(...this.ends(id));
    }
    return out;
  }

  starts(threadId: string): Piece[] {
    return (this.active.get(threadId)?.wordIds ?? []).map((w) => new CommentRangeStart(w));
  }

  ends(threadId: string): Piece[] {
    const t = this.active.get(threadId);
    if (!t) return [];
    t.ended = true;
    return t.wordIds.flatMap((w) => [new CommentRangeEnd(w), new TextRun({ style: 'CommentReference', children: [new CommentReference(w)] })]);
  }

  /** Ends any range the document left open, so every start has an end. */
  endDocument(): Piece[] {
    const out: Piece[] = [];
    for (const [id, t] of this.active) if (t.started && !t.ended) out.push(...this.ends(id));
    this.active.clear();
    return out;
  }

  /** The comments part's entries; `paragraphs` builds a comment's text in the comment style. */
  options(paragraphs: (text: string) => Paragraph[]): ICommentOptions[] {
    return this.pending.map((c) => ({
      id: c.id,
      author: c.author,
      initials: [...c.author.trim()].slice(0, 2).join(''),
      date: commentDate(c.date),
      parentId: c.parentId,
      resolved: c.resolved,
      children: paragraphs(c.text),
    }));
  }
}
