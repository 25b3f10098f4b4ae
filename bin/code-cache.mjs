// Runs the compiled `huibian` command (CommonJS bundles in dist/core/cli/: the small entry
// main.cjs, and commands.cjs, which it loads through here when it runs a command) through V8's
// code cache. Node 20 compiles every module from source on every start (it has no
// module.enableCompileCache); for this command that was ≈60–110 ms of each process, most of a
// one-case export's fixed cost. vm.Script takes the bytecode V8 produced on an earlier run and
// skips parsing and compiling whatever that run compiled; a function the cache lacks is compiled
// lazily as without it.
//
// Each command keeps its own cache (an export compiles the writers, `list` does not), written
// after its first run, once the functions it uses have been compiled. Where: $HUIBIAN_CACHE_DIR,
// else %LOCALAPPDATA%\Huibian\Cache, ~/Library/Caches/Huibian or $XDG_CACHE_HOME/huibian, under
// code/ ($HUIBIAN_CODE_CACHE_DIR names the folder itself: the benchmarks keep theirs apart);
// HUIBIAN_CODE_CACHE=0 turns it off. A cache is used only for the build that wrote it
// (the hash the build appends to the bundle), on the same Node and architecture, when its
// checksum holds; V8 refuses it on its own checks too (its version, flags, the source's length),
// and a refused or unusable cache is rewritten after the run. A cache folder that cannot be read
// or written only means the bundle is compiled from source, as Node would.
import { isAscii } from 'node:buffer';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';

const MAGIC = 'huibian-code-cache 1';
const BUILD_MARK = '\n//# huibian-build ';

/**
 * Where code caches are kept, or null when they are turned off. The user's cache folder is worked
 * out as electron/core/fonts/cache.ts does: this loader runs before any compiled core, so it
 * cannot import it; test/cli-code-cache checks that the two agree.
 */
export function codeCacheDir(env = process.env) {
  if (env.HUIBIAN_CODE_CACHE === '0') return null;
  if (env.HUIBIAN_CODE_CACHE_DIR) return env.HUIBIAN_CODE_CACHE_DIR;
  if (env.HUIBIAN_CACHE_DIR) return path.join(env.HUIBIAN_CACHE_DIR, 'code');
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Huibian', 'Cache')
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches', 'Huibian')
        : path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'huibian');
  return path.join(base, 'code');
}

/** The build's hash, which the build appends as the bundle's last line; null when it is missing. */
export function buildIdOf(source) {
  const at = source.lastIndexOf(BUILD_MARK);
  if (at < 0) return null;
  const id = source.slice(at + BUILD_MARK.length).trim();
  return /^[0-9a-f]{16,64}$/.test(id) ? id : null;
}

/** What a cache must say of itself to be used with this bundle in this process. */
function stamp(build) {
  return { build, node: process.version, v8: process.versions.v8, arch: process.arch };
}

/** The cached bytecode for this build, or undefined when there is none that fits. */
export function readCache(file, build) {
  let raw;
  try {
    raw = readFileSync(file);
  } catch {
    return undefined;
  }
  const nl = raw.indexOf(10);
  if (nl < 0 || nl > 1024) return undefined;
  let head;
  try {
    head = JSON.parse(raw.subarray(0, nl).toString('utf8'));
  } catch {
    return undefined;
  }
  const want = stamp(build);
  if (head.magic !== MAGIC || Object.keys(want).some((k) => head[k] !== want[k])) return undefined;
  const data = raw.subarray(nl + 1);
  if (data.length !== head.bytes || crc32(data) !== head.crc) return undefined;
  return data;
}

/** Writes a cache beside the others, whole or not at all (a concurrent run reads the old one or the new one). */
export function writeCache(file, build, data) {
  const head = Buffer.from(`${JSON.stringify({ magic: MAGIC, ...stamp(build), bytes: data.length, crc: crc32(data) })}\n`);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, Buffer.concat([head, data]));
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // no folder to leave a partial file in
    }
    return false;
  }
}

/**
 * Loads the CommonJS bundle `file` as Node's require would, through the cache named `name`.
 * Returns its exports and save(), to be called once the run has compiled what it needs: it
 * writes the cache when there was none that V8 took. A bundle without a build line (the small
 * entry, main.cjs) is not cached; it may load a sibling bundle through __huibianLoad (the
 * commands, commands.cjs), which is, under the same name, and saved with it.
 */
export function loadBundle(file, name, env = process.env) {
  const bytes = readFileSync(file);
  // The build writes ASCII only, which reads as Latin-1 at memory speed; UTF-8 decoding of the
  // 2 MB bundle cost tens of milliseconds.
  const source = isAscii(bytes) ? bytes.latin1Slice() : bytes.toString('utf8');
  const build = buildIdOf(source);
  const dir = build ? codeCacheDir(env) : null;
  // One cache per command and per install (two checkouts do not overwrite each other's).
  const cacheFile = dir && path.join(dir, `${name}-${crc32(file).toString(16).padStart(8, '0')}.bin`);
  const cachedData = cacheFile ? readCache(cacheFile, build) : undefined;
  const served = cachedData !== undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __huibianLoad) {${source}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const siblings = [];
  const loadSibling = (sibling) => {
    const loaded = loadBundle(path.join(path.dirname(file), sibling), name, env);
    siblings.push(loaded);
    return loaded.exports;
  };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), loadSibling);
  module.loaded = true;
  let saved = false;
  const saveOwn = () => {
    if (!cacheFile) return 'off';
    if (served && !script.cachedDataRejected) return 'used';
    if (saved) return 'written';
    saved = true;
    return writeCache(cacheFile, build, script.createCachedData()) ? 'written' : 'unwritable';
  };
  return {
    exports: module.exports,
    /** 'used', 'written', 'unwritable' or 'off': what became of the cache (the tests read it); of the sibling's, for an entry without one. */
    save() {
      const own = saveOwn();
      const theirs = siblings.map((s) => s.save());
      return own === 'off' && theirs.length ? theirs[theirs.length - 1] : own;
    },
  };
}

/** The commands of electron/core/cli/main.ts (a test keeps the two lists alike), and help. */
export const COMMANDS = ['import', 'list', 'search', 'export', 'demo', 'fonts', 'status', 'proof', 'team-server', 'team-user', 'team', 'review-pack', 'help'];

/** The cache a command line runs under: the command, and for export the format and template it writes (each compiles its own writer). */
export function cacheNameOf(argv) {
  const command = COMMANDS.includes(argv[0]) ? argv[0] : 'main';
  if (command !== 'export') return command;
  const valueOf = (option) => {
    const i = argv.indexOf(option);
    const value = i > 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${option}=`))?.slice(option.length + 1);
    return /^[a-z]{1,12}$/.test(value ?? '') ? value : null;
  };
  return [command, valueOf('--format'), valueOf('--template')].filter(Boolean).join('-');
}
