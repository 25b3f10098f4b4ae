#!/usr/bin/env node
/* global process, console, performance */
/**
 * Compiles the `huibian` command and the core it runs into plain JavaScript under dist/core/cli/,
 * so a user's `npx huibian …` starts Node on ready code instead of having tsx compile ≈300
 * TypeScript modules on every run (≈0.5 s of each process, measured with --cpu-prof).
 *
 * esbuild, not a hand-written transpile step: it bundles and takes about a second.
 *
 * The command is three CommonJS files: main.cjs, the entry (main.ts: the command name, `--help`,
 * usage errors; a few KB, compiled from source each run); shared.cjs, the usage texts and
 * UsageError that it and the commands share; and commands.cjs, every command and all it loads
 * (3 MB), which bin/code-cache.mjs runs through V8's code cache when main.ts imports a command
 * (Node 20 has no compile cache for ES modules; compiling them was 60–110 ms of every process).
 * The modules stay lazy inside it: one reached only through import() is evaluated when a
 * command imports it, so `huibian list` runs none of the writers' code, and with the cache it
 * deserialises only what it ran before. import() becomes require() (Node 20.19+
 * also requires ES-only packages), so each package is loaded one way only. The pure-JS packages
 * every command's start-up pays for (zod's 95 files, docx, image-size, @noble/hashes) are
 * bundled in, so the cache covers them too; the others, native better-sqlite3 included, stay
 * external and node_modules resolves them at run time as in the source tree.
 *
 * The PDF and import worker entries are built beside it as ES modules with their chunks, where
 * worker.ts and importPool.ts look for them (./worker-thread.js, ./import-worker.js).
 *
 * The output sits at the same depth below the package root as electron/core/cli/, so the
 * modules that find templates/, resources/samples and package.json relative to their own file
 * (import.meta.url, which the CommonJS bundle defines as its own file's URL) find the same
 * folders from the bundle. inputs.json lists the sources the bundle was built from (and the
 * package lock, for the bundled packages): bin/huibian.mjs falls back to the TypeScript sources
 * when any is newer. The bundle ends with its own hash, which keys its code caches.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(root, 'dist', 'core', 'cli');

/**
 * Packages compiled into main.cjs, so that the code cache covers them: each was checked to read
 * no file beside its own modules, or (pdfkit: its standard fonts and ICC profile) to find them
 * through import.meta.url, which ownUrls points at the package's own file.
 */
const BUNDLED = [
  ...['zod', 'docx', 'image-size', '@noble/hashes'],
  // The PDF writer: pdfkit and what it and fontkit load (≈130 ms of every PDF export to require).
  // Not linebreak nor brotli: export/pdf/lazyDeps.ts puts stand-ins for them in Node's module
  // cache (an export never calls them), which only an external require reaches.
  ...['pdfkit', 'fontkit', 'restructure', 'unicode-properties', 'unicode-trie', 'tiny-inflate', 'dfa', 'clone', 'base64-js', 'fast-deep-equal', '@swc/helpers', 'png-js', '@noble/ciphers', 'fflate'],
];

/** import.meta.url in a bundled package's module stays that module's own file (relative to the bundle, so the tree may move). */
export const ownUrls = (outDir) => ({
  name: 'own-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.m?js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const own = `require("node:url").pathToFileURL(require("node:path").join(__dirname, ${JSON.stringify(path.relative(outDir, args.path))})).href`;
      return { contents: text.replaceAll('import.meta.url', own), loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
});

/**
 * Bundled packages that build tables as they load, which an export never reads: fontkit's
 * unicode-properties inflates its Unicode trie (shaping, and the glyph objects fontkit makes for
 * a code point; fonts/metrics.ts looks ids up in the cmap), pdfkit's AES builds its T-tables
 * (encrypted PDFs only). Their importer gets, in their place, functions that load the real module
 * on the first call. Only for importers that just call the exports (checked: fontkit's named
 * imports, pdfkit's cbc/ecb). With fontkit's own shaping tries below, ≈35 ms of a PDF export's
 * start-up in --cpu-prof.
 */
const LAZY = [
  { importer: 'fontkit', specifier: 'unicode-properties' },
  { importer: 'pdfkit', specifier: '@noble/ciphers/aes' },
];

export const lazyTables = {
  name: 'lazy-tables',
  setup(b) {
    for (const { importer, specifier } of LAZY) {
      const filter = new RegExp(`^${specifier.replace(/[/.]/g, '\\$&')}$`);
      b.onResolve({ filter }, async (args) => {
        if (args.pluginData === 'real' || args.namespace === 'huibian-lazy' || !args.importer.includes('node_modules') || packageOf(args.importer.split(/[\\/]node_modules[\\/]/).pop().replaceAll('\\', '/')) !== importer) return undefined;
        const real = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'real' });
        if (real.errors.length) return undefined;
        return { path: real.path, namespace: 'huibian-lazy' };
      });
    }
    b.onLoad({ filter: /.*/, namespace: 'huibian-lazy' }, async (args) => {
      const exports = await import(pathToFileURL(args.path).href);
      // A value export (or the default) is left out: an importer that used one fails the build.
      const names = Object.keys(exports).filter((k) => k !== 'default' && typeof exports[k] === 'function');
      const lines = [`let real;`, `const load = () => (real ??= require(${JSON.stringify(args.path)}));`];
      for (const k of names) lines.push(`export const ${k} = (...a) => load().${k}(...a);`);
      return { contents: lines.join('\n'), loader: 'js', resolveDir: path.dirname(args.path) };
    });
    // fontkit's complex-script shapers (Arabic, Indic, Universal) each inflate a Unicode trie as
    // the module loads; each is made on its first lookup instead. A trie used other than through
    // .get() is left as it is.
    b.onLoad({ filter: /[\\/]node_modules[\\/]fontkit[\\/]dist[\\/]module\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      let changed = 0;
      const contents = text.replace(/^const (\$\w+\$var\$trie) = (new \(0, [\w$]+\)\(.*\));$/gm, (line, name, make) => {
        if (text.split(name).length !== text.split(`${name}.get(`).length + 1) return line;
        changed++;
        return `let ${name}$made; const ${name} = { get: (cp) => (${name}$made ??= ${make}).get(cp) };`;
      });
      return changed ? { contents, loader: 'js', resolveDir: path.dirname(args.path) } : undefined;
    });
  },
};

const packageOf = (specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);

/** Bare specifiers stay external unless their package is in `bundled`. */
const externalsBut = (bundled) => ({
  name: 'externals-but',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('node:') || !bundled.includes(packageOf(args.path)) ? { external: true } : undefined));
  },
});

/**
 * \uXXXX for each non-ASCII UTF-16 unit. esbuild escapes strings and templates itself and the
 * comments are gone, so what is left is in regular expressions (the region names' patterns) or
 * identifiers, where the escape means the same character. One after a backslash would not: the
 * build stops rather than change a pattern.
 */
function asciiOnly(code) {
  return code.replace(/[\u0080-\uffff]/g, (ch, at) => {
    let slashes = 0;
    for (let i = at - 1; code[i] === '\\'; i--) slashes++;
    if (slashes % 2) throw new Error(`main.cjs: non-ASCII character after a backslash at ${at}: ${code.slice(at - 40, at + 10)}`);
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The command modules main.ts imports: in the entry bundle each is commands.cjs, loaded through the code cache. */
const COMMAND_MODULES = /^\.\/(import|list|export|demo|fonts|status|proof|team)\.js$/;
const commandsApart = {
  name: 'commands-apart',
  setup(b) {
    b.onResolve({ filter: COMMAND_MODULES }, (args) => (args.importer.endsWith(path.join('cli', 'main.ts')) ? { path: 'commands', namespace: 'huibian-commands' } : undefined));
    // __huibianLoad is the loader's (bin/code-cache.mjs): it runs a sibling bundle through the cache
    b.onLoad({ filter: /.*/, namespace: 'huibian-commands' }, () => ({ contents: 'module.exports = __huibianLoad("commands.cjs");', loader: 'js' }));
  },
};

/**
 * The usage texts, UsageError and the terminal's io: shared.cjs, one instance that the entry and
 * the commands both require (main.ts tells a usage error by its class).
 */
const SHARED_MODULES = /^\.\/(usage|help|io)\.js$/;
const sharedApart = {
  name: 'shared-apart',
  setup(b) {
    b.onResolve({ filter: SHARED_MODULES }, (args) => (path.dirname(args.importer).endsWith(path.join('core', 'cli')) ? { path: './shared.cjs', external: true } : undefined));
  },
};
const SHARED_ENTRY = ['usage', 'help', 'io'].map((m) => `export * from './${m}.ts';`).join('\n');

/** One module exporting every command's cmd* function, the entry of commands.cjs. */
const COMMANDS_ENTRY = ['import', 'list', 'export', 'demo', 'fonts', 'status', 'proof', 'team'].map((m) => `export * from './${m}.ts';`).join('\n');

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
  const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20.18', sourcemap: 'linked', metafile: true, logLevel: 'warning' };
  const bundled = {
    ...common,
    format: 'cjs',
    // import() as require(): vm.Script runs the bundle, and a package is loaded one way only.
    supported: { 'dynamic-import': false },
    banner: { js: 'var __huibianUrl = require("node:url").pathToFileURL(__filename).href;' },
    // No comments, so that the file is ASCII (see asciiOnly): the loader then reads it as Latin-1
    // in ≈1 ms, where decoding 2.4 MB holding a few Chinese comments as UTF-8 took 20-90 ms every
    // run. Stack traces map back through the .map files; the licences go to *.LEGAL.txt.
    minifyWhitespace: true,
    legalComments: 'external',
    // import.meta.resolve is used only where a module runs from its .ts source.
    define: { 'import.meta.url': '__huibianUrl', 'import.meta.resolve': 'undefined' },
  };
  const results = await Promise.all([
    // The entry: main.ts with the usage texts, all `--help` and a usage error need (≈30 KB).
    build({ ...bundled, entryPoints: { main: 'electron/core/cli/main.ts' }, outfile: path.join(next, 'main.cjs'), plugins: [commandsApart, sharedApart, externalsBut(BUNDLED)] }),
    build({
      ...bundled,
      stdin: { contents: SHARED_ENTRY, resolveDir: path.join(root, 'electron/core/cli'), sourcefile: 'electron/core/cli/shared.ts', loader: 'ts' },
      outfile: path.join(next, 'shared.cjs'),
    }),
    // The commands and all they load, run through the code cache.
    build({
      ...bundled,
      stdin: { contents: COMMANDS_ENTRY, resolveDir: path.join(root, 'electron/core/cli'), sourcefile: 'electron/core/cli/commands.ts', loader: 'ts' },
      outfile: path.join(next, 'commands.cjs'),
      plugins: [sharedApart, lazyTables, externalsBut(BUNDLED), ownUrls(OUT_DIR)],
    }),
    build({
      ...common,
      entryPoints: {
        'worker-thread': 'electron/core/export/pdf/worker-thread.ts',
        'import-worker': 'electron/core/api/handlers/import-worker.ts',
      },
      outdir: next,
      splitting: true,
      format: 'esm',
      packages: 'external',
      chunkNames: 'chunk-[hash]',
    }),
  ]).catch((error) => {
    rmSync(next, { recursive: true, force: true });
    throw error;
  });
  // The commands' last line names their build: code caches are kept per build (bin/code-cache.mjs).
  // The entry, small, is compiled from source each time and carries no build line.
  const commands = path.join(next, 'commands.cjs');
  const code = asciiOnly(readFileSync(commands, 'utf8'));
  writeFileSync(commands, `${code}//# huibian-build ${createHash('sha256').update(code).digest('hex').slice(0, 32)}\n`);
  for (const small of ['main.cjs', 'shared.cjs']) writeFileSync(path.join(next, small), asciiOnly(readFileSync(path.join(next, small), 'utf8')));
  // (the generated entries of commands.cjs and shared.cjs, and the commands' stand-in, are no files)
  const sources = new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)).filter((f) => !f.includes('node_modules/') && existsSync(path.join(root, f))));
  const inputs = [...sources, ...(existsSync(path.join(root, 'package-lock.json')) ? ['package-lock.json'] : [])];
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
