/**
 * The anthology's back matter, worked out once for both writers: 地区索引 (province → city →
 * county → case), 领域索引 (业务领域 → case) and, per region, a table of the number of cases by
 * award level and category. The indexes are lines (a heading at a level, or a case whose folio
 * the writer fills in: the PDF from its own pagination, the DOCX through a PAGEREF field to the
 * case's bookmark); the tables are ordinary model blocks, so both writers set them as real
 * tables. Which parts a book has comes from the template (options.backMatter).
 */
import type { Block, CaseDocument, CollectionBundle, TableCell } from '../model/types.js';
import type { Template } from '../templates/schema.js';
import { caseList, titleOf } from './parts.js';

export type BackMatterKind = 'regionIndex' | 'categoryIndex' | 'regionTables';

export interface IndexLine {
  /** 0: province or category, 1: city, 2: county, 3: a case under a county (cases sit one level below their group). */
  level: number;
  text: string;
  /** Set on a case line: its folio goes at the right, after dot leaders. */
  caseId?: string;
  /** Set on a case line when the book was compared with earlier collections (meta.continuesFrom present). */
  flag?: ContinuityFlag;
}

export type ContinuityFlag = '新增' | '延续';

/**
 * 新增 or 延续 for a case, from meta.continuesFrom as the export filled it: an earlier case
 * means 延续, null means 新增, absent means the collection had nothing to be compared with, so
 * the index says nothing rather than calling every case new.
 */
export function continuityFlag(doc: CaseDocument): ContinuityFlag | undefined {
  const from = doc.meta.continuesFrom;
  if (from === undefined) return undefined;
  return from ? '延续' : '新增';
}

/** A case line: the title, and the flag in brackets after it, so both writers print it as text. */
function caseLine(level: number, doc: CaseDocument): IndexLine {
  const flag = continuityFlag(doc);
  return { level, text: flag ? `${titleOf(doc)}（${flag}）` : titleOf(doc), caseId: doc.id, ...(flag ? { flag } : {}) };
}

export interface BackMatterPart {
  kind: BackMatterKind;
  /** As printed (and listed in the 目录). */
  title: string;
  lines?: IndexLine[];
  blocks?: Block[];
}

const TITLES: Record<BackMatterKind, string> = { regionIndex: '地区索引', categoryIndex: '领域索引', regionTables: '附表　各地案例统计' };
const NO_REGION = '地区未注明';
const NO_CATEGORY = '未分类';
const NO_AWARD = '未评等次';

/** The parts the template asks for, in its order; none for templates without back matter. */
export function backMatterKinds(template: Template): BackMatterKind[] {
  const asked = template.options.backMatter;
  if (!Array.isArray(asked)) return [];
  return asked.filter((k): k is BackMatterKind => k === 'regionIndex' || k === 'categoryIndex' || k === 'regionTables');
}

/** Cases in book order (the order of the parts and, inside each, of the collection). */
function bookCases(bundle: CollectionBundle): CaseDocument[] {
  return caseList(bundle).flatMap((p) => p.cases);
}

interface Group<T> {
  key: string;
  name: string;
  items: T[];
}

/** Groups in order of their GB/T 2260 code where known, else of first appearance. */
function groupBy<T>(items: T[], keyOf: (item: T) => { key: string; name: string }): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  items.forEach((item) => {
    const { key, name } = keyOf(item);
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { key, name, items: [] }));
    g.items.push(item);
  });
  return [...groups.values()].sort((a, b) => (a.key === b.key ? 0 : a.key < b.key ? -1 : 1));
}

function regionKeys(doc: CaseDocument, order: number): { province: { key: string; name: string }; city: { key: string; name: string }; county: { key: string; name: string } | null } {
  const r = doc.meta.region;
  const code = r?.code ?? '';
  // Unknown codes sort after known ones, in order of first appearance; no region sorts last.
  const pad = (len: number) => (code.length >= len ? code.slice(0, len) : `9${String(order).padStart(len + 3, '0')}`);
  const province = r?.province ?? null;
  const city = r?.city ?? null;
  return {
    province: province ? { key: pad(2), name: province } : { key: '~', name: NO_REGION },
    city: city ? { key: pad(4), name: city } : { key: '~', name: '' },
    county: r?.county ? { key: code.length >= 6 ? code : `~${order}`, name: r.county } : null,
  };
}

export function regionIndex(bundle: CollectionBundle): IndexLine[] {
  const cases = bookCases(bundle).map((doc, order) => ({ doc, keys: regionKeys(doc, order) }));
  const lines: IndexLine[] = [];
  for (const province of groupBy(cases, (c) => c.keys.province)) {
    lines.push({ level: 0, text: province.name });
    for (const city of groupBy(province.items, (c) => c.keys.city)) {
      const depth = city.name ? 1 : 0;
      if (city.name) lines.push({ level: 1, text: city.name });
      const direct = city.items.filter((c) => !c.keys.county);
      for (const c of direct) lines.push(caseLine(depth + 1, c.doc));
      for (const county of groupBy(city.items.filter((c) => c.keys.county), (c) => c.keys.county!)) {
        lines.push({ level: depth + 1, text: county.name });
        for (const c of county.items) lines.push(caseLine(depth + 2, c.doc));
      }
    }
  }
  return lines;
}

export function categoryIndex(bundle: CollectionBundle): IndexLine[] {
  const cases = bookCases(bundle);
  const lines: IndexLine[] = [];
  for (const g of groupBy(cases, (doc) => ({ key: '', name: doc.meta.category?.trim() || NO_CATEGORY }))) {
    lines.push({ level: 0, text: g.name });
    for (const doc of g.items) lines.push(caseLine(1, doc));
  }
  return lines;
}

const text = (t: string): Block => ({ type: 'paragraph', role: 'center', content: [{ type: 'text', text: t }] });
const cell = (t: string, header = false): TableCell => ({ header, blocks: [text(t)] });

/** Per region (地市; the province where a case names no city): cases by category (rows) and award level (columns), with totals. */
export function regionTables(bundle: CollectionBundle): Block[] {
  const cases = bookCases(bundle).map((doc, order) => ({ doc, keys: regionKeys(doc, order) }));
  const awards = groupBy(cases, (c) => ({ key: '', name: c.doc.meta.award?.trim() || NO_AWARD })).map((g) => g.name);
  // Graded levels first, in order of first appearance; the ungraded column last.
  awards.sort((a, b) => Number(a === NO_AWARD) - Number(b === NO_AWARD));
  const blocks: Block[] = [];
  const regions = groupBy(cases, (c) => (c.keys.city.name ? c.keys.city : c.keys.province));
  for (const region of regions) {
    const province = region.items[0]!.keys.province.name;
    const label = region.name === province || province === NO_REGION ? region.name : `${province}${region.name}`;
    blocks.push({ type: 'heading', level: 2, content: [{ type: 'text', text: `${label}（${region.items.length} 个案例）` }] });
    const categories = groupBy(region.items, (c) => ({ key: '', name: c.doc.meta.category?.trim() || NO_CATEGORY }));
    const count = (items: typeof region.items, award: string) => items.filter((c) => (c.doc.meta.award?.trim() || NO_AWARD) === award).length;
    const rows: TableCell[][] = [[cell('业务领域', true), ...awards.map((a) => cell(a, true)), cell('合计', true)]];
    for (const cat of categories) rows.push([cell(cat.name), ...awards.map((a) => cell(String(count(cat.items, a)))), cell(String(cat.items.length))]);
    rows.push([cell('合计', true), ...awards.map((a) => cell(String(count(region.items, a)), true)), cell(String(region.items.length), true)]);
    blocks.push({ type: 'table', columnWidths: [3, ...awards.map(() => 2), 1.2], rows });
  }
  return blocks;
}

/**
 * The back matter of a book, in the template's order. A single case (the editor's preview of
 * one case, an export of one case) has none: an index of one entry only adds pages.
 */
export function backMatter(template: Template, bundle: CollectionBundle): BackMatterPart[] {
  if (bookCases(bundle).length < 2) return [];
  return backMatterKinds(template).map((kind): BackMatterPart => {
    if (kind === 'regionTables') return { kind, title: TITLES[kind], blocks: regionTables(bundle) };
    return { kind, title: TITLES[kind], lines: kind === 'regionIndex' ? regionIndex(bundle) : categoryIndex(bundle) };
  });
}
