/**
 * Review threads → Word comments. A thread becomes one w:comment for its first message and
 * one per reply, all spanning the same text; commentsExtended links each reply to its parent
 * (w15:paraIdParent) and carries the resolved state (w15:done). The anchor is the run range whose TextInlines carry the thread id.
 */
import type { Block, CommentThread, Inline, TextInline } from '../../model/types.js';
import type { StyleBook } from './styles.js';
import { fontsXml } from './styles.js';
import { esc, XML_DECL, W_NS } from './xml.js';

interface WordComment {
  wordId: number;
  paraId: string;
  author: string;
  date: string;
  text: string;
  parentParaId?: string;
  done: boolean;
}

interface ActiveThread {
  thread: CommentThread;
  wordIds: number[];
  last: TextInline | null;
  started: boolean;
  ended: boolean;
}

/** What went out, kept in the export manifest so the reader can give comments back their thread ids. */
export interface ExportedComment {
  wordId: number;
  threadId: string;
  documentId: string;
  author: string;
  text: string;
  reply: number | null;
}

export class CommentWriter {
  readonly comments: WordComment[] = [];
  readonly exported: ExportedComment[] = [];
  private active = new Map<string, ActiveThread>();
  private nextParaId = 0x10000001;

  constructor(
    private readonly book: StyleBook,
    private readonly threadsByDoc: Record<string, CommentThread[]>,
  ) {}

  threadsOf(documentId: string): CommentThread[] {
    return this.threadsByDoc[documentId] ?? [];
  }

  get count(): number {
    return this.comments.length;
  }

  private paraId(): string {
    return (this.nextParaId++).toString(16).toUpperCase().padStart(8, '0');
  }

  /**
   * Starts a document: registers its threads and finds the last run of each, so the range
   * end goes right after it. Returns the ids of threads with no anchored run (the caller
   * anchors them on the title).
   */
  beginDocument(documentId: string, blocks: readonly Block[]): string[] {
    this.active.clear();
    const threads = this.threadsByDoc[documentId] ?? [];
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
      const wordIds = [this.add(thread, documentId)];
      const parentParaId = this.comments[this.comments.length - 1]!.paraId;
      thread.replies.forEach((reply, i) => wordIds.push(this.addReply(thread, documentId, reply, i, parentParaId)));
      this.active.set(thread.id, { thread, wordIds, last: lastRun.get(thread.id) ?? null, started: false, ended: false });
      if (!lastRun.has(thread.id)) unanchored.push(thread.id);
    }
    return unanchored;
  }

  private add(thread: CommentThread, documentId: string): number {
    const wordId = this.comments.length;
    this.comments.push({ wordId, paraId: this.paraId(), author: thread.author, date: thread.createdAt, text: thread.text, done: thread.resolved });
    this.exported.push({ wordId, threadId: thread.id, documentId, author: thread.author, text: thread.text, reply: null });
    return wordId;
  }

  private addReply(thread: CommentThread, documentId: string, reply: CommentThread['replies'][number], index: number, parentParaId: string): number {
    const wordId = this.comments.length;
    this.comments.push({ wordId, paraId: this.paraId(), author: reply.author, date: reply.createdAt, text: reply.text, parentParaId, done: thread.resolved });
    this.exported.push({ wordId, threadId: thread.id, documentId, author: reply.author, text: reply.text, reply: index });
    return wordId;
  }

  /** Range starts for threads whose first run this is. */
  before(inline: TextInline): string {
    let out = '';
    for (const id of inline.comments ?? []) {
      const t = this.active.get(id);
      if (t && !t.started) {
        t.started = true;
        out += this.starts(id);
      }
    }
    return out;
  }

  /** Range ends and reference marks for threads whose last run this is. */
  after(inline: TextInline): string {
    let out = '';
    for (const id of inline.comments ?? []) {
      const t = this.active.get(id);
      if (t && t.last === inline && !t.ended) {
        t.ended = true;
        out += this.ends(id);
      }
    }
    return out;
  }

  starts(threadId: string): string {
    const t = this.active.get(threadId);
    return t ? t.wordIds.map((w) => `<w:commentRangeStart w:id="${w}"/>`).join('') : '';
  }

  ends(threadId: string): string {
    const t = this.active.get(threadId);
    if (!t) return '';
    t.ended = true;
    return t.wordIds
      .map((w) => `<w:commentRangeEnd w:id="${w}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${w}"/></w:r>`)
      .join('');
  }

  /** Ends any range the document left open (a run missing from the output), so every start has an end. */
  endDocument(): string {
    let out = '';
    for (const [id, t] of this.active) if (t.started && !t.ended) out += this.ends(id);
    this.active.clear();
    return out;
  }

  commentsXml(): string {
    const st = this.book.get('commentText').style;
    const fonts = fontsXml(this.book, st);
    const body = this.comments
      .map((c) => {
        const paras = c.text.split(/\n+/);
        return (
          `<w:comment w:id="${c.wordId}" w:author="${esc(c.author)}" w:date="${esc(isoDate(c.date))}" w:initials="${esc(initials(c.author))}">` +
          paras
            .map((p, i) => {
              const last = i === paras.length - 1;
              return (
                `<w:p${last ? ` w14:paraId="${c.paraId}" w14:textId="77777777"` : ''}><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>` +
                (i === 0 ? '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' : '') +
                `<w:r><w:rPr>${fonts}</w:rPr><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`
              );
            })
            .join('') +
          '</w:comment>'
        );
      })
      .join('');
    return `${XML_DECL}<w:comments ${W_NS}>${body}</w:comments>`;
  }

  commentsExtendedXml(): string {
    const body = this.comments
      .map((c) => `<w15:commentEx w15:paraId="${c.paraId}"${c.parentParaId ? ` w15:paraIdParent="${c.parentParaId}"` : ''} w15:done="${c.done ? 1 : 0}"/>`)
      .join('');
    return `${XML_DECL}<w15:commentsEx ${W_NS}>${body}</w15:commentsEx>`;
  }

  peopleXml(): string {
    const authors = [...new Set(this.comments.map((c) => c.author))];
    const body = authors.map((a) => `<w15:person w15:author="${esc(a)}"><w15:presenceInfo w15:providerId="None" w15:userId="${esc(a)}"/></w15:person>`).join('');
    return `${XML_DECL}<w15:people ${W_NS}>${body}</w15:people>`;
  }
}

/** Word wants an xsd:dateTime without fractional seconds. */
function isoDate(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString().replace(/\.\d+Z$/, 'Z') : d.toISOString().replace(/\.\d+Z$/, 'Z');
}

function initials(author: string): string {
  return [...author.trim()].slice(0, 2).join('');
}
