/**
 * Decisions on sensitive findings (mask / keep, with a reason), one row per document, rule and
 * text in the library's proof_decisions table. Kept beside the document rather than in its
 * metadata so the model stays what writers read; the export report lists them.
 */
import type Database from 'better-sqlite3';
import type { DecisionAction, ProofDecision } from './types.js';

interface Row {
  document_id: string;
  rule: string;
  text: string;
  action: DecisionAction;
  reason: string;
  decided_at: string;
}

const toDecision = (row: Row): ProofDecision => ({ rule: row.rule, text: row.text, action: row.action, reason: row.reason, decidedAt: row.decided_at });

export function decisionsFor(db: Database.Database, documentIds: readonly string[]): Map<string, ProofDecision[]> {
  const out = new Map<string, ProofDecision[]>();
  if (!documentIds.length) return out;
  const select = db.prepare('SELECT * FROM proof_decisions WHERE document_id = ? ORDER BY decided_at');
  for (const id of documentIds) {
    const rows = select.all(id) as Row[];
    if (rows.length) out.set(id, rows.map(toDecision));
  }
  return out;
}

export function recordDecision(db: Database.Database, documentId: string, decision: ProofDecision): void {
  db.prepare(
    `INSERT INTO proof_decisions (document_id, rule, text, action, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(document_id, rule, text) DO UPDATE SET action = excluded.action, reason = excluded.reason, decided_at = excluded.decided_at`,
  ).run(documentId, decision.rule, decision.text, decision.action, decision.reason, decision.decidedAt);
}

/** The migration step that creates the table (registered at the end of store/migrations.ts). */
export const PROOF_DECISIONS_SQL = `
  CREATE TABLE proof_decisions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    text TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('mask', 'keep')),
    reason TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (document_id, rule, text)
  );
`;
