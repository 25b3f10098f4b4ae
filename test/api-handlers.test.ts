/**
 * The API table through `dispatch`, as every transport calls it: input validation, the
 * import preview/commit cycle on real drafts, editing with revisions and conflicts, the
 * library tree, comments, search, regions, and exports resolved from the store.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, type Api } from '../electron/core/api/index.js';
import { ApiError, type ApiResults } from '../electron/core/api/schema.js';
import { blocksToLexical } from '../electron/core/model/lexical.js';
import { blocksText } from '../electron/core/model/text.js';
import { PreviewCache } from '../electron/core/api/context.js';
import { CORPUS_DIR } from './fixtures/corpus.js';

const CORPUS = CORPUS_DIR;
const corpus = (name: string) => path.join(CORPUS, name);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-api-'));
let api: Api;
before(() => {
  api = createApi({ dataDir: tmp, transport: 'ipc' });
});
after(() => {
  api.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function call<M extends keyof ApiResults>(method: M, input: unknown): Promise<ApiResults[M]> {
  return (await api.dispatch(method, input)) as ApiResults[M];
}

async function rejects(method: string, input: unknown, code: string, pattern?: RegExp): Promise<void> {
  await assert.rejects(api.dispatch(method, input), (error: unknown) => {
    assert.ok(error instanceof ApiError, `${method}: ${String(error)}`);
    assert.equal(error.code, code, `${method}: ${error.message}`);
    if (pattern) assert.match(error.message, pattern);
    return true;
  });
}

describe('validation', () => {
  test('invalid input is rejected with invalid-input before any handler runs', async () => {
    await rejects('collections.create', {}, 'invalid-input', /title/);
    await rejects('collections.create', { title: '汇编', extra: 1 }, 'invalid-input');
    await rejects('documents.get', { id: 5 }, 'invalid-input');
    await rejects('search.query', { q: '' }, 'invalid-input');
    await rejects('import.preview', { files: [{ name: 'a.txt' }] }, 'invalid-input', /path/);
    await rejects('export.run', { template: 'poster', format: 'pdf' }, 'invalid-input');
    await rejects('regions.children', { code: '37' }, 'invalid-input');
    await rejects('system.exec', {}, 'not-found');
    assert.deepEqual(await call('collections.list', {}), []);
  });
});

describe('import, edit, organise', () => {
  let collectionId: string;
  let caseIds: string[];
  let noticeId: string;

  test('import.preview reads real drafts by path and by bytes, and names each file that fails', async () => {
    const preview = await call('import.preview', {
      files: [
        { name: 'jining-2020-shortlist.txt', path: corpus('jining-2020-shortlist.txt') },
        { name: 'qufu-2020-notice.txt', data: readFileSync(corpus('qufu-2020-notice.txt')).toString('base64') },
        { name: 'relative.txt', path: 'shared/corpus/jining-2020-shortlist.txt' },
        { name: 'missing.txt', path: path.join(tmp, 'missing.txt') },
        { name: 'folder.txt', path: tmp },
      ],
    });
    assert.deepEqual(preview.files.map((f) => [f.file, f.kind]), [['jining-2020-shortlist.txt', 'case-list'], ['qufu-2020-notice.txt', 'notice']]);
    assert.equal(preview.files[0]!.cases.length, 4);
    assert.deepEqual(preview.errors.map((e) => e.file), ['relative.txt', 'missing.txt', 'folder.txt']);
    for (const e of preview.errors) assert.ok(e.message.includes(e.file), e.message);
    assert.equal(api.context.store.countDocuments(), 0, 'a preview writes nothing');

    const committed = await call('import.commit', {
      previewId: preview.previewId,
      newCollection: { title: '2020年度创新案例', year: 2020 },
      edits: [
        { file: 0, case: 3, exclude: true },
        { file: 0, case: 2, meta: { title: '儒乡曲阜 诚信救助（修订）', status: 'review' } },
      ],
    });
    collectionId = committed.collectionId;
    assert.equal(committed.imported.length, 2);
    caseIds = committed.imported[0]!.documentIds;
    noticeId = committed.imported[1]!.documentIds[0]!;
    assert.equal(caseIds.length, 3, 'the excluded case stayed out');
    const titles = (await call('documents.list', { collectionId })).map((d) => d.title);
    assert.ok(titles.includes('儒乡曲阜 诚信救助（修订）'));
    assert.ok(!titles.includes('嘉祥丧事综合服务“零跑腿”'));
    assert.equal((await call('documents.list', { filters: { status: 'review' } })).length, 1);
    await rejects('import.commit', { previewId: preview.previewId }, 'not-found', /过期|已经导入/);
  });

  test('library.tree groups by category in the list order, then by city; notices apart', async () => {
    const tree = await call('library.tree', { collectionId });
    const withCases = tree.filter((g) => g.count > 0).map((g) => g.label);
    assert.deepEqual(withCases, ['社会救助', '儿童福利', '基层政权和社区治理', '通知']);
    assert.equal(tree.find((g) => g.label === '养老服务')!.count, 0, 'empty categories stay as drop targets');
    assert.equal(tree.find((g) => g.label === '儿童福利')!.children[0]!.label, '济宁市');
    const byCity = await call('library.tree', { collectionId, groupBy: 'city' });
    assert.equal(byCity[0]!.label, '济宁市');
    assert.equal(byCity[0]!.count, 3);
  });

  test('documents.get gives the editor state; save converts it back, keeps revisions and refuses stale saves', async () => {
    const id = caseIds[0]!;
    const got = await call('documents.get', { id });
    assert.equal(got.document.kind, 'case');
    assert.equal((got.editorState as { root?: unknown }).root !== undefined, true);
    const body = [...got.document.body, { type: 'paragraph' as const, content: [{ type: 'text' as const, text: '编者按:本案例经审核补充。' }] }];
    const saved = await call('documents.save', { id, editorState: blocksToLexical(body) as unknown as Record<string, unknown>, baseRevision: got.revision });
    assert.equal(saved.revision, got.revision + 1);
    const again = await call('documents.get', { id });
    assert.ok(blocksText(again.document.body).includes('编者按:本案例经审核补充。'));
    assert.equal((await call('search.query', { q: '编者按' }))[0]!.id, id);
    await rejects('documents.save', { id, meta: { title: '过期的修改' }, baseRevision: got.revision }, 'conflict');
    await rejects('documents.save', { id, meta: { colour: 'red' } }, 'invalid-input', /colour/);
    await rejects('documents.save', { id, meta: { title: '' } }, 'invalid-input');

    const revs = await call('revisions.list', { documentId: id });
    // as drafted, with the import's proofing fixes, and this save
    assert.equal(revs.length, 3);
    const restored = await call('revisions.restore', { documentId: id, revisionId: revs[1]!.id });
    assert.ok(!blocksText(restored.document.body).includes('编者按'));
    assert.equal((await call('revisions.list', { documentId: id })).length, 4);
  });

  test('notices come back with attachments as editor states', async () => {
    const got = await call('documents.get', { id: noticeId });
    assert.equal(got.document.kind, 'notice');
    assert.ok(got.attachments && got.attachments.length >= 1);
    assert.match(got.attachments[0]!.title, /民政工作要点/);
  });

  test('documents.create, move and delete', async () => {
    const created = await call('documents.create', { kind: 'case', collectionId, meta: { title: '新建案例', category: '养老服务' } });
    const id = created.document.id;
    assert.deepEqual(created.document.body, []);
    const moved = await call('documents.move', { id, beforeId: caseIds[0] });
    assert.equal(moved.category, (await call('documents.list', { collectionId })).find((d) => d.id === caseIds[0])!.category);
    const section = (await call('collections.get', { id: collectionId })).sections.find((s) => s.caseIds.includes(id))!;
    assert.equal(section.caseIds[0], id);
    await call('documents.delete', { id });
    await rejects('documents.get', { id }, 'not-found');
  });

  test('comments: add, reply, resolve, list open, delete', async () => {
    const id = caseIds[1]!;
    const thread = await call('comments.add', { documentId: id, quote: '344工作法', text: '请核实数字', author: '审阅人' });
    await call('comments.reply', { threadId: thread.id, text: '已核实', author: '编辑' });
    const resolved = await call('comments.resolve', { threadId: thread.id, resolved: true });
    assert.equal(resolved.resolved, true);
    assert.equal(resolved.replies.length, 1);
    assert.equal((await call('comments.list', { documentId: id, openOnly: true })).length, 0);
    assert.equal((await call('comments.list', { documentId: id })).length, 1);
    await call('comments.delete', { threadId: thread.id });
    await rejects('comments.reply', { threadId: thread.id, text: 'x', author: 'y' }, 'not-found');
  });

  test('categories, settings, regions, app.info', async () => {
    assert.ok((await call('categories.add', { name: '数字民政' })).includes('数字民政'));
    await rejects('categories.add', { name: '数字民政' }, 'conflict');
    assert.ok((await call('categories.rename', { from: '数字民政', to: '智慧民政' })).includes('智慧民政'));
    assert.ok(!(await call('categories.delete', { name: '智慧民政' })).includes('智慧民政'));
    assert.deepEqual(await call('settings.set', { reviewerName: '张三' }), { reviewerName: '张三' });
    assert.deepEqual(await call('settings.get', {}), { reviewerName: '张三' });
    const regions = await call('regions.search', { q: '曲阜' });
    assert.ok(regions.some((r) => r.code === '370881'));
    const info = await call('app.info', {});
    assert.equal(info.transport, 'ipc');
    assert.equal(info.dataDir, path.resolve(tmp));
    assert.deepEqual(info.templates, ['anthology', 'feature', 'notice']);
    assert.match(info.version, /^\d+\.\d+\.\d+/);
  });

  test('export.run resolves the collection from the store and writes into <dataDir>/exports by default', async () => {
    await rejects('export.run', { template: 'notice', format: 'pdf' }, 'invalid-input', /documentId/);
    await rejects('export.run', { template: 'notice', format: 'docx', documentId: caseIds[0] }, 'invalid-input', /case/);
    await rejects('export.run', { template: 'anthology', format: 'docx', collectionId, outPath: 'relative.docx' }, 'invalid-input');
    const result = await call('export.run', { template: 'anthology', format: 'docx', collectionId, jobId: 'job-1' });
    assert.equal(path.dirname(result.path), path.join(path.resolve(tmp), 'exports'));
    assert.equal(path.basename(result.path), '2020年度创新案例.docx');
    assert.ok(existsSync(result.path));
    assert.equal(readFileSync(result.path).subarray(0, 2).toString(), 'PK');
    const job = await call('jobs.get', { id: 'job-1' });
    assert.equal(job.state, 'done');
    assert.equal(job.progress, 1);
    await rejects('jobs.get', { id: 'job-none' }, 'not-found');
    const blocked = path.join(tmp, 'no-such-folder', 'x.docx');
    await rejects('export.run', { template: 'anthology', format: 'docx', collectionId, outPath: blocked }, 'export-failed', /no-such-folder/);
  });

  test('a reviewed DOCX brings its comments back onto the documents instead of importing new cases', async () => {
    const id = caseIds[0]!;
    const thread = await call('comments.add', { documentId: id, quote: '留守儿童', text: '请核实受助人数', author: '审阅人' });
    const gone = await call('comments.add', { documentId: id, quote: '1443', text: '数字含义请解释', author: '审阅人' });
    const exported = await call('export.run', { template: 'anthology', format: 'docx', collectionId, outPath: path.join(tmp, 'review.docx') });
    await call('comments.delete', { threadId: gone.id }); // deleted here after the file went out
    const before = api.context.store.countDocuments();
    const preview = await call('import.preview', { files: [{ name: 'review.docx', path: exported.path }] });
    assert.equal(preview.files.length, 0);
    assert.equal(preview.reviews?.length, 1);
    const committed = await call('import.commit', { previewId: preview.previewId });
    assert.deepEqual(committed.reviews, [{ file: 'review.docx', threadsAdded: 1, threadsUpdated: 1, repliesAdded: 0 }]);
    assert.equal(api.context.store.countDocuments(), before, 'no new documents from a review');
    const threads = await call('comments.list', { documentId: id });
    assert.equal(threads.filter((t) => t.id === thread.id).length, 1, 'the known thread is not duplicated');
    assert.ok(threads.some((t) => t.text === '数字含义请解释' && t.id !== gone.id), 'the comment deleted here comes back as a new thread');
    for (const t of threads) await call('comments.delete', { threadId: t.id });
  });

  test('export.preview returns the PDF bytes', async () => {
    const preview = await call('export.preview', { template: 'anthology', collectionId });
    const bytes = Buffer.from(preview.pdfBase64, 'base64');
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.ok(preview.pages > 1);
  });

  test('collections: update sections reorders and recategorises; delete goes to the trash with its documents and is undone', async () => {
    const col = await call('collections.get', { id: collectionId });
    const all = col.sections.flatMap((s) => s.caseIds);
    const updated = await call('collections.update', { id: collectionId, title: '改名的汇编', sections: [{ title: '综合', caseIds: [...all].reverse() }] });
    assert.equal(updated.title, '改名的汇编');
    assert.deepEqual(updated.sections, [{ title: '综合', caseIds: [...all].reverse() }]);
    const listed = (await call('documents.list', {})).length;
    const deleted = await call('collections.delete', { id: collectionId });
    assert.ok(deleted.deletedAt);
    await rejects('collections.get', { id: collectionId }, 'not-found');
    assert.equal((await call('documents.list', {})).length, listed - all.length - 1, 'its cases and its notice left the lists');
    const trash = await call('trash.list', {});
    assert.deepEqual(trash.collections.map((c) => [c.id, c.documentCount]), [[collectionId, all.length + 1]]);
    const back = await call('collections.restoreDeleted', { id: collectionId });
    assert.deepEqual(back.sections.flatMap((s) => s.caseIds), [...all].reverse());
    assert.equal((await call('documents.list', {})).length, listed);
  });
});

describe('import previews', () => {
  test('expire after their time and are taken once', async () => {
    const cache = new PreviewCache(30);
    cache.put('a', [], []);
    cache.put('b', [], []);
    assert.ok(cache.take('a'));
    assert.equal(cache.take('a'), null);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(cache.take('b'), null);
    assert.equal(cache.size, 0);
  });

  test('uploads over the size limit are refused by name', async () => {
    const small = createApi({ dataDir: path.join(tmp, 'small'), transport: 'http', maxImportBytes: 1024 });
    try {
      const preview = (await small.dispatch('import.preview', {
        files: [{ name: 'jining-2020-shortlist.txt', data: readFileSync(corpus('jining-2020-shortlist.txt')).toString('base64') }],
      })) as ApiResults['import.preview'];
      assert.equal(preview.files.length, 0);
      assert.equal(preview.errors[0]!.file, 'jining-2020-shortlist.txt');
      assert.match(preview.errors[0]!.message, /上限/);
    } finally {
      small.close();
    }
  });
});
