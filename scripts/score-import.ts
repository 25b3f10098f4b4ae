#!/usr/bin/env node
/**
 * Scores the real importer against the portal fixtures (test/fixtures/portal/{tuning,heldout}):
 * each document is imported with importFile, exactly as `huibian import` reads it, and compared
 * with its `<name>.expected.json`, written by hand before any rule.
 *
 *   node --import tsx scripts/score-import.ts [tuning|heldout|all] [--json]
 *
 * Per set it prints the documents fully right (kind, case count, and for each case title,
 * region, unit and award where the expectation has them; for notices, each notice field the
 * expectation has), the accuracy of each field, and one line per document saying what was wrong.
 *
 * Comparison is loose where the difference is typographic only: NFKC (full/half width), 繁→简
 * (opencc-js, so a kept traditional original and a converted one both count), whitespace
 * removed, quotes and dashes unified, outer punctuation trimmed. A category is right when it is
 * one of the expected ones; an award ignores a group's count ("一等奖（5个）" = "一等奖").
 * Expected kinds are the editor's: case, case-list, notice, award-list, article; the importer's
 * single-case counts as case (and as article: a news article imports as one case), feature as
 * case-list. A field is scored only where the expectation has it; an explicit null means "must
 * be empty". Held-out documents are for measurement only: never read them to write rules.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Converter } from 'opencc-js';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import type { ImportedCase, ImportedFile } from '../electron/core/model/imported.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PORTAL_DIR = path.resolve(here, '../test/fixtures/portal');
export const SETS = ['tuning', 'heldout'] as const;
export type SetName = (typeof SETS)[number];

const FIXTURE_EXT = /\.(txt|docx|doc|html?|md|mhtml?)$/iu;

interface ExpectedRegion {
  province: string | null;
  city: string | null;
  county: string | null;
}

interface ExpectedCase {
  title?: string | null;
  title_also?: string[];
  subtitle?: string | null;
  unit?: string | null;
  award?: string | null;
  region?: ExpectedRegion;
  category?: string[];
}

interface ExpectedNotice {
  title?: string | null;
  organ?: string | null;
  docNumber?: string | null;
  addressees?: string | null;
  issuer?: string | null;
  date?: string | null;
  attachments?: string[];
  signers?: string[];
  region?: ExpectedRegion;
}

interface Expected {
  kind: 'case' | 'case-list' | 'notice' | 'award-list' | 'article';
  document?: { title?: string | null; title_also?: string[]; date?: string | null };
  notice?: ExpectedNotice;
  cases?: ExpectedCase[];
  captions?: string[];
  dropped_lines_examples?: string[];
}

/** Field names in report order. */
export const FIELDS = [
  'kind',
  'case count',
  'title',
  'subtitle',
  'unit',
  'award',
  'region',
  'category',
  'notice.title',
  'notice.organ',
  'notice.docNumber',
  'notice.addressees',
  'notice.issuer',
  'notice.date',
  'notice.attachments',
  'notice.signers',
  'notice.region',
  'document.title',
  'document.date',
  'captions',
  'furniture dropped',
] as const;
export type Field = (typeof FIELDS)[number];

/** Fields scored and reported that a document need not get right to count as fully right. */
const ADVISORY = new Set<Field>(['subtitle', 'category', 'notice.region', 'document.title', 'document.date', 'captions', 'furniture dropped']);
/** Fields whose every check must pass for a document to count as fully right. */
const DECISIVE = new Set<Field>(FIELDS.filter((field) => !ADVISORY.has(field)));

export interface DocumentScore {
  name: string;
  set: SetName;
  /** The expected (editor's) kind. */
  kind: string;
  fullyRight: boolean;
  checks: number;
  /** What was wrong, one phrase per failed check. */
  problems: string[];
  error?: string;
}

export interface SetScore {
  set: SetName;
  documents: number;
  fullyRight: number;
  fields: Record<string, { right: number; total: number }>;
  /** Documents and fully right ones per expected kind. */
  byKind: Record<string, { documents: number; fullyRight: number }>;
  perDocument: DocumentScore[];
}

// ------------------------------------------------------------------ normalisation

const toSimplified = Converter({ from: 't', to: 'cn' });

/**
 * A mirror's bracketed pinyin after a character ("社區(qū)"): noise, as the fixtures' README says, so an
 * expectation that kept it verbatim compares as the text without it.
 */
const PINYIN_NOISE = /(?<=[\u4e00-\u9fff])[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{0,5}\s*[)）]/gu;

export function loose(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = toSimplified(value.replace(PINYIN_NOISE, '').normalize('NFKC'));
  // 著 and 着 are one character in traditional script (裝著, 著名): opencc's t→cn keeps 著 where a tw→cn copy
  // prints 着 ("装着"), so the same reading in either script compares as one.
  s = s.replace(/著/gu, '着');
  s = s.replace(/[\s\u3000\u00a0]+/gu, '');
  s = s.replace(/[“”„‟"「」『』〝〞]/gu, '"').replace(/[‘’‚‛'`]/gu, "'");
  s = s.replace(/[—―─–‐-]{1,2}/gu, '—');
  s = s.replace(/[〔［【]/gu, '[').replace(/[〕］】]/gu, ']');
  s = s.replace(/^[—。.,，、:：;；!！?？·•|]+/u, '').replace(/[—。.,，、:：;；!！?？·•|]+$/u, '');
  return s;
}

export function looseDocNumber(value: string | null | undefined): string {
  // 〔〕 and [] and （）/() around the year are all seen; the number is the same.
  return loose(value).replace(/[[(（]/gu, '[').replace(/[\])）]/gu, ']');
}

export function looseAward(value: string | null | undefined): string {
  return loose(value)
    .replace(/\(共?\d+[个項项篇]\)/gu, '')
    .replace(/[:：]$/u, '');
}

export function looseSubtitle(value: string | null | undefined): string {
  return loose(value).replace(/^—+/u, '');
}

/** Bigram similarity of two titles compared loosely: how expected cases are matched to imported ones. */
export function similarity(a: string, b: string): number {
  const x = loose(a);
  const y = loose(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  return (2 * common) / (x.length - 1 + y.length - 1);
}

const KIND_ACCEPTS: Record<Expected['kind'], string[]> = {
  case: ['case', 'single-case'],
  article: ['article', 'single-case', 'case'],
  'case-list': ['case-list', 'feature'],
  'award-list': ['award-list'],
  notice: ['notice'],
};

function regionText(r: { province?: string | null; city?: string | null; county?: string | null } | null | undefined): string {
  if (!r) return '—';
  return [r.province, r.city, r.county].filter(Boolean).join(' ') || '—';
}

// A municipality is its own city: "上海市 / —" and "上海市 / 上海市" name the same place, and the
// expectations were written both ways by different editors, so either form matches either. The same
// holds for a county-level city directly under its province (海南省 东方市, 湖北省 天门市): resolveRegion
// files it with the province as its city, and some expectations leave the city empty instead.
const MUNICIPALITIES = new Set(['北京市', '上海市', '天津市', '重庆市']);

function cityOf(province: string | null, city: string | null, county: string | null): string | null {
  if (city !== null || province === null) return city;
  return MUNICIPALITIES.has(province) || county !== null ? province : city;
}

export function sameRegion(actual: { province?: string | null; city?: string | null; county?: string | null } | null | undefined, want: ExpectedRegion): boolean {
  const a = { province: actual?.province ?? null, city: actual?.city ?? null, county: actual?.county ?? null };
  return (
    a.province === want.province &&
    cityOf(a.province, a.city, a.county) === cityOf(want.province, want.city, want.county) &&
    a.county === want.county
  );
}

function short(value: string | null | undefined, max = 40): string {
  if (value === null || value === undefined || value === '') return '∅';
  const s = value.replace(/\s+/gu, ' ');
  return `“${s.length > max ? `${s.slice(0, max)}…` : s}”`;
}

// ------------------------------------------------------------------ scoring one document

export function expectedPath(fixture: string): string {
  return fixture.replace(/\.txt$/iu, '') + '.expected.json';
}

export function listFixtures(set: SetName): string[] {
  const dir = path.join(PORTAL_DIR, set);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => FIXTURE_EXT.test(f) && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => path.join(dir, f))
    .filter((f) => existsSync(expectedPath(f)));
}

export function bodyLines(file: ImportedFile): Set<string> {
  const parts: string[] = file.cases.map((c) => blocksText(c.body));
  if (file.notice) {
    parts.push(blocksText(file.notice.body));
    for (const a of file.notice.attachments) parts.push(blocksText(a.blocks));
  }
  if (file.info.lead) parts.push(blocksText(file.info.lead));
  const lines = new Set<string>();
  for (const part of parts) for (const line of part.split('\n')) if (line.trim()) lines.add(line.trim());
  return lines;
}

function matchCases(expected: ExpectedCase[], actual: ImportedCase[]): Array<ImportedCase | undefined> {
  // First by title (the most similar unused case, at least half the character pairs in common),
  // then the expectations left over take the cases left over, in order.
  const used = new Set<number>();
  const result: Array<ImportedCase | undefined> = expected.map((w) => {
    const titles = [w.title, ...(w.title_also ?? [])].filter((t): t is string => typeof t === 'string' && t !== '');
    if (titles.length === 0) return undefined;
    let best = -1;
    let bestScore = 0.5;
    actual.forEach((c, j) => {
      if (used.has(j)) return;
      const s = Math.max(...titles.map((t) => similarity(t, c.meta.title)));
      if (s >= bestScore && (best === -1 || s > bestScore)) {
        best = j;
        bestScore = s;
      }
    });
    if (best < 0) return undefined;
    used.add(best);
    return actual[best];
  });
  let next = 0;
  return result.map((c) => {
    if (c) return c;
    while (next < actual.length && used.has(next)) next++;
    if (next >= actual.length) return undefined;
    used.add(next);
    return actual[next++];
  });
}

export async function scoreDocument(fixture: string, set: SetName, tally?: Record<string, { right: number; total: number }>): Promise<DocumentScore> {
  const name = path.basename(fixture);
  const want = JSON.parse(readFileSync(expectedPath(fixture), 'utf8')) as Expected;
  const score: DocumentScore = { name, set, kind: want.kind, fullyRight: true, checks: 0, problems: [] };
  const check = (field: Field, ok: boolean, problem: string) => {
    score.checks++;
    if (tally) {
      tally[field] ??= { right: 0, total: 0 };
      tally[field].total++;
      if (ok) tally[field].right++;
    }
    if (!ok) {
      score.problems.push(problem);
      if (DECISIVE.has(field)) score.fullyRight = false;
    }
  };

  let file: ImportedFile;
  try {
    file = await importFile({ name, path: fixture });
  } catch (error) {
    score.error = (error as Error).message;
    score.fullyRight = false;
    // Every decisive expectation fails when nothing was imported.
    check('kind', false, `import failed: ${score.error}`);
    return score;
  }

  const actualKind = file.kind as string;
  check('kind', KIND_ACCEPTS[want.kind].includes(actualKind), `kind ${actualKind}≠${want.kind}`);

  const wantCases = want.cases ?? [];
  check('case count', file.cases.length === wantCases.length, `cases ${file.cases.length}≠${wantCases.length}`);

  const matched = matchCases(wantCases, file.cases);
  wantCases.forEach((w, i) => {
    const c = matched[i];
    const label = `case ${i + 1}`;
    if (w.title !== undefined && w.title !== null) {
      const titles = [w.title, ...(w.title_also ?? [])];
      const ok = !!c && titles.some((t) => loose(t) === loose(c.meta.title));
      check('title', ok, `${label} title ${short(c?.meta.title)}≠${short(w.title)}`);
    }
    if (w.subtitle !== undefined) {
      const ok = !!c && looseSubtitle(c.meta.subtitle) === looseSubtitle(w.subtitle);
      check('subtitle', ok, `${label} subtitle ${short(c?.meta.subtitle)}≠${short(w.subtitle)}`);
    }
    if (w.unit !== undefined) {
      const ok = !!c && loose(c.meta.unit) === loose(w.unit);
      check('unit', ok, `${label} unit ${short(c?.meta.unit)}≠${short(w.unit)}`);
    }
    if (w.award !== undefined) {
      const ok = !!c && looseAward(c.meta.award) === looseAward(w.award);
      check('award', ok, `${label} award ${short(c?.meta.award)}≠${short(w.award)}`);
    }
    if (w.region) {
      const ok = !!c && sameRegion(c.meta.region, w.region);
      check('region', ok, `${label} region ${regionText(c?.meta.region)}≠${regionText(w.region)}`);
    }
    if (w.category && w.category.length > 0) {
      const ok = !!c && w.category.includes(c.meta.category ?? '');
      check('category', ok, `${label} category ${c?.meta.category ?? '∅'}∉${w.category.join('/')}`);
    }
  });

  if (want.notice) {
    const n = want.notice;
    const meta = file.notice?.meta;
    const text = (field: Field, key: 'title' | 'organ' | 'addressees' | 'issuer' | 'date', norm: (v: string | null | undefined) => string = loose) => {
      if (n[key] === undefined) return;
      const got = meta?.[key] ?? null;
      check(field, !!file.notice && norm(got) === norm(n[key]), `${field} ${short(got)}≠${short(n[key])}`);
    };
    text('notice.title', 'title');
    text('notice.organ', 'organ');
    if (n.docNumber !== undefined) {
      const got = meta?.docNumber ?? null;
      check('notice.docNumber', !!file.notice && looseDocNumber(got) === looseDocNumber(n.docNumber), `notice.docNumber ${short(got)}≠${short(n.docNumber)}`);
    }
    text('notice.addressees', 'addressees');
    text('notice.issuer', 'issuer');
    text('notice.date', 'date', (v) => v ?? '');
    if (n.attachments !== undefined) {
      const got = meta?.attachmentTitles ?? [];
      const ok = !!file.notice && got.length === n.attachments.length && got.every((t, i) => loose(t) === loose(n.attachments![i]));
      check('notice.attachments', ok, `notice.attachments [${got.map((t) => short(t, 24)).join(', ')}]≠[${n.attachments.map((t) => short(t, 24)).join(', ')}]`);
    }
    if (n.signers !== undefined) {
      const got = meta?.signers ?? [];
      const ok = !!file.notice && got.length === n.signers.length && got.every((t, i) => loose(t) === loose(n.signers![i]));
      check('notice.signers', ok, `notice.signers [${got.join(', ')}]≠[${n.signers.join(', ')}]`);
    }
    if (n.region) {
      check('notice.region', !!file.notice && sameRegion(meta?.region, n.region), `notice.region ${regionText(meta?.region)}≠${regionText(n.region)}`);
    }
  }

  if (want.document) {
    const d = want.document;
    if (d.title) {
      // The document's title may be given as the first case's; its alternatives hold for both.
      const first = wantCases[0];
      const alternatives = [d.title, ...(d.title_also ?? []), ...(first && first.title === d.title ? (first.title_also ?? []) : [])];
      check('document.title', alternatives.some((t) => loose(file.info.title) === loose(t)), `document.title ${short(file.info.title)}≠${short(d.title)}`);
    }
    if (d.date) check('document.date', (file.info.date ?? '') === d.date, `document.date ${file.info.date ?? '∅'}≠${d.date}`);
  }

  for (const caption of want.captions ?? []) {
    const w = loose(caption);
    const ok = file.captions.some((c) => {
      const a = loose(c);
      return a === w || a.includes(w) || (w.includes(a) && a.length >= 0.6 * w.length);
    });
    check('captions', ok, `caption missing ${short(caption, 24)}`);
  }

  if (want.dropped_lines_examples && want.dropped_lines_examples.length > 0) {
    const body = bodyLines(file);
    const titles = new Set(file.cases.map((c) => c.meta.title.trim()));
    for (const line of want.dropped_lines_examples) {
      const l = line.trim();
      const kept = body.has(l) || titles.has(l) || (file.notice?.meta.title.trim() ?? '') === l;
      check('furniture dropped', !kept, `furniture kept ${short(l, 30)}`);
    }
  }

  return score;
}

/** The page names of one batch (test/fixtures/portal/batches/<name>.json), to score a batch alone. */
export function batchNames(batch: string): Set<string> {
  const file = path.join(PORTAL_DIR, 'batches', `${batch}.json`);
  const { candidates } = JSON.parse(readFileSync(file, 'utf8')) as { candidates: Record<string, string[]> };
  return new Set(Object.values(candidates).flat());
}

export async function scoreSet(set: SetName, only?: Set<string>): Promise<SetScore> {
  const fields: Record<string, { right: number; total: number }> = {};
  const perDocument: DocumentScore[] = [];
  for (const fixture of listFixtures(set)) {
    // A page's Word copy (x.docx) belongs to its batch with the page (x).
    if (only && !only.has(path.basename(fixture).replace(/\.(?:txt|docx)$/u, ''))) continue;
    perDocument.push(await scoreDocument(fixture, set, fields));
  }
  const ordered: Record<string, { right: number; total: number }> = {};
  for (const f of FIELDS) if (fields[f]) ordered[f] = fields[f];
  const byKind: Record<string, { documents: number; fullyRight: number }> = {};
  for (const d of perDocument) {
    byKind[d.kind] ??= { documents: 0, fullyRight: 0 };
    byKind[d.kind]!.documents++;
    if (d.fullyRight) byKind[d.kind]!.fullyRight++;
  }
  return { set, documents: perDocument.length, fullyRight: perDocument.filter((d) => d.fullyRight).length, fields: ordered, byKind, perDocument };
}

// ------------------------------------------------------------------ report

function pct(right: number, total: number): string {
  return total === 0 ? '   —  ' : `${((100 * right) / total).toFixed(1).padStart(5)}%`;
}

export function formatSet(s: SetScore): string {
  const out: string[] = [];
  out.push(`portal import score — ${s.set} (${s.documents} documents)`);
  out.push(`  fully right: ${s.fullyRight}/${s.documents} ${pct(s.fullyRight, s.documents)}`);
  out.push(`  by kind: ${Object.entries(s.byKind).map(([k, v]) => `${k} ${v.fullyRight}/${v.documents}`).join(', ')}`);
  out.push('  field accuracy:');
  for (const [field, { right, total }] of Object.entries(s.fields)) {
    out.push(`    ${field.padEnd(20)} ${String(right).padStart(4)}/${String(total).padEnd(4)} ${pct(right, total)}`);
  }
  out.push('  documents:');
  for (const d of s.perDocument) {
    out.push(`    ${d.fullyRight ? '✓' : '✗'} ${d.name}${d.problems.length ? `: ${d.problems.join('; ')}` : ''}`);
  }
  return out.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  // --aggregate leaves out every document's line: the only way to look at the held-out set.
  const aggregate = argv.includes('--aggregate');
  const at = argv.indexOf('--batch');
  const batch = at >= 0 ? argv[at + 1] : undefined;
  const which = argv.find((a, k) => !a.startsWith('--') && (at < 0 || k !== at + 1)) ?? 'tuning';
  if ((which !== 'all' && !SETS.includes(which as SetName)) || (at >= 0 && !batch)) {
    process.stderr.write('usage: node --import tsx scripts/score-import.ts [tuning|heldout|all] [--batch NAME] [--aggregate] [--json]\n');
    return 2;
  }
  const only = batch ? batchNames(batch) : undefined;
  const sets: SetName[] = which === 'all' ? [...SETS] : [which as SetName];
  const scores: SetScore[] = [];
  for (const set of sets) {
    const score = await scoreSet(set, only);
    if (aggregate) score.perDocument = [];
    scores.push(score);
  }
  if (json) process.stdout.write(JSON.stringify({ sets: Object.fromEntries(scores.map((s) => [s.set, s])) }, null, 2) + '\n');
  else process.stdout.write(scores.map(formatSet).join('\n\n') + '\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
