/**
 * Speed as users get it: every figure is a whole process (`node bin/huibian.mjs …`, which runs
 * the compiled CLI when it is current), start-up included, timed from spawn to exit, the
 * reference tool beside it in the same run, A and B alternating, medians of BENCH_RUNS (≥ 3).
 *
 *   start-up     huibian --version / --help         vs node -e 0
 *                npx huibian --version              vs npx running another installed bin
 *                list, export --format docx on a one-draft library   vs node -e 0, pandoc
 *   PDF          25-draft anthology (≈350 cases)     vs Typst 0.14 (npm node compiler) on the same text
 *   PDF          the same                            vs LibreOffice converting our DOCX of it
 *   DOCX         the same                            vs pandoc writing DOCX from the same text as Markdown
 *   import       1,000 single-case drafts; 70 and 700 fourteen-case drafts (linearity)
 *   big books    ≈2,000 and ≈5,000 pages: seconds and peak memory (GNU time's maximum RSS)
 *   first runs   list, the one-draft DOCX and the anthology with the compiled CLI's code cache
 *                emptied before each run (the bench keeps its own), beside later runs
 *
 * `npm run bench -- process` (a few minutes); BENCH_RUNS=5 for more runs; BENCH_LARGE=1 adds the
 * 700-draft import and the ≈2,000- and ≈5,000-page books (long: their libraries are imported
 * through the CLI first). Rebuilds the compiled CLI first.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, fmt, measure, mem, runOnce, type Command } from './process/timing.js';
import { codeCacheDir } from '../bin/code-cache.mjs';
import { bookOf, draftCopies, FEATURE, markdown, SINGLE_CASE, typst, typstFontDir, writeText } from './process/book.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'huibian.mjs');
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const LARGE = process.env.BENCH_LARGE === '1';
const TITLE = '民政工作创新案例汇编';

/** The bench's own code cache (bin/code-cache.mjs), so that emptying it for a first run touches no one else's. */
const CODE_CACHE = mkdtempSync(path.join(tmpdir(), 'huibian-bench-code-cache-'));
process.on('exit', () => rmSync(CODE_CACHE, { recursive: true, force: true }));
const huibian = (label: string, ...args: string[]): Command => ({
  label,
  argv: [process.execPath, BIN, ...args],
  cwd: ROOT,
  env: { HUIBIAN_COMPILED: '1', HUIBIAN_CODE_CACHE_DIR: CODE_CACHE },
});

/**
 * The same command as its first run after an install or a rebuild: the compiled CLI's code
 * cache (bin/code-cache.mjs, which later runs are served from) is emptied before each run, and
 * the run compiles from source and writes it again, as a user's first run does.
 */
const firstRun = (command: Command): Command => ({
  ...command,
  label: `${command.label} first run`,
  before: () => {
    const dir = codeCacheDir({ ...process.env, ...command.env });
    if (dir) rmSync(dir, { recursive: true, force: true });
  },
});

async function codeCacheLine(what: string, command: Command, runs: number): Promise<void> {
  const c = await compare(firstRun(command), command, runs);
  line(
    `${what}: first run (code cache emptied before each) beside later runs`,
    `first run  ${fmt(c.a.seconds)}${mem(c.a)}`,
    `later run  ${fmt(c.b.seconds)}${mem(c.b)}`,
    `first/later ${c.ratio.toFixed(2)}`,
  );
}

function has(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function pages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[1]);
}

function line(what: string, ours: string, ref: string, ratio: string): void {
  console.log(`${what}\n    ours ${ours}\n    ref  ${ref}\n    ${ratio}`);
}

/** A library holding `copies` feature drafts, imported through the CLI (untimed). */
async function library(dir: string, copies: number): Promise<string> {
  const db = path.join(dir, `lib-${copies}.db`);
  if (existsSync(db)) return db;
  const files = draftCopies(path.join(dir, `feature-${copies}`), FEATURE, copies);
  const r = await runOnce(huibian('import', 'import', '--db', db, '--collection', TITLE, ...files));
  if (r.code !== 0) throw new Error(`import failed: ${r.output}`);
  return db;
}

/** The figures are of the current sources: the compiled CLI is rebuilt first (≈0.1 s). */
function ensureBuilt(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
}

async function startup(): Promise<void> {
  const v = await compare(huibian('huibian --version', '--version'), { label: 'node -e 0', argv: [process.execPath, '-e', '0'] }, Math.max(RUNS, 7));
  line('start-up: huibian --version (target ≤ 2.5× node -e 0)', `node bin/huibian.mjs --version  ${fmt(v.a.seconds)}`, `node -e 0  ${fmt(v.b.seconds)}`, `ours/ref ${v.ratio.toFixed(2)}×`);
  const h = await compare(huibian('huibian --help', '--help'), { label: 'node -e 0', argv: [process.execPath, '-e', '0'] }, RUNS);
  line('start-up: huibian --help (the command list: no command module, no API table)', `node bin/huibian.mjs --help  ${fmt(h.a.seconds)}`, `node -e 0  ${fmt(h.b.seconds)}`, `ours/ref ${h.ratio.toFixed(2)}×`);
  // npm's own cost for a command: npx finding another installed bin in node_modules/.bin and
  // running it (semver's is a small Node script). `npx --version` would resolve no bin at all.
  if (has('npx') && existsSync(path.join(ROOT, 'node_modules', '.bin', 'semver'))) {
    const n = await compare(
      { label: 'npx huibian --version', argv: ['npx', '--no-install', 'huibian', '--version'], cwd: ROOT },
      { label: 'npx semver 1.2.3', argv: ['npx', '--no-install', 'semver', '1.2.3'], cwd: ROOT },
      RUNS,
    );
    line(
      'start-up through npx (target: only npm\'s own cost, as for any installed bin)',
      `npx --no-install huibian --version  ${fmt(n.a.seconds)}`,
      `npx --no-install semver 1.2.3  ${fmt(n.b.seconds)}`,
      `ours/ref ${n.ratio.toFixed(2)}×`,
    );
  }
}

/**
 * Each command's own start-up on a one-draft library (≈14 cases), where start-up is nearly all
 * of the run: list (the API table and the library) beside a bare node, and the DOCX export
 * beside pandoc writing the same text (its own start-up and a small document).
 */
async function commandStartup(dir: string): Promise<void> {
  const db = await library(dir, 1);
  const l = await compare(huibian('huibian list', 'list', '--db', db), { label: 'node -e 0', argv: [process.execPath, '-e', '0'] }, Math.max(RUNS, 5));
  line('start-up: huibian list on a one-draft library', `node bin/huibian.mjs list  ${fmt(l.a.seconds)}`, `node -e 0  ${fmt(l.b.seconds)}`, `ours/ref ${l.ratio.toFixed(2)}×`);
  await codeCacheLine('start-up: huibian list', huibian('huibian list', 'list', '--db', db), Math.max(RUNS, 5));
  if (!has('pandoc')) return;
  const md = writeText(path.join(dir, 'ref', 'one.md'), markdown(await bookOf(draftCopies(path.join(dir, 'feature-1'), FEATURE, 1)), TITLE));
  const d = await compare(
    huibian('huibian docx 1', 'export', '--db', db, '--template', 'anthology', '--format', 'docx', '--out', path.join(dir, 'one.docx')),
    { label: 'pandoc', argv: ['pandoc', '-f', 'markdown', '-t', 'docx', '--toc', '-o', path.join(dir, 'ref', 'one-pandoc.docx'), md] },
    Math.max(RUNS, 5),
  );
  line(
    'start-up: huibian export --format docx of the one-draft library',
    `node bin/huibian.mjs export --template anthology --format docx  ${fmt(d.a.seconds)}`,
    `pandoc -f markdown -t docx --toc one.md  ${fmt(d.b.seconds)}`,
    `ours/ref ${d.ratio.toFixed(2)}×`,
  );
  await codeCacheLine(
    'start-up: huibian export --format docx of the one-draft library',
    huibian('huibian docx 1', 'export', '--db', db, '--template', 'anthology', '--format', 'docx', '--out', path.join(dir, 'one.docx')),
    Math.max(RUNS, 5),
  );
}

/**
 * The figures above are of repeated exports, whose gate reads each case's findings from the
 * library (proof_cache). A library never proofed — the first export after an import — proofs
 * every case and writes those rows: each of its runs gets a fresh copy with the cache emptied.
 */
async function firstExports(db: string, dir: string, pdf: Command, docx: Command): Promise<void> {
  const fresh = path.join(dir, 'never-proofed.db');
  const before = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(fresh + suffix, { force: true });
    copyFileSync(db, fresh);
    const raw = new Database(fresh);
    raw.exec('DELETE FROM proof_cache');
    raw.close();
  };
  for (const [format, repeated] of [['pdf', pdf], ['docx', docx]] as const) {
    const first: Command = { ...repeated, label: `${repeated.label} first`, argv: repeated.argv.map((a) => (a === db ? fresh : a)), before };
    const c = await compare(first, repeated, RUNS);
    line(
      `${format.toUpperCase()}: the first export of the same library, never proofed (the gate proofs every case and keeps the findings)`,
      `huibian export --format ${format}, cache empty  ${fmt(c.a.seconds)}${mem(c.a)}`,
      `huibian export --format ${format}, repeated  ${fmt(c.b.seconds)}${mem(c.b)}`,
      `first/repeated ${c.ratio.toFixed(2)}`,
    );
  }
}

async function book(dir: string): Promise<void> {
  const copies = 25;
  const db = await library(dir, copies);
  const text = await bookOf(draftCopies(path.join(dir, `feature-${copies}`), FEATURE, copies));
  const typ = writeText(path.join(dir, 'ref', 'book.typ'), typst(text, TITLE));
  const md = writeText(path.join(dir, 'ref', 'book.md'), markdown(text, TITLE));
  const fonts = typstFontDir(path.join(dir, 'ref', 'fonts'));
  const pdf = path.join(dir, 'ours.pdf');
  const docx = path.join(dir, 'ours.docx');
  const ours = huibian('huibian pdf', 'export', '--db', db, '--template', 'anthology', '--format', 'pdf', '--out', pdf);
  const typstPdf = path.join(dir, 'ref', 'typst.pdf');
  const ty = await compare(ours, { label: 'typst', argv: [process.execPath, path.join(ROOT, 'bench', 'process', 'typst-pdf.mjs'), typ, fonts, typstPdf] }, RUNS);
  line(
    `PDF: anthology of ${copies} feature drafts (target: ours ≤ Typst; a repeated export of the unchanged library, the gate's findings read from its cache)`,
    `huibian export --template anthology --format pdf  ${fmt(ty.a.seconds)}${mem(ty.a)}, ${pages(pdf)} pages`,
    `Typst 0.14 (node bench/process/typst-pdf.mjs book.typ)  ${fmt(ty.b.seconds)}${mem(ty.b)}, ${pages(typstPdf)} pages`,
    `Typst/ours ${(1 / ty.ratio).toFixed(2)} (≥ 1 means ours is faster)`,
  );

  const oursDocx = huibian('huibian docx', 'export', '--db', db, '--template', 'anthology', '--format', 'docx', '--out', docx);
  if (has('pandoc')) {
    const pandocDocx = path.join(dir, 'ref', 'pandoc.docx');
    const pd = await compare(oursDocx, { label: 'pandoc', argv: ['pandoc', '-f', 'markdown', '-t', 'docx', '--toc', '-o', pandocDocx, md] }, RUNS);
    line(
      `DOCX: the same anthology (target: ours ≤ pandoc; repeated export, gate findings from the cache)`,
      `huibian export --template anthology --format docx  ${fmt(pd.a.seconds)}${mem(pd.a)}`,
      `pandoc -f markdown -t docx --toc book.md  ${fmt(pd.b.seconds)}${mem(pd.b)}`,
      `pandoc/ours ${(1 / pd.ratio).toFixed(2)} (≥ 1 means ours is faster)`,
    );
  } else {
    await runOnce(oursDocx);
    console.log('DOCX: pandoc not installed, comparison skipped');
  }

  await firstExports(db, dir, ours, oursDocx);
  await codeCacheLine('PDF: the anthology', ours, RUNS);
  await codeCacheLine('DOCX: the anthology', oursDocx, RUNS);

  if (has('soffice')) {
    if (!existsSync(docx)) await runOnce(oursDocx);
    const profile = path.join(dir, 'lo-profile');
    const lo: Command = {
      label: 'soffice',
      argv: ['soffice', `-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), docx],
    };
    const l = await compare(ours, lo, RUNS);
    line(
      `PDF: LibreOffice converting our DOCX of the same book (target: ≥ 5× ours)`,
      `huibian export --format pdf  ${fmt(l.a.seconds)}`,
      `soffice --headless --convert-to pdf ours.docx  ${fmt(l.b.seconds)}, ${pages(path.join(dir, 'lo', 'ours.pdf'))} pages`,
      `LibreOffice/ours ${(1 / l.ratio).toFixed(1)}×`,
    );
  } else console.log('PDF: LibreOffice not installed, comparison skipped');
}

async function imports(dir: string): Promise<void> {
  const single = draftCopies(path.join(dir, 'single-1000'), SINGLE_CASE, 1000);
  const db1 = path.join(dir, 'import-1000.db');
  const fresh = (db: string) => () => {
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
  };
  // Beside the default (the gate reads on workers only while a core is idle), the same import
  // with them always: on a shared machine the gate may choose the one thread, and the two
  // figures together say what that choice cost (or saved) in this run.
  const gate = huibian('import 1000', 'import', '--db', db1, ...single);
  const both = await compare({ ...gate, before: fresh(db1) }, { ...gate, label: 'import 1000 workers', env: { ...gate.env, HUIBIAN_IMPORT_WORKERS: '1' }, before: fresh(db1) }, RUNS);
  const one = both.a;
  console.log(
    `import: 1,000 single-case drafts (target ≤ 3 s)\n    ours huibian import --db NEW.db 1000 files  ${fmt(one.seconds)}${mem(one)}` +
      `\n    ours the same, HUIBIAN_IMPORT_WORKERS=1  ${fmt(both.b.seconds)}${mem(both.b)}\n    gate/workers ${both.ratio.toFixed(2)}`,
  );

  const small = draftCopies(path.join(dir, 'feature-70'), FEATURE, 70);
  const dbS = path.join(dir, 'import-70.db');
  const s = await measure({ ...huibian('import 70', 'import', '--db', dbS, ...small), before: fresh(dbS) }, RUNS);
  if (!LARGE) {
    console.log(`import: 70 fourteen-case drafts  ${fmt(s.seconds)}${mem(s)} (BENCH_LARGE=1 adds 700)`);
    return;
  }
  const big = draftCopies(path.join(dir, 'feature-700'), FEATURE, 700);
  const dbB = path.join(dir, 'import-700.db');
  const b = await measure({ ...huibian('import 700', 'import', '--db', dbB, ...big), before: fresh(dbB) }, RUNS, 0);
  console.log(
    `import: linear in the batch (target: 700 drafts ≤ 10× 70)\n    ours 70 fourteen-case drafts  ${fmt(s.seconds)}${mem(s)}\n    ours 700 fourteen-case drafts (9,800 cases)  ${fmt(b.seconds)}${mem(b)}\n    700/70 ${(b.seconds / s.seconds).toFixed(1)}×`,
  );
}

async function bigBooks(dir: string): Promise<void> {
  // ≈15.4 pages per feature draft in the anthology template (80 drafts: 1,231 pages).
  for (const [copies, target] of [
    [130, 'target: peak ≤ 400 MB'],
    [325, 'target: completes, memory flat'],
  ] as const) {
    const db = await library(dir, copies);
    const pdf = path.join(dir, `big-${copies}.pdf`);
    const f = await measure(huibian(`pdf ${copies}`, 'export', '--db', db, '--template', 'anthology', '--format', 'pdf', '--out', pdf), RUNS, 0);
    const docx = path.join(dir, `big-${copies}.docx`);
    const d = await measure(huibian(`docx ${copies}`, 'export', '--db', db, '--template', 'anthology', '--format', 'docx', '--out', docx), RUNS, 0);
    console.log(`big book: ${copies} feature drafts, ${pages(pdf)} pages (${target})\n    ours PDF  ${fmt(f.seconds)}${mem(f)}\n    ours DOCX ${fmt(d.seconds)}${mem(d)}`);
  }
}

export async function run(): Promise<void> {
  ensureBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-bench-process-'));
  console.log(`process: whole processes, medians of ${RUNS} alternating runs, in ${dir}`);
  try {
    await startup();
    await commandStartup(dir);
    await book(dir);
    await imports(dir);
    if (LARGE) await bigBooks(dir);
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
