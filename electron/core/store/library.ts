/**
 * The library: one SQLite file (better-sqlite3) holding collections, documents (model JSON
 * is canonical; filter columns are copies of it), revisions, review comments, the category
 * list and settings. This facade owns the connection and hands each concern to its module;
 * every write that touches more than one row runs in one transaction.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Block, CaseMeta, Collection, CollectionBundle, CommentThread, NoticeDocument } from '../model/types.js';
import type { ImportedFile } from '../model/imported.js';
import { assertDocument, checkWith, CommentInputSchema, ModelError } from '../model/schema.js';
import { Connection } from './connection.js';
import { StoreError } from './errors.js';
import { migrate, schemaVersion, LATEST_VERSION } from './migrations.js';
import { searchDocuments, type SearchRow } from './search.js';
import { Settings } from './settings.js';
import { Placement } from './placement.js';
import { Categories } from './categories.js';
import { Collections, type CollectionPatch, type CollectionSummary, type NewCollection } from './collections.js';
import { Revisions, type RevisionSummary } from './revisions.js';
import { Documents, type DocumentFilters, type SavePatch, type SaveResult, type StoredDocument } from './documents.js';
import { Comments, type NewComment } from './comments.js';
import { Imports, type CommitOptions, type CommitResult, type Duplicate, type KnownFile } from './imports.js';
import { Lifecycle, type StatusChange, type StatusSkip } from './lifecycle.js';
import { Trash, TRASH_RETENTION_DAYS, type TrashedCollection, type TrashedDocument } from './trash.js';
import { Merges } from './merges.js';
import { Continuity, type ContinuityChoice, type ContinuityReport } from './continuity.js';
import type { DocSummary } from './rows.js';
import type { CaseStatus, ContinuityLink } from '../model/types.js';

export interface LibraryOptions {
  /** Stop migrating at this schema version (tests of upgrades). */
  targetVersion?: number;
  /** better-sqlite3 addon built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** Apply the revision pruning policy (revisions.ts); off only to measure what it saves. */
  pruneRevisions?: boolean;
  /** Days an item stays in the trash before opening the library purges it (trash.ts; default 30); null: until emptied. */
  trashRetentionDays?: number | null;
}

export class Library {
  readonly db: Database.Database;
  private readonly c: Connection;
  readonly settings: Settings;
  readonly categories: Categories;
  readonly collections: Collections;
  readonly documents: Documents;
  readonly revisions: Revisions;
  readonly comments: Comments;
  readonly imports: Imports;
  readonly lifecycle: Lifecycle;
  readonly trash: Trash;
  readonly merges: Merges;
  readonly continuity: Continuity;
  /** How many documents and collections the trash's purge policy removed when this library was opened. */
  readonly purgedAtOpen: number = 0;
  private readonly placement: Placement;
  private readonly pruning: boolean;

  constructor(
    readonly file: string,
    options: LibraryOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    // A new library gets 16 KiB pages (an existing one keeps its own: in WAL mode SQLite ignores
    // this, and it must come before journal_mode to apply). A draft's JSON body and its revisions
    // run to several KiB, the full-text index's segments to many: at 4 KiB nearly each spilled
    // onto overflow pages. Commit CPU of 1,000 imported single-case drafts, 6 alternating runs:
    // 0.82 of 4 KiB pages' (median of the pairs; 32 KiB no better than 16).
    this.db.pragma('page_size = 16384');
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
    this.c = new Connection(this.db);
    this.settings = new Settings(this.c);
    this.placement = new Placement(this.c);
    this.categories = new Categories(this.c, this.placement);
    this.collections = new Collections(this.c, this.categories, this.placement);
    this.revisions = new Revisions(this.c);
    this.documents = new Documents(this.c, this.categories, this.collections, this.placement, this.revisions);
    this.comments = new Comments(this.c);
    this.imports = new Imports(this.c, this.collections, this.documents, this.placement);
    this.lifecycle = new Lifecycle(this.c, this.documents, this.revisions);
    this.trash = new Trash(this.c, this.documents, this.collections, options.trashRetentionDays === undefined ? TRASH_RETENTION_DAYS : options.trashRetentionDays);
    this.merges = new Merges(this.c, this.documents, this.comments, this.revisions, this.trash, this.lifecycle.guard);
    // restoring a merged source from the trash is the undo of that merge
    this.trash.undoMerge = this.merges.undo;
    this.trash.mergedInto = (id, deletedAt) => this.merges.mergedInto(id, deletedAt);
    this.continuity = new Continuity(this.c, this.documents, this.revisions, this.lifecycle.guard);
    // the model schema guards every document written, whichever path it comes by
    this.documents.check = (doc) => modelChecked(() => assertDocument(doc));
    this.pruning = options.pruneRevisions !== false;
    if (target === LATEST_VERSION) {
      this.categories.seed();
      if (this.pruning) this.revisions.prune();
      this.purgedAtOpen = this.trash.purgeExpired();
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` in one transaction: all of it is written, or none. */
  transaction<T>(fn: () => T): T {
    return this.c.tx(fn);
  }

  // settings
  getSetting(key: string): string | null {
    return this.settings.get(key);
  }
  setSetting(key: string, value: string | null): void {
    this.settings.set(key, value);
  }

  // categories
  listCategories(): string[] {
    return this.categories.list();
  }
  addCategory(name: string): string[] {
    return this.categories.add(name);
  }
  renameCategory(from: string, to: string): string[] {
    return this.categories.rename(from, to);
  }
  deleteCategory(name: string): string[] {
    return this.categories.delete(name);
  }
  reorderCategories(names: string[]): string[] {
    return this.categories.reorder(names);
  }

  // collections
  listCollections(): CollectionSummary[] {
    return this.collections.list();
  }
  findCollectionByTitle(title: string): string | null {
    return this.collections.findByTitle(title);
  }
  getCollection(id: string): Collection {
    return this.collections.get(id);
  }
  createCollection(input: NewCollection): Collection {
    return this.collections.create(input);
  }
  updateCollection(id: string, patch: CollectionPatch): Collection {
    return this.collections.update(id, patch);
  }
  /** Moves a collection and its documents to the trash; returns the time stamp restoreCollection undoes. */
  deleteCollection(id: string): string {
    return this.trash.deleteCollection(id);
  }
  restoreCollection(id: string): Collection {
    this.trash.restoreCollection(id);
    return this.collections.get(id);
  }
  bundle(collectionId: string): CollectionBundle {
    return this.collections.bundle(collectionId);
  }

  // documents
  getDocument(id: string): StoredDocument {
    return this.documents.get(id);
  }
  listDocuments(options: { collectionId?: string; filters?: DocumentFilters } = {}): DocSummary[] {
    return this.documents.list(options);
  }
  summary(id: string): DocSummary {
    return this.documents.summary(id);
  }
  countDocuments(): number {
    return this.documents.count();
  }
  createCase(meta: CaseMeta, body: Block[], collectionId: string | null = null): string {
    return this.documents.createCase(meta, body, collectionId);
  }
  createNotice(notice: Omit<NoticeDocument, 'id' | 'kind'>, collectionId: string | null = null): string {
    return this.documents.createNotice(notice, collectionId);
  }
  /** Refused with code 'locked' while the case is 定稿 or 已报送. */
  saveDocument(id: string, patch: SavePatch): SaveResult {
    const result = this.documents.save(id, patch, this.lifecycle.guard);
    if (!patch.autosave && this.pruning) this.revisions.prune(id);
    return result;
  }
  /** To the trash: undone by restoreDeleted. */
  deleteDocument(id: string): string {
    return this.trash.deleteDocuments([id]);
  }
  deleteDocuments(ids: string[]): string {
    return this.trash.deleteDocuments(ids);
  }
  restoreDeleted(ids: string[]): DocSummary[] {
    return this.trash.restoreDocuments(ids).map((id) => this.documents.summary(id));
  }
  listTrash(): { documents: TrashedDocument[]; collections: TrashedCollection[] } {
    return this.trash.list();
  }
  emptyTrash(before?: string): number {
    return this.trash.empty(before);
  }
  /** A locked case may be reordered but not moved to another section (its category is metadata). */
  moveDocument(id: string, target: { collectionId?: string; category?: string; beforeId?: string | null }): DocSummary {
    const row = this.documents.row(id);
    if (target.category !== undefined && target.category !== row.category) this.lifecycle.guard(row);
    return this.documents.move(id, target);
  }
  /** Moves several documents to another collection (and section), each at the end of its section. */
  moveDocuments(ids: string[], target: { collectionId: string; category?: string }): DocSummary[] {
    return this.c.tx(() => ids.map((id) => this.moveDocument(id, { collectionId: target.collectionId, category: target.category })));
  }

  /**
   * Merges two records of one case: `sourceId`'s comments and revisions move to `targetId`,
   * fields the target lacks are taken from the source, `append` adds the source's text after
   * the target's, and the source goes to the trash. restoreDeleted of the source undoes it (merges.ts).
   */
  mergeCases(targetId: string, sourceId: string, options: { append?: boolean } = {}): StoredDocument {
    this.merges.merge(targetId, sourceId, options);
    return this.documents.get(targetId);
  }

  // 新增/延续
  /** Whether a case continues one of an earlier collection, and the earlier cases that look alike. */
  continuityReport(documentId: string): ContinuityReport {
    return this.continuity.report(documentId);
  }
  /** The editor's link, unlink, or hand-back to detection; refused with 'locked' while the case is 定稿/已报送. */
  setContinuity(documentId: string, choice: ContinuityChoice): ContinuityReport {
    return this.continuity.set(documentId, choice);
  }
  /** Each case's `continuesFrom` as writers read it (link 延续, null 新增, undefined no flag). */
  continuityFlags(documentIds: string[]): Map<string, ContinuityLink | null | undefined> {
    return this.continuity.flags(documentIds);
  }

  // lifecycle
  /** Sets the status of several cases at once; returns the ones that changed and those left alone. */
  setStatus(ids: string[], status: CaseStatus, by: { who: string; reason?: string | null }): { changed: DocSummary[]; skipped: StatusSkip[] } {
    const { changed, skipped } = this.lifecycle.setStatus(ids, status, by);
    return { changed: changed.map((id) => this.documents.summary(id)), skipped };
  }
  statusHistory(documentId: string): StatusChange[] {
    this.documents.row(documentId);
    return this.lifecycle.history(documentId);
  }
  statusCounts(options: { collectionId?: string; filters?: DocumentFilters } = {}): Record<CaseStatus, number> {
    const { status: _ignored, ...filters } = options.filters ?? {};
    return this.lifecycle.counts(this.documents.where({ collectionId: options.collectionId, filters }));
  }

  // revisions
  listRevisions(documentId: string): RevisionSummary[] {
    this.documents.row(documentId);
    return this.revisions.list(documentId);
  }
  restoreRevision(documentId: string, revisionId: number): StoredDocument {
    return this.documents.restoreRevision(documentId, revisionId, this.lifecycle.guard);
  }

  // comments
  listComments(documentId: string, openOnly = false): CommentThread[] {
    this.documents.row(documentId);
    return this.comments.list(documentId, openOnly);
  }
  /** Threads of many documents at once, for exports (the DOCX writer turns them into Word comments). */
  commentsFor(documentIds: string[]): Record<string, CommentThread[]> {
    const out: Record<string, CommentThread[]> = {};
    for (const id of documentIds) {
      const threads = this.comments.list(id);
      if (threads.length) out[id] = threads;
    }
    return out;
  }
  addComment(input: NewComment): CommentThread {
    this.documents.row(input.documentId);
    modelChecked(() => checkWith(CommentInputSchema, { quote: input.quote, text: input.text, author: input.author }));
    return this.comments.add(input);
  }
  replyComment(threadId: string, input: { text: string; author: string; createdAt?: string }): CommentThread {
    modelChecked(() => checkWith(CommentInputSchema, { quote: '', text: input.text, author: input.author }));
    return this.comments.reply(threadId, input);
  }
  resolveComment(threadId: string, resolved: boolean): CommentThread {
    return this.comments.resolve(threadId, resolved);
  }
  deleteComment(threadId: string): void {
    this.comments.delete(threadId);
  }

  // search
  search(q: string, options: { collectionId?: string; limit?: number } = {}): SearchRow[] {
    return searchDocuments(this.db, q, options);
  }

  // import
  commitImport(files: ImportedFile[], options: CommitOptions = {}): CommitResult {
    return this.imports.commit(files, options);
  }
  /** What of `files` the library already holds (for the import preview). */
  importDuplicates(files: ImportedFile[]): Duplicate[] {
    return this.imports.duplicates(files);
  }

  /** Which of `files` the library has imported before, byte for byte (for the import preview). */
  importKnownFiles(files: ImportedFile[]): KnownFile[] {
    return this.imports.knownFiles(files);
  }

  /** `PRAGMA integrity_check` result ("ok" when sound). */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
  }
}

/** A model refusal as a store refusal: the same message, naming the bad node. */
function modelChecked<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ModelError) throw new StoreError('invalid-input', error.message);
    throw error;
  }
}

export function openLibrary(file: string, options: LibraryOptions = {}): Library {
  return new Library(file, options);
}
