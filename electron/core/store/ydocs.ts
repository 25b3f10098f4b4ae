/**
 * Each shared case's compacted Yjs state beside its model row (schema 6, team_ydocs): the
 * local replica a desktop client keeps working on offline and merges on reconnect, and the
 * link from a library document to its team document name.
 */
import type Database from 'better-sqlite3';

export interface TeamDocRow {
  documentId: string;
  teamName: string;
  state: Uint8Array;
  updatedAt: string;
}

export class TeamDocs {
  constructor(private readonly db: Database.Database) {}

  get(documentId: string): TeamDocRow | null {
    const row = this.db
      .prepare('SELECT document_id, team_name, state, updated_at FROM team_ydocs WHERE document_id = ?')
      .get(documentId) as { document_id: string; team_name: string; state: Buffer; updated_at: string } | undefined;
    return row ? { documentId: row.document_id, teamName: row.team_name, state: new Uint8Array(row.state), updatedAt: row.updated_at } : null;
  }

  byTeamName(teamName: string): TeamDocRow | null {
    const row = this.db.prepare('SELECT document_id FROM team_ydocs WHERE team_name = ?').get(teamName) as { document_id: string } | undefined;
    return row ? this.get(row.document_id) : null;
  }

  /** Documents linked to a team collection (names `<collectionId>/…`). */
  inCollection(teamCollection: string): TeamDocRow[] {
    const rows = this.db
      .prepare("SELECT document_id FROM team_ydocs WHERE team_name LIKE ? ESCAPE '\\' ORDER BY team_name")
      .all(`${teamCollection.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`) as Array<{ document_id: string }>;
    return rows.map((r) => this.get(r.document_id)!).filter(Boolean);
  }

  put(documentId: string, teamName: string, state: Uint8Array): void {
    this.db
      .prepare(
        `INSERT INTO team_ydocs (document_id, team_name, state, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(document_id) DO UPDATE SET team_name = excluded.team_name, state = excluded.state, updated_at = excluded.updated_at`,
      )
      .run(documentId, teamName, Buffer.from(state), new Date().toISOString());
  }
}

export const TEAM_YDOCS_SQL = `
CREATE TABLE team_ydocs (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  team_name   TEXT NOT NULL UNIQUE,
  state       BLOB NOT NULL,
  updated_at  TEXT NOT NULL
);`;
