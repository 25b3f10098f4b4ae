/**
 * The library tree: documents grouped by category then city (or city then category), in the
 * category list's order, notices apart; empty categories still show so cases can be dropped in.
 */
import { GENERAL_CATEGORY } from '../model/categories.js';
import type { CaseStatus } from '../model/types.js';
import type { DocSummary } from '../store/index.js';
import type { TreeGroup } from './schema.js';

export function groupTree(items: DocSummary[], groupBy: 'category' | 'city', categories: string[]): TreeGroup[] {
  const groups = new Map<string, { label: string; children: Map<string, { label: string; items: DocSummary[] }> }>();
  const add = (key: string, label: string, childKey: string, childLabel: string, item: DocSummary) => {
    if (!groups.has(key)) groups.set(key, { label, children: new Map() });
    const g = groups.get(key)!;
    if (!g.children.has(childKey)) g.children.set(childKey, { label: childLabel, items: [] });
    g.children.get(childKey)!.items.push(item);
  };
  const cityOf = (d: DocSummary) => d.region?.city ?? d.region?.province ?? '未定地区';
  // list order is already category order, then division-code order inside each section
  for (const d of items) {
    if (d.kind === 'notice') {
      add('notice', '通知', d.organ ?? '通知', d.organ ?? '通知', d);
    } else if (groupBy === 'category') {
      const cat = d.category ?? GENERAL_CATEGORY;
      add(`category:${cat}`, cat, `city:${cityOf(d)}`, cityOf(d), d);
    } else {
      const cat = d.category ?? GENERAL_CATEGORY;
      add(`city:${cityOf(d)}`, cityOf(d), `category:${cat}`, cat, d);
    }
  }
  let out = [...groups.entries()].map(([key, g]) => {
    const children = [...g.children.entries()].map(([ck, c]) => ({ key: `${key}/${ck}`, label: c.label, count: c.items.length, items: c.items }));
    return { key, label: g.label, count: children.reduce((n, c) => n + c.count, 0), statusCounts: statusCounts(children.flatMap((c) => c.items)), children };
  });
  if (groupBy === 'category') {
    const present = new Set(out.map((g) => g.key));
    for (const cat of categories) if (!present.has(`category:${cat}`)) out.push({ key: `category:${cat}`, label: cat, count: 0, statusCounts: statusCounts([]), children: [] });
    const rank = (key: string) => (key === 'notice' ? 1e6 : (categories.indexOf(key.slice('category:'.length)) + 1 || 1e5));
    out = out.sort((a, b) => rank(a.key) - rank(b.key));
  } else {
    const code = (g: TreeGroup) => g.children[0]?.items[0]?.region?.code ?? 'z';
    out = out.sort((a, b) => (a.key === 'notice' ? 1 : 0) - (b.key === 'notice' ? 1 : 0) || code(a).localeCompare(code(b)));
  }
  return out;
}

/** Cases per status, for the filter's counts (notices have no lifecycle). */
export function statusCounts(items: DocSummary[]): Record<CaseStatus, number> {
  const out: Record<CaseStatus, number> = { draft: 0, review: 0, final: 0, submitted: 0 };
  for (const d of items) if (d.kind === 'case') out[d.status] += 1;
  return out;
}
