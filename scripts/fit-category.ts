#!/usr/bin/env node
/**
 * Fits the few numbers of the category score (stages/category.ts CATEGORY_PARAMS) on the tuning
 * pages, and says how well they hold on pages they were not fitted on: leave-one-batch-out over
 * test/fixtures/portal/batches/*.json (a tuning page listed by no batch is in "older").
 *
 *   node --import tsx scripts/fit-category.ts [--quiet] [--thin [--misses]] [--why] [--at key=value,…] [--ablate]
 *
 * --why lists every case the defaults place wrongly, with each area's score and deciding words;
 * --at starts from other numbers than the defaults (to see what a change of them does); --ablate
 * scores each batch without the lexicon words only its pages attest (see ablate).
 *
 * Every tuning page is imported once, exactly as `huibian import` reads it, while the scorings are
 * heard (observeCategoryScoring); each case's draft is counted once (prepareCategory) and decided
 * again under each candidate set of numbers. A case's category is right when it is one of its
 * expectation's, the expectations matched to cases as scripts/score-import.ts matches them.
 * The fit is a coordinate search over a small grid from the defaults (each number in turn, the
 * best value kept, until none moves); ties keep the value nearer the default. The report gives the
 * defaults' figure, the fitted numbers and figure on all batches, then per batch left out the
 * numbers fitted on the others and their figure on it, and the sum of those held-out figures.
 *
 * --thin asks how list items fare when their list's context is thinner than on the tuning page, as
 * on pages whose list the importer reads less fully: each item scored again with only the context's
 * first line, only its name lines (heading, honour), only its lead, only the item's own honour
 * (its award, in the reading copy's simplified characters), or nothing.
 *
 * The held-out pages (heldout/, batch 21 and later) are never read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { Converter } from 'opencc-js';
import { CATEGORY_LEXICON, CATEGORY_PARAMS, lexiconChanged, observeCategoryScoring, prepareCategory, type CategoryInput, type CategoryParams, type Decide } from '../electron/core/import/stages/category.js';
import { PORTAL_DIR, expectedPath, listFixtures, similarity } from './score-import.js';
import type { ImportedCase } from '../electron/core/model/imported.js';

/** The measurement batches still held out (batch 21 on): never opened. */
const HELD_OUT_BATCH = /^batch-(?:2[1-9]|[3-9]\d|\d{3,})-/u;

const GRID: Record<keyof CategoryParams, number[]> = {
  titleWeight: [2, 3, 4, 5, 6, 8],
  openingWeight: [1, 1.5, 2, 3],
  leadFactor: [1, 1.1, 1.15, 1.25, 1.35, 1.5, 2],
  broadShare: [0.3, 0.35, 0.45, 0.55, 0.65],
  broadAreas: [3, 4, 5, 6],
  surveyShare: [0.5, 0.7, 0.9, 1.1, 1.5, 3],
  wholeFieldShare: [0.2, 0.35, 0.5, 0.7, 1],
  minScore: [1, 2, 4, 6, 8],
};

/** The numbers the search starts from: the defaults, or others given as --at key=value,key=value (to try them). */
const BASE: CategoryParams = { ...CATEGORY_PARAMS };
const at = process.argv.indexOf('--at');
if (at >= 0) {
  for (const pair of (process.argv[at + 1] ?? '').split(',')) {
    const [key, value] = pair.split('=');
    if (!(key! in BASE) || !Number.isFinite(Number(value))) throw new Error(`--at: no such number ${pair}`);
    BASE[key as keyof CategoryParams] = Number(value);
  }
}

interface Sample {
  page: string;
  batch: string;
  want: string[];
  /** The case's category fixed by its draft's group heading, or its scoring to decide again. */
  fixed?: string;
  decide?: Decide;
  /** A list item's scoring input and its own honour, for --thin. */
  item?: { input: CategoryInput; award: string };
  /** What its scoring was given, for --ablate. */
  input?: CategoryInput;
}

function batchOf(): Map<string, string> {
  const dir = path.join(PORTAL_DIR, 'batches');
  const of = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !HELD_OUT_BATCH.test(f)).sort()) {
    const { candidates } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { candidates: Record<string, string[]> };
    for (const name of Object.values(candidates).flat()) of.set(name, file.replace(/\.json$/u, ''));
  }
  return of;
}

interface WantCase {
  title?: string | null;
  title_also?: string[];
  category?: string[];
}

function matchCases(expected: WantCase[], actual: ImportedCase[]): Array<number | undefined> {
  const used = new Set<number>();
  const result = expected.map((w) => {
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
    return best;
  });
  let next = 0;
  return result.map((j) => {
    if (j !== undefined) return j;
    while (next < actual.length && used.has(next)) next++;
    if (next >= actual.length) return undefined;
    used.add(next);
    return next++;
  });
}

async function collect(): Promise<Sample[]> {
  const batches = batchOf();
  const samples: Sample[] = [];
  for (const fixture of listFixtures('tuning')) {
    const page = path.basename(fixture).replace(/\.(?:txt|docx)$/u, '');
    const heard = new Map<string, Array<{ input: CategoryInput; decide: Decide }>>();
    // Keyed in simplified characters: a traditional page is scored on its reading copy, its case keeps the page's characters.
    observeCategoryScoring((input) => {
      const key = toSimplified(input.title);
      const list = heard.get(key) ?? [];
      list.push({ input, decide: prepareCategory(input.title, input.body, input.options) });
      heard.set(key, list);
    });
    const file = await importFile({ name: path.basename(fixture), path: fixture });
    observeCategoryScoring(null);
    // Each case was scored under its title and subtitle (import/index.ts), in the order of its drafts.
    const taken = new Map<string, number>();
    const decides = file.cases.map((c) => {
      const key = toSimplified(`${c.meta.title} ${c.meta.subtitle ?? ''}`);
      const k = taken.get(key) ?? 0;
      taken.set(key, k + 1);
      return heard.get(key)?.[k];
    });
    const want = (JSON.parse(readFileSync(expectedPath(fixture), 'utf8')) as { cases?: WantCase[] }).cases ?? [];
    matchCases(want, file.cases).forEach((j, i) => {
      const categories = want[i]!.category ?? [];
      if (categories.length === 0) return;
      const sample: Sample = { page, batch: batches.get(page) ?? 'older', want: categories };
      const c = j === undefined ? undefined : file.cases[j];
      // No case, or a group heading decided it: no number changes the outcome.
      if (!c) sample.fixed = '';
      else if (c.meta.categoryExplanation?.[0]?.words[0]?.word.startsWith('分组标题')) sample.fixed = c.meta.category ?? '';
      else if (decides[j!]) {
        sample.decide = decides[j!]!.decide;
        sample.input = decides[j!]!.input;
        if (decides[j!]!.input.options.listItem) sample.item = { input: decides[j!]!.input, award: toSimplified(c.meta.award ?? '') };
      }
      else sample.fixed = c.meta.category ?? '';
      samples.push(sample);
    });
  }
  return samples;
}

const toSimplified = Converter({ from: 't', to: 'cn' });

/** A list's context as index.ts gives it (name and honour lines, then the lead), thinned. */
const isNameLine = (l: string) => l.trim() !== '' && l.length <= 60 && !/[。！？!?；;]/u.test(l);
const THIN: Record<string, (context: string, award: string) => string> = {
  'first line': (c) => c.split('\n').find((l) => l.trim()) ?? '',
  'name lines': (c) => c.split('\n').filter(isNameLine).join('\n'),
  lead: (c) => c.split('\n').filter((l) => l.trim() && !isNameLine(l)).join('\n'),
  'own honour': (_, award) => award,
  nothing: () => '',
};

function thin(samples: Sample[]): void {
  const items = samples.filter((s) => s.item);
  console.log(`list items scored from their list's context: ${items.length}`);
  for (const [name, cut] of Object.entries(THIN)) {
    let n = 0;
    for (const s of items) {
      const { input, award } = s.item!;
      const context = cut(input.body, award);
      const got = prepareCategory(input.title, context, { ...input.options, listItem: context !== '' })().category;
      if (s.want.includes(got)) n++;
      else if (process.argv.includes("--misses")) console.log(`    ${name}: ${s.page} ${input.title} ${got}∉${s.want.join("/")} [${context.slice(0, 60).replace(/\n/g, " / ")}]`);
    }
    console.log(`  context cut to ${name.padEnd(10)} ${n}/${items.length}`);
  }
}

/**
 * The lexicon is hand-written, so no number is fitted that a batch could be left out of; what can be
 * left out is what only a batch attests. For each batch, the lexicon words found in its cases' texts
 * (title, body, honour) and in no other batch's are taken out, and its cases decided again: a word
 * written for one batch's pages alone shows as the difference. (A word can be missing elsewhere and
 * still be right; the figure is a floor for pages the lexicon was not written for.)
 */
function ablate(samples: Sample[], batches: string[]): void {
  const original = Object.fromEntries(Object.entries(CATEGORY_LEXICON).map(([k, v]) => [k, [...v]]));
  const words = [...new Set(Object.values(original).flatMap((list) => list.map(([w]) => w)))];
  const found = new Map<Sample, Set<string>>();
  for (const s of samples) {
    if (!s.input) continue;
    const text = `${s.input.title}\n${s.input.body}\n${s.input.options.honour ?? ''}`;
    found.set(s, new Set(words.filter((w) => text.includes(w))));
  }
  let total = 0;
  let kept = 0;
  console.log('each batch without the words only it attests (at the defaults):');
  for (const batch of batches) {
    const elsewhere = new Set<string>();
    for (const [s, ws] of found) if (s.batch !== batch) for (const w of ws) elsewhere.add(w);
    const own = new Set<string>();
    for (const [s, ws] of found) if (s.batch === batch) for (const w of ws) if (!elsewhere.has(w)) own.add(w);
    for (const [area, list] of Object.entries(original)) CATEGORY_LEXICON[area] = list.filter(([w]) => !own.has(w));
    lexiconChanged();
    const out = samples.filter((s) => s.batch === batch);
    let n = 0;
    for (const s of out) if (s.want.includes(s.fixed ?? prepareCategory(s.input!.title, s.input!.body, s.input!.options)(BASE).category)) n++;
    total += n;
    kept += right(out, BASE);
    console.log(`  ${batch.padEnd(18)} ${String(n).padStart(3)}/${String(out.length).padEnd(3)} (with them ${right(out, BASE)})  its own words: ${[...own].join(' ') || '—'}`);
  }
  for (const [area, list] of Object.entries(original)) CATEGORY_LEXICON[area] = list;
  lexiconChanged();
  console.log(`  all batches without their own words: ${total}/${samples.length} (with them ${kept})`);
}

function right(samples: Sample[], params: CategoryParams): number {
  let n = 0;
  for (const s of samples) if (s.want.includes(s.fixed ?? s.decide!(params).category)) n++;
  return n;
}

/** Coordinate search from the defaults; a tie keeps the current value. */
function fit(samples: Sample[]): { params: CategoryParams; right: number } {
  const params = { ...BASE };
  let best = right(samples, params);
  for (let round = 0; round < 5; round++) {
    let moved = false;
    for (const key of Object.keys(GRID) as Array<keyof CategoryParams>) {
      for (const value of GRID[key]) {
        if (value === params[key]) continue;
        const trial = { ...params, [key]: value };
        const n = right(samples, trial);
        if (n > best) {
          best = n;
          params[key] = value;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return { params, right: best };
}

function show(params: CategoryParams): string {
  return (Object.keys(GRID) as Array<keyof CategoryParams>)
    .filter((k) => params[k] !== BASE[k])
    .map((k) => `${k}=${params[k]}`)
    .join(' ') || '(the defaults)';
}

async function main(): Promise<void> {
  const quiet = process.argv.includes('--quiet');
  const samples = await collect();
  if (process.argv.includes('--thin')) thin(samples);
  // In the order the batches were added (the older pages first): a batch's figure at the defaults is
  // how the hand-written lexicon does on it, the latest batch's on pages it was not written for.
  const order = (b: string) => (b === 'older' ? 0 : Number(/^batch-(\d+)/u.exec(b)?.[1] ?? 1e9));
  const batches = [...new Set(samples.map((s) => s.batch))].sort((a, b) => order(a) - order(b));
  if (process.argv.includes('--ablate')) ablate(samples, batches);
  const atDefaults = right(samples, { ...BASE });
  const all = fit(samples);
  console.log(`cases with an expected category: ${samples.length} in ${batches.length} batches`);
  console.log(`defaults: ${atDefaults}/${samples.length}`);
  console.log(`fitted on all: ${all.right}/${samples.length}  ${show(all.params)}`);
  let heldRight = 0;
  let heldDefault = 0;
  for (const batch of batches) {
    const inside = samples.filter((s) => s.batch !== batch);
    const out = samples.filter((s) => s.batch === batch);
    const fitted = fit(inside);
    const n = right(out, fitted.params);
    const d = right(out, { ...BASE });
    heldRight += n;
    heldDefault += d;
    if (!quiet) console.log(`  left out ${batch.padEnd(18)} ${String(n).padStart(3)}/${String(out.length).padEnd(3)} (defaults ${d})  ${show(fitted.params)}`);
  }
  console.log(`leave-one-batch-out: ${heldRight}/${samples.length} held out (defaults on the same: ${heldDefault})`);
  if (!quiet) {
    const misses = samples.filter((s) => !s.want.includes(s.fixed ?? s.decide!(all.params).category));
    console.log(`misses under the fitted numbers: ${[...new Set(misses.map((s) => s.page))].join(', ')}`);
  }
  if (process.argv.includes('--why')) {
    // Each miss at the defaults with the areas' scores and their deciding words, as the preview shows them.
    for (const s of samples) {
      const result = s.fixed === undefined ? s.decide!(BASE) : undefined;
      const got = s.fixed ?? result!.category;
      if (s.want.includes(got)) continue;
      console.log(`${s.batch} ${s.page}: ${got || '∅'} ∉ ${s.want.join('/')}${s.item ? ` [item ${s.item.input.title}]` : ''}`);
      for (const e of result?.explanation ?? []) console.log(`    ${e.category} ${e.score.toFixed(1)}: ${e.words.map((w) => `${w.word}×${w.count}@${w.weight.toFixed(2)}`).join(' ')}`);
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
