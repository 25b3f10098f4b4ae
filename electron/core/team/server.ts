/**
 * The team server: Hocuspocus with its database extension over PostgreSQL, token auth per
 * connection limited to the user's collections, and a write-ahead log of updates so that an
 * acknowledged change survives a crash (Hocuspocus acknowledges right after applying, before
 * its debounced store; beforeSync runs, awaited, before the apply).
 *
 * Document names: a collection's manifest is `<collectionId>`, a case `<collectionId>/<caseId>`.
 * One small HTTP route beside the WebSocket: POST /api/collections registers a collection a
 * user may share (bearer token), GET /api/collections lists those the user may open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server, type Hocuspocus } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import pg from 'pg';
import * as Y from 'yjs';
import { audit, collectionOf, loadDocument, logUpdate, migrate, storeDocument } from './pgstore.js';
import { mayOpen, userForToken, type TeamUser } from './users.js';

export interface TeamServerOptions {
  pgUrl: string;
  port?: number;
  /** Loopback unless told otherwise: TLS and exposure belong to a reverse proxy. */
  host?: string;
  /** Debounce of the compacting store, ms (the update log makes a long one safe). */
  debounce?: number;
  quiet?: boolean;
}

export interface TeamServer {
  url: string;
  httpUrl: string;
  port: number;
  pool: pg.Pool;
  hocuspocus: Hocuspocus;
  stop(): Promise<void>;
}

interface Context {
  user: TeamUser;
}

/** yjs sync message types (y-protocols/sync): step 2 and update carry document changes. */
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7) : null;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('请求过大');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

async function handleApi(pool: pg.Pool, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const user = await userForToken(pool, bearer(req));
  if (!user) return send(res, 401, { error: '令牌无效或已吊销' });
  if (req.method === 'GET') {
    const r = await pool.query<{ id: string; title: string }>('SELECT id, title FROM team_collections ORDER BY title');
    const open = [];
    for (const row of r.rows) if (await mayOpen(pool, user, row.id)) open.push(row);
    return send(res, 200, { user: user.name, collections: open });
  }
  if (req.method === 'POST') {
    const body = (await readJson(req)) as { id?: unknown; title?: unknown };
    if (typeof body.id !== 'string' || !/^[\w-]{1,80}$/.test(body.id) || typeof body.title !== 'string') {
      return send(res, 400, { error: '合集编号或标题无效' });
    }
    const allowed = user.collections.includes('*') || user.collections.includes(body.id) || user.collections.includes(body.title);
    if (!allowed) return send(res, 403, { error: '无权共享此合集' });
    await pool.query('INSERT INTO team_collections (id, title, created_by) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title', [
      body.id,
      body.title,
      user.name,
    ]);
    await audit(pool, user.name, body.id, 'share', { title: body.title });
    return send(res, 200, { id: body.id, title: body.title });
  }
  send(res, 405, { error: '不支持的请求' });
}

/** One 'edit' audit row per user and document per minute, counting the updates in it. */
const EDIT_AUDIT_MS = 60_000;

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const editing = new Map<string, { since: number; updates: number }>();
  const auditEdit = async (pool: pg.Pool, user: string | null, documentName: string): Promise<void> => {
    const key = `${user ?? ''}\u0000${documentName}`;
    const now = Date.now();
    const open = editing.get(key);
    if (open && now - open.since < EDIT_AUDIT_MS) {
      open.updates++;
      return;
    }
    editing.set(key, { since: now, updates: 1 });
    await audit(pool, user, documentName, 'edit', open ? { previousUpdates: open.updates } : undefined);
  };
  const pool = new pg.Pool({ connectionString: options.pgUrl, max: 10 });
  // An idle connection dropped by PostgreSQL (restart, failover) must not bring the server
  // down; the pool opens a new one for the next query.
  pool.on('error', (error) => {
    if (!options.quiet) console.error(`PostgreSQL 连接中断：${error.message}`);
  });
  await migrate(pool);
  const server = new Server<Context>({
    port: options.port ?? 0,
    address: options.host ?? '127.0.0.1',
    quiet: options.quiet ?? true,
    stopOnSignals: false,
    debounce: options.debounce ?? 2000,
    maxDebounce: 10_000,
    async onAuthenticate({ token, documentName }) {
      const user = await userForToken(pool, token);
      if (!user) {
        await audit(pool, null, documentName, 'refused', { reason: 'token' });
        throw new Error('令牌无效或已吊销');
      }
      if (!(await mayOpen(pool, user, collectionOf(documentName)))) {
        await audit(pool, user.name, documentName, 'refused', { reason: 'collection' });
        throw new Error('无权打开此合集');
      }
      await audit(pool, user.name, documentName, 'open');
      return { user };
    },
    async beforeSync({ type, payload, documentName, context }) {
      // An empty update (the "nothing new" reply of a sync) is two zero bytes.
      if ((type === SYNC_STEP2 || type === SYNC_UPDATE) && payload.length > 2) {
        await logUpdate(pool, documentName, context.user?.name ?? null, payload);
        await auditEdit(pool, context.user?.name ?? null, documentName);
      }
    },
    async onDisconnect({ documentName, context }) {
      await audit(pool, context.user?.name ?? null, documentName, 'close').catch(() => {});
    },
    async onRequest({ request, response }) {
      if (!request.url?.startsWith('/api/collections')) return;
      await handleApi(pool, request, response).catch((error: unknown) => send(response, 500, { error: String((error as Error).message) }));
      // Hocuspocus answers every request itself unless the hook rejects with null.
      throw null;
    },
    extensions: [
      new Database({
        fetch: async ({ documentName }) => await loadDocument(pool, documentName),
        store: async ({ documentName, state, document, lastContext }) => {
          const snapshot = Y.snapshot(document);
          const user = (lastContext as Partial<Context> | undefined)?.user?.name ?? null;
          await storeDocument(pool, documentName, state, snapshot, user);
          await audit(pool, user, documentName, 'store', { bytes: state.length });
        },
      }),
    ],
  });
  await server.listen();
  const port = server.address.port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `ws://${host}:${port}`,
    httpUrl: `http://${host}:${port}`,
    port,
    pool,
    hocuspocus: server.hocuspocus,
    async stop() {
      await server.destroy();
      await pool.end();
    },
  };
}
