// `npm start` (scripts/start.mjs) on a machine without Electron's binary, and the promise
// behind the two better-sqlite3 builds: making the Electron one never touches node_modules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain ESM script without types
import { buildElectronSqlite, findElectron, ROOT } from '../scripts/start.mjs';

const electron = findElectron() as { ok: boolean; reason?: string };
const nodeBuild = path.join(ROOT as string, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const sha1 = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex');

describe('npm start', () => {
  it('without the Electron binary: a clear message, the headless alternative, exit 1', { skip: electron.ok ? 'Electron is installed here; npm start would open the app' : false }, () => {
    const run = spawnSync(process.execPath, [path.join(ROOT as string, 'scripts', 'start.mjs')], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Electron binary is not installed/);
    assert.match(run.stderr, /npx huibian demo/);
    assert.match(run.stderr, /ELECTRON_SKIP_BINARY_DOWNLOAD/);
  });

  it('finds an Electron given by ELECTRON_OVERRIDE_DIST_PATH only when the executable exists', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-electron-dist-'));
    try {
      assert.equal(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: dir }).ok, false);
      const exe = path.join(dir, process.platform === 'win32' ? 'electron.exe' : 'electron');
      writeFileSync(exe, '#!/bin/sh\n');
      chmodSync(exe, 0o755);
      if (process.platform === 'linux') assert.equal(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: dir }).executable, exe);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('building better-sqlite3 for Electron leaves node_modules’ Node build intact and loadable', async () => {
    const before = sha1(nodeBuild);
    const nativeDir = path.join(ROOT as string, '.electron-native', `test-${process.pid}`);
    const electronVersion = JSON.parse(readFileSync(path.join(ROOT as string, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;
    let outcome: string;
    try {
      const binding = (await buildElectronSqlite(electronVersion, { nativeDir, log: () => undefined })) as string;
      // Where the internet is reachable the build succeeds: a different addon than Node's.
      assert.ok(existsSync(binding));
      assert.notEqual(sha1(binding), before);
      outcome = 'built';
    } catch (error) {
      // Offline (as on CI): a message that says what is needed, and no build folder left behind.
      assert.match((error as Error).message, /could not build better-sqlite3 for Electron/);
      assert.ok(!existsSync(path.join(nativeDir, 'build')));
      outcome = 'offline';
    } finally {
      rmSync(nativeDir, { recursive: true, force: true });
    }
    assert.ok(outcome);
    assert.equal(sha1(nodeBuild), before, 'node_modules/better-sqlite3 was not rebuilt in place');
    const Database = createRequire(import.meta.url)('better-sqlite3') as new (f: string) => { prepare(s: string): { get(): unknown }; close(): void };
    const db = new Database(':memory:');
    assert.deepEqual(db.prepare("select sqlite_version() is not null as ok").get(), { ok: 1 });
    db.close();
  });
});
