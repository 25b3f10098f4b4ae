/**
 * The trash beyond delete and restore: undoing a merge by restoring its source (the threads and
 * revisions that moved come back, the target gets its own text back unless edited since), and
 * the purge policy (over 30 days in the trash → removed at open), on a fake clock.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, type Api } from '../electron/core/api/index.js';
import { call } from './support/api.js';
import { Library, setClock, TRASH_RETENTION_DAYS } from '../electron/core/store/index.js';
import { corpusPath } from './fixtures/corpus.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-trash-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('undoing a merge', () => {
  let api: Api;
  let ids: string[];
  before(async () => {
    api = createApi({ dataDir: path.join(tmp, 'merge'), transport: 'cli' });
    const preview = await call(api, 'import.preview', { files: [{ name: 'jining-2020-shortlist.txt', path: corpusPath('jining-2020-shortlist.txt') }] });
    const commit = await call(api, 'import.commit', { previewId: preview.previewId });
    ids = commit.imported.flatMap((f) => f.documentIds);
    assert.ok(ids.length >= 4);
  });
  after(() => api.close());

  const threads = async (id: string) => (await call(api, 'comments.list', { documentId: id })).map((t) => `${t.text}/${t.replies.map((r) => r.text).join('+')}`).sort();
  const revisionIds = async (id: string) => (await call(api, 'revisions.list', { documentId: id })).map((r) => r.id);

  test('restoring the source brings back its threads (with replies) and revisions, and the target its own text', async () => {
    const [target, source] = [ids[0]!, ids[1]!];
    await call(api, 'comments.add', { documentId: target, quote: '', text: '目标的批注', author: '甲' });
    const thread = await call(api, 'comments.add', { documentId: source, quote: '', text: '来源的批注', author: '乙' });
    await call(api, 'comments.reply', { threadId: thread.id, text: '来源的回复', author: '丙' });
    await call(api, 'comments.add', { documentId: source, quote: '', text: '来源的第二条批注', author: '乙' });
    await call(api, 'documents.save', { id: source, meta: { authors: '来源作者' } });
    const before = {
      target: await call(api, 'documents.get', { id: target }),
      targetThreads: await threads(target),
      targetRevisions: await revisionIds(target),
      sourceThreads: await threads(source),
      sourceRevisions: await revisionIds(source),
      source: await call(api, 'documents.get', { id: source }),
    };
    assert.equal(before.sourceThreads.length, 2);

    const merged = await call(api, 'documents.merge', { targetId: target, sourceId: source, append: true });
    assert.equal((merged.document.meta as { authors?: string }).authors, '来源作者');
    assert.equal((await threads(target)).length, 3);
    const trashed = (await call(api, 'trash.list', {})).documents.find((d) => d.id === source);
    assert.equal(trashed?.mergedInto, target, 'the trash says what it was merged into');

    const restored = await call(api, 'documents.restoreDeleted', { ids: [source] });
    assert.deepEqual(restored.map((d) => d.id), [source]);
    assert.deepEqual(await threads(source), before.sourceThreads, 'the source has its threads and replies back');
    assert.deepEqual(await threads(target), before.targetThreads, 'the target keeps only its own');
    assert.deepEqual((await revisionIds(source)), before.sourceRevisions, 'the source has its revisions back');
    const targetRevisions = await revisionIds(target);
    assert.ok(before.sourceRevisions.every((id) => !targetRevisions.includes(id)));
    const after = await call(api, 'documents.get', { id: target });
    assert.deepEqual(after.document, before.target.document, 'the target has its pre-merge text and fields');
    const notes = (await call(api, 'revisions.list', { documentId: target })).map((r) => r.note);
    assert.ok(notes.some((n) => n?.startsWith('撤销合并《')), notes.join(' | '));
    assert.deepEqual((await call(api, 'documents.get', { id: source })).document, before.source.document);
    const left = api.context.store.db.prepare('SELECT COUNT(*) AS n FROM merges').get() as { n: number };
    assert.equal(left.n, 0, 'the undo is done once');
  });

  test('a target edited since the merge keeps its text; threads and revisions still go back, new ones stay', async () => {
    const [target, source] = [ids[2]!, ids[3]!];
    await call(api, 'comments.add', { documentId: source, quote: '', text: '来源批注', author: '乙' });
    const sourceRevisions = await revisionIds(source);
    await call(api, 'documents.merge', { targetId: target, sourceId: source, append: true });
    const edited = await call(api, 'documents.save', { id: target, meta: { authors: '合并后编辑' } });
    await call(api, 'comments.add', { documentId: target, quote: '', text: '合并后的批注', author: '甲' });
    await call(api, 'documents.restoreDeleted', { ids: [source] });
    assert.deepEqual(await threads(source), ['来源批注/']);
    assert.deepEqual(await threads(target), ['合并后的批注/']);
    assert.deepEqual(await revisionIds(source), sourceRevisions);
    const now = await call(api, 'documents.get', { id: target });
    assert.equal(now.revision, edited.revision, 'the edited target is not rewritten');
    assert.equal((now.document.meta as { authors?: string }).authors, '合并后编辑');
  });

  test('a chain of merges: the first source takes its threads back from wherever they went', async () => {
    const [a, b, c] = [ids[0]!, ids[1]!, ids[2]!];
    await call(api, 'comments.add', { documentId: b, quote: '', text: '链上乙的批注', author: '乙' });
    const bRevisions = await revisionIds(b);
    await call(api, 'documents.merge', { targetId: a, sourceId: b });
    await call(api, 'documents.merge', { targetId: c, sourceId: a });
    await call(api, 'documents.restoreDeleted', { ids: [b] });
    assert.ok((await threads(b)).includes('链上乙的批注/'));
    assert.ok(!(await threads(c)).includes('链上乙的批注/'));
    assert.deepEqual(await revisionIds(b), bRevisions);
    await call(api, 'documents.restoreDeleted', { ids: [a] });
    assert.ok((await threads(b)).includes('链上乙的批注/'), 'undoing the second merge leaves what the first undo gave back');
    assert.deepEqual(await revisionIds(b), bRevisions);
    assert.deepEqual((await call(api, 'trash.list', {})).documents, []);
    // the other order: the later merge undone first
    await call(api, 'documents.merge', { targetId: a, sourceId: b });
    await call(api, 'documents.merge', { targetId: c, sourceId: a });
    await call(api, 'documents.restoreDeleted', { ids: [a] });
    await call(api, 'documents.restoreDeleted', { ids: [b] });
    assert.ok((await threads(b)).includes('链上乙的批注/'));
    assert.deepEqual(await revisionIds(b), bRevisions);
    assert.ok(!(await threads(a)).includes('链上乙的批注/') && !(await threads(c)).includes('链上乙的批注/'));
  });

  test('a plain delete is not a merge; emptying the trash forgets a merge', async () => {
    const [target, source] = [ids[0]!, ids[1]!];
    await call(api, 'documents.merge', { targetId: target, sourceId: source });
    assert.equal((await call(api, 'trash.list', {})).documents[0]?.mergedInto, target);
    await call(api, 'trash.empty', {});
    const n = (api.context.store.db.prepare('SELECT COUNT(*) AS n FROM merges').get() as { n: number }).n;
    assert.equal(n, 0);
    await call(api, 'documents.delete', { id: ids[2] });
    assert.equal((await call(api, 'trash.list', {})).documents[0]?.mergedInto, null);
    await call(api, 'documents.restoreDeleted', { ids: [ids[2]] });
  });
});

describe('trash purge policy', () => {
  const DAY = 24 * 3_600_000;
  const t0 = Date.parse('2026-03-01T08:00:00.000Z');
  const file = path.join(tmp, 'purge.db');
  let restoreClock: (() => void) | null = null;
  const at = (ms: number) => {
    restoreClock?.();
    restoreClock = setClock(() => new Date(ms));
  };
  after(() => restoreClock?.());

  test(`items over ${TRASH_RETENTION_DAYS} days in the trash are purged when the library is opened, not before`, () => {
    at(t0);
    let lib = new Library(file);
    const c = lib.createCollection({ title: '2025年度汇编', year: 2025 });
    const body = [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: '正文' }] }];
    const a = lib.createCase({ title: '先删的案例' }, body, c.id);
    const b = lib.createCase({ title: '后删的案例' }, body, null);
    const inCollection = lib.createCase({ title: '随汇编删除的案例' }, body, c.id);
    lib.deleteDocument(a);
    at(t0 + 10 * DAY);
    lib.deleteCollection(c.id);
    at(t0 + 25 * DAY);
    lib.deleteDocument(b);
    const listed = lib.listTrash();
    assert.equal(listed.documents.find((d) => d.id === a)?.purgeAt, new Date(t0 + 30 * DAY).toISOString());
    assert.equal(listed.collections[0]?.purgeAt, new Date(t0 + 40 * DAY).toISOString());
    lib.close();

    const exists = (l: Library, table: string, id: string) => Boolean(l.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id));
    // exactly 30 days: still there
    at(t0 + 30 * DAY);
    lib = new Library(file);
    assert.equal(lib.purgedAtOpen, 0);
    lib.close();
    at(t0 + 30 * DAY + 1);
    lib = new Library(file);
    assert.equal(lib.purgedAtOpen, 1);
    assert.ok(!exists(lib, 'documents', a) && exists(lib, 'documents', inCollection) && exists(lib, 'collections', c.id));
    lib.close();
    // the collection and the case deleted with it go together
    at(t0 + 41 * DAY);
    lib = new Library(file);
    assert.equal(lib.purgedAtOpen, 2);
    assert.ok(!exists(lib, 'collections', c.id) && !exists(lib, 'documents', inCollection));
    assert.deepEqual(lib.listTrash().documents.map((d) => d.id), [b]);
    assert.equal(lib.integrityCheck(), 'ok');
    lib.close();
    // a longer period, or none, keeps it
    at(t0 + 365 * DAY);
    lib = new Library(file, { trashRetentionDays: null });
    assert.equal(lib.purgedAtOpen, 0);
    assert.equal(lib.listTrash().documents[0]?.purgeAt, null);
    lib.close();
    lib = new Library(file, { trashRetentionDays: 400 });
    assert.equal(lib.purgedAtOpen, 0);
    lib.close();
    lib = new Library(file);
    assert.equal(lib.purgedAtOpen, 1);
    assert.deepEqual(lib.listTrash(), { documents: [], collections: [] });
    lib.close();
  });
});
