/**
 * Shared set-up for the browser e2e tests and the editor benchmark: the built renderer
 * served by the real loopback server on a fresh data dir, and Debian's Chromium driven by
 * playwright-core with a fresh profile.
 */
import { mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../electron/core/server/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface Session {
  url: string;
  dataDir: string;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (CSP violations land here). */
  problems: string[];
  close(): Promise<void>;
}

export async function openSession(options: { viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const staticDir = path.join(ROOT, 'out/renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huibian-e2e-data-'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'huibian-e2e-profile-'));
  const server = await startServer({ dataDir, port: 0, staticDir });
  // A fresh profile per run (playwright passes it to Chromium as --user-data-dir).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  // tsx (esbuild keepNames) wraps named functions in page.evaluate callbacks with __name().
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(server.url);
  return {
    url: server.url,
    dataDir,
    context,
    page,
    problems,
    async close() {
      await context.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, dir = ARTIFACTS): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Types text as a Chinese IME does: composition updates through CDP, then the committed text. */
export async function imeType(page: Page, steps: Array<{ pinyin: string[]; commit: string; holdMs?: number }>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const step of steps) {
    for (const partial of step.pinyin) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    }
    // A user hesitating over candidates: long enough for autosave to come due mid-composition.
    if (step.holdMs) await page.waitForTimeout(step.holdMs);
    await cdp.send('Input.insertText', { text: step.commit });
  }
  await cdp.detach();
}
