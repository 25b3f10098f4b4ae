/**
 * The team commands as a user runs them: team-user prints a token once, team-server runs as
 * its own process and is killed with SIGKILL mid-edit (nothing acknowledged is lost), team
 * share publishes a library collection and team pull brings it into another library,
 * review-pack export and merge go through the server.
 */
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import * as Y from 'yjs';
import { startPostgres, type PgCluster } from './support/postgres.js';
import { freePort, startTeamServer } from './support/teamServer.js';
import { connect } from '../electron/core/team/client.js';
import { caseToYDoc, editAs, yDocToCase } from '../electron/core/team/casedoc.js';
import { readReviewPackage } from '../electron/core/team/review.js';
import { createApi } from '../electron/core/api/index.js';
import { blocksToLexical } from '../electron/core/model/lexical.js';
import { main, type Io } from '../electron/core/cli/main.js';
import { promises as fs } from 'node:fs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/huibian.mjs');
// bin/huibian.mjs runs the compiled CLI when it is current and the sources through tsx otherwise.
const ENV = { ...process.env };

let cluster: PgCluster;
let tmp: string;
let port: number;
let serverProc: ChildProcess | null = null;
let token: string;

function huibian(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: ENV, cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function capture(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

before(async () => {
  cluster = await startPostgres();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-team-cli-'));
  port = await freePort();
  const add = huibian(['team-user', 'add', '编辑甲', '--pg', cluster.url]);
  assert.equal(add.status, 0, add.stderr);
  token = add.stdout.trim();
  assert.match(token, /^hbt_[\w-]{40,}$/);
  assert.match(add.stderr, /只显示这一次/);
  serverProc = (await startTeamServer(cluster.url, port)).child;
});

after(() => {
  serverProc?.kill('SIGKILL');
  cluster?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

test('team-user add stores only a hash and refuses a second user of the same name', () => {
  const psql = spawnSync(path.join(cluster.bin, 'psql'), ['-At', '-d', cluster.url, '-c', "SELECT token_hash FROM team_users WHERE name = '编辑甲'"], { encoding: 'utf8' });
  assert.match(psql.stdout.trim(), /^[0-9a-f]{64}$/);
  assert.ok(!psql.stdout.includes(token));
  const again = huibian(['team-user', 'add', '编辑甲', '--pg', cluster.url]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /已存在/);
});

test('the server killed with SIGKILL mid-edit and restarted loses nothing a client had been acknowledged', async () => {
  const url = `ws://127.0.0.1:${port}`;
  let a = connect({ url, token, name: 'crash/case' });
  await a.ready;
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(caseToYDoc({ kind: 'case', id: 'case', meta: { title: '崩溃测试' }, body: [] }, [], '编辑甲')));
  let acked = -1;
  for (let i = 0; i < 30; i++) {
    editAs(a.doc, '编辑甲', `第${i}段`, () => $getRoot().append($createParagraphNode().append($createTextNode(`第${i}段`))));
    if (i % 3 === 2) {
      await a.acknowledged();
      acked = i;
    }
  }
  // More edits in flight, then the kill: no chance to store or flush anything.
  for (let i = 30; i < 36; i++) editAs(a.doc, '编辑甲', `第${i}段`, () => $getRoot().append($createParagraphNode().append($createTextNode(`第${i}段`))));
  serverProc!.kill('SIGKILL');
  await new Promise((r) => serverProc!.once('exit', r));
  const local = a.doc;
  a.close();

  serverProc = (await startTeamServer(cluster.url, port)).child;
  const b = connect({ url, token, name: 'crash/case' });
  await b.ready;
  const text = JSON.stringify(yDocToCase(b.doc).document.body);
  for (let i = 0; i <= acked; i++) assert.ok(text.includes(`"第${i}段"`), `acknowledged paragraph ${i} lost`);
  assert.equal(acked, 29);

  // The client comes back with its local state: the unacknowledged rest arrives too.
  a = connect({ url, token, name: 'crash/case', doc: local });
  await a.ready;
  await a.acknowledged();
  for (let n = 0; n < 500 && !JSON.stringify(yDocToCase(b.doc).document.body).includes('"第35段"'); n++) await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(yDocToCase(b.doc).document, yDocToCase(a.doc).document);
  a.close();
  b.close();
});

test('team share publishes a library collection and team pull brings it into another library; review-pack merges', async () => {
  const server = `ws://127.0.0.1:${port}`;
  const dbA = path.join(tmp, 'a', 'huibian.db');
  const api = createApi({ dataDir: path.dirname(dbA), dbPath: dbA, transport: 'cli' });
  const col = (await api.dispatch('collections.create', { title: '2026年民政创新案例' })) as { id: string };
  const made = (await api.dispatch('documents.create', { kind: 'case', collectionId: col.id, meta: { title: '智慧养老' } })) as { document: { id: string } };
  const body = [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: '任城区建成智慧养老服务平台。' }] }];
  await api.dispatch('documents.save', { id: made.document.id, editorState: blocksToLexical(body) });
  await api.dispatch('comments.add', { documentId: made.document.id, quote: '智慧养老服务平台', text: '平台名称请核实', author: '编辑甲' });
  // A second case of the same 篇, put first: the order travels with the collection.
  const other = (await api.dispatch('documents.create', { kind: 'case', collectionId: col.id, meta: { title: '助餐服务', category: '养老服务' } })) as { document: { id: string } };
  await api.dispatch('documents.save', { id: made.document.id, meta: { category: '养老服务' } });
  await api.dispatch('collections.update', { id: col.id, sections: [{ title: '养老服务', caseIds: [other.document.id, made.document.id] }] });
  api.close();

  const io = capture();
  assert.equal(await main(['team', 'share', '--db', dbA, '--collection', '2026年民政创新案例', '--server', server, '--token', token], io), 0, io.errors.join('\n'));
  assert.match(io.lines.join('\n'), /新上传 2 篇/);

  const dbB = path.join(tmp, 'b', 'huibian.db');
  const io2 = capture();
  assert.equal(await main(['team', 'pull', '--db', dbB, '--collection', '2026年民政创新案例', '--server', server, '--token', token], io2), 0, io2.errors.join('\n'));
  assert.match(io2.lines.join('\n'), /新建 2 篇/);
  const apiB = createApi({ dataDir: path.dirname(dbB), dbPath: dbB, transport: 'cli' });
  const docs = (await apiB.dispatch('documents.list', {})) as Array<{ id: string; title: string; collectionId: string }>;
  assert.deepEqual(docs.map((d) => d.title).sort(), ['助餐服务', '智慧养老']);
  const colB = (await apiB.dispatch('collections.get', { id: docs[0]!.collectionId })) as { title: string; sections: Array<{ title: string; caseIds: string[] }> };
  const titleOf = new Map(docs.map((d) => [d.id, d.title]));
  assert.equal(colB.title, '2026年民政创新案例');
  assert.deepEqual(colB.sections.map((s) => [s.title, s.caseIds.map((id) => titleOf.get(id))]), [['养老服务', ['助餐服务', '智慧养老']]]);
  const smart = docs.find((d) => d.title === '智慧养老')!;
  const got = (await apiB.dispatch('documents.get', { id: smart.id })) as { document: { body: unknown } };
  assert.match(JSON.stringify(got.document.body), /任城区建成智慧养老服务平台。/);
  const threads = (await apiB.dispatch('comments.list', { documentId: smart.id })) as Array<{ quote: string; text: string }>;
  assert.deepEqual(threads.map((t) => [t.quote, t.text]), [['智慧养老服务平台', '平台名称请核实']]);
  apiB.close();

  // review-pack export → reviewer comments offline → merge, all through the command.
  const pack = path.join(tmp, 'review.hbreview');
  const io3 = capture();
  const teamCol = JSON.parse(await (await fetch(`http://127.0.0.1:${port}/api/collections`, { headers: { authorization: `Bearer ${token}` } })).text()).collections[0].id;
  assert.equal(await main(['review-pack', 'export', '--server', server, '--token', token, '--collection', teamCol, '--out', pack], io3), 0, io3.errors.join('\n'));
  const pkg = readReviewPackage(await fs.readFile(pack));
  assert.equal(pkg.cases.length, 2);
  const caseId = made.document.id;
  // The reviewer, with neither library nor server.
  const io5 = capture();
  assert.equal(await main(['review-pack', 'comment', pack, '--case', caseId, '--quote', '任城区', '--text', '写全称：济宁市任城区', '--as', '外审专家'], io5), 0, io5.errors.join('\n'));
  const io6 = capture();
  assert.equal(await main(['review-pack', 'comment', pack, '--case', caseId, '--quote', '不存在的话', '--text', 'x', '--as', '外审专家'], io6), 1);
  assert.match(io6.errors.join('\n'), /找不到/);
  const io7 = capture();
  assert.equal(await main(['review-pack', 'show', pack], io7), 0);
  assert.match(io7.lines.join('\n'), /外审专家：「任城区」写全称：济宁市任城区/);
  assert.match(io7.lines.join('\n'), /编辑甲：「智慧养老服务平台」平台名称请核实/);
  const io4 = capture();
  assert.equal(await main(['review-pack', 'merge', '--server', server, '--token', token, pack], io4), 0, io4.errors.join('\n'));
  assert.match(io4.lines.join('\n'), /外审专家 comment：「任城区」写全称/);
});
