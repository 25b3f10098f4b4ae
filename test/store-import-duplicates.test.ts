/**
 * Duplicate detection at import: a case already in the library is found by its fingerprint
 * through an index, whatever the library's size (a scan per case made an import into a large
 * library quadratic), and is found as before — across collections, not in the trash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary } from '../electron/core/store/index.js';
import { DUPLICATE_LOOKUP } from '../electron/core/store/imports.js';
import type { ImportedFile } from '../electron/core/model/imported.js';

function draft(name: string, title: string, text: string): ImportedFile {
  return {
    file: name,
    format: 'txt',
    dropped: [],
    warnings: [],
    kind: 'single-case',
    info: { title, date: null },
    cases: [{ meta: { title, status: 'draft' }, body: [{ type: 'paragraph', content: [{ type: 'text', text }] }], sections: [], captions: [] }],
    notice: null,
    captions: [],
  } as unknown as ImportedFile;
}

test('the fingerprint lookup uses an index, not a scan of the documents', () => {
  const store = openLibrary(':memory:');
  try {
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${DUPLICATE_LOOKUP}`).all('x') as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    assert.match(plan, /USING INDEX documents_content_hash/u, plan);
    assert.doesNotMatch(plan, /SCAN documents(?! USING)/u, plan);
  } finally {
    store.close();
  }
});

test('a case already in another collection is a duplicate; one in the trash is not', () => {
  const store = openLibrary(':memory:');
  try {
    const first = store.commitImport([draft('a.txt', '社区食堂', '某县民政局建成社区食堂12个。')], { newCollection: { title: '甲' } });
    const id = first.imported[0]!.documentIds[0]!;
    // the same text with other spacing and punctuation widths, into another collection
    const again = store.commitImport([draft('b.txt', '社区食堂', '某县民政局 建成社区食堂12个.')], { newCollection: { title: '乙' } });
    assert.equal(again.duplicates.length, 1);
    assert.equal(again.duplicates[0]!.existingId, id);
    assert.equal(again.imported[0]!.documentIds.length, 0);
    store.deleteDocument(id);
    const afterTrash = store.commitImport([draft('c.txt', '社区食堂', '某县民政局建成社区食堂12个。')], { newCollection: { title: '丙' } });
    assert.equal(afterTrash.duplicates.length, 0);
    assert.equal(afterTrash.imported[0]!.documentIds.length, 1);
  } finally {
    store.close();
  }
});
