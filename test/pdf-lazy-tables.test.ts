/**
 * scripts/build-cli.mjs's lazy-tables plugin: in the compiled command, fontkit's shaping tries,
 * unicode-properties' trie and pdfkit's AES tables are made on first use, not as the PDF writer
 * loads (≈35 ms of every export's start-up). Bundles fontkit and pdfkit with the plugin as the
 * build does, checks that the rewrite still finds what it rewrites (a new fontkit or pdfkit that
 * it no longer matches fails here, not silently in the bench), and runs the bundle: loading makes
 * none of the tables, and fontkit still shapes and pdfkit still encrypts through the stand-ins.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error the build script is plain JavaScript without types
import { lazyTables, ownUrls } from '../scripts/build-cli.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const FONT = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

test('the PDF writer loads without making its Unicode tries or AES tables, and they work when used', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-lazy-'));
  try {
    const count = path.join(dir, 'count.mjs');
    // Counts the tries made: unicode-trie is bundled too, so its constructor is wrapped in the bundle.
    const entry = [
        `import * as fontkit from 'fontkit';`,
        `import PDFDocument from 'pdfkit';`,
        `import { made } from ${JSON.stringify(count)};`,
        `const atLoad = made.tries;`,
        `const font = fontkit.openSync(${JSON.stringify(FONT)});`,
        `const run = font.layout('民政 abc');`,
        `const doc = new PDFDocument({ userPassword: 'x', pdfVersion: '1.7ext3' });`,
        `doc.on('data', () => {}); doc.rect(0, 0, 10, 10).fill(); doc.end();`,
        `console.log(JSON.stringify({ atLoad, afterUse: made.tries, glyphs: run.glyphs.length }));`,
    ].join('\n');
    writeFileSync(count, 'export const made = { tries: 0 };\n');
    const counting = {
      name: 'count-tries',
      setup(b: {
        onLoad: (o: { filter: RegExp; namespace?: string }, f: (a: { path: string }) => { contents: string; loader: 'js'; resolveDir?: string }) => void;
        onResolve: (o: { filter: RegExp }, f: () => { path: string; namespace: string }) => void;
      }) {
        // pdfkit's own line breaker, which the build leaves external (export/pdf/lazyDeps.ts defers it): not counted here.
        b.onResolve({ filter: /^linebreak$/ }, () => ({ path: 'linebreak', namespace: 'no-linebreak' }));
        b.onLoad({ filter: /.*/, namespace: 'no-linebreak' }, () => ({ contents: 'module.exports = function LineBreaker() { throw new Error(\'linebreak\'); };', loader: 'js' }));
        b.onLoad({ filter: /[\\/]unicode-trie[\\/]index\.js$/ }, (args) => ({
          contents: `${readFileSync(args.path, 'utf8')}\nconst __Real = module.exports; module.exports = function (...a) { require(${JSON.stringify(count)}).made.tries++; return new __Real(...a); };`,
          loader: 'js',
          resolveDir: path.dirname(args.path),
        }));
      },
    };
    const result = await build({
      absWorkingDir: ROOT,
      stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'lazy-entry.mjs', loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: path.join(dir, 'out.cjs'),
      supported: { 'dynamic-import': false },
      plugins: [lazyTables, counting, ownUrls(dir)],
      logLevel: 'silent',
      write: true,
    });
    assert.equal(result.errors.length, 0);
    const code = readFileSync(path.join(dir, 'out.cjs'), 'utf8');
    // fontkit's three shaping tries were rewritten; the two packages replaced by stand-ins.
    assert.equal(code.match(/\$var\$trie\$made \?\?=/g)?.length, 3, 'fontkit shaping tries made lazily');
    assert.match(code, /huibian-lazy:.*unicode-properties/);
    assert.match(code, /huibian-lazy:.*@noble[\\/]ciphers/);
    const out = JSON.parse(execFileSync(process.execPath, [path.join(dir, 'out.cjs')], { cwd: ROOT, encoding: 'utf8' }));
    assert.equal(out.atLoad, 0, 'no trie made as fontkit and pdfkit load');
    assert.ok(out.afterUse >= 1, 'shaping made the tries it needed');
    assert.equal(out.glyphs, 6);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
