/**
 * Issue #9 item 7 through `dispatch` on the corpus shortlist: a file imported after the preview
 * changed it (two cases merged, a dropped line put back, a title corrected) is known as a whole
 * when it comes again — every case flagged, and the file itself by its bytes ("imported on …");
 * a later version of the list that shares one case with it has that case flagged only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportPreview } from '../electron/core/api/schema.js';
import { CORPUS_DIR } from './fixtures/corpus.js';
import { apiSession } from './fixtures/api-session.js';

const SHORTLIST = path.join(CORPUS_DIR, 'jining-2020-shortlist.txt');

const session = apiSession('huibian-known-');
const { call } = session;

const preview = (file: string) => call('import.preview', { files: [{ name: path.basename(file), path: file }] });
const revise = (p: ImportPreview, change: unknown) => call('import.revise', { previewId: p.previewId, file: 0, change });
const flagged = (p: ImportPreview) => p.duplicates.filter((d) => d.fileIndex === 0).map((d) => d.case).sort();

test('a file the preview changed before it went in is recognised whole when imported again', async () => {
  const first = await preview(SHORTLIST);
  const read = first.files[0]!;
  assert.equal(read.cases.length, 4);
  assert.deepEqual(first.duplicates, []);
  assert.equal(first.knownFiles, undefined, 'nothing imported yet');
  const titles = read.cases.map((c) => c.meta.title);
  assert.ok(read.dropped.length > 0, 'the shortlist has lines dropped as page furniture');

  // the editor merges the first two cases and puts a dropped line back into the last
  const merged = await revise(first, { op: 'merge', case: 0 });
  const restored = await revise(merged, { op: 'restore', line: 0, case: 2 });
  assert.equal(restored.files[0]!.cases.length, 3);
  assert.deepEqual(restored.duplicates, []);
  const committed = await call('import.commit', {
    previewId: first.previewId,
    newCollection: { title: '济宁 2020' },
    // and corrects the title of the third
    edits: [{ file: 0, case: 1, meta: { title: `${titles[2]}（曲阜市）` } }],
  });
  assert.equal(committed.imported[0]!.documentIds.length, 3);
  assert.deepEqual(committed.duplicates, []);

  const again = await preview(SHORTLIST);
  assert.equal(again.files[0]!.cases.length, 4);
  assert.deepEqual(flagged(again), [0, 1, 2, 3], 'every case of the draft is known, merged, restored and retitled ones included');
  const [known] = again.knownFiles ?? [];
  assert.ok(known, 'the file itself is known by its bytes');
  assert.equal(known.fileIndex, 0);
  assert.equal(known.importedAs, 'jining-2020-shortlist.txt');
  assert.equal(known.collectionId, committed.collectionId);
  assert.equal(known.collectionTitle, '济宁 2020');
  assert.ok(Date.now() - Date.parse(known.importedAt) < 60_000, known.importedAt);
  // the merged case answers for both cases it was made of
  const byCase = new Map(again.duplicates.map((d) => [d.case, d.existingId]));
  assert.equal(byCase.get(0), committed.imported[0]!.documentIds[0]);
  assert.equal(byCase.get(1), committed.imported[0]!.documentIds[0]);
  assert.equal(byCase.get(3), committed.imported[0]!.documentIds[2]);

  // committing it again adds nothing
  const twice = await call('import.commit', { previewId: again.previewId, collectionId: committed.collectionId });
  assert.deepEqual(twice.imported[0]!.documentIds, []);
  assert.equal(twice.duplicates.length, 4);
  assert.equal((await call('documents.list', { collectionId: committed.collectionId })).length, 3);

  // a revised preview still says so
  const third = await preview(SHORTLIST);
  const revised = await revise(third, { op: 'merge', case: 2 });
  assert.equal(revised.knownFiles?.[0]?.importedAs, 'jining-2020-shortlist.txt');
});

test('a different file sharing one case with an imported one has that case flagged only', async () => {
  // a later version of the list: three of its cases give other figures, 曲阜's is as before
  let text = readFileSync(SHORTLIST, 'utf8');
  for (const [was, now] of [['就读儿童578人', '就读儿童612人'], ['梳理社区公共服务事项46项', '梳理社区公共服务事项48项'], ['选聘88名代办员', '选聘90名代办员']] as const) {
    assert.equal(text.split(was).length, 2, was);
    text = text.replace(was, now);
  }
  const later = path.join(session.dir, 'jining-2020-shortlist-v2.txt');
  writeFileSync(later, text);
  const p = await preview(later);
  assert.equal(p.files[0]!.cases.length, 4);
  assert.equal(p.knownFiles, undefined, 'other bytes: not the same file');
  assert.deepEqual(flagged(p), [2]);
  assert.match(p.duplicates[0]!.existingTitle, /儒乡曲阜 诚信救助/);
});

const TUNING = path.join(import.meta.dirname, 'fixtures/portal/tuning');

test('a notice the library holds stays flagged when a dropped line is put back into it, and is not stored twice', async () => {
  const name = 'zhejiang-2021-ertong-fuli-guihua-tongzhi.txt';
  const file = path.join(TUNING, name);
  const first = await preview(file);
  assert.ok(first.files[0]!.notice && first.files[0]!.dropped.length > 0, 'a notice with lines dropped as page furniture');
  const committed = await call('import.commit', { previewId: first.previewId, newCollection: { title: '浙江通知' } });
  const [noticeId] = committed.imported[0]!.documentIds;
  const again = await preview(file);
  assert.deepEqual(flagged(again), [null]);
  const restored = await revise(again, { op: 'restore', line: 0 });
  assert.deepEqual(flagged(restored), [null], 'the line put back does not make it new');
  assert.equal(restored.duplicates[0]!.existingId, noticeId);
  const twice = await call('import.commit', { previewId: again.previewId, collectionId: committed.collectionId });
  assert.deepEqual(twice.imported[0]!.documentIds, []);
  assert.equal((await call('documents.list', { collectionId: committed.collectionId })).length, 1);
});

test('a notice imported with a line put back is known by its text as drafted when the file comes again', async () => {
  const name = 'anqing-2021-shehui-zuzhi-pinggu-fanti.txt';
  const file = path.join(TUNING, name);
  const first = await preview(file);
  const restored = await revise(first, { op: 'restore', line: 0 });
  assert.deepEqual(restored.duplicates, []);
  const committed = await call('import.commit', { previewId: first.previewId, newCollection: { title: '安庆通知' } });
  const again = await preview(file);
  assert.deepEqual(flagged(again), [null]);
  assert.equal(again.duplicates[0]!.existingId, committed.imported[0]!.documentIds[0]);
});

test('a case merged with one the library does not hold is new, though the other half is known', async () => {
  // 曲阜's case is in the library (the tests above); the later version's first case is not
  const text = readFileSync(SHORTLIST, 'utf8').replace('就读儿童578人', '就读儿童640人');
  const later = path.join(session.dir, 'jining-2020-shortlist-v3.txt');
  writeFileSync(later, text);
  const p = await preview(later);
  assert.deepEqual(flagged(p), [1, 2, 3]);
  const merged = await revise(p, { op: 'merge', case: 0 });
  assert.deepEqual(flagged(merged), [1, 2], 'the merged first case carries text the library lacks');
  const restored = await revise(merged, { op: 'restore', line: 0, case: 1 });
  assert.deepEqual(flagged(restored), [1, 2], 'a known case with a line put back stays known');
});
