/**
 * Reading an anthology's back matter as a reader sees it (pdftotext pages of our PDF or of the
 * DOCX as LibreOffice prints it): the folio at the foot of a page, the page where each case
 * opens, and 地区索引 / 领域索引 / 附表 checked against them. Shared by test/pdf-indexes and the
 * composer e2e (e2e/composer-book), which exports the book through the UI.
 */
import assert from 'node:assert/strict';
import type { Region } from '../../electron/core/model/types.js';
import { nonEmptyLines, squash } from '../docx-helpers.js';

/** A case as the indexes list it. */
export interface IndexedCase {
  id: string;
  title: string;
  region?: Region | null;
  category?: string | null;
}

/** The folio printed at the foot of a page. */
export function folio(page: string): number | null {
  const m = /^(?:—\s*)?(\d+)(?:\s*—)?$/.exec(nonEmptyLines(page).pop() ?? '');
  return m ? Number(m[1]) : null;
}

export interface Entry {
  text: string;
  page: number | null;
}

/** Index of the page (after the front matter) whose first lines hold `title`. */
export function titlePage(pages: string[], title: string, from = 3): number {
  return pages.findIndex((p, i) => i > from && nonEmptyLines(p).slice(0, 2).some((l) => squash(l) === title));
}

/** The lines of one back-matter part (from its title page to the next part), entries with their number. */
export function partLines(pages: string[], title: string, next: string | null, bookTitle: string): Entry[] {
  const start = titlePage(pages, title);
  assert.ok(start > 0, `no ${title} page`);
  const end = next ? pages.findIndex((p, i) => i > start && nonEmptyLines(p).slice(0, 2).some((l) => squash(l) === next)) : pages.length;
  const out: Entry[] = [];
  for (const page of pages.slice(start, end)) {
    const lines = nonEmptyLines(page);
    // Drop the running head, the title and the folio.
    for (const l of lines.slice(0, -1)) {
      const s = squash(l);
      if (s === title || s === squash(bookTitle)) continue;
      const m = /^(.*?)[.\s]*?(\d+)$/.exec(s.replace(/\.{2,}/g, ' '));
      out.push(m && /[.\s]{2,}|\.{2,}/.test(l) ? { text: squash(m[1]!), page: Number(m[2]) } : { text: s, page: null });
    }
  }
  return out;
}

/** Folio where each case opens: the page whose first lines hold its title (before the back matter). */
export function openings(pages: string[], cases: IndexedCase[]): Map<string, number> {
  const backStart = titlePage(pages, '地区索引');
  const out = new Map<string, number>();
  for (const c of cases) {
    const key = squash(c.title).slice(0, 10);
    // Body pages only: those with an Arabic folio (the 目录 lists the same titles, without one or in Roman).
    const at = pages.findIndex((p, i) => i > 3 && i < backStart && folio(p) !== null && nonEmptyLines(p).slice(0, 3).some((l) => squash(l).startsWith(key)));
    assert.ok(at > 0, `case ${c.title} not found`);
    out.set(c.id, folio(pages[at]!)!);
  }
  return out;
}

/** Every case in 地区索引 and 领域索引 with the folio where it opens, under its county, city and province (its 业务领域). */
export function checkIndexes(pages: string[], label: string, cases: IndexedCase[], bookTitle: string): void {
  const opens = openings(pages, cases);
  const region = partLines(pages, '地区索引', '领域索引', bookTitle);
  const field = partLines(pages, '领域索引', '附表各地案例统计', bookTitle);
  for (const c of cases) {
    const title = squash(c.title);
    for (const [name, lines] of [['地区索引', region], ['领域索引', field]] as const) {
      const at = lines.findIndex((l) => l.page !== null && (l.text.startsWith(title) || title.startsWith(l.text)));
      assert.ok(at >= 0, `${label} ${name}: ${c.title} missing`);
      assert.equal(lines[at]!.page, opens.get(c.id), `${label} ${name}: ${c.title} listed on ${lines[at]!.page}, opens on ${opens.get(c.id)}`);
      const groups = lines.slice(0, at).filter((l) => l.page === null).map((l) => l.text);
      const r = c.region;
      if (name === '领域索引') assert.equal(groups.at(-1), c.category ?? '未分类', `${label}: ${c.title} under its 业务领域`);
      else if (r?.province) {
        // Under its county (or city), whose city and province come before it.
        const chain = [r.province, r.city, r.county].filter((x): x is string => !!x);
        assert.equal(groups.at(-1), chain.at(-1), `${label}: ${c.title} under ${chain.at(-1)}`);
        let from = groups.length;
        for (const n of [...chain].reverse()) {
          const k = groups.lastIndexOf(n, from - 1);
          assert.ok(k >= 0 && k < from, `${label}: ${n} above ${c.title}`);
          from = k;
        }
      }
    }
  }
}

/** 附表: a heading per region with its number of cases. */
export function checkTables(pages: string[], label: string, cases: IndexedCase[]): void {
  const start = titlePage(pages, '附表各地案例统计');
  const text = pages.slice(start).map((p) => squash(p)).join('');
  const byRegion = new Map<string, number>();
  for (const c of cases) {
    const r = c.region;
    const key = r?.city ? `${r.province}${r.city}` : (r?.province ?? '地区未注明');
    byRegion.set(key, (byRegion.get(key) ?? 0) + 1);
  }
  for (const [region, n] of byRegion) assert.ok(text.includes(`${region}（${n}个案例）`), `${label}: table heading of ${region} with ${n} cases`);
}
