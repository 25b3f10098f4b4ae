/**
 * What the importer hands to the store: one ImportedFile per input file. The store turns
 * `cases` into case documents and `notice` into a notice document in one transaction.
 */
import type { Block, CaseMeta, NoticeDocument } from './types.js';

/** How the importer classified a whole draft (stage 2, "recognise the kind"). */
export type DraftKind = 'case-list' | 'feature' | 'single-case' | 'notice';

/** Document-level facts read from the draft as a whole (a news page, a magazine feature). */
export interface DraftInfo {
  title?: string | null;
  subtitle?: string | null;
  date?: string | null;
  /** 来源 of a news page. */
  publisher?: string | null;
  /** Magazine and issue, e.g. "中国民政 2022年2期". */
  publication?: string | null;
  credits?: Record<string, string>;
  keywords?: string[];
  authors?: string | null;
  /** A feature's 导语 (or a news page's intro paragraphs before the first case). */
  lead?: Block[];
}

export interface ImportedCase {
  meta: CaseMeta;
  body: Block[];
  /** Named field blocks found in the draft ("案例概况", "主要做法"), in order. */
  sections: string[];
  /** Photo captions that belong to this case (also present as image blocks in body). */
  captions: string[];
}

export interface ImportedFile {
  /** The file's base name as given. */
  file: string;
  /** The reader that read it ("txt", "html", "docx", "doc", "md"). */
  format: string;
  /** Detected text encoding for text formats ("UTF-8", "GB18030", "UTF-16LE", "Big5"). */
  encoding?: string;
  kind: DraftKind;
  info: DraftInfo;
  cases: ImportedCase[];
  notice?: Omit<NoticeDocument, 'id'> | null;
  /** Lines removed as page furniture, in order, for the import preview. */
  dropped: string[];
  /** Every caption found in the file, in order (including ones outside any case). */
  captions: string[];
  warnings: string[];
}

/** A file that could not be imported: the library is left unchanged for it. */
export interface ImportError {
  file: string;
  message: string;
}

/** Raised by readers and stages with a message fit to show the user. */
export class ImportFailure extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFailure';
  }
}

/**
 * A DOCX that Huibian exported and a reviewer annotated in Word or WPS: recognised by the
 * document identifiers kept in its custom properties. Its comments go back onto the
 * existing documents instead of creating new cases.
 */
export interface ReviewImport {
  documentIds: string[];
  comments: Array<{
    documentId: string;
    /** The Word comment id, for diagnostics. */
    sourceId: string;
    author: string;
    date: string | null;
    text: string;
    /** The commented text as it stands in the reviewed file. */
    quote: string;
    resolved: boolean;
    /** Existing Huibian thread id when the comment went out from Huibian. */
    threadId: string | null;
    replies: Array<{ author: string; date: string | null; text: string }>;
  }>;
  /** Per document, what changed in the text since export (paragraph-level summary). */
  changes: Array<{ documentId: string; added: number; removed: number; changed: number; examples: string[] }>;
}
