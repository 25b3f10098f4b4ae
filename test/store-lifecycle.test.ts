/**
 * The editorial workflow's backend on real drafts: the lifecycle 初稿 → 修改 → 定稿 → 已报送
 * with its log and lock (HTTP 409 on the loopback server), status counts, the trash and undo,
 * moves and merges, duplicates at import (the CLI included), exports of 定稿 cases only, the
 * `huibian status` command, and old rows the model refuses at upgrade.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createApi, type Api } from '../electron/core/api/index.js';
import { call, refused } from './support/api.js';
import { main, type Io } from '../electron/core/cli/main.js';
import { startServer } from '../electron/core/server/index.js';
import { Library } from '../electron/core/store/index.js';
import type { CaseMeta } from '../electron/core/model/types.js';
import { corpusPath } from './fixtures/corpus.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-lifecycle-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function openApi(name: string): Api {
  return createApi({ dataDir: path.join(tmp, name), transport: 'cli' });
}
async function importCorpus(api: Api, names: string[], extra: Record<string, unknown> = {}) {
  const preview = await call(api, 'import.preview', { files: names.map((n) => ({ name: n, path: corpusPath(n) })) });
  return { preview, commit: await call(api, 'import.commit', { previewId: preview.previewId, ...extra }) };
}
function capture(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('lifecycle', () => {
  let api: Api;
  let collectionId: string;
  let ids: string[];
  before(async () => {
    api = openApi('lifecycle');
    await call(api, 'settings.set', { reviewerName: '王审定' });
    const { commit } = await importCorpus(api, ['jining-2020-shortlist.txt']);
    collectionId = commit.collectionId;
    ids = commit.imported.flatMap((f) => f.documentIds);
  });
  after(() => api.close());

  test('several cases change status at once, each logged with who, when and why and a revision snapshot', async () => {
    const [a, b] = ids;
    const result = await call(api, 'documents.setStatus', { ids: [a, b], status: 'final', reason: '终审通过' });
    assert.deepEqual(result.changed.map((d) => [d.id, d.status]), [[a, 'final'], [b, 'final']]);
    const history = await call(api, 'documents.statusHistory', { id: a });
    assert.equal(history.length, 1);
    assert.deepEqual([history[0]!.from, history[0]!.to, history[0]!.who, history[0]!.reason], ['draft', 'final', '王审定', '终审通过']);
    assert.ok(Date.parse(history[0]!.at) > Date.now() - 60_000);
    const revisions = await call(api, 'revisions.list', { documentId: a });
    assert.match(revisions[0]!.note ?? '', /初稿 → 定稿.*王审定.*终审通过/);
    assert.equal(((await call(api, 'documents.get', { id: a })).document.meta as CaseMeta).status, 'final');
    const again = await call(api, 'documents.setStatus', { ids: [a], status: 'final' });
    assert.deepEqual(again.changed, [], 'a case already 定稿 is left alone');
    assert.deepEqual(again.skipped, [{ id: a, reason: 'unchanged' }]);
    const notice = await call(api, 'documents.create', { kind: 'notice', collectionId, meta: { title: '关于报送创新案例的通知' } });
    const mixed = await call(api, 'documents.setStatus', { ids: [notice.document.id, a], status: 'final' });
    assert.deepEqual(mixed.skipped.map((s) => s.reason), ['notice', 'unchanged'], 'a notice in a selection is left alone, the batch still runs');
    await call(api, 'documents.delete', { id: notice.document.id });
  });

  test('定稿 locks text and metadata until reopened with a reason', async () => {
    const a = ids[0]!;
    const got = await call(api, 'documents.get', { id: a });
    await refused(api, 'documents.save', { id: a, meta: { unit: '改过的单位' } }, 'locked', /已定稿.*重新打开/);
    await refused(api, 'documents.save', { id: a, editorState: got.editorState }, 'locked');
    const revs = await call(api, 'revisions.list', { documentId: a });
    await refused(api, 'revisions.restore', { documentId: a, revisionId: revs[revs.length - 1]!.id }, 'locked');
    await refused(api, 'documents.move', { id: a, category: '综合' }, 'locked');
    assert.equal((await call(api, 'documents.get', { id: a })).revision, got.revision, 'nothing was written');
    await refused(api, 'documents.setStatus', { ids: [a], status: 'review' }, 'invalid-input', /原因/);
    await call(api, 'documents.setStatus', { ids: [a], status: 'review', reason: '单位名称有误' });
    const saved = await call(api, 'documents.save', { id: a, meta: { unit: '改过的单位' } });
    assert.equal((saved.meta as CaseMeta).unit, '改过的单位');
    assert.deepEqual((await call(api, 'documents.statusHistory', { id: a })).map((h) => `${h.from}>${h.to}:${h.reason}`), ['draft>final:终审通过', 'final>review:单位名称有误']);
  });

  test('a status in a documents.save patch is a logged lifecycle change, applied after the edit in one transaction', async () => {
    const c = ids[3]!;
    const saved = await call(api, 'documents.save', { id: c, meta: { authors: '编辑部', status: 'final' } });
    assert.equal((saved.meta as CaseMeta).status, 'final');
    assert.equal((saved.meta as CaseMeta).authors, '编辑部');
    assert.deepEqual((await call(api, 'documents.statusHistory', { id: c })).map((h) => [h.from, h.to, h.who]), [['draft', 'final', '王审定']]);
    await refused(api, 'documents.save', { id: c, meta: { status: 'draft' } }, 'invalid-input', /原因/);
    await refused(api, 'documents.save', { id: c, meta: { authors: '另一个', status: 'submitted' } }, 'locked');
    assert.equal(((await call(api, 'documents.get', { id: c })).document.meta as CaseMeta).authors, '编辑部');
    await call(api, 'documents.setStatus', { ids: [c], status: 'draft', reason: '测试完毕' });
  });

  test('the loopback server answers a save of a locked case with HTTP 409 and code locked', async () => {
    const server = await startServer({ dataDir: path.join(tmp, 'lifecycle'), api, staticDir: null });
    try {
      const reply = await new Promise<{ status: number; body: { error?: { code: string; message: string } } }>((resolve, reject) => {
        const body = JSON.stringify({ id: ids[1], meta: { award: '改' } });
        const req = http.request(
          { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/documents.save', headers: { 'content-type': 'application/json', 'x-huibian-token': server.token, host: `127.0.0.1:${server.port}` } },
          (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      assert.equal(reply.status, 409);
      assert.equal(reply.body.error?.code, 'locked');
      assert.match(reply.body.error!.message, /定稿/);
    } finally {
      await server.close();
    }
  });

  test('counts by status in documents.counts and in every tree group; the status filter lists them', async () => {
    const counts = await call(api, 'documents.counts', { collectionId });
    assert.equal(counts.total, ids.length);
    assert.deepEqual(counts.byStatus, { draft: ids.length - 2, review: 1, final: 1, submitted: 0 });
    const tree = await call(api, 'library.tree', { collectionId, groupBy: 'category' });
    const sum = tree.reduce((n, g) => n + g.statusCounts.final, 0);
    assert.equal(sum, 1);
    for (const g of tree) assert.equal(Object.values(g.statusCounts).reduce((x, y) => x + y, 0), g.children.reduce((n, c) => n + c.items.filter((d) => d.kind === 'case').length, 0));
    const finals = await call(api, 'documents.list', { collectionId, filters: { status: 'final' } });
    assert.deepEqual(finals.map((d) => d.id), [ids[1]]);
  });

  test('an export of 定稿 cases only lists the cases it left out', async () => {
    const outPath = path.join(tmp, 'final-only.pdf');
    const result = await call(api, 'export.run', { collectionId, template: 'anthology', format: 'pdf', outPath, statuses: ['final', 'submitted'] });
    const all = await call(api, 'documents.list', { collectionId, filters: { kind: 'case' } });
    const kept = all.find((d) => d.id === ids[1])!;
    assert.deepEqual(result.leftOut!.map((d) => d.id).sort(), all.filter((d) => d.id !== ids[1]).map((d) => d.id).sort());
    const text = execFileSync('pdftotext', [outPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    assert.ok(text.includes(kept.title.replace(/\s+/g, '')), 'the 定稿 case is in the book');
    for (const d of result.leftOut!) assert.ok(!text.includes(d.title.replace(/\s+/g, '')), `${d.title} is left out`);
    await refused(api, 'export.run', { collectionId, template: 'anthology', format: 'pdf', outPath, statuses: ['submitted'] }, 'invalid-input', /已报送/);
  });

  test('huibian status sets, reports and refuses like the app', async () => {
    const db = path.join(tmp, 'lifecycle', 'huibian.db');
    api.close();
    const io = capture();
    assert.equal(await main(['status', '--db', db, '--document', ids[2]!, '定稿', '--by', '李主任'], io), 0, io.errors.join('\n'));
    assert.match(io.lines.join('\n'), /→ 定稿/);
    const show = capture();
    assert.equal(await main(['status', '--db', db, '--document', ids[2]!, '--json'], show), 0);
    const shown = JSON.parse(show.lines.join('\n'));
    assert.equal(shown.status, 'final');
    assert.equal(shown.history[0].who, '李主任');
    const reopen = capture();
    assert.equal(await main(['status', '--db', db, '--document', ids[2]!, 'draft'], reopen), 1);
    assert.match(reopen.errors.join('\n'), /原因/);
    assert.equal(await main(['status', '--db', db, '--document', ids[2]!, 'weird'], capture()), 2);
    api = openApi('lifecycle');
  });
});

describe('trash, moves and merges', () => {
  let api: Api;
  let ids: string[];
  let collectionId: string;
  before(async () => {
    api = openApi('trash');
    const { commit } = await importCorpus(api, ['jining-2020-shortlist.txt']);
    collectionId = commit.collectionId;
    ids = commit.imported.flatMap((f) => f.documentIds);
  });
  after(() => api.close());

  test('a deleted case leaves lists and search, waits in the trash, and comes back where it was', async () => {
    const order = (await call(api, 'collections.get', { id: collectionId })).sections.flatMap((s) => s.caseIds);
    const victim = order[1]!;
    const title = (await call(api, 'documents.get', { id: victim })).document.meta.title;
    const term = title.replace(/[^\p{Script=Han}]/gu, '').slice(0, 4);
    assert.ok((await call(api, 'search.query', { q: term })).some((h) => h.id === victim));
    await call(api, 'documents.delete', { id: victim });
    assert.ok(!(await call(api, 'documents.list', { collectionId })).some((d) => d.id === victim));
    assert.ok(!(await call(api, 'search.query', { q: term })).some((h) => h.id === victim));
    await refused(api, 'documents.get', { id: victim }, 'not-found');
    assert.deepEqual((await call(api, 'trash.list', {})).documents.map((d) => d.id), [victim]);
    await call(api, 'documents.restoreDeleted', { ids: [victim] });
    assert.deepEqual((await call(api, 'collections.get', { id: collectionId })).sections.flatMap((s) => s.caseIds), order);
    assert.ok((await call(api, 'search.query', { q: term })).some((h) => h.id === victim));
    assert.deepEqual((await call(api, 'trash.list', {})).documents, []);
  });

  test('emptying the trash removes for good', async () => {
    const extra = await call(api, 'documents.create', { kind: 'case', collectionId, meta: { title: '要彻底删除的案例' } });
    await call(api, 'documents.deleteMany', { ids: [extra.document.id] });
    assert.equal((await call(api, 'trash.empty', {})).purged, 1);
    assert.deepEqual((await call(api, 'trash.list', {})).documents, []);
    const row = api.context.store.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE id = ?').get(extra.document.id) as { n: number };
    assert.equal(row.n, 0);
  });

  test('moving several cases to another collection', async () => {
    const other = await call(api, 'collections.create', { title: '另一个汇编' });
    const moved = await call(api, 'documents.moveMany', { ids: ids.slice(0, 2), collectionId: other.id });
    assert.deepEqual(moved.map((d) => d.collectionId), [other.id, other.id]);
    assert.deepEqual((await call(api, 'collections.get', { id: other.id })).sections.flatMap((s) => s.caseIds).sort(), ids.slice(0, 2).sort());
    await call(api, 'documents.moveMany', { ids: ids.slice(0, 2), collectionId });
  });

  test('merging two records of a case keeps both comment threads and both histories; the source goes to the trash', async () => {
    const [target, source] = [ids[2]!, ids[3]!];
    const sourceDoc = await call(api, 'documents.get', { id: source });
    await call(api, 'comments.add', { documentId: target, quote: '', text: '目标上的批注', author: '甲' });
    await call(api, 'comments.add', { documentId: source, quote: '', text: '来源上的批注', author: '乙' });
    await call(api, 'documents.save', { id: source, meta: { authors: '来源作者' } });
    const before = { target: (await call(api, 'revisions.list', { documentId: target })).length, source: (await call(api, 'revisions.list', { documentId: source })).length };
    const merged = await call(api, 'documents.merge', { targetId: target, sourceId: source, append: true });
    assert.deepEqual((await call(api, 'comments.list', { documentId: target })).map((c) => c.text).sort(), ['来源上的批注', '目标上的批注']);
    assert.equal((await call(api, 'revisions.list', { documentId: target })).length, before.target + before.source + 1);
    assert.equal((merged.document.meta as { authors?: string }).authors, '来源作者', 'an empty field is filled from the source');
    const tail = merged.document.body.slice(-sourceDoc.document.body.length);
    assert.deepEqual(tail, sourceDoc.document.body, 'the source text follows');
    assert.deepEqual((await call(api, 'trash.list', {})).documents.map((d) => d.id), [source]);
    await refused(api, 'documents.merge', { targetId: target, sourceId: target }, 'invalid-input');
  });
});

describe('duplicates at import', () => {
  const drafts = ['jining-2020-shortlist.txt', 'zhongguominzheng-2022-02-feature.txt', 'qufu-2020-notice.txt'];

  test('the same three drafts imported twice give each case once; the preview marks them; allowDuplicates imports anyway', async () => {
    const api = openApi('dup');
    try {
      const first = await importCorpus(api, drafts);
      const n = api.context.store.countDocuments();
      assert.equal(n, first.commit.imported.reduce((k, f) => k + f.documentIds.length, 0));
      assert.deepEqual(first.preview.duplicates, []);
      const second = await importCorpus(api, drafts);
      assert.equal(second.preview.duplicates.length, n, 'the preview marks every case and the notice');
      assert.ok(second.preview.duplicates.every((d) => d.existingId && d.existingTitle));
      assert.equal(api.context.store.countDocuments(), n, `still ${n}, not ${2 * n}`);
      assert.equal(second.commit.duplicates.length, n);
      assert.deepEqual(second.commit.imported.map((f) => f.documentIds.length), [0, 0, 0]);
      assert.equal(api.context.store.listCollections().length, 1, 'no empty collection was made');
      const third = await importCorpus(api, [drafts[0]!], { allowDuplicates: true });
      assert.ok(third.commit.imported[0]!.documentIds.length > 0);
      assert.equal(api.context.store.countDocuments(), n + third.commit.imported[0]!.documentIds.length);
    } finally {
      api.close();
    }
  });

  test('the same cases through another encoding are duplicates too; the CLI reports them and --allow-duplicates imports them', async () => {
    const db = path.join(tmp, 'dup-cli', 'huibian.db');
    const a = capture();
    assert.equal(await main(['import', '--db', db, '--json', corpusPath('jinshi-2018-article.txt')], a), 0, a.errors.join('\n'));
    const imported = JSON.parse(a.lines.join('\n')).imported[0].cases.length;
    assert.ok(imported > 0);
    const b = capture();
    assert.equal(await main(['import', '--db', db, corpusPath('jinshi-2018-article.gb18030.txt')], b), 0, b.errors.join('\n'));
    assert.equal(b.lines.filter((l) => l.startsWith('= ')).length, imported);
    assert.match(b.lines.join('\n'), /--allow-duplicates/);
    const c = capture();
    assert.equal(await main(['import', '--db', db, '--json', '--allow-duplicates', corpusPath('jinshi-2018-article.gb18030.txt')], c), 0);
    const report = JSON.parse(c.lines.join('\n'));
    assert.equal(report.imported[0].cases.length, imported);
    assert.deepEqual(report.duplicates, []);
  });
});

describe('upgrade', () => {
  test('a row the model refuses is moved to the trash at upgrade and listed; the others stay', () => {
    const file = path.join(tmp, 'old3.db');
    const old = new Library(file, { targetVersion: 3 });
    const t = new Date().toISOString();
    const insert = (id: string, body: unknown) => {
      old.db.prepare(`INSERT INTO documents (id, kind, title, created_at, updated_at) VALUES (?, 'case', ?, ?, ?)`).run(id, `案例${id}`, t, t);
      old.db.prepare(`INSERT INTO document_content (document_id, meta, body) VALUES (?, ?, ?)`).run(id, JSON.stringify({ title: `案例${id}` }), JSON.stringify(body));
    };
    insert('good', [{ type: 'paragraph', content: [{ type: 'text', text: '正常的正文' }] }]);
    insert('bad', [{ type: 'weird', content: [] }]);
    old.close();
    const lib = new Library(file);
    try {
      assert.deepEqual(lib.listDocuments().map((d) => d.id), ['good']);
      assert.deepEqual(lib.listTrash().documents.map((d) => d.id), ['bad']);
      const listed = JSON.parse(lib.getSetting('upgrade.quarantined')!);
      assert.equal(listed[0].id, 'bad');
      assert.match(listed[0].reason, /body\[0\]: 未知的块类型 "weird"/);
      assert.equal(lib.integrityCheck(), 'ok');
    } finally {
      lib.close();
    }
  });
});
