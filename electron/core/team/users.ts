/**
 * Team users and their tokens. A token is 32 random bytes shown once; the server keeps only
 * its SHA-256 (a token is random, not a password, so a slow hash adds nothing and an indexed
 * lookup stays possible). Access is a list of collection ids or titles, or '*'.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { audit, transaction } from './pgstore.js';

export interface TeamUser {
  name: string;
  collections: string[];
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class TeamUserError extends Error {}

export async function addUser(pool: pg.Pool, name: string, collections: string[]): Promise<string> {
  if (!name.trim()) throw new TeamUserError('用户名不能为空');
  const token = `hbt_${randomBytes(32).toString('base64url')}`;
  await transaction(pool, async (client) => {
    const existing = await client.query('SELECT revoked_at FROM team_users WHERE name = $1', [name]);
    if (existing.rows.length && existing.rows[0].revoked_at === null) throw new TeamUserError(`用户「${name}」已存在`);
    await client.query(
      `INSERT INTO team_users (name, token_hash) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET token_hash = EXCLUDED.token_hash, revoked_at = NULL, created_at = now()`,
      [name, hashToken(token)],
    );
    await client.query('DELETE FROM team_access WHERE user_name = $1', [name]);
    for (const c of collections.length ? collections : ['*']) {
      await client.query('INSERT INTO team_access (user_name, collection) VALUES ($1, $2) ON CONFLICT DO NOTHING', [name, c]);
    }
  });
  await audit(pool, null, null, 'user-add', { name, collections });
  return token;
}

export async function revokeUser(pool: pg.Pool, name: string): Promise<boolean> {
  const r = await pool.query('UPDATE team_users SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL', [name]);
  if (r.rowCount) await audit(pool, null, null, 'user-revoke', { name });
  return (r.rowCount ?? 0) > 0;
}

/** The user a token belongs to, or null for an unknown or revoked token. */
export async function userForToken(pool: pg.Pool, token: string | null | undefined): Promise<TeamUser | null> {
  if (!token) return null;
  const hash = hashToken(token);
  const r = await pool.query<{ name: string; token_hash: string }>(
    'SELECT name, token_hash FROM team_users WHERE token_hash = $1 AND revoked_at IS NULL',
    [hash],
  );
  const row = r.rows[0];
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return null;
  const access = await pool.query<{ collection: string }>('SELECT collection FROM team_access WHERE user_name = $1', [row.name]);
  return { name: row.name, collections: access.rows.map((a) => a.collection) };
}

/** May `user` open documents of collection `id`? By id, by the collection's title, or '*'. */
export async function mayOpen(pool: pg.Pool, user: TeamUser, id: string): Promise<boolean> {
  if (user.collections.includes('*') || user.collections.includes(id)) return true;
  const r = await pool.query<{ title: string }>('SELECT title FROM team_collections WHERE id = $1', [id]);
  return r.rows.some((row) => user.collections.includes(row.title));
}
