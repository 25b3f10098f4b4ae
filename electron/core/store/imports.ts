/**
 * Writes imported files into the library. Each file is one savepoint of the batch: a file that fails
 * leaves the library as it was and is reported by name; the other files still go in.
 * The target collection is created with the first file that succeeds, so a batch in which
 * every file fails changes nothing at all.
 */
import type { ImportedFile, ImportError } from '../model/imported.js';
import type { Connection } from './connection.js';
import type { Collections } from './collections.js';
import type { Documents, RevisedText } from './documents.js';
import type { Placement } from './placement.js';
import { caseFingerprint } from './fingerprint.js';
import { bulkIndexing } from './search.js';

export interface CommitOptions {
  collectionId?: string;
  newCollection?: { title: string; year?: number | null; publisher?: string | null };
  /** Import cases that are already in the library (same text, whatever the format) anyway. */
  allowDuplicates?: boolean;
  /**
   * Per imported case or notice (the object in `files`), its text after the proofing fixes:
   * stored as the second revision in the same insert. Duplicates are still found by the text
   * as drafted.
   */
  revised?: ReadonlyMap<object, RevisedText>;
}

/** The earliest live document with a fingerprint (index documents_content_hash, schema 8). */
export const DUPLICATE_LOOKUP = 'SELECT id, title, collection_id FROM documents WHERE content_hash = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1';

/** The earliest live document a case was drafted as, before the import preview changed it (schema 11). */
const DRAFTED_LOOKUP =
  'SELECT d.id, d.title, d.collection_id FROM drafted_prints p JOIN documents d ON d.id = p.document_id WHERE p.content_hash = ? AND d.deleted_at IS NULL ORDER BY d.created_at LIMIT 1';

/** A file of the batch whose bytes the library has imported before (schema 11). */
export interface KnownFile {
  /** Index of the file in the batch. */
  fileIndex: number;
  file: string;
  /** The name it was imported under then. */
  importedAs: string;
  /** ISO time of that import. */
  importedAt: string;
  collectionId: string | null;
  collectionTitle: string | null;
}

/** A case (or notice) of an imported file that the library already holds. */
export interface Duplicate {
  file: string;
  /** Index of the file in the batch (the import preview's file index). */
  fileIndex: number;
  /** Index of the case in the file's cases; null for the file's notice. */
  case: number | null;
  title: string;
  existingId: string;
  existingTitle: string;
  collectionId: string | null;
}

export interface CommitResult {
  collectionId: string | null;
  imported: Array<{ file: string; kind: string; documentIds: string[] }>;
  errors: ImportError[];
  /** Skipped because the library already holds them (empty with allowDuplicates). */
  duplicates: Duplicate[];
}

function yearOf(file: ImportedFile): number | null {
  const fromCase = file.cases.find((c) => c.meta.year)?.meta.year;
  if (fromCase) return fromCase;
  const date = file.info.date ?? file.notice?.meta.date;
  return date ? Number(date.slice(0, 4)) || null : null;
}

/** The first import of a file's bytes is the one remembered. */
const FILE_RECORD = 'INSERT OR IGNORE INTO imported_files (content_hash, file, collection_id, imported_at) VALUES (?, ?, ?, ?)';

/** A file failed in a batch written without savepoints: the batch is run again with them. */
class FileFailed extends Error {
  constructor(readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error));
  }
}

export class Imports {
  constructor(
    private readonly c: Connection,
    private readonly collections: Collections,
    private readonly documents: Documents,
    private readonly placement: Placement,
  ) {}

  /**
   * The cases and notices of `files` the library already holds, matched by content
   * fingerprint among live documents and earlier entries of the same batch.
   */
  duplicates(files: ImportedFile[]): Duplicate[] {
    const out: Duplicate[] = [];
    const seen = new Map<string, { title: string; file: string }>();
    const find = this.c.sql(DUPLICATE_LOOKUP);
    const drafted = this.c.sql(DRAFTED_LOOKUP);
    const check = (file: string, fileIndex: number, index: number | null, title: string, hash: string, asDrafted: string[] = []) => {
      // what the preview merged, split or added to was stored under its new text: the draft's own cases are known by the prints kept with it
      // (and a case the preview is changing now by what it was drafted as, when the library holds all of that: merged with a new case, it is new)
      const held = asDrafted.map((h) => find.get(h) ?? drafted.get(h));
      const hit = (find.get(hash) ?? drafted.get(hash) ?? (held.length && held.every(Boolean) ? held[0] : undefined)) as { id: string; title: string; collection_id: string | null } | undefined;
      const earlier = seen.get(hash);
      if (hit) out.push({ file, fileIndex, case: index, title, existingId: hit.id, existingTitle: hit.title, collectionId: hit.collection_id });
      else if (earlier) out.push({ file, fileIndex, case: index, title, existingId: '', existingTitle: `${earlier.title}（同批的 ${earlier.file}）`, collectionId: null });
      else seen.set(hash, { title, file });
    };
    files.forEach((file, fi) => {
      if (file.notice) check(file.file, fi, null, file.notice.meta.title, caseFingerprint(file.notice.meta.title, file.notice.body), file.notice.drafted);
      file.cases.forEach((c, i) => check(file.file, fi, i, c.meta.title, caseFingerprint(c.meta.title ?? '', c.body), c.drafted));
    });
    return out;
  }

  /** The files of the batch whose bytes (ImportedFile.contentHash) the library has imported before. */
  knownFiles(files: ImportedFile[]): KnownFile[] {
    const find = this.c.sql(
      'SELECT f.file, f.imported_at, f.collection_id, c.title FROM imported_files f LEFT JOIN collections c ON c.id = f.collection_id AND c.deleted_at IS NULL WHERE f.content_hash = ?',
    );
    const out: KnownFile[] = [];
    files.forEach((f, fileIndex) => {
      if (!f.contentHash) return;
      const row = find.get(f.contentHash) as { file: string; imported_at: string; collection_id: string | null; title: string | null } | undefined;
      if (row) out.push({ fileIndex, file: f.file, importedAs: row.file, importedAt: row.imported_at, collectionId: row.collection_id, collectionTitle: row.title });
    });
    return out;
  }

  /**
   * The batch runs in one transaction: the library commits (and the full-text index flushes
   * its segments) once per batch instead of once per file — 1,000 single-case drafts 0.87× the
   * time. A file that fails must still roll back alone, which a savepoint per file gives; but
   * the full-text index writes its pending terms out as a segment at every savepoint, so the
   * batch goes in without them first, and only when a file fails is it rolled back and run
   * again with a savepoint per file.
   */
  commit(files: ImportedFile[], options: CommitOptions = {}): CommitResult {
    try {
      return this.c.tx(() => bulkIndexing(this.c.db, () => this.commitEach(files, options, false)));
    } catch (error) {
      if (!(error instanceof FileFailed)) throw error;
      return this.c.tx(() => bulkIndexing(this.c.db, () => this.commitEach(files, options, true)));
    }
  }

  private commitEach(files: ImportedFile[], options: CommitOptions, isolate: boolean): CommitResult {
    const result: CommitResult = { collectionId: options.collectionId ?? null, imported: [], errors: [], duplicates: [] };
    if (options.collectionId) this.collections.row(options.collectionId);
    if (!options.allowDuplicates) {
      result.duplicates = this.duplicates(files);
      const skip = new Set(result.duplicates.map((d) => `${d.fileIndex}/${d.case}`));
      files = files
        .map((f, fi) => ({
          ...f,
          notice: f.notice && skip.has(`${fi}/null`) ? null : f.notice,
          cases: f.cases.filter((_, i) => !skip.has(`${fi}/${i}`)),
        }))
        .filter((f) => {
          // a file whose every case is already there is reported as a duplicate, not imported again
          const whole = f.cases.length === 0 && !f.notice;
          if (whole) result.imported.push({ file: f.file, kind: f.kind, documentIds: [] });
          // a library older than schema 11 learns the file's bytes from its second import
          if (whole && f.contentHash) this.c.sql(FILE_RECORD).run(f.contentHash, f.file, options.collectionId ?? null, new Date().toISOString());
          return !whole;
        });
    }
    // Cases are ordered by division code once for the whole batch, after every file is in:
    // placing per file re-reads and renumbers whole sections each time, which made a batch of
    // 700 fourteen-case drafts 18× slower than one of 70 instead of 10×.
    const placed: string[] = [];
    for (const file of files) {
      const write = () => {
        if (!result.collectionId) {
          const title = options.newCollection?.title ?? file.info.title ?? file.notice?.meta.title ?? file.file;
          result.collectionId = this.collections.create({
            title,
            subtitle: file.kind === 'feature' ? (file.info.subtitle ?? null) : null,
            year: options.newCollection?.year ?? yearOf(file),
            publisher: options.newCollection?.publisher ?? file.info.publisher ?? null,
            lead: file.kind === 'feature' ? file.info.lead : null,
            credits: file.kind === 'feature' ? file.info.credits : null,
          }).id;
        }
        return this.insertFile(file, result.collectionId, options.revised);
      };
      let documentIds: string[];
      try {
        documentIds = isolate ? this.c.tx(write) : write();
      } catch (error) {
        // without a savepoint the file may have left rows behind: the batch starts again with them
        if (!isolate) throw new FileFailed(error);
        // the savepoint rolled back, and with it a collection created for this file
        if (!result.imported.some((f) => f.documentIds.length) && !options.collectionId) result.collectionId = null;
        result.errors.push({ file: file.file, message: error instanceof Error ? error.message : String(error) });
        continue;
      }
      result.imported.push({ file: file.file, kind: file.kind, documentIds });
      if (file.contentHash) this.c.sql(FILE_RECORD).run(file.contentHash, file.file, result.collectionId, new Date().toISOString());
      placed.push(...documentIds.slice(file.notice ? 1 : 0));
    }
    if (placed.length) this.c.tx(() => this.placement.placeByRegion(placed));
    return result;
  }

  private insertFile(file: ImportedFile, collectionId: string, revised?: ReadonlyMap<object, RevisedText>): string[] {
    const ids: string[] = [];
    if (file.notice) {
      const meta = { ...file.notice.meta, sourceFile: file.notice.meta.sourceFile ?? file.file };
      const hash = caseFingerprint(meta.title, file.notice.body);
      const fixed = revised?.get(file.notice);
      ids.push(
        this.documents.insert('notice', meta, file.notice.body, file.notice.attachments ?? [], collectionId, {
          contentHash: hash,
          ...(fixed ? { revised: { ...fixed, meta: { ...fixed.meta, sourceFile: meta.sourceFile } } } : {}),
        }),
      );
      for (const print of file.notice.drafted ?? []) if (print !== hash) this.c.sql('INSERT OR IGNORE INTO drafted_prints (content_hash, document_id) VALUES (?, ?)').run(print, ids[0]!);
    }
    const caseIds: string[] = [];
    for (const c of file.cases) {
      if (!c.meta?.title) throw new Error(`${file.file}：有一个案例没有标题，无法保存。请在预览中补上标题。`);
      const hash = caseFingerprint(c.meta.title, c.body);
      const sourceFile = c.meta.sourceFile ?? file.file;
      const fixed = revised?.get(c);
      const id = this.documents.insert('case', { ...c.meta, sourceFile }, c.body, null, collectionId, {
        contentHash: hash,
        ...(fixed ? { revised: { ...fixed, meta: { ...fixed.meta, sourceFile } } } : {}),
      });
      caseIds.push(id);
      if (c.drafted?.length) {
        const keep = this.c.sql('INSERT OR IGNORE INTO drafted_prints (content_hash, document_id) VALUES (?, ?)');
        for (const print of c.drafted) if (print !== hash) keep.run(print, id);
      }
    }
    ids.push(...caseIds);
    if (ids.length === 0) throw new Error(`${file.file}：文件中没有找到案例或通知。`);
    if (file.kind === 'feature' && (file.info.lead?.length || file.info.credits)) {
      this.collections.adoptLead(collectionId, file.info.lead, file.info.credits);
    }
    return ids;
  }
}
