/**
 * The bundle an export reads, case by case where the book is long. A small book comes whole,
 * as Collections.bundle reads it. Past KEEP_BODIES cases each case comes with its meta only,
 * and its body is read from the library when something asks for it (the release gate, the
 * writer, the picture check: each in one pass over the cases) and let go when the next case's
 * body is read. A 5,000-page book then never holds every body at once: the writers' memory
 * stays about what one case needs, however many cases there are.
 */
import type Database from 'better-sqlite3';
import type { Block, CaseDocument, CaseMeta, CollectionBundle } from '../model/types.js';
import { StoreError } from './errors.js';
import type { Library } from './library.js';
import { ORDER_BY } from './queries.js';
import { LIVE } from './collections.js';
import { holdHeapBudget, LONG_BOOK_CASES } from '../heapBudget.js';

/**
 * Up to this many cases the bodies are read at once and kept (one query, each parsed once:
 * a 25-draft anthology of 350 cases costs nothing more). Above it, each body is read when asked
 * for; the three passes then read it three times, which a long book pays gladly for its memory.
 */
export const KEEP_BODIES = LONG_BOOK_CASES;

interface Statements {
  count: Database.Statement<[string], { n: number }>;
  metas: Database.Statement<[string], { id: string; category: string | null; meta: string }>;
  body: Database.Statement<[string], { body: string }>;
}

const prepared = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      count: db.prepare(`SELECT COUNT(*) AS n FROM documents d WHERE d.collection_id = ? AND d.kind = 'case' AND ${LIVE}`),
      // The bundle's own order (Collections.bundle), without the bodies.
      metas: db.prepare(
        `SELECT d.id, d.category, d.meta FROM documents_full d LEFT JOIN categories c ON c.name = d.category
         WHERE d.collection_id = ? AND d.kind = 'case' AND ${LIVE} ${ORDER_BY}`,
      ),
      body: db.prepare('SELECT body FROM document_content WHERE document_id = ?'),
    };
    prepared.set(db, s);
  }
  return s;
}

/** Reads bodies from the library, keeping only the last one read (a pass asks for one case's body several times in a row). */
class BodyReader {
  private lastId: string | null = null;
  private last: Block[] | null = null;
  constructor(private readonly db: Database.Database) {}

  read(id: string, title: string): Block[] {
    if (this.lastId === id && this.last) return this.last;
    const row = statements(this.db).body.get(id);
    if (!row) throw new StoreError('not-found', `案例“${title}”在导出过程中已从资料库中删除：请重新导出。`);
    this.last = JSON.parse(row.body) as Block[];
    this.lastId = id;
    return this.last;
  }
}

/** Where each case read by case gets its body. */
const readers = new WeakMap<CaseDocument, BodyReader>();

/**
 * The one getter and setter of every case read by case, the case being `this` (a spread, JSON
 * and a structured clone all call a getter on its object): a closure pair per case, with its
 * context, was some 200 bytes a case held for the whole export.
 */
function readBody(this: CaseDocument): Block[] {
  const reader = readers.get(this);
  if (!reader) throw new StoreError('not-found', `案例“${this.meta.title}”的正文无法读取：请重新导出。`);
  return reader.read(this.id, this.meta.title);
}

function keepBody(this: CaseDocument, value: Block[]): void {
  Object.defineProperty(this, 'body', { value, writable: true, enumerable: true, configurable: true });
}

const READ_WHEN_ASKED: PropertyDescriptor = { enumerable: true, configurable: true, get: readBody, set: keepBody };

/**
 * A case whose body is read when asked for. The body is an own enumerable property (a getter),
 * so a spread, JSON or a structured clone (the PDF worker) sees it like any other; assigning
 * one keeps it.
 */
function caseByCase(id: string, meta: CaseMeta, reader: BodyReader): CaseDocument {
  const doc = { kind: 'case', id, meta } as CaseDocument;
  readers.set(doc, reader);
  Object.defineProperty(doc, 'body', READ_WHEN_ASKED);
  return doc;
}

/** The same case with other meta; a case read by case stays so (a spread would read its body). */
export function withMeta(doc: CaseDocument, meta: CaseMeta): CaseDocument {
  const reader = readers.get(doc);
  return reader && Object.getOwnPropertyDescriptor(doc, 'body')?.get ? caseByCase(doc.id, meta, reader) : { ...doc, meta };
}

/** The collection and its cases in book order, for an export: whole when short, case by case when long. */
export function exportBundle(library: Library, collectionId: string, keepBodies = KEEP_BODIES): CollectionBundle {
  const s = statements(library.db);
  if ((s.count.get(collectionId)?.n ?? 0) <= keepBodies) return library.bundle(collectionId);
  // A long book: V8's heap is held to its budget from here, as the release gate reads every body.
  holdHeapBudget();
  const collection = library.collections.get(collectionId);
  const reader = new BodyReader(library.db);
  const cases: Record<string, CaseDocument> = {};
  // Row by row: all 4,550 rows at once held every meta's JSON text beside its parsed copy.
  for (const row of s.metas.iterate(collectionId)) {
    // The import's reasons for its category guess (a few dozen objects a case) are for the
    // editor's category picker; no writer or rule reads them, and a 4,550-case book's held
    // 6 MB of them for the whole export.
    const { categoryExplanation: _editorOnly, ...meta } = JSON.parse(row.meta) as CaseMeta;
    // The category column is authoritative, as in rowToDocument.
    cases[row.id] = caseByCase(row.id, { ...meta, category: row.category }, reader);
  }
  return { collection, cases };
}
