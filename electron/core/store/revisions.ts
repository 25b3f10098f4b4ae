/**
 * Snapshots of a document's text and metadata. An explicit save, a restore and a status
 * change each keep one; consecutive autosaves share one row that moves with the typing.
 */
import type { Connection } from './connection.js';
import { StoreError } from './errors.js';
import type { DocumentRow } from './rows.js';

export interface RevisionSummary {
  id: number;
  createdAt: string;
  title: string;
  charCount: number;
  autosave: boolean;
  /** Why the snapshot was taken, when it was not an edit: e.g. "状态：定稿（审定通过）". */
  note: string | null;
}

export interface RevisionContent {
  meta: string;
  body: string;
  attachments: string | null;
}

export class Revisions {
  constructor(private readonly c: Connection) {}

  /** Snapshots the row as just written (call inside the transaction that wrote it). */
  snapshot(row: DocumentRow, autosave: boolean, note: string | null = null): void {
    const latest = this.c.sql('SELECT id, autosave FROM revisions WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(row.id) as
      | { id: number; autosave: number }
      | undefined;
    if (autosave && latest?.autosave === 1) {
      this.c
        .sql('UPDATE revisions SET created_at = ?, title = ?, char_count = ?, meta = ?, body = ?, attachments = ? WHERE id = ?')
        .run(row.updated_at, row.title, row.char_count, row.meta, row.body, row.attachments, latest.id);
      return;
    }
    this.c
      .sql(
        'INSERT INTO revisions (document_id, created_at, autosave, title, char_count, meta, body, attachments, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(row.id, row.updated_at, autosave ? 1 : 0, row.title, row.char_count, row.meta, row.body, row.attachments, note);
  }

  list(documentId: string): RevisionSummary[] {
    const rows = this.c
      .sql('SELECT id, created_at, title, char_count, autosave, note FROM revisions WHERE document_id = ? ORDER BY id DESC')
      .all(documentId) as Array<{ id: number; created_at: string; title: string; char_count: number; autosave: number; note: string | null }>;
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, title: r.title, charCount: r.char_count, autosave: r.autosave === 1, note: r.note }));
  }

  content(documentId: string, revisionId: number): RevisionContent {
    const rev = this.c.sql('SELECT meta, body, attachments FROM revisions WHERE id = ? AND document_id = ?').get(revisionId, documentId) as
      | RevisionContent
      | undefined;
    if (!rev) throw new StoreError('not-found', `这篇文档没有第 ${revisionId} 号修订：请刷新修订列表后重试。`);
    return rev;
  }

  /** Moves every revision of `from` onto `to` (merging two cases keeps both histories). */
  reassign(from: string, to: string): void {
    this.c.sql('UPDATE revisions SET document_id = ? WHERE document_id = ?').run(to, from);
  }
}
