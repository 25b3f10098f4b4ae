/**
 * The export's bundle read case by case (store/bundleCases.ts): past its limit a case comes
 * with its meta only and its body is read from the library when asked for. The cases must be
 * the bundle's own, in its order, with the same bodies; the 新增/延续 step must not read the
 * bodies to copy them; a case deleted while the export runs says so in Chinese; and a book
 * written from it is the book written from the whole bundle.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, type Api } from '../electron/core/api/index.js';
import { withContinuity } from '../electron/core/api/handlers/export.js';
import { exportBundle, withMeta } from '../electron/core/store/bundleCases.js';
import { runExport } from '../electron/core/export/index.js';
import type { CaseDocument } from '../electron/core/model/types.js';
import { call } from './support/api.js';
import { corpusPath } from './fixtures/corpus.js';
import { pdfPageTexts } from './docx-helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-bundle-cases-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('the bundle read case by case', () => {
  let api: Api;
  let collectionId: string;

  before(async () => {
    api = createApi({ dataDir: path.join(tmp, 'lib'), transport: 'cli' });
    const preview = await call(api, 'import.preview', { files: [{ name: 'feature.txt', path: corpusPath('zhongguominzheng-2022-02-feature.txt') }] });
    collectionId = (await call(api, 'import.commit', { previewId: preview.previewId, newCollection: { title: '民政工作创新案例汇编' } })).collectionId;
  });
  after(() => api.close());

  test('the same cases, in the same order, with the same bodies; small books still come whole', () => {
    const store = api.context.store;
    const whole = store.bundle(collectionId);
    assert.ok(Object.keys(whole.cases).length >= 5, 'the feature gives several cases');
    const byCase = exportBundle(store, collectionId, 0);
    assert.deepEqual(Object.keys(byCase.cases), Object.keys(whole.cases), 'book order');
    assert.deepEqual(byCase.collection, whole.collection);
    const first = Object.values(byCase.cases)[0] as CaseDocument;
    assert.ok(Object.getOwnPropertyDescriptor(first, 'body')?.get, 'read when asked for');
    // The import's reasons for its category guess stay in the library: no writer reads them.
    const wholeFirst = (whole.cases as Record<string, CaseDocument>)[first.id]!;
    assert.ok(wholeFirst.meta.categoryExplanation?.length, 'the library keeps why the category was chosen');
    assert.ok(Object.values(byCase.cases).every((c) => !('categoryExplanation' in c.meta)), 'the export reads the meta without it');
    const withoutReasons = (doc: CaseDocument) => ({ ...doc, meta: (({ categoryExplanation: _r, ...meta }) => meta)(doc.meta) });
    // A spread and JSON see the body like any other property.
    assert.equal(JSON.stringify(byCase), JSON.stringify({ ...whole, cases: Object.fromEntries(Object.entries(whole.cases).map(([id, d]) => [id, withoutReasons(d)])) }));
    assert.deepEqual({ ...first }, withoutReasons(wholeFirst));
    // Under the limit nothing changes: the library's own bundle, bodies as plain values.
    const small = Object.values(exportBundle(store, collectionId).cases)[0] as CaseDocument;
    assert.equal(Object.getOwnPropertyDescriptor(small, 'body')?.get, undefined);
  });

  test('新增/延续 copies the cases without reading their bodies', () => {
    const store = api.context.store;
    const byCase = exportBundle(store, collectionId, 0);
    const flagged = withContinuity(api.context, { bundle: byCase, comments: {}, title: byCase.collection.title });
    for (const doc of Object.values(flagged.bundle!.cases) as CaseDocument[]) {
      assert.ok(Object.getOwnPropertyDescriptor(doc, 'body')?.get, `${doc.meta.title}: still read when asked for`);
    }
    const doc = Object.values(byCase.cases)[0] as CaseDocument;
    const renamed = withMeta(doc, { ...doc.meta, title: '改过的标题' });
    assert.equal(renamed.meta.title, '改过的标题');
    assert.deepEqual(renamed.body, doc.body);
    // Assigning a body keeps it, as on a plain object.
    renamed.body = [];
    assert.deepEqual(renamed.body, []);
  });

  test('a case deleted while the export runs is named in Chinese', async () => {
    const store = api.context.store;
    const byCase = exportBundle(store, collectionId, 0);
    const doc = Object.values(byCase.cases).at(-1) as CaseDocument;
    store.db.prepare('DELETE FROM document_content WHERE document_id = ?').run(doc.id);
    assert.throws(() => doc.body, (e: Error) => e.message.includes(doc.meta.title) && /已从资料库中删除/.test(e.message));
  });

  test('the book from the cases read one by one is the book from the whole bundle', async () => {
    const store = api.context.store;
    const id = (await call(api, 'collections.create', { title: '另一本汇编' })).id;
    const preview = await call(api, 'import.preview', { files: [{ name: 'feature.txt', path: corpusPath('zhongguominzheng-2022-02-feature.txt') }] });
    const other = (await call(api, 'import.commit', { previewId: preview.previewId, collectionId: id, allowDuplicates: true })).collectionId;
    const texts: string[][] = [];
    for (const [label, bundle] of [['whole', store.bundle(other)], ['by case', exportBundle(store, other, 0)]] as const) {
      const out = await runExport({ template: 'anthology', format: 'pdf', outPath: path.join(tmp, `${label}.pdf`), bundle });
      texts.push(await pdfPageTexts(out.path));
    }
    assert.ok(texts[0]!.length > 5);
    assert.deepEqual(texts[1], texts[0]);
  });
});
