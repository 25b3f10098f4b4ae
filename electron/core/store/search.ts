/**
 * Full-text search that works for Chinese. Two FTS5 indexes over the same text:
 * - `documents_fts` (trigram tokenizer) answers terms of 3+ characters and gives snippets;
 * - `documents_charset` holds, per document, each character it contains once (a contentless
 *   table with detail=none): a 1-character term is one token of it, and a 2-character term is
 *   the documents holding both characters, checked for the pair in the text (trigram MATCH
 *   finds nothing for such terms, and an unindexed LIKE scan over 10,000 bodies reads every one).
 *   It replaced (schema 12) `documents_chars`, every character of the text a token with its
 *   position, whose writing was the larger part of an import's indexing: a single-case draft
 *   of ≈2,400 characters holds ≈510 distinct ones.
 * Both are keyed by `documents_search_map.doc_rowid`, a stable integer per document
 * (a text-keyed table's own rowid may change on VACUUM).
 */
import type Database from 'better-sqlite3';
import type { Block } from '../model/types.js';
import { blocksText } from '../model/text.js';

export interface SearchRow {
  id: string;
  kind: 'case' | 'notice';
  title: string;
  snippet: string;
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Statements prepared once per connection and SQL text. */
function prepared(db: Database.Database, sql: string): Database.Statement {
  let map = cache.get(db);
  if (!map) cache.set(db, (map = new Map()));
  let stmt = map.get(sql);
  if (!stmt) map.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/** Text indexed for one document: the body plus, for notices, the attachments. */
export function searchableText(body: Block[], attachments?: Array<{ title: string; blocks: Block[] }> | null): string {
  const parts = [blocksText(body)];
  for (const a of attachments ?? []) parts.push(a.title, blocksText(a.blocks));
  return parts.join('\n');
}

/** The character sets' table (schema 2 and 12 make it): contentless, as its text is documents_fts's. */
export const CHARSET_SQL = "CREATE VIRTUAL TABLE documents_charset USING fts5(text, content = '', detail = none, tokenize = 'unicode61 remove_diacritics 0');";

/** Marks of the BMP units seen in the text at hand: set and cleared by characterSet only. */
const seenUnit = new Uint8Array(0x10000);

/**
 * "民政局 2020 民政" -> "民 政 局 2 0 ": each character the value holds, once, in the order of
 * its first occurrence, a space after each (the tokenizer's separator; whitespace and
 * punctuation are separators to it anyway). One pass of array lookups: this runs over every
 * imported document's text, on the thread that writes the library.
 */
export function characterSet(value: string): string {
  const units: number[] = [];
  let astral: Set<string> | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        (astral ??= new Set()).add(value.slice(i, i + 2));
        i++;
        continue;
      }
    }
    if (seenUnit[c] === 0) {
      seenUnit[c] = 1;
      units.push(c);
    }
  }
  let out = '';
  for (const c of units) {
    seenUnit[c] = 0;
    out += `${String.fromCharCode(c)} `;
  }
  for (const pair of astral ?? []) out += `${pair} `;
  return out;
}

function mapRowid(db: Database.Database, documentId: string): number {
  const found = prepared(db, 'SELECT doc_rowid FROM documents_search_map WHERE document_id = ?').get(documentId) as
    | { doc_rowid: number }
    | undefined;
  if (found) return found.doc_rowid;
  return Number(prepared(db, 'INSERT INTO documents_search_map (document_id) VALUES (?)').run(documentId).lastInsertRowid);
}

/** (Re)indexes one document; call inside the transaction that wrote it. */
export function indexDocument(db: Database.Database, documentId: string, title: string, text: string): void {
  const rowid = mapRowid(db, documentId);
  removeFromIndexes(db, rowid);
  addToIndexes(db, rowid, title, text);
}

/**
 * Indexes a document written just now (an insert with a new id): it has no row in the map
 * nor text in either index, so none is looked up or removed — three lookups fewer for each of
 * an import's documents.
 */
export function indexNewDocument(db: Database.Database, documentId: string, title: string, text: string): void {
  const rowid = Number(prepared(db, 'INSERT INTO documents_search_map (document_id) VALUES (?)').run(documentId).lastInsertRowid);
  addToIndexes(db, rowid, title, text);
}

function addToIndexes(db: Database.Database, rowid: number, title: string, text: string): void {
  prepared(db, 'INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, title, text);
  prepared(db, 'INSERT INTO documents_charset (rowid, text) VALUES (?, ?)').run(rowid, characterSet(`${title}\n${text}`));
}

const FTS_TABLES = ['documents_fts', 'documents_charset'] as const;

/**
 * FTS5's settings for a bulk write, with the value FTS5 uses when a table's row is absent.
 *
 * automerge 0: with the default (4), every segment a batch flushes pays for merging the small
 * segments of the batches before it, so the same terms are rewritten again at each level: 500
 * single-case drafts in batches of 100 took 3.57 G instructions to index, 3.10 G without
 * (valgrind --tool=cachegrind), and the WAL written was 35 MB instead of 14. The segments
 * still merge: FTS5's crisis merge (16 segments on a level) runs whatever automerge says, and
 * the library's later writes merge at the restored setting.
 *
 * hashsize 8 MB: FTS5 holds a transaction's new terms in memory and writes them out as a
 * segment when the transaction commits or when they pass hashsize (1 MB by default). A batch
 * of 100 single-case drafts holds some 260,000 trigram positions, so at 1 MB the trigram index
 * wrote several small segments per batch and merged them again; at 8 MB it writes one.
 * Indexing the texts of 1,000 single-case drafts in batches of 100 (both indexes, automerge 0):
 * 4.09 G instructions at 1 MB, 3.27 G at 8 MB (valgrind --tool=cachegrind, start-up and the
 * texts' preparation subtracted); CPU 419 and 334 ms (minimum of 5 alternating runs); 16 MB
 * gained nothing more. The pending terms are bounded by this size whatever the batch.
 */
const BULK_SETTINGS = [
  { key: 'automerge', bulk: 0, absent: 4 },
  { key: 'hashsize', bulk: 8 * 1024 * 1024, absent: 1024 * 1024 },
] as const;

/**
 * Runs a bulk write (an import batch) with both indexes on BULK_SETTINGS, and puts each
 * table's settings back before the transaction commits.
 */
export function bulkIndexing<T>(db: Database.Database, fn: () => T): T {
  const before = FTS_TABLES.map((t) =>
    BULK_SETTINGS.map((s) => (prepared(db, `SELECT v FROM ${t}_config WHERE k = '${s.key}'`).get() as { v: number } | undefined)?.v ?? null),
  );
  // in the SQL text: FTS5 takes only an integer, and better-sqlite3 binds a number as a real
  const set = (t: string, key: string, value: number) => prepared(db, `INSERT INTO ${t} (${t}, rank) VALUES ('${key}', ${Math.trunc(value)})`).run();
  for (const t of FTS_TABLES) for (const s of BULK_SETTINGS) set(t, s.key, s.bulk);
  try {
    return fn();
  } finally {
    // absent, the row stood for FTS5's default: writing that keeps it
    FTS_TABLES.forEach((t, i) => BULK_SETTINGS.forEach((s, j) => set(t, s.key, before[i]![j] ?? s.absent)));
  }
}

function removeFromIndexes(db: Database.Database, rowid: number): void {
  const old = prepared(db, 'SELECT title, body FROM documents_fts WHERE rowid = ?').get(rowid) as { title: string; body: string } | undefined;
  if (!old) return;
  prepared(db, 'DELETE FROM documents_fts WHERE rowid = ?').run(rowid);
  // A contentless table forgets a row only when given the exact text it indexed.
  prepared(db, "INSERT INTO documents_charset (documents_charset, rowid, text) VALUES ('delete', ?, ?)").run(
    rowid,
    characterSet(`${old.title}\n${old.body}`),
  );
}

export function unindexDocument(db: Database.Database, documentId: string): void {
  const found = prepared(db, 'SELECT doc_rowid FROM documents_search_map WHERE document_id = ?').get(documentId) as
    | { doc_rowid: number }
    | undefined;
  if (!found) return;
  removeFromIndexes(db, found.doc_rowid);
  prepared(db, 'DELETE FROM documents_search_map WHERE doc_rowid = ?').run(found.doc_rowid);
}

/** Rebuilds both indexes from the documents (works before and after schema 3 moved the bodies). */
export function reindexAll(db: Database.Database): void {
  const hasView = prepared(db, "SELECT 1 FROM sqlite_master WHERE name = 'documents_full'").get();
  const rows = prepared(db, `SELECT id, title, body, attachments FROM ${hasView ? 'documents_full' : 'documents'}`).all() as Array<{
    id: string;
    title: string;
    body: string;
    attachments: string | null;
  }>;
  for (const row of rows) {
    const attachments = row.attachments ? (JSON.parse(row.attachments) as Array<{ title: string; blocks: Block[] }>) : null;
    indexDocument(db, row.id, row.title, searchableText(JSON.parse(row.body) as Block[], attachments));
  }
}

/** Splits a user query into terms; quotes only group, they never reach FTS syntax. */
export function queryTerms(q: string): string[] {
  return q
    .replace(/["“”'‘’]/g, ' ')
    .split(/\s+/u)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 8);
}

/** An FTS5 string literal: the term is matched as-is, never parsed as query syntax. */
function ftsLiteral(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Turns a snippet with control-character markers into safe HTML with <mark>. */
function markersToHtml(raw: string): string {
  return escapeHtml(raw).replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>').replace(/\n+/g, ' ');
}

/** Snippet built in JS around the first hit of any term: for the per-character path. */
export function makeSnippet(text: string, terms: string[], radius = 24): string {
  const flat = text.replace(/\s+/gu, ' ');
  const lower = flat.toLowerCase();
  let first = -1;
  for (const t of terms) {
    const at = lower.indexOf(t.toLowerCase());
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first < 0) return escapeHtml(flat.slice(0, radius * 2));
  const start = Math.max(0, first - radius);
  const end = Math.min(flat.length, first + radius * 2);
  const window = flat.slice(start, end);
  const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  let html = '';
  let last = 0;
  for (const m of window.matchAll(pattern)) {
    html += escapeHtml(window.slice(last, m.index)) + '<mark>' + escapeHtml(m[0]) + '</mark>';
    last = m.index! + m[0].length;
  }
  html += escapeHtml(window.slice(last));
  return (start > 0 ? '…' : '') + html + (end < flat.length ? '…' : '');
}

/** The body around the first hit, or the title when only the title matched. */
function snippetFrom(title: string, text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const inBody = terms.some((t) => lower.includes(t.toLowerCase()));
  return makeSnippet(inBody ? text : title, terms);
}

export interface SearchOptions {
  collectionId?: string;
  limit?: number;
}

/**
 * Hits for a query: every term must occur (AND). Terms of 3+ characters go through the
 * trigram index; when any term is shorter, the character sets answer the whole query.
 */
export function searchDocuments(db: Database.Database, q: string, options: SearchOptions = {}): SearchRow[] {
  const terms = queryTerms(q);
  if (terms.length === 0) return [];
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const scope = options.collectionId ? 'AND d.collection_id = @collection' : '';
  const params: Record<string, unknown> = { limit };
  if (options.collectionId) params.collection = options.collectionId;

  if (terms.every((t) => [...t].length >= 3)) {
    params.match = terms.map(ftsLiteral).join(' AND ');
    const rows = db
      .prepare(
        `SELECT d.id, d.kind, d.title, snippet(documents_fts, -1, '${OPEN}', '${CLOSE}', '…', 24) AS snip
         FROM documents_fts
         JOIN documents_search_map m ON m.doc_rowid = documents_fts.rowid
         JOIN documents d ON d.id = m.document_id
         WHERE documents_fts MATCH @match ${scope}
         ORDER BY bm25(documents_fts, 8.0, 1.0) LIMIT @limit`,
      )
      .all(params) as Array<{ id: string; kind: 'case' | 'notice'; title: string; snip: string }>;
    return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, snippet: markersToHtml(r.snip) }));
  }

  // Each letter and digit of the terms must be in the document's character set (what the
  // tokenizer keeps of a term: punctuation has no token); a term of one such character is then
  // found, and any other is looked for in the text itself. A term without letter case is
  // looked for byte for byte (instr), one with case as LIKE folds it, as the index folds it.
  const chars = [...new Set(terms.flatMap((t) => Array.from(t)))].filter((c) => TOKEN_CHARACTER.test(c));
  if (chars.length === 0) return likeFallback(db, terms, options.collectionId, limit);
  params.match = chars.map(ftsLiteral).join(' AND ');
  const checks: string[] = [];
  terms.forEach((t, i) => {
    if (Array.from(t).length === 1 && TOKEN_CHARACTER.test(t)) return;
    if (t.toLowerCase() === t.toUpperCase()) {
      params[`t${i}`] = t;
      checks.push(`(instr(f.title, @t${i}) > 0 OR instr(f.body, @t${i}) > 0)`);
    } else {
      params[`t${i}`] = likePattern(t);
      checks.push(`(f.title LIKE @t${i} ESCAPE '\\' OR f.body LIKE @t${i} ESCAPE '\\')`);
    }
  });
  const rows = db
    .prepare(
      `SELECT d.id, d.kind, d.title, f.body AS text
       FROM documents_charset
       JOIN documents_search_map m ON m.doc_rowid = documents_charset.rowid
       JOIN documents d ON d.id = m.document_id
       JOIN documents_fts f ON f.rowid = documents_charset.rowid
       WHERE documents_charset MATCH @match ${checks.map((c) => `AND ${c}`).join(' ')} ${scope}
       ORDER BY documents_charset.rank LIMIT @limit`,
    )
    .all(params) as Array<{ id: string; kind: 'case' | 'notice'; title: string; text: string }>;
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, snippet: snippetFrom(r.title, r.text, terms) }));
}

/** A character the index's tokenizer keeps as a token (unicode61: letters and digits). */
const TOKEN_CHARACTER = /^[\p{L}\p{N}]$/u;

/** LIKE's pattern for a term anywhere in the text, its own %, _ and backslash taken literally. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Terms made only of punctuation (e.g. "“”" or "、") have no tokens in either index; a bounded
 * LIKE scan still finds them, as the user would expect from a find box.
 */
function likeFallback(db: Database.Database, terms: string[], collectionId: string | undefined, limit: number): SearchRow[] {
  const likes = terms.map((_, i) => `(f.title LIKE @t${i} ESCAPE '\\' OR f.body LIKE @t${i} ESCAPE '\\')`).join(' AND ');
  const params: Record<string, unknown> = { limit };
  terms.forEach((t, i) => (params[`t${i}`] = likePattern(t)));
  if (collectionId) params.collection = collectionId;
  const rows = db
    .prepare(
      `SELECT d.id, d.kind, d.title, f.body AS text
       FROM documents_fts f
       JOIN documents_search_map m ON m.doc_rowid = f.rowid
       JOIN documents d ON d.id = m.document_id
       WHERE ${likes} ${collectionId ? 'AND d.collection_id = @collection' : ''}
       LIMIT @limit`,
    )
    .all(params) as Array<{ id: string; kind: 'case' | 'notice'; title: string; text: string }>;
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, snippet: snippetFrom(r.title, r.text, terms) }));
}
