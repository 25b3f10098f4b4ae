/**
 * Issue 10, the book end to end in Chromium against the built renderer: the corpus drafts are
 * imported through the file input, all but two cases set to 定稿 at once (Ctrl+click, 设为…),
 * the composer names the two it leaves out and shows the page budgets, the anthology PDF is
 * exported through the UI and read back with pdftotext: every exported case in 地区索引 and
 * 领域索引 carries the folio of the page where it opens (test/support/indexes.ts, shared with
 * test/pdf-indexes), the cases left out are nowhere in the book. Screenshots of the composer at
 * 1366×768 and 1440×900 and the index pages (pdftoppm) go to test-artifacts/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openSession, ROOT, screenshot, type Session } from './support/browser.js';
import type { DocSummary } from '../electron/core/store/rows.js';
import { pdfPageTexts, squash } from '../test/docx-helpers.js';
import { checkIndexes, checkTables, titlePage } from '../test/support/indexes.js';

const DRAFTS = ['zhongguominzheng-2022-02-feature.txt', 'jining-2020-shortlist.txt', 'jinshi-2018-article.txt'].map((f) => path.resolve(ROOT, '../shared/corpus', f));
const BOOK = '民政工作创新案例汇编（终审）';

let s: Session;
let page: Page;
let docs: DocSummary[] = [];
/** The two cases left at 初稿: 泉社彤行 of the feature and another case of 济宁市 (儒乡曲阜, of the shortlist). */
let leftOut: DocSummary[] = [];
let finals: DocSummary[] = [];

before(async () => {
  s = await openSession({ viewport: { width: 1366, height: 768 } });
  page = s.page;
  await page.waitForSelector('.app-header');
});

after(async () => {
  await s?.close();
});

const chip = async (label: string) => Number((await page.locator('.status-chip', { hasText: label }).locator('.count').innerText()).trim());

test('the corpus drafts are imported through the UI into one collection', async () => {
  await page.setInputFiles('input[data-testid=import-input]', DRAFTS);
  await page.waitForSelector('.import-view', { timeout: 30000 });
  await page.getByLabel('新汇编名称').fill(BOOK);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.waitForSelector('.editor-content', { timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll('.tree-item').length === 19, null, { timeout: 30000 });
  docs = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="huibian-token"]')?.content ?? '';
    const r = await fetch('/api/documents.list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-huibian-token': token }, body: JSON.stringify({ filters: { kind: 'case' } }) });
    return ((await r.json()) as { result: DocSummary[] }).result;
  });
  assert.equal(docs.length, 19, '14 cases of the feature, 4 of the shortlist, 1 article');
  assert.equal(new Set(docs.map((d) => d.collectionId)).size, 1, 'one collection');
  const feature = docs.find((d) => d.title.includes('泉社彤行'))!;
  leftOut = [feature, docs.find((d) => d !== feature && d.region?.city === '济宁市')!];
  assert.ok(leftOut.every(Boolean) && leftOut[0] !== leftOut[1], 'two cases to leave out');
  finals = docs.filter((d) => !leftOut.includes(d));
});

test('17 cases set to 定稿 at once; the composer lists the two it leaves out and shows the page budgets', async () => {
  assert.equal(await chip('定稿'), 0);
  for (const d of finals) await page.locator(`.tree-item[data-doc-id="${d.id}"]`).click({ modifiers: ['Control'] });
  assert.match(await page.locator('.pick-bar').innerText(), /已选 17 篇/);
  await page.locator(`.tree-item[data-doc-id="${finals[0]!.id}"]`).click({ button: 'right' });
  await page.getByRole('menu').first().getByRole('menuitem', { name: /把 17 篇设为/ }).click();
  await page.getByRole('menu', { name: /把 17 篇设为/ }).getByRole('menuitem', { name: '定稿' }).click();
  await page.waitForFunction(() => document.querySelector('.status-chip.status-final .count')?.textContent?.trim() === '17');
  assert.equal(await chip('初稿'), 2);

  await page.getByRole('button', { name: '排版导出' }).click();
  await page.waitForSelector('.composer .sections li');
  const scope = page.locator('.export-scope');
  assert.match(await scope.locator('p').first().innerText(), /导出定稿和已报送的 17 篇，未定稿的 2 篇不导出。/);
  await scope.locator('summary', { hasText: '不导出的案例（2）' }).click();
  const listed = (await scope.locator('.scope-list li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.deepEqual(listed.sort(), leftOut.map((d) => `${d.title} 初稿`).sort());

  await page.getByRole('button', { name: '生成版面预览' }).click();
  await page.waitForSelector('.page-budgets', { timeout: 120000 });
  await page.waitForSelector('canvas.pdf-page[data-page="2"]', { timeout: 120000 });
  const budgets = page.locator('.page-budgets');
  const over = await budgets.locator('tr.over-budget').count();
  if (over === 0) assert.equal(await budgets.locator('p').first().innerText(), '17 篇案例都在页数预算之内。');
  else {
    for (const row of await budgets.locator('tr.over-budget').all()) {
      const [title, pages, budget] = await row.locator('td').allInnerTexts();
      assert.ok(finals.some((d) => d.title === title), `${title} is an exported case`);
      assert.ok(Number(pages) > Number(budget), `${title}: ${pages} pages over a budget of ${budget}`);
    }
  }
  await screenshot(page, 'composer-book-budgets-1366');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('.page-budgets').scrollIntoViewIfNeeded();
  await screenshot(page, 'composer-book-budgets-1440');
});

test('the anthology PDF exported through the UI: each case in 地区索引 and 领域索引 carries the folio where it opens', async () => {
  await page.getByRole('button', { name: '导出 PDF', exact: true }).click();
  await page.waitForSelector('.export-done[data-format="pdf"]', { timeout: 180000 }).catch(async (error) => {
    const shown = await page.locator('.export-bar').innerText().catch(() => '');
    throw new Error(`export did not finish: ${shown || (error as Error).message}`);
  });
  const pdf = await page.locator('.export-done[data-format="pdf"] a.download-link').getAttribute('data-path');
  assert.ok(pdf && existsSync(pdf), `PDF written (${pdf})`);
  const pages = await pdfPageTexts(pdf);
  const indexed = finals.map((d) => ({ id: d.id, title: d.title, region: d.region, category: d.category }));
  checkIndexes(pages, 'UI export', indexed, BOOK);
  checkTables(pages, 'UI export', indexed);
  const all = squash(pages.join(''));
  for (const d of leftOut) assert.ok(!all.includes(squash(d.title)), `${d.title} (初稿) is not in the book`);

  // The index pages as a reader sees them.
  mkdirSync(ARTIFACTS, { recursive: true });
  const first = titlePage(pages, '地区索引') + 1;
  const last = titlePage(pages, '附表各地案例统计');
  assert.ok(first > 1 && last >= first, `index pages ${first}–${last}`);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(first), '-l', String(last), pdf, path.join(ARTIFACTS, 'composer-book-index')]);
});

test('no errors on the console', () => {
  assert.deepEqual(s.problems.filter((p) => !/favicon/.test(p)), []);
});
