// The BUILT main bundle (out/main/index.js) run in plain Node against a recording stand-in
// for 'electron' (test/shell/fake-electron.mjs): every registration the shell makes is read
// back and its handlers are called — the app:// handler serves the real renderer build, the
// IPC handler answers from a real library (better-sqlite3's Node build via
// HUIBIAN_SQLITE_BINDING, the same path the Electron build takes).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildMenuTemplate } from '../electron/main/menu-template.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const MAIN = path.join(ROOT, 'out', 'main', 'index.js');
const APP_EVENT = { senderFrame: { url: 'app://huibian/index.html', parent: null } };

type Fake = {
  schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  protocols: Map<string, (r: Request) => Promise<Response>>;
  ipc: Map<string, (event: unknown, ...args: unknown[]) => Promise<any>>;
  windows: Array<any>;
  menu: { template: any[] } | null;
  errors: string[];
  sendFromPage: (webContents: unknown, channel: string, ...args: unknown[]) => void;
  external: string[];
  paths: Map<string, string>;
  permissionRequest: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
  permissionCheck: (...a: unknown[]) => boolean;
  beforeRequest: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
};

let fake: Fake;
let dataDir: string;

before(async () => {
  assert.ok(existsSync(MAIN), 'run `npm run build` first (npm test does)');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'huibian-main-'));
  process.env.HUIBIAN_DATA_DIR = dataDir;
  process.env.HUIBIAN_SQLITE_BINDING = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  delete process.env.ELECTRON_RENDERER_URL;
  register('./shell/electron-loader.mjs', import.meta.url);
  await import(pathToFileURL(MAIN).href);
  fake = (globalThis as any).__huibianFakeElectron as Fake;
  for (let i = 0; i < 200 && fake.windows.length === 0 && fake.errors.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(fake.errors, [], 'the app started without a fatal error');
});

after(async () => {
  // Quitting closes the library (the app's will-quit handler).
  const { app } = (await import(new URL('./shell/fake-electron.mjs', import.meta.url).href)) as { app: { quit(): void; quitCalls: number } };
  app.quit();
  // The first quit is held until the API worker has closed the library, then quits again.
  for (let i = 0; i < 100 && app.quitCalls < 2; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(app.quitCalls, 2, 'quit resumed after the library closed');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('built main process wiring', () => {
  it('registers app:// as a privileged standard, secure scheme, sandboxes every renderer and keeps its data in HUIBIAN_DATA_DIR', async () => {
    const { app } = (await import(new URL('./shell/fake-electron.mjs', import.meta.url).href)) as { app: { sandboxEnabled: boolean; name: string } };
    assert.equal(app.sandboxEnabled, true);
    assert.equal(app.name, 'Huibian');
    const scheme = fake.schemes.find((s) => s.scheme === 'app');
    assert.ok(scheme?.privileges.standard && scheme.privileges.secure);
    assert.equal(fake.paths.get('userData'), dataDir);
  });

  it('opens one window with the secure webPreferences, the CJS preload and app://huibian', () => {
    assert.equal(fake.windows.length, 1);
    const win = fake.windows[0];
    const prefs = win.options.webPreferences;
    assert.deepEqual(
      { contextIsolation: prefs.contextIsolation, sandbox: prefs.sandbox, nodeIntegration: prefs.nodeIntegration, webSecurity: prefs.webSecurity, webviewTag: prefs.webviewTag },
      { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false },
    );
    assert.equal(prefs.preload, path.join(ROOT, 'out', 'preload', 'index.cjs'));
    assert.ok(existsSync(prefs.preload));
    assert.equal(win.options.title, '汇编');
    assert.equal(win.url, 'app://huibian/index.html');
  });

  it('serves the built renderer over app:// with the CSP, and refuses traversal', async () => {
    const handler = fake.protocols.get('app')!;
    const index = await handler(new Request('app://huibian/index.html'));
    assert.equal(index.status, 200);
    assert.equal(await index.text(), readFileSync(path.join(ROOT, 'out', 'renderer', 'index.html'), 'utf8'));
    assert.match(index.headers.get('content-security-policy') ?? '', /script-src 'self';/);
    const escape = await handler(new Request('app://huibian/%2e%2e/%2e%2e/package.json'));
    assert.ok(escape.status >= 400);
  });

  it('registers exactly the bridge channels and answers the API from a real library', async () => {
    assert.deepEqual([...fake.ipc.keys()].sort(), [
      'huibian:api',
      'huibian:dialog-open-drafts',
      'huibian:dialog-save-export',
      'huibian:grant-dropped',
      'huibian:recent-exports',
      'huibian:show-in-folder',
    ]);
    const api = fake.ipc.get('huibian:api')!;
    const info = await api(APP_EVENT, 'app.info', {});
    assert.ok(info.ok, JSON.stringify(info));
    assert.equal(info.result.transport, 'ipc');
    assert.equal(info.result.dataDir, dataDir);
    const created = await api(APP_EVENT, 'collections.create', { title: '2020年度济宁市民政工作创新案例' });
    assert.ok(created.ok, JSON.stringify(created));
    const listed = await api(APP_EVENT, 'collections.list', {});
    assert.deepEqual(listed.result.map((c: { title: string }) => c.title), ['2020年度济宁市民政工作创新案例']);
    assert.ok(existsSync(path.join(dataDir, 'huibian.db')));
    const refused = await api({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'collections.list', {});
    assert.equal(refused.error?.code, 'forbidden');
    const invalid = await api(APP_EVENT, 'collections.create', { title: '' });
    assert.equal(invalid.error?.code, 'invalid-input', 'error codes survive the worker hop');
    // The library lives in the API worker: the main thread never loaded the SQLite addon.
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    assert.ok(!loaded.some((f) => f.includes(`${path.sep}better-sqlite3${path.sep}`)), 'better-sqlite3 stays off the main thread');
  });

  it('locks down navigation, redirects and new windows of every web contents', () => {
    const contents = fake.windows[0].webContents;
    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    assert.equal(navigate('will-navigate', 'https://evil.example/'), true);
    assert.equal(navigate('will-navigate', 'file:///etc/passwd'), true);
    assert.equal(navigate('will-redirect', 'https://evil.example/'), true);
    assert.equal(navigate('will-navigate', 'app://huibian/index.html'), false);
    assert.equal(navigate('will-attach-webview', 'app://huibian/index.html'), true);
    assert.deepEqual(contents.windowOpenHandler({ url: 'https://evil.example/' }), { action: 'deny' });
    assert.deepEqual(contents.windowOpenHandler({ url: 'https://www.mca.gov.cn/' }), { action: 'deny' });
    assert.equal(navigate('will-navigate', 'https://www.gov.cn/zhengce/'), true, 'a plain link is not followed in the window…');
    assert.deepEqual(fake.external, ['https://www.mca.gov.cn/', 'https://www.gov.cn/zhengce/'], '…but allow-listed sites open in the browser, others never');
  });

  it('denies every permission and every request that is not the app', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) fake.permissionRequest({}, permission, (ok) => answers.push(ok));
    assert.deepEqual(answers, [false, false, false, false, false]);
    assert.equal(fake.permissionCheck({}, 'media', 'app://huibian'), false);
    const cancelled = (url: string) => {
      let result: boolean | null = null;
      fake.beforeRequest({ url }, (r) => (result = r.cancel));
      return result;
    };
    assert.equal(cancelled('https://cdn.example.com/x.js'), true);
    assert.equal(cancelled('file:///etc/passwd'), true);
    assert.equal(cancelled('app://huibian/assets/index.js'), false);
  });

  it('installs the menu, whose commands reach the page', () => {
    const template = fake.menu!.template;
    assert.deepEqual(template.map((m: { label: string }) => m.label), ['文件', '编辑', '视图', '帮助']);
    const importItem = template[0].submenu.find((i: { accelerator?: string }) => i.accelerator === 'CmdOrCtrl+O');
    importItem.click();
    assert.deepEqual(fake.windows[0].webContents.sent.at(-1), ['huibian:menu', 'import']);
  });

  it('closing asks the page to save first, then closes and saves the window state', () => {
    const win = fake.windows[0];
    const stateFile = path.join(dataDir, 'window-state.json');
    win.close();
    // The window stays until the page says its unsaved text is saved.
    assert.equal(win.isDestroyed(), false, 'the window waits for the page');
    assert.deepEqual(win.webContents.sent.at(-1), ['huibian:flush-request']);
    assert.equal(existsSync(stateFile), false, 'no state written before the real close');
    // Another page's answer does not close this window.
    fake.sendFromPage({}, 'huibian:flushed');
    assert.equal(win.isDestroyed(), false);
    fake.sendFromPage(win.webContents, 'huibian:flushed');
    assert.equal(win.isDestroyed(), true, 'closed once the page has saved');
    const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
    assert.deepEqual(Object.keys(saved).sort(), ['height', 'maximized', 'width', 'x', 'y']);
  });
});

describe('menu template', () => {
  const items = (template: any[]) => template.flatMap((m) => [m, ...(m.submenu ?? [])]);
  it('has the usual shortcuts and roles', () => {
    const sent: string[] = [];
    const template = buildMenuTemplate({ isDev: false, platform: 'win32', send: (c) => sent.push(c), showAbout: () => sent.push('about') });
    const all = items(template);
    const byAccel = new Map(all.filter((i) => i.accelerator).map((i) => [i.accelerator, i]));
    for (const [accel, command] of [['CmdOrCtrl+O', 'import'], ['CmdOrCtrl+E', 'export'], ['CmdOrCtrl+S', 'save'], ['CmdOrCtrl+F', 'find']]) {
      byAccel.get(accel)!.click();
      assert.equal(sent.at(-1), command);
    }
    const roles = new Set(all.map((i) => i.role).filter(Boolean));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'quit']) assert.ok(roles.has(role), role);
    all.find((i) => i.label === '关于汇编').click();
    assert.equal(sent.at(-1), 'about');
  });

  it('offers developer tools only in development', () => {
    const roles = (isDev: boolean) => items(buildMenuTemplate({ isDev, platform: 'linux', send: () => undefined, showAbout: () => undefined })).map((i) => i.role);
    assert.ok(!roles(false).includes('toggleDevTools') && !roles(false).includes('reload'));
    assert.ok(roles(true).includes('toggleDevTools'));
  });

  it('on macOS puts the app menu first', () => {
    const template = buildMenuTemplate({ isDev: false, platform: 'darwin', send: () => undefined, showAbout: () => undefined });
    assert.deepEqual(template.map((m) => m.label), ['汇编', '文件', '编辑', '视图', '帮助']);
  });
});
