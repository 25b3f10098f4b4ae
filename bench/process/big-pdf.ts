/**
 * Peak memory of big anthology PDFs as whole processes, quicker than BENCH_LARGE=1 (which also
 * times the 700-draft import and the DOCX): libraries of 130 and 325 feature drafts (≈2,000 and
 * ≈5,000 pages) are imported once through the CLI into BIG_PDF_DIR (kept, so a second call
 * skips the import), then each is exported RUNS times with GNU time's maximum resident set.
 *
 *   node --import tsx bench/process/big-pdf.ts [copies ...]      (default: 130 325)
 *   BIG_PDF_DIR=/tmp/big-pdf RUNS=3 …
 *
 * Run it against the compiled CLI (npm run build:cli first). Flat memory means the 325-draft
 * book peaks about where the 130-draft one does although it has 2.5 times the pages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftCopies, FEATURE } from './book.js';
import { fmt, measure, mem, runOnce, type Command } from './timing.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'huibian.mjs');
const DIR = process.env.BIG_PDF_DIR ?? path.join(tmpdir(), 'huibian-big-pdf');
const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const TITLE = '民政工作创新案例汇编';

const huibian = (label: string, ...args: string[]): Command => ({ label, argv: [process.execPath, BIN, ...args], cwd: ROOT, env: { HUIBIAN_COMPILED: '1' } });

function pages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
}

async function library(copies: number): Promise<string> {
  const db = path.join(DIR, `lib-${copies}.db`);
  if (existsSync(db)) return db;
  const files = draftCopies(path.join(DIR, `feature-${copies}`), FEATURE, copies);
  const r = await runOnce(huibian('import', 'import', '--db', db, '--collection', TITLE, ...files));
  if (r.code !== 0) throw new Error(`import failed: ${r.output}`);
  return db;
}

mkdirSync(DIR, { recursive: true });
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const copies of sizes.length ? sizes : [130, 325]) {
  const db = await library(copies);
  const pdf = path.join(DIR, `big-${copies}.pdf`);
  const run = await measure(huibian(`pdf ${copies}`, 'export', '--db', db, '--template', 'anthology', '--format', 'pdf', '--out', pdf), RUNS, 0);
  console.log(`anthology PDF of ${copies} feature drafts, ${pages(pdf)} pages: ${fmt(run.seconds)}${mem(run)} (median of ${RUNS})`);
}
