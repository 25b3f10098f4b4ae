/**
 * Two editors on one case through the real Hocuspocus provider and server, persisted in a
 * throwaway PostgreSQL cluster; tokens refused when wrong or revoked; an offline client merges.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import * as Y from 'yjs';
import { startPostgres, type PgCluster } from './support/postgres.js';
import { startTeamServer, type TeamServer } from '../electron/core/team/server.js';
import { addUser, revokeUser } from '../electron/core/team/users.js';
import { connect } from '../electron/core/team/client.js';
import { attribution, caseToYDoc, editAs, yDocToCase } from '../electron/core/team/casedoc.js';
import { loadDocument } from '../electron/core/team/pgstore.js';
import type { CaseDocument } from '../electron/core/model/types.js';

let cluster: PgCluster;
let server: TeamServer;
let tokenA: string;
let tokenB: string;

const kase: CaseDocument = {
  kind: 'case',
  id: 'case-1',
  meta: { title: '“一站式”救助服务', unit: '济宁市民政局' },
  body: [
    { type: 'heading', level: 2, content: [{ type: 'text', text: '一、基本情况' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '济宁市建立了社会救助“一门受理”机制。' }] },
  ],
};

before(async () => {
  cluster = await startPostgres();
  server = await startTeamServer({ pgUrl: cluster.url, debounce: 50 });
  tokenA = await addUser(server.pool, '编辑甲', ['民政案例2026']);
  tokenB = await addUser(server.pool, '编辑乙', ['*']);
  await server.pool.query("INSERT INTO team_collections (id, title) VALUES ('col1', '民政案例2026'), ('col2', '别的合集')");
});

after(async () => {
  await server?.stop();
  cluster?.stop();
});

function appendParagraph(text: string) {
  return () => {
    $getRoot().append($createParagraphNode().append($createTextNode(text)));
  };
}

test('two clients edit one case at once, end identical, and the state is in PostgreSQL', async () => {
  const a = connect({ url: server.url, token: tokenA, name: 'col1/case-1' });
  await a.ready;
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(caseToYDoc(kase, [], '编辑甲')));
  await a.acknowledged();
  const b = connect({ url: server.url, token: tokenB, name: 'col1/case-1' });
  await b.ready;
  assert.equal(yDocToCase(b.doc).document.meta.title, kase.meta.title);

  // Both edit before either hears of the other's change.
  editAs(a.doc, '编辑甲', '补充', appendParagraph('甲补充：救助对象覆盖全市。'));
  editAs(b.doc, '编辑乙', '补充', () => {
    const first = $getRoot().getAllTextNodes()[1]!;
    first.setTextContent(first.getTextContent().replace('济宁市', '济宁市民政局'));
  });
  await Promise.all([a.acknowledged(), b.acknowledged()]);
  // Each has the other's change once the server has relayed it.
  await waitFor(() => Y.encodeStateVector(a.doc).toString() === Y.encodeStateVector(b.doc).toString());

  const fromA = yDocToCase(a.doc).document;
  const fromB = yDocToCase(b.doc).document;
  assert.deepEqual(fromA, fromB);
  const texts = JSON.stringify(fromA.body);
  assert.match(texts, /甲补充：救助对象覆盖全市。/);
  assert.match(texts, /济宁市民政局建立了/);
  const who = attribution(a.doc);
  assert.ok((who.get('编辑甲') ?? 0) > 10 && (who.get('编辑乙') ?? 0) >= 3, JSON.stringify([...who]));

  a.close();
  b.close();
  // What PostgreSQL holds, read without the server's memory, is the same case.
  const stored = await loadDocument(server.pool, 'col1/case-1');
  assert.ok(stored);
  const fromDb = new Y.Doc();
  Y.applyUpdate(fromDb, stored);
  assert.deepEqual(yDocToCase(fromDb).document, fromA);
  const log = await server.pool.query("SELECT DISTINCT user_name FROM team_audit WHERE document = 'col1/case-1' AND action = 'open'");
  assert.deepEqual(log.rows.map((r) => r.user_name).sort(), ['编辑乙', '编辑甲'].sort());
  const edits = await server.pool.query("SELECT DISTINCT user_name FROM team_audit WHERE document = 'col1/case-1' AND action = 'edit'");
  assert.deepEqual(edits.rows.map((r) => r.user_name).sort(), ['编辑乙', '编辑甲'].sort());
});

test('a client offline for a while reconnects and merges', async () => {
  const a = connect({ url: server.url, token: tokenA, name: 'col1/case-2' });
  await a.ready;
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(caseToYDoc({ ...kase, id: 'case-2' }, [], '编辑甲')));
  await a.acknowledged();
  const b = connect({ url: server.url, token: tokenB, name: 'col1/case-2' });
  await b.ready;
  b.socket.disconnect();
  editAs(b.doc, '编辑乙', '离线修改', appendParagraph('乙离线时写的一段。'));
  editAs(a.doc, '编辑甲', '在线修改', appendParagraph('甲在线时写的一段。'));
  await a.acknowledged();
  assert.doesNotMatch(JSON.stringify(yDocToCase(a.doc).document.body), /乙离线/);
  await b.socket.connect();
  b.provider.attach();
  await b.acknowledged();
  await waitFor(() => /乙离线/.test(JSON.stringify(yDocToCase(a.doc).document.body)) && /甲在线/.test(JSON.stringify(yDocToCase(b.doc).document.body)));
  assert.deepEqual(yDocToCase(a.doc).document, yDocToCase(b.doc).document);
  a.close();
  b.close();
});

test('a wrong token, a revoked token and a collection outside the user\'s list are refused', async () => {
  const wrong = connect({ url: server.url, token: 'hbt_not-a-token', name: 'col1/case-1' });
  await assert.rejects(wrong.ready, /拒绝/);
  wrong.close();
  const outside = connect({ url: server.url, token: tokenA, name: 'col2/case-9' });
  await assert.rejects(outside.ready, /拒绝/);
  outside.close();

  const tokenC = await addUser(server.pool, '临时专家', ['*']);
  const c = connect({ url: server.url, token: tokenC, name: 'col1/case-1' });
  await c.ready;
  c.close();
  assert.equal(await revokeUser(server.pool, '临时专家'), true);
  const again = connect({ url: server.url, token: tokenC, name: 'col1/case-1' });
  await assert.rejects(again.ready, /拒绝/);
  again.close();
  const stored = await server.pool.query<{ token_hash: string }>("SELECT token_hash FROM team_users WHERE name = '临时专家'");
  assert.notEqual(stored.rows[0]!.token_hash, tokenC);
  assert.doesNotMatch(stored.rows[0]!.token_hash, /hbt_/);
  const refused = await server.pool.query("SELECT count(*)::int AS n FROM team_audit WHERE action = 'refused'");
  assert.ok(refused.rows[0].n >= 3);
});

test('pg_dump and pg_restore carry the team database: the restored copy holds the same case', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  // Whatever the server still holds in memory is written first, as a backup job would by stopping it.
  server.hocuspocus.flushPendingStores();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-pgdump-'));
  const dump = path.join(dir, 'team.dump');
  execFileSync(path.join(cluster.bin, 'pg_dump'), ['-Fc', '-d', cluster.url, '-f', dump]);
  execFileSync(path.join(cluster.bin, 'psql'), ['-d', cluster.url, '-c', 'CREATE DATABASE restored']);
  const restoredUrl = cluster.url.replace(/\/postgres$/, '/restored');
  execFileSync(path.join(cluster.bin, 'pg_restore'), ['--no-owner', '-d', restoredUrl, dump]);
  rmSync(dir, { recursive: true, force: true });
  const { default: pgm } = await import('pg');
  const restored = new pgm.Pool({ connectionString: restoredUrl, max: 1 });
  try {
    const original = await loadDocument(server.pool, 'col1/case-1');
    const copy = await loadDocument(restored, 'col1/case-1');
    assert.ok(original && copy);
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, original);
    Y.applyUpdate(b, copy);
    assert.deepEqual(yDocToCase(b).document, yDocToCase(a).document);
    const users = await restored.query('SELECT name FROM team_users ORDER BY name');
    assert.ok(users.rows.length >= 2);
  } finally {
    await restored.end();
  }
});

test('the desktop API: team.session for a shared case, and team.saveState keeps an offline replica that merges on reconnect', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { createApi } = await import('../electron/core/api/index.js');
  const { shareCollection } = await import('../electron/core/team/sync.js');
  const { blocksToLexical } = await import('../electron/core/model/lexical.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-team-api-'));
  const api = createApi({ dataDir: dir, transport: 'cli' });
  try {
    const col = (await api.dispatch('collections.create', { title: '民政案例2026' })) as { id: string };
    const made = (await api.dispatch('documents.create', { kind: 'case', collectionId: col.id, meta: { title: '离线案例' } })) as { document: { id: string } };
    const id = made.document.id;
    await api.dispatch('documents.save', { id, editorState: blocksToLexical([{ type: 'paragraph', content: [{ type: 'text', text: '原文。' }] }]) });
    await api.dispatch('team.settings.set', { server: server.url, token: tokenA });
    assert.equal(await api.dispatch('team.session', { documentId: id }), null, 'not shared yet');
    await assert.rejects(api.dispatch('team.settings.set', { server: 'http://x' }), /ws:\/\//);
    await shareCollection(api, '民政案例2026', { server: server.url, token: tokenA }, '编辑甲');
    const s = (await api.dispatch('team.session', { documentId: id })) as { name: string; local: string; token: string };
    assert.equal(s.name, `${col.id}/${id}`);
    assert.equal(s.token, tokenA);
    assert.deepEqual(await api.dispatch('team.settings.get', {}), { server: server.url, hasToken: true });

    // Offline: the editor's document gets a paragraph and is saved as the replica only.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, new Uint8Array(Buffer.from(s.local, 'base64')));
    editAs(offline, '编辑甲', '离线', appendParagraph('离线时写的。'));
    await api.dispatch('team.saveState', { documentId: id, state: Buffer.from(Y.encodeStateAsUpdate(offline)).toString('base64') });
    // Next session: the replica goes first, then the provider syncs it to the server.
    const again = (await api.dispatch('team.session', { documentId: id })) as { name: string; local: string };
    const c = connect({ url: server.url, token: tokenA, name: again.name });
    Y.applyUpdate(c.doc, new Uint8Array(Buffer.from(again.local, 'base64')), 'local-replica');
    await c.ready;
    await c.acknowledged();
    c.close();
    const fresh = connect({ url: server.url, token: tokenB, name: again.name });
    await fresh.ready;
    assert.match(JSON.stringify(yDocToCase(fresh.doc).document.body), /离线时写的。/);
    fresh.close();
  } finally {
    api.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function waitFor(check: () => boolean): Promise<void> {
  // Bounded by count, not time: the relay is a few loopback messages.
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check(), 'condition not reached');
}

