/**
 * Merging two records of one case, and undoing it. A merge moves the source's comment threads
 * and revisions onto the target, fills the target's empty fields from the source (and appends
 * its text when asked), and puts the source in the trash. What moved is recorded (merges), so
 * that restoring the source from the trash is an undo: its threads and revisions come back to
 * it, and the target gets its pre-merge text back unless it has been changed since.
 */
import type { Block, CaseMeta } from '../model/types.js';
import { now, type Connection } from './connection.js';
import { StoreError } from './errors.js';
import type { Comments } from './comments.js';
import type { Documents } from './documents.js';
import type { Revisions } from './revisions.js';
import type { DocumentRow } from './rows.js';
import type { Trash } from './trash.js';

export const MERGES_SQL = `
  CREATE TABLE merges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    target_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    -- the source's trash time stamp: restoring that deletion is the undo
    deleted_at TEXT NOT NULL,
    comment_ids TEXT NOT NULL,      -- JSON string[]: threads moved to the target
    revision_ids TEXT NOT NULL,     -- JSON number[]: revisions moved to the target
    target_revision INTEGER NOT NULL, -- the target's revision right after the merge
    target_meta TEXT NOT NULL,      -- the target before the merge
    target_body TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX merges_source ON merges(source_id, deleted_at);
`;

/** What restoring a merged source gave back. */
export interface MergeUndo {
  sourceId: string;
  targetId: string;
  commentsBack: number;
  revisionsBack: number;
  /** The target's text and fields are as before the merge (false: it was edited since, so it keeps its text). */
  targetReverted: boolean;
}

interface MergeRow {
  id: number;
  source_id: string;
  target_id: string;
  comment_ids: string;
  revision_ids: string;
  target_revision: number;
  target_meta: string;
  target_body: string;
}

export class Merges {
  constructor(
    private readonly c: Connection,
    private readonly documents: Documents,
    private readonly comments: Comments,
    private readonly revisions: Revisions,
    private readonly trash: Trash,
    private readonly guard: (row: DocumentRow) => void,
  ) {}

  merge(targetId: string, sourceId: string, options: { append?: boolean } = {}): void {
    if (targetId === sourceId) throw new StoreError('invalid-input', '不能把一个案例与它自己合并：请选择另一个案例。');
    this.c.tx(() => {
      const target = this.documents.row(targetId);
      const source = this.documents.row(sourceId);
      if (target.kind !== 'case' || source.kind !== 'case') throw new StoreError('invalid-input', '只有案例可以合并：通知不能合并。');
      this.guard(target);
      this.guard(source);
      const targetMeta = JSON.parse(target.meta) as Record<string, unknown>;
      const sourceMeta = JSON.parse(source.meta) as Record<string, unknown>;
      for (const [key, value] of Object.entries(sourceMeta)) {
        if ((targetMeta[key] === undefined || targetMeta[key] === null || targetMeta[key] === '') && value !== null && value !== undefined) targetMeta[key] = value;
      }
      const body = JSON.parse(target.body) as Block[];
      if (options.append) body.push(...(JSON.parse(source.body) as Block[]));
      const commentIds = (this.c.sql('SELECT id FROM comments WHERE document_id = ?').all(sourceId) as Array<{ id: string }>).map((r) => r.id);
      const revisionIds = (this.c.sql('SELECT id FROM revisions WHERE document_id = ?').all(sourceId) as Array<{ id: number }>).map((r) => r.id);
      this.comments.reassign(sourceId, targetId);
      this.revisions.reassign(sourceId, targetId);
      this.documents.write(target, targetMeta as unknown as CaseMeta, body, null);
      this.revisions.snapshot(this.documents.row(targetId), false, `合并《${source.title}》${options.append ? '（正文附在后面）' : ''}`);
      const deletedAt = this.trash.deleteDocuments([sourceId]);
      this.c
        .sql(
          `INSERT INTO merges (source_id, target_id, deleted_at, comment_ids, revision_ids, target_revision, target_meta, target_body, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(sourceId, targetId, deletedAt, JSON.stringify(commentIds), JSON.stringify(revisionIds), this.documents.row(targetId).revision, target.meta, target.body, now());
    });
  }

  /** `target` and every case it has since been merged into, in turn, while those merges stand. */
  private holders(target: string): Set<string> {
    const out = new Set<string>();
    for (let at: string | null = target; at && !out.has(at); ) {
      out.add(at);
      const row = this.c.sql('SELECT deleted_at FROM documents WHERE id = ?').get(at) as { deleted_at: string | null } | undefined;
      at = row?.deleted_at ? this.mergedInto(at, row.deleted_at) : null;
    }
    return out;
  }

  /** The case a trashed document was merged into, if its deletion was a merge. */
  mergedInto(sourceId: string, deletedAt: string): string | null {
    const row = this.c.sql('SELECT target_id FROM merges WHERE source_id = ? AND deleted_at = ? ORDER BY id DESC LIMIT 1').get(sourceId, deletedAt) as
      | { target_id: string }
      | undefined;
    return row?.target_id ?? null;
  }

  /**
   * Undoes the merge that put `source` in the trash (call inside the restore's transaction,
   * before its deleted_at is cleared); null when its deletion was not a merge.
   */
  undo = (source: DocumentRow): MergeUndo | null => {
    if (!source.deleted_at) return null;
    const m = this.c.sql('SELECT * FROM merges WHERE source_id = ? AND deleted_at = ? ORDER BY id DESC LIMIT 1').get(source.id, source.deleted_at) as
      | MergeRow
      | undefined;
    if (!m) return null;
    // from the target, or from where the target has itself been merged since (a chain of merges);
    // what another undo has already given back to its owner stays there
    const holders = this.holders(m.target_id);
    let commentsBack = 0;
    const commentOwner = this.c.sql('SELECT document_id FROM comments WHERE id = ?');
    const moveComment = this.c.sql('UPDATE comments SET document_id = ? WHERE id = ?');
    for (const id of JSON.parse(m.comment_ids) as string[]) {
      const at = commentOwner.get(id) as { document_id: string } | undefined;
      if (at && holders.has(at.document_id)) commentsBack += moveComment.run(source.id, id).changes;
    }
    let revisionsBack = 0;
    const revisionOwner = this.c.sql('SELECT document_id FROM revisions WHERE id = ?');
    const moveRevision = this.c.sql('UPDATE revisions SET document_id = ? WHERE id = ?');
    for (const id of JSON.parse(m.revision_ids) as number[]) {
      const at = revisionOwner.get(id) as { document_id: string } | undefined;
      if (at && holders.has(at.document_id)) revisionsBack += moveRevision.run(source.id, id).changes;
    }
    // the target gets its own text back only if nobody has touched it since (no edit would be lost)
    const target = this.c.sql('SELECT revision, deleted_at FROM documents WHERE id = ?').get(m.target_id) as { revision: number; deleted_at: string | null } | undefined;
    const targetReverted = Boolean(target && !target.deleted_at && target.revision === m.target_revision);
    if (targetReverted) {
      const row = this.documents.row(m.target_id);
      // a move (which keeps the revision) may have put it in another section since: it stays there
      const meta = { ...(JSON.parse(m.target_meta) as CaseMeta), category: row.category };
      this.documents.write(row, meta, JSON.parse(m.target_body) as Block[], null);
      this.revisions.snapshot(this.documents.row(m.target_id), false, `撤销合并《${source.title}》`);
    }
    this.c.sql('DELETE FROM merges WHERE id = ?').run(m.id);
    return { sourceId: source.id, targetId: m.target_id, commentsBack, revisionsBack, targetReverted };
  };
}
