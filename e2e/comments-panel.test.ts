/**
 * The 批注 panel of a case that is not shared, as an editor meets it at 1366×768: threads are
 * listed in the order of the words they mark, not the order they were made in; a case with
 * threads of this library only says nothing about where they live (no 本机/协作); moving the
 * words moves the thread in the list. (The shared case's one list: e2e/team.test.ts.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot, type Session } from './support/browser.js';
import { openApp, openCase, selectText, waitSaved } from './support/daily.js';
import { createApi } from '../electron/core/api/index.js';
import { blocksToLexical } from '../electron/core/model/lexical.js';

const TITLE = '批注顺序测试';
const LONG_TITLE = '长批注版面测试';
/** The opening sentence of a real case (corpus: jining-2020-shortlist.txt, 邹城). */
const LONG_WORDS = '自2017年12月被民政部确定为全国首批农村社区治理实验区以来，邹城市立足“完善农村社区服务体系、提升农村社区公共服务水平”实验主题，积极推进村委会规范化建设与社区服务体系建设有机融合';
let session: Session;
let page: Page;

before(async () => {
  session = await openApp();
  page = session.page;
  const api = createApi({ dataDir: session.dataDir, transport: 'cli' });
  try {
    const col = (await api.dispatch('collections.create', { title: '批注测试合集' })) as { id: string };
    const made = (await api.dispatch('documents.create', { kind: 'case', collectionId: col.id, meta: { title: TITLE } })) as { document: { id: string } };
    await api.dispatch('documents.save', {
      id: made.document.id,
      editorState: blocksToLexical([
        { type: 'paragraph', content: [{ type: 'text', text: '第一段：建立困难群众救助台账。' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '第二段：推行“一门受理”机制。' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '第三段：形成长效工作制度。' }] },
      ]),
    });
    const long = (await api.dispatch('documents.create', { kind: 'case', collectionId: col.id, meta: { title: LONG_TITLE } })) as { document: { id: string } };
    await api.dispatch('documents.save', { id: long.document.id, editorState: blocksToLexical([{ type: 'paragraph', content: [{ type: 'text', text: `${LONG_WORDS}，创新实施农村社区治理“344”工作模式。` }] }]) });
    await api.dispatch('settings.set', { reviewerName: '审阅甲' });
  } finally {
    api.close();
  }
  await page.reload();
  await page.waitForSelector('.app-header');
});

after(async () => {
  await session?.close();
});

async function comment(words: string, text: string): Promise<void> {
  await selectText(page, words);
  await page.waitForFunction((w) => (window.getSelection()?.toString() ?? '') === w, words);
  await page.getByRole('button', { name: '批注', exact: true }).click();
  await page.getByLabel('批注内容').fill(text);
  await page.getByRole('button', { name: '添加批注' }).click();
  await page.waitForFunction((t) => [...document.querySelectorAll('.thread')].some((el) => el.textContent?.includes(t)), text);
}

const listed = () => page.locator('.comments-panel .thread blockquote').allInnerTexts();

test('threads listed in document order, whatever order they were made in; no 本机/协作 in a case of this library alone', async () => {
  await openCase(page, TITLE);
  await comment('长效工作制度', '请写明制度名称。');
  await comment('一门受理', '请说明受理渠道。');
  await comment('救助台账', '台账多久更新一次？');
  assert.deepEqual(await listed(), ['救助台账', '一门受理', '长效工作制度']);
  assert.equal(await page.locator('.home-tag').count(), 0, 'where they live goes without saying');
  assert.match(await page.getByRole('tab', { name: /批注/ }).innerText(), /批注（3）/);
  await waitSaved(page);
  await screenshot(page, 'comments-order-1366');

  // 解决 and 重新打开 keep the thread in its place; the filter hides what is resolved.
  const middle = page.locator('.thread', { hasText: '请说明受理渠道。' });
  await middle.getByRole('button', { name: '解决', exact: true }).click();
  await page.locator('.thread.resolved', { hasText: '请说明受理渠道。' }).waitFor();
  assert.deepEqual(await listed(), ['救助台账', '一门受理', '长效工作制度']);
  await page.getByLabel(/只看未解决/).check();
  assert.deepEqual(await listed(), ['救助台账', '长效工作制度']);
  await page.getByLabel(/只看未解决/).uncheck();
  await middle.getByRole('button', { name: '重新打开' }).click();
  await page.locator('.thread:not(.resolved)', { hasText: '请说明受理渠道。' }).waitFor();
});

test('moving the marked words moves the thread in the list', async () => {
  // The first paragraph (with its marked words) cut and pasted after the last one, through
  // the editor's own clipboard events (what it puts on the clipboard keeps the marks).
  await page.evaluate(() => {
    const root = document.querySelector('.editor-content') as HTMLElement;
    const first = root.querySelector('.hb-p')!;
    root.focus();
    const range = document.createRange();
    range.selectNodeContents(first);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await page.waitForFunction(() => (window.getSelection()?.toString() ?? '').startsWith('第一段'));
  await page.waitForTimeout(100);
  await page.evaluate(() => {
    const data = new DataTransfer();
    document.querySelector('.editor-content')!.dispatchEvent(new ClipboardEvent('cut', { clipboardData: data, bubbles: true, cancelable: true }));
    (window as unknown as { cutData: Record<string, string> }).cutData = Object.fromEntries(data.types.map((t) => [t, data.getData(t)]));
  });
  await page.waitForFunction(() => !(document.querySelector('.editor-content')?.textContent ?? '').includes('第一段'));
  await page.keyboard.press('Control+End');
  // Lexical learns of a caret moved by a key from the selectionchange event, a task after the
  // key; an Enter pressed before it lands where the caret was (the emptied first paragraph).
  await page.waitForFunction(() => {
    const paragraphs = document.querySelectorAll('.editor-content .hb-p');
    const anchor = window.getSelection()?.anchorNode;
    return !!anchor && !!paragraphs.length && paragraphs[paragraphs.length - 1]!.contains(anchor);
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await page.keyboard.press('Enter');
  await page.evaluate(() => {
    const data = new DataTransfer();
    for (const [t, v] of Object.entries((window as unknown as { cutData: Record<string, string> }).cutData)) data.setData(t, v);
    document.querySelector('.editor-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /形成长效工作制度。\s*第一段/.test(document.querySelector('.editor-content')?.textContent ?? ''));
  await page.waitForFunction(
    () => [...document.querySelectorAll('.comments-panel .thread blockquote')].map((b) => b.textContent).join('|') === '一门受理|长效工作制度|救助台账',
    null,
    { timeout: 10_000 },
  ).catch(async (error: unknown) => {
    throw new Error(`list after the move: ${JSON.stringify(await listed())}`, { cause: error });
  });
  assert.deepEqual(session.problems.filter((p) => !/favicon/.test(p)), []);
});

test('a long quote and a comment with a long web address fit the panel at 1366×768 and 1440×900', async () => {
  await openCase(page, LONG_TITLE);
  const url = 'https://mzj.jining.gov.cn/art/2021/1/30/art_41587_2701234.html?xxgkhide=1&from=timeline';
  await comment(LONG_WORDS, `原文见${url}，请核对年份。`);
  const thread = page.locator('.thread', { hasText: '请核对年份' });
  for (const size of [{ width: 1366, height: 768 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    const box = await thread.evaluate((el) => {
      const quote = el.querySelector('blockquote') as HTMLElement;
      const panel = el.closest('.tab-body') as HTMLElement;
      return {
        overflow: panel.scrollWidth - panel.clientWidth,
        wider: [...el.querySelectorAll<HTMLElement>('*')].filter((c) => c.getBoundingClientRect().right > el.getBoundingClientRect().right + 1).map((c) => c.tagName),
        quoteLines: Math.round(quote.getBoundingClientRect().height / parseFloat(getComputedStyle(quote).lineHeight)),
        quoteTitle: quote.title,
      };
    });
    assert.equal(box.overflow, 0, `${size.width}: the panel scrolls sideways`);
    assert.deepEqual(box.wider, [], `${size.width}: nothing runs past the thread's edge`);
    assert.ok(box.quoteLines <= 3, `${size.width}: the quote takes ${box.quoteLines} lines`);
    assert.equal(box.quoteTitle, LONG_WORDS, 'the whole quote stays readable on hover');
    await screenshot(page, `comments-long-${size.width}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
});
