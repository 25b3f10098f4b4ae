/**
 * Issue 14 points 4 and 7 in Chromium against the built renderer: the library tree and the
 * search results follow ARIA's patterns with arrow keys, focus is visible, Ctrl+F finds in the
 * case and Ctrl+Shift+F goes to 全文搜索; axe-core finds no serious or critical violation on
 * any main screen at 1366×768 and 1440×900 (screenshots of each go to test-artifacts/); the
 * notice editor at 1366×768 folds its 公文要素 into tabs and its preview zooms and pages.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot, type Session } from './support/browser.js';
import { axeSerious, describeViolations, importFeature, openApp, openCase } from './support/daily.js';

let s: Session;
let page: Page;

before(async () => {
  s = await openApp();
  page = s.page;
});

after(() => s?.close());

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
];

/** axe on the screen as it is, at both sizes, with a screenshot of each. */
async function checkScreen(name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await screenshot(page, `screen-${name}-${size.width}`);
    const serious = await axeSerious(page);
    assert.equal(serious.length, 0, `${name} at ${size.width}×${size.height}:\n${describeViolations(serious)}`);
  }
  await page.setViewportSize(SIZES[0]!);
}

const active = () => page.evaluate(() => ({ key: document.activeElement?.getAttribute('data-key') ?? null, label: document.activeElement?.getAttribute('aria-label') ?? null, role: document.activeElement?.getAttribute('role') ?? null, text: document.activeElement?.textContent?.slice(0, 40) ?? '' }));

test('axe: the start page, then the library with an open case', async () => {
  await checkScreen('home');
  await importFeature(page);
  await openCase(page, '建立孤弃儿童养育标准体系');
  await checkScreen('library-editor');
});

test('4: the case tree is one Tab stop, walked with the arrow keys; Enter opens; focus is visible', async () => {
  await page.locator('[role=tree] [role=treeitem][tabindex="0"]').focus();
  const start = await active();
  assert.equal(start.role, 'treeitem');
  assert.equal(await page.locator('[role=tree] [tabindex="0"]').count(), 1, 'one Tab stop in the tree');
  // Home: the first group. From a group with cases: → goes to its first child; ← back to the parent, ← again collapses.
  await page.keyboard.press('Home');
  assert.match((await active()).key ?? '', /^g:/);
  await page.locator('.tree-group[data-group="社会组织"] > .group-head').focus();
  const first = await active();
  assert.match(first.key ?? '', /^g:/);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  assert.notEqual(outline, 'none', 'keyboard focus is drawn');
  await page.keyboard.press('ArrowRight');
  assert.match((await active()).key ?? '', /^s:/);
  await page.keyboard.press('ArrowDown');
  const doc = await active();
  assert.match(doc.key ?? '', /^d:/);
  await page.keyboard.press('ArrowLeft');
  assert.match((await active()).key ?? '', /^s:/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await active()).key, first.key);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((k) => document.querySelector(`[data-key="${k}"]`)?.getAttribute('aria-expanded') === 'false', first.key);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((k) => document.querySelector(`[data-key="${k}"]`)?.getAttribute('aria-expanded') === 'true', first.key);
  // To the city (collapsed a moment ago by ←), open it, and down to its first case.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.match((await active()).key ?? '', /^d:/);
  const title = await page.evaluate(() => document.activeElement?.getAttribute('title'));
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('.doc-title h2')?.textContent === t, title);
});

test('4: Ctrl+Shift+F goes to 全文搜索; the results are a list walked with the arrow keys', async () => {
  await page.locator('.editor-content').click();
  await page.keyboard.press('Control+Shift+F');
  assert.equal((await active()).label, '全文搜索');
  await page.keyboard.type('社会组织');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[role=listbox][aria-label=搜索结果] [role=option]');
  assert.ok((await page.locator('[role=option]').count()) >= 2);
  await page.keyboard.press('ArrowDown');
  assert.equal((await active()).role, 'option');
  const firstHit = (await active()).text;
  await page.keyboard.press('ArrowDown');
  assert.notEqual((await active()).text, firstHit, 'ArrowDown moves to the next hit');
  const title = await page.evaluate(() => document.activeElement?.querySelector('.hit-title')?.textContent);
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('.doc-title h2')?.textContent === t, title);
  await checkScreen('search-results');
  await page.getByRole('button', { name: '清除' }).click();
});

test('4: Ctrl+F finds in the open case, Enter goes to the next match, Esc leaves it selected', async () => {
  await page.locator('.editor-content').click();
  await page.keyboard.press('Control+F');
  await page.waitForSelector('.find-bar');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '查找文字');
  await page.keyboard.type('社会');
  await page.waitForFunction(() => /第 1 \/ \d+ 处/.test(document.querySelector('.find-count')?.textContent ?? ''));
  const total = Number(/\/ (\d+)/.exec((await page.locator('.find-count').innerText()))![1]);
  assert.ok(total >= 2, `several matches (${total})`);
  await page.keyboard.press('Enter');
  assert.match(await page.locator('.find-count').innerText(), /第 2 \//);
  await checkScreen('find-in-case');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.find-bar').count(), 0);
  assert.equal(await page.evaluate(() => window.getSelection()?.toString()), '社会');
});

test('axe: import preview, composer with budgets, revisions and comments panels', async () => {
  await page.getByRole('tab', { name: '版本' }).click();
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await page.waitForSelector('.revisions-panel li[data-revision]');
  await checkScreen('revisions');
  await page.getByRole('tab', { name: /批注/ }).click();
  await checkScreen('comments');
  await page.getByRole('button', { name: '排版导出' }).click();
  await page.waitForSelector('.composer .sections li');
  await page.getByLabel('包括未定稿的案例').check();
  await page.getByRole('button', { name: '生成版面预览' }).click();
  await page.waitForSelector('.page-budgets', { timeout: 120000 });
  await page.waitForSelector('canvas.pdf-page', { timeout: 60000 });
  await checkScreen('composer');
  await page.setInputFiles('input[data-testid=import-input]', (await import('./support/daily.js')).FEATURE);
  await page.waitForSelector('.import-view');
  await checkScreen('import-preview');
  await page.getByRole('button', { name: '取消' }).click();
});

test('7: the notice editor at 1366×768 folds its 公文要素 into tabs; the preview zooms and shows the pages', async () => {
  await page.getByRole('button', { name: '新建通知' }).click();
  await page.waitForSelector('.notice-form');
  assert.equal(await page.locator('.notice-toggle').getAttribute('aria-expanded'), 'true', 'a new notice opens on its fields');
  await page.getByLabel('发文机关标志').fill('山东省民政厅');
  await page.getByLabel('发文字号').fill('鲁民函〔2026〕12号');
  await page.getByLabel('发文字号').blur();
  await page.getByRole('tab', { name: '版记' }).click();
  assert.ok(await page.getByLabel('抄送').isVisible(), 'the 版记 tab shows its fields');
  assert.equal(await page.getByLabel('发文机关标志').count(), 0, 'one group at a time');
  await checkScreen('notice-fields');
  await page.waitForFunction(() => document.querySelector('.save-state')?.textContent === '已保存');
  await page.locator('.notice-toggle').click();
  await page.waitForFunction(() => /山东省民政厅 · 鲁民函〔2026〕12号/.test(document.querySelector('.notice-summary')?.textContent ?? ''));
  const room = await page.locator('.editor-scroll').evaluate((el) => el.clientHeight);
  assert.ok(room >= 420, `the body has room at 1366×768 (${room}px)`);
  await page.locator('.editor-content').click();
  await page.keyboard.type('为做好2026年民政工作创新案例征集工作，现将有关事项通知如下。');
  const small = (await page.locator('.notice-page-frame').boundingBox())!.width;
  await page.getByLabel('预览缩放').selectOption('0.75');
  const large = (await page.locator('.notice-page-frame').boundingBox())!.width;
  assert.ok(large > small * 1.8, `the preview enlarges (${small} → ${large})`);
  await page.getByRole('button', { name: '按页预览' }).click();
  await page.waitForSelector('.paged-preview canvas.pdf-page', { timeout: 60000 });
  await checkScreen('notice-paged-preview');
  await page.locator('.paged-preview').getByRole('button', { name: '关闭' }).click();
  await checkScreen('notice-editor');
});

test('no errors on the console', () => {
  assert.deepEqual(s.problems.filter((p) => !/favicon/.test(p)), []);
});
