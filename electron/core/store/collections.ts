/** Collections (one yearly compilation each) and the bundle a writer exports from one. */
import { randomUUID } from 'node:crypto';
import type { Block, CaseDocument, Collection, CollectionBundle } from '../model/types.js';
import { GENERAL_CATEGORY } from '../model/categories.js';
import { now, type Connection } from './connection.js';
import { StoreError } from './errors.js';
import type { Categories } from './categories.js';
import type { Placement } from './placement.js';
import { ORDERED, ORDER_BY } from './queries.js';
import { rowToDocument, type CollectionRow, type DocumentRow } from './rows.js';

export interface CollectionSummary {
  id: string;
  title: string;
  year: number | null;
  publisher: string | null;
  caseCount: number;
  noticeCount: number;
}

export interface NewCollection {
  title: string;
  subtitle?: string | null;
  year?: number | null;
  publisher?: string | null;
  lead?: Block[] | null;
  credits?: Record<string, string> | null;
}

export interface CollectionPatch {
  title?: string;
  subtitle?: string | null;
  year?: number | null;
  publisher?: string | null;
  /** The 导语 (the anthology's 前言); null or [] clears it. */
  lead?: Block[] | null;
  sections?: Array<{ title: string; caseIds: string[] }>;
}

/** Documents and collections in the trash are left out of every list, tree, bundle and search. */
export const LIVE = 'd.deleted_at IS NULL';

export class Collections {
  constructor(
    private readonly c: Connection,
    private readonly categories: Categories,
    private readonly placement: Placement,
  ) {}

  list(): CollectionSummary[] {
    const rows = this.c
      .sql(
        `SELECT l.id, l.title, l.year, l.publisher,
           (SELECT COUNT(*) FROM documents d WHERE d.collection_id = l.id AND d.kind = 'case' AND ${LIVE}) AS case_count,
           (SELECT COUNT(*) FROM documents d WHERE d.collection_id = l.id AND d.kind = 'notice' AND ${LIVE}) AS notice_count
         FROM collections l WHERE l.deleted_at IS NULL ORDER BY l.created_at, l.title`,
      )
      .all() as Array<{ id: string; title: string; year: number | null; publisher: string | null; case_count: number; notice_count: number }>;
    return rows.map((r) => ({ id: r.id, title: r.title, year: r.year, publisher: r.publisher, caseCount: r.case_count, noticeCount: r.notice_count }));
  }

  findByTitle(title: string): string | null {
    const row = this.c.sql('SELECT id FROM collections WHERE title = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1').get(title) as
      | { id: string }
      | undefined;
    return row?.id ?? null;
  }

  /** The row of a collection that is not in the trash (or of any, with `includeDeleted`). */
  row(id: string, includeDeleted = false): CollectionRow {
    const row = this.c.sql('SELECT * FROM collections WHERE id = ?').get(id) as CollectionRow | undefined;
    if (!row || (!includeDeleted && row.deleted_at)) throw new StoreError('not-found', `没有这个汇编（${id}）：它可能已被删除，请刷新后重试。`);
    return row;
  }

  get(id: string): Collection {
    const row = this.row(id);
    const cases = this.c
      .sql(`SELECT d.id, d.category ${ORDERED} WHERE d.collection_id = ? AND d.kind = 'case' AND ${LIVE} ${ORDER_BY}`)
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

  create(input: NewCollection): Collection {
    const id = randomUUID();
    const t = now();
    this.c
      .sql(
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
    return this.get(id);
  }

  update(id: string, patch: CollectionPatch): Collection {
    this.row(id);
    this.c.tx(() => {
      const sets: string[] = [];
      const values: unknown[] = [];
      for (const key of ['title', 'subtitle', 'year', 'publisher'] as const) {
        if (patch[key] !== undefined) {
          sets.push(`${key} = ?`);
          values.push(patch[key]);
        }
      }
      if (patch.lead !== undefined) {
        sets.push('lead = ?');
        values.push(patch.lead?.length ? JSON.stringify(patch.lead) : null);
      }
      sets.push('updated_at = ?');
      values.push(now());
      this.c.sql(`UPDATE collections SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      for (const section of patch.sections ?? []) {
        this.categories.ensure(section.title);
        section.caseIds.forEach((caseId, i) => {
          if (!this.placement.setCategory(caseId, section.title, i, id)) throw new StoreError('not-found', `没有这个案例（${caseId}）：请刷新后重试。`);
        });
      }
    });
    return this.get(id);
  }

  /** A feature brings its lead and credits to a collection that has none yet. */
  adoptLead(id: string, lead: Block[] | undefined, credits: Record<string, string> | undefined): void {
    const row = this.row(id);
    if (!row.lead && lead?.length) this.c.sql('UPDATE collections SET lead = ? WHERE id = ?').run(JSON.stringify(lead), id);
    if (!row.credits && credits) this.c.sql('UPDATE collections SET credits = ? WHERE id = ?').run(JSON.stringify(credits), id);
  }

  /** Everything an anthology or feature writer needs, in final order. */
  bundle(collectionId: string): CollectionBundle {
    const collection = this.get(collectionId);
    const rows = this.c
      .sql(
        `SELECT d.* FROM documents_full d LEFT JOIN categories c ON c.name = d.category
         WHERE d.collection_id = ? AND d.kind = 'case' AND ${LIVE} ${ORDER_BY}`,
      )
      .all(collectionId) as DocumentRow[];
    const cases: Record<string, CaseDocument> = {};
    for (const row of rows) cases[row.id] = rowToDocument(row) as CaseDocument;
    return { collection, cases };
  }
}
