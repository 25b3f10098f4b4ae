/**
 * Issue #9 item 7: two cases merged in the preview and split back where the merge left the
 * second one's heading go into the library as the two cases they were drafted as, and the
 * same file imported again names each case's own twin — not the first case for both, as when
 * the first kept the second's print after the split.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { ImportPreview } from '../electron/core/api/schema.js';
import { CORPUS_DIR } from './fixtures/corpus.js';
import { apiSession } from './fixtures/api-session.js';

const SHORTLIST = path.join(CORPUS_DIR, 'jining-2020-shortlist.txt');
const { call } = apiSession('huibian-split-known-');
const preview = () => call('import.preview', { files: [{ name: path.basename(SHORTLIST), path: SHORTLIST }] });
const revise = (p: ImportPreview, change: unknown) => call('import.revise', { previewId: p.previewId, file: 0, change });

test('merged and split back, each case is known again under its own title', async () => {
  const first = await preview();
  const titles = first.files[0]!.cases.map((c) => c.meta.title);
  const merged = await revise(first, { op: 'merge', case: 0 });
  const body = merged.files[0]!.cases[0]!.body;
  const at = body.findIndex((b) => b.type === 'heading' && JSON.stringify(b).includes('344工作法'));
  assert.ok(at > 0, 'the merge leaves the second case as a heading in the first');
  const split = await revise(merged, { op: 'split', case: 0, block: at });
  assert.deepEqual(split.files[0]!.cases.map((c) => c.meta.title), titles);
  // a line put back into the second case: its text is no longer the text it was drafted as
  await revise(split, { op: 'restore', line: 0, case: 1 });
  const committed = await call('import.commit', { previewId: first.previewId, newCollection: { title: '济宁 拆分' } });
  const ids = committed.imported[0]!.documentIds;
  assert.equal(ids.length, 4);

  const again = await preview();
  const named = again.duplicates.filter((d) => d.fileIndex === 0).map((d) => [d.case, d.title, d.existingTitle, d.existingId]);
  assert.equal(named.length, 4, 'every case of the file is known');
  for (const [index, title, existingTitle, existingId] of named) {
    assert.equal(existingTitle, title, `case ${index} is named as its own twin`);
    assert.equal(existingId, ids[index as number], `case ${index} points at the case stored from it`);
  }
});
