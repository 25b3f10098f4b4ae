#!/usr/bin/env node
// Entry of the headless `huibian` command. It runs the compiled core in dist/core/cli/ (built by
// scripts/build-cli.mjs at `npm ci`/`npm install` through the prepare script), which starts in a
// fraction of the time tsx needs to compile the TypeScript sources. Where that build is missing
// or older than any source it was built from (a developer's edit, a pull without a rebuild), it
// runs the sources through tsx instead and says so: a stale build must never answer for newer code.
//
// npm links this file into node_modules/.bin through bin/package.json, a local dev dependency of
// the app (the app's package.json names no bin of its own): `npx huibian` then finds an installed
// bin and runs it, where for a package's own bin npx loads the whole dependency tree and its cache's
// (≈0.6 s of CPU a call on this tree).
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);

// Answered before any module loads: scripts call it to probe the install.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  process.exit(0);
}

const ROOT = new URL('../', import.meta.url);
const BUILT = new URL('dist/core/cli/', ROOT);

/** Why the compiled CLI cannot be used, or null when it is current. */
function staleReason() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('inputs.json', BUILT), 'utf8'));
  } catch {
    return '未找到编译版命令行（dist/core/cli）';
  }
  for (const input of manifest.inputs) {
    let mtime;
    try {
      mtime = statSync(new URL(input, ROOT)).mtimeMs;
    } catch {
      return `源文件 ${input} 已不存在`;
    }
    if (mtime > manifest.built) return `源文件 ${input} 比编译版新`;
  }
  return null;
}

// HUIBIAN_FROM_SOURCE=1 runs the sources; HUIBIAN_COMPILED=1 runs the build without comparing it
// with the sources (the benchmark, which builds first and must not switch while others edit).
const reason = process.env.HUIBIAN_FROM_SOURCE ? 'HUIBIAN_FROM_SOURCE' : process.env.HUIBIAN_COMPILED === '1' ? null : staleReason();
// Exports run with TurboFan's inlining off: on the 25-draft anthology PDF the optimising
// compiler's background threads took about a third of the process's CPU on 2 cores, and
// without inlining the whole process used 13–16 % less CPU for the same file (farm-bench,
// 11 pairs). Set before any command code is compiled, so the code cache is keyed to it.
// HUIBIAN_V8_INLINING=1 leaves V8's default.
if ((argv[0] === 'export' || argv[0] === 'demo') && process.env.HUIBIAN_V8_INLINING !== '1') {
  (await import('node:v8')).setFlagsFromString('--no-turbo-inlining');
}
let main;
let loaded = null;
if (reason === null && (!argv[0] || argv[0].startsWith('-') || argv[0] === 'help')) {
  // --help, help and an option in place of a command run no command: the entry alone answers.
  ({ main } = createRequire(import.meta.url)(fileURLToPath(new URL('main.cjs', BUILT))));
} else if (reason === null) {
  // The commands run through V8's code cache (bin/code-cache.mjs): compiling them from source was most of a short command's start-up.
  const { cacheNameOf, loadBundle } = await import('./code-cache.mjs');
  loaded = loadBundle(fileURLToPath(new URL('main.cjs', BUILT)), cacheNameOf(argv));
  ({ main } = loaded.exports);
} else {
  if (reason !== 'HUIBIAN_FROM_SOURCE') process.stderr.write(`huibian: ${reason}，改由 tsx 直接运行源码（较慢）；npm run build:cli 可重新编译\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../electron/core/cli/main.ts'));
}
process.exitCode = await main(argv);
// After the run, when the functions it used are compiled, and only after one that succeeded: a
// run cut short by an error compiled part of what the command needs, and its cache would serve
// every later run. Written only where no cache served.
if (process.exitCode === 0) loaded?.save();
