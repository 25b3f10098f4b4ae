/**
 * The compiled command's code cache (bin/code-cache.mjs): a bundle run twice is served from the
 * cache the first run wrote; a cache for another build, another Node, a damaged or truncated
 * one, or a cache folder that cannot be written, never changes what the bundle does — it is
 * compiled from source and the cache rewritten where it can be. The last test runs the real
 * command twice against a fresh cache folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildIdOf, cacheNameOf, codeCacheDir, COMMANDS, loadBundle, readCache } from '../bin/code-cache.mjs';
import { cacheDir as fontCacheDir } from '../electron/core/fonts/cache.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

interface Loaded {
  exports: { answer: (n: number) => number; calls: () => number };
  save: () => 'used' | 'written' | 'unwritable' | 'off';
}
const load = loadBundle as unknown as (file: string, name: string, env?: NodeJS.ProcessEnv) => Loaded;

/** A CommonJS bundle shaped as the build writes it: module.exports, require, and its build line at the end. */
function bundle(dir: string, build: string, factor = 2): string {
  const file = path.join(dir, 'main.cjs');
  const body = [
    'const path = require("node:path");',
    'let calls = 0;',
    `function answer(n) { calls++; return n * ${factor} + path.basename(__filename).length; }`,
    'module.exports = { answer, calls: () => calls };',
  ].join('\n');
  writeFileSync(file, `${body}\n//# huibian-build ${build}\n`);
  return file;
}

function setUp(): { dir: string; env: NodeJS.ProcessEnv; cacheFiles: () => string[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-code-cache-'));
  const env = { HUIBIAN_CACHE_DIR: path.join(dir, 'cache') };
  const codeDir = path.join(dir, 'cache', 'code');
  return { dir, env, cacheFiles: () => (existsSync(codeDir) ? readdirSync(codeDir).map((f) => path.join(codeDir, f)) : []) };
}

test('a second run is served from the cache the first run wrote, and computes the same', () => {
  const { dir, env, cacheFiles } = setUp();
  const file = bundle(dir, 'a'.repeat(32));
  const first = load(file, 'list', env);
  assert.equal(first.exports.answer(20), 48);
  assert.equal(first.save(), 'written');
  assert.equal(cacheFiles().length, 1);
  const second = load(file, 'list', env);
  assert.equal(second.exports.answer(20), 48);
  assert.equal(second.save(), 'used');
  // each command keeps its own
  assert.equal(load(file, 'export-pdf', env).save(), 'written');
  assert.equal(cacheFiles().length, 2);
});

test('a cache written for another build is not used, even for a bundle of the same length', () => {
  const { dir, env } = setUp();
  const file = bundle(dir, 'a'.repeat(32), 2);
  load(file, 'list', env).save();
  // the same length, another build: V8 alone would take the old bytecode (it checks the length)
  bundle(dir, 'b'.repeat(32), 3);
  const next = load(file, 'list', env);
  assert.equal(next.exports.answer(20), 68, 'the new build runs');
  assert.equal(next.save(), 'written', 'its own cache replaces the old one');
  assert.equal(load(file, 'list', env).save(), 'used');
});

test('a cache from another Node, a damaged or a truncated one is compiled around and rewritten', () => {
  const { dir, env, cacheFiles } = setUp();
  const build = 'c'.repeat(32);
  const file = bundle(dir, build);
  load(file, 'list', env).save();
  const [cache] = cacheFiles();
  const good = readFileSync(cache!);
  const nl = good.indexOf(10);
  const head = JSON.parse(good.subarray(0, nl).toString());
  assert.ok(readCache(cache!, build));

  const damaged = Buffer.from(good);
  damaged[nl + 1 + Math.floor((damaged.length - nl - 1) / 2)]! ^= 0xff;
  const otherNode = Buffer.concat([Buffer.from(`${JSON.stringify({ ...head, node: 'v0.0.1' })}\n`), good.subarray(nl + 1)]);
  for (const [what, bytes] of [
    ['a damaged byte', damaged],
    ['a truncated file', good.subarray(0, good.length - 100)],
    ['another Node', otherNode],
    ['no header', good.subarray(nl + 1)],
    ['an empty file', Buffer.alloc(0)],
  ] as const) {
    writeFileSync(cache!, bytes);
    assert.equal(readCache(cache!, build), undefined, what);
    const loaded = load(file, 'list', env);
    assert.equal(loaded.exports.answer(1), 10, what);
    assert.equal(loaded.save(), 'written', what);
    assert.ok(readCache(cache!, build), `${what}: rewritten`);
    assert.equal(load(file, 'list', env).save(), 'used', what);
  }
});

test('a cache folder that cannot be written, or the cache turned off, leaves the bundle running', () => {
  const { dir } = setUp();
  const file = bundle(dir, 'd'.repeat(32));
  // a file where the folder should be: no user's permissions make mkdir fail for root, this does
  const blocked = path.join(dir, 'blocked');
  writeFileSync(blocked, '');
  const loaded = load(file, 'list', { HUIBIAN_CACHE_DIR: blocked });
  assert.equal(loaded.exports.answer(2), 12);
  assert.equal(loaded.save(), 'unwritable');
  const off = load(file, 'list', { HUIBIAN_CODE_CACHE: '0', HUIBIAN_CACHE_DIR: path.join(dir, 'c') });
  assert.equal(off.exports.answer(2), 12);
  assert.equal(off.save(), 'off');
  assert.equal(existsSync(path.join(dir, 'c')), false);
  // a bundle without its build line is never cached: nothing would tell its caches apart
  writeFileSync(file, 'module.exports = { answer: (n) => n, calls: () => 0 };\n');
  assert.equal(buildIdOf(readFileSync(file, 'utf8')), null);
  assert.equal(load(file, 'list', { HUIBIAN_CACHE_DIR: path.join(dir, 'c') }).save(), 'off');
});

test('where caches go and which one a command line uses', () => {
  assert.equal(codeCacheDir({ HUIBIAN_CACHE_DIR: '/x' }), path.join('/x', 'code'));
  assert.equal(codeCacheDir({ HUIBIAN_CODE_CACHE: '0', HUIBIAN_CACHE_DIR: '/x' }), null);
  assert.equal(codeCacheDir({ HUIBIAN_CODE_CACHE_DIR: '/y', HUIBIAN_CACHE_DIR: '/x' }), '/y');
  if (process.platform === 'linux') assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/c' }), path.join('/c', 'huibian', 'code'));
  assert.equal(cacheNameOf(['list', '--db', 'x']), 'list');
  assert.equal(cacheNameOf(['export', '--db', 'x', '--format', 'docx', '--template', 'anthology']), 'export-docx-anthology');
  assert.equal(cacheNameOf(['export', '--template=notice', '--format=pdf']), 'export-pdf-notice');
  assert.equal(cacheNameOf(['export', '--format', 'docx']), 'export-docx');
  assert.equal(cacheNameOf(['export']), 'export');
  assert.equal(cacheNameOf(['--help']), 'main');
  assert.equal(cacheNameOf(['../../etc']), 'main');
  assert.equal(cacheNameOf(['lsit']), 'main', 'a mistyped command makes no cache of its own');
  assert.equal(cacheNameOf(['help', 'export']), 'help');
  const table = readFileSync(path.join(ROOT, 'electron/core/cli/main.ts'), 'utf8');
  const names = [...table.slice(table.indexOf('const COMMANDS')).matchAll(/^ {2}'?([a-z-]+)'?: async/gm)].map((m) => m[1]);
  assert.deepEqual([...names, 'help'].sort(), [...COMMANDS].sort());
  assert.equal(cacheNameOf(['export', '--format', '../x']), 'export');
  assert.equal(cacheNameOf(['export', '--template', 'a/b', '--format', 'pdf']), 'export-pdf');
});

test('the built command writes its cache on the first run that succeeds and prints the same on the next', async () => {
  const dist = path.join(ROOT, 'dist', 'core', 'cli');
  assert.ok(existsSync(path.join(dist, 'main.cjs')), 'npm ci builds dist/core/cli/ (npm run build:cli)');
  assert.equal(buildIdOf(readFileSync(path.join(dist, 'main.cjs'), 'utf8')), null, 'the small entry is not cached');
  assert.ok(buildIdOf(readFileSync(path.join(dist, 'commands.cjs'), 'utf8')), 'the commands end with their build line');
  const { dir, env, cacheFiles } = setUp();
  const db = path.join(dir, 'library.db');
  const cli = async (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    try {
      return { code: 0, ...(await run(process.execPath, [path.join(ROOT, 'bin', 'huibian.mjs'), ...args], { env: { ...process.env, HUIBIAN_COMPILED: '1', ...env, ...extra } })) };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  };
  const names = () => cacheFiles().map((f) => path.basename(f).replace(/-[0-9a-f]{8}\.bin$/, ''));
  assert.match((await cli(['--help'])).stdout, /huibian/);
  assert.deepEqual(names(), [], '--help loads no command');
  // a run that fails compiled only part of the command: its cache would serve every later run
  const failed = await cli(['export', '--db', db, '--format', 'docx']);
  assert.equal(failed.code, 2);
  assert.deepEqual(names(), []);
  const first = await cli(['list', '--db', db]);
  assert.equal(first.code, 0);
  assert.deepEqual(names(), ['list']);
  const cache = readFileSync(cacheFiles()[0]!);
  const second = await cli(['list', '--db', db]);
  assert.equal(second.stdout, first.stdout);
  assert.match(second.stdout, /文库是空的/);
  assert.deepEqual(readFileSync(cacheFiles()[0]!), cache, 'a cache that served is not rewritten');
  const off = await cli(['list', '--db', db], { HUIBIAN_CODE_CACHE: '0' });
  assert.equal(off.stdout, first.stdout);
});

test('the code cache and the font cache sit side by side in one user cache folder', () => {
  const saved = process.env.HUIBIAN_CACHE_DIR;
  delete process.env.HUIBIAN_CACHE_DIR;
  try {
    const env = { ...process.env };
    delete env.HUIBIAN_CODE_CACHE;
    delete env.HUIBIAN_CODE_CACHE_DIR;
    assert.equal(path.dirname(codeCacheDir(env)!), path.dirname(fontCacheDir()));
  } finally {
    if (saved !== undefined) process.env.HUIBIAN_CACHE_DIR = saved;
  }
});
