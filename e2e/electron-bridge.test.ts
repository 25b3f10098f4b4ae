// The built renderer as the desktop app runs it, in Debian's Chromium (Electron's binary is
// not available here): pages come through the app:// handler (with its CSP), the REAL built
// preload (out/preload/index.cjs) runs in the page and exposes window.huibian, and its IPC
// goes to the REAL main-process handlers over a real library. Only Electron's transport is
// replaced: contextBridge/ipcRenderer become a Playwright binding, native dialogs a list.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApi, type Api } from '../electron/core/api/index.js';
import { handleAppRequest } from '../electron/main/app-protocol.js';
import { PathGrants } from '../electron/main/file-checks.js';
import { createApiHandler, createDialogHandlers } from '../electron/main/ipc-api.js';
import { CORPUS_DIR } from '../test/fixtures/corpus.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const ORIGIN = 'https://huibian.app.test'; // stands for app://huibian, which only Electron can register
const APP_FRAME = { senderFrame: { url: 'app://huibian/index.html', parent: null } };
const CHROMIUM = '/usr/bin/chromium';

let browser: Browser;
let page: Page;
let api: Api;
let dir: string;
const calls: string[] = [];
const problems: string[] = [];

before(async () => {
  for (const f of ['out/renderer/index.html', 'out/preload/index.cjs']) assert.ok(existsSync(path.join(ROOT, f)), `${f} missing: run npm run build`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-bridge-e2e-'));
  mkdirSync(path.join(dir, 'drafts'));
  const draft = path.join(dir, 'drafts', 'jining-2020-shortlist.txt');
  copyFileSync(path.join(CORPUS_DIR, 'jining-2020-shortlist.txt'), draft);

  api = createApi({ dataDir: path.join(dir, 'library'), transport: 'ipc' });
  const grants = new PathGrants();
  const onApi = createApiHandler({ dispatch: api.dispatch, grants });
  const dialogs = createDialogHandlers({
    grants,
    dialogs: { showOpen: async () => [draft], showSave: async () => null, showItemInFolder: () => undefined, defaultSaveDir: () => dir },
  });
  const channels: Record<string, (...args: unknown[]) => Promise<unknown>> = {
    'huibian:api': (method, input) => onApi(APP_FRAME, method, input),
    'huibian:dialog-open-drafts': () => dialogs.openDrafts(APP_FRAME),
    'huibian:dialog-save-export': (name, format) => dialogs.saveExport(APP_FRAME, name, format),
    'huibian:show-in-folder': (file) => dialogs.showInFolder(APP_FRAME, file),
    'huibian:grant-dropped': (file) => dialogs.grantDropped(APP_FRAME, file),
  };

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.exposeBinding('__electronIpcInvoke', async (_source, channel: string, args: unknown[]) => {
    calls.push(channel === 'huibian:api' ? String(args[0]) : channel);
    const handler = channels[channel];
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(...args);
  });
  const preload = readFileSync(path.join(ROOT, 'out', 'preload', 'index.cjs'), 'utf8');
  // Electron's side of the preload, reduced to what it touches: expose, invoke, menu events.
  await page.addInitScript(`(() => {
    const menuListeners = new Set();
    window.__electronMenu = (command) => { for (const fn of menuListeners) fn({}, command); };
    const electron = {
      contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api) }) },
      ipcRenderer: {
        invoke: (channel, ...args) => window.__electronIpcInvoke(channel, args),
        on: (channel, fn) => { if (channel === 'huibian:menu') menuListeners.add(fn); },
        removeListener: (channel, fn) => menuListeners.delete(fn),
      },
      webUtils: { getPathForFile: () => '' },
    };
    const sandboxRequire = (id) => { if (id !== 'electron') throw new Error('sandboxed preload cannot require ' + id); return electron; };
    const sandboxModule = { exports: {} };
    (function (require, module, exports, process) {
      ${preload}
    })(sandboxRequire, sandboxModule, sandboxModule.exports, { platform: 'linux' });
  })();`);
  await page.route(`${ORIGIN}/**`, async (route) => {
    const res = await handleAppRequest(path.join(ROOT, 'out', 'renderer'), new Request(route.request().url().replace(ORIGIN, 'app://huibian')));
    await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
  });
  // Nothing else may load: the app has no remote content.
  await page.route((url) => !url.href.startsWith(ORIGIN) && !url.href.startsWith('data:') && !url.href.startsWith('blob:'), async (route) => {
    problems.push(`remote request ${route.request().url()}`);
    await route.abort();
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
});

after(async () => {
  await browser?.close();
  api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('renderer over the bridge (built preload + main handlers)', () => {
  it('starts under the app CSP and talks to the API through window.huibian only', async () => {
    await page.waitForTimeout(300);
    assert.ok(calls.length > 0, 'the renderer called the API at start');
    assert.deepEqual(problems, []);
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    assert.match(csp ?? '', /script-src 'self';/);
    assert.equal(await page.evaluate(() => typeof (window as any).require), 'undefined');
  });

  it('imports drafts picked in the (native) open dialog: 导入 → openDrafts → import.preview by path', async () => {
    const before = calls.length;
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('识别出 4 个案例').waitFor({ timeout: 15_000 });
    // Case titles are edited in wrapping text areas (long titles are shown in full).
    const titles = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((i) => i.value));
    assert.ok(titles.includes('济宁泗水“1443工作法”'), titles.join(' | '));
    const made = calls.slice(before);
    assert.ok(made.includes('huibian:dialog-open-drafts'), made.join(' '));
    assert.ok(made.includes('import.preview'), made.join(' '));
    assert.deepEqual(problems, []);
  });

  it('commits the import into the library through the bridge', async () => {
    await page.getByRole('button', { name: '确认导入' }).click();
    for (let i = 0; i < 100 && !calls.includes('import.commit'); i++) await page.waitForTimeout(50);
    await page.waitForTimeout(300);
    const docs = (await api.dispatch('documents.list', {})) as Array<{ title: string; region: { county?: string } | null }>;
    assert.equal(docs.length, 4);
    assert.ok(docs.some((d) => d.title === '济宁泗水“1443工作法”'));
    assert.deepEqual(problems, []);
  });

  it('runs menu commands pushed from the main process', async () => {
    const before = calls.length;
    await page.evaluate(() => (window as any).__electronMenu('import'));
    await page.waitForTimeout(500);
    assert.ok(calls.slice(before).includes('huibian:dialog-open-drafts'));
  });

  it('surfaces API errors with their code, and refuses paths the user never chose', async () => {
    // A string, so that no bundler helper leaks into the page.
    const result = await page.evaluate(`(async () => {
      const b = window.huibian;
      const codeOf = (p) => p.then(() => 'resolved', (e) => (e && e.code) || 'no code');
      return {
        unknown: await codeOf(b.call('no.such.method', {})),
        invalid: await codeOf(b.call('collections.create', { title: '' })),
        forged: await codeOf(b.call('import.preview', { files: [{ name: 'passwd', path: '/etc/passwd' }] })),
        exportOutside: await codeOf(b.call('export.run', { template: 'anthology', format: 'pdf', outPath: '/tmp/evil.pdf' })),
      };
    })()`);
    assert.deepEqual(result, { unknown: 'not-found', invalid: 'invalid-input', forged: 'forbidden', exportOutside: 'forbidden' });
  });
});
