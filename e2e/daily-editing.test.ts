/**
 * Issue 14, the editor's daily work in Chromium against the built renderer: nothing typed is
 * lost on reload or restart and the window reopens where it was (point 1); a failed save says
 * so in Chinese, names the case and clears once saving works again (2); Word and WPS paste
 * keep 层次序号, centring and bold (5); revisions can be compared and restored with a
 * confirmation, orphaned comments stay and are labelled (6); 字数 agrees between the status
 * bar and the revisions list (9).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot, type Session } from './support/browser.js';
import { caretAtEnd, openApp, openCase, paste, selectText, waitSaved } from './support/daily.js';

const CASE = '建立孤弃儿童养育标准体系';
let s: Session;
let page: Page;

before(async () => {
  s = await openApp({ feature: '日常编辑测试汇编' });
  page = s.page;
});

after(() => s?.close());

const editorText = () => page.locator('.editor-content').innerText();

test('1: text typed just before a reload is kept; the case, collection and collapsed groups come back after a reload and a restart', async () => {
  await openCase(page, CASE);
  await page.locator('.tree-group[data-group="社会组织"] > .group-head').click();
  await page.waitForFunction(() => document.querySelector('.tree-group[data-group="社会组织"] > .group-head')?.getAttribute('aria-expanded') === 'false');
  await caretAtEnd(page);
  await page.keyboard.type('刷新前一刻输入');
  // No wait for autosave (800 ms): the page goes away at once.
  assert.notEqual(await page.locator('.save-state').innerText(), '已保存');
  await page.reload();
  await page.waitForFunction((t) => document.querySelector('.doc-title h2')?.textContent === t, CASE);
  await page.waitForSelector('.editor-content .hb-p');
  assert.ok((await editorText()).includes('刷新前一刻输入'), 'the last keystrokes survived the reload');
  assert.equal(await page.locator('.tree-group[data-group="社会组织"] > .group-head').getAttribute('aria-expanded'), 'false', 'collapsed group stays collapsed');
  assert.equal(await page.locator('.collection-picker select').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''), '日常编辑测试汇编（14）');

  // A restart: the window closed and opened again (same profile).
  await caretAtEnd(page);
  await page.keyboard.type('关窗前');
  const url = page.url();
  await page.close({ runBeforeUnload: true });
  page = await s.context.newPage();
  await page.goto(url);
  await page.waitForFunction((t) => document.querySelector('.doc-title h2')?.textContent === t, CASE);
  await page.waitForSelector('.editor-content .hb-p');
  assert.ok((await editorText()).includes('关窗前'), 'text typed before closing the window is kept');
  await page.locator('.tree-group[data-group="社会组织"] > .group-head').click();
});

test('2: a failed save shows a Chinese message naming the case, with 详情, and clears once saving works again', async () => {
  await page.route('**/api/documents.save', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'SQLITE_FULL: database or disk is full' } }) }),
  );
  await caretAtEnd(page);
  await page.keyboard.type('保存失败时');
  await page.waitForSelector('.save-error', { timeout: 15000 });
  const text = await page.locator('.save-error').innerText();
  assert.match(text, /保存没有完成/);
  assert.ok(text.includes(`《${CASE}》`), `names the case: ${text}`);
  assert.ok(!/SQLITE|disk/.test(text), 'the technical reason is behind 详情');
  assert.equal(await page.locator('.save-state').innerText(), '保存失败');
  await page.locator('.save-error').getByRole('button', { name: '详情' }).click();
  assert.match(await page.locator('.save-error').innerText(), /SQLITE_FULL/);
  await screenshot(page, 'daily-save-failed-1366');
  await page.unroute('**/api/documents.save');
  // The retry runs by itself; nothing else is typed.
  await waitSaved(page, 20000);
  assert.equal(await page.locator('.save-error').count(), 0, 'the failure notice is gone');
  await page.reload();
  await page.waitForSelector('.editor-content .hb-p');
  assert.ok((await editorText()).includes('保存失败时'), 'the text typed during the failure was saved by the retry');
});

test('5: Word and WPS paste keep 1、 and （1）, and centring and bold on 二、主要成效', async () => {
  await caretAtEnd(page, 1);
  await page.keyboard.press('Enter');
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal{margin:0} --></style></head><body>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:黑体'>二、主要成效<o:p></o:p></span></b></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>养育标准全覆盖。<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>（1）<span>&nbsp;</span></span><![endif]>建立评估机制。<o:p></o:p></p>
</body></html>`;
  await paste(page, word, '二、主要成效\n1、养育标准全覆盖。\n（1）建立评估机制。');
  await page.waitForFunction(() => document.querySelector('.editor-content')?.textContent?.includes('建立评估机制'));
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const wps = `<html><head><style>.p0{font-weight:bold;text-align:center;font-family:'黑体'} .p1{text-indent:2em}</style></head><body>
<p class="p0"><span>三、经验启示</span></p><p class="p1"><span>（2）持续跟踪。</span></p><p class="p1"><span>2、形成制度。</span></p></body></html>`;
  await paste(page, wps, '三、经验启示\n（2）持续跟踪。\n2、形成制度。');
  await page.waitForFunction(() => document.querySelector('.editor-content')?.textContent?.includes('形成制度'));
  const found = await page.evaluate(() => {
    const blocks = Array.from(document.querySelectorAll('.editor-content > *'));
    const block = (t: string) => blocks.find((b) => b.textContent?.startsWith(t));
    const info = (t: string) => {
      const b = block(t);
      return b ? { tag: b.tagName, align: (b as HTMLElement).style.textAlign, bold: Boolean(b.querySelector('.hb-bold, strong, b')), text: b.textContent } : null;
    };
    return { h2: info('二、主要成效'), one: info('1、养育'), paren: info('（1）建立'), h3: info('三、经验启示'), paren2: info('（2）持续'), two: info('2、形成'), lists: document.querySelectorAll('.editor-content ol').length };
  });
  assert.ok(found.h2 && found.h2.align === 'center' && found.h2.bold, `Word heading centred and bold: ${JSON.stringify(found.h2)}`);
  assert.ok(found.one?.tag === 'P' && found.paren?.tag === 'P', `numbering kept as typed: ${JSON.stringify([found.one, found.paren])}`);
  assert.ok(found.h3 && found.h3.align === 'center' && found.h3.bold, `WPS heading centred and bold (class rules): ${JSON.stringify(found.h3)}`);
  assert.ok(found.paren2 && found.two, 'WPS numbering kept');
  assert.ok(!(await editorText()).includes('1.养育'), 'no 1. in place of 1、');
  await waitSaved(page);
});

test('6 and 9: 字数 agrees with the revisions list; two revisions compared; restore asks first; orphaned comments are labelled 原文已删除', async () => {
  await page.getByRole('tab', { name: '版本' }).click();
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await waitSaved(page);
  await page.waitForSelector('.revisions-panel li[data-revision]');
  const status = Number((await page.locator('.char-count').innerText()).replace(/\D/g, ''));
  const listed = Number(/(\d+) 字/.exec(await page.locator('.revisions-panel li[data-revision]').first().innerText())![1]);
  assert.equal(listed, status, `字数 in the revisions list (${listed}) and the status bar (${status})`);

  // A comment on a phrase, then the phrase deleted.
  await selectText(page, '形成制度');
  await page.getByRole('button', { name: '批注', exact: true }).click();
  const name = page.locator('.comment-form').getByLabel('审阅人姓名');
  if (await name.count()) await name.fill('审阅甲');
  await page.getByLabel('批注内容').fill('请补充制度名称。');
  await page.getByRole('button', { name: '添加批注' }).click();
  await page.waitForSelector('.thread');
  await selectText(page, '形成制度');
  await page.keyboard.press('Delete');
  await page.waitForSelector('.thread.orphaned .orphan-tag');
  assert.equal(await page.locator('.thread.orphaned .orphan-tag').innerText(), '原文已删除');
  assert.equal(await page.locator('.thread').count(), 1, 'the thread is kept');
  await waitSaved(page);

  await page.getByRole('tab', { name: '版本' }).click();
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await waitSaved(page);
  await page.waitForFunction(() => document.querySelectorAll('.revisions-panel li[data-revision]').length >= 2);
  const ids = await page.locator('.revisions-panel li[data-revision]').evaluateAll((els) => els.map((e) => e.getAttribute('data-revision')!));
  await page.getByLabel('较早的版本').selectOption(ids[ids.length - 1]!);
  await page.getByLabel('较新的版本').selectOption(ids[0]!);
  await page.getByRole('button', { name: '比较', exact: true }).click();
  await page.waitForSelector('.diff-view');
  const diff = await page.locator('.diff-view').innerText();
  assert.ok(/段有改动/.test(diff), diff);
  assert.ok((await page.locator('.diff-view ins').allInnerTexts()).some((t) => t.includes('关窗前') || t.includes('主要成效')), 'added text marked');
  await screenshot(page, 'daily-revisions-diff-1366');

  // Restore the oldest: cancel first (nothing changes), then confirm.
  const before = await editorText();
  await page.locator(`.revisions-panel li[data-revision="${ids[ids.length - 1]}"]`).getByRole('button', { name: '恢复此版本' }).click();
  const dialog = page.getByRole('dialog');
  assert.match(await dialog.innerText(), /恢复到 .* 的版本？/);
  await dialog.getByRole('button', { name: '取消' }).click();
  assert.equal(await editorText(), before, 'cancel keeps the text');
  await page.locator(`.revisions-panel li[data-revision="${ids[ids.length - 1]}"]`).getByRole('button', { name: '恢复此版本' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '恢复此版本' }).click();
  await page.waitForFunction(() => !document.querySelector('.editor-content')?.textContent?.includes('经验启示'));
});

test('no errors on the console', () => {
  assert.deepEqual(s.problems.filter((p) => !/favicon|status of 500/.test(p)), []);
});
