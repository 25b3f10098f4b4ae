/**
 * An import batch is indexed under FTS5's bulk settings (search.ts bulkIndexing: automerge 0,
 * an 8 MB pending-terms hash) and each new document without the look-ups a re-index needs
 * (indexNewDocument). What a user sees must not change: both indexes answer for every imported
 * document exactly once, a later save re-indexes it in place, and the library's own FTS5
 * settings are what they were before the batch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary, type Library } from '../electron/core/store/index.js';
import type { ImportedFile } from '../electron/core/model/imported.js';
import { CORPUS_FILES, importCorpus } from './fixtures/corpus.js';

function settings(store: Library): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of ['documents_fts', 'documents_charset']) {
    for (const r of store.db.prepare(`SELECT k, v FROM ${t}_config WHERE k IN ('automerge', 'hashsize')`).all() as Array<{ k: string; v: unknown }>) out[`${t}.${r.k}`] = r.v;
  }
  return out;
}

/** The first sentence-long run of a case's text: a term only that case is likely to hold. */
function phraseOf(store: Library, id: string): string {
  const text = (store.db.prepare('SELECT f.body FROM documents_fts f JOIN documents_search_map m ON m.doc_rowid = f.rowid WHERE m.document_id = ?').get(id) as { body: string }).body;
  const run = /[\u4e00-\u9fff]{8,}/u.exec(text);
  assert.ok(run, `${id}: no run of Han characters in its indexed text`);
  return run[0].slice(0, 8);
}

test('every document of an import batch is found once by both indexes, and the FTS5 settings come back', async () => {
  const files: ImportedFile[] = [];
  for (const name of CORPUS_FILES) files.push(await importCorpus(name));
  const store = openLibrary(':memory:');
  try {
    // a setting the library has of its own survives the batch; one it never set stays FTS5's default
    store.db.prepare("INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 8)").run();
    const result = store.commitImport(files, { newCollection: { title: '检索' }, allowDuplicates: true });
    const ids = result.imported.flatMap((f) => f.documentIds);
    assert.ok(ids.length >= 10, `${ids.length} documents imported`);
    assert.deepEqual(settings(store), {
      'documents_fts.automerge': 8,
      'documents_fts.hashsize': 1024 * 1024,
      'documents_charset.automerge': 4,
      'documents_charset.hashsize': 1024 * 1024,
    });
    const mapped = store.db.prepare('SELECT COUNT(*) AS n FROM documents_search_map').get() as { n: number };
    assert.equal(mapped.n, ids.length, 'one row of the search map per document');
    for (const id of ids) {
      const phrase = phraseOf(store, id);
      // 3+ characters: the trigram index; with a 2-character term beside it: the character sets
      for (const q of [phrase, `${phrase} ${phrase.slice(0, 2)}`]) {
        const hits = store.search(q, { limit: 500 }).filter((h) => h.id === id);
        assert.equal(hits.length, 1, `${q}: ${hits.length} hits on ${id}`);
      }
    }
    // a save re-indexes in place: the old text is gone from both indexes, the new one found once
    const id = ids[0]!;
    const title = store.getDocument(id).document.meta.title;
    const before = phraseOf(store, id);
    store.saveDocument(id, { body: [{ type: 'paragraph', content: [{ type: 'text', text: '改写后的正文只有这一句话' }] }] });
    assert.equal(store.search(before, { limit: 500 }).filter((h) => h.id === id).length, 0, `${title}: the old text still found`);
    assert.deepEqual(store.search('改写后的正文').map((h) => h.id), [id]);
    assert.deepEqual(store.search('改写 正文 一').map((h) => h.id), [id]);
  } finally {
    store.close();
  }
});
