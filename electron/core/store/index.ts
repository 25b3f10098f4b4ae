/**
 * The library: one SQLite file (better-sqlite3) holding collections, documents (model JSON
 * is canonical; filter columns are copies of it), revisions, review comments, the category
 * list and settings. Every write that touches more than one row runs in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  Block,
  CaseDocument,
  CaseMeta,
  Collection,
  CollectionBundle,
  CommentThread,
  HuibianDocument,
  NoticeAttachment,
  NoticeDocument,
  NoticeMeta,
} from '../model/types.js';
import type { ImportedFile, ImportError } from '../model/imported.js';
import { DEFAULT_CATEGORIES, GENERAL_CATEGORY } from '../model/categories.js';
import { countCharacters } from '../model/text.js';
import { migrate, schemaVersion, LATEST_VERSION } from './migrations.js';
import { indexDocument, searchableText, searchDocuments, unindexDocument, type SearchRow } from './search.js';
import { regionCode } from './regionCode.js';
import {
  rowsToThread,
  rowToDocument,
  rowToSummary,
  type CollectionRow,
  type CommentRow,
  type DocSummary,
  type DocumentRow,
  type ReplyRow,
  type SummaryRow,
} from './rows.js';

export type { DocSummary } from './rows.js';
export type { SearchRow } from './search.js';
export { defaultDataDir, libraryPath } from './paths.js';

export type StoreErrorCode = 'not-found' | 'conflict' | 'invalid-input';

/** A refusal the caller can show as is; the API maps `code` onto its own error codes. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface DocumentFilters {
  kind?: 'case' | 'notice';
  category?: string;
  province?: string;
  city?: string;
  award?: string;
  status?: 'draft' | 'review' | 'final';
  year?: number;
  organ?: string;
}

export interface StoredDocument {
  document: HuibianDocument;
  revision: number;
  updatedAt: string;
  collectionId: string | null;
}

export interface CollectionSummary {
  id: string;
  title: string;
  year: number | null;
  publisher: string | null;
  caseCount: number;
  noticeCount: number;
}

export interface RevisionSummary {
  id: number;
  createdAt: string;
  title: string;
  charCount: number;
  autosave: boolean;
}

export interface SavePatch {
  meta?: Partial<CaseMeta> | Partial<NoticeMeta>;
  body?: Block[];
  attachments?: NoticeAttachment[];
  baseRevision?: number;
  autosave?: boolean;
}

export interface CommitOptions {
  collectionId?: string;
  newCollection?: { title: string; year?: number | null; publisher?: string | null };
}

export interface CommitResult {
  collectionId: string | null;
  imported: Array<{ file: string; kind: string; documentIds: string[] }>;
  errors: ImportError[];
}

const FILTER_COLUMNS: Record<keyof DocumentFilters, string> = {
  kind: 'kind',
  category: 'category',
  province: 'province',
  city: 'city',
  award: 'award',
  status: 'status',
  year: 'year',
  organ: 'organ',
};

const ORDERED = `
  FROM documents d
  LEFT JOIN categories c ON c.name = d.category`;
/** Section (category list order), then the order inside it (positions follow division codes on import). */
const ORDER_BY = `ORDER BY d.kind, COALESCE(c.position, 1000000), d.category, d.position, d.region_code, d.created_at`;
const OPEN_COMMENTS = `(SELECT COUNT(*) FROM comments k WHERE k.document_id = d.id AND k.resolved = 0) AS open_comments`;
/** Columns a summary needs: never the bodies, which are most of the file. */
const SUMMARY_COLUMNS = `d.id, d.kind, d.collection_id, d.category, d.position, d.title, d.province, d.city, d.county, d.region_code,
  d.award, d.unit, d.status, d.year, d.organ, d.char_count, d.revision, d.created_at, d.updated_at, d.subtitle, ${OPEN_COMMENTS}`;

function now(): string {
  return new Date().toISOString();
}

export class Store {
  readonly db: Database.Database;

  constructor(
    readonly file: string,
    options: { targetVersion?: number; nativeBinding?: string } = {},
  ) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    const target = options.targetVersion ?? LATEST_VERSION;
    const found = schemaVersion(this.db);
    if (file !== ':memory:' && found > 0 && found < target) {
      // a copy of the library as it was, in case an upgrade ever goes wrong on a user's data
      const backup = `${path.resolve(file)}.schema-${found}.bak`;
      rmSync(backup, { force: true });
      this.db.prepare('VACUUM INTO ?').run(backup);
    }
    migrate(this.db, target);
    if ((options.targetVersion ?? LATEST_VERSION) === LATEST_VERSION) this.seedCategories();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once per SQL text: parsing the same statement per row was a large share of import time. */
  private sql(text: string): Database.Statement {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }

  private seedCategories(): void {
    const count = (this.sql('SELECT COUNT(*) AS n FROM categories').get() as { n: number }).n;
    if (count > 0) return;
    const insert = this.sql('INSERT INTO categories (name, position) VALUES (?, ?)');
    this.db.transaction(() => DEFAULT_CATEGORIES.forEach((name, i) => insert.run(name, i)))();
  }

  // ---------------------------------------------------------------- settings

  getSetting(key: string): string | null {
    const row = this.sql('SELECT value FROM settings WHERE key = ?').get(key) as { value: string | null } | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string | null): void {
    this.sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // ---------------------------------------------------------------- categories

  listCategories(): string[] {
    return (this.sql('SELECT name FROM categories ORDER BY position').all() as Array<{ name: string }>).map((r) => r.name);
  }

  addCategory(name: string): string[] {
    const clean = name.trim();
    if (!clean) throw new StoreError('invalid-input', 'a category needs a name');
    if (this.listCategories().includes(clean)) throw new StoreError('conflict', `the category "${clean}" already exists`);
    this.db
      .prepare('INSERT INTO categories (name, position) VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM categories))')
      .run(clean);
    return this.listCategories();
  }

  renameCategory(from: string, to: string): string[] {
    const clean = to.trim();
    const list = this.listCategories();
    if (!list.includes(from)) throw new StoreError('not-found', `no category "${from}"`);
    if (!clean) throw new StoreError('invalid-input', 'a category needs a name');
    if (clean !== from && list.includes(clean)) throw new StoreError('conflict', `the category "${clean}" already exists`);
    this.db.transaction(() => {
      this.sql('UPDATE categories SET name = ? WHERE name = ?').run(clean, from);
      this.db
        .prepare(`UPDATE document_content SET meta = json_set(meta, '$.category', ?) WHERE document_id IN (SELECT id FROM documents WHERE category = ?)`)
        .run(clean, from);
      this.sql(`UPDATE documents SET category = ?, updated_at = ? WHERE category = ?`).run(clean, now(), from);
    })();
    return this.listCategories();
  }

  /** Cases of a deleted category move to 综合; 综合 itself can go only when empty. */
  deleteCategory(name: string): string[] {
    const list = this.listCategories();
    if (!list.includes(name)) throw new StoreError('not-found', `no category "${name}"`);
    const used = (this.sql('SELECT COUNT(*) AS n FROM documents WHERE category = ?').get(name) as { n: number }).n;
    if (name === GENERAL_CATEGORY && used > 0) {
      throw new StoreError('conflict', `"${name}" still holds ${used} cases: move them first`);
    }
    this.db.transaction(() => {
      if (used > 0) {
        if (!this.listCategories().includes(GENERAL_CATEGORY)) this.addCategory(GENERAL_CATEGORY);
        const base = this.nextPosition(null, GENERAL_CATEGORY, true);
        const rows = this.sql(`SELECT d.id ${ORDERED} WHERE d.category = ? ${ORDER_BY}`).all(name) as Array<{ id: string }>;
        rows.forEach((r, i) => this.setCategory(r.id, GENERAL_CATEGORY, base + i));
      }
      this.sql('DELETE FROM categories WHERE name = ?').run(name);
      const rest = this.listCategories();
      const setPos = this.sql('UPDATE categories SET position = ? WHERE name = ?');
      rest.forEach((n, i) => setPos.run(i, n));
    })();
    return this.listCategories();
  }

  /** Reorders the category list (the section order of every anthology). */
  reorderCategories(names: string[]): string[] {
    const list = this.listCategories();
    if (names.length !== list.length || names.some((n) => !list.includes(n))) {
      throw new StoreError('invalid-input', 'give every existing category exactly once');
    }
    const setPos = this.sql('UPDATE categories SET position = ? WHERE name = ?');
    this.db.transaction(() => names.forEach((n, i) => setPos.run(i, n)))();
    return this.listCategories();
  }

  private ensureCategory(name: string): void {
    // look first: an INSERT … WHERE NOT EXISTS that inserts nothing still cost ~0.8 ms a row
    if (this.sql('SELECT 1 FROM categories WHERE name = ?').get(name)) return;
    this.sql('INSERT INTO categories (name, position) VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM categories))').run(name);
  }

  // ---------------------------------------------------------------- collections

  listCollections(): CollectionSummary[] {
    const rows = this.db
      .prepare(
        `SELECT l.id, l.title, l.year, l.publisher,
           (SELECT COUNT(*) FROM documents d WHERE d.collection_id = l.id AND d.kind = 'case') AS case_count,
           (SELECT COUNT(*) FROM documents d WHERE d.collection_id = l.id AND d.kind = 'notice') AS notice_count
         FROM collections l ORDER BY l.created_at, l.title`,
      )
      .all() as Array<{ id: string; title: string; year: number | null; publisher: string | null; case_count: number; notice_count: number }>;
    return rows.map((r) => ({ id: r.id, title: r.title, year: r.year, publisher: r.publisher, caseCount: r.case_count, noticeCount: r.notice_count }));
  }

  findCollectionByTitle(title: string): string | null {
    const row = this.sql('SELECT id FROM collections WHERE title = ? ORDER BY created_at LIMIT 1').get(title) as { id: string } | undefined;
    return row?.id ?? null;
  }

  private collectionRow(id: string): CollectionRow {
    const row = this.sql('SELECT * FROM collections WHERE id = ?').get(id) as CollectionRow | undefined;
    if (!row) throw new StoreError('not-found', `no collection ${id}`);
    return row;
  }

  getCollection(id: string): Collection {
    const row = this.collectionRow(id);
    const cases = this.db
      .prepare(`SELECT d.id, d.category ${ORDERED} WHERE d.collection_id = ? AND d.kind = 'case' ${ORDER_BY}`)
      .all(id) as Array<{ id: string; category: string | null }>;
    const sections: Collection['sections'] = [];
    for (const c of cases) {
      const title = c.category ?? GENERAL_CATEGORY;
      const last = sections[sections.length - 1];
      if (last && last.title === title) last.caseIds.push(c.id);
      else sections.push({ title, caseIds: [c.id] });
    }
    return {
      id: row.id,
      title: row.title,
      subtitle: row.subtitle,
      year: row.year,
      publisher: row.publisher,
      lead: row.lead ? (JSON.parse(row.lead) as Block[]) : undefined,
      credits: row.credits ? (JSON.parse(row.credits) as Record<string, string>) : undefined,
      sections,
    };
  }

  createCollection(input: {
    title: string;
    subtitle?: string | null;
    year?: number | null;
    publisher?: string | null;
    lead?: Block[] | null;
    credits?: Record<string, string> | null;
  }): Collection {
    const id = randomUUID();
    const t = now();
    this.db
      .prepare(
        `INSERT INTO collections (id, title, subtitle, year, publisher, lead, credits, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.title,
        input.subtitle ?? null,
        input.year ?? null,
        input.publisher ?? null,
        input.lead && input.lead.length ? JSON.stringify(input.lead) : null,
        input.credits && Object.keys(input.credits).length ? JSON.stringify(input.credits) : null,
        t,
        t,
      );
    return this.getCollection(id);
  }

  updateCollection(
    id: string,
    patch: {
      title?: string;
      subtitle?: string | null;
      year?: number | null;
      publisher?: string | null;
      sections?: Array<{ title: string; caseIds: string[] }>;
    },
  ): Collection {
    this.collectionRow(id);
    this.db.transaction(() => {
      const sets: string[] = [];
      const values: unknown[] = [];
      for (const key of ['title', 'subtitle', 'year', 'publisher'] as const) {
        if (patch[key] !== undefined) {
          sets.push(`${key} = ?`);
          values.push(patch[key]);
        }
      }
      sets.push('updated_at = ?');
      values.push(now());
      this.sql(`UPDATE collections SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      if (patch.sections) {
        for (const section of patch.sections) {
          this.ensureCategory(section.title);
          section.caseIds.forEach((caseId, i) => {
            if (!this.setCategory(caseId, section.title, i, id)) throw new StoreError('not-found', `no case ${caseId}`);
          });
        }
      }
    })();
    return this.getCollection(id);
  }

  /** Deleting a collection keeps its documents in the library, outside any collection. */
  deleteCollection(id: string): void {
    this.collectionRow(id);
    this.sql('DELETE FROM collections WHERE id = ?').run(id);
  }

  /** Everything an anthology or feature writer needs, in final order. */
  bundle(collectionId: string): CollectionBundle {
    const collection = this.getCollection(collectionId);
    const rows = this.db
      .prepare(`SELECT d.* FROM documents_full d LEFT JOIN categories c ON c.name = d.category WHERE d.collection_id = ? AND d.kind = 'case' ${ORDER_BY}`)
      .all(collectionId) as DocumentRow[];
    const cases: Record<string, CaseDocument> = {};
    for (const row of rows) cases[row.id] = rowToDocument(row) as CaseDocument;
    return { collection, cases };
  }

  // ---------------------------------------------------------------- documents

  private documentRow(id: string): DocumentRow {
    const row = this.sql('SELECT * FROM documents_full WHERE id = ?').get(id) as DocumentRow | undefined;
    if (!row) throw new StoreError('not-found', `no document ${id}`);
    return row;
  }

  getDocument(id: string): StoredDocument {
    const row = this.documentRow(id);
    return { document: rowToDocument(row), revision: row.revision, updatedAt: row.updated_at, collectionId: row.collection_id };
  }

  listDocuments(options: { collectionId?: string; filters?: DocumentFilters } = {}): DocSummary[] {
    const where: string[] = [];
    const values: unknown[] = [];
    if (options.collectionId) {
      where.push('d.collection_id = ?');
      values.push(options.collectionId);
    }
    for (const [key, value] of Object.entries(options.filters ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      const column = FILTER_COLUMNS[key as keyof DocumentFilters];
      if (!column) throw new StoreError('invalid-input', `unknown filter "${key}"`);
      where.push(`d.${column} = ?`);
      values.push(value);
    }
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} ${ORDERED} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER_BY}`)
      .all(...values) as SummaryRow[];
    return rows.map(rowToSummary);
  }

  summary(id: string): DocSummary {
    const row = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as SummaryRow | undefined;
    if (!row) throw new StoreError('not-found', `no document ${id}`);
    return rowToSummary(row);
  }

  countDocuments(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
  }

  /** The copies of meta kept as columns, for filters, ordering and the search index. */
  private columnsOf(kind: 'case' | 'notice', meta: CaseMeta | NoticeMeta, body: Block[], attachments: NoticeAttachment[] | null) {
    const region = meta.region ?? null;
    const text = searchableText(body, attachments);
    const caseMeta = meta as CaseMeta;
    const noticeMeta = meta as NoticeMeta;
    return {
      title: meta.title || '（无标题）',
      subtitle: kind === 'case' ? (caseMeta.subtitle ?? null) : null,
      province: region?.province ?? null,
      city: region?.city ?? null,
      county: region?.county ?? null,
      region_code: regionCode(region),
      award: kind === 'case' ? (caseMeta.award ?? null) : null,
      unit: kind === 'case' ? (caseMeta.unit ?? null) : null,
      status: (kind === 'case' ? caseMeta.status : undefined) ?? 'draft',
      year: meta.year ?? (meta.date ? Number(meta.date.slice(0, 4)) || null : null),
      organ: kind === 'notice' ? (noticeMeta.organ ?? noticeMeta.issuer ?? null) : null,
      char_count: countCharacters(`${meta.title ?? ''}${text}`),
      text,
    };
  }

  /** Next position at the end of a (collection, category) group. */
  private nextPosition(collectionId: string | null, category: string | null, _end = true): number {
    const row = this.db
      .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM documents WHERE collection_id IS ? AND category IS ?')
      .get(collectionId, category) as { p: number };
    return row.p;
  }

  /**
   * Puts newly inserted cases where they belong in their sections: each before the first
   * existing case whose division code is greater, so imports land in the official order of
   * places while cases the user moved by hand stay where they were put. One pass per section
   * for a whole batch (shifting positions per insert would be quadratic for big imports).
   */
  private placeByRegion(ids: string[]): void {
    if (ids.length === 0) return;
    const fresh = new Set(ids);
    const groups = new Map<string, { collectionId: string | null; category: string | null }>();
    const info = this.sql('SELECT collection_id, category FROM documents WHERE id = ?');
    for (const id of ids) {
      const row = info.get(id) as { collection_id: string | null; category: string | null };
      groups.set(JSON.stringify([row.collection_id, row.category]), { collectionId: row.collection_id, category: row.category });
    }
    const members = this.sql(
      `SELECT id, region_code, position FROM documents WHERE collection_id IS ? AND category IS ? AND kind = 'case' ORDER BY position, created_at, rowid`,
    );
    const setPos = this.sql('UPDATE documents SET position = ? WHERE id = ?');
    for (const { collectionId, category } of groups.values()) {
      const rows = members.all(collectionId, category) as Array<{ id: string; region_code: string | null; position: number }>;
      const old = rows.filter((r) => !fresh.has(r.id));
      const added = rows
        .filter((r) => fresh.has(r.id))
        .map((r, i) => ({ r, i }))
        .sort((a, b) => byCode(a.r.region_code, b.r.region_code) || a.i - b.i)
        .map((x) => x.r);
      const ordered: typeof rows = [];
      let next = 0;
      for (const o of old) {
        while (next < added.length && added[next]!.region_code !== null && o.region_code !== null && o.region_code > added[next]!.region_code!) {
          ordered.push(added[next++]!);
        }
        ordered.push(o);
      }
      while (next < added.length) ordered.push(added[next++]!);
      ordered.forEach((r, i) => {
        if (r.position !== i) setPos.run(i, r.id);
      });
    }
  }

  /** Inserts one document (no transaction of its own: callers batch). */
  private insertDocument(
    kind: 'case' | 'notice',
    meta: CaseMeta | NoticeMeta,
    body: Block[],
    attachments: NoticeAttachment[] | null,
    collectionId: string | null,
    id: string = randomUUID(),
  ): string {
    const category = kind === 'case' ? ((meta as CaseMeta).category ?? GENERAL_CATEGORY) : null;
    if (category) this.ensureCategory(category);
    const storedMeta = kind === 'case' ? { ...meta, category } : meta;
    const { text, ...columns } = this.columnsOf(kind, storedMeta, body, attachments);
    // appended at the end of its section; placeByRegion then moves a batch into division-code order
    const position = this.nextPosition(collectionId, category);
    const t = now();
    this.db
      .prepare(
        `INSERT INTO documents (id, kind, collection_id, category, position, title, subtitle, province, city, county,
           region_code, award, unit, status, year, organ, char_count, revision, created_at, updated_at)
         VALUES (@id, @kind, @collection_id, @category, @position, @title, @subtitle, @province, @city, @county,
           @region_code, @award, @unit, @status, @year, @organ, @char_count, 1, @t, @t)`,
      )
      .run({ ...columns, id, kind, collection_id: collectionId, category, position, t });
    this.db
      .prepare('INSERT INTO document_content (document_id, meta, attachments, body) VALUES (?, ?, ?, ?)')
      .run(id, JSON.stringify(storedMeta), attachments ? JSON.stringify(attachments) : null, JSON.stringify(body));
    this.insertRevision(id, false);
    indexDocument(this.db, id, columns.title, text);
    return id;
  }

  createCase(meta: CaseMeta, body: Block[], collectionId: string | null = null): string {
    if (collectionId) this.collectionRow(collectionId);
    return this.db.transaction(() => {
      const id = this.insertDocument('case', meta, body, null, collectionId);
      this.placeByRegion([id]);
      return id;
    })();
  }

  createNotice(notice: Omit<NoticeDocument, 'id' | 'kind'>, collectionId: string | null = null): string {
    if (collectionId) this.collectionRow(collectionId);
    return this.db.transaction(() => this.insertDocument('notice', notice.meta, notice.body, notice.attachments ?? [], collectionId))();
  }

  /**
   * Saves an edit. A stale `baseRevision` is refused (another window saved meanwhile).
   * An explicit save keeps a revision; an autosave overwrites the latest autosave revision.
   */
  saveDocument(id: string, patch: SavePatch): { revision: number; updatedAt: string; meta: CaseMeta | NoticeMeta } {
    return this.db.transaction(() => {
      const row = this.documentRow(id);
      if (patch.baseRevision !== undefined && patch.baseRevision !== row.revision) {
        throw new StoreError('conflict', `the document changed since revision ${patch.baseRevision} (now ${row.revision}): reload before saving`);
      }
      const current = rowToDocument(row);
      const meta = { ...current.meta, ...(patch.meta ?? {}) } as CaseMeta | NoticeMeta;
      if (typeof meta.title !== 'string' || !meta.title.trim()) throw new StoreError('invalid-input', 'a document needs a title');
      const body = patch.body ?? current.body;
      const attachments = row.kind === 'notice' ? (patch.attachments ?? (current as NoticeDocument).attachments) : null;
      const category = row.kind === 'case' ? ((meta as CaseMeta).category ?? row.category ?? GENERAL_CATEGORY) : null;
      if (row.kind === 'case') (meta as CaseMeta).category = category;
      if (category) this.ensureCategory(category);
      const moved = category !== row.category;
      this.writeDocument(row, meta, body, attachments, category, moved ? this.nextPosition(row.collection_id, category) : row.position);
      // a case that changed section or place goes where the official order puts it
      if (row.kind === 'case' && (moved || this.documentRow(id).region_code !== row.region_code)) this.placeByRegion([id]);
      this.insertRevision(id, patch.autosave === true);
      const after = this.documentRow(id);
      return { revision: after.revision, updatedAt: after.updated_at, meta };
    })();
  }

  private writeDocument(
    row: DocumentRow,
    meta: CaseMeta | NoticeMeta,
    body: Block[],
    attachments: NoticeAttachment[] | null,
    category: string | null,
    position: number,
  ): void {
    const { text, ...columns } = this.columnsOf(row.kind, meta, body, attachments);
    this.db
      .prepare(
        `UPDATE documents SET category = @category, position = @position,
           title = @title, subtitle = @subtitle, province = @province, city = @city, county = @county, region_code = @region_code, award = @award,
           unit = @unit, status = @status, year = @year, organ = @organ, char_count = @char_count,
           revision = revision + 1, updated_at = @t
         WHERE id = @id`,
      )
      // a notice's status is not in its meta: keep the row's
      .run({ ...columns, id: row.id, category, position, status: row.kind === 'notice' ? row.status : columns.status, t: now() });
    this.db
      .prepare('UPDATE document_content SET meta = ?, attachments = ?, body = ? WHERE document_id = ?')
      .run(JSON.stringify(meta), attachments ? JSON.stringify(attachments) : null, JSON.stringify(body), row.id);
    indexDocument(this.db, row.id, columns.title, text);
  }

  /** Moves a case to a section (and collection) at a position, keeping meta.category in step. Returns false when there is no such case. */
  private setCategory(id: string, category: string | null, position: number, collectionId?: string | null): boolean {
    const changed = this.db
      .prepare(
        `UPDATE documents SET category = @category, position = @position, updated_at = @t,
           collection_id = CASE WHEN @setCollection THEN @collection ELSE collection_id END
         WHERE id = @id AND kind = 'case'`,
      )
      .run({ id, category, position, t: now(), setCollection: collectionId === undefined ? 0 : 1, collection: collectionId ?? null }).changes;
    if (changed !== 1) return false;
    this.sql(`UPDATE document_content SET meta = json_set(meta, '$.category', ?) WHERE document_id = ?`).run(category, id);
    return true;
  }

  deleteDocument(id: string): void {
    this.documentRow(id);
    this.db.transaction(() => {
      unindexDocument(this.db, id);
      this.sql('DELETE FROM documents WHERE id = ?').run(id);
    })();
  }

  /**
   * Drag and drop: put a case into another section (category) and/or collection, before
   * `beforeId` or at the end of the section. Positions of the section are renumbered.
   */
  moveDocument(id: string, target: { collectionId?: string; category?: string; beforeId?: string | null }): DocSummary {
    this.db.transaction(() => {
      const row = this.documentRow(id);
      const before = target.beforeId ? this.documentRow(target.beforeId) : null;
      if (before && before.id === id) return;
      const collectionId = target.collectionId ?? before?.collection_id ?? row.collection_id;
      if (collectionId) this.collectionRow(collectionId);
      const category = row.kind === 'case' ? (target.category ?? before?.category ?? row.category) : null;
      if (before && (before.collection_id !== collectionId || before.category !== category)) {
        throw new StoreError('invalid-input', 'the case to insert before is in another section');
      }
      if (category) this.ensureCategory(category);
      const siblings = (
        this.db
          .prepare(`SELECT d.id ${ORDERED} WHERE d.collection_id IS ? AND d.category IS ? AND d.kind = ? AND d.id != ? ${ORDER_BY}`)
          .all(collectionId, category, row.kind, id) as Array<{ id: string }>
      ).map((r) => r.id);
      const at = before ? siblings.indexOf(before.id) : siblings.length;
      siblings.splice(at < 0 ? siblings.length : at, 0, id);
      const setPos = this.sql('UPDATE documents SET position = ? WHERE id = ?');
      siblings.forEach((docId, i) => setPos.run(i, docId));
      if (collectionId !== row.collection_id || category !== row.category) {
        this.sql('UPDATE documents SET collection_id = ?, category = ?, updated_at = ? WHERE id = ?').run(collectionId, category, now(), id);
        if (category) this.sql(`UPDATE document_content SET meta = json_set(meta, '$.category', ?) WHERE document_id = ?`).run(category, id);
      }
    })();
    return this.summary(id);
  }

  // ---------------------------------------------------------------- revisions

  private insertRevision(documentId: string, autosave: boolean): void {
    const row = this.documentRow(documentId);
    const latest = this.db
      .prepare('SELECT id, autosave FROM revisions WHERE document_id = ? ORDER BY id DESC LIMIT 1')
      .get(documentId) as { id: number; autosave: number } | undefined;
    if (autosave && latest?.autosave === 1) {
      this.db
        .prepare('UPDATE revisions SET created_at = ?, title = ?, char_count = ?, meta = ?, body = ?, attachments = ? WHERE id = ?')
        .run(row.updated_at, row.title, row.char_count, row.meta, row.body, row.attachments, latest.id);
      return;
    }
    this.db
      .prepare(
        'INSERT INTO revisions (document_id, created_at, autosave, title, char_count, meta, body, attachments) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(documentId, row.updated_at, autosave ? 1 : 0, row.title, row.char_count, row.meta, row.body, row.attachments);
  }

  listRevisions(documentId: string): RevisionSummary[] {
    this.documentRow(documentId);
    const rows = this.db
      .prepare('SELECT id, created_at, title, char_count, autosave FROM revisions WHERE document_id = ? ORDER BY id DESC')
      .all(documentId) as Array<{ id: number; created_at: string; title: string; char_count: number; autosave: number }>;
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, title: r.title, charCount: r.char_count, autosave: r.autosave === 1 }));
  }

  /** Puts an old revision back as the current text; the restore is itself a new revision. */
  restoreRevision(documentId: string, revisionId: number): StoredDocument {
    this.db.transaction(() => {
      const row = this.documentRow(documentId);
      const rev = this.sql('SELECT * FROM revisions WHERE id = ? AND document_id = ?').get(revisionId, documentId) as
        | { meta: string; body: string; attachments: string | null }
        | undefined;
      if (!rev) throw new StoreError('not-found', `no revision ${revisionId} of document ${documentId}`);
      const meta = JSON.parse(rev.meta) as CaseMeta | NoticeMeta;
      const category = row.kind === 'case' ? ((meta as CaseMeta).category ?? GENERAL_CATEGORY) : null;
      if (category) this.ensureCategory(category);
      const position = category === row.category ? row.position : this.nextPosition(row.collection_id, category);
      this.writeDocument(row, meta, JSON.parse(rev.body) as Block[], rev.attachments ? JSON.parse(rev.attachments) : null, category, position);
      if (row.kind === 'case' && (category !== row.category || this.documentRow(documentId).region_code !== row.region_code)) {
        this.placeByRegion([documentId]);
      }
      this.insertRevision(documentId, false);
    })();
    return this.getDocument(documentId);
  }

  // ---------------------------------------------------------------- comments

  private thread(id: string): CommentThread {
    const row = this.sql('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
    if (!row) throw new StoreError('not-found', `no comment thread ${id}`);
    const replies = this.sql('SELECT * FROM comment_replies WHERE thread_id = ? ORDER BY created_at, rowid').all(id) as ReplyRow[];
    return rowsToThread(row, replies);
  }

  listComments(documentId: string, openOnly = false): CommentThread[] {
    this.documentRow(documentId);
    const rows = this.db
      .prepare(`SELECT * FROM comments WHERE document_id = ? ${openOnly ? 'AND resolved = 0' : ''} ORDER BY created_at, rowid`)
      .all(documentId) as CommentRow[];
    const replies = this.db
      .prepare(
        'SELECT r.* FROM comment_replies r JOIN comments c ON c.id = r.thread_id WHERE c.document_id = ? ORDER BY r.created_at, r.rowid',
      )
      .all(documentId) as ReplyRow[];
    return rows.map((row) => rowsToThread(row, replies.filter((r) => r.thread_id === row.id)));
  }

  /** Threads of many documents at once, for exports (the DOCX writer turns them into Word comments). */
  commentsFor(documentIds: string[]): Record<string, CommentThread[]> {
    const out: Record<string, CommentThread[]> = {};
    for (const id of documentIds) {
      const threads = this.listComments(id);
      if (threads.length) out[id] = threads;
    }
    return out;
  }

  addComment(input: { documentId: string; id?: string; quote: string; text: string; author: string; createdAt?: string; resolved?: boolean }): CommentThread {
    this.documentRow(input.documentId);
    const id = input.id ?? randomUUID();
    if (this.sql('SELECT 1 FROM comments WHERE id = ?').get(id)) throw new StoreError('conflict', `comment thread ${id} already exists`);
    this.db
      .prepare('INSERT INTO comments (id, document_id, quote, author, text, created_at, resolved) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.documentId, input.quote, input.author, input.text, input.createdAt ?? now(), input.resolved ? 1 : 0);
    return this.thread(id);
  }

  replyComment(threadId: string, input: { text: string; author: string; createdAt?: string }): CommentThread {
    this.thread(threadId);
    this.db
      .prepare('INSERT INTO comment_replies (id, thread_id, author, text, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(randomUUID(), threadId, input.author, input.text, input.createdAt ?? now());
    return this.thread(threadId);
  }

  resolveComment(threadId: string, resolved: boolean): CommentThread {
    this.thread(threadId);
    this.sql('UPDATE comments SET resolved = ? WHERE id = ?').run(resolved ? 1 : 0, threadId);
    return this.thread(threadId);
  }

  deleteComment(threadId: string): void {
    this.thread(threadId);
    this.sql('DELETE FROM comments WHERE id = ?').run(threadId);
  }

  // ---------------------------------------------------------------- search

  search(q: string, options: { collectionId?: string; limit?: number } = {}): SearchRow[] {
    return searchDocuments(this.db, q, options);
  }

  // ---------------------------------------------------------------- import

  /**
   * Writes imported files into the library. Each file is one transaction: a file that fails
   * leaves the library as it was and is reported by name; the other files still go in.
   * The target collection is created with the first file that succeeds, so a batch in which
   * every file fails changes nothing at all.
   */
  commitImport(files: ImportedFile[], options: CommitOptions = {}): CommitResult {
    const result: CommitResult = { collectionId: options.collectionId ?? null, imported: [], errors: [] };
    if (options.collectionId) this.collectionRow(options.collectionId);
    for (const file of files) {
      try {
        const documentIds = this.db.transaction(() => {
          if (!result.collectionId) {
            const title = options.newCollection?.title ?? file.info.title ?? file.notice?.meta.title ?? file.file;
            result.collectionId = this.createCollection({
              title,
              subtitle: file.kind === 'feature' ? (file.info.subtitle ?? null) : null,
              year: options.newCollection?.year ?? yearOf(file),
              publisher: options.newCollection?.publisher ?? file.info.publisher ?? null,
              lead: file.kind === 'feature' ? file.info.lead : null,
              credits: file.kind === 'feature' ? file.info.credits : null,
            }).id;
          }
          return this.insertImportedFile(file, result.collectionId);
        })();
        result.imported.push({ file: file.file, kind: file.kind, documentIds });
      } catch (error) {
        // the transaction rolled back, and with it a collection created for this file
        if (result.imported.length === 0 && !options.collectionId) result.collectionId = null;
        result.errors.push({ file: file.file, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return result;
  }

  private insertImportedFile(file: ImportedFile, collectionId: string): string[] {
    const ids: string[] = [];
    if (file.notice) {
      ids.push(this.insertDocument('notice', { ...file.notice.meta, sourceFile: file.notice.meta.sourceFile ?? file.file }, file.notice.body, file.notice.attachments ?? [], collectionId));
    }
    const caseIds: string[] = [];
    for (const c of file.cases) {
      if (!c.meta?.title) throw new Error(`${file.file}: a case without a title cannot be stored`);
      caseIds.push(this.insertDocument('case', { ...c.meta, sourceFile: c.meta.sourceFile ?? file.file }, c.body, null, collectionId));
    }
    this.placeByRegion(caseIds);
    ids.push(...caseIds);
    if (ids.length === 0) throw new Error(`${file.file}: no case or notice was found in this file`);
    // A feature brings its lead and credits to a collection that has none yet.
    if (file.kind === 'feature' && (file.info.lead?.length || file.info.credits)) {
      const row = this.collectionRow(collectionId);
      if (!row.lead && file.info.lead?.length) this.sql('UPDATE collections SET lead = ? WHERE id = ?').run(JSON.stringify(file.info.lead), collectionId);
      if (!row.credits && file.info.credits) this.sql('UPDATE collections SET credits = ? WHERE id = ?').run(JSON.stringify(file.info.credits), collectionId);
    }
    return ids;
  }

  /** `PRAGMA integrity_check` result ("ok" when sound). */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
  }
}

/** Division codes ascending; cases without a code after all others. */
function byCode(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function yearOf(file: ImportedFile): number | null {
  const fromCase = file.cases.find((c) => c.meta.year)?.meta.year;
  if (fromCase) return fromCase;
  const date = file.info.date ?? file.notice?.meta.date;
  return date ? Number(date.slice(0, 4)) || null : null;
}

export function openStore(file: string, options: { nativeBinding?: string } = {}): Store {
  return new Store(file, options);
}
