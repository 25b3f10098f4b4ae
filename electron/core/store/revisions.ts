/**
 * Snapshots of a document's text and metadata. An explicit save, a restore and a status
 * change each keep one; consecutive autosaves share one row that moves with the typing.
 *
 * Pruning policy (prune(), run when the library opens and after each explicit save):
 * - kept always: every explicit save, every snapshot with a note (status changes, restores,
 *   merges), the first and the latest revision of each document;
 * - autosave snapshots are thinned by age: all of the last day; one per hour (the latest of
 *   that hour) up to 30 days; one per day up to a year; one per week after that.
 * An explicit save whose content equals the latest snapshot adds nothing (the editor saves
 * on every switch of document, edited or not); an identical autosave row becomes that save.
 *
 * Snapshots are stored packed (meta, body, attachments as BLOBs): the model's JSON of a
 * Chinese case shrinks to about half, and only a restore or a diff reads them. Since schema 10
 * they are brotli at quality 0 behind a marker byte; earlier rows are raw deflate or plain
 * text, and are read as they are.
 */
import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';
import { now, type Connection } from './connection.js';
import { StoreError } from './errors.js';
import type { DocumentRow } from './rows.js';

export interface RevisionSummary {
  id: number;
  createdAt: string;
  title: string;
  charCount: number;
  autosave: boolean;
  /** Why the snapshot was taken, when it was not an edit: e.g. "状态：定稿（审定通过）". */
  note: string | null;
}

export interface RevisionContent {
  meta: string;
  body: string;
  attachments: string | null;
}

type Stored = string | Buffer | null;

/**
 * Brotli at quality 0: on the model's JSON of 1,000 imported drafts (9.2 MB, two snapshots
 * each) it takes 0.53 of raw deflate level 1's CPU (128 vs 242 ms, most of deflate's being the
 * set-up of a stream per column) for 10 % more bytes (0.56 vs 0.51 of the JSON). An import
 * pays this on the thread that writes the library.
 */
const PACKED_BROTLI = 0xff;
/**
 * A raw deflate stream never starts with this byte: its bits 1-2 would be block type 3, which
 * deflate reserves, so the marker tells the two formats apart without a column.
 */
const MARKER = Buffer.of(PACKED_BROTLI);

function pack(text: string): Buffer;
function pack(text: string | null): Buffer | null;
function pack(text: string | null): Buffer | null {
  if (text === null) return null;
  const bytes = Buffer.from(text, 'utf8');
  const packed = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  return Buffer.concat([MARKER, packed], packed.length + 1);
}

/** A snapshot column as text: brotli (schema 10 on), raw deflate or plain text (rows written before). */
export function unpack(value: Stored): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (value[0] === PACKED_BROTLI) return brotliDecompressSync(value.subarray(1)).toString('utf8');
  return inflateRawSync(value).toString('utf8');
}

export class Revisions {
  constructor(private readonly c: Connection) {}

  /** Snapshots the row as just written (call inside the transaction that wrote it). */
  snapshot(row: DocumentRow, autosave: boolean, note: string | null = null): void {
    const latest = this.c.sql('SELECT id, autosave, note, meta, body, attachments FROM revisions WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(row.id) as
      | { id: number; autosave: number; note: string | null; meta: Stored; body: Stored; attachments: Stored }
      | undefined;
    const same = latest && unpack(latest.body) === row.body && unpack(latest.meta) === row.meta && unpack(latest.attachments) === row.attachments;
    if (!autosave && !note && same) {
      if (latest.autosave === 1) this.c.sql('UPDATE revisions SET autosave = 0, created_at = ? WHERE id = ?').run(row.updated_at, latest.id);
      return;
    }
    if (autosave && latest?.autosave === 1) {
      this.c
        .sql('UPDATE revisions SET created_at = ?, title = ?, char_count = ?, meta = ?, body = ?, attachments = ? WHERE id = ?')
        .run(row.updated_at, row.title, row.char_count, pack(row.meta), pack(row.body), pack(row.attachments), latest.id);
      return;
    }
    this.c
      .sql(
        'INSERT INTO revisions (document_id, created_at, autosave, title, char_count, meta, body, attachments, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(row.id, row.updated_at, autosave ? 1 : 0, row.title, row.char_count, pack(row.meta), pack(row.body), pack(row.attachments), note);
  }

  /**
   * The revisions of a document written just now, in order (an import's draft and its proofed
   * text): no earlier revision can exist, so nothing is read back or compared.
   */
  first(documentId: string, at: string, versions: ReadonlyArray<{ title: string; charCount: number; meta: string; body: string; attachments: string | null }>): void {
    const insert = this.c.sql(
      'INSERT INTO revisions (document_id, created_at, autosave, title, char_count, meta, body, attachments, note) VALUES (?, ?, 0, ?, ?, ?, ?, ?, NULL)',
    );
    for (const v of versions) insert.run(documentId, at, v.title, v.charCount, pack(v.meta), pack(v.body), pack(v.attachments));
  }

  list(documentId: string): RevisionSummary[] {
    const rows = this.c
      .sql('SELECT id, created_at, title, char_count, autosave, note FROM revisions WHERE document_id = ? ORDER BY id DESC')
      .all(documentId) as Array<{ id: number; created_at: string; title: string; char_count: number; autosave: number; note: string | null }>;
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, title: r.title, charCount: r.char_count, autosave: r.autosave === 1, note: r.note }));
  }

  content(documentId: string, revisionId: number): RevisionContent {
    const rev = this.c.sql('SELECT meta, body, attachments FROM revisions WHERE id = ? AND document_id = ?').get(revisionId, documentId) as
      | { meta: Stored; body: Stored; attachments: Stored }
      | undefined;
    if (!rev) throw new StoreError('not-found', `这篇文档没有第 ${revisionId} 号修订：请刷新修订列表后重试。`);
    return { meta: unpack(rev.meta)!, body: unpack(rev.body)!, attachments: unpack(rev.attachments) };
  }

  /**
   * Applies the pruning policy to one document's revisions, or to every document's; returns
   * how many autosave snapshots were removed.
   */
  prune(documentId?: string): number {
    const t = Date.parse(now());
    const HOUR = 3_600_000;
    const DAY = 24 * HOUR;
    const rows = this.c
      .sql(
        `SELECT r.id, r.document_id, r.created_at FROM revisions r
         WHERE r.autosave = 1 AND r.note IS NULL ${documentId ? 'AND r.document_id = ?' : ''}
           AND r.id != (SELECT MAX(x.id) FROM revisions x WHERE x.document_id = r.document_id)
           AND r.id != (SELECT MIN(x.id) FROM revisions x WHERE x.document_id = r.document_id)
         ORDER BY r.document_id, r.id DESC`,
      )
      .all(...(documentId ? [documentId] : [])) as Array<{ id: number; document_id: string; created_at: string }>;
    const kept = new Set<string>();
    const drop: number[] = [];
    for (const r of rows) {
      const at = Date.parse(r.created_at);
      const age = t - at;
      if (age < DAY) continue;
      const width = age < 30 * DAY ? HOUR : age < 365 * DAY ? DAY : 7 * DAY;
      const bucket = `${r.document_id}/${width}/${Math.floor(at / width)}`;
      // newest first: the first row seen in a bucket is the one kept
      if (kept.has(bucket)) drop.push(r.id);
      else kept.add(bucket);
    }
    if (drop.length) {
      const del = this.c.sql('DELETE FROM revisions WHERE id = ?');
      this.c.tx(() => drop.forEach((id) => del.run(id)));
    }
    return drop.length;
  }

  /** Moves every revision of `from` onto `to` (merging two cases keeps both histories). */
  reassign(from: string, to: string): void {
    this.c.sql('UPDATE revisions SET document_id = ? WHERE document_id = ?').run(to, from);
  }
}
