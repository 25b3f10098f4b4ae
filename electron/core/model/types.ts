/**
 * Huibian's one document model. Every reader produces it, every writer consumes it
 * (PDF, DOCX, the editor's Lexical state). Shaped after Pandoc's AST: a tree of blocks
 * holding inlines. Nothing here records where a text came from except `source` metadata,
 * so no writer can depend on the input format.
 */

/** Character-level styling. Kept as a set so writers can map each independently. */
export type Mark = 'bold' | 'italic' | 'underline' | 'strike' | 'sup' | 'sub';

export interface TextInline {
  type: 'text';
  text: string;
  marks?: Mark[];
  /** Ids of review comments whose anchor covers this run (Lexical MarkNode ids). */
  comments?: string[];
}

export interface FootnoteInline {
  type: 'footnote';
  /** The note's own content; usually one paragraph. */
  blocks: Block[];
}

export interface LineBreakInline {
  type: 'break';
}

export interface LinkInline {
  type: 'link';
  href: string;
  children: TextInline[];
}

export type Inline = TextInline | FootnoteInline | LineBreakInline | LinkInline;

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingBlock {
  type: 'heading';
  level: HeadingLevel;
  /** Heading text as the author wrote it, numbering included ("一、…", "（一）…"). */
  content: Inline[];
}

/**
 * Paragraph roles let writers pick a style without guessing from text:
 * `lead` is a feature's 导语, `byline` an author/source line, `note` a 附注 or
 * parenthesised remark such as "（牵头领导:…）", `center` a centred line.
 */
export type ParagraphRole = 'body' | 'lead' | 'byline' | 'note' | 'center';

export interface ParagraphBlock {
  type: 'paragraph';
  content: Inline[];
  role?: ParagraphRole;
  /**
   * A run-in heading ("普惠策:", "一是搭建一个平台。", "1. 坚持把政治建设摆在首位。") that
   * starts the paragraph; writers set it in the heading face. Its text is NOT repeated
   * in `content`; delimiters (colon, 。) stay with the run-in text as written.
   */
  runIn?: Inline[];
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  /** Numbering style for ordered lists; writers restart numbering per list. */
  style?: 'decimal' | 'cjk' | 'paren-cjk' | 'paren-decimal';
  start?: number;
  items: Block[][];
}

export interface QuoteBlock {
  type: 'quote';
  blocks: Block[];
}

export interface TableCell {
  blocks: Block[];
  colSpan?: number;
  rowSpan?: number;
  header?: boolean;
}

export interface TableBlock {
  type: 'table';
  rows: TableCell[][];
  /** Relative column widths (any unit; writers normalise). WPS needs explicit grid widths. */
  columnWidths?: number[];
}

export interface ImageBlock {
  type: 'image';
  /** data: URI or a resource id in the store; absent for a caption whose photo was not in the draft. */
  src?: string;
  width?: number;
  height?: number;
  alt?: string;
  caption?: Inline[];
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | QuoteBlock
  | TableBlock
  | ImageBlock
  | PageBreakBlock;

/** A place resolved against GB/T 2260; names are full official names ("济宁市"). */
export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
  /** Six-digit GB/T 2260 code of the most specific level that resolved, when known. */
  code?: string | null;
}

/**
 * The editorial lifecycle: 初稿 (draft) → 修改 (review) → 定稿 (final, text and metadata
 * locked) → 已报送 (submitted). Codes stay ASCII for the API; labels are in model/status.ts.
 */
export type CaseStatus = 'draft' | 'review' | 'final' | 'submitted';

/** Why a category was chosen: the taxonomy entry, its score and the words that decided it. */
export interface CategoryExplanation {
  category: string;
  score: number;
  words: Array<{ word: string; count: number; weight: number }>;
}

export interface CaseMeta {
  title: string;
  subtitle?: string | null;
  /** A feature's city label as printed ("济宁 任城区"). */
  heading?: string | null;
  region?: Region | null;
  category?: string | null;
  categoryExplanation?: CategoryExplanation[];
  /** 创新单位 */
  unit?: string | null;
  /** 奖项 / 入选等次, e.g. "拟入选优秀创新案例" */
  award?: string | null;
  year?: number | null;
  /** ISO date (yyyy-mm-dd) when the draft carries one. */
  date?: string | null;
  authors?: string | null;
  sourceFile?: string | null;
  status?: CaseStatus;
  /** Pages this case may take in the book, overriding the template's budget (options.pageBudget). */
  pageBudget?: number | null;
  /**
   * 延续 or 新增, as the indexes print it. An object: the case continues that case of an earlier
   * collection (延续). null: compared with the earlier collections, it continues none (新增).
   * Absent: nothing to compare with (no earlier collection), so no flag. In the library only the
   * editor's link is kept here (with `continuity`); the export fills it for every case, from the
   * editor's choice or else from detection (store/continuity.ts), so writers read it as it is.
   */
  continuesFrom?: ContinuityLink | null;
  /** The editor's decision, which detection never overrides: 'linked' (continuesFrom is theirs) or 'unlinked' (新增). Absent: detection decides. */
  continuity?: 'linked' | 'unlinked' | null;
}

/** The earlier case a case continues: enough to print "延续 2020 年《…》" without a lookup. */
export interface ContinuityLink {
  documentId: string;
  collectionId: string | null;
  title: string;
  /** The year of its collection (or of the case when the collection has none). */
  year: number | null;
}

export interface NoticeAttachment {
  title: string;
  blocks: Block[];
}

export interface NoticeMeta {
  title: string;
  /** 发文机关标志, e.g. "曲阜市民政局" (with or without 文件). */
  organ?: string | null;
  /** 发文字号, e.g. "鲁民函〔2021〕11号" (always with 〔〕). */
  docNumber?: string | null;
  /** 签发人 for upward documents. */
  signers?: string[];
  /** 主送机关 without the trailing colon. */
  addressees?: string | null;
  /** 署名 */
  issuer?: string | null;
  /** ISO date of 成文日期. */
  date?: string | null;
  /** 附件说明 titles, in order; bodies live in NoticeDocument.attachments. */
  attachmentTitles?: string[];
  /** 附注, without parentheses. */
  note?: string | null;
  /** 抄送 names, without the trailing 。 */
  cc?: string | null;
  /** 印发机关 and ISO 印发日期. */
  printer?: string | null;
  printDate?: string | null;
  /** data: URI of a seal image. */
  sealImage?: string | null;
  region?: Region | null;
  year?: number | null;
  sourceFile?: string | null;
}

export interface CaseDocument {
  kind: 'case';
  id: string;
  meta: CaseMeta;
  body: Block[];
}

export interface NoticeDocument {
  kind: 'notice';
  id: string;
  meta: NoticeMeta;
  body: Block[];
  attachments: NoticeAttachment[];
}

export type HuibianDocument = CaseDocument | NoticeDocument;

/** A section (篇) of a collection: usually one category, in order. */
export interface CollectionSection {
  title: string;
  caseIds: string[];
}

/** One yearly compilation: the unit an anthology or a feature is exported from. */
export interface Collection {
  id: string;
  title: string;
  subtitle?: string | null;
  year?: number | null;
  publisher?: string | null;
  /** A feature's 导语 and credits, when the collection came from one. */
  lead?: Block[];
  credits?: Record<string, string>;
  sections: CollectionSection[];
}

/**
 * Everything a writer needs for one export, resolved from the store: the collection
 * and its cases in final order. Writers never query the store themselves.
 */
export interface CollectionBundle {
  collection: Collection;
  cases: Map<string, CaseDocument> | Record<string, CaseDocument>;
}

/** A review comment thread, stored beside the document; anchors are comment ids on text runs. */
export interface CommentReply {
  id: string;
  author: string;
  text: string;
  createdAt: string;
}

export interface CommentThread {
  id: string;
  documentId: string;
  /** The anchored text at the time the comment was made (for re-anchoring after edits). */
  quote: string;
  author: string;
  text: string;
  createdAt: string;
  resolved: boolean;
  replies: CommentReply[];
}
