/**
 * 新增/延续: whether a case continues one from an earlier collection (last year's compilation
 * of the same programme) or is new. The editor's link or unlink is kept in the case's meta
 * (`continuity`, `continuesFrom`) and always wins; without one, detection decides:
 *
 * - earlier collections: those of an earlier year (by creation time when a year is missing);
 * - a case continues an earlier one when both name the same unit (创新单位) and their titles
 *   are alike (character-bigram similarity, model/similarity.ts, at least 0.5), or, when one of
 *   them names no unit, when the titles are nearly the same (0.85) and the places agree;
 * - of several, the one of the latest collection (a programme continued over years links to
 *   last year's case, not to the first).
 *
 * Nothing is stored by detection: the export asks for the flags of what it prints, so a rename
 * or a deletion of the earlier case is never printed stale.
 */
import type { CaseMeta, ContinuityLink, Region } from '../model/types.js';
import { normaliseTitle, titleSimilarity } from '../model/similarity.js';
import type { Connection } from './connection.js';
import { StoreError } from './errors.js';
import type { Documents } from './documents.js';
import type { Revisions } from './revisions.js';
import type { DocumentRow } from './rows.js';

/** Title similarity at or above which a case of the same unit is taken as continued. */
export const SAME_UNIT_TITLE = 0.5;
/** Title similarity at or above which a case is taken as continued when a unit is missing. */
export const NO_UNIT_TITLE = 0.85;
/** Candidates below this score are not listed. */
const LISTED = 0.35;
const MAX_CANDIDATES = 10;

export interface ContinuityCandidate extends ContinuityLink {
  collectionTitle: string | null;
  unit: string | null;
  /** 0–1: title similarity, raised by the same unit, lowered by a different place. */
  score: number;
  /** Why, in the editor's words ("标题相近 0.82", "单位相同", "区县不同"). */
  reasons: string[];
  /** Detection would link this one (the best of those that pass its rule). */
  detected: boolean;
}

export interface ContinuityReport {
  documentId: string;
  /** What the indexes print: 'continued' 延续, 'new' 新增, null none (no earlier collection to compare with). */
  flag: 'continued' | 'new' | null;
  continuesFrom: ContinuityLink | null;
  /** Who decided: the editor (documents.setContinuity), detection, or nobody. */
  decidedBy: 'editor' | 'detection' | null;
  /** Earlier cases that look alike, best first. */
  candidates: ContinuityCandidate[];
}

export type ContinuityChoice = { mode: 'link'; documentId: string } | { mode: 'unlink' } | { mode: 'auto' };

/** A case as detection compares it. */
interface Entry {
  id: string;
  title: string;
  subtitle: string | null;
  unitKey: string;
  unit: string | null;
  region: Region;
  collectionId: string | null;
  collectionTitle: string | null;
  year: number | null;
  createdAt: string;
}

interface EntryRow {
  id: string;
  title: string;
  subtitle: string | null;
  unit: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  year: number | null;
  created_at: string;
  collection_id: string | null;
  collection_title: string | null;
  collection_year: number | null;
  collection_created: string | null;
}

const ENTRY_SELECT = `SELECT d.id, d.title, d.subtitle, d.unit, d.province, d.city, d.county, d.year, d.created_at, d.collection_id,
    l.title AS collection_title, l.year AS collection_year, l.created_at AS collection_created
  FROM documents d LEFT JOIN collections l ON l.id = d.collection_id`;

function toEntry(r: EntryRow): Entry {
  return {
    id: r.id,
    title: r.title,
    subtitle: r.subtitle,
    unit: r.unit,
    unitKey: r.unit ? normaliseTitle(r.unit) : '',
    region: { province: r.province, city: r.city, county: r.county },
    collectionId: r.collection_id,
    collectionTitle: r.collection_title,
    // a collection's year is the edition; a loose case has only its own
    year: r.collection_id ? (r.collection_year ?? r.year) : r.year,
    createdAt: r.collection_created ?? r.created_at,
  };
}

/** Whether `a` belongs to an edition before `b`'s. */
function earlier(a: Entry, b: Entry): boolean {
  if (a.collectionId !== null && a.collectionId === b.collectionId) return false;
  if (a.year !== null && b.year !== null) return a.year < b.year;
  return a.createdAt < b.createdAt;
}

function regionAgreement(a: Region, b: Region): { delta: number; reason: string | null } {
  if (!a.province || !b.province) return { delta: 0, reason: null };
  if (a.province !== b.province) return { delta: -0.25, reason: '省份不同' };
  if (a.county && b.county) return a.county === b.county ? { delta: 0.05, reason: '区县相同' } : { delta: -0.15, reason: '区县不同' };
  if (a.city && b.city) return a.city === b.city ? { delta: 0.05, reason: '城市相同' } : { delta: -0.15, reason: '城市不同' };
  return { delta: 0, reason: null };
}

function compare(x: Entry, c: Entry): { score: number; reasons: string[]; passes: boolean } {
  const withSub = (e: Entry) => `${e.title}${e.subtitle ?? ''}`;
  const t = Math.max(titleSimilarity(x.title, c.title), x.subtitle || c.subtitle ? titleSimilarity(withSub(x), withSub(c)) : 0);
  const reasons = [`标题相近 ${t.toFixed(2)}`];
  const bothUnits = Boolean(x.unitKey && c.unitKey);
  const sameUnit = bothUnits && x.unitKey === c.unitKey;
  if (sameUnit) reasons.push('单位相同');
  else if (bothUnits) reasons.push('单位不同');
  const r = regionAgreement(x.region, c.region);
  if (r.reason) reasons.push(r.reason);
  const score = Math.max(0, Math.min(1, t + (sameUnit ? 0.15 : bothUnits ? -0.1 : 0) + r.delta));
  const passes = sameUnit ? t >= SAME_UNIT_TITLE : !bothUnits && t >= NO_UNIT_TITLE && r.delta >= 0;
  return { score: Math.round(score * 100) / 100, reasons, passes };
}

function linkOf(e: Entry): ContinuityLink {
  return { documentId: e.id, collectionId: e.collectionId, title: e.title, year: e.year };
}

/** Latest edition first; within one, the better score. */
function byEdition(a: { entry: Entry; score: number }, b: { entry: Entry; score: number }): number {
  if (earlier(a.entry, b.entry)) return 1;
  if (earlier(b.entry, a.entry)) return -1;
  return b.score - a.score;
}

export class Continuity {
  constructor(
    private readonly c: Connection,
    private readonly documents: Documents,
    private readonly revisions: Revisions,
    private readonly guard: (row: DocumentRow) => void,
  ) {}

  /** Every live case of a live collection: what earlier editions are made of. */
  private pool(): Entry[] {
    return (
      this.c.sql(`${ENTRY_SELECT} WHERE d.kind = 'case' AND d.deleted_at IS NULL AND l.id IS NOT NULL AND l.deleted_at IS NULL`).all() as EntryRow[]
    ).map(toEntry);
  }

  private entry(id: string): { entry: Entry; meta: CaseMeta; row: DocumentRow } {
    const row = this.documents.row(id);
    if (row.kind !== 'case') throw new StoreError('invalid-input', `《${row.title}》是通知：只有案例有新增/延续之分。`);
    const entry = toEntry(this.c.sql(`${ENTRY_SELECT} WHERE d.id = ?`).get(id) as EntryRow);
    return { entry, meta: JSON.parse(row.meta) as CaseMeta, row };
  }

  /** The editor's link as it reads now (the earlier case may have been renamed since). */
  private current(link: ContinuityLink): ContinuityLink {
    const r = this.c.sql(`${ENTRY_SELECT} WHERE d.id = ? AND d.deleted_at IS NULL`).get(link.documentId) as EntryRow | undefined;
    return r ? linkOf(toEntry(r)) : link;
  }

  /** 延续/新增 of one case, with the earlier cases that look alike. */
  report(id: string): ContinuityReport {
    const { entry, meta } = this.entry(id);
    const pool = this.pool().filter((e) => earlier(e, entry));
    const scored = pool.map((e) => ({ entry: e, ...compare(entry, e) }));
    const passing = scored.filter((s) => s.passes).sort(byEdition);
    const detected = passing[0]?.entry.id ?? null;
    const candidates = scored
      .filter((s) => s.score >= LISTED || s.passes)
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_CANDIDATES)
      .map((s): ContinuityCandidate => ({ ...linkOf(s.entry), collectionTitle: s.entry.collectionTitle, unit: s.entry.unit, score: s.score, reasons: s.reasons, detected: s.entry.id === detected }));
    const decided = this.decide(meta, pool.length > 0, detected ? linkOf(passing[0]!.entry) : null);
    return { documentId: id, ...decided, candidates };
  }

  private decide(meta: CaseMeta, comparable: boolean, detected: ContinuityLink | null): Omit<ContinuityReport, 'documentId' | 'candidates'> {
    if (meta.continuity === 'linked' && meta.continuesFrom) return { flag: 'continued', continuesFrom: this.current(meta.continuesFrom), decidedBy: 'editor' };
    if (meta.continuity === 'unlinked') return { flag: 'new', continuesFrom: null, decidedBy: 'editor' };
    if (detected) return { flag: 'continued', continuesFrom: detected, decidedBy: 'detection' };
    return comparable ? { flag: 'new', continuesFrom: null, decidedBy: 'detection' } : { flag: null, continuesFrom: null, decidedBy: null };
  }

  /**
   * `continuesFrom` as the writers read it, for many cases at once (an export): a link (延续),
   * null (新增), or undefined when there is no earlier collection to compare with.
   */
  flags(ids: string[]): Map<string, ContinuityLink | null | undefined> {
    const out = new Map<string, ContinuityLink | null | undefined>();
    if (!ids.length) return out;
    const pool = this.pool();
    // What is earlier than a case depends only on its edition (collection, year, creation
    // time), so the earlier cases, grouped by unit, are found once per edition rather than by
    // scanning the whole pool at each case: a 4,550-case book made that 20 million comparisons.
    const earlierByEdition = new Map<string, { all: Entry[]; byUnit: Map<string, Entry[]> }>();
    const earlierThan = (entry: Entry) => {
      const key = `${entry.collectionId ?? `case:${entry.id}`}|${entry.year ?? ''}|${entry.createdAt}`;
      let found = earlierByEdition.get(key);
      if (!found) {
        const all = pool.filter((e) => earlier(e, entry));
        const byUnit = new Map<string, Entry[]>();
        for (const e of all) {
          const group = byUnit.get(e.unitKey);
          if (group) group.push(e);
          else byUnit.set(e.unitKey, [e]);
        }
        found = { all, byUnit };
        earlierByEdition.set(key, found);
      }
      return found;
    };
    // Only the meta is needed here: the full row would bring (and keep until collected) every
    // case's body, which an export of a long book otherwise reads one case at a time.
    const metaRow = this.c.sql('SELECT c.meta AS meta FROM document_content c WHERE c.document_id = ?');
    const entryRow = this.c.sql(`${ENTRY_SELECT} WHERE d.id = ? AND d.deleted_at IS NULL AND d.kind = 'case'`);
    for (const id of ids) {
      const r = entryRow.get(id) as EntryRow | undefined;
      // a notice, a deleted or an unknown document: the full path says which, in Chinese
      const { entry, meta } = r ? { entry: toEntry(r), meta: JSON.parse((metaRow.get(id) as { meta: string }).meta) as CaseMeta } : this.entry(id);
      const before = earlierThan(entry);
      // only cases of the same unit, or naming none, can pass detection's rule
      const candidates = entry.unitKey ? [...(before.byUnit.get(entry.unitKey) ?? []), ...(before.byUnit.get('') ?? [])] : before.all;
      const passing = candidates
        .map((e) => ({ entry: e, ...compare(entry, e) }))
        .filter((s) => s.passes)
        .sort(byEdition);
      const comparable = before.all.length > 0;
      const decided = this.decide(meta, comparable, passing[0] ? linkOf(passing[0].entry) : null);
      out.set(id, decided.flag === null ? undefined : decided.continuesFrom);
    }
    return out;
  }

  /** The editor links a case to an earlier one, marks it new, or hands it back to detection. */
  set(id: string, choice: ContinuityChoice): ContinuityReport {
    this.c.tx(() => {
      const { entry, meta, row } = this.entry(id);
      this.guard(row);
      const next: CaseMeta = { ...meta };
      let note: string;
      if (choice.mode === 'link') {
        if (choice.documentId === id) throw new StoreError('invalid-input', '案例不能延续它自己：请选择往年汇编中的案例。');
        const target = this.entry(choice.documentId).entry;
        if (target.collectionId === null) throw new StoreError('invalid-input', `《${target.title}》不在任何汇编中：延续只能指向往年汇编中的案例。`);
        if (target.collectionId === entry.collectionId) throw new StoreError('invalid-input', `《${target.title}》与本案例在同一个汇编中：延续只能指向往年汇编中的案例。`);
        if (!earlier(target, entry)) {
          throw new StoreError('invalid-input', `《${target.title}》所在的汇编不早于本案例的汇编：延续只能指向往年汇编中的案例，请检查两个汇编的年份。`);
        }
        next.continuity = 'linked';
        next.continuesFrom = linkOf(target);
        note = `延续：${target.year ? `${target.year} 年` : ''}《${target.title}》`;
      } else if (choice.mode === 'unlink') {
        next.continuity = 'unlinked';
        next.continuesFrom = null;
        note = '新增（编辑认定，不延续往年案例）';
      } else {
        delete next.continuity;
        delete next.continuesFrom;
        note = '新增/延续：改由自动识别';
      }
      this.documents.write(row, next, JSON.parse(row.body), null);
      this.revisions.snapshot(this.documents.row(id), false, note);
    });
    return this.report(id);
  }
}
