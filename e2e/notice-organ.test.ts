/**
 * The notice's 发文机关标志 (GB/T 9704-2012 §7.2.4: the name, or the name followed by 文件) as the
 * editor's live preview shows it and as the exported PDF and DOCX print it: the same text in all
 * three (core/model/notice.ts organMark), with or without 文件 as typed, none when left empty.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './support/browser.js';
import { waitSaved } from './support/daily.js';

let s: Session;
let page: Page;

before(async () => {
  s = await openSession({ viewport: { width: 1366, height: 768 } });
  page = s.page;
  await page.waitForSelector('.app-header');
  await page.getByRole('button', { name: '新建通知' }).click();
  await page.waitForSelector('.notice-form');
});

after(async () => {
  await s?.close();
});

async function setField(group: '版头' | '落款与附件', label: string, value: string): Promise<void> {
  if ((await page.locator('.notice-toggle').getAttribute('aria-expanded')) !== 'true') await page.locator('.notice-toggle').click();
  await page.locator('.notice-groups').getByRole('tab', { name: group }).click();
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.blur();
  await waitSaved(page);
}

/** The organ line of the preview, of page 1 of the exported PDF and of the DOCX's HBOrgan paragraph. */
async function printed(): Promise<{ preview: string; pdf: string; docx: string }> {
  await page.getByRole('tab', { name: '版面预览' }).click();
  await page.locator('.notice-page').waitFor();
  const preview = (await page.locator('.notice-page .np-organ').innerText()).trim();
  await page.locator('.doc-head').getByRole('button', { name: '导出 PDF 和 DOCX' }).click();
  await page.waitForSelector('.doc-head .export-done[data-format="docx"]', { timeout: 120000 });
  const paths = await page.$$eval('.doc-head .export-done a.download-link', (as) => as.map((a) => a.getAttribute('data-path')!));
  const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', paths.find((p) => p.endsWith('.pdf'))!, '-'], { encoding: 'utf8' })
    .split('\n').map((l) => l.replace(/\s+/g, '')).find(Boolean) ?? '';
  const xml = execFileSync('unzip', ['-p', paths.find((p) => p.endsWith('.docx'))!, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const organ = /<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="HBOrgan"\/>.*?<\/w:p>/.exec(xml)?.[0] ?? '';
  const docx = [...organ.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { preview, pdf: first, docx };
}

test('the name typed without 文件 is printed without it: preview, PDF and DOCX agree', async () => {
  await setField('版头', '标题', '关于开展2021年度民政工作创新案例评选的通知');
  await setField('版头', '发文字号', '曲民发〔2021〕11号');
  await setField('落款与附件', '署名', '曲阜市民政局');
  await setField('版头', '发文机关标志', '曲阜市民政局');
  assert.deepEqual(await printed(), { preview: '曲阜市民政局', pdf: '曲阜市民政局', docx: '曲阜市民政局' });
});

test('the name typed with 文件 is printed with it, once', async () => {
  await setField('版头', '发文机关标志', '曲阜市民政局文件');
  assert.deepEqual(await printed(), { preview: '曲阜市民政局文件', pdf: '曲阜市民政局文件', docx: '曲阜市民政局文件' });
});

test('left empty: no organ line anywhere (the 署名 does not stand in for it); the 发文字号 comes first', async () => {
  await setField('版头', '发文机关标志', '');
  assert.deepEqual(await printed(), { preview: '', pdf: '曲民发〔2021〕11号', docx: '' });
});

test('no errors on the console', () => {
  assert.deepEqual(s.problems.filter((p) => !/favicon/.test(p)), []);
});
