/**
 * A draft's outcome as an import worker sends it (importTransfer.ts): the proof's per-case
 * changes are parsed only when read, and whoever reads the outcome — JSON for --json and the
 * server, a structured clone for the app's IPC, a spread, the import-pool comparison — gets
 * the same data, in the same key order, as the thread's own outcome.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previewDraft } from '../electron/core/api/handlers/importDraft.js';
import { decodeDraft, encodeDraft } from '../electron/core/api/handlers/importTransfer.js';
import { CORPUS_FILES, corpusPath } from './fixtures/corpus.js';

test('an outcome sent as JSON with its proof cases apart reads back the same, and parses them only when read', async () => {
  let changes = 0;
  for (const name of CORPUS_FILES) {
    const outcome = await previewDraft({ name, path: corpusPath(name) }, { maxBytes: 20 * 1024 * 1024 });
    assert.equal(outcome.kind, 'file', name);
    if (outcome.kind !== 'file') continue;
    changes += outcome.proof.cases.reduce((n, c) => n + c.fixes.length + c.proposals.length, 0);
    const message = encodeDraft(outcome);
    assert.equal(JSON.parse(message.json).proof.cases, null, `${name}: the cases went in the outcome's JSON too`);

    const lazy = decodeDraft(message);
    assert.equal(typeof Object.getOwnPropertyDescriptor(lazy.proof, 'cases')?.get, 'function', `${name}: cases parsed before they were read`);
    assert.equal(JSON.stringify(lazy), JSON.stringify(outcome), `${name}: JSON`);
    assert.deepEqual(Object.getOwnPropertyDescriptor(lazy.proof, 'cases')?.value, outcome.proof.cases, `${name}: read once, kept as data`);

    assert.deepEqual(structuredClone(decodeDraft(message)), outcome, `${name}: structured clone`);
    assert.deepEqual({ ...decodeDraft(message).proof, file: 3 }, { ...outcome.proof, file: 3 }, `${name}: spread`);
    const set = decodeDraft(message);
    set.proof.cases = [];
    assert.deepEqual(set.proof.cases, [], `${name}: assigned`);
  }
  assert.ok(changes > 0, 'the corpus drafts had proof changes to carry');
});
