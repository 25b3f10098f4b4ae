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
import { checkDocument, checkWith, CommentInputSchema, ModelError } from '../model/schema.js';
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
import { Imports, type CommitOptions, type CommitResult } from './imports.js';
import type { DocSummary } from './rows.js';

export interface LibraryOptions {
  /** Stop migrating at this schema version (tests of upgrades). */
  targetVersion?: number;
  /** better-sqlite3 addon built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
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
  private readonly placement: Placement;

  constructor(
    readonly file: string,
    options: LibraryOptions = {},
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
    this.c = new Connection(this.db);
    this.settings = new Settings(this.c);
    this.placement = new Placement(this.c);
    this.categories = new Categories(this.c, this.placement);
    this.collections = new Collections(this.c, this.categories, this.placement);
    this.revisions = new Revisions(this.c);
    this.documents = new Documents(this.c, this.categories, this.collections, this.placement, this.revisions);
    this.comments = new Comments(this.c);
    this.imports = new Imports(this.c, this.collections, this.documents, this.placement);
    // the model schema guards every document written, whichever path it comes by
    this.documents.check = (doc) => modelChecked(() => checkDocument(doc));
    if (target === LATEST_VERSION) this.categories.seed();
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
  /** Deleting a collection keeps its documents in the library, outside any collection. */
  deleteCollection(id: string): void {
    this.collections.row(id);
    this.c.sql('DELETE FROM collections WHERE id = ?').run(id);
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
  saveDocument(id: string, patch: SavePatch): SaveResult {
    return this.documents.save(id, patch);
  }
  deleteDocument(id: string): void {
    this.documents.purge(id);
  }
  moveDocument(id: string, target: { collectionId?: string; category?: string; beforeId?: string | null }): DocSummary {
    return this.documents.move(id, target);
  }

  // revisions
  listRevisions(documentId: string): RevisionSummary[] {
    this.documents.row(documentId);
    return this.revisions.list(documentId);
  }
  restoreRevision(documentId: string, revisionId: number): StoredDocument {
    return this.documents.restoreRevision(documentId, revisionId);
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
