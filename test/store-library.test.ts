/**
 * The library file: migrations, pragmas, transactional import, ordering, drag-and-drop,
 * revisions, comments, categories and Chinese full-text search. Inputs are built from the
 * real corpus (titles, places and categories from expected/*.json, body lines from the drafts).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Library, StoreError } from '../electron/core/store/index.js';
import { LATEST_VERSION } from '../electron/core/store/migrations.js';
import type { ImportedFile } from '../electron/core/model/imported.js';
import type { Block } from '../electron/core/model/types.js';
import { CORPUS_DIR } from './fixtures/corpus.js';

// Not from fixtures/corpus.ts: the store is tested without the importer in the loop.
const expected = (name: string) => JSON.parse(readFileSync(path.join(CORPUS_DIR, 'expected', name.replace(/\.txt$/, '.json')), 'utf8'));

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-store-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function para(text: string): Block {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

/** The corpus draft's lines from the one starting with `start` up to the next blank-ish case boundary (max 6 lines). */
function bodyFrom(file: string, start: string): Block[] {
  const lines = readFileSync(path.join(CORPUS_DIR, file), 'utf8').split(/\r?\n/).map((l) => l.trim());
  const at = lines.findIndex((l) => l.startsWith(start));
  assert.ok(at >= 0, `${file}: no line starting with ${start}`);
  return lines.slice(at, at + 6).filter(Boolean).map(para);
}

/** The jining shortlist as the importer would hand it over (facts from expected/jining-2020-shortlist.json). */
function jiningFile(): ImportedFile {
  const exp = expected('jining-2020-shortlist.txt');
  return {
    file: 'jining-2020-shortlist.txt',
    format: 'txt',
    encoding: 'UTF-8',
    kind: 'case-list',
    info: { title: exp.document.title, date: exp.document.date, publisher: exp.document.publisher },
    cases: exp.cases.map((c: any) => ({
      meta: { title: c.title, subtitle: c.subtitle, unit: c.unit, award: c.award, region: c.region, category: c.category[0], year: 2020 },
      body: bodyFrom('jining-2020-shortlist.txt', c.body_starts_with),
      sections: c.sections,
      captions: [],
    })),
    dropped: [],
    captions: [],
    warnings: [],
  };
}

function counts(store: Library): Record<string, number> {
  const out: Record<string, number> = {} as Record<string, number>;
  for (const table of ['collections', 'documents', 'revisions', 'comments', 'categories', 'documents_fts', 'documents_search_map']) {
    out[table] = (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return out;
}

describe('schema and pragmas', () => {
  test('a library written at schema 1 is upgraded on open and its data survives (and becomes searchable)', () => {
    const file = path.join(tmp, 'old.db');
    const old = new Library(file, { targetVersion: 1 });
    assert.equal(old.db.pragma('user_version', { simple: true }), 1);
    const t = new Date().toISOString();
    old.db.prepare(`INSERT INTO collections (id, title, created_at, updated_at) VALUES ('c1', '旧汇编', ?, ?)`).run(t, t);
    old.db
      .prepare(
        `INSERT INTO documents (id, kind, collection_id, category, meta, body, title, created_at, updated_at)
         VALUES ('d1', 'case', 'c1', '社会救助', ?, ?, '儒乡曲阜 诚信救助', ?, ?)`,
      )
      .run(JSON.stringify({ title: '儒乡曲阜 诚信救助', subtitle: '诚信救助试点' }), JSON.stringify([para('曲阜市结合实际,积极开展社会救助制度创新试点')]), t, t);
    old.db
      .prepare(`INSERT INTO revisions (document_id, created_at, title, char_count, meta, body) VALUES ('d1', ?, '儒乡曲阜 诚信救助', 20, '{}', '[]')`)
      .run(t);
    old.db.prepare(`INSERT INTO comments (id, document_id, quote, author, text, created_at) VALUES ('k1', 'd1', '诚信', '张', '请核实', ?)`).run(t);
    old.db.prepare(`INSERT INTO comment_replies (id, thread_id, author, text, created_at) VALUES ('r1', 'k1', '李', '已核实', ?)`).run(t);
    old.close();

    const store = new Library(file);
    try {
      assert.equal(store.db.pragma('user_version', { simple: true }), LATEST_VERSION);
      assert.equal(store.getDocument('d1').document.meta.title, '儒乡曲阜 诚信救助');
      assert.equal(store.getCollection('c1').sections[0]!.caseIds[0], 'd1');
      assert.deepEqual(store.search('诚信救助').map((h) => h.id), ['d1']);
      assert.deepEqual(store.search('试点').map((h) => h.id), ['d1']);
      assert.ok(store.listCategories().includes('社会救助'));
      // the table rebuild of schema 3 must not cascade into revisions or comments
      assert.equal(store.listRevisions('d1').length, 1);
      assert.deepEqual(store.listComments('d1').map((c) => [c.id, c.replies.map((r) => r.text)]), [['k1', ['已核实']]]);
      assert.equal(store.summary('d1').subtitle, '诚信救助试点');
      assert.equal(store.summary('d1').openComments, 1);
      assert.deepEqual(store.db.pragma('foreign_key_check'), []);
      assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(store.integrityCheck(), 'ok');
      // the file as it was before the upgrade is kept beside it
      const backup = new Database(`${file}.schema-1.bak`, { readonly: true });
      assert.equal(backup.pragma('user_version', { simple: true }), 1);
      assert.equal((backup.prepare(`SELECT title FROM documents WHERE id = 'd1'`).get() as { title: string }).title, '儒乡曲阜 诚信救助');
      backup.close();
    } finally {
      store.close();
    }
  });

  test('a library from a newer Huibian is refused rather than damaged', () => {
    const file = path.join(tmp, 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    assert.throws(() => new Library(file), /更新版本的汇编/);
  });

  test('WAL journal and foreign keys are on', () => {
    const store = new Library(path.join(tmp, 'pragmas.db'));
    try {
      assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
      assert.throws(
        () => store.db.prepare(`INSERT INTO revisions (document_id, created_at, title, char_count, meta, body) VALUES ('nope', '', '', 0, '{}', '[]')`).run(),
        /FOREIGN KEY/,
      );
    } finally {
      store.close();
    }
  });
});

describe('import, order and moves', () => {
  let store: Library;
  before(() => {
    store = new Library(path.join(tmp, 'import.db'));
  });
  after(() => store.close());

  test('a file whose write fails leaves the library unchanged and is reported by name; the others import', () => {
    const before = counts(store);
    const bad = jiningFile();
    bad.file = 'broken.txt';
    bad.cases[2]!.meta.title = ''; // the third case cannot be stored: the first two must not stay either
    const result = store.commitImport([bad]);
    assert.equal(result.imported.length, 0);
    assert.equal(result.errors[0]!.file, 'broken.txt');
    assert.equal(result.collectionId, null);
    assert.deepEqual(counts(store), before);
    assert.equal(store.integrityCheck(), 'ok');

    const mixed = store.commitImport([bad, jiningFile()], { newCollection: { title: '2020年度创新案例' }, allowDuplicates: true });
    assert.equal(mixed.errors.length, 1);
    assert.equal(mixed.imported.length, 1);
    assert.equal(mixed.imported[0]!.documentIds.length, 4);
    const after = counts(store);
    assert.equal(after.documents, before.documents! + 4);
    assert.equal(after.collections, before.collections! + 1);
    assert.equal(after.revisions, before.revisions! + 4);
  });

  test('cases follow the category list, then the official order of places by division code', () => {
    const file = jiningFile();
    // put all four in one section to see the division-code order (泗水 370831, 邹城 370883, 曲阜 370881, 嘉祥 370829)
    for (const c of file.cases) c.meta.category = '综合';
    const { collectionId } = store.commitImport([file], { newCollection: { title: '排序' }, allowDuplicates: true });
    const col = store.getCollection(collectionId!);
    assert.equal(col.sections.length, 1);
    const titles = col.sections[0]!.caseIds.map((id) => store.getDocument(id).document.meta.title);
    assert.deepEqual(titles, ['嘉祥丧事综合服务“零跑腿”', '济宁泗水“1443工作法”', '儒乡曲阜 诚信救助', '邹城“344工作法”']);

    const byCategory = store.commitImport([jiningFile()], { newCollection: { title: '分类' }, allowDuplicates: true });
    const sections = store.getCollection(byCategory.collectionId!).sections.map((s) => s.title);
    // DEFAULT_CATEGORIES order: 社会救助, 养老服务, 儿童福利, 社会组织, 基层政权和社区治理, 社会事务
    assert.deepEqual(sections, ['社会救助', '儿童福利', '基层政权和社区治理', '社会事务']);
  });

  test('correcting a case\'s place moves it to its place in the official order', () => {
    const file = jiningFile();
    for (const c of file.cases) c.meta.category = '综合';
    const { collectionId, imported } = store.commitImport([file], { newCollection: { title: '改地区' }, allowDuplicates: true });
    const [sishui] = imported[0]!.documentIds; // 泗水县 370831, second in code order
    const titles = () => store.getCollection(collectionId!).sections[0]!.caseIds.map((id) => store.getDocument(id).document.meta.title);
    assert.equal(titles()[1], '济宁泗水“1443工作法”');
    // the editor corrects the place to 任城区 (370811): it now comes first
    store.saveDocument(sishui!, { meta: { region: { province: '山东省', city: '济宁市', county: '任城区' } } });
    assert.equal(titles()[0], '济宁泗水“1443工作法”');
    assert.equal(store.summary(sishui!).region?.code, '370811');
  });

  test('drag and drop moves a case before another and across sections', () => {
    const { collectionId } = store.commitImport([jiningFile()], { newCollection: { title: '拖放' }, allowDuplicates: true });
    const col = store.getCollection(collectionId!);
    const [rescue] = col.sections.find((s) => s.title === '社会救助')!.caseIds;
    const [child] = col.sections.find((s) => s.title === '儿童福利')!.caseIds;
    const moved = store.moveDocument(child!, { beforeId: rescue });
    assert.equal(moved.category, '社会救助');
    const after = store.getCollection(collectionId!);
    assert.deepEqual(after.sections[0], { title: '社会救助', caseIds: [child, rescue] });
    assert.ok(!after.sections.some((s) => s.title === '儿童福利'));
    assert.equal((store.getDocument(child!).document.meta as { category?: string }).category, '社会救助');
    // to the end of another section
    store.moveDocument(child!, { category: '养老服务' });
    assert.deepEqual(store.getCollection(collectionId!).sections[1], { title: '养老服务', caseIds: [child] });
    assert.throws(() => store.moveDocument(child!, { beforeId: 'missing' }), StoreError);
  });
});

describe('revisions', () => {
  test('explicit saves keep snapshots, autosaves update one, restore is itself a revision, stale saves are refused', () => {
    const store = new Library(path.join(tmp, 'revisions.db'));
    try {
      const { imported } = store.commitImport([jiningFile()], { allowDuplicates: true });
      const id = imported[0]!.documentIds[0]!;
      const original = store.getDocument(id);
      assert.equal(store.listRevisions(id).length, 1);

      const s1 = store.saveDocument(id, { body: [para('第一次修改')], baseRevision: original.revision });
      const s2 = store.saveDocument(id, { body: [para('自动保存一')], baseRevision: s1.revision, autosave: true });
      const s3 = store.saveDocument(id, { body: [para('自动保存二')], baseRevision: s2.revision, autosave: true });
      let revs = store.listRevisions(id);
      assert.deepEqual(revs.map((r) => r.autosave), [true, false, false]);
      assert.throws(() => store.saveDocument(id, { body: [para('过期')], baseRevision: s1.revision }), (e: StoreError) => e.code === 'conflict');

      const s4 = store.saveDocument(id, { meta: { title: '改过的标题' }, baseRevision: s3.revision });
      assert.equal(s4.meta.title, '改过的标题');
      revs = store.listRevisions(id);
      assert.equal(revs.length, 4);
      assert.deepEqual(store.search('自动保存二').map((h) => h.id), [id]);

      const first = revs[revs.length - 1]!;
      const restored = store.restoreRevision(id, first.id);
      assert.equal(restored.document.meta.title, original.document.meta.title);
      assert.deepEqual(restored.document.body, original.document.body);
      assert.equal(store.listRevisions(id).length, 5);
      assert.equal(store.search('自动保存二').length, 0, 'the search index follows the restore');
      assert.equal(store.listDocuments()[0]!.title.length > 0, true);
    } finally {
      store.close();
    }
  });
});

describe('comments and categories', () => {
  let store: Library;
  let docId: string;
  before(() => {
    store = new Library(path.join(tmp, 'comments.db'));
    docId = store.commitImport([jiningFile()], { allowDuplicates: true }).imported[0]!.documentIds[0]!;
  });
  after(() => store.close());

  test('threads with replies, resolve and delete; open counts in summaries', () => {
    const thread = store.addComment({ documentId: docId, id: 'c-1', quote: '1443工作法', text: '请补充数据来源', author: '张审' });
    assert.equal(thread.resolved, false);
    store.replyComment('c-1', { text: '已补充', author: '李编' });
    const replied = store.replyComment('c-1', { text: '好的', author: '张审' });
    assert.deepEqual(replied.replies.map((r) => r.text), ['已补充', '好的']);
    store.addComment({ documentId: docId, quote: '留守儿童', text: '用词统一', author: '张审' });
    assert.equal(store.summary(docId).openComments, 2);
    store.resolveComment('c-1', true);
    assert.equal(store.summary(docId).openComments, 1);
    assert.equal(store.listComments(docId, true).length, 1);
    assert.throws(() => store.addComment({ documentId: docId, id: 'c-1', quote: '', text: 'x', author: 'y' }), /已经存在/);
    store.deleteComment('c-1');
    assert.equal(store.listComments(docId).length, 1);
    assert.equal((store.db.prepare(`SELECT COUNT(*) AS n FROM comment_replies`).get() as { n: number }).n, 0, 'replies go with their thread');
  });

  test('categories: add, rename (cases follow), reorder, delete (cases go to 综合)', () => {
    assert.equal(store.listCategories()[0], '社会救助');
    store.addCategory('数字民政');
    assert.equal(store.listCategories().at(-1), '数字民政');
    assert.throws(() => store.addCategory('数字民政'), (e: StoreError) => e.code === 'conflict');
    const child = store.listDocuments({ filters: { category: '儿童福利' } });
    assert.equal(child.length, 1);
    store.renameCategory('儿童福利', '儿童福利和未成年人保护');
    assert.equal(store.listDocuments({ filters: { category: '儿童福利和未成年人保护' } })[0]!.id, child[0]!.id);
    assert.equal((store.getDocument(child[0]!.id).document.meta as { category: string }).category, '儿童福利和未成年人保护');
    const names = store.listCategories();
    store.reorderCategories([...names].reverse());
    assert.equal(store.listCategories()[0], '数字民政');
    store.deleteCategory('儿童福利和未成年人保护');
    assert.ok(!store.listCategories().includes('儿童福利和未成年人保护'));
    assert.equal(store.summary(child[0]!.id).category, '综合');
    assert.throws(() => store.deleteCategory('综合'), (e: StoreError) => e.code === 'conflict');
    assert.throws(() => store.renameCategory('不存在', 'x'), (e: StoreError) => e.code === 'not-found');
  });
});

describe('search', () => {
  let store: Library;
  let ids: string[];
  before(() => {
    store = new Library(path.join(tmp, 'search.db'));
    ids = store.commitImport([jiningFile()], { allowDuplicates: true }).imported[0]!.documentIds;
    store.createCase({ title: '标记<script>测试', category: '综合' }, [para('正文里有 <b>尖括号</b> & “引号” 的社会救助内容')]);
  });
  after(() => store.close());

  test('3+ character terms use the trigram index and mark the hit in a snippet', () => {
    const hits = store.search('留守儿童');
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.id, ids[0]);
    assert.match(hits[0]!.snippet, /<mark>留守儿童<\/mark>/);
  });

  test('1 and 2 character terms still find documents (per-character index)', () => {
    const two = store.search('邹城');
    assert.ok(two.some((h) => h.title === '邹城“344工作法”'));
    assert.match(two.find((h) => h.title === '邹城“344工作法”')!.snippet, /<mark>邹城<\/mark>/);
    const one = store.search('丧');
    assert.ok(one.some((h) => h.title === '嘉祥丧事综合服务“零跑腿”'));
    assert.ok(one.every((h) => /<mark>丧<\/mark>/.test(h.snippet)));
    // mixed: both terms must occur, in the title or the body
    const mixed = store.search('曲阜 救助');
    assert.ok(mixed.some((h) => h.title === '儒乡曲阜 诚信救助'));
    for (const h of mixed) {
      const doc = store.getDocument(h.id).document;
      const all = doc.meta.title + JSON.stringify(doc.body);
      assert.ok(all.includes('曲阜') && all.includes('救助'), h.title);
    }
    assert.ok(!mixed.some((h) => h.title === '嘉祥丧事综合服务“零跑腿”'));
  });

  test('no hits, FTS syntax and quotes in the query are safe', () => {
    assert.deepEqual(store.search('火星基地'), []);
    assert.deepEqual(store.search('蛟'), []);
    for (const q of ['"', '""留守', 'AND', 'NEAR(留守 儿童)', '留守*', '(', "'; DROP TABLE documents; --", '^儿童', 'title:留守']) {
      assert.doesNotThrow(() => store.search(q), q);
    }
    assert.equal(store.search('"留守儿童"')[0]!.id, ids[0]);
    assert.ok(store.countDocuments() > 0);
  });

  test('snippets are HTML-escaped around the marks', () => {
    const hit = store.search('尖括号')[0]!;
    assert.ok(hit.snippet.includes('&lt;b&gt;<mark>尖括号</mark>&lt;/b&gt;'), hit.snippet);
    assert.ok(!/<(?!\/?mark>)/.test(hit.snippet));
    const short = store.search('引号')[0]!;
    assert.ok(!/<(?!\/?mark>)/.test(short.snippet), short.snippet);
    assert.equal(store.search('社会救助', { collectionId: 'nope' }).length, 0);
  });

  test('a deleted document leaves both indexes', () => {
    store.deleteDocument(ids[3]!);
    assert.equal(store.search('零跑腿').length, 0);
    assert.equal(store.search('嘉祥').length, 0);
    assert.equal(store.integrityCheck(), 'ok');
  });
});

describe('default data folder', () => {
  test("matches Electron's userData for productName Huibian on each platform, and HUIBIAN_DATA_DIR overrides", async () => {
    const { defaultDataDir, libraryPath } = await import('../electron/core/store/paths.js');
    const home = os.homedir();
    assert.equal(defaultDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32'), path.join('C:\\Users\\li\\AppData\\Roaming', 'Huibian'));
    assert.equal(defaultDataDir({}, 'darwin'), path.join(home, 'Library', 'Application Support', 'Huibian'));
    assert.equal(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux'), path.join('/cfg', 'Huibian'));
    assert.equal(defaultDataDir({}, 'linux'), path.join(home, '.config', 'Huibian'));
    assert.equal(defaultDataDir({ HUIBIAN_DATA_DIR: '/tmp/x', XDG_CONFIG_HOME: '/cfg' }, 'linux'), path.resolve('/tmp/x'));
    assert.equal(path.basename(libraryPath('/d')), 'huibian.db');
  });
});
