/**
 * Peak memory of big anthologies as whole processes, quicker than BENCH_LARGE=1 (which also
 * times the 700-draft import): libraries of 130 and 325 feature drafts (≈2,000 and ≈5,000
 * pages) are imported once through the CLI into BIG_PDF_DIR (kept, so a second call skips the
 * import), then each is exported RUNS times as PDF and as DOCX, PDF and DOCX alternating, with
 * the maximum resident set of each process.
 *
 *   node --import tsx bench/process/big-pdf.ts [copies ...]      (default: 130 325)
 *   BIG_PDF_DIR=/tmp/big-pdf RUNS=3 FORMATS=pdf …                 (FORMATS: pdf, docx or pdf,docx)
 *
 * Run it against the compiled CLI (npm run build:cli first). Flat memory means the 325-draft
 * book peaks about where the 130-draft one does although it has 2.5 times the pages; the last
 * lines say by how much it does not, per format.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftCopies, FEATURE } from './book.js';
import { compare, fmt, measure, mem, runOnce, type Command, type Figure } from './timing.js';

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

const FORMATS = (process.env.FORMATS ?? 'pdf,docx').split(',').filter((f): f is 'pdf' | 'docx' => f === 'pdf' || f === 'docx');

mkdirSync(DIR, { recursive: true });
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const peaks: Record<string, Array<{ copies: number; peak: number }>> = {};
for (const copies of sizes.length ? sizes : [130, 325]) {
  const db = await library(copies);
  const out = (format: string) => path.join(DIR, `big-${copies}.${format}`);
  const commands = FORMATS.map((format) => huibian(`${format} ${copies}`, 'export', '--db', db, '--template', 'anthology', '--format', format, '--out', out(format)));
  // The formats alternate run by run, so a busy spell of the machine falls on both.
  const runs: Figure[] = commands.length === 2 ? await compare(commands[0]!, commands[1]!, RUNS, 0).then((c) => [c.a, c.b]) : [await measure(commands[0]!, RUNS, 0)];
  FORMATS.forEach((format, k) => {
    const run = runs[k]!;
    const pageCount = format === 'pdf' ? `, ${pages(out(format))} pages` : '';
    console.log(`anthology ${format.toUpperCase()} of ${copies} feature drafts${pageCount}: ${fmt(run.seconds)}${mem(run)} (median of ${RUNS})`);
    if (run.peakMB !== null) (peaks[format] ??= []).push({ copies, peak: run.peakMB });
  });
}
for (const [format, list] of Object.entries(peaks)) {
  if (list.length < 2) continue;
  const [small, big] = [list[0]!, list[list.length - 1]!];
  console.log(`${format.toUpperCase()}: the ${big.copies}-draft book peaks at ${((100 * big.peak) / small.peak).toFixed(0)} % of the ${small.copies}-draft one`);
}
