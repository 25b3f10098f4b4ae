/**
 * Where a case sits: its section (category) in a collection and its position there. Shared
 * by imports, saves, category deletes and drag and drop, so that every path orders the same way.
 */
import { now, type Connection } from './connection.js';

/** Division codes ascending; cases without a code after all others. */
function byCode(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export class Placement {
  constructor(private readonly c: Connection) {}

  /** Next position at the end of a (collection, category) group. */
  nextPosition(collectionId: string | null, category: string | null): number {
    const row = this.c
      .sql('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM documents WHERE collection_id IS ? AND category IS ?')
      .get(collectionId, category) as { p: number };
    return row.p;
  }

  /** Moves a case to a section (and collection) at a position, keeping meta.category in step. Returns false when there is no such case. */
  setCategory(id: string, category: string | null, position: number, collectionId?: string | null): boolean {
    const changed = this.c
      .sql(
        `UPDATE documents SET category = @category, position = @position, updated_at = @t,
           collection_id = CASE WHEN @setCollection THEN @collection ELSE collection_id END
         WHERE id = @id AND kind = 'case'`,
      )
      .run({ id, category, position, t: now(), setCollection: collectionId === undefined ? 0 : 1, collection: collectionId ?? null }).changes;
    if (changed !== 1) return false;
    this.c.sql(`UPDATE document_content SET meta = json_set(meta, '$.category', ?) WHERE document_id = ?`).run(category, id);
    return true;
  }

  /**
   * Puts newly inserted cases where they belong in their sections: each before the first
   * existing case whose division code is greater, so imports land in the official order of
   * places while cases the user moved by hand stay where they were put. One pass per section
   * for a whole batch (shifting positions per insert would be quadratic for big imports).
   */
  placeByRegion(ids: string[]): void {
    if (ids.length === 0) return;
    const fresh = new Set(ids);
    const groups = new Map<string, { collectionId: string | null; category: string | null }>();
    const info = this.c.sql('SELECT collection_id, category FROM documents WHERE id = ?');
    for (const id of ids) {
      const row = info.get(id) as { collection_id: string | null; category: string | null };
      groups.set(JSON.stringify([row.collection_id, row.category]), { collectionId: row.collection_id, category: row.category });
    }
    const members = this.c.sql(
      `SELECT id, region_code, position FROM documents WHERE collection_id IS ? AND category IS ? AND kind = 'case' ORDER BY position, created_at, rowid`,
    );
    const setPos = this.c.sql('UPDATE documents SET position = ? WHERE id = ?');
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
}
