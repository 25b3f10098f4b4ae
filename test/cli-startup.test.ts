/**
 * What each `huibian` command loads before it does any work: the modules reachable through
 * static imports (what must run at start-up), read from esbuild's metafile of the sources
 * scripts/build-cli.mjs bundles. Its CommonJS bundles keep import() lazy (a module reached only
 * through import() runs when it is imported), and the entry holds no command at all
 * (test/cli-code-cache runs `--help` without loading the commands' bundle). The entry reads only the command name; the
 * library commands load the API table but neither the writers nor fontkit (which decodes its
 * Unicode tables as it loads); `--help` and usage errors load no command at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = 'electron/core/cli/';

let meta: Metafile | undefined;
async function metafile(): Promise<Metafile> {
  meta ??= (
    await build({
      absWorkingDir: ROOT,
      entryPoints: [`${CLI}main.ts`],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      write: false,
      outdir: 'out-test',
      metafile: true,
      logLevel: 'silent',
    })
  ).metafile;
  return meta;
}

/** Sources and packages a module needs before it runs: its static imports, transitively. */
async function loadedBefore(entries: string[]): Promise<Set<string>> {
  const { inputs } = await metafile();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of inputs[file]?.imports ?? []) {
      if (i.kind === 'import-statement') visit(i.path);
    }
  };
  for (const e of entries) {
    assert.ok(inputs[e], `${e} is not in the bundle`);
    visit(e);
  }
  return seen;
}

const matching = (loaded: Set<string>, pattern: RegExp): string[] => [...loaded].filter((f) => pattern.test(f));

test('the entry and the usage texts load no command, no API table, no zod', async () => {
  const loaded = await loadedBefore([`${CLI}main.ts`]);
  assert.deepEqual(
    [...loaded].filter((f) => !f.startsWith('node:')).sort(),
    [`${CLI}help.ts`, `${CLI}io.ts`, `${CLI}main.ts`, `${CLI}usage.ts`],
  );
});

test('each command module is reached only through import() from the entry', async () => {
  const { inputs } = await metafile();
  const main = inputs[`${CLI}main.ts`]!.imports;
  for (const command of ['import', 'list', 'export', 'demo', 'fonts', 'status', 'proof', 'team']) {
    const edges = main.filter((i) => i.path === `${CLI}${command}.ts`);
    assert.ok(edges.length > 0, `main.ts does not reach ${command}.ts`);
    assert.ok(
      edges.every((i) => i.kind === 'dynamic-import'),
      `${command}.ts is imported statically`,
    );
  }
});

test('list, search and status with the API table load neither the writers nor fontkit', async () => {
  for (const command of ['list', 'status']) {
    // the command, then the table it imports when it opens the library
    const loaded = await loadedBefore([`${CLI}${command}.ts`, 'electron/core/api/index.ts']);
    assert.ok(loaded.has('better-sqlite3'), 'the library itself is loaded');
    assert.deepEqual(matching(loaded, /^(fontkit|docx|pdfkit|jszip|linkedom)$|export\/(pdf|docx)\/|export\/index\.ts|fonts\/roles\.ts/), [], command);
  }
});

test('the writers are loaded by the export that uses them, not by the export command', async () => {
  const loaded = await loadedBefore([`${CLI}export.ts`, 'electron/core/api/index.ts']);
  assert.deepEqual(matching(loaded, /^(fontkit|docx|pdfkit)$|export\/(pdf|docx)\//), []);
});
