/** The category (业务领域) list: its order is the section order of every anthology. */
import { DEFAULT_CATEGORIES, GENERAL_CATEGORY } from '../model/categories.js';
import { now, type Connection } from './connection.js';
import { StoreError } from './errors.js';
import type { Placement } from './placement.js';
import { ORDERED, ORDER_BY } from './queries.js';

export class Categories {
  constructor(
    private readonly c: Connection,
    private readonly placement: Placement,
  ) {}

  seed(): void {
    const count = (this.c.sql('SELECT COUNT(*) AS n FROM categories').get() as { n: number }).n;
    if (count > 0) return;
    const insert = this.c.sql('INSERT INTO categories (name, position) VALUES (?, ?)');
    this.c.tx(() => DEFAULT_CATEGORIES.forEach((name, i) => insert.run(name, i)));
  }

  list(): string[] {
    return (this.c.sql('SELECT name FROM categories ORDER BY position').all() as Array<{ name: string }>).map((r) => r.name);
  }

  add(name: string): string[] {
    const clean = name.trim();
    if (!clean) throw new StoreError('invalid-input', '业务领域的名称不能为空：请输入名称。');
    if (this.list().includes(clean)) throw new StoreError('conflict', `业务领域“${clean}”已经存在：请换一个名称。`);
    this.insert(clean);
    return this.list();
  }

  rename(from: string, to: string): string[] {
    const clean = to.trim();
    const list = this.list();
    if (!list.includes(from)) throw new StoreError('not-found', `没有名为“${from}”的业务领域：请刷新后重试。`);
    if (!clean) throw new StoreError('invalid-input', '业务领域的名称不能为空：请输入名称。');
    if (clean !== from && list.includes(clean)) throw new StoreError('conflict', `业务领域“${clean}”已经存在：请换一个名称。`);
    this.c.tx(() => {
      this.c.sql('UPDATE categories SET name = ? WHERE name = ?').run(clean, from);
      this.c
        .sql(`UPDATE document_content SET meta = json_set(meta, '$.category', ?) WHERE document_id IN (SELECT id FROM documents WHERE category = ?)`)
        .run(clean, from);
      this.c.sql(`UPDATE documents SET category = ?, updated_at = ? WHERE category = ?`).run(clean, now(), from);
    });
    return this.list();
  }

  /** Cases of a deleted category move to 综合; 综合 itself can go only when empty. */
  delete(name: string): string[] {
    const list = this.list();
    if (!list.includes(name)) throw new StoreError('not-found', `没有名为“${name}”的业务领域：请刷新后重试。`);
    const used = (this.c.sql('SELECT COUNT(*) AS n FROM documents WHERE category = ?').get(name) as { n: number }).n;
    if (name === GENERAL_CATEGORY && used > 0) {
      throw new StoreError('conflict', `“${name}”下还有 ${used} 个案例：请先把它们移到其他业务领域。`);
    }
    this.c.tx(() => {
      if (used > 0) {
        this.ensure(GENERAL_CATEGORY);
        const base = this.placement.nextPosition(null, GENERAL_CATEGORY);
        const rows = this.c.sql(`SELECT d.id ${ORDERED} WHERE d.category = ? ${ORDER_BY}`).all(name) as Array<{ id: string }>;
        rows.forEach((r, i) => this.placement.setCategory(r.id, GENERAL_CATEGORY, base + i));
      }
      this.c.sql('DELETE FROM categories WHERE name = ?').run(name);
      const setPos = this.c.sql('UPDATE categories SET position = ? WHERE name = ?');
      this.list().forEach((n, i) => setPos.run(i, n));
    });
    return this.list();
  }

  /** Reorders the category list (the section order of every anthology). */
  reorder(names: string[]): string[] {
    const list = this.list();
    if (names.length !== list.length || names.some((n) => !list.includes(n))) {
      throw new StoreError('invalid-input', '重新排序时每个业务领域须恰好出现一次：请刷新后重试。');
    }
    const setPos = this.c.sql('UPDATE categories SET position = ? WHERE name = ?');
    this.c.tx(() => names.forEach((n, i) => setPos.run(i, n)));
    return this.list();
  }

  /** Adds a category a case names, at the end of the list, unless it is there. */
  ensure(name: string): void {
    // look first: an INSERT … WHERE NOT EXISTS that inserts nothing still cost ~0.8 ms a row
    if (this.c.sql('SELECT 1 FROM categories WHERE name = ?').get(name)) return;
    this.insert(name);
  }

  private insert(name: string): void {
    this.c.sql('INSERT INTO categories (name, position) VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM categories))').run(name);
  }
}
