/** Row shapes of the library file and their conversion to the model and API types. */
import type { CaseMeta, CaseStatus, CommentThread, HuibianDocument, NoticeAttachment, NoticeMeta, Region } from '../model/types.js';

/** One document in lists and the library tree (the API's DocSummary has this shape). */
export interface DocSummary {
  id: string;
  kind: 'case' | 'notice';
  title: string;
  subtitle: string | null;
  category: string | null;
  region: Region | null;
  award: string | null;
  unit: string | null;
  status: CaseStatus;
  year: number | null;
  organ: string | null;
  collectionId: string | null;
  position: number;
  charCount: number;
  openComments: number;
  updatedAt: string;
}

export interface DocumentRow {
  id: string;
  kind: 'case' | 'notice';
  collection_id: string | null;
  category: string | null;
  position: number;
  meta: string;
  body: string;
  attachments: string | null;
  title: string;
  subtitle: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  region_code: string | null;
  award: string | null;
  unit: string | null;
  status: CaseStatus;
  year: number | null;
  organ: string | null;
  char_count: number;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  content_hash: string | null;
}

export interface CollectionRow {
  id: string;
  title: string;
  subtitle: string | null;
  year: number | null;
  publisher: string | null;
  lead: string | null;
  credits: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CommentRow {
  id: string;
  document_id: string;
  quote: string;
  author: string;
  text: string;
  created_at: string;
  resolved: number;
}

export interface ReplyRow {
  id: string;
  thread_id: string;
  author: string;
  text: string;
  created_at: string;
}

export function rowToDocument(row: DocumentRow): HuibianDocument {
  const body = JSON.parse(row.body);
  if (row.kind === 'notice') {
    return {
      kind: 'notice',
      id: row.id,
      meta: JSON.parse(row.meta) as NoticeMeta,
      body,
      attachments: row.attachments ? (JSON.parse(row.attachments) as NoticeAttachment[]) : [],
    };
  }
  const meta = JSON.parse(row.meta) as CaseMeta;
  // The category column is authoritative (drag-and-drop and renames change it).
  return { kind: 'case', id: row.id, meta: { ...meta, category: row.category }, body };
}

export function rowRegion(row: Pick<DocumentRow, 'province' | 'city' | 'county' | 'region_code'>): Region | null {
  if (!row.province && !row.city && !row.county) return null;
  return { province: row.province, city: row.city, county: row.county, code: row.region_code };
}

/** A document row without its bodies, as list queries select it. */
export type SummaryRow = Omit<DocumentRow, 'meta' | 'body' | 'attachments' | 'deleted_at' | 'content_hash'> & { open_comments: number };

export function rowToSummary(row: SummaryRow): DocSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    subtitle: row.subtitle ?? null,
    category: row.category,
    region: rowRegion(row),
    award: row.award,
    unit: row.unit,
    status: row.status,
    year: row.year,
    organ: row.organ,
    collectionId: row.collection_id,
    position: row.position,
    charCount: row.char_count,
    openComments: row.open_comments ?? 0,
    updatedAt: row.updated_at,
  };
}

export function rowsToThread(row: CommentRow, replies: ReplyRow[]): CommentThread {
  return {
    id: row.id,
    documentId: row.document_id,
    quote: row.quote,
    author: row.author,
    text: row.text,
    createdAt: row.created_at,
    resolved: row.resolved === 1,
    replies: replies.map((r) => ({ id: r.id, author: r.author, text: r.text, createdAt: r.created_at })),
  };
}
