/**
 * Cases and notices: the model JSON is canonical (document_content); the columns of
 * `documents` are copies of it for filters, ordering and lists, and the search index
 * follows every write in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Block, CaseMeta, HuibianDocument, NoticeAttachment, NoticeDocument, NoticeMeta } from '../model/types.js';
import { GENERAL_CATEGORY } from '../model/categories.js';
import { documentCharCount } from '../model/text.js';
import { now, type Connection } from './connection.js';
import { StoreError } from './errors.js';
import type { Categories } from './categories.js';
import { LIVE, type Collections } from './collections.js';
import type { Placement } from './placement.js';
import type { Revisions } from './revisions.js';
import { ORDERED, ORDER_BY, SUMMARY_COLUMNS } from './queries.js';
import { isLocked } from './lifecycle.js';
import { regionCode } from './regionCode.js';
import { indexDocument, indexNewDocument, searchableText, unindexDocument } from './search.js';
import { rowToDocument, rowToSummary, type DocSummary, type DocumentRow, type SummaryRow } from './rows.js';
import { PROOF_CACHE_FORGET } from '../proof/cache.js';

export interface DocumentFilters {
  kind?: 'case' | 'notice';
  category?: string;
  province?: string;
  city?: string;
  award?: string;
  status?: 'draft' | 'review' | 'final' | 'submitted';
  year?: number;
  organ?: string;
}

export interface StoredDocument {
  document: HuibianDocument;
  revision: number;
  updatedAt: string;
  collectionId: string | null;
}

export interface SavePatch {
  meta?: Partial<CaseMeta> | Partial<NoticeMeta>;
  body?: Block[];
  attachments?: NoticeAttachment[];
  baseRevision?: number;
  autosave?: boolean;
}

/** A document's text after a change made on its way in (an import's proofing fixes). */
export interface RevisedText {
  meta: CaseMeta | NoticeMeta;
  body: Block[];
  attachments?: NoticeAttachment[] | null;
}

export interface SaveResult {
  revision: number;
  updatedAt: string;
  meta: CaseMeta | NoticeMeta;
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

/** Checks a whole document before it is written; throws a StoreError naming the bad node. */
export type DocumentCheck = (doc: HuibianDocument) => void;

export class Documents {
  /** Set by the library: the model schema, applied to every document written. */
  check: DocumentCheck = () => {};

  constructor(
    private readonly c: Connection,
    private readonly categories: Categories,
    private readonly collections: Collections,
    private readonly placement: Placement,
    private readonly revisions: Revisions,
  ) {}

  /** The full row of a document that is not in the trash (or of any, with `includeDeleted`). */
  row(id: string, includeDeleted = false): DocumentRow {
    const row = this.c.sql('SELECT * FROM documents_full WHERE id = ?').get(id) as DocumentRow | undefined;
    if (!row || (!includeDeleted && row.deleted_at)) throw new StoreError('not-found', `没有这篇文档（${id}）：它可能已被删除，请刷新后重试。`);
    return row;
  }

  get(id: string): StoredDocument {
    const row = this.row(id);
    return { document: rowToDocument(row), revision: row.revision, updatedAt: row.updated_at, collectionId: row.collection_id };
  }

  list(options: { collectionId?: string; filters?: DocumentFilters } = {}): DocSummary[] {
    const { where, values } = this.where(options);
    const rows = this.c.sql(`SELECT ${SUMMARY_COLUMNS} ${ORDERED} WHERE ${where} ${ORDER_BY}`).all(...values) as SummaryRow[];
    return rows.map(rowToSummary);
  }

  /** The WHERE clause of a list: live documents, in a collection, matching every filter. */
  where(options: { collectionId?: string; filters?: DocumentFilters }): { where: string; values: unknown[] } {
    const where: string[] = [LIVE];
    const values: unknown[] = [];
    if (options.collectionId) {
      where.push('d.collection_id = ?');
      values.push(options.collectionId);
    }
    for (const [key, value] of Object.entries(options.filters ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      const column = FILTER_COLUMNS[key as keyof DocumentFilters];
      if (!column) throw new StoreError('invalid-input', `未知的筛选条件“${key}”。`);
      where.push(`d.${column} = ?`);
      values.push(value);
    }
    return { where: where.join(' AND '), values };
  }

  summary(id: string): DocSummary {
    const row = this.c.sql(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as SummaryRow | undefined;
    if (!row) throw new StoreError('not-found', `没有这篇文档（${id}）：请刷新后重试。`);
    return rowToSummary(row);
  }

  count(): number {
    return (this.c.sql(`SELECT COUNT(*) AS n FROM documents d WHERE ${LIVE}`).get() as { n: number }).n;
  }

  /** The copies of meta kept as columns, for filters, ordering and the search index. */
  columnsOf(kind: 'case' | 'notice', meta: CaseMeta | NoticeMeta, body: Block[], attachments: NoticeAttachment[] | null) {
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
      char_count: documentCharCount(meta.title, body, attachments),
      text,
    };
  }

  /**
   * Inserts one document (no transaction of its own: callers batch). With `revised` (an
   * import's text after the proofing fixes) the text as given stays revision 1 and the revised
   * text is revision 2 and the current one, written and indexed once; a revision the model
   * schema refuses, or a case imported as locked (定稿, 已报送), keeps the text as given.
   */
  insert(
    kind: 'case' | 'notice',
    meta: CaseMeta | NoticeMeta,
    body: Block[],
    attachments: NoticeAttachment[] | null,
    collectionId: string | null,
    extra: { contentHash?: string | null; revised?: RevisedText } = {},
  ): string {
    const id = randomUUID();
    const category = kind === 'case' ? ((meta as CaseMeta).category ?? GENERAL_CATEGORY) : null;
    const storedMeta = kind === 'case' ? { ...meta, category } : meta;
    this.check(kind === 'case' ? { kind, id, meta: storedMeta as CaseMeta, body } : { kind, id, meta: storedMeta as NoticeMeta, body, attachments: attachments ?? [] });
    if (category) this.categories.ensure(category);
    const drafted = { meta: storedMeta, body, attachments };
    const current = (extra.revised && this.revisedText(kind, id, category, extra.revised)) || drafted;
    const { text, ...columns } = this.columnsOf(kind, current.meta, current.body, current.attachments);
    // appended at the end of its section; placeByRegion then moves a batch into division-code order
    const position = this.placement.nextPosition(collectionId, category);
    const t = now();
    const json = (v: typeof drafted) => ({ meta: JSON.stringify(v.meta), body: JSON.stringify(v.body), attachments: v.attachments ? JSON.stringify(v.attachments) : null });
    const versions = [{ title: columns.title, charCount: columns.char_count, ...json(current) }];
    if (current !== drafted) {
      const first = json(drafted);
      if (first.meta !== versions[0]!.meta || first.body !== versions[0]!.body || first.attachments !== versions[0]!.attachments) {
        versions.unshift({ title: drafted.meta.title || '（无标题）', charCount: documentCharCount(drafted.meta.title, body, attachments), ...first });
      }
    }
    this.c
      .sql(
        `INSERT INTO documents (id, kind, collection_id, category, position, title, subtitle, province, city, county,
           region_code, award, unit, status, year, organ, char_count, revision, created_at, updated_at, content_hash)
         VALUES (@id, @kind, @collection_id, @category, @position, @title, @subtitle, @province, @city, @county,
           @region_code, @award, @unit, @status, @year, @organ, @char_count, @revision, @t, @t, @content_hash)`,
      )
      .run({ ...columns, id, kind, collection_id: collectionId, category, position, t, revision: versions.length, content_hash: extra.contentHash ?? null });
    const stored = versions[versions.length - 1]!;
    this.c.sql('INSERT INTO document_content (document_id, meta, attachments, body) VALUES (?, ?, ?, ?)').run(id, stored.meta, stored.attachments, stored.body);
    this.revisions.first(id, t, versions);
    indexNewDocument(this.c.db, id, columns.title, text);
    return id;
  }

  /** `revised` as it would be stored, or null when it must not replace the text as given. */
  private revisedText(kind: 'case' | 'notice', id: string, category: string | null, revised: RevisedText) {
    const meta = kind === 'case' ? { ...revised.meta, category } : revised.meta;
    if (kind === 'case' && isLocked((meta as CaseMeta).status ?? 'draft')) return null;
    const attachments = kind === 'notice' ? (revised.attachments ?? []) : null;
    try {
      this.check(kind === 'case' ? { kind, id, meta: meta as CaseMeta, body: revised.body } : { kind, id, meta: meta as NoticeMeta, body: revised.body, attachments: attachments ?? [] });
    } catch {
      return null;
    }
    return { meta, body: revised.body, attachments };
  }

  createCase(meta: CaseMeta, body: Block[], collectionId: string | null = null): string {
    if (collectionId) this.collections.row(collectionId);
    return this.c.tx(() => {
      const id = this.insert('case', meta, body, null, collectionId);
      this.placement.placeByRegion([id]);
      return id;
    });
  }

  createNotice(notice: Omit<NoticeDocument, 'id' | 'kind'>, collectionId: string | null = null): string {
    if (collectionId) this.collections.row(collectionId);
    return this.c.tx(() => this.insert('notice', notice.meta, notice.body, notice.attachments ?? [], collectionId));
  }

  /**
   * Saves an edit. A stale `baseRevision` is refused (another window saved meanwhile).
   * An explicit save keeps a revision; an autosave overwrites the latest autosave revision.
   */
  save(id: string, patch: SavePatch, guard: (row: DocumentRow) => void = () => {}): SaveResult {
    return this.c.tx(() => {
      const row = this.row(id);
      guard(row);
      if (patch.baseRevision !== undefined && patch.baseRevision !== row.revision) {
        throw new StoreError('conflict', `这篇文档在别处已被修改（您从第 ${patch.baseRevision} 版开始编辑，现在是第 ${row.revision} 版）：请重新载入后再保存。`);
      }
      const current = rowToDocument(row);
      const meta = { ...current.meta, ...(patch.meta ?? {}) } as CaseMeta | NoticeMeta;
      if (typeof meta.title !== 'string' || !meta.title.trim()) throw new StoreError('invalid-input', '标题不能为空：请填写标题后再保存。');
      const body = patch.body ?? current.body;
      const attachments = row.kind === 'notice' ? (patch.attachments ?? (current as NoticeDocument).attachments) : null;
      this.write(row, meta, body, attachments);
      this.revisions.snapshot(this.row(id), patch.autosave === true);
      const after = this.row(id);
      return { revision: after.revision, updatedAt: after.updated_at, meta: rowToDocument(after).meta };
    });
  }

  /**
   * Writes new content over a document, keeping the section and the official order of
   * places in step: a case that changed section or place goes where that order puts it.
   */
  write(row: DocumentRow, meta: CaseMeta | NoticeMeta, body: Block[], attachments: NoticeAttachment[] | null): void {
    const category = row.kind === 'case' ? ((meta as CaseMeta).category ?? row.category ?? GENERAL_CATEGORY) : null;
    if (row.kind === 'case') meta = { ...meta, category };
    this.check(
      row.kind === 'case'
        ? { kind: 'case', id: row.id, meta: meta as CaseMeta, body }
        : { kind: 'notice', id: row.id, meta: meta as NoticeMeta, body, attachments: attachments ?? [] },
    );
    if (category) this.categories.ensure(category);
    const moved = category !== row.category;
    const position = moved ? this.placement.nextPosition(row.collection_id, category) : row.position;
    const { text, ...columns } = this.columnsOf(row.kind, meta, body, attachments);
    this.c
      .sql(
        `UPDATE documents SET category = @category, position = @position,
           title = @title, subtitle = @subtitle, province = @province, city = @city, county = @county, region_code = @region_code, award = @award,
           unit = @unit, status = @status, year = @year, organ = @organ, char_count = @char_count,
           revision = revision + 1, updated_at = @t
         WHERE id = @id`,
      )
      // a notice's status is not in its meta: keep the row's
      .run({ ...columns, id: row.id, category, position, status: row.kind === 'notice' ? row.status : columns.status, t: now() });
    this.c
      .sql('UPDATE document_content SET meta = ?, attachments = ?, body = ? WHERE document_id = ?')
      .run(JSON.stringify(meta), attachments ? JSON.stringify(attachments) : null, JSON.stringify(body), row.id);
    indexDocument(this.c.db, row.id, columns.title, text);
    if (row.kind === 'case' && (moved || regionCode(meta.region ?? null) !== row.region_code)) this.placement.placeByRegion([row.id]);
  }

  /** Puts an old revision back as the current text; the restore is itself a new revision. */
  restoreRevision(documentId: string, revisionId: number, guard: (row: DocumentRow) => void = () => {}): StoredDocument {
    this.c.tx(() => {
      const row = this.row(documentId);
      guard(row);
      const rev = this.revisions.content(documentId, revisionId);
      const meta = JSON.parse(rev.meta) as CaseMeta | NoticeMeta;
      // the lifecycle is not part of the text: a restore keeps the case's current status
      if (row.kind === 'case') (meta as CaseMeta).status = row.status;
      this.write(row, meta, JSON.parse(rev.body) as Block[], rev.attachments ? (JSON.parse(rev.attachments) as NoticeAttachment[]) : null);
      this.revisions.snapshot(this.row(documentId), false, `恢复到第 ${revisionId} 号修订`);
    });
    return this.get(documentId);
  }

  /**
   * Drag and drop: put a case into another section (category) and/or collection, before
   * `beforeId` or at the end of the section. Positions of the section are renumbered.
   */
  move(id: string, target: { collectionId?: string; category?: string; beforeId?: string | null }): DocSummary {
    this.c.tx(() => {
      const row = this.row(id);
      const before = target.beforeId ? this.row(target.beforeId) : null;
      if (before && before.id === id) return;
      const collectionId = target.collectionId ?? before?.collection_id ?? row.collection_id;
      if (collectionId) this.collections.row(collectionId);
      const category = row.kind === 'case' ? (target.category ?? before?.category ?? row.category) : null;
      if (before && (before.collection_id !== collectionId || before.category !== category)) {
        throw new StoreError('invalid-input', '要插在其前面的案例属于另一个分组：请拖到同一分组中。');
      }
      if (category) this.categories.ensure(category);
      const siblings = (
        this.c
          .sql(`SELECT d.id ${ORDERED} WHERE d.collection_id IS ? AND d.category IS ? AND d.kind = ? AND d.id != ? AND ${LIVE} ${ORDER_BY}`)
          .all(collectionId, category, row.kind, id) as Array<{ id: string }>
      ).map((r) => r.id);
      const at = before ? siblings.indexOf(before.id) : siblings.length;
      siblings.splice(at < 0 ? siblings.length : at, 0, id);
      const setPos = this.c.sql('UPDATE documents SET position = ? WHERE id = ?');
      siblings.forEach((docId, i) => setPos.run(i, docId));
      if (collectionId !== row.collection_id || category !== row.category) {
        this.c.sql('UPDATE documents SET collection_id = ?, category = ?, updated_at = ? WHERE id = ?').run(collectionId, category, now(), id);
        if (category) this.c.sql(`UPDATE document_content SET meta = json_set(meta, '$.category', ?) WHERE document_id = ?`).run(category, id);
      }
    });
    return this.summary(id);
  }

  /** Removes a document for good, with its revisions and comments (the trash calls this when emptied). */
  purge(id: string): void {
    this.row(id, true);
    this.c.tx(() => {
      unindexDocument(this.c.db, id);
      this.c.sql('DELETE FROM documents WHERE id = ?').run(id);
      this.c.sql(PROOF_CACHE_FORGET).run(id);
    });
  }
}
