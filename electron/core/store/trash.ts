/**
 * Deleting is undoable: documents and collections go to the trash (deleted_at) and come back
 * with restore; only emptying the trash removes them for good. A collection and the cases
 * deleted with it share one time stamp, so restoring the collection brings back exactly those.
 * Trashed documents leave the search index and every list, tree, bundle and count.
 *
 * Purge policy: whatever has been in the trash for more than TRASH_RETENTION_DAYS (30) days is
 * removed for good when the library is opened (LibraryOptions.trashRetentionDays changes the
 * period; null keeps the trash until it is emptied). trash.list gives each item's purgeAt, so
 * the UI can say when that happens. Rows the schema-4 upgrade refused wait in the trash too.
 */
import type { CaseStatus } from '../model/types.js';
import { now, type Connection } from './connection.js';
import { StoreError } from './errors.js';
import type { Collections } from './collections.js';
import type { Documents } from './documents.js';
import { indexDocument, unindexDocument } from './search.js';
import type { DocumentRow } from './rows.js';
import { PROOF_CACHE_FORGET } from '../proof/cache.js';

/** How long an item stays in the trash before opening the library purges it. */
export const TRASH_RETENTION_DAYS = 30;
const DAY_MS = 24 * 3_600_000;

export interface TrashedDocument {
  id: string;
  kind: 'case' | 'notice';
  title: string;
  status: CaseStatus;
  collectionId: string | null;
  deletedAt: string;
  /** When the library, opened after this moment, removes it for good; null: kept until the trash is emptied. */
  purgeAt: string | null;
  /** The case it was merged into, when its deletion was a merge (restoring it undoes the merge). */
  mergedInto: string | null;
}

export interface TrashedCollection {
  id: string;
  title: string;
  deletedAt: string;
  purgeAt: string | null;
  /** Documents deleted with it. */
  documentCount: number;
}

export class Trash {
  /** Set by the library: undoes the merge a document's deletion was part of (merges.ts). */
  undoMerge: (row: DocumentRow) => unknown = () => null;
  /** Set by the library: the case a trashed document was merged into. */
  mergedInto: (id: string, deletedAt: string) => string | null = () => null;

  constructor(
    private readonly c: Connection,
    private readonly documents: Documents,
    private readonly collections: Collections,
    /** Days an item stays in the trash; null: until emptied. */
    private readonly retentionDays: number | null = TRASH_RETENTION_DAYS,
  ) {}

  private purgeAt(deletedAt: string): string | null {
    return this.retentionDays === null ? null : new Date(Date.parse(deletedAt) + this.retentionDays * DAY_MS).toISOString();
  }

  deleteDocuments(ids: string[]): string {
    const t = now();
    this.c.tx(() => {
      for (const id of ids) {
        this.documents.row(id);
        this.c.sql('UPDATE documents SET deleted_at = ? WHERE id = ?').run(t, id);
        unindexDocument(this.c.db, id);
      }
    });
    return t;
  }

  /** Brings documents back; one whose collection is in the trash comes back with that collection. */
  restoreDocuments(ids: string[]): string[] {
    return this.c.tx(() => {
      for (const id of ids) {
        const row = this.documents.row(id, true);
        if (!row.deleted_at) continue;
        this.undoMerge(row);
        if (row.collection_id) {
          const collection = this.collections.row(row.collection_id, true);
          if (collection.deleted_at) this.c.sql('UPDATE collections SET deleted_at = NULL WHERE id = ?').run(collection.id);
        }
        this.c.sql('UPDATE documents SET deleted_at = NULL WHERE id = ?').run(id);
        const columns = this.documents.columnsOf(row.kind, JSON.parse(row.meta), JSON.parse(row.body), row.attachments ? JSON.parse(row.attachments) : null);
        // it keeps the position it had: an undo puts things back where they were
        indexDocument(this.c.db, id, columns.title, columns.text);
      }
      return ids;
    });
  }

  deleteCollection(id: string): string {
    this.collections.row(id);
    const t = now();
    this.c.tx(() => {
      const docs = this.c.sql('SELECT id FROM documents WHERE collection_id = ? AND deleted_at IS NULL').all(id) as Array<{ id: string }>;
      for (const d of docs) unindexDocument(this.c.db, d.id);
      this.c.sql('UPDATE documents SET deleted_at = ? WHERE collection_id = ? AND deleted_at IS NULL').run(t, id);
      this.c.sql('UPDATE collections SET deleted_at = ? WHERE id = ?').run(t, id);
    });
    return t;
  }

  restoreCollection(id: string): void {
    const row = this.collections.row(id, true);
    if (!row.deleted_at) return;
    this.c.tx(() => {
      const docs = this.c.sql('SELECT id FROM documents WHERE collection_id = ? AND deleted_at = ?').all(id, row.deleted_at) as Array<{ id: string }>;
      this.c.sql('UPDATE collections SET deleted_at = NULL WHERE id = ?').run(id);
      this.restoreDocuments(docs.map((d) => d.id));
    });
  }

  list(): { documents: TrashedDocument[]; collections: TrashedCollection[] } {
    const documents = (
      this.c
        .sql('SELECT id, kind, title, status, collection_id, deleted_at FROM documents WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, title')
        .all() as Array<{ id: string; kind: 'case' | 'notice'; title: string; status: CaseStatus; collection_id: string | null; deleted_at: string }>
    ).map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      status: r.status,
      collectionId: r.collection_id,
      deletedAt: r.deleted_at,
      purgeAt: this.purgeAt(r.deleted_at),
      mergedInto: this.mergedInto(r.id, r.deleted_at),
    }));
    const collections = (
      this.c
        .sql(
          `SELECT l.id, l.title, l.deleted_at, (SELECT COUNT(*) FROM documents d WHERE d.collection_id = l.id AND d.deleted_at = l.deleted_at) AS n
           FROM collections l WHERE l.deleted_at IS NOT NULL ORDER BY l.deleted_at DESC`,
        )
        .all() as Array<{ id: string; title: string; deleted_at: string; n: number }>
    ).map((r) => ({ id: r.id, title: r.title, deletedAt: r.deleted_at, purgeAt: this.purgeAt(r.deleted_at), documentCount: r.n }));
    return { documents, collections };
  }

  /** Removes everything in the trash (or only what was deleted before `before`) for good. */
  empty(before?: string): number {
    return this.c.tx(() => {
      const cutoff = before ?? '9999';
      const docs = this.c.sql('SELECT id FROM documents WHERE deleted_at IS NOT NULL AND deleted_at < ?').all(cutoff) as Array<{ id: string }>;
      for (const d of docs) this.documents.purge(d.id);
      const cols = this.c.sql('SELECT id FROM collections WHERE deleted_at IS NOT NULL AND deleted_at < ?').all(cutoff) as Array<{ id: string }>;
      for (const l of cols) {
        this.c.sql('DELETE FROM collections WHERE id = ?').run(l.id);
        this.c.sql(PROOF_CACHE_FORGET).run(`${l.id}:lead`);
      }
      return docs.length + cols.length;
    });
  }

  /**
   * The purge policy: removes what has been in the trash longer than the retention period as
   * of `at` (the library's clock by default); returns how many documents and collections went.
   */
  purgeExpired(at: Date = new Date(now())): number {
    if (this.retentionDays === null) return 0;
    return this.empty(new Date(at.getTime() - this.retentionDays * DAY_MS).toISOString());
  }

  /** Refuses to act on something that is in the trash. */
  assertLive(id: string): void {
    const row = this.documents.row(id, true);
    if (row.deleted_at) throw new StoreError('not-found', `《${row.title}》在回收站中：请先恢复它。`);
  }
}
