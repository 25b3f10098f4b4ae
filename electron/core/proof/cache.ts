/**
 * Each document's findings kept in the library (proof_cache, schema 9), keyed by a hash of what
 * the rules read — its segments: kinds, levels, roles and text — and the rule book's version. An
 * export then proofs only the documents changed since they were last proofed; decisions are
 * not kept here but applied fresh to the findings each time (withDecisions). The key is made
 * in gate.ts; this module imports no rule, so the store's migrations can load it cheaply.
 */
import type Database from 'better-sqlite3';
import type { Finding } from './types.js';

/** Where proofCollection keeps findings between runs. */
export interface FindingsCache {
  get(documentId: string, key: string): Finding[] | undefined;
  put(documentId: string, key: string, findings: readonly Finding[]): void;
  /** Writes what was put; called once at the end of a collection. */
  flush(): void;
}

interface Row {
  key: string;
  findings: string;
}

/** The library's cache: read one row per document, the new rows written in one transaction. */
export function libraryFindingsCache(db: Database.Database): FindingsCache {
  const select = db.prepare('SELECT key, findings FROM proof_cache WHERE document_id = ?');
  const pending: Array<[string, string, string]> = [];
  return {
    get(documentId, key) {
      const row = select.get(documentId) as Row | undefined;
      return row && row.key === key ? (JSON.parse(row.findings) as Finding[]) : undefined;
    },
    put(documentId, key, findings) {
      pending.push([documentId, key, JSON.stringify(findings)]);
    },
    flush() {
      if (!pending.length) return;
      const upsert = db.prepare(
        `INSERT INTO proof_cache (document_id, key, findings) VALUES (?, ?, ?)
         ON CONFLICT(document_id) DO UPDATE SET key = excluded.key, findings = excluded.findings`,
      );
      try {
        db.transaction(() => {
          for (const row of pending) upsert.run(...row);
        })();
      } catch {
        // A library another process holds locked, or a read-only file: the findings are only
        // kept to save time, and the next export proofs these documents again.
      }
      pending.length = 0;
    },
  };
}

/**
 * The migration step that creates the table (registered in store/migrations.ts). One row per
 * document id, replaced when its text changes, so it holds no more rows than documents
 * proofed; not tied to documents by a foreign key because a collection's 导语 is proofed
 * under an id of its own (`<collection>:lead`).
 */
export const PROOF_CACHE_SQL = `
  CREATE TABLE proof_cache (
    document_id TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    findings TEXT NOT NULL
  );
`;

/**
 * Forgets a document's findings (or a collection's 导语's, under `<collection>:lead`) when it is
 * removed for good: the table has no foreign key, so nothing else takes its rows away.
 */
export const PROOF_CACHE_FORGET = 'DELETE FROM proof_cache WHERE document_id = ?';

/** The rows of documents and collections already removed (libraries written before schema 10). */
export const PROOF_CACHE_ORPHANS = `
  DELETE FROM proof_cache
  WHERE document_id NOT IN (SELECT id FROM documents)
    AND document_id NOT IN (SELECT id || ':lead' FROM collections)
`;
