/**
 * The library's schema, one entry per version. `PRAGMA user_version` records how far a file
 * has come; opening a library applies every later entry, each in its own transaction, so a
 * crash mid-upgrade leaves the file at the last complete version.
 */
import type Database from 'better-sqlite3';
import { CHARSET_SQL, characterSet, reindexAll, unindexDocument } from './search.js';
import { caseFingerprint } from './fingerprint.js';
import { checkDocument, ModelError } from '../model/schema.js';
import type { Block, HuibianDocument } from '../model/types.js';
import { PROOF_DECISIONS_SQL } from '../proof/decisions.js';
import { PROOF_CACHE_ORPHANS, PROOF_CACHE_SQL } from '../proof/cache.js';
import { TEAM_YDOCS_SQL } from './ydocs.js';
import { MERGES_SQL } from './merges.js';

export interface Migration {
  version: number;
  /** Why this version exists, for the log and for whoever reads the schema later. */
  why: string;
  up: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'base tables: collections, documents with filter columns, revisions, comments, categories, settings',
    up: (db) => {
      db.exec(`
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT
        );
        CREATE TABLE categories (
          name TEXT PRIMARY KEY,
          position INTEGER NOT NULL
        );
        CREATE TABLE collections (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          subtitle TEXT,
          year INTEGER,
          publisher TEXT,
          lead TEXT,            -- JSON Block[]
          credits TEXT,         -- JSON Record<string,string>
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE TABLE documents (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('case', 'notice')),
          collection_id TEXT REFERENCES collections(id) ON DELETE SET NULL,
          category TEXT,
          position INTEGER NOT NULL DEFAULT 0,
          meta TEXT NOT NULL,   -- JSON CaseMeta | NoticeMeta (canonical)
          body TEXT NOT NULL,   -- JSON Block[] (canonical)
          attachments TEXT,     -- JSON NoticeAttachment[] for notices
          -- denormalised from meta for filters and ordering
          title TEXT NOT NULL,
          province TEXT,
          city TEXT,
          county TEXT,
          region_code TEXT,
          award TEXT,
          unit TEXT,
          status TEXT NOT NULL DEFAULT 'draft',
          year INTEGER,
          organ TEXT,
          char_count INTEGER NOT NULL DEFAULT 0,
          revision INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX documents_collection ON documents(collection_id, category, position);
        CREATE INDEX documents_kind ON documents(kind);
        CREATE TABLE revisions (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          created_at TEXT NOT NULL,
          autosave INTEGER NOT NULL DEFAULT 0,
          title TEXT NOT NULL,
          char_count INTEGER NOT NULL,
          meta TEXT NOT NULL,
          body TEXT NOT NULL,
          attachments TEXT
        );
        CREATE INDEX revisions_document ON revisions(document_id, id);
        CREATE TABLE comments (
          id TEXT PRIMARY KEY,
          document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          quote TEXT NOT NULL,
          author TEXT NOT NULL,
          text TEXT NOT NULL,
          created_at TEXT NOT NULL,
          resolved INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX comments_document ON comments(document_id);
        CREATE TABLE comment_replies (
          id TEXT PRIMARY KEY,
          thread_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
          author TEXT NOT NULL,
          text TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE INDEX comment_replies_thread ON comment_replies(thread_id);
      `);
    },
  },
  {
    version: 2,
    why: 'full-text search for Chinese: a trigram index (3+ characters, with snippets) and a per-character index for 1-2 character terms',
    up: (db) => {
      // The second index is made as schema 12 left it (documents_charset, see there): this
      // version's reindexAll below, and schema 4's unindexDocument, write through today's search.ts.
      db.exec(`
        CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, tokenize = 'trigram');
        ${CHARSET_SQL}
        CREATE TABLE documents_search_map (
          doc_rowid INTEGER PRIMARY KEY,
          document_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE
        );
      `);
      // Libraries created at version 1 already hold documents: index them now.
      reindexAll(db);
    },
  },
  {
    version: 3,
    why: 'list speed: the JSON (meta, body, attachments) moves to document_content, so listing 10,000 documents reads small rows instead of a page per document; subtitle becomes a column',
    up: (db) => {
      db.exec(`
        CREATE TABLE document_content (
          document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
          meta TEXT NOT NULL,   -- JSON CaseMeta | NoticeMeta (canonical)
          attachments TEXT,     -- JSON NoticeAttachment[] for notices
          body TEXT NOT NULL    -- JSON Block[] (canonical)
        );
        INSERT INTO document_content (document_id, meta, attachments, body) SELECT id, meta, attachments, body FROM documents;
        CREATE TABLE documents_v3 (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('case', 'notice')),
          collection_id TEXT REFERENCES collections(id) ON DELETE SET NULL,
          category TEXT,
          position INTEGER NOT NULL DEFAULT 0,
          -- copies of meta for filters, ordering and lists
          title TEXT NOT NULL,
          subtitle TEXT,
          province TEXT,
          city TEXT,
          county TEXT,
          region_code TEXT,
          award TEXT,
          unit TEXT,
          status TEXT NOT NULL DEFAULT 'draft',
          year INTEGER,
          organ TEXT,
          char_count INTEGER NOT NULL DEFAULT 0,
          revision INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        INSERT INTO documents_v3 (id, kind, collection_id, category, position, title, subtitle, province, city, county, region_code,
          award, unit, status, year, organ, char_count, revision, created_at, updated_at)
        SELECT id, kind, collection_id, category, position, title, json_extract(meta, '$.subtitle'), province, city, county, region_code,
          award, unit, status, year, organ, char_count, revision, created_at, updated_at
        FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_v3 RENAME TO documents;
        CREATE INDEX documents_collection ON documents(collection_id, category, position);
        CREATE INDEX documents_kind ON documents(kind);
        CREATE VIEW documents_full AS
          SELECT d.*, c.meta AS meta, c.attachments AS attachments, c.body AS body
          FROM documents d JOIN document_content c ON c.document_id = d.id;
      `);
    },
  },
  {
    version: 4,
    why: 'editorial workflow: a trash (deleted_at) for documents and collections, the lifecycle log (status_changes), a note on revisions (why a snapshot was taken), and a content fingerprint of each case for duplicate detection at import',
    up: (db) => {
      db.exec(`
        ALTER TABLE documents ADD COLUMN deleted_at TEXT;
        ALTER TABLE documents ADD COLUMN content_hash TEXT;
        ALTER TABLE collections ADD COLUMN deleted_at TEXT;
        ALTER TABLE revisions ADD COLUMN note TEXT;
        CREATE INDEX documents_hash ON documents(collection_id, content_hash);
        CREATE INDEX documents_status ON documents(status);
        CREATE TABLE status_changes (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          from_status TEXT NOT NULL,
          to_status TEXT NOT NULL,
          who TEXT NOT NULL,
          reason TEXT,
          created_at TEXT NOT NULL
        );
        CREATE INDEX status_changes_document ON status_changes(document_id, id);
        DROP VIEW documents_full;
        CREATE VIEW documents_full AS
          SELECT d.*, c.meta AS meta, c.attachments AS attachments, c.body AS body
          FROM documents d JOIN document_content c ON c.document_id = d.id;
      `);
      // Old rows meet the model schema for the first time: a document it refuses goes to the
      // trash (nothing is lost, no writer ever sees it) and is listed for the user.
      const rows = db
        .prepare(`SELECT d.id, d.kind, d.title, c.meta, c.body, c.attachments FROM documents d JOIN document_content c ON c.document_id = d.id`)
        .all() as Array<{ id: string; kind: 'case' | 'notice'; title: string; meta: string; body: string; attachments: string | null }>;
      const setHash = db.prepare('UPDATE documents SET content_hash = ? WHERE id = ?');
      const quarantine = db.prepare('UPDATE documents SET deleted_at = ? WHERE id = ?');
      const refused: Array<{ id: string; title: string; reason: string }> = [];
      const t = new Date().toISOString();
      for (const row of rows) {
        let doc: HuibianDocument | null = null;
        try {
          const meta = JSON.parse(row.meta);
          const body = JSON.parse(row.body) as Block[];
          doc = row.kind === 'case' ? { kind: 'case', id: row.id, meta, body } : { kind: 'notice', id: row.id, meta, body, attachments: row.attachments ? JSON.parse(row.attachments) : [] };
          checkDocument(doc);
        } catch (error) {
          refused.push({ id: row.id, title: row.title, reason: error instanceof ModelError || error instanceof SyntaxError ? error.message : String(error) });
          quarantine.run(t, row.id);
          unindexDocument(db, row.id);
        }
        if (row.kind === 'case' && doc) setHash.run(caseFingerprint(row.title, doc.body), row.id);
      }
      if (refused.length) {
        db.prepare(`INSERT INTO settings (key, value) VALUES ('upgrade.quarantined', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(refused));
      }
    },
  },
  {
    version: 5,
    why: 'release gate: editors\' decisions (mask / keep, with a reason) on sensitive findings, per document, shown in the export report',
    up: (db) => db.exec(PROOF_DECISIONS_SQL),
  },
  {
    version: 6,
    why: 'team editing: each shared case keeps its compacted Yjs state and its team document name beside the model row',
    up: (db) => db.exec(TEAM_YDOCS_SQL),
  },
  {
    version: 7,
    why: 'undoable merges: what each merge moved from the source to the target (comment threads, revisions) and the target as it was, so restoring the source from the trash moves them back',
    up: (db) => db.exec(MERGES_SQL),
  },
  {
    version: 8,
    why: 'duplicate detection at import finds a fingerprint by itself: the index of version 4 leads with the collection, so each lookup scanned the whole documents table (importing n cases into a library of m documents read n·m rows)',
    up: (db) => db.exec('CREATE INDEX documents_content_hash ON documents(content_hash)'),
  },
  {
    version: 9,
    why: 'release gate: each document\'s findings kept under a hash of its text and the rule book\'s version, so an export proofs only the documents changed since the last (350 cases: ≈160 ms of CPU per export)',
    up: (db) => db.exec(PROOF_CACHE_SQL),
  },
  {
    version: 10,
    why: 'revision snapshots written as brotli behind a marker byte (revisions.ts: about half the CPU of deflate on the thread that imports), which builds of version 9 cannot read, so they must refuse the file; and the kept findings of documents and collections already removed for good, which version 9 left behind, go',
    up: (db) => db.exec(PROOF_CACHE_ORPHANS),
  },
  {
    version: 11,
    why: 'an imported file known again (issue #9 item 7): the SHA-256 of each imported file\'s bytes with when and into which collection it went, and, for a case the import preview merged, split or added a line to, the fingerprints of the case(s) as drafted, which its stored text no longer gives — re-importing a file one merge had changed flagged 2 of its 4 cases',
    up: (db) =>
      db.exec(`
        CREATE TABLE imported_files (
          content_hash TEXT PRIMARY KEY,
          file TEXT NOT NULL,
          collection_id TEXT REFERENCES collections(id) ON DELETE SET NULL,
          imported_at TEXT NOT NULL
        );
        CREATE TABLE drafted_prints (
          content_hash TEXT NOT NULL,
          document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          PRIMARY KEY (content_hash, document_id)
        ) WITHOUT ROWID;
        CREATE INDEX drafted_prints_document ON drafted_prints(document_id);
      `),
  },
  {
    version: 12,
    why: 'import speed (issue #13): the index for 1-2 character terms holds each document\'s characters once (documents_charset, no positions) instead of every character with its position (documents_chars), whose writing was most of an import\'s indexing; it is filled from the trigram index\'s own copy of each indexed text, so exactly the documents found before are found after',
    up: (db) => {
      if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'documents_chars'").get()) return;
      db.exec(`DROP TABLE documents_chars; ${CHARSET_SQL}`);
      const add = db.prepare('INSERT INTO documents_charset (rowid, text) VALUES (?, ?)');
      // all(), not iterate(): better-sqlite3 runs no other statement while one iterates
      for (const row of db.prepare('SELECT rowid, title, body FROM documents_fts').all() as Array<{ rowid: number; title: string; body: string }>) {
        add.run(row.rowid, characterSet(`${row.title}\n${row.body}`));
      }
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the file up to `target` (default: latest), one transaction per version. */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  let current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new Error(`这个库由更新版本的汇编写成（库结构第 ${current} 版，本程序只认识到第 ${LATEST_VERSION} 版）：请升级汇编后再打开，库文件未作任何改动。`);
  }
  // Table rebuilds drop and recreate tables other tables point at: with foreign keys on, the
  // drop would cascade into revisions and comments. Keys are checked before each commit instead.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of MIGRATIONS) {
      if (migration.version <= current || migration.version > target) continue;
      db.transaction(() => {
        migration.up(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`schema ${migration.version}: ${broken.length} rows would break foreign keys`);
        db.pragma(`user_version = ${migration.version}`);
      })();
      current = migration.version;
    }
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return current;
}
