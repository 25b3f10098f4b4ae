/**
 * Helpers the browser e2e files share: opening the app, importing the magazine feature,
 * opening a case, waiting for 已保存, caret and selection placement, clipboard paste, axe-core.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openSession, ROOT, type Session } from './browser.js';

export const FEATURE = path.resolve(ROOT, '../shared/corpus/zhongguominzheng-2022-02-feature.txt');

/**
 * A fresh session on the built renderer with the app shell up (at 1366×768, the smallest
 * screen the offices use, unless a test file asks otherwise) and, with `feature`, the
 * magazine feature imported (a string names its new collection).
 */
export async function openApp(options: { viewport?: { width: number; height: number }; feature?: boolean | string } = {}): Promise<Session> {
  const session = await openSession({ viewport: options.viewport ?? { width: 1366, height: 768 } });
  await session.page.waitForSelector('.app-header');
  if (options.feature) await importFeature(session.page, typeof options.feature === 'string' ? options.feature : undefined);
  return session;
}

export async function importFeature(page: Page, collectionTitle?: string): Promise<void> {
  await page.setInputFiles('input[data-testid=import-input]', FEATURE);
  await page.waitForSelector('.import-view', { timeout: 30000 });
  if (collectionTitle) await page.getByLabel('新汇编名称').fill(collectionTitle);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.waitForSelector('.editor-content', { timeout: 30000 });
  await page.waitForSelector('.tree-item');
}

export async function openCase(page: Page, title: string): Promise<void> {
  await page.locator(`.tree-item[title="${title}"]`).first().click();
  await page.waitForFunction((t) => document.querySelector('.doc-title h2')?.textContent === t, title);
  await page.waitForFunction(() => (document.querySelector('.editor-content .hb-p')?.textContent ?? '').length > 0);
}

export async function waitSaved(page: Page, timeout = 15000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.save-state')?.textContent === '已保存', null, { timeout });
}

/** Caret at the end of the editor's first body paragraph (DOM selection; Lexical follows it). */
export async function caretAtEnd(page: Page, index = 0): Promise<void> {
  // Under load the editor may not have rendered that paragraph's text yet when the case opens.
  await page.waitForFunction(
    (i) => (Array.from(document.querySelector('.editor-content')?.children ?? []).filter((el) => el.classList.contains('hb-p'))[i]?.textContent ?? '').length > 0,
    index,
  );
  await page.evaluate((i) => {
    const root = document.querySelector('.editor-content') as HTMLElement;
    const p = Array.from(root.children).filter((el) => el.classList.contains('hb-p'))[i]!;
    // Resolves once the selectionchange that Lexical reads has been handled (or at most 300 ms).
    const taken = new Promise((resolve) => {
      document.addEventListener('selectionchange', () => setTimeout(resolve, 20), { once: true });
      setTimeout(resolve, 300);
    });
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    while (walker.nextNode()) last = walker.currentNode as Text;
    root.focus();
    const range = document.createRange();
    range.setStart(last!, last!.length);
    range.collapse(true);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    return taken;
  }, index);
  await page.waitForFunction(() => document.activeElement?.classList.contains('editor-content'));
}

/**
 * Caret at the end of the editor's last body paragraph. A key pressed before Lexical has read
 * the new DOM selection acts where the old one was (a selected word is replaced).
 */
export async function caretAtLast(page: Page): Promise<void> {
  const last = await page.evaluate(() => document.querySelectorAll('.editor-content > .hb-p').length - 1);
  await caretAtEnd(page, last);
}

export async function selectText(page: Page, text: string): Promise<void> {
  const found = await page.evaluate((t) => {
    const root = document.querySelector('.editor-content') as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(t);
      if (at >= 0) {
        root.focus();
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + t.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return true;
      }
    }
    return false;
  }, text);
  assert.ok(found, `text "${text}" not found in the editor`);
  await page.waitForTimeout(80);
}

/** Dispatches a paste with the HTML and plain text Word or WPS put on the clipboard. */
export async function paste(page: Page, html: string, plain: string): Promise<void> {
  await page.evaluate(
    ([h, p]) => {
      const data = new DataTransfer();
      data.setData('text/html', h!);
      data.setData('text/plain', p!);
      document.querySelector('.editor-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, plain],
  );
}

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2 A/AA rules). */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') would refuse a script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(list: AxeViolation[]): string {
  return list.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`).join('\n  ')}`).join('\n');
}
