#!/usr/bin/env node
/**
 * Fits the unit scorer of electron/core/import/stages/unitmodel.ts on the tuning pages and
 * cross-validates it leaving one batch out.
 *
 *   node --import tsx scripts/fit-units.ts            # leave-one-batch-out figures
 *   node --import tsx scripts/fit-units.ts --write    # the same, then fit on all pages and write units.weights.ts
 *   node --import tsx scripts/fit-units.ts --diag     # each page's candidates and the expected unit (UNITS_SHOW=name: features)
 *   node --import tsx scripts/fit-units.ts --changes  # also each left-out page whose unit or region the model changed
 *
 * Pages: every tuning case or article read as one case. Each is read by the real importer
 * (importFile); the case's title and paragraphs come from its result (in simplified characters, as
 * the stages read them), the home division from units.ts's tap. Labels: a candidate is the unit
 * when it is the expectation's unit (the scorer's loose comparison). Pages whose expectation has no
 * unit ("not on the copy", README) are the threshold's negatives: there the best candidate should
 * not clear it.
 *
 * Model: each page chooses among its candidates and "no unit" (a conditional logit, fitChoice), so
 * the bar a candidate must clear is fitted with the weights rather than counted afterwards; pages
 * without a unit count QUIET_WEIGHT each. Cross-validation: for each
 * batch (test/fixtures/portal/batches/*.json; pages in none are the first draws, one batch), fit on
 * the others and score the batch's pages with scripts/score-import.ts; the sums are the left-out figure.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import type { Region } from '../electron/core/model/types.js';
import { UNIT_FEATURES, tapUnitHomes, unitCandidates, unitProbability, unitWeights, useUnitWeights, type UnitInput, type UnitWeights } from '../electron/core/import/stages/unitmodel.js';
import { expectedPath, listFixtures, loose, PORTAL_DIR, scoreDocument } from './score-import.js';

const toSimplified = Converter({ from: 't', to: 'cn' });

interface Page {
  fixture: string;
  batch: string;
  input: UnitInput;
  /** The expected unit; undefined when the expectation has none. */
  want: string | undefined;
  rows: Array<{ name: string; x: number[]; y: 0 | 1 }>;
}

function batchOf(): Map<string, string> {
  const out = new Map<string, string>();
  const dir = path.join(PORTAL_DIR, 'batches');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const { candidates } = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { candidates: Record<string, string[]> };
    for (const name of Object.values(candidates).flat()) out.set(name, f.replace(/\.json$/u, ''));
  }
  return out;
}

async function collect(): Promise<Page[]> {
  const batches = batchOf();
  const pages: Page[] = [];
  for (const fixture of listFixtures('tuning')) {
    const want = JSON.parse(readFileSync(expectedPath(fixture), 'utf8')) as { kind: string; cases?: Array<{ unit?: string | null }> };
    if ((want.kind !== 'case' && want.kind !== 'article') || want.cases?.length !== 1) continue;
    let home: Region | null = null;
    tapUnitHomes((h) => {
      home ??= h;
    });
    let input: UnitInput;
    try {
      const file = await importFile({ name: path.basename(fixture), path: fixture });
      const c = file.cases[0];
      if (!c || file.cases.length !== 1) continue;
      input = {
        title: toSimplified(c.meta.title ?? ''),
        subtitle: c.meta.subtitle ? toSimplified(c.meta.subtitle) : null,
        paragraphs: c.body.filter((b) => b.type === 'paragraph').map((b) => toSimplified(blocksText([b]))),
        home,
      };
    } catch {
      continue;
    } finally {
      tapUnitHomes(null);
    }
    const unit = want.cases[0]!.unit ?? undefined;
    const rows = unitCandidates(input).map((c) => ({ name: c.name, x: c.features.map((v, k) => (DROP.has(UNIT_FEATURES[k]!) ? 0 : v)), y: (unit && loose(c.name) === loose(unit) ? 1 : 0) as 0 | 1 }));
    const name = path.basename(fixture).replace(/\.(?:txt|docx)$/u, '');
    pages.push({ fixture, batch: batches.get(name) ?? 'batch-1-5', input, want: unit, rows });
  }
  return pages;
}

/** Features left out of a trial fit (UNITS_DROP=a,b): their weight stays 0. */
const DROP = new Set((process.env.UNITS_DROP ?? '').split(',').filter(Boolean));
const LAMBDA = Number(process.env.UNITS_LAMBDA ?? '1');

/** Units right, and pages without a unit left without, at a threshold. */
function outcome(pages: Page[], w: number[], threshold: number): { right: number; wrong: number; none: number; quiet: number } {
  let right = 0;
  let wrong = 0;
  let none = 0;
  let quiet = 0;
  for (const p of pages) {
    let best: { name: string; p: number; y: number } | null = null;
    for (const r of p.rows) {
      const q = unitProbability(r.x, w);
      if (!best || q > best.p) best = { name: r.name, p: q, y: r.y };
    }
    const says = best && best.p >= threshold ? best : null;
    if (p.want) {
      if (says?.y) right++;
      else if (says) wrong++;
      else none++;
    } else if (!says) quiet++;
  }
  return { right, wrong, none, quiet };
}

/**
 * What a page without a unit in its expectation weighs against a page with one: such a page is not
 * scored for its unit, only through the region a unit fixes (and a page the editor marks null would
 * be). Chosen by the left-out figures (unit and region on the real scorer) among 0.1, 0.25 and 0.5:
 * at 0.1 left-out regions fell (157 of 160), at 0.5 fewer units were read (left out 41 of 45).
 */
const QUIET_WEIGHT = Number(process.env.UNITS_QUIET ?? '0.25');

/**
 * A page's choice among its candidates and "no unit" (conditional logit): a candidate scores w·x, no
 * unit scores 0, and the page's unit is the highest. Fitted by gradient ascent on the pages' log
 * likelihood with an L2 penalty: a page with a unit among its candidates chooses it; a page whose
 * expectation has no unit chooses none, weighted QUIET_WEIGHT; a page whose unit is no candidate says
 * nothing about the weights. "No unit" scoring 0 makes the threshold 0.5 on w·x's logistic.
 */
function fitChoice(pages: Page[], lambda: number, iterations = 4000): number[] {
  const d = UNIT_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  const m = new Array<number>(d).fill(0);
  const v = new Array<number>(d).fill(0);
  const used = pages.filter((p) => p.rows.length && (!p.want || p.rows.some((r) => r.y)));
  for (let it = 1; it <= iterations; it++) {
    const g = w.map((x, k) => (k === 0 ? 0 : -lambda * x));
    for (const p of used) {
      const weight = p.want ? 1 : QUIET_WEIGHT;
      const scores = p.rows.map((r) => r.x.reduce((a, x, k) => a + x * w[k]!, 0));
      const top = Math.max(0, ...scores);
      const exps = scores.map((z) => Math.exp(z - top));
      const none = Math.exp(-top);
      const sum = none + exps.reduce((a, b) => a + b, 0);
      p.rows.forEach((r, j) => {
        const q = exps[j]! / sum;
        for (let k = 0; k < d; k++) g[k]! += weight * ((r.y ? 1 : 0) - q) * r.x[k]!;
      });
    }
    // Adam steps: the features' scales differ (shares, logs, flags).
    for (let k = 0; k < d; k++) {
      m[k] = 0.9 * m[k]! + 0.1 * g[k]!;
      v[k] = 0.999 * v[k]! + 0.001 * g[k]! * g[k]!;
      w[k]! += (0.02 * (m[k]! / (1 - 0.9 ** it))) / (Math.sqrt(v[k]! / (1 - 0.999 ** it)) + 1e-8);
    }
  }
  return w.map((x) => Math.round(x * 1e6) / 1e6);
}

function fit(pages: Page[]): UnitWeights {
  return { features: [...UNIT_FEATURES], weights: fitChoice(pages, LAMBDA), threshold: 0.5 };
}

interface Tally {
  right: number;
  total: number;
  region: number;
  fully: number;
}

/** Each page's unit and region problems under the rules alone, to print what a left-out model changes (--changes). */
const ruleProblems = new Map<string, string[]>();

async function scoreUnits(pages: Page[], mode: 'rules' | 'model' = 'model', verbose = false): Promise<Tally> {
  const tally: Record<string, { right: number; total: number }> = {};
  let fully = 0;
  for (const p of pages) {
    const s = await scoreDocument(p.fixture, 'tuning', tally);
    if (s.fullyRight) fully++;
    const mine = s.problems.filter((q) => / (?:unit|region) /u.test(q));
    if (mode === 'rules') ruleProblems.set(p.fixture, mine);
    const was = ruleProblems.get(p.fixture) ?? [];
    if (verbose && mode === 'model' && was.join() !== mine.join()) {
      process.stdout.write(`    ${path.basename(p.fixture)}: ${[...was.filter((q) => !mine.includes(q)).map((q) => `-${q}`), ...mine.filter((q) => !was.includes(q)).map((q) => `+${q}`)].join('; ')}\n`);
    }
  }
  return { right: tally.unit?.right ?? 0, total: tally.unit?.total ?? 0, region: tally.region?.right ?? 0, fully };
}

async function main(argv: string[]): Promise<void> {
  const installed = unitWeights();
  const pages = await collect();
  const withUnit = pages.filter((p) => p.want);
  process.stdout.write(`${pages.length} single-case pages, ${withUnit.length} with a unit; the unit among the candidates on ${withUnit.filter((p) => p.rows.some((r) => r.y)).length}\n`);
  if (argv.includes('--diag')) {
    // Each page scored by the weights fitted without its batch.
    const folds = new Map([...new Set(pages.map((p) => p.batch))].map((b) => [b, fit(pages.filter((p) => p.batch !== b))]));
    const w = fit(pages);
    for (const p of pages) {
      const w = folds.get(p.batch)!;
      const scored = p.rows.map((r) => ({ ...r, p: unitProbability(r.x, w.weights) })).sort((a, b) => b.p - a.p);
      const says = scored[0] && scored[0].p >= w.threshold;
      const mark = !p.want ? (says ? '+' : '·') : scored[0]?.y && says ? '✓' : p.rows.some((r) => r.y) ? '✗' : '∅';
      if (process.env.UNITS_SHOW && path.basename(p.fixture).startsWith(process.env.UNITS_SHOW)) {
        for (const r of scored.slice(0, 3)) process.stdout.write(`    ${r.name}: ${UNIT_FEATURES.map((f, k) => (r.x[k] ? `${f}=${+r.x[k]!.toFixed(2)}` : '')).filter(Boolean).join(' ')}\n`);
      }
      process.stdout.write(`${mark} ${path.basename(p.fixture)} [${p.batch}, t ${w.threshold}] want ${p.want ?? '—'}: ${scored.slice(0, 4).map((r) => `${r.name} ${r.p.toFixed(2)}`).join(' | ')}\n`);
    }
    for (let t = 0.1; t < 0.95; t += 0.05) {
      const o = outcome(pages, w.weights, t);
      process.stdout.write(`t ${t.toFixed(2)}: ${o.right} right, ${o.wrong} wrong, ${o.none} none; ${o.quiet} quiet\n`);
    }
    process.stdout.write(`threshold ${w.threshold}\n${UNIT_FEATURES.map((f, k) => `${f} ${w.weights[k]}`).join('\n')}\n`);
    return;
  }
  const batches = [...new Set(pages.map((p) => p.batch))].sort();
  const zero = (): Tally => ({ right: 0, total: 0, region: 0, fully: 0 });
  const totals = { fitted: zero(), left: zero(), rules: zero() };
  const all = fit(pages);
  const addTo = (into: Tally, t: Tally) => {
    into.right += t.right;
    into.total += t.total;
    into.region += t.region;
    into.fully += t.fully;
  };
  for (const b of batches) {
    const mine = pages.filter((p) => p.batch === b);
    useUnitWeights({ features: [], weights: [], threshold: 1 });
    const rules = await scoreUnits(mine, 'rules');
    useUnitWeights(all);
    const fitted = await scoreUnits(mine);
    const w = fit(pages.filter((p) => p.batch !== b));
    useUnitWeights(w);
    const left = await scoreUnits(mine, 'model', argv.includes('--changes'));
    addTo(totals.rules, rules);
    addTo(totals.fitted, fitted);
    addTo(totals.left, left);
    const o = outcome(mine, w.weights, w.threshold);
    process.stdout.write(`${b.padEnd(20)} pages ${String(mine.length).padStart(3)}  unit rules ${rules.right}/${rules.total}  fitted ${fitted.right}/${fitted.total}  left out ${left.right}/${left.total} (t ${w.threshold}; model alone ${o.right} right ${o.wrong} wrong ${o.none} none, ${o.quiet}/${mine.length - mine.filter((p) => p.want).length} quiet)  fully ${rules.fully}/${fitted.fully}/${left.fully}\n`);
  }
  process.stdout.write(`${'all'.padEnd(20)} unit rules ${totals.rules.right}/${totals.rules.total}  fitted ${totals.fitted.right}/${totals.fitted.total}  left out ${totals.left.right}/${totals.left.total}  region rules ${totals.rules.region} fitted ${totals.fitted.region} left out ${totals.left.region}  fully right rules ${totals.rules.fully} fitted ${totals.fitted.fully} left out ${totals.left.fully} (of ${pages.length})\n`);
  const o = outcome(pages, all.weights, all.threshold);
  process.stdout.write(`model alone, fitted on all (t ${all.threshold}): ${o.right} right, ${o.wrong} wrong, ${o.none} none of ${withUnit.length}; ${o.quiet}/${pages.length - withUnit.length} pages without a unit left without\n`);
  useUnitWeights(installed);
  if (argv.includes('--write')) {
    const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../electron/core/import/stages/units.weights.ts');
    writeFileSync(
      file,
      `/**
 * Generated by scripts/fit-units.ts — do not edit. Regenerate after changing the features
 * (unitmodel.ts) or the tuning pages: node --import tsx scripts/fit-units.ts --write
 * (${pages.length} single-case tuning pages, ${withUnit.length} with a unit; a conditional logit over each page's candidates and no unit, L2 penalty ${LAMBDA}, pages without a unit weighted ${QUIET_WEIGHT}).
 */
import type { UnitWeights } from './unitmodel.js';

export const UNIT_WEIGHTS: UnitWeights = {
  features: ${JSON.stringify(all.features)},
  weights: [
${all.weights.map((v, k) => `    ${v}, // ${all.features[k]}`).join('\n')}
  ],
  threshold: ${all.threshold},
};
`,
    );
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
