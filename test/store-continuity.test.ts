/**
 * 新增/延续 on the real Jining shortlist (2020) against a 2019 collection written the way such
 * cases are renamed from one year to the next: detection (same unit, similar title), the
 * candidates the editor sees, the editor's link / unlink / auto that detection never
 * overrides, the refusals, and the flags the export hands the writers (meta.continuesFrom).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, type Api } from '../electron/core/api/index.js';
import { call, refused } from './support/api.js';
import { withContinuity } from '../electron/core/api/handlers/export.js';
import type { CaseDocument } from '../electron/core/model/types.js';
import { corpusPath } from './fixtures/corpus.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-continuity-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('新增/延续', () => {
  let api: Api;
  let y2019: string;
  let y2020: string;
  /** 2020 cases by a word of their title. */
  const now: Record<string, string> = {};
  /** 2019 cases. */
  const old: Record<string, string> = {};
  const region = (county: string) => ({ province: '山东省', city: '济宁市', county });

  before(async () => {
    api = createApi({ dataDir: path.join(tmp, 'lib'), transport: 'cli' });
    y2019 = (await call(api, 'collections.create', { title: '2019年度全省民政工作创新案例', year: 2019 })).id;
    const make = async (meta: Record<string, unknown>) => (await call(api, 'documents.create', { kind: 'case', collectionId: y2019, meta })).document.id;
    old['泗水'] = await make({ title: '泗水“1443工作法”', subtitle: '关爱农村孤困儿童', unit: '济宁市民政局', region: region('泗水县'), year: 2019 });
    old['邹城'] = await make({ title: '邹城市“344工作法”推进农村社区治理', unit: '济宁市民政局', region: region('邹城市'), year: 2019 });
    // the same title from another unit: a candidate to look at, never linked by detection
    old['曲阜'] = await make({ title: '儒乡曲阜 诚信救助', unit: '曲阜市民政局', region: region('曲阜市'), year: 2019 });
    const preview = await call(api, 'import.preview', { files: [{ name: 'jining-2020-shortlist.txt', path: corpusPath('jining-2020-shortlist.txt') }] });
    const commit = await call(api, 'import.commit', { previewId: preview.previewId, newCollection: { title: '2020年度全省民政工作创新案例', year: 2020 } });
    y2020 = commit.collectionId;
    for (const d of await call(api, 'documents.list', { collectionId: y2020 })) {
      const key = ['泗水', '邹城', '曲阜', '嘉祥'].find((k) => d.title.includes(k));
      if (key) now[key] = d.id;
    }
    assert.equal(Object.keys(now).length, 4, 'the shortlist gives its four cases');
  });
  after(() => api.close());

  test('detection: the same unit and a similar title in an earlier collection is 延续; the rest is 新增', async () => {
    const sishui = await call(api, 'documents.continuity', { id: now['泗水'] });
    assert.equal(sishui.flag, 'continued');
    assert.equal(sishui.decidedBy, 'detection');
    assert.deepEqual(sishui.continuesFrom, { documentId: old['泗水'], collectionId: y2019, title: '泗水“1443工作法”', year: 2019 });
    assert.equal(sishui.candidates[0]!.documentId, old['泗水']);
    assert.ok(sishui.candidates[0]!.detected);
    assert.ok(sishui.candidates[0]!.reasons.includes('单位相同'), sishui.candidates[0]!.reasons.join(' '));

    assert.equal((await call(api, 'documents.continuity', { id: now['邹城'] })).continuesFrom?.documentId, old['邹城']);

    const jiaxiang = await call(api, 'documents.continuity', { id: now['嘉祥'] });
    assert.deepEqual([jiaxiang.flag, jiaxiang.decidedBy, jiaxiang.continuesFrom], ['new', 'detection', null]);

    // same title, other unit: shown to the editor, not linked
    const qufu = await call(api, 'documents.continuity', { id: now['曲阜'] });
    assert.equal(qufu.flag, 'new');
    const other = qufu.candidates.find((c) => c.documentId === old['曲阜']);
    assert.ok(other && !other.detected && other.reasons.includes('单位不同'), JSON.stringify(qufu.candidates));

    // the first edition has nothing earlier: no flag at all
    const first = await call(api, 'documents.continuity', { id: old['泗水'] });
    assert.deepEqual([first.flag, first.decidedBy, first.candidates], [null, null, []]);
  });

  test('the editor links, unlinks and hands back; detection never overrides the choice', async () => {
    const linked = await call(api, 'documents.setContinuity', { id: now['曲阜'], mode: 'link', documentId: old['曲阜'] });
    assert.deepEqual([linked.flag, linked.decidedBy, linked.continuesFrom?.documentId], ['continued', 'editor', old['曲阜']]);
    const stored = (await call(api, 'documents.get', { id: now['曲阜'] })).document.meta as { continuity?: string; continuesFrom?: { title: string } };
    assert.equal(stored.continuity, 'linked');
    assert.equal(stored.continuesFrom?.title, '儒乡曲阜 诚信救助');
    const notes = (await call(api, 'revisions.list', { documentId: now['曲阜'] })).map((r) => r.note);
    assert.ok(notes.includes('延续：2019 年《儒乡曲阜 诚信救助》'), notes.join(' | '));

    // a rename of the earlier case is what the link reads afterwards
    await call(api, 'documents.save', { id: old['曲阜'], meta: { title: '儒乡曲阜 诚信救助（2019）' } });
    assert.equal((await call(api, 'documents.continuity', { id: now['曲阜'] })).continuesFrom?.title, '儒乡曲阜 诚信救助（2019）');

    const unlinked = await call(api, 'documents.setContinuity', { id: now['泗水'], mode: 'unlink' });
    assert.deepEqual([unlinked.flag, unlinked.decidedBy, unlinked.continuesFrom], ['new', 'editor', null]);
    assert.ok(unlinked.candidates.some((c) => c.documentId === old['泗水'] && c.detected), 'the candidate is still shown');

    const auto = await call(api, 'documents.setContinuity', { id: now['泗水'], mode: 'auto' });
    assert.deepEqual([auto.flag, auto.decidedBy, auto.continuesFrom?.documentId], ['continued', 'detection', old['泗水']]);
    const meta = (await call(api, 'documents.get', { id: now['泗水'] })).document.meta;
    assert.ok(!('continuity' in meta) && !('continuesFrom' in meta), 'auto leaves no choice in the metadata');
  });

  test('refusals: itself, the same collection, a later one, a notice, a locked case', async () => {
    await refused(api, 'documents.setContinuity', { id: now['嘉祥'], mode: 'link', documentId: now['嘉祥'] }, 'invalid-input', /不能延续它自己/);
    await refused(api, 'documents.setContinuity', { id: now['嘉祥'], mode: 'link', documentId: now['邹城'] }, 'invalid-input', /在同一个汇编中/);
    await refused(api, 'documents.setContinuity', { id: old['邹城'], mode: 'link', documentId: now['邹城'] }, 'invalid-input', /不早于本案例的汇编/);
    await refused(api, 'documents.setContinuity', { id: now['嘉祥'], mode: 'link' }, 'invalid-input');
    const notice = await call(api, 'documents.create', { kind: 'notice', collectionId: y2020, meta: { title: '关于公示的通知' } });
    await refused(api, 'documents.continuity', { id: notice.document.id }, 'invalid-input', /只有案例/);
    await call(api, 'documents.setStatus', { ids: [now['嘉祥']], status: 'final' });
    await refused(api, 'documents.setContinuity', { id: now['嘉祥'], mode: 'unlink' }, 'locked', /已定稿/);
    await call(api, 'documents.setStatus', { ids: [now['嘉祥']], status: 'review', reason: '补充延续标记' });
    await call(api, 'documents.delete', { id: notice.document.id });
  });

  test('the export hands every case its flag in meta.continuesFrom; the library rows stay as they were', async () => {
    const bundle = api.context.store.bundle(y2020);
    const flagged = withContinuity(api.context, { bundle, comments: {}, title: bundle.collection.title });
    const cases = flagged.bundle!.cases as Record<string, CaseDocument>;
    assert.equal(cases[now['泗水']!]!.meta.continuesFrom?.documentId, old['泗水'], '延续 by detection');
    assert.equal(cases[now['曲阜']!]!.meta.continuesFrom?.documentId, old['曲阜'], '延续 by the editor');
    assert.equal(cases[now['嘉祥']!]!.meta.continuesFrom, null, '新增');
    assert.deepEqual(Object.keys(cases), Object.keys(bundle.cases as Record<string, CaseDocument>), 'the same cases, in order');
    assert.ok(!('continuesFrom' in (bundle.cases as Record<string, CaseDocument>)[now['泗水']!]!.meta), 'the bundle read from the library is not changed');
    // the first edition: no flag
    const first = api.context.store.bundle(y2019);
    const firstCases = withContinuity(api.context, { bundle: first, comments: {}, title: '' }).bundle!.cases as Record<string, CaseDocument>;
    assert.ok(Object.values(firstCases).every((c) => !('continuesFrom' in c.meta)));
  });

  test('an earlier case in the trash no longer counts; restored, it does again', async () => {
    await call(api, 'documents.delete', { id: old['邹城'] });
    assert.equal((await call(api, 'documents.continuity', { id: now['邹城'] })).flag, 'new');
    await call(api, 'documents.restoreDeleted', { ids: [old['邹城']] });
    assert.equal((await call(api, 'documents.continuity', { id: now['邹城'] })).continuesFrom?.documentId, old['邹城']);
  });
});
