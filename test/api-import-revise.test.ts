/**
 * import.revise and import.awards through `dispatch` on the corpus's real drafts: a file's kind
 * changed (a notice to one case and back, a list to one case), cases merged and split, a dropped
 * line put back; what commit stores is what the revised preview showed, proofing fixes included;
 * indexes that do not exist are refused in Chinese and leave the preview as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ApiError, type ImportPreview } from '../electron/core/api/schema.js';
import { blocksText } from '../electron/core/model/text.js';
import type { CaseDocument, NoticeDocument } from '../electron/core/model/types.js';
import { CORPUS_DIR } from './fixtures/corpus.js';
import { apiSession } from './fixtures/api-session.js';

const SHORTLIST = path.join(CORPUS_DIR, 'jining-2020-shortlist.txt');
const NOTICE = path.join(CORPUS_DIR, 'qufu-2020-notice.txt');

const session = apiSession('huibian-revise-');
const { call } = session;

const preview = (file: string) => call('import.preview', { files: [{ name: path.basename(file), path: file }] });
const revise = (p: ImportPreview, change: unknown, file = 0) => call('import.revise', { previewId: p.previewId, file, change });

test('merge, split at the heading the merge left, restore: the preview and then the library hold the corrected cases', async () => {
  const p = await preview(SHORTLIST);
  const read = p.files[0]!;
  assert.equal(read.cases.length, 4);
  const titles = read.cases.map((c) => c.meta.title);
  const merged = await revise(p, { op: 'merge', case: 0 });
  assert.equal(merged.previewId, p.previewId);
  assert.deepEqual(merged.files[0]!.cases.map((c) => c.meta.title), [titles[0], titles[2], titles[3]]);
  const one = merged.files[0]!.cases[0]!;
  const at = one.body.findIndex((b) => b.type === 'heading' && blocksText([b]) === titles[1]);
  assert.equal(at, read.cases[0]!.body.length, 'the second case follows the first, under its title');
  assert.equal(merged.proof?.[0]?.cases.length, 3, 'the proof is read again for the revised file');

  const split = await revise(p, { op: 'split', case: 0, block: at });
  assert.deepEqual(split.files[0]!.cases.map((c) => c.meta.title), titles);
  assert.deepEqual(split.files[0]!.cases[1]!.body, read.cases[1]!.body);
  assert.equal(split.files[0]!.cases[1]!.meta.award, read.cases[1]!.meta.award);
  assert.equal(split.files[0]!.cases[1]!.meta.unit, read.cases[1]!.meta.unit);

  const line = read.dropped.indexOf('责任编辑:赵冉冉');
  assert.ok(line >= 0, read.dropped.join(' | '));
  const restored = await revise(p, { op: 'restore', line, case: 2 });
  assert.equal(restored.files[0]!.dropped.length, read.dropped.length - 1);
  assert.equal(blocksText([restored.files[0]!.cases[2]!.body[0]!]), '责任编辑:赵冉冉');

  const result = await call('import.commit', { previewId: p.previewId, newCollection: { title: '修正后的名单' } });
  const ids = result.imported.flatMap((i) => i.documentIds);
  assert.equal(ids.length, 4);
  const docs = await Promise.all(ids.map(async (id) => ((await call('documents.get', { id })) as { document: CaseDocument }).document));
  const third = docs.find((d) => d.meta.title === titles[2])!;
  // The restored line went in with the rest, and the proofing fixes the preview showed were applied to it.
  assert.equal(blocksText([third.body[0]!]), '责任编辑：赵冉冉');
});

test('kind: a notice becomes one case with its text, and a case becomes a notice again; a list becomes one case', async () => {
  const p = await preview(NOTICE);
  const notice = p.files[0]!.notice!;
  assert.equal(p.files[0]!.kind, 'notice');
  const asCase = await revise(p, { op: 'kind', kind: 'single-case' });
  const file = asCase.files[0]!;
  assert.equal(file.kind, 'single-case');
  assert.equal(file.notice, null);
  assert.equal(file.cases.length, 1);
  assert.equal(file.cases[0]!.meta.title, notice.meta.title);
  assert.ok(blocksText(file.cases[0]!.body).startsWith(blocksText(notice.body)));
  assert.equal(file.cases[0]!.meta.unit, notice.meta.issuer);
  const back = await revise(p, { op: 'kind', kind: 'notice' });
  // A dropped line put back into a file without cases goes to the top of its notice (a portal notice, tuning set).
  const portal = await preview(path.join(import.meta.dirname, 'fixtures/portal/tuning/chaohu-2017-liushou-tongzhi.txt'));
  assert.ok(portal.files[0]!.notice && portal.files[0]!.cases.length === 0 && portal.files[0]!.dropped.length > 0);
  const withLine = await revise(portal, { op: 'restore', line: 1 });
  assert.equal(blocksText([withLine.files[0]!.notice!.body[0]!]), portal.files[0]!.dropped[1]);
  assert.deepEqual(withLine.files[0]!.notice!.body.slice(1), portal.files[0]!.notice!.body);
  assert.equal(withLine.files[0]!.dropped.length, portal.files[0]!.dropped.length - 1);
  assert.equal(back.files[0]!.kind, 'notice');
  assert.equal(back.files[0]!.cases.length, 0);
  assert.equal(back.files[0]!.notice!.meta.title, notice.meta.title);
  // Made a case and back, untouched: the notice keeps the fields it was read with.
  assert.deepEqual(back.files[0]!.notice, notice);
  const result = await call('import.commit', { previewId: p.previewId, newCollection: { title: '通知来回' } });
  const id = result.imported[0]!.documentIds[0]!;
  const stored = ((await call('documents.get', { id })) as { document: NoticeDocument }).document;
  assert.equal(stored.kind, 'notice');
  assert.equal(stored.meta.title, notice.meta.title);

  assert.equal(stored.meta.docNumber, notice.meta.docNumber);
  // (The proofing fixes applied at commit make its comma full-width.)
  assert.equal(stored.meta.addressees, notice.meta.addressees!.replace(/,/g, '，'));

  const list = await preview(SHORTLIST);
  const single = await revise(list, { op: 'kind', kind: 'single-case' });
  assert.equal(single.files[0]!.cases.length, 1);
  const text = blocksText(single.files[0]!.cases[0]!.body);
  for (const c of list.files[0]!.cases.slice(1)) assert.ok(text.includes(c.meta.title), `${c.meta.title} is a heading of the one case`);
});

test('indexes that do not exist are refused in Chinese and change nothing; an expired preview is named', async () => {
  const p = await preview(SHORTLIST);
  const refused = async (change: unknown, pattern: RegExp, file = 0) =>
    assert.rejects(revise(p, change, file), (e: unknown) => e instanceof ApiError && e.code === 'invalid-input' && pattern.test(e.message));
  await refused({ op: 'merge', case: 3 }, /已是“jining-2020-shortlist\.txt”的最后一个/);
  await refused({ op: 'split', case: 0, block: 99 }, /只能在第 2 到第 \d+ 段之间拆分/);
  await refused({ op: 'restore', line: 99, case: 0 }, /没有第 100 行/);
  await refused({ op: 'restore', line: 0, case: 9 }, /没有第 10 个案例/);
  await refused({ op: 'merge', case: 0 }, /没有第 2 个文件/, 1);
  const still = await revise(p, { op: 'kind', kind: 'case-list' });
  assert.equal(still.files[0]!.cases.length, 4);
  assert.equal(still.files[0]!.dropped.length, p.files[0]!.dropped.length);
  await assert.rejects(call('import.revise', { previewId: '00000000-0000-4000-8000-000000000000', file: 0, change: { op: 'merge', case: 0 } }), (e: unknown) => e instanceof ApiError && e.code === 'not-found' && /已过期/.test(e.message));
});

test('import.awards: a list read again matches the cases the library holds, and writes nothing', async () => {
  const p = await preview(SHORTLIST);
  await revise(p, { op: 'kind', kind: 'award-list' });
  const before = await call('documents.list', {});
  const m = await call('import.awards', { previewId: p.previewId, file: 0 });
  // The library holds the shortlist's four cases (the first test) and the notice.
  assert.equal(m.matched.length, 4);
  assert.deepEqual(m.matched.map((x) => x.case), [0, 1, 2, 3]);
  assert.ok(m.matched.every((x) => x.score >= 0.75 && x.reasons.length));
  assert.deepEqual(m.unmatched, []);
  assert.deepEqual(await call('documents.list', {}), before);
});
