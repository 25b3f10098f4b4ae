/**
 * Schema 11: the bytes of each imported file (imported_files) and the fingerprints a case was
 * drafted as when the import preview changed it (drafted_prints). A library of schema 10
 * upgrades with its documents as they were; it learns a file the next time it is imported.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Library } from '../electron/core/store/index.js';
import { LATEST_VERSION } from '../electron/core/store/migrations.js';
import { caseFingerprint } from '../electron/core/store/fingerprint.js';
import type { ImportedFile } from '../electron/core/model/imported.js';
import type { Block } from '../electron/core/model/types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-schema11-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const para = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const BODY = [para('曲阜市结合实际，积极开展社会救助制度创新试点，建立诚信救助档案。'), para('全市低保对象动态管理，做到应保尽保。')];
const TITLE = '儒乡曲阜 诚信救助';

function draft(cases: ImportedFile['cases']): ImportedFile {
  const bytes = Buffer.from(`${TITLE}\n${BODY.map((b) => JSON.stringify(b)).join('\n')}`);
  return { file: 'qufu.txt', format: 'txt', contentHash: createHash('sha256').update(bytes).digest('hex'), kind: 'single-case', info: {}, cases, dropped: [], captions: [], warnings: [] } as ImportedFile;
}

test('a schema-10 library upgrades; its cases are still found, and an imported file is known after its next import', () => {
  const file = path.join(tmp, 'old.db');
  const ten = new Library(file, { targetVersion: 10 });
  const collection = ten.createCollection({ title: '旧汇编' });
  const id = ten.createCase({ title: TITLE, category: '社会救助' }, BODY, collection.id);
  ten.db.prepare('UPDATE documents SET content_hash = ? WHERE id = ?').run(caseFingerprint(TITLE, BODY), id);
  assert.equal(ten.db.pragma('user_version', { simple: true }), 10);
  assert.equal((ten.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('imported_files', 'drafted_prints')").get() as { n: number }).n, 0);
  ten.close();

  const store = new Library(file);
  try {
    assert.ok(LATEST_VERSION >= 11);
    assert.equal(store.db.pragma('user_version', { simple: true }), LATEST_VERSION);
    const again = draft([{ meta: { title: TITLE }, body: BODY, sections: [], captions: [] }]);
    assert.deepEqual(store.importKnownFiles([again]), [], 'the old build kept no file hashes');
    assert.deepEqual(store.importDuplicates([again]).map((d) => d.existingId), [id]);
    const result = store.commitImport([again], { collectionId: collection.id });
    assert.deepEqual(result.imported[0]!.documentIds, [], 'the case is there already');
    const [known] = store.importKnownFiles([again]);
    assert.equal(known?.collectionTitle, '旧汇编');
    assert.equal(known?.importedAs, 'qufu.txt');
    assert.equal(store.integrityCheck(), 'ok');
  } finally {
    store.close();
  }
});

test('drafted prints go with their document: a case trashed or removed for good no longer answers for them', () => {
  const store = new Library(path.join(tmp, 'prints.db'));
  try {
    const merged = [...BODY, para('第二个案例并入后的正文。')];
    const drafted = [caseFingerprint(TITLE, BODY), caseFingerprint('第二个案例', [para('第二个案例并入后的正文。')])];
    const result = store.commitImport([draft([{ meta: { title: TITLE }, body: merged, sections: [], captions: [], drafted }])], { newCollection: { title: '新汇编' } });
    const [docId] = result.imported[0]!.documentIds;
    const asDrafted = draft([
      { meta: { title: TITLE }, body: BODY, sections: [], captions: [] },
      { meta: { title: '第二个案例' }, body: [para('第二个案例并入后的正文。')], sections: [], captions: [] },
    ]);
    assert.deepEqual(store.importDuplicates([asDrafted]).map((d) => [d.case, d.existingId]), [[0, docId], [1, docId]]);
    store.deleteDocument(docId!);
    assert.deepEqual(store.importDuplicates([asDrafted]), [], 'a trashed case is not in the library');
    store.emptyTrash();
    assert.equal((store.db.prepare('SELECT count(*) AS n FROM drafted_prints').get() as { n: number }).n, 0);
    assert.equal(store.integrityCheck(), 'ok');
  } finally {
    store.close();
  }
});
