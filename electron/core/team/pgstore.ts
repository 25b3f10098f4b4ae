/**
 * The team server's tables in PostgreSQL. Every update a client sends is written to
 * team_updates before the server applies and acknowledges it (server.ts, beforeSync), so a
 * crash loses nothing acknowledged; the debounced store writes the compacted state to
 * team_documents and drops the log rows that state contains. The log rows double as the
 * fine-grained audit: who sent which change to which document, and when.
 */
import pg from 'pg';
import * as Y from 'yjs';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS team_users (
  name        text PRIMARY KEY,
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE TABLE IF NOT EXISTS team_access (
  user_name   text NOT NULL REFERENCES team_users(name) ON DELETE CASCADE,
  collection  text NOT NULL,            -- a collection id or title, or '*' for every collection
  PRIMARY KEY (user_name, collection)
);
CREATE TABLE IF NOT EXISTS team_collections (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  created_by  text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS team_documents (
  name        text PRIMARY KEY,         -- 'collectionId' or 'collectionId/caseId'
  collection  text NOT NULL,
  state       bytea NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text
);
CREATE TABLE IF NOT EXISTS team_updates (
  id          bigserial PRIMARY KEY,
  document    text NOT NULL,
  user_name   text,
  update      bytea NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS team_updates_document ON team_updates (document, id);
CREATE TABLE IF NOT EXISTS team_audit (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  user_name   text,
  document    text,
  action      text NOT NULL,            -- open, refused, store, close, user-add, user-revoke
  detail      jsonb
);
`;

export async function migrate(pool: pg.Pool): Promise<void> {
  // Two servers starting at once on one database must not race on CREATE TABLE.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(774411)');
    await client.query(SCHEMA);
  } finally {
    await client.query('SELECT pg_advisory_unlock(774411)').catch(() => {});
    client.release();
  }
}

export function collectionOf(documentName: string): string {
  const slash = documentName.indexOf('/');
  return slash < 0 ? documentName : documentName.slice(0, slash);
}

export async function audit(pool: pg.Pool, user: string | null, document: string | null, action: string, detail?: unknown): Promise<void> {
  await pool.query('INSERT INTO team_audit (user_name, document, action, detail) VALUES ($1, $2, $3, $4)', [
    user,
    document,
    action,
    detail === undefined ? null : JSON.stringify(detail),
  ]);
}

export async function logUpdate(pool: pg.Pool, document: string, user: string | null, update: Uint8Array): Promise<void> {
  await pool.query('INSERT INTO team_updates (document, user_name, update) VALUES ($1, $2, $3)', [document, user, Buffer.from(update)]);
}

/** The stored state with every logged update after it, merged; null for a new document. */
export async function loadDocument(pool: pg.Pool, name: string): Promise<Uint8Array | null> {
  const state = await pool.query<{ state: Buffer }>('SELECT state FROM team_documents WHERE name = $1', [name]);
  const updates = await pool.query<{ update: Buffer }>('SELECT update FROM team_updates WHERE document = $1 ORDER BY id', [name]);
  const parts = [...state.rows.map((r) => r.state), ...updates.rows.map((r) => r.update)].map((b) => new Uint8Array(b));
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}

/**
 * Write the compacted state and drop the logged updates it already contains. `snapshot`
 * is taken from the live document at the moment `state` was encoded: an update logged but
 * not yet applied is not in it and stays in the log.
 */
export async function storeDocument(pool: pg.Pool, name: string, state: Uint8Array, snapshot: Y.Snapshot, by: string | null): Promise<void> {
  await transaction(pool, async (client) => {
    await client.query(
      `INSERT INTO team_documents (name, collection, state, updated_at, updated_by) VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [name, collectionOf(name), Buffer.from(state), by],
    );
    const logged = await client.query<{ id: string; update: Buffer }>('SELECT id, update FROM team_updates WHERE document = $1', [name]);
    const contained = logged.rows.filter((r) => Y.snapshotContainsUpdate(snapshot, new Uint8Array(r.update))).map((r) => r.id);
    if (contained.length) await client.query('DELETE FROM team_updates WHERE id = ANY($1::bigint[])', [contained]);
  });
}

/** `run` inside BEGIN … COMMIT on one pooled connection; anything it throws rolls back. */
export async function transaction<T>(pool: pg.Pool, run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await run(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
