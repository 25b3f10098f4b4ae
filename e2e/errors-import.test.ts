/**
 * Issue 14 points 2, 3 and 8 in Chromium against the built renderer: every error code of the
 * API table (read from electron/core/api/schema.ts now, not copied here) reaches the user as
 * a Chinese sentence naming what it concerns, with the technical detail behind 详情; an empty
 * file clears the previous preview and is named; a preview with nothing chosen cannot be
 * committed, and an expired one is explained; the preview corrects region (the picker),
 * unit and award and shows a case's text, without cut-off titles or categories; exports get
 * distinct names with collection, template and date.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, screenshot, type Session } from './support/browser.js';
import { FEATURE, openApp, openCase } from './support/daily.js';

let s: Session;
let page: Page;

before(async () => {
  s = await openApp();
  page = s.page;
});

after(() => s?.close());

/** The codes of `export type ApiErrorCode = 'a' | 'b' | …` in the API table as it is now. */
function apiErrorCodes(): string[] {
  const source = readFileSync(path.join(ROOT, 'electron/core/api/schema.ts'), 'utf8');
  const union = /export type ApiErrorCode\s*=([^;]+);/.exec(source);
  assert.ok(union, 'ApiErrorCode is declared in schema.ts');
  const codes = [...union[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  assert.ok(codes.length >= 5, `codes read: ${codes.join(', ')}`);
  return codes;
}

/** What a Chinese message may contain in Latin letters: format names. */
const ALLOWED_LATIN = /\b(TXT|HTML|DOCX|DOC|Markdown|PDF)\b/g;

test('2: every API error code is shown in Chinese, names the collection, and keeps the detail behind 详情', async () => {
  const seen = new Map<string, string>();
  for (const [i, code] of apiErrorCodes().entries()) {
    const title = `错误测试汇编${i + 1}`;
    await page.route('**/api/collections.create', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code, message: `technical detail for ${code}` } }) }),
    );
    await page.getByRole('button', { name: '新建汇编' }).click();
    await page.getByLabel('新汇编名称').fill(title);
    await page.getByRole('button', { name: '创建' }).click();
    const toast = page.locator('.toast.error').last();
    await toast.waitFor();
    const text = await toast.locator('.toast-text').innerText();
    assert.ok(/[\u4e00-\u9fff]/.test(text), `${code}: Chinese (${text})`);
    assert.ok(!/[A-Za-z]{3,}/.test(text.replace(ALLOWED_LATIN, '')), `${code}: no English in the message (${text})`);
    assert.ok(text.includes(`《${title}》`), `${code}: names the collection (${text})`);
    assert.ok(/请|可以/.test(text), `${code}: says what to do (${text})`);
    assert.ok(!seen.has(text), `${code}: its own message, not the one of ${seen.get(text)}`);
    seen.set(text, code);
    await toast.getByRole('button', { name: '详情' }).click();
    assert.equal(await toast.locator('.toast-detail').innerText(), `${code}: technical detail for ${code}`);
    if (i === 0) await screenshot(page, 'errors-toast-1366');
    await toast.getByRole('button', { name: '关闭提示' }).click();
    await page.unroute('**/api/collections.create');
    await page.getByRole('button', { name: '新建汇编' }).click();
  }
});

test('2: an empty file clears the previous preview and is named; nothing chosen cannot be committed; an expired preview is explained', async () => {
  await page.setInputFiles('input[data-testid=import-input]', FEATURE);
  await page.waitForSelector('.import-view');
  await page.setInputFiles('input[data-testid=import-input]', { name: '空白稿.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  const toast = page.locator('.toast.error').last();
  await toast.waitFor();
  const text = await toast.locator('.toast-text').innerText();
  assert.ok(text.includes('“空白稿.txt”') && /空文件/.test(text), text);
  assert.equal(await page.locator('.import-view').count(), 0, 'the previous preview is gone');
  await toast.getByRole('button', { name: '关闭提示' }).click();

  await page.setInputFiles('input[data-testid=import-input]', FEATURE);
  await page.waitForSelector('.import-view');
  const boxes = page.locator('.import-cases tbody input[type=checkbox]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
  assert.ok(await page.getByRole('button', { name: '确认导入' }).isDisabled(), 'nothing to commit');
  assert.match(await page.locator('#import-nothing').innerText(), /请至少勾选一个案例/);
  await boxes.nth(0).check();
  await page.route('**/api/import.commit', (route) =>
    route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'not-found', message: 'this import preview has expired or was already committed: preview the files again' } }) }),
  );
  await page.getByRole('button', { name: '确认导入' }).click();
  const expired = page.locator('.toast.error').last();
  await expired.waitFor();
  assert.match(await expired.locator('.toast-text').innerText(), /导入预览已过期或已经导入过。请重新选择文件导入/);
  await expired.getByRole('button', { name: '关闭提示' }).click();
  await page.unroute('**/api/import.commit');
  await page.getByRole('button', { name: '取消' }).click();
});

test('3: the preview corrects region, unit and award, shows the case text, and cuts off no title or category', async () => {
  await page.setInputFiles('input[data-testid=import-input]', FEATURE);
  await page.waitForSelector('.import-view');
  const row = page.locator('.import-cases tbody tr[data-case="0:0"]');
  const title = await row.getByLabel('第1个案例的标题').inputValue();
  await row.getByLabel('第1个案例的地区').fill('任城');
  await page.locator('.region-options li', { hasText: '任城区' }).first().click();
  assert.equal(await row.locator('.region-now').innerText(), '山东省 济宁市 任城区');
  await row.getByLabel('第1个案例的创新单位').fill('济宁市任城区民政局');
  await row.getByLabel('第1个案例的奖项').fill('优秀案例');
  await row.getByRole('button', { name: new RegExp(`查看.*${title.slice(0, 6)}`) }).click();
  const text = page.locator('.case-text-row .case-text');
  await text.waitFor();
  assert.ok((await text.innerText()).length > 200, 'the case text can be read before committing');
  // Nothing cut off: titles wrap in full, every category fits its box.
  const clipped = await page.evaluate(() => {
    const out: string[] = [];
    for (const ta of Array.from(document.querySelectorAll<HTMLTextAreaElement>('.import-cases .title-input'))) if (ta.scrollHeight > ta.clientHeight + 2 || ta.scrollWidth > ta.clientWidth + 2) out.push(`title: ${ta.value}`);
    const probe = document.createElement('span');
    document.body.appendChild(probe);
    for (const sel of Array.from(document.querySelectorAll<HTMLSelectElement>('.import-cases .col-category select'))) {
      probe.style.font = getComputedStyle(sel).font;
      probe.textContent = sel.selectedOptions[0]?.textContent ?? '';
      if (probe.getBoundingClientRect().width + 20 > sel.clientWidth) out.push(`category: ${probe.textContent} (${Math.round(probe.getBoundingClientRect().width)} in ${sel.clientWidth})`);
    }
    probe.remove();
    return out;
  });
  assert.deepEqual(clipped, []);
  assert.ok(await page.locator('.import-cases select option', { hasText: '基层政权和社区治理' }).count());
  await screenshot(page, 'import-preview-1366');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.waitForSelector('.tree-item');
  await openCase(page, title);
  assert.equal(await page.locator('.region-value').innerText(), '山东省 济宁市 任城区');
  assert.equal(await page.locator('.meta-panel').getByLabel('创新单位').inputValue(), '济宁市任城区民政局');
  assert.equal(await page.locator('.meta-panel').getByLabel('奖项').inputValue(), '优秀案例');
});

test('8: exports in the browser get distinct names with the collection, the template and the date', async () => {
  await page.getByRole('button', { name: '排版导出' }).click();
  await page.waitForSelector('.composer .sections li');
  await page.getByLabel('包括未定稿的案例').check();
  const names: string[] = [];
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: '导出 DOCX' }).click();
    const link = page.locator('.export-done[data-format="docx"] a.download-link');
    await link.waitFor({ timeout: 120000 });
    names.push((await link.getAttribute('download'))!);
    const download = await Promise.all([page.waitForEvent('download'), link.click()]).then(([d]) => d);
    assert.equal(download.suggestedFilename(), names[i]);
  }
  const today = new Date();
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  for (const n of names) assert.match(n, new RegExp(`^.+-案例汇编-${date}-\\d{6}(（\\d+）)?\\.docx$`), n);
  assert.notEqual(names[0], names[1], 'a second export does not overwrite the first');
});

test('no errors on the console', () => {
  assert.deepEqual(s.problems.filter((p) => !/favicon|status of 40\d/.test(p)), []);
});
