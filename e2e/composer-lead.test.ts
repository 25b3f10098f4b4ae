/**
 * The collection's 导语 edited in 排版导出 and printed as the book's 前言: the feature's lead
 * arrives with its import, an editor rewrites a paragraph and adds one, and the PDF exported
 * through the UI (read back with pdftotext) carries the new words on the 前言 page before the
 * 目录, the photo's caption still in place; emptied, the book has no 前言. At 1366×768.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot, type Session } from './support/browser.js';
import { openApp } from './support/daily.js';
import { nonEmptyLines, pdfPageTexts, squash } from '../test/docx-helpers.js';

let session: Session;
let page: Page;

before(async () => {
  session = await openApp({ feature: '年度案例汇编' });
  page = session.page;
  await page.getByRole('button', { name: '排版导出' }).click();
  await page.getByLabel('包括未定稿的案例').check();
});

after(async () => {
  await session?.close();
});

async function exportPdf(): Promise<string[]> {
  await page.getByRole('button', { name: '导出 PDF', exact: true }).click();
  const done = page.locator('.export-done[data-format="pdf"]');
  await done.waitFor({ timeout: 180_000 });
  const file = await done.locator('a.download-link').getAttribute('data-path');
  return pdfPageTexts(file!);
}

const heads = (p: string) => squash(nonEmptyLines(p).slice(0, 2).join(''));

test('the feature’s lead is the book’s 前言; edited in the composer, the PDF prints the new words before the 目录', async () => {
  const box = page.getByLabel('前言（每行一段）');
  const before = await box.inputValue();
  assert.match(before, /^民生无小事，枝叶总关情。/);
  assert.match(await page.locator('.lead-editor').innerText(), /其中另有 1 处图片或表格，保存时保留原位/);
  const lines = before.split('\n');
  await box.fill([lines[0], '本书收录本年度全省优秀创新案例，按业务领域分篇。', ...lines.slice(1, 2)].join('\n'));
  await page.getByRole('button', { name: '保存前言' }).click();
  await page.waitForFunction(() => {
    const b = document.querySelector('.lead-editor button') as HTMLButtonElement | null;
    return b?.disabled === true && b.textContent === '保存前言';
  });
  await screenshot(page, 'composer-lead-1366');
  const pages = await exportPdf();
  const at = pages.findIndex((p) => heads(p).startsWith('前言'));
  const toc = pages.findIndex((p) => heads(p).startsWith('目录'));
  assert.ok(at > 0 && toc > at, `前言 on page ${at + 1}, 目录 on ${toc + 1}`);
  const text = squash(pages[at]!);
  assert.ok(text.includes(squash('本书收录本年度全省优秀创新案例，按业务领域分篇。')), 'the new paragraph');
  assert.ok(text.includes(squash('全国首部关注流浪人员救助工作的宽银幕电影《归路》海报')), 'the photo’s caption kept');
  assert.ok(!squash(pages.join('')).includes(squash('从细处着墨，在实处落笔')) && !text.includes('从细处着墨'), 'the paragraphs taken out are gone');
});

test('emptied, the 导语 is cleared and the book has no 前言', async () => {
  await page.getByLabel('前言（每行一段）').fill('');
  await page.getByRole('button', { name: '保存前言' }).click();
  await page.waitForFunction(() => {
    const b = document.querySelector('.lead-editor button') as HTMLButtonElement | null;
    return b?.disabled === true && b.textContent === '保存前言';
  });
  assert.equal(await page.locator('.lead-editor .muted').count(), 0, `nothing left of it: ${await page.locator('.lead-editor').innerText()}`);
  const pages = await exportPdf();
  assert.ok(!pages.some((p) => heads(p).startsWith('前言')));
  assert.equal(pages.findIndex((p) => heads(p).startsWith('目录')), 2, 'the 目录 on page 3');
  assert.deepEqual(session.problems.filter((p) => !/favicon/.test(p)), []);
});
