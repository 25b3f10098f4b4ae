/**
 * Schema 12: the index for 1-2 character terms holds each document's characters once
 * (documents_charset) instead of every character with its position (documents_chars). A
 * library as builds of schema 11 wrote it upgrades on open: the old index goes, the new one
 * is filled from the trigram index's copy of each indexed text, and every query finds what the
 * old index found — a document in the trash, which left the indexes, stays unfound.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Library } from '../electron/core/store/index.js';
import { LATEST_VERSION } from '../electron/core/store/migrations.js';
import { characterSet } from '../electron/core/store/search.js';
import type { Block } from '../electron/core/model/types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-schema12-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const para = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** How schema 2-11 builds filled documents_chars: one token per visible character. */
const spread = (value: string) => Array.from(value.replace(/\s+/gu, '')).join(' ');

const QUERIES = ['曲阜', '救', '诚信救助', '低保 应保尽保', '邹城', '丧', '零跑腿', '蛟', 'AI', '𠀾', '曲阜 救助', '、'];

test('a schema-11 library upgrades: its per-character index becomes character sets, and every query finds the same documents', () => {
  const file = path.join(tmp, 'old.db');
  const old = new Library(file, { targetVersion: 11 });
  const collection = old.createCollection({ title: '旧汇编' });
  const ids = [
    old.createCase({ title: '儒乡曲阜 诚信救助', category: '社会救助' }, [para('曲阜市结合实际，积极开展社会救助制度创新试点，建立诚信救助档案。'), para('全市低保对象动态管理，做到应保尽保。')], collection.id),
    old.createCase({ title: '邹城“344工作法”', category: '社会救助' }, [para('邹城市以AI辅助核对低保对象、、收入，用字𠀾见于古籍。')], collection.id),
    old.createCase({ title: '嘉祥丧事综合服务“零跑腿”', category: '社会事务' }, [para('嘉祥县推行丧事办理一站式服务。')], collection.id),
  ];
  old.deleteDocument(ids[2]!);
  // the search tables as a schema-11 build left them
  old.db.exec(`DROP TABLE documents_charset;
    CREATE VIRTUAL TABLE documents_chars USING fts5(text, content = '', tokenize = 'unicode61 remove_diacritics 0');`);
  const add = old.db.prepare('INSERT INTO documents_chars (rowid, text) VALUES (?, ?)');
  for (const r of old.db.prepare('SELECT rowid, title, body FROM documents_fts').all() as Array<{ rowid: number; title: string; body: string }>) add.run(r.rowid, spread(`${r.title}\n${r.body}`));
  assert.equal(old.db.pragma('user_version', { simple: true }), 11);
  // what the old per-character index answered (its phrase query, as searchDocuments ran it)
  const oldHits = (q: string) => {
    const phrases = q.split(' ').map(spread).filter((p) => /[\p{L}\p{N}]/u.test(p));
    if (phrases.length === 0) return null;
    return (old.db
      .prepare(`SELECT m.document_id AS id FROM documents_chars JOIN documents_search_map m ON m.doc_rowid = documents_chars.rowid WHERE documents_chars MATCH ?`)
      .all(phrases.map((p) => `"${p}"`).join(' AND ')) as Array<{ id: string }>).map((r) => r.id).sort();
  };
  const before = QUERIES.map(oldHits);
  old.close();

  const store = new Library(file);
  try {
    assert.ok(LATEST_VERSION >= 12);
    assert.equal(store.db.pragma('user_version', { simple: true }), LATEST_VERSION);
    const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE name IN ('documents_chars', 'documents_charset')").all() as Array<{ name: string }>).map((r) => r.name);
    assert.deepEqual(tables, ['documents_charset']);
    QUERIES.forEach((q, i) => {
      const hits = store.search(q).map((h) => h.id).sort();
      // punctuation alone has no token in either index: a LIKE scan finds it, before and after
      if (before[i] === null) assert.deepEqual(hits, [ids[1]], q);
      else assert.deepEqual(hits, before[i], q);
    });
    assert.deepEqual(store.search('丧').map((h) => h.id), [], 'the trashed case stays out of the index');
    assert.deepEqual(store.search('𠀾').map((h) => h.id), [ids[1]]);
    assert.deepEqual(store.search('ai').map((h) => h.id), [ids[1]], 'letter case folded as the tokenizer folds it');
    // the new index is the one written from now on, and a save re-indexes in place
    store.saveDocument(ids[1]!, { body: [para('改写后只说泗水。')] });
    assert.deepEqual(store.search('泗水').map((h) => h.id), [ids[1]]);
    assert.deepEqual(store.search('邹').map((h) => h.id), [ids[1]], 'the title is indexed with the body');
    assert.deepEqual(store.search('低保').map((h) => h.id), [ids[0]]);
    store.db.prepare("INSERT INTO documents_charset (documents_charset) VALUES ('integrity-check')").run();
    assert.equal(store.integrityCheck(), 'ok');
  } finally {
    store.close();
  }
});

test('a character set holds each character once, astral ones whole, in the order first seen', () => {
  assert.equal(characterSet('民政局 2020 民政'), '民 政 局   2 0 ');
  assert.equal(characterSet('𠀾a𠀾Ａ'), 'a Ａ 𠀾 ');
  assert.equal(characterSet(''), '');
  // a lone surrogate is kept as the unit it is, as the text holds it
  assert.equal(characterSet('\ud840x'), '\ud840 x ');
});
