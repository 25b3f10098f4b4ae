/**
 * "Apply to the library": an award or shortlist document carries no body text, so its use is
 * to set the award of cases already imported. Each list item is matched to a library case by
 * title similarity (character bigrams, so a changed quote or a dropped 副题 still matches),
 * helped by the unit and region when the list names them; each case takes at most one item.
 * Pure: no store, no I/O — the caller lists the cases and saves the awards it accepts.
 */
import type { Region } from '../model/types.js';
import { normaliseTitle, titleSimilarity } from '../model/similarity.js';

export interface AwardItem {
  title: string;
  subtitle?: string | null;
  unit?: string | null;
  region?: Region | null;
  award: string | null;
}

export interface LibraryCase {
  id: string;
  title: string;
  subtitle?: string | null;
  unit?: string | null;
  region?: Region | null;
  award?: string | null;
}

export interface AwardMatch {
  item: AwardItem;
  caseId: string;
  caseTitle: string;
  /** 0–1: title similarity adjusted by unit and region agreement. */
  score: number;
  /** Why, in the editor's words ("标题相近 0.92", "单位相同", "地区不同"). */
  reasons: string[];
}

export interface AwardMatches {
  matched: AwardMatch[];
  /** Items whose best case is plausible but not certain: for the editor to confirm. */
  nearMisses: AwardMatch[];
  unmatched: AwardItem[];
}

export interface MatchOptions {
  /** Score at or above which a match is taken (default 0.75). */
  accept?: number;
  /** Score at or above which a candidate is shown as a near miss (default 0.45). */
  near?: number;
}

// one definition of title likeness, shared with the store's continuity detection
export { normaliseTitle, titleSimilarity } from '../model/similarity.js';

function regionAgreement(a: Region | null | undefined, b: Region | null | undefined): { delta: number; reason: string | null } {
  if (!a?.province || !b?.province) return { delta: 0, reason: null };
  if (a.province !== b.province) return { delta: -0.25, reason: '地区不同' };
  if (a.county && b.county) return a.county === b.county ? { delta: 0.1, reason: '区县相同' } : { delta: -0.15, reason: '区县不同' };
  if (a.city && b.city) return a.city === b.city ? { delta: 0.05, reason: '城市相同' } : { delta: -0.15, reason: '城市不同' };
  return { delta: 0, reason: null };
}

/**
 * The same unit written with or without its places: "巨鹿县民政局" and "河北省邢台市巨鹿县民政局" (a list
 * drops the province its heading names; a case's form spells it out).
 */
function sameUnit(a: string, b: string): boolean {
  const x = normaliseTitle(a);
  const y = normaliseTitle(b);
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (short.length < 4 || !long.endsWith(short)) return false;
  return /^(?:[\u4e00-\u9fa5]{2,10}?(?:省|自治区|市|自治州|州|盟|地区|区|县|旗))+$/u.test(long.slice(0, long.length - short.length));
}

function score(item: AwardItem, c: LibraryCase): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  // An item that is only a unit (a list of awarded units) is matched by its unit.
  const unitOnly = Boolean(item.unit && normaliseTitle(item.title) === normaliseTitle(item.unit));
  let s: number;
  if (unitOnly) {
    s = c.unit && sameUnit(c.unit, item.unit!) ? 0.9 : 0;
    if (s) reasons.push('单位相同');
  } else {
    const t = Math.max(titleSimilarity(item.title, c.title), item.subtitle ? titleSimilarity(`${item.title}${item.subtitle}`, `${c.title}${c.subtitle ?? ''}`) : 0);
    s = t;
    reasons.push(`标题相近 ${t.toFixed(2)}`);
    if (item.unit && c.unit) {
      if (sameUnit(item.unit, c.unit)) {
        s += 0.15;
        reasons.push('单位相同');
      }
    }
  }
  const r = regionAgreement(item.region, c.region);
  s += r.delta;
  if (r.reason) reasons.push(r.reason);
  return { score: Math.max(0, Math.min(1, s)), reasons };
}

export function matchAwards(items: AwardItem[], cases: LibraryCase[], options: MatchOptions = {}): AwardMatches {
  const accept = options.accept ?? 0.75;
  const near = options.near ?? 0.45;
  const pairs: Array<{ i: number; c: LibraryCase; score: number; reasons: string[] }> = [];
  items.forEach((item, i) => {
    for (const c of cases) {
      const s = score(item, c);
      if (s.score >= near) pairs.push({ i, c, ...s });
    }
  });
  // Best pairs first; each item and each case is used once.
  pairs.sort((a, b) => b.score - a.score);
  const usedItems = new Set<number>();
  const usedCases = new Set<string>();
  const matched: AwardMatch[] = [];
  const nearMisses: AwardMatch[] = [];
  for (const p of pairs) {
    if (usedItems.has(p.i) || usedCases.has(p.c.id)) continue;
    const m: AwardMatch = { item: items[p.i]!, caseId: p.c.id, caseTitle: p.c.title, score: Math.round(p.score * 100) / 100, reasons: p.reasons };
    if (p.score >= accept) {
      matched.push(m);
      usedCases.add(p.c.id);
    } else nearMisses.push(m);
    usedItems.add(p.i);
  }
  const unmatched = items.filter((_, i) => !usedItems.has(i));
  const order = (m: AwardMatch) => items.indexOf(m.item);
  matched.sort((a, b) => order(a) - order(b));
  nearMisses.sort((a, b) => order(a) - order(b));
  return { matched, nearMisses, unmatched };
}
