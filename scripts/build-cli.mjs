#!/usr/bin/env node
/* global process, console, performance */
/**
 * Compiles the `huibian` command and the core it runs into plain JavaScript under dist/core/cli/,
 * so a user's `npx huibian …` starts Node on ready code instead of having tsx compile ≈300
 * TypeScript modules on every run (≈0.5 s of each process, measured with --cpu-prof).
 *
 * esbuild, not a hand-written transpile step: it bundles, splits the lazily imported writers
 * into their own chunks (so `huibian list` never parses the PDF engine) and takes ≈1 s.
 * Packages stay external: node_modules resolves them at run time as in the source tree,
 * native better-sqlite3 included.
 *
 * The output sits at the same depth below the package root as electron/core/cli/, so the
 * modules that find templates/, resources/samples and package.json relative to their own file
 * find the same folders from the bundle. The PDF and import worker entries are built beside the chunks,
 * where worker.ts and importPool.ts look for them (./worker-thread.js, ./import-worker.js). inputs.json lists the sources the bundle was
 * built from: bin/huibian.mjs falls back to the TypeScript sources when any is newer.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(root, 'dist', 'core', 'cli');

export async function buildCli({ quiet = false } = {}) {
  const started = performance.now();
  // A source saved while esbuild reads must count as newer than the build.
  const builtAt = Date.now();
  // Built beside the live folder and swapped in, so a command started meanwhile finds either
  // the old build or the new one, never half of one.
  const next = `${OUT_DIR}.next-${process.pid}`;
  const old = `${OUT_DIR}.old-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'electron/core/cli/main.ts',
      'worker-thread': 'electron/core/export/pdf/worker-thread.ts',
      'import-worker': 'electron/core/api/handlers/import-worker.ts',
    },
    outdir: next,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.18',
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    logLevel: 'warning',
  }).catch((error) => {
    rmSync(next, { recursive: true, force: true });
    throw error;
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  writeFileSync(path.join(next, 'inputs.json'), `${JSON.stringify({ built: builtAt, inputs }, null, 1)}\n`);
  if (existsSync(OUT_DIR)) renameSync(OUT_DIR, old);
  renameSync(next, OUT_DIR);
  rmSync(old, { recursive: true, force: true });
  if (!quiet) console.log(`huibian: 命令行已编译到 ${path.relative(root, OUT_DIR)}/（${inputs.length} 个源文件，${Math.round(performance.now() - started)} ms）`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await buildCli();
  } catch (error) {
    // `npm install --omit=dev` has no esbuild: the command then runs from the sources through tsx.
    if (process.argv.includes('--if-possible') && /esbuild/.test(String(error?.message))) {
      console.log(`huibian: 未编译命令行（${error.message.split('\n')[0]}），将经 tsx 运行源码`);
    } else throw error;
  }
}
