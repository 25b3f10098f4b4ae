/**
 * What one export through the `docx` package accumulates while the body is built: notes,
 * list instances, comments, the pagination estimate (the TOC's page numbers and the notice's
 * 版记 placement come from it) and the per-document paragraph snapshot the review reader diffs.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  ShadingType,
  TabStopType,
  type IParagraphOptions,
  type FileChild,
  type ParagraphChild,
  type XmlComponent,
} from 'docx';
import type { CommentThread } from '../../model/types.js';
import type { Template } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';
import { Flow } from './pageEstimate.js';
import { buildStyleBook, type Role, type StyleBook } from './styleBook.js';
import { twips } from './xml.js';
import { CommentRanges } from './comments.js';
import { BodyStore, bodyParagraph } from './bodyXml.js';
import { SectionParts } from './sectionXml.js';
import { TextDeflater } from './deflated.js';

export type ListStyle = 'decimal' | 'cjk' | 'paren-cjk' | 'paren-decimal' | 'bullet';

/** The body paragraphs' texts of one exported document: what the review reader diffs a reviewed file against. */
export interface DocumentSnapshot {
  id: string;
  index: number;
  paragraphs: string[];
}

/** What a paragraph holds: runs, hyperlinks, bookmark and comment marks (all XML components of the package). */
export type Piece = XmlComponent;

export interface Edge {
  /** Eighths of a point. */
  sz: number;
  /** Points between border and text. */
  space?: number;
  color?: string;
}

/** Direct paragraph properties on top of the role's style (twips unless said otherwise). */
export interface ParaProps {
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  before?: number;
  after?: number;
  line?: number;
  /** Single (auto) spacing: a picture's line must grow with it or Word clips it. */
  autoLine?: boolean;
  ind?: { left?: number; right?: number; firstLine?: number; firstLineChars?: number; hanging?: number };
  jc?: 'left' | 'center' | 'right' | 'both';
  borders?: { top?: Edge; bottom?: Edge; left?: Edge; right?: Edge };
  shading?: string;
  tabs?: Array<{ val: 'left' | 'right' | 'center'; pos: number; leader?: 'dot' | 'none' }>;
  numbering?: ListRef;
  /** Outline level of a paragraph whose style has none (the back matter's titles), so a refreshed TOC keeps it. */
  outline?: number;
}

/** A list of the model: its format and first number (a definition each), and its own instance so numbering restarts. */
export interface ListRef {
  style: ListStyle;
  start: number;
  instance: number;
}

export const listReference = (l: { style: ListStyle; start: number }): string => `hb-${l.style}-${l.start}`;

export interface ParaOptions {
  props?: ParaProps;
  /** Text the pagination estimate measures when it differs from the runs' text (balanced titles). */
  measureText?: string;
  /** Fixed height in points (a picture, a photo's place). */
  heightPt?: number;
}

const JC = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED } as const;

function edge(e: Edge | undefined) {
  return e ? { style: BorderStyle.SINGLE, size: e.sz, space: e.space ?? 1, color: e.color ?? 'auto' } : undefined;
}

/** ParaProps → the `docx` package's paragraph options. */
export function paragraphOptions(p: ParaProps): IParagraphOptions {
  const spacing =
    p.before !== undefined || p.after !== undefined || p.line !== undefined || p.autoLine
      ? {
          before: p.before !== undefined ? Math.round(p.before) : undefined,
          after: p.after !== undefined ? Math.round(p.after) : undefined,
          ...(p.autoLine ? { line: 240, lineRule: LineRuleType.AUTO } : p.line !== undefined ? { line: Math.round(p.line), lineRule: LineRuleType.EXACT } : {}),
        }
      : undefined;
  const b = p.borders;
  return {
    keepNext: p.keepNext || undefined,
    pageBreakBefore: p.pageBreakBefore || undefined,
    spacing,
    indent: p.ind,
    alignment: p.jc ? JC[p.jc] : undefined,
    border: b ? { top: edge(b.top), bottom: edge(b.bottom), left: edge(b.left), right: edge(b.right) } : undefined,
    shading: p.shading ? { type: ShadingType.CLEAR, color: 'auto', fill: p.shading } : undefined,
    tabStops: p.tabs?.map((t) => ({ type: t.val === 'left' ? TabStopType.LEFT : t.val === 'center' ? TabStopType.CENTER : TabStopType.RIGHT, position: Math.round(t.pos), leader: t.leader })),
    numbering: p.numbering ? { reference: listReference(p.numbering), level: 0, instance: p.numbering.instance } : undefined,
    outlineLevel: p.outline,
  };
}

export class DocxContext {
  readonly book: StyleBook;
  readonly flow: Flow;
  readonly comments: CommentRanges;
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  private footnoteCount = 0;
  readonly snapshot: DocumentSnapshot[] = [];
  /** The body paragraphs written as XML, by section stretch (bodyXml.ts). */
  readonly body = new BodyStore();
  /** The sections' breaks and running heads (sectionXml.ts). */
  readonly sections = new SectionParts();
  /**
   * Body paragraphs as XML at once (bodyXml.ts), or all through the package's own objects with
   * HUIBIAN_DOCX_BODY=package: the tests compare both, and a timing can set one against the other.
   */
  readonly writeBody = process.env.HUIBIAN_DOCX_BODY !== 'package';
  private sideDepth = 0;
  private cellDepth = 0;
  private frontDepth = 0;
  private nextListInstance = 1;
  /** The list definitions the document uses, by reference. */
  readonly listFormats = new Map<string, { style: ListStyle; start: number }>();
  private nextBookmark = 1;
  current: DocumentSnapshot | null = null;
  readonly textWidthPt: number;
  /** Columns of the section being built (the feature's cases run in two). */
  columns = 1;

  constructor(
    readonly template: Template,
    threads: Record<string, CommentThread[]> = {},
  ) {
    this.book = buildStyleBook(template);
    const p = template.page;
    this.textWidthPt = mmToPt(p.width - p.marginInner - p.marginOuter);
    this.flow = new Flow(mmToPt(p.height - p.marginTop - p.marginBottom), this.textWidthPt);
    this.comments = new CommentRanges(threads);
  }

  footnote(children: Paragraph[]): number {
    const id = ++this.footnoteCount;
    this.footnotes[id] = { children };
    return id;
  }

  /** A new list: its own instance, so numbering restarts for every list. */
  list(style: ListStyle, start: number): ListRef {
    this.listFormats.set(listReference({ style, start }), { style, start });
    return { style, start, instance: this.nextListInstance++ };
  }

  bookmarkId(): number {
    return this.nextBookmark++;
  }

  private documents = 0;

  /**
   * With a streamed body (anthology.ts), each document's snapshot is written out deflated as the
   * document ends, as its manifest entry (`entry`, patch.ts), instead of staying to the end: the
   * manifest holds every paragraph's text.
   */
  snapshotStream: TextDeflater | null = null;
  private snapshotEntry: ((d: DocumentSnapshot, first: boolean) => string) | null = null;

  streamSnapshots(level: number, entry: (d: DocumentSnapshot, first: boolean) => string): void {
    this.snapshotStream = new TextDeflater(level);
    this.snapshotEntry = entry;
  }

  beginDocument(id: string): void {
    this.current = { id, index: this.documents++, paragraphs: [] };
    if (!this.snapshotStream) this.snapshot.push(this.current);
  }

  endDocument(): void {
    const done = this.current;
    this.current = null;
    if (done && this.snapshotStream && this.snapshotEntry) this.snapshotStream.write(this.snapshotEntry(done, this.snapshotStream.empty));
  }

  private within<T>(depth: 'sideDepth' | 'cellDepth' | 'frontDepth', fn: () => T): T {
    this[depth]++;
    try {
      return fn();
    } finally {
      this[depth]--;
    }
  }

  /** Side content (notes, headers): no pagination, no snapshot. */
  aside<T>(fn: () => T): T {
    return this.within('sideDepth', fn);
  }

  /** Front matter (cover, 目录): body paragraphs outside the pagination and the snapshot. */
  front<T>(fn: () => T): T {
    return this.within('frontDepth', fn);
  }

  /** Widths (twips) of the table cells being built, innermost last: a table or picture inside one takes its width. */
  private cellWidths: number[] = [];

  /** Table cells: in the snapshot (they are body paragraphs) but measured by the table. */
  inCell<T>(contentTwips: number, fn: () => T): T {
    // The cell's width less its margins: a nested table wider than its cell is clipped by
    // LibreOffice, its text lost from the page.
    this.cellWidths.push(Math.max(120, Math.round(contentTwips)));
    try {
      return this.within('cellDepth', fn);
    } finally {
      this.cellWidths.pop();
    }
  }

  /** Building front matter (ctx.front): its sections stay out of a streamed body. */
  get inFront(): boolean {
    return this.frontDepth > 0;
  }

  get measuring(): boolean {
    return this.sideDepth === 0 && this.cellDepth === 0 && this.frontDepth === 0;
  }

  /**
   * Ends of a document's region (its bookmark, comment ranges left open) waiting for the next
   * body paragraph: they must come after the region's last paragraph closes (the review reader
   * ends the region there), and a section break needs a paragraph last, not a loose bookmark end.
   */
  private pendingEnds: Piece[] = [];

  endRegionLater(pieces: Piece[]): void {
    this.pendingEnds.push(...pieces);
  }

  /** Region ends no later paragraph took, to go out at body level after the last one. */
  takePendingEnds(): FileChild[] {
    const out = this.pendingEnds as unknown as FileChild[];
    this.pendingEnds = [];
    return out;
  }

  paragraph(role: Role, children: Piece[], text: string, options: ParaOptions = {}): Paragraph {
    const s = this.book.get(role);
    const p = options.props ?? {};
    if (this.sideDepth === 0 && this.frontDepth === 0 && this.current && text) this.current.paragraphs.push(text);
    const paraOptions = { style: s.id, ...paragraphOptions(p) };
    if (this.measuring) {
      this.measure(role, text, options);
      if (this.pendingEnds.length) children = [...this.pendingEnds, ...children];
      this.pendingEnds = [];
    }
    // Body text (not notes, headers or cells) goes out as XML at once; a list number is the package's to allocate.
    // A paragraph of its style alone (most of a book) is keyed by the style, not by its options as JSON.
    const written = this.writeBody && this.sideDepth === 0 && this.cellDepth === 0 && !p.numbering ? bodyParagraph(paraOptions, children, options.props ? undefined : `style:${s.id}`) : null;
    // Typed as the package's paragraph: where the package writes it, it writes its own (bodyXml.ts).
    if (written) return written as unknown as Paragraph;
    return new Paragraph({ ...paraOptions, children: children as unknown as ParagraphChild[] });
  }

  private measure(role: Role, text: string, options: ParaOptions): void {
    const s = this.book.get(role);
    const st = s.style;
    const p = options.props ?? {};
    const before = p.before !== undefined ? p.before / 20 : st.spaceBeforeLines * this.book.bodyPitch;
    const after = p.after !== undefined ? p.after / 20 : st.spaceAfterLines * this.book.bodyPitch;
    const pitch = p.line !== undefined ? p.line / 20 : st.lineHeight;
    if ((p.pageBreakBefore ?? s.pageBreakBefore) === true) this.flow.breakPage();
    const keepNext = (p.keepNext ?? s.keepNext) === true;
    if (options.heightPt !== undefined) {
      this.flow.addBlock(options.heightPt + before + after, keepNext);
      return;
    }
    const indent = p.ind ? ((p.ind.left ?? 0) + (p.ind.right ?? 0)) / 20 : 0;
    const width = this.columns > 1 ? this.twipsWidth() / 20 : this.textWidthPt;
    const lines = this.flow.lines(options.measureText ?? text, st.size + this.book.charSpacing / 20, st.indentChars, width - indent);
    // Headings of the text, and the feature's case headings that run on in the columns.
    const heading = /^h[1-4]$/.test(role) || (role === 'caseTitle' && this.template.kind === 'feature');
    this.flow.add(lines, pitch, before, after, keepNext, heading);
  }

  /** Width of the current column, or of the cell being built, in twips: what tables and pictures may take. */
  twipsWidth(): number {
    const cell = this.cellWidths.at(-1);
    if (cell !== undefined) return cell;
    const gap = this.columns > 1 ? mmToPt(this.template.page.columnGap) : 0;
    return twips((this.textWidthPt - gap * (this.columns - 1)) / this.columns);
  }

  fullWidthTwips(): number {
    return twips(this.textWidthPt);
  }
}
