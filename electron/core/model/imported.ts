/**
 * What the importer hands to the store: one ImportedFile per input file. The store turns
 * `cases` into case documents and `notice` into a notice document in one transaction.
 */
import type { Block, CaseMeta, NoticeDocument } from './types.js';

/** How the importer classified a whole draft (stage 2, "recognise the kind"). */
export type DraftKind = 'case-list' | 'feature' | 'single-case' | 'notice' | 'award-list';

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
  /** A portal's information table (索引号, 发文机构, 发文字号, 成文日期, 发布日期 …), labels canonicalised. */
  table?: Record<string, string>;
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
  /** Hash of the case's title and text with spacing and punctuation removed: the same case imported again has the same one. */
  fingerprint?: string;
  /**
   * Set when the import preview merged, split or added to the case: the store's fingerprints
   * (store/fingerprint.ts) of the case or cases as the draft gave them, kept with what is stored,
   * so the same file imported again is known by them.
   */
  drafted?: string[];
}

export interface ImportedFile {
  /** The file's base name as given. */
  file: string;
  /** The reader that read it ("txt", "html", "docx", "doc", "md"). */
  format: string;
  /** Detected text encoding for text formats ("UTF-8", "GB18030", "UTF-16LE", "Big5"). */
  encoding?: string;
  /** SHA-256 of the file's bytes: the same file imported again has the same hash. */
  contentHash?: string;
  /** 'traditional' when the draft is written in traditional characters (kept as written unless converted). */
  script?: 'traditional';
  kind: DraftKind;
  info: DraftInfo;
  cases: ImportedCase[];
  /** `drafted`: as on a case, the notice's print as the draft gave it, once the preview put a line back into it. */
  notice?: (Omit<NoticeDocument, 'id'> & { drafted?: string[] }) | null;
  /** Lines removed as page furniture, in order, for the import preview. */
  dropped: string[];
  /** Every caption found in the file, in order (including ones outside any case). */
  captions: string[];
  warnings: string[];
}

/** A file that could not be imported: the library is left unchanged for it. */
export interface ImportError {
  file: string;
  /** For the user, in Chinese. */
  message: string;
  /** The importer's English note on the same failure, for logs and `--json`. */
  detail?: string;
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
