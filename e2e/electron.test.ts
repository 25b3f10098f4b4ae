// The real desktop app, driven by Playwright's _electron where Electron's binary exists
// (npm install with internet). Here (ELECTRON_SKIP_BINARY_DOWNLOAD) it is skipped; the shell's
// decisions are covered without Electron by test/shell-*.test.ts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const SKIP_MESSAGE = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); run npm start on a machine with internet';

function electronExecutable(): string | null {
  try {
    const executable = createRequire(import.meta.url)('electron') as unknown;
    return typeof executable === 'string' && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

const executable = electronExecutable();

if (!executable) {
  it('Electron app smoke test', (t) => {
    t.skip(SKIP_MESSAGE);
  });
}

describe('Electron app', { skip: !executable }, () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  before(async () => {
    assert.ok(existsSync(path.join(ROOT, 'out', 'main', 'index.js')), 'run `npm run build` first (npm test does)');
    // The app loads better-sqlite3 built for Electron, as `npm start` makes it.
    // @ts-expect-error plain ESM script without types
    const start = (await import('../scripts/start.mjs')) as {
      BINDING: string;
      nativeBuildIsCurrent(v: string): boolean;
      buildElectronSqlite(v: string): Promise<string>;
    };
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    const binding = start.nativeBuildIsCurrent(version) ? start.BINDING : await start.buildElectronSqlite(version);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'huibian-electron-e2e-'));
    app = await _electron.launch({
      executablePath: executable!,
      args: [ROOT],
      cwd: ROOT,
      env: { ...(process.env as Record<string, string>), HUIBIAN_DATA_DIR: dataDir, HUIBIAN_SQLITE_BINDING: binding },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  after(async () => {
    await app?.close();
    if (dataDir) {
      // Closing the window saved where it was.
      assert.ok(existsSync(path.join(dataDir, 'window-state.json')), 'window state saved on close');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('opens one window titled 汇编 from app://huibian', async () => {
    assert.equal(app.windows().length, 1);
    assert.match(await page.title(), /汇编/);
    assert.match(page.url(), /^app:\/\/huibian\//);
  });

  it('runs the page isolated: the bridge, but no Node', async () => {
    const seen = await page.evaluate(() => ({
      bridge: typeof (window as any).huibian,
      keys: Object.keys((window as any).huibian ?? {}).sort(),
      require: typeof (window as any).require,
      process: typeof (window as any).process,
      module: typeof (window as any).module,
    }));
    assert.deepEqual(seen, {
      bridge: 'object',
      keys: ['call', 'dialogs', 'onMenu', 'pathForFile', 'platform', 'showInFolder'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
    // contextBridge deep-freezes what it exposes: only possible with context isolation on.
    assert.equal(await page.evaluate(() => Object.isFrozen((window as any).huibian) && Object.isFrozen((window as any).huibian.dialogs)), true);
  });

  it('answers the API over IPC, with error codes intact', async () => {
    const info = await page.evaluate(() => (window as any).huibian.call('app.info', {}));
    assert.equal(info.transport, 'ipc');
    assert.equal(path.resolve(info.dataDir), path.resolve(dataDir));
    const error = await page.evaluate(() => (window as any).huibian.call('no.such.method', {}).then(() => null, (e: { code: string; message: string }) => ({ code: e.code, message: e.message })));
    assert.deepEqual(error?.code, 'not-found');
    const invalid = await page.evaluate(() => (window as any).huibian.call('collections.create', { title: '' }).then(() => null, (e: { code: string }) => e.code));
    assert.equal(invalid, 'invalid-input');
    const forged = await page.evaluate(() =>
      (window as any).huibian.call('import.preview', { files: [{ name: 'passwd', path: '/etc/passwd' }] }).then(() => null, (e: { code: string }) => e.code),
    );
    assert.equal(forged, 'forbidden', 'a path the user never chose is refused');
  });

  it('serves the page with the strict CSP and blocks navigation, new windows and remote content', async () => {
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    assert.match(csp ?? '', /script-src 'self'(;|$)/);
    assert.ok(!(csp ?? '').includes('unsafe-eval'));
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    assert.ok(opened);
    const remote = await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'));
    assert.equal(remote, 'blocked');
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    assert.match(page.url(), /^app:\/\/huibian\//);
    assert.equal(app.windows().length, 1);
    const traversal = await page.evaluate(() => fetch('app://huibian/%2e%2e/%2e%2e/package.json').then((r) => r.status));
    assert.ok(traversal >= 400);
  });
});
