/**
 * Publishing a library collection to a team server and bringing one down, through the API
 * table (so the library's rules and validation apply) and the real provider. A collection's
 * manifest is the Yjs document `<collectionId>` (its title, sections and the case list); each
 * case is `<collectionId>/<caseId>`. The library keeps each case's Yjs state in team_ydocs.
 */
import * as Y from 'yjs';
import type { Api } from '../api/index.js';
import type { ApiResults, DocumentPayload } from '../api/schema.js';
import type { Collection, CommentThread } from '../model/types.js';
import { blocksToLexical } from '../model/lexical.js';
import { TeamDocs } from '../store/ydocs.js';
import { fillFromCase, metaMap, yDocToCase } from './casedoc.js';
import { connect, openSocket, type TeamConnection } from './client.js';

export interface Remote {
  /** ws:// or wss:// URL of the team server. */
  server: string;
  token: string;
  user?: string;
}

export class TeamSyncError extends Error {}

async function call<M extends keyof ApiResults>(api: Api, method: M, input: unknown): Promise<ApiResults[M]> {
  return (await api.dispatch(method, input)) as ApiResults[M];
}

export function httpUrl(server: string): string {
  return server.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '');
}

async function request(remote: Remote, method: 'GET' | 'POST', body?: unknown): Promise<unknown> {
  const res = await fetch(`${httpUrl(remote.server)}/api/collections`, {
    method,
    headers: { authorization: `Bearer ${remote.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new TeamSyncError(json.error ?? `服务器返回 ${res.status}`);
  return json;
}

export async function remoteCollections(remote: Remote): Promise<{ user: string; collections: Array<{ id: string; title: string }> }> {
  return (await request(remote, 'GET')) as { user: string; collections: Array<{ id: string; title: string }> };
}

async function openAll(remote: Remote, names: string[]): Promise<{ conns: Map<string, TeamConnection>; close: () => void }> {
  const socket = openSocket(remote.server);
  const conns = new Map<string, TeamConnection>();
  for (const name of names) conns.set(name, connect({ url: remote.server, token: remote.token, name, socket, user: remote.user }));
  try {
    await Promise.all([...conns.values()].map((c) => c.ready));
  } catch (error) {
    for (const c of conns.values()) c.close();
    socket.destroy();
    throw error;
  }
  return {
    conns,
    close: () => {
      for (const c of conns.values()) c.close();
      socket.destroy();
    },
  };
}

export interface ShareReport {
  collectionId: string;
  title: string;
  shared: string[];
  /** Cases the server already had: left as they are there (pull brings their edits down). */
  existing: string[];
  skippedNotices: number;
}

/** Publish a library collection (by title or id) to the team server. */
export async function shareCollection(api: Api, collection: string, remote: Remote, by: string): Promise<ShareReport> {
  const list = await call(api, 'collections.list', {});
  const summary = list.find((c) => c.id === collection) ?? list.find((c) => c.title === collection);
  if (!summary) throw new TeamSyncError(`库中没有合集「${collection}」`);
  const col: Collection = await call(api, 'collections.get', { id: summary.id });
  await request(remote, 'POST', { id: col.id, title: col.title });
  const docs = (await call(api, 'documents.list', { collectionId: col.id })).filter((d) => d.collectionId === col.id);
  const cases = docs.filter((d) => d.kind === 'case');
  const names = [col.id, ...cases.map((d) => `${col.id}/${d.id}`)];
  const { conns, close } = await openAll(remote, names);
  const teamDocs = new TeamDocs(api.context.store.db);
  const report: ShareReport = { collectionId: col.id, title: col.title, shared: [], existing: [], skippedNotices: docs.length - cases.length };
  try {
    const manifest = conns.get(col.id)!.doc;
    manifest.transact(() => {
      const info = manifest.getMap('collection');
      info.set('id', col.id);
      info.set('title', col.title);
      info.set('subtitle', col.subtitle ?? null);
      info.set('year', col.year ?? null);
      info.set('publisher', col.publisher ?? null);
      info.set('sections', col.sections);
      const list = manifest.getMap<string>('cases');
      for (const d of cases) list.set(d.id, d.title);
    });
    for (const d of cases) {
      const name = `${col.id}/${d.id}`;
      const doc = conns.get(name)!.doc;
      if (metaMap(doc).get('id') !== undefined) {
        report.existing.push(d.id);
      } else {
        const payload: DocumentPayload = await call(api, 'documents.get', { id: d.id });
        const threads: CommentThread[] = await call(api, 'comments.list', { documentId: d.id });
        if (payload.document.kind !== 'case') continue;
        fillFromCase(doc, payload.document, threads, by);
        report.shared.push(d.id);
      }
      teamDocs.put(d.id, name, Y.encodeStateAsUpdate(doc));
    }
    await Promise.all([...conns.values()].map((c) => c.acknowledged()));
  } finally {
    close();
  }
  return report;
}

export interface PullReport {
  collectionId: string;
  localCollectionId: string;
  title: string;
  created: string[];
  updated: string[];
}

/** Bring a team collection (by id or title) down into the library: new cases created, linked ones updated. */
export async function pullCollection(api: Api, collection: string, remote: Remote): Promise<PullReport> {
  const { collections } = await remoteCollections(remote);
  const found = collections.find((c) => c.id === collection) ?? collections.find((c) => c.title === collection);
  if (!found) throw new TeamSyncError(`服务器上没有您可打开的合集「${collection}」`);
  const head = await openAll(remote, [found.id]);
  const manifest = head.conns.get(found.id)!.doc;
  const caseIds = [...manifest.getMap<string>('cases').keys()];
  const sections = (manifest.getMap('collection').get('sections') ?? []) as Collection['sections'];
  head.close();
  const teamDocs = new TeamDocs(api.context.store.db);
  const linked = teamDocs.inCollection(found.id);
  // The collection the earlier pull or share linked, else one with the same title, else a new one.
  let localCollectionId: string | undefined;
  if (linked.length) {
    const all = await call(api, 'documents.list', {});
    localCollectionId = all.find((d) => d.id === linked[0]!.documentId)?.collectionId ?? undefined;
  }
  localCollectionId ??=
    (await call(api, 'collections.list', {})).find((c) => c.title === found.title)?.id ??
    (await call(api, 'collections.create', { title: found.title })).id;
  const report: PullReport = { collectionId: found.id, localCollectionId, title: found.title, created: [], updated: [] };
  const names = caseIds.map((id) => `${found.id}/${id}`);
  const { conns, close } = await openAll(remote, names);
  try {
    for (const name of names) {
      const doc = conns.get(name)!.doc;
      const link = teamDocs.byTeamName(name);
      // The local replica first: offline edits made here since the last pull reach the server.
      if (link) Y.applyUpdate(doc, link.state, 'local-replica');
      const { document, threads } = yDocToCase(doc);
      const editorState = blocksToLexical(document.body);
      let id = link?.documentId;
      if (!id) {
        const created = await call(api, 'documents.create', { kind: 'case', collectionId: localCollectionId, meta: { title: document.meta.title } });
        id = created.document.id;
        report.created.push(id);
      } else report.updated.push(id);
      await call(api, 'documents.save', { id, meta: document.meta, editorState });
      const known = new Set((await call(api, 'comments.list', { documentId: id })).map((t) => t.id));
      for (const t of threads) {
        if (known.has(t.id)) continue;
        await call(api, 'comments.add', { documentId: id, id: t.id, quote: t.quote, text: t.suggestion ? `${t.text}（建议改为：${t.suggestion}）` : t.text, author: t.author });
      }
      teamDocs.put(id, name, Y.encodeStateAsUpdate(doc));
    }
    // The shared order of cases within each 篇, in this library's ids.
    const local = (teamId: string): string | undefined => teamDocs.byTeamName(`${found.id}/${teamId}`)?.documentId;
    const mapped = sections
      .map((s) => ({ title: s.title, caseIds: s.caseIds.map(local).filter((x): x is string => Boolean(x)) }))
      .filter((s) => s.caseIds.length);
    if (mapped.length) await call(api, 'collections.update', { id: localCollectionId, sections: mapped });
    await Promise.all([...conns.values()].map((c) => c.acknowledged()));
  } finally {
    close();
  }
  return report;
}
