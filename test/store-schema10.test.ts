/**
 * Schema 10: revision snapshots packed as brotli behind a marker byte, read beside the raw
 * deflate and plain-text rows that earlier builds wrote; the kept proofing findings of
 * documents and collections removed for good go with them (and the upgrade removes those an
 * earlier build left behind).
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, deflateRawSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { Library } from '../electron/core/store/index.js';
import { LATEST_VERSION } from '../electron/core/store/migrations.js';
import type { Block } from '../electron/core/model/types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-schema10-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function para(text: string): Block {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

const BODY = [para('曲阜市结合实际，积极开展社会救助制度创新试点，建立诚信救助档案。'), para('全市低保对象动态管理，做到应保尽保。')];

function cacheRows(db: Database.Database): string[] {
  return (db.prepare('SELECT document_id FROM proof_cache ORDER BY document_id').all() as Array<{ document_id: string }>).map((r) => r.document_id);
}

describe('revision snapshots', () => {
  test('no raw deflate stream can start with the marker byte, so the two formats never read as each other', () => {
    // bits 1-2 of a deflate stream's first byte are its first block's type; 3 is reserved
    assert.equal(0xff & 0b110, 0b110);
    for (const text of ['', '曲阜', JSON.stringify(BODY), 'x'.repeat(70_000)]) {
      const packed = deflateRawSync(Buffer.from(text), { level: 1 });
      assert.notEqual(packed[0]! & 0b110, 0b110, `deflate of ${text.length} characters`);
    }
    assert.throws(() => inflateRawSync(Buffer.of(0xff, 0, 0, 0)), /invalid block type/);
  });

  test('new snapshots are brotli behind the marker; deflated and plain rows of earlier builds read as before', () => {
    const store = new Library(path.join(tmp, 'packing.db'));
    try {
      const id = store.createCase({ title: '儒乡曲阜 诚信救助', category: '社会救助' }, BODY);
      store.saveDocument(id, { body: [...BODY, para('第二稿')] });
      const rows = store.db.prepare('SELECT id, body FROM revisions WHERE document_id = ? ORDER BY id').all(id) as Array<{ id: number; body: Buffer }>;
      assert.equal(rows.length, 2);
      for (const r of rows) {
        assert.ok(Buffer.isBuffer(r.body));
        assert.equal(r.body[0], 0xff);
        assert.ok(JSON.parse(brotliDecompressSync(r.body.subarray(1)).toString('utf8')).length >= 2);
      }
      // rows as schema 9 wrote them (raw deflate, level 1) and as older schemas did (plain text)
      const meta = JSON.stringify({ title: '儒乡曲阜 诚信救助', category: '社会救助' });
      const old = store.db.prepare(
        `INSERT INTO revisions (document_id, created_at, autosave, title, char_count, meta, body, attachments) VALUES (?, '2020-01-01T00:00:00.000Z', 0, '旧', 10, ?, ?, NULL)`,
      );
      const deflated = Number(old.run(id, deflateRawSync(Buffer.from(meta), { level: 1 }), deflateRawSync(Buffer.from(JSON.stringify([para('旧的压缩稿')])), { level: 1 })).lastInsertRowid);
      const plain = Number(old.run(id, meta, JSON.stringify([para('更旧的明文稿')])).lastInsertRowid);
      assert.deepEqual(JSON.parse(store.revisions.content(id, deflated).body), [para('旧的压缩稿')]);
      assert.equal(store.revisions.content(id, deflated).meta, meta);
      assert.deepEqual(JSON.parse(store.revisions.content(id, plain).body), [para('更旧的明文稿')]);
      assert.deepEqual(JSON.parse(store.revisions.content(id, rows[0]!.id).body), BODY);
      // a restore reads the packed row back into the document
      store.restoreRevision(id, deflated);
      assert.deepEqual(store.getDocument(id).document.body, [para('旧的压缩稿')]);
    } finally {
      store.close();
    }
  });
});

describe('kept findings of removed documents', () => {
  test('emptying the trash removes the findings of its documents and of its collections\' 导语', () => {
    const store = new Library(path.join(tmp, 'purge.db'));
    try {
      const collection = store.createCollection({ title: '2020年汇编' });
      const gone = store.createCase({ title: '要删除的案例', category: '社会救助' }, BODY, collection.id);
      const kept = store.createCase({ title: '留下的案例', category: '社会救助' }, BODY);
      const put = store.db.prepare(`INSERT INTO proof_cache (document_id, key, findings) VALUES (?, 'k', '[]')`);
      for (const id of [gone, kept, `${collection.id}:lead`]) put.run(id);
      store.deleteCollection(collection.id);
      // in the trash the findings stay: a restore finds them valid
      assert.deepEqual(cacheRows(store.db), [gone, kept, `${collection.id}:lead`].sort());
      store.emptyTrash();
      assert.deepEqual(cacheRows(store.db), [kept]);
    } finally {
      store.close();
    }
  });

  test('a schema-9 library with findings left by removed documents opens at schema 10 without them, its search and revisions intact', () => {
    const file = path.join(tmp, 'schema9.db');
    const nine = new Library(file, { targetVersion: 9 });
    const t = new Date().toISOString();
    const collection = nine.createCollection({ title: '旧汇编' });
    const id = nine.createCase({ title: '儒乡曲阜 诚信救助', category: '社会救助' }, BODY, collection.id);
    // what a build of schema 9 wrote: deflated snapshots, and findings that outlived their documents
    nine.db.prepare('DELETE FROM revisions WHERE document_id = ?').run(id);
    nine.db
      .prepare(`INSERT INTO revisions (document_id, created_at, autosave, title, char_count, meta, body, attachments) VALUES (?, ?, 0, '儒乡曲阜 诚信救助', 40, ?, ?, NULL)`)
      .run(id, t, deflateRawSync(Buffer.from(JSON.stringify({ title: '儒乡曲阜 诚信救助', category: '社会救助' })), { level: 1 }), deflateRawSync(Buffer.from(JSON.stringify(BODY)), { level: 1 }));
    const put = nine.db.prepare(`INSERT INTO proof_cache (document_id, key, findings) VALUES (?, 'k', '[]')`);
    for (const doc of [id, `${collection.id}:lead`, 'purged-long-ago', 'purged-collection:lead']) put.run(doc);
    const hitsBefore = ['诚信救助', '曲阜', '救', '低保 应保尽保'].map((q) => nine.search(q).map((h) => h.id));
    assert.equal(nine.db.pragma('user_version', { simple: true }), 9);
    nine.close();

    const store = new Library(file);
    try {
      assert.ok(LATEST_VERSION >= 10);
      assert.equal(store.db.pragma('user_version', { simple: true }), LATEST_VERSION);
      assert.deepEqual(cacheRows(store.db), [id, `${collection.id}:lead`].sort());
      assert.deepEqual(['诚信救助', '曲阜', '救', '低保 应保尽保'].map((q) => store.search(q).map((h) => h.id)), hitsBefore);
      assert.deepEqual(hitsBefore[0], [id]);
      const [rev] = store.listRevisions(id);
      assert.deepEqual(JSON.parse(store.revisions.content(id, rev!.id).body), BODY);
      assert.equal(store.integrityCheck(), 'ok');
    } finally {
      store.close();
    }
  });
});
