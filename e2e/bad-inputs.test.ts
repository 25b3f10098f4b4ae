/**
 * What an editor meets with bad inputs, in Chromium against the built renderer (1366×768 and
 * 1440×900): a .docx that is a zip of something else, a 0-byte file, a GB18030 draft (which
 * must simply work), a file far over the import limit, review packages whose checksum holds but
 * whose content is broken, and an export on a computer without the standard fonts. Each gives a
 * Chinese message naming the file and what to do, the library is left as it was, and nothing
 * typed in the open case is lost.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { ROOT, screenshot, type Session } from './support/browser.js';
import { FEATURE, openApp, waitSaved } from './support/daily.js';
import { createApi } from '../electron/core/api/index.js';

const GB18030 = path.resolve(ROOT, '../shared/corpus/jinshi-2018-article.gb18030.txt');
const NO_FONTS = path.resolve(ROOT, '../shared/tools/no-system-fonts');
const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-bad-inputs-'));
let session: Session;
let page: Page;

before(async () => {
  session = await openApp();
  page = session.page;
});

after(async () => {
  await session?.close();
});

async function documentCount(): Promise<number> {
  const api = createApi({ dataDir: session.dataDir, transport: 'cli' });
  try {
    return ((await api.dispatch('documents.list', {})) as unknown[]).length;
  } finally {
    api.close();
  }
}

/** The text of the error toast that names `name` (waited for by it, not by position). */
async function toastFor(name: string): Promise<string> {
  const toast = page.locator('.toast.error', { hasText: name }).last();
  await toast.waitFor({ timeout: 30_000 });
  const text = await toast.locator('.toast-text').innerText();
  await toast.getByRole('button', { name: '关闭提示' }).click();
  return text;
}

test('a .docx that is a zip of something else: named, said in Chinese, the English detail behind 详情; nothing imported', async () => {
  const zip = new JSZip();
  zip.file('照片/001.bin', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256)));
  zip.file('说明.txt', '这不是 Word 文件');
  const file = path.join(dir, '案例材料.docx');
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  await page.setInputFiles('input[data-testid=import-input]', file);
  const failure = page.locator('.import-failure', { hasText: '案例材料.docx' });
  await failure.waitFor({ timeout: 30_000 });
  const shown = await failure.evaluate((el) => [...el.childNodes].filter((n) => !(n instanceof HTMLDetailsElement)).map((n) => n.textContent).join(''));
  assert.equal(shown, '“案例材料.docx”没有导入：不是 Word 文档（压缩包中没有 word/document.xml）。');
  assert.ok(!/[A-Za-z]{4,}\s+[a-z]{2,}/.test(shown.replace('word/document.xml', '')), `no English sentence in the message: ${shown}`);
  await failure.locator('summary', { hasText: '详情' }).click();
  assert.match(await failure.locator('code').innerText(), /is a zip archive but not a Word document/);
  assert.ok(await page.getByRole('button', { name: '确认导入' }).isDisabled(), 'nothing to import');
  await screenshot(page, 'bad-inputs-zip-docx-1366');
  await page.getByRole('button', { name: '取消' }).click();
  assert.equal(await documentCount(), 0);
});

test('a 0-byte .docx is named as an empty file', async () => {
  await page.setInputFiles('input[data-testid=import-input]', { name: '空白.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.alloc(0) });
  assert.match(await toastFor('空白.docx'), /^“空白\.docx”是空文件（0 字节），没有可导入的内容。/);
  assert.equal(await documentCount(), 0);
});

test('a GB18030 draft imports as it reads: encoding named, title and text in Chinese', async () => {
  await page.setInputFiles('input[data-testid=import-input]', GB18030);
  await page.waitForSelector('.import-view', { timeout: 30_000 });
  const view = await page.locator('.import-view').innerText();
  assert.match(view, /TXT · GB18030/);
  assert.match(view, /五策五创:成就“五化民政”建设新局的“津市密码”/);
  assert.doesNotMatch(view, /\uFFFD/, 'no replacement characters');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.waitForSelector('.editor-content', { timeout: 30_000 });
  await page.waitForFunction(() => (document.querySelector('.editor-content')?.textContent ?? '').includes('津市'));
  assert.equal(await documentCount(), 1);
});

test('a file far over the import limit is refused unread, named with its size; the page and what was typed survive', async () => {
  // The imported case is open in the editor.
  await page.waitForFunction(() => (document.querySelector('.editor-content')?.textContent ?? '').includes('津市'));
  await page.locator('.editor-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('（编辑补记）');
  // 300 MB on disk (sparse): read into the page as base64 it took Chromium down.
  const huge = path.join(dir, '全年汇总.txt');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 300 * 1024 * 1024);
  closeSync(fd);
  await page.setInputFiles('input[data-testid=import-input]', huge);
  const text = await toastFor('全年汇总.txt');
  assert.match(text, /^“全年汇总\.txt”（300\.0 MB）超过 50\.0 MB 的导入上限，没有读取，库中没有任何改动：请把文件拆成几份/);
  // Still alive, the typed words still there and saved.
  assert.match(await page.locator('.editor-content').innerText(), /（编辑补记）/);
  await waitSaved(page);
  assert.equal(await documentCount(), 1);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.setViewportSize({ width: 1366, height: 768 });
});

/** A package as a faulty tool might write one: the checksum is right, the content is not. */
function faultyPackage(cases: unknown[]): Buffer {
  const body = { format: 'huibian-review', version: 1, collectionId: 'col', collectionTitle: '2021年案例', createdAt: new Date().toISOString(), createdBy: '外审专家', cases };
  const checksum = createHash('sha256').update(JSON.stringify({ ...body, checksum: undefined })).digest('hex');
  return gzipSync(Buffer.from(JSON.stringify({ ...body, checksum })));
}

test('review packages with a case that cannot be read are refused naming the file and the case, not as an internal error', async () => {
  const broken = path.join(dir, '外审第一批.hbreview');
  writeFileSync(broken, faultyPackage([{ name: 'col/a', title: '一门受理', state: Buffer.from('不是协同文档').toString('base64') }]));
  await page.setInputFiles('input[data-testid=review-pack-input]', broken);
  assert.equal(await toastFor('外审第一批.hbreview'), '导入审阅包没有完成：外审第一批.hbreview：审阅包已损坏：其中「一门受理」案例的内容无法读取，整个审阅包未读取');
  const partial = path.join(dir, '外审第二批.hbreview');
  writeFileSync(partial, faultyPackage([{ name: 'col/b' }]));
  await page.setInputFiles('input[data-testid=review-pack-input]', partial);
  assert.equal(await toastFor('外审第二批.hbreview'), '导入审阅包没有完成：外审第二批.hbreview：审阅包已损坏：其中第 1 个案例缺少内容，整个审阅包未读取');
  assert.equal(await page.locator('.review-pack-view').count(), 0);
  assert.equal(await documentCount(), 1);
  assert.deepEqual(session.problems.filter((p) => !/favicon/.test(p) && !/status of 4\d\d/.test(p)), []);
});

/** The loopback server in a process of its own on a computer without system fonts (no-system-fonts), or told to use only the bundled faces where that tool cannot run. */
async function serverWithoutFonts(dataDir: string): Promise<{ child: ChildProcess; url: string; how: string }> {
  const canHide = spawnSync(NO_FONTS, ['true']).status === 0;
  const command = ['node', '--import', 'tsx', 'electron/core/server/cli.ts', '--data-dir', dataDir];
  const env = { ...process.env, HUIBIAN_CACHE_DIR: path.join(dataDir, 'cache'), ...(canHide ? {} : { HUIBIAN_BUNDLED_FONTS: '1' }) };
  const child = canHide ? spawn(NO_FONTS, command, { cwd: ROOT, env }) : spawn(command[0]!, command.slice(1), { cwd: ROOT, env });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const m = /url (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { child, url, how: canHide ? 'no system fonts' : 'bundled faces only' };
}

test('an export where the standard faces are missing is written with stand-ins, and says so in Chinese', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huibian-no-fonts-'));
  const server = await serverWithoutFonts(dataDir);
  const other = await session.context.newPage();
  try {
    await other.setViewportSize({ width: 1440, height: 900 });
    await other.goto(server.url);
    await other.waitForSelector('.app-header');
    await other.setInputFiles('input[data-testid=import-input]', FEATURE);
    await other.waitForSelector('.import-view', { timeout: 30_000 });
    await other.getByRole('button', { name: '确认导入' }).click();
    await other.waitForSelector('.tree-item', { timeout: 30_000 });
    await other.getByRole('button', { name: '排版导出' }).click();
    await other.getByLabel('包括未定稿的案例').check();
    await other.getByRole('button', { name: '导出 PDF', exact: true }).click();
    await other.waitForSelector('.export-done[data-format="pdf"]', { timeout: 180_000 });
    const notes = other.locator('.export-notes[data-format="pdf"]');
    await notes.waitFor();
    if (!(await notes.evaluate((el) => (el as HTMLDetailsElement).open))) await notes.locator('summary').click();
    const stand = await notes.locator('.font-substitutes').innerText();
    assert.match(stand, /^本机没有“方正小标宋简体”.*，PDF 中用替代字体排版（方正小标宋简体 → [^（）]+）。安装这些字体后重新导出即可/, `${server.how}: ${stand}`);
    assert.doesNotMatch(stand, /substitute for/);
    // The report's warnings come along: the feature's photos it did not carry.
    assert.ok((await notes.locator('li').allInnerTexts()).some((t) => /^缺少图片（.+）：图注为 /.test(t)));
    await screenshot(other, 'bad-inputs-no-fonts-export-1440');
    await other.setViewportSize({ width: 1366, height: 768 });
    await screenshot(other, 'bad-inputs-no-fonts-export-1366');
  } finally {
    await other.close();
    server.child.kill('SIGTERM');
  }
});
