/**
 * The editorial lifecycle 初稿 → 修改 → 定稿 → 已报送. Each change records who, when and why
 * (status_changes) and takes a revision snapshot. 定稿 and 已报送 lock a case's text and
 * metadata; leaving them (重新打开) needs a reason, which is logged like any change.
 */
import { LOCKED_STATUSES, STATUS_LABELS } from '../model/schema.js';
import type { CaseStatus } from '../model/types.js';
import { now, type Connection } from './connection.js';
import { StoreError } from './errors.js';
import type { Documents } from './documents.js';
import type { Revisions } from './revisions.js';
import type { DocumentRow } from './rows.js';

export interface StatusChange {
  id: number;
  documentId: string;
  from: CaseStatus;
  to: CaseStatus;
  who: string;
  reason: string | null;
  at: string;
}

/** A document setStatus left alone: a notice (no lifecycle), or a case that already had the status. */
export interface StatusSkip {
  id: string;
  reason: 'notice' | 'unchanged';
}

export function isLocked(status: CaseStatus): boolean {
  return LOCKED_STATUSES.includes(status);
}

/** The refusal a locked case gives any edit: the code the UI and the loopback server (HTTP 409) key on. */
export function lockedError(row: Pick<DocumentRow, 'title' | 'status'>): StoreError {
  return new StoreError(
    'locked',
    `《${row.title}》已${STATUS_LABELS[row.status]}，正文和元数据已锁定：如需修改，请先“重新打开”并填写原因。`,
  );
}

export class Lifecycle {
  constructor(
    private readonly c: Connection,
    private readonly documents: Documents,
    private readonly revisions: Revisions,
  ) {}

  /** Refuses an edit of a locked case. */
  guard = (row: DocumentRow): void => {
    if (row.kind === 'case' && isLocked(row.status)) throw lockedError(row);
  };

  /**
   * Sets the status of several cases in one transaction (all change, or none). Notices (they
   * have no lifecycle) and cases that already have the status are left alone and listed in
   * `skipped`; reopening a locked case without a reason is refused.
   */
  setStatus(ids: string[], to: CaseStatus, by: { who: string; reason?: string | null }): { changed: string[]; skipped: StatusSkip[] } {
    const reason = by.reason?.trim() || null;
    return this.c.tx(() => {
      const changed: string[] = [];
      const skipped: StatusSkip[] = [];
      for (const id of ids) {
        const row = this.documents.row(id);
        if (row.kind !== 'case') {
          skipped.push({ id, reason: 'notice' });
          continue;
        }
        if (row.status === to) {
          skipped.push({ id, reason: 'unchanged' });
          continue;
        }
        if (isLocked(row.status) && !isLocked(to) && !reason) {
          throw new StoreError('invalid-input', `《${row.title}》已${STATUS_LABELS[row.status]}：重新打开需要填写原因（reason）。`);
        }
        const t = now();
        this.c
          .sql(`UPDATE documents SET status = ?, revision = revision + 1, updated_at = ? WHERE id = ?`)
          .run(to, t, id);
        this.c.sql(`UPDATE document_content SET meta = json_set(meta, '$.status', ?) WHERE document_id = ?`).run(to, id);
        this.c
          .sql('INSERT INTO status_changes (document_id, from_status, to_status, who, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(id, row.status, to, by.who, reason, t);
        const note = `状态：${STATUS_LABELS[row.status]} → ${STATUS_LABELS[to]}（${by.who}${reason ? `：${reason}` : ''}）`;
        this.revisions.snapshot(this.documents.row(id), false, note);
        changed.push(id);
      }
      return { changed, skipped };
    });
  }

  history(documentId: string): StatusChange[] {
    const rows = this.c
      .sql('SELECT id, document_id, from_status, to_status, who, reason, created_at FROM status_changes WHERE document_id = ? ORDER BY id')
      .all(documentId) as Array<{ id: number; document_id: string; from_status: CaseStatus; to_status: CaseStatus; who: string; reason: string | null; created_at: string }>;
    return rows.map((r) => ({ id: r.id, documentId: r.document_id, from: r.from_status, to: r.to_status, who: r.who, reason: r.reason, at: r.created_at }));
  }

  /** Cases per status among the live documents a list would show. */
  counts(where: { where: string; values: unknown[] }): Record<CaseStatus, number> {
    const out: Record<CaseStatus, number> = { draft: 0, review: 0, final: 0, submitted: 0 };
    const rows = this.c
      .sql(`SELECT d.status, COUNT(*) AS n FROM documents d WHERE ${where.where} AND d.kind = 'case' GROUP BY d.status`)
      .all(...where.values) as Array<{ status: CaseStatus; n: number }>;
    for (const r of rows) out[r.status] = r.n;
    return out;
  }
}
