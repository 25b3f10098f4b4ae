#!/usr/bin/env node
/**
 * Fits the line classifier of electron/core/import/stages/linemodel.ts on the tuning pages and
 * cross-validates it leaving one batch out.
 *
 *   node --import tsx scripts/fit-lines.ts            # leave-one-batch-out figures, model against hand rules
 *   node --import tsx scripts/fit-lines.ts --write    # the same, then fit on all pages and write linemodel.weights.ts
 *   node --import tsx scripts/fit-lines.ts --diff     # also each left-out page whose title/furniture problems changed
 *   node --import tsx scripts/fit-lines.ts --explain batch-15-measure   # each line's two probabilities, fitted without that batch
 *   node --import tsx scripts/fit-lines.ts --drops    # every line the model drops beyond the rules on its left-out page
 * (LINES_AT=0.5 tries another furniture threshold.)
 *
 * Each page is read by the real importer (importFile); clean() hands the lines it reads and their
 * features to a tap. Labels come from the expectations: a line that is the document's, the
 * notice's or a single case's title (or one of its title_also) is a headline; a line of
 * dropped_lines_examples is furniture; a line the importer keeps is body. A line the hand rules
 * drop that the expectation does not list is left out of the furniture fit: its label is unknown
 * (the examples list only some of a page's furniture), and calling it body would teach the model
 * that the furniture it already finds is text.
 *
 * Two logistic regressions (headline against the rest, furniture against body) are fitted by
 * Newton's method with a small L2 penalty: some forty features and ten thousand lines need no
 * library. Cross-validation: for each batch (test/fixtures/portal/batches/*.json; pages in none
 * of them are the first five draws, one batch), fit on the others, install the weights, and score
 * the batch's pages with scripts/score-import.ts (title, document.title, notice.title, furniture
 * dropped); the sums over batches are the left-out figure.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { hasLineModel, LINE_FEATURES, lineFeatures, lineWeights, tapLinePages, useLineWeights, type LinePage, type LineWeights } from '../electron/core/import/stages/linemodel.js';
import { listFixtures, loose, PORTAL_DIR, scoreDocument, expectedPath } from './score-import.js';

interface Row {
  x: number[];
  text: string;
  kept: boolean;
  headline: 0 | 1;
  /** 1 furniture, 0 body, null unknown. */
  furniture: 0 | 1 | null;
}

interface Page {
  fixture: string;
  batch: string;
  rows: Row[];
}

interface Expected {
  kind: string;
  document?: { title?: string | null; title_also?: string[] };
  notice?: { title?: string | null };
  cases?: Array<{ title?: string | null; title_also?: string[] }>;
  dropped_lines_examples?: string[];
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

function headlines(want: Expected): string[] {
  const out: string[] = [];
  const add = (t: string | null | undefined) => {
    if (t) out.push(loose(t));
  };
  add(want.document?.title);
  for (const t of want.document?.title_also ?? []) add(t);
  add(want.notice?.title);
  // A single case's or article's title is the page's headline; a list's items are its body.
  if ((want.kind === 'case' || want.kind === 'article') && want.cases?.length === 1) {
    add(want.cases[0]!.title);
    for (const t of want.cases[0]!.title_also ?? []) add(t);
  }
  return out.filter((t) => t.length >= 4);
}

function isHeadline(text: string, titles: string[]): boolean {
  const l = loose(text);
  if (!l) return false;
  // A headline may carry what the importer takes off it (a site's suffix, the unit after a dash).
  return titles.some((t) => l === t || (t.length >= 6 && l.startsWith(t) && l.length <= t.length * 1.6));
}

async function collect(): Promise<Page[]> {
  const batches = batchOf();
  const pages: Page[] = [];
  for (const fixture of listFixtures('tuning')) {
    const want = JSON.parse(readFileSync(expectedPath(fixture), 'utf8')) as Expected;
    let seen: LinePage | null = null;
    tapLinePages((page) => {
      seen ??= page;
    });
    let dropped: Set<string>;
    try {
      const file = await importFile({ name: path.basename(fixture), path: fixture });
      dropped = new Set(file.dropped.map((d) => loose(d)));
    } catch {
      continue;
    } finally {
      tapLinePages(null);
    }
    const page = seen as LinePage | null;
    if (!page) continue;
    const titles = headlines(want);
    const furniture = new Set((want.dropped_lines_examples ?? []).map((d) => loose(d)));
    const rows: Row[] = [];
    page.texts.forEach((t, i) => {
      if (!t) return;
      const l = loose(t);
      const f = furniture.has(l) ? 1 : dropped.has(l) ? null : 0;
      rows.push({ text: t, kept: !dropped.has(l), x: lineFeatures(page, i), headline: isHeadline(t, titles) ? 1 : 0, furniture: f });
    });
    const name = path.basename(fixture).replace(/\.(?:txt|docx)$/u, '');
    pages.push({ fixture, batch: batches.get(name) ?? 'batch-1-5', rows });
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
export function fitLogistic(xs: number[][], ys: number[], lambda = 1, iterations = 25): number[] {
  const d = xs[0]?.length ?? 0;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = w.map((v, k) => (k === 0 ? 0 : lambda * v));
    const h = Array.from({ length: d }, (_, r) => Array.from({ length: d }, (_, c) => (r === c && r !== 0 ? lambda : 0)));
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

function fit(pages: Page[]): LineWeights {
  const rows = pages.flatMap((p) => p.rows);
  // The headline is chosen among the lines over the running text: it is fitted on those alone.
  const top = rows.filter((r) => r.x[ABOVE_TEXT] === 1);
  const headline = fitLogistic(top.map((r) => r.x), top.map((r) => r.headline));
  // Furniture is looked for outside the running text (its head and foot): fitted on those lines alone.
  const known = rows.filter((r) => r.furniture !== null && (r.x[ABOVE_TEXT] === 1 || r.x[BELOW_TEXT] === 1));
  const furniture = fitLogistic(known.map((r) => r.x), known.map((r) => r.furniture!));
  return { features: [...LINE_FEATURES], headline, furniture, furnitureAt: FURNITURE_AT };
}

const ABOVE_TEXT = LINE_FEATURES.indexOf('aboveText');
const BELOW_TEXT = LINE_FEATURES.indexOf('belowText');

/**
 * A line is furniture above this probability: only sure lines go, a body line lost costs more than a
 * widget kept. Chosen among 0.5, 0.65 and 0.8 on the left-out figure and the left-out drops read
 * line by line (--drops): at 0.5 list rows of a left-out batch went, at 0.8 nothing the rules keep.
 */
const FURNITURE_AT = Number(process.env.LINES_AT ?? '0.65');

const FIELDS = ['title', 'document.title', 'notice.title', 'furniture dropped'] as const;

const problems = new Map<string, string[]>();

async function scoreBatch(pages: Page[], verbose = false): Promise<Record<string, { right: number; total: number }>> {
  const tally: Record<string, { right: number; total: number }> = {};
  for (const p of pages) {
    const s = await scoreDocument(p.fixture, 'tuning', tally);
    const mine = s.problems.filter((q) => /title|furniture/u.test(q));
    const was = problems.get(p.fixture);
    if (verbose && was && was.join() !== mine.join()) process.stdout.write(`    ${path.basename(p.fixture)}: ${was.filter((q) => !mine.includes(q)).map((q) => `-${q}`).concat(mine.filter((q) => !was.includes(q)).map((q) => `+${q}`)).join('; ')}\n`);
    problems.set(p.fixture, mine);
  }
  return tally;
}

function line(label: string, t: Record<string, { right: number; total: number }>): string {
  return `${label.padEnd(28)} ${FIELDS.map((f) => `${f} ${t[f]?.right ?? 0}/${t[f]?.total ?? 0}`).join('  ')}`;
}

function add(into: Record<string, { right: number; total: number }>, t: Record<string, { right: number; total: number }>): void {
  for (const [k, v] of Object.entries(t)) {
    into[k] ??= { right: 0, total: 0 };
    into[k].right += v.right;
    into[k].total += v.total;
  }
}

async function main(argv: string[]): Promise<void> {
  const pages = await collect();
  // Weights written for other features (the features just changed) are no baseline: fit on all pages instead.
  const installed = hasLineModel() ? lineWeights() : { ...fit(pages), furnitureAt: 1 };
  const batches = [...new Set(pages.map((p) => p.batch))].sort();
  const rows = pages.flatMap((p) => p.rows);
  process.stdout.write(`${pages.length} pages, ${rows.length} lines: ${rows.filter((r) => r.headline).length} headline, ${rows.filter((r) => r.furniture === 1).length} furniture, ${rows.filter((r) => r.furniture === 0).length} body, ${rows.filter((r) => r.furniture === null).length} unknown\n`);
  const explain = argv.indexOf('--explain');
  if (explain >= 0) {
    const b = argv[explain + 1]!;
    const w = fit(pages.filter((p) => p.batch !== b));
    const z = (v: readonly number[], x: number[]) => 1 / (1 + Math.exp(-x.reduce((s, xi, k) => s + xi * (v[k] ?? 0), 0)));
    for (const p of pages.filter((q) => q.batch === b)) {
      process.stdout.write(`${path.basename(p.fixture)}\n`);
      for (const r of p.rows.slice(0, 60)) process.stdout.write(`  ${r.headline ? 'H' : ' '}${r.furniture === 1 ? 'F' : r.furniture === null ? '?' : ' '}${r.kept ? ' ' : 'x'} h${z(w.headline, r.x).toFixed(2)} f${z(w.furniture, r.x).toFixed(2)} ${r.text.slice(0, 50)}\n`);
    }
    process.stdout.write(LINE_FEATURES.map((f, k) => `${f} h${w.headline[k]} f${w.furniture[k]}`).join('\n') + '\n');
    return;
  }
  if (argv.includes('--drops')) {
    // Every line the model takes out of a left-out page beyond what the rules take, to read for precision.
    for (const b of batches) {
      const w = fit(pages.filter((p) => p.batch !== b));
      for (const p of pages.filter((q) => q.batch === b)) {
        const name = path.basename(p.fixture);
        useLineWeights({ ...w, furnitureAt: 1 });
        const rules = (await importFile({ name, path: p.fixture })).dropped;
        useLineWeights(w);
        const extra = (await importFile({ name, path: p.fixture })).dropped.filter((d) => !rules.includes(d));
        for (const d of extra) process.stdout.write(`${b}\t${name}\t${d.slice(0, 60)}\n`);
      }
    }
    return;
  }
  const model: Record<string, { right: number; total: number }> = {};
  const installedTotal: Record<string, { right: number; total: number }> = {};
  for (const b of batches) {
    const left = pages.filter((p) => p.batch === b);
    useLineWeights(installed);
    const before = await scoreBatch(left);
    useLineWeights(fit(pages.filter((p) => p.batch !== b)));
    const after = await scoreBatch(left, argv.includes('--diff'));
    add(installedTotal, before);
    add(model, after);
    process.stdout.write(`${b} (${left.length})\n  ${line('installed weights', before)}\n  ${line('fitted without it', after)}\n`);
  }
  process.stdout.write(`all batches\n  ${line('installed weights (in-sample)', installedTotal)}\n  ${line('leave-one-batch-out', model)}\n`);
  if (argv.includes('--write')) {
    const w = fit(pages);
    const file = path.resolve(import.meta.dirname, '../electron/core/import/stages/linemodel.weights.ts');
    const vec = (v: readonly number[]) => `[\n${v.map((x, k) => `    ${x}, // ${LINE_FEATURES[k]}`).join('\n')}\n  ]`;
    writeFileSync(
      file,
      `/**
 * Generated by scripts/fit-lines.ts — do not edit. Regenerate after changing the features
 * (linemodel.ts) or the tuning pages: node --import tsx scripts/fit-lines.ts --write
 * (${pages.length} tuning pages, ${rows.length} lines; logistic regression, L2 penalty 1).
 */
import type { LineWeights } from './linemodel.js';

export const LINE_WEIGHTS: LineWeights = {
  features: ${JSON.stringify(w.features)},
  headline: ${vec(w.headline)},
  furniture: ${vec(w.furniture)},
  furnitureAt: ${w.furnitureAt},
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
