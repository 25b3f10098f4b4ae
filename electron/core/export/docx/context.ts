/**
 * Everything one export accumulates while the body is written: the parts beside
 * document.xml (notes, numbering, media, links, comments), bookmarks, the pagination
 * estimate and the per-document paragraph snapshot that the review reader diffs against.
 */
import type { CommentThread } from '../../model/types.js';
import type { Template } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';
import { CommentWriter } from './comments.js';
import { Flow } from './flow.js';
import { pPrXml, type PPr } from './props.js';
import { buildStyleBook, type Role, type StyleBook } from './styles.js';
import { twips } from './xml.js';

export type ListStyle = 'decimal' | 'cjk' | 'paren-cjk' | 'paren-decimal' | 'bullet';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export interface MediaFile {
  name: string;
  data: Uint8Array;
}

export interface DocumentSnapshot {
  id: string;
  index: number;
  paragraphs: string[];
}

export const REL = {
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  settings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings',
  numbering: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering',
  footnotes: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  commentsExtended: 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
  people: 'http://schemas.microsoft.com/office/2011/relationships/people',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
  footer: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  customXml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml',
  fontTable: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable',
} as const;

export interface ParagraphOptions {
  /** Direct overrides on top of the role's style (kept minimal: styles carry the look). */
  pPr?: Omit<PPr, 'style'>;
  /** Markup before the runs (bookmark starts, comment range starts). */
  before?: string;
  after?: string;
  /** Text this paragraph adds to the pagination estimate when it differs from its runs' text. */
  measureText?: string;
  /** Override of the estimated line count (e.g. a fixed-height placeholder). */
  heightPt?: number;
}

export class DocxContext {
  readonly book: StyleBook;
  readonly flow: Flow;
  readonly comments: CommentWriter;
  readonly footnotes: string[] = [];
  readonly lists: Array<{ style: ListStyle; start: number }> = [];
  readonly media: MediaFile[] = [];
  readonly rels: Relationship[] = [];
  readonly parts = new Map<string, string>();
  readonly snapshot: DocumentSnapshot[] = [];
  /** > 0 while writing table cells, notes or headers: no pagination, no snapshot. */
  private sideDepth = 0;
  /** > 0 inside table cells: snapshot yes (they are body paragraphs), flow no. */
  private cellDepth = 0;
  private nextBookmark = 1;
  private nextRel = 1;
  current: DocumentSnapshot | null = null;
  textWidthPt: number;

  constructor(
    readonly template: Template,
    threads: Record<string, CommentThread[]> = {},
  ) {
    this.book = buildStyleBook(template);
    const p = template.page;
    const height = mmToPt(p.height - p.marginTop - p.marginBottom);
    const fullWidth = mmToPt(p.width - p.marginInner - p.marginOuter);
    this.textWidthPt = fullWidth;
    this.flow = new Flow(height, fullWidth);
    this.comments = new CommentWriter(this.book, threads);
  }

  rel(type: string, target: string, external = false): string {
    const id = `rId${this.nextRel++}`;
    this.rels.push({ id, type, target, external });
    return id;
  }

  bookmark(name: string): { start: string; end: string } {
    const id = this.nextBookmark++;
    return { start: `<w:bookmarkStart w:id="${id}" w:name="${name}"/>`, end: `<w:bookmarkEnd w:id="${id}"/>` };
  }

  beginDocument(id: string): void {
    this.current = { id, index: this.snapshot.length, paragraphs: [] };
    this.snapshot.push(this.current);
  }

  endDocument(): void {
    this.current = null;
  }

  /** Writes side content (notes, headers, cells) without touching pagination. */
  aside<T>(fn: () => T): T {
    this.sideDepth++;
    try {
      return fn();
    } finally {
      this.sideDepth--;
    }
  }

  inCell<T>(fn: () => T): T {
    this.cellDepth++;
    try {
      return fn();
    } finally {
      this.cellDepth--;
    }
  }

  get measuring(): boolean {
    return this.sideDepth === 0 && this.cellDepth === 0;
  }

  paragraph(role: Role, runs: { xml: string; text: string }, options: ParagraphOptions = {}): string {
    const s = this.book.get(role);
    const pPr: PPr = { style: s.id, ...options.pPr };
    if (this.sideDepth === 0 && this.current && runs.text) this.current.paragraphs.push(runs.text);
    if (this.measuring) {
      const st = s.style;
      const before = options.pPr?.before !== undefined ? options.pPr.before / 20 : st.spaceBeforeLines * this.book.bodyPitch;
      const after = options.pPr?.after !== undefined ? options.pPr.after / 20 : st.spaceAfterLines * this.book.bodyPitch;
      const pitch = options.pPr?.line !== undefined ? options.pPr.line / 20 : st.lineHeight;
      if ((options.pPr?.pageBreakBefore ?? s.pageBreakBefore) === true) this.flow.breakPage();
      const keepNext = (options.pPr?.keepNext ?? s.keepNext) === true;
      if (options.heightPt !== undefined) this.flow.addBlock(options.heightPt + before + after, keepNext);
      else {
        const indent = options.pPr?.ind ? (options.pPr.ind.left ?? 0) / 20 / st.size + (options.pPr.ind.right ?? 0) / 20 / st.size : 0;
        const width = this.textWidthPt - indent * st.size;
        const lines = this.flow.lines(options.measureText ?? runs.text, st.size + this.book.charSpacing / 20, st.indentChars, width);
        this.flow.add(lines, pitch, before, after, keepNext);
      }
    }
    return `<w:p>${pPrXml(pPr)}${options.before ?? ''}${runs.xml}${options.after ?? ''}</w:p>`;
  }

  /** A new list instance: numbering restarts for every list (and so for every case). */
  list(style: ListStyle, start = 1): number {
    this.lists.push({ style, start });
    return this.lists.length;
  }

  /** Columns of the section being written (the feature's cases run in two). */
  columns = 1;

  /** Width of the current column in twips: what tables and pictures may take. */
  twipsWidth(): number {
    const gap = this.columns > 1 ? mmToPt(this.template.page.columnGap) : 0;
    return twips((this.textWidthPt - gap * (this.columns - 1)) / this.columns);
  }

  /** Width of the whole type area in twips (right tabs in TOC, headers and footers). */
  fullWidthTwips(): number {
    return twips(this.textWidthPt);
  }
}
