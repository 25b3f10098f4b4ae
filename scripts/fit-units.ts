#!/usr/bin/env node
/**
 * Fits the unit scorer of electron/core/import/stages/unitmodel.ts on the tuning pages and
 * cross-validates it leaving one batch out.
 *
 *   node --import tsx scripts/fit-units.ts            # leave-one-batch-out figures
 *   node --import tsx scripts/fit-units.ts --write    # the same, then fit on all pages and write units.weights.ts
 *   node --import tsx scripts/fit-units.ts --diag     # each page's candidates and the expected unit
 *
 * Pages: every tuning case or article read as one case. Each is read by the real importer
 * (importFile); the case's title and paragraphs come from its result (in simplified characters, as
 * the stages read them), the home division from units.ts's tap. Labels: a candidate is the unit
 * when it is the expectation's unit (the scorer's loose comparison). Pages whose expectation has no
 * unit ("not on the copy", README) are the threshold's negatives: there the best candidate should
 * not clear it.
 *
 * Model: logistic regression over candidates by Newton's method with a small L2 penalty. The
 * threshold is chosen on the training pages by soft counts (chooseThreshold): units right, and a
 * fraction (QUIET_WEIGHT) of the pages without a unit left without one. Cross-validation: for each
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

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/** L2-penalised logistic regression by Newton's method (the bias is not penalised). */
function fitLogistic(xs: number[][], ys: number[], lambda: number, iterations = 30): number[] {
  const d = xs[0]?.length ?? 0;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = w.map((v, k) => (k === 0 ? 0 : lambda * v));
    const h = Array.from({ length: d }, (_, r) => Array.from({ length: d }, (_, c) => (r === c && r !== 0 ? lambda : r === c ? 1e-6 : 0)));
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      let z = 0;
      for (let k = 0; k < d; k++) z += w[k]! * x[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const e = p - ys[i]!;
      const s = Math.max(p * (1 - p), 1e-9);
      for (let r = 0; r < d; r++) {
        if (x[r] === 0) continue;
        g[r]! += e * x[r]!;
        const hr = h[r]!;
        for (let c = 0; c < d; c++) if (x[c] !== 0) hr[c]! += s * x[r]! * x[c]!;
      }
    }
    const step = solve(h, g);
    let moved = 0;
    w = w.map((v, k) => {
      moved = Math.max(moved, Math.abs(step[k]!));
      return v - step[k]!;
    });
    if (moved < 1e-7) break;
  }
  return w.map((v) => Math.round(v * 1e6) / 1e6);
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
 * What a page without a unit in its expectation weighs against a unit read right: such a page is not
 * scored for its unit, only through the region a unit fixes (and a page the editor marks null would be).
 * Chosen by the left-out figures (unit and region on the real scorer) among 0, 0.1, 0.25, 0.5.
 */
const QUIET_WEIGHT = Number(process.env.UNITS_QUIET ?? '0.5');
/** Width, in log-odds, of the soft count by which thresholds are compared (so the chosen one keeps a margin from the pages it decides). */
const SOFT = 0.5;

const logit = (p: number) => Math.log(Math.max(p, 1e-9) / Math.max(1 - p, 1e-9));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The threshold maximising soft counts of units right plus QUIET_WEIGHT times pages without a unit
 * left without: each page counts by how far its best candidate lies on the right side of the threshold.
 */
function chooseThreshold(pages: Page[], w: number[]): number {
  const tops = pages.map((p) => {
    let best: { p: number; y: number } | null = null;
    for (const r of p.rows) {
      const q = unitProbability(r.x, w);
      if (!best || q > best.p) best = { p: q, y: r.y };
    }
    return { want: Boolean(p.want), best };
  });
  let threshold = 0.5;
  let score = -Infinity;
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const lt = logit(t);
    let s = 0;
    for (const { want, best } of tops) {
      if (!best) continue;
      if (want && best.y) s += sigmoid((logit(best.p) - lt) / SOFT);
      else if (!want) s += QUIET_WEIGHT * sigmoid((lt - logit(best.p)) / SOFT);
    }
    if (s > score) {
      score = s;
      threshold = Math.round(t * 100) / 100;
    }
  }
  return threshold;
}

function fit(pages: Page[]): UnitWeights {
  const rows = pages.filter((p) => p.want).flatMap((p) => p.rows);
  const weights = fitLogistic(rows.map((r) => r.x), rows.map((r) => r.y), LAMBDA);
  return { features: [...UNIT_FEATURES], weights, threshold: chooseThreshold(pages, weights) };
}

interface Tally {
  right: number;
  total: number;
  region: number;
  fully: number;
}

async function scoreUnits(pages: Page[]): Promise<Tally> {
  const tally: Record<string, { right: number; total: number }> = {};
  let fully = 0;
  for (const p of pages) if ((await scoreDocument(p.fixture, 'tuning', tally)).fullyRight) fully++;
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
    const rules = await scoreUnits(mine);
    useUnitWeights(all);
    const fitted = await scoreUnits(mine);
    const w = fit(pages.filter((p) => p.batch !== b));
    useUnitWeights(w);
    const left = await scoreUnits(mine);
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
 * (${pages.length} single-case tuning pages, ${withUnit.length} with a unit; logistic regression over candidates, L2 penalty ${LAMBDA}).
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
