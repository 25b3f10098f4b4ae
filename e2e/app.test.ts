/**
 * The renderer end to end, in Chromium against the built renderer and the real loopback
 * server on a fresh data dir: import the magazine feature through the file input, check
 * the tree, edit a case (IME composition through CDP, bold, a table, cleaned paste from
 * Word and WPS, punctuation review), reload, comment/reply/resolve, export PDF and DOCX and
 * read both back. Screenshots of each screen go to test-artifacts/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { imeType, ROOT, screenshot, type Session } from './support/browser.js';
import { caretAtEnd, caretAtLast, FEATURE, openApp, selectText } from './support/daily.js';
import { applyFixes } from '../electron/core/proof/index.js';

const EXPECTED = JSON.parse(readFileSync(path.resolve(ROOT, '../shared/corpus/expected/zhongguominzheng-2022-02-feature.json'), 'utf8')) as {
  cases: Array<{ title: string; region: { city: string }; category: string[] }>;
};
const CASE_TITLE = '“泉社彤行”品牌引领社会组织高质量发展';
/** A title as the import leaves it: with the release gate's fixes applied ("村(居)" → "村（居）"). */
const proofed = (title: string) => applyFixes({ kind: 'case', id: 'title', meta: { title }, body: [] }).document.meta.title;
const TYPED = '民政创新';

let s: Session;
let page: Page;

before(async () => {
  s = await openApp({ viewport: { width: 1440, height: 900 } });
  page = s.page;
});

after(() => s?.close());

/** A field of the notice's 公文要素: the form opened and the tab holding the field chosen first. */
async function noticeField(label: string) {
  const group = ['标题', '发文机关标志', '发文字号', '签发人', '主送机关'].includes(label) ? '版头' : ['抄送', '印发机关', '印发日期'].includes(label) ? '版记' : '落款与附件';
  if ((await page.locator('.notice-toggle').getAttribute('aria-expanded')) !== 'true') await page.locator('.notice-toggle').click();
  await page.locator('.notice-groups').getByRole('tab', { name: group }).click();
  return page.getByLabel(label, { exact: true });
}

async function editorText(): Promise<string> {
  return page.locator('.editor-content').innerText();
}

async function waitSaved(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.save-state')?.textContent === '已保存', null, { timeout: 15000 });
}

async function openCase(title: string): Promise<void> {
  await page.locator(`.tree-item[title="${title}"]`).first().click();
  await page.waitForFunction((t) => document.querySelector('.doc-title h2')?.textContent === t, title);
  // The new editor has rendered its text and settled (no save pending from the previous one).
  await page.waitForFunction(() => (document.querySelector('.editor-content .hb-p')?.textContent ?? '').length > 0);
  await page.waitForTimeout(100);
}

async function paste(html: string, plain: string): Promise<void> {
  await page.evaluate(
    ([h, p]) => {
      const data = new DataTransfer();
      data.setData('text/html', h!);
      data.setData('text/plain', p!);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      document.querySelector('.editor-content')!.dispatchEvent(event);
    },
    [html, plain],
  );
  await page.waitForTimeout(150);
}

test('import the magazine feature through the file input: 14 cases under their categories and cities', async () => {
  await screenshot(page, '01-empty-library');
  await page.setInputFiles('input[data-testid=import-input]', FEATURE);
  await page.waitForSelector('.import-view', { timeout: 30000 });
  assert.equal(await page.locator('.import-cases tbody tr').count(), 14);
  await screenshot(page, '02-import-preview');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.waitForSelector('.editor-content', { timeout: 30000 });
  await page.waitForSelector('.tree-item');
  assert.equal(await page.locator('.tree-item').count(), 14);
  for (const c of EXPECTED.cases) {
    const placed = await page.evaluate((title) => {
      const item = Array.from(document.querySelectorAll('.tree-item')).find((el) => el.getAttribute('title') === title);
      if (!item) return null;
      return { group: item.closest('.tree-group')?.getAttribute('data-group'), city: item.closest('.tree-sub')?.getAttribute('data-subgroup') };
    }, proofed(c.title));
    assert.ok(placed, `case "${c.title}" missing from the tree`);
    assert.ok(c.category.includes(placed.group!), `"${c.title}" filed under ${placed.group}, expected one of ${c.category.join('/')}`);
    assert.equal(placed.city, c.region.city, `"${c.title}" under city ${placed.city}`);
  }
  // Group counts add up.
  const counts = await page.$$eval('.group-head .count', (els) => els.map((e) => Number(e.textContent)));
  assert.equal(counts.reduce((a, b) => a + b, 0), 14);
  // A new, empty yearly collection from the sidebar; then back to the imported one.
  const imported = await page.getByLabel('汇编', { exact: true }).inputValue();
  assert.ok(imported, 'the imported collection is selected');
  await page.getByRole('button', { name: '新建汇编' }).click();
  await page.getByLabel('新汇编名称').fill('2022年民政工作创新案例汇编');
  await page.getByRole('button', { name: '创建', exact: true }).click();
  await page.waitForFunction((v) => {
    const select = document.querySelector('select[aria-label="汇编"]') as HTMLSelectElement;
    return select.value !== v && select.selectedOptions[0]?.textContent?.startsWith('2022年民政工作创新案例汇编');
  }, imported);
  await page.waitForFunction(() => document.querySelectorAll('.tree-item').length === 0, null, { timeout: 5000 });
  await page.getByLabel('汇编', { exact: true }).selectOption(imported);
  await page.waitForFunction(() => document.querySelectorAll('.tree-item').length === 14);

  await page.getByRole('button', { name: '按地市' }).click();
  await page.waitForSelector('.tree-group[data-group="济南市"], .tree-group[data-group="济南"]');
  await screenshot(page, '03-library-by-city');
  await page.getByRole('button', { name: '按领域' }).click();
  await page.waitForSelector('.tree-group[data-group="社会组织"]');
});

test('search shows highlighted hits; drag and drop re-files a case; the region picker sets the place', async () => {
  await page.getByLabel('全文搜索').fill('流浪乞讨');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await page.waitForSelector('.search-hits .hit');
  assert.ok((await page.locator('.hit-snippet mark').count()) > 0, 'hits are highlighted');
  assert.ok((await page.locator('.hit-snippet mark').first().innerText()).includes('流浪'));
  await screenshot(page, '03b-search');
  await page.locator('.search-hits .hit').first().click();
  await page.waitForFunction(() => document.querySelector('.doc-title h2')?.textContent?.includes('流浪乞讨'));
  await page.getByRole('button', { name: '清除' }).click();

  const title = '赋能社会组织 开展人民调解';
  const where = () =>
    page.evaluate((t) => {
      const item = Array.from(document.querySelectorAll('.tree-item')).find((el) => el.getAttribute('title') === t);
      return item?.closest('.tree-group')?.getAttribute('data-group') ?? null;
    }, title);
  assert.equal(await where(), '社会组织');
  // Room for the source and the target on one screen (a drag onto a group below the fold scrolls the tree under the mouse).
  await page.locator('.tree-group[data-group="儿童福利"] .group-head').click();
  await page.locator(`.tree-item[title="${title}"]`).dragTo(page.locator('.tree-group[data-group="基层政权和社区治理"] .group-head'));
  await page.waitForFunction((t) => Array.from(document.querySelectorAll('.tree-group[data-group="基层政权和社区治理"] .tree-item')).some((el) => el.getAttribute('title') === t), title, { timeout: 10000 });
  assert.equal(await where(), '基层政权和社区治理');
  await page.locator('.tree-group[data-group="儿童福利"] .group-head').click();

  await openCase(title);
  await page.getByLabel('选择省').selectOption({ label: '山东省' });
  await page.getByLabel('选择市').selectOption({ label: '烟台市' });
  await page.waitForFunction(() => document.querySelector('.region-value')?.textContent === '山东省 烟台市');
  await page.getByLabel('选择县区').selectOption({ label: '蓬莱区' });
  await page.waitForFunction(() => document.querySelector('.region-value')?.textContent === '山东省 烟台市 蓬莱区');
  await page.getByLabel('搜索地区').fill('任城');
  await page.waitForSelector('.region-options li');
  await page.locator('.region-options li', { hasText: '任城区' }).first().click();
  await page.waitForFunction(() => document.querySelector('.region-value')?.textContent?.includes('任城区'));
  assert.equal(await page.locator('.region-value').innerText(), '山东省 济宁市 任城区');
  await page.waitForFunction((t) => Array.from(document.querySelectorAll('.tree-sub[data-subgroup="济宁市"] .tree-item')).some((el) => el.getAttribute('title') === t), title, { timeout: 10000 });
});

test('edit a case: Chinese through IME composition, bold, a table, cleaned Word and WPS paste', async () => {
  await openCase(CASE_TITLE);
  await waitSaved();
  const before = await editorText();
  await caretAtEnd(page, 0);
  await imeType(page, [
    { pinyin: ['m', 'mi', 'min', 'minz', 'minzh', 'minzhe', 'minzhen', 'minzheng'], commit: '民政' },
    { pinyin: ['c', 'ch', 'chu', 'chua', 'chuan', 'chuang', 'chuangx', 'chuangxi', 'chuangxin'], commit: '创新', holdMs: 1500 },
  ]);
  const after1 = await editorText();
  assert.equal(after1.split(TYPED).length - 1, 1, 'the composed text appears exactly once');
  assert.equal(after1.length, before.length + TYPED.length, 'composition neither lost nor duplicated characters');
  assert.ok(!/minzheng|chuangxin/.test(after1), 'no pinyin left behind');

  await selectText(page, TYPED);
  await page.getByRole('button', { name: '加粗 (Ctrl+B)' }).click();
  await page.waitForSelector(`.editor-content .hb-bold:text("${TYPED}")`);

  // A table after the last paragraph.
  await caretAtLast(page);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '表格' }).click();
  await page.waitForSelector('.editor-content table.hb-table');
  await page.locator('.editor-content table.hb-table th').first().click();
  await page.keyboard.type('项目名称');
  await page.locator('.editor-content table.hb-table td').first().click();
  await page.keyboard.type('养老床位');

  // Word clipboard: MsoListParagraph items with typed markers become a real list.
  await caretAtEnd(page, 1);
  await page.keyboard.press('Enter');
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoListParagraph{mso-style-name:"List Paragraph";margin-left:21pt}</style></head><body>
<p class=MsoListParagraphCxSpFirst style='margin-left:18pt;text-indent:-18pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span lang=ZH-CN style='font-family:宋体'>建立台账<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='margin-left:18pt;text-indent:-18pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp; </span></span><![endif]><b>定期回访</b><o:p></o:p></p>
</body></html>`;
  await paste(word, '1. 建立台账\n2. 定期回访');
  const list = page.locator('.editor-content ol.hb-ol');
  await list.first().waitFor();
  assert.deepEqual(await list.first().locator('li').allInnerTexts(), ['建立台账', '定期回访']);
  assert.ok(!(await editorText()).includes('mso-'), 'no Word styles leaked into the text');

  // A web page: the link is kept, script and images are not.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await paste('<div class="article"><p style="color:red">详见<a href="https://www.mca.gov.cn/" target="_blank">民政部网站</a>。</p><script>window.__pwned = 1</script><img src="https://example.com/x.png"></div>', '详见民政部网站。');
  await page.waitForSelector('.editor-content a.hb-link[href="https://www.mca.gov.cn/"]');
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await page.locator('.editor-content img[src^="https:"]').count(), 0, 'no remote image pasted');

  // WPS clipboard: a <style> block and class-driven formatting. Enter twice leaves the list.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const wps = `<html><head><style type="text/css">.p1{font-family:仿宋;font-size:16pt}</style></head><body><p class="p1" style="text-indent:32pt"><span style="font-weight:bold">\u3000\u3000金山文档</span><span>粘贴测试</span></p></body></html>`;
  await paste(wps, '金山文档粘贴测试');
  const text = await editorText();
  assert.ok(text.includes('\n金山文档粘贴测试'), 'pasted as its own paragraph, hand indentation dropped');
  assert.ok(!text.includes('font-family'), 'the WPS <style> block did not become text');
  await page.waitForSelector('.editor-content .hb-bold:text("金山文档")');

  await waitSaved();
  await screenshot(page, '04-editor');
});

test('校对 panel: the import applied the fixes; new half-width marks are underlined, listed, accepted one by one and all at once', async () => {
  // The import already applied the fix-severity findings; type two new slips.
  await caretAtEnd(page, 0);
  await page.keyboard.type('补充说明:本案例经审核,内容属实');
  await page.getByRole('button', { name: '校对', exact: true }).click();
  await page.waitForSelector('.proof-panel .proof-fix li');
  const fixes = await page.locator('.proof-panel .proof-fix li').count();
  assert.ok(fixes >= 2, 'the two typed marks are listed as fixes');
  const underlined = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('proof-fix'));
  assert.equal(underlined, true, 'the findings are underlined in the text');
  await screenshot(page, '05-proof-panel');
  await page.locator('.proof-panel .proof-fix li').first().getByRole('button', { name: '接受' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.proof-panel .proof-fix li').length === n - 1, fixes);
  await page.getByRole('button', { name: '接受全部修改' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.proof-panel .proof-fix li').length === 0);
  const text = await editorText();
  assert.ok(text.includes('补充说明：本案例经审核，内容属实'), 'both marks are full-width now');
  assert.ok(!/[\u4e00-\u9fff][,:][\u4e00-\u9fff]/.test(text), 'no half-width comma or colon left between Han characters');
  assert.ok(/343\.3万元/.test(text), 'decimal numbers untouched');
  await page.getByRole('button', { name: '关闭' }).first().click();
  await waitSaved();
});

test('footnote, image with caption, page break, heading, paragraph role and run-in heading', async () => {
  await caretAtEnd(page, 0);
  await page.getByRole('button', { name: '脚注' }).click();
  await page.getByLabel('脚注内容').first().fill('数据来源：济南市民政局。');
  await page.getByRole('button', { name: '插入', exact: true }).click();
  await page.waitForSelector('.editor-content sup.hb-footnote');

  // A new paragraph: heading, then a body paragraph with a run-in heading and the 附注 role.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Heading text');
  await page.getByLabel('段落格式').selectOption('h3');
  await page.waitForSelector('.editor-content h3.hb-h3');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('RunIn. body after it');
  await selectText(page, 'RunIn.');
  await page.getByRole('button', { name: '段首标题' }).click();
  await page.waitForSelector('.editor-content .hb-run-in');
  await page.getByLabel('段落角色').selectOption('note');
  await page.waitForSelector('.editor-content p[data-role="note"]');

  await page.keyboard.press('End');
  await page.getByRole('button', { name: '分页' }).click();
  await page.waitForSelector('.editor-content .hb-page-break');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  await page.setInputFiles('.toolbar input[type=file]', { name: 'photo.png', mimeType: 'image/png', buffer: png });
  const caption = page.locator('.editor-content .hb-figure img[src^="data:image/png"]').locator('xpath=../figcaption/textarea');
  await caption.waitFor();
  await caption.fill('新图注：社区议事现场');
  await caption.blur();
  await waitSaved();

  await page.reload();
  await page.waitForSelector('.tree-item');
  await openCase(CASE_TITLE);
  assert.equal(await page.locator('.editor-content sup.hb-footnote').count(), 1);
  assert.equal(await page.locator('.editor-content .hb-footnote-mark').getAttribute('aria-label'), '脚注：数据来源：济南市民政局。');
  assert.equal(await page.locator('.editor-content h3.hb-h3').innerText(), 'Heading text');
  assert.equal(await page.locator('.editor-content p[data-role="note"] .hb-run-in').innerText(), 'RunIn.');
  assert.equal(await page.locator('.editor-content .hb-page-break').count(), 1);
  assert.equal(await page.locator('.editor-content .hb-figure:has(img[src^="data:image/png"]) textarea').inputValue(), '新图注：社区议事现场');
});

test('reload: the typed text, bold, table and pasted list are kept', async () => {
  await page.reload();
  await page.waitForSelector('.tree-item');
  await openCase(CASE_TITLE);
  const text = await editorText();
  assert.equal(text.split(TYPED).length - 1, 1);
  await page.waitForSelector(`.editor-content .hb-bold:text("${TYPED}")`);
  assert.ok(await page.locator('.editor-content table.hb-table').count() >= 1);
  assert.ok(text.includes('项目名称') && text.includes('养老床位'));
  assert.deepEqual(await page.locator('.editor-content ol.hb-ol').first().locator('li').allInnerTexts(), ['建立台账', '定期回访']);
  assert.equal(await page.locator('.save-state').innerText(), '已保存');
});

test('review: comment on a selection, reply, resolve; the mark survives a reload', async () => {
  await selectText(page, '五星级党组织');
  await page.getByRole('button', { name: '批注', exact: true }).click();
  await page.waitForSelector('.comment-form');
  await page.getByLabel('审阅人姓名').fill('王审阅');
  await page.getByLabel('批注内容').fill('请核实“五星级”的评定年份。');
  await page.getByRole('button', { name: '添加批注' }).click();
  await page.waitForSelector('.thread');
  assert.ok((await page.locator('.thread blockquote').innerText()).includes('五星级党组织'));
  await page.waitForSelector('.editor-content mark.hb-comment');
  await page.getByLabel('回复内容').fill('已核实，2021年。');
  await page.getByRole('button', { name: '回复', exact: true }).click();
  await page.waitForSelector('.comment.reply');
  await screenshot(page, '06-comments');

  // The mark survives copy and paste (Lexical's own clipboard format carries it) and undo.
  await page.evaluate(() => {
    const root = document.querySelector('.editor-content') as HTMLElement;
    const mark = root.querySelector('mark.hb-comment')!;
    const before = mark.previousSibling!;
    const beforeText = before.nodeType === 3 ? (before as Text) : (before.lastChild as Text);
    const markText = mark.firstChild!.nodeType === 3 ? (mark.firstChild as Text) : (mark.firstChild!.firstChild as Text);
    const range = document.createRange();
    range.setStart(beforeText, beforeText.data.indexOf('5A级'));
    range.setEnd(markText, markText.data.length);
    root.focus();
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await page.waitForTimeout(200);
  const copied = await page.evaluate(async () => {
    const data = new DataTransfer();
    document.querySelector('.editor-content')!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    // Lexical fills the clipboard in its next update, after the event returns.
    for (let i = 0; i < 40 && !data.types.includes('application/x-lexical-editor'); i++) await new Promise((r) => setTimeout(r, 50));
    return Object.fromEntries(data.types.map((t) => [t, data.getData(t)]));
  });
  assert.ok(copied['application/x-lexical-editor']?.includes('"mark"'), `the copy carries the comment mark: ${JSON.stringify(copied).slice(0, 400)}`);
  await caretAtEnd(page, 2);
  await page.evaluate((d) => {
    const data = new DataTransfer();
    for (const [k, v] of Object.entries(d)) data.setData(k, v as string);
    document.querySelector('.editor-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, copied);
  await page.waitForFunction(() => document.querySelectorAll('.editor-content mark.hb-comment').length === 2);
  await page.keyboard.type('xyz');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('.editor-content mark.hb-comment').length === 1);
  assert.equal(await page.locator('.editor-content mark.hb-comment').innerText(), '五星级党组织');
  assert.ok(!(await editorText()).includes('xyz'));
  await waitSaved();

  await page.getByRole('button', { name: '解决' }).click();
  await page.waitForSelector('.thread.resolved');
  await page.getByLabel(/只看未解决/).check();
  assert.equal(await page.locator('.thread').count(), 0);
  await waitSaved();
  await page.reload();
  await page.waitForSelector('.tree-item');
  await openCase(CASE_TITLE);
  assert.equal(await page.locator('.editor-content mark.hb-comment').innerText(), '五星级党组织');
  await page.getByRole('tab', { name: /批注/ }).click();
  await page.waitForSelector('.thread.resolved .comment.reply');
  assert.ok((await page.locator('.reviewer').innerText()).includes('王审阅'));
});

test('revisions: save a version, edit, restore the version', async () => {
  await page.getByRole('tab', { name: '版本' }).click();
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await page.waitForSelector('.revisions-panel li');
  await waitSaved();
  await caretAtEnd(page, 0);
  await page.keyboard.type('TEMP');
  await waitSaved();
  assert.ok((await editorText()).includes('TEMP'));
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await waitSaved();
  await page.waitForFunction(() => document.querySelectorAll('.revisions-panel li').length >= 2);
  await screenshot(page, '06b-revisions');
  // Newest first; among explicit saves (autosaves are marked), the second is the one without TEMP.
  await page.locator('.revisions-panel li').filter({ hasNotText: '自动保存' }).nth(1).getByRole('button', { name: '恢复此版本' }).click();
  // Restoring asks first.
  await page.getByRole('dialog').getByRole('button', { name: '恢复此版本' }).click();
  await page.waitForFunction(() => !document.querySelector('.editor-content')?.textContent?.includes('TEMP'));
  assert.ok((await editorText()).includes(TYPED), 'the restored version keeps the earlier edits');
  await page.waitForSelector('.editor-content mark.hb-comment');
});

test('composer: export PDF and DOCX; both read back with the edits', async () => {
  await page.getByRole('button', { name: '排版导出' }).click();
  await page.waitForSelector('.composer .sections li');
  await screenshot(page, '07-composer');
  // By default only 定稿 cases are exported; none is final here, so the whole collection is asked for.
  assert.ok(await page.getByRole('button', { name: '导出 PDF 和 DOCX' }).isDisabled(), 'nothing final: export waits');
  await page.getByLabel('包括未定稿的案例').check();
  await page.getByRole('button', { name: '导出 PDF 和 DOCX' }).click();
  await page.waitForSelector('.export-done[data-format="docx"]', { timeout: 180000 }).catch(async (error) => {
    const shown = await page.locator('.export-bar').innerText().catch(() => '');
    throw new Error(`export did not finish: ${shown || (error as Error).message}`);
  });
  const paths = await page.$$eval('.export-done a.download-link', (as) => as.map((a) => a.getAttribute('data-path')!));
  const pdf = paths.find((p) => p.endsWith('.pdf'));
  const docx = paths.find((p) => p.endsWith('.docx'));
  assert.ok(pdf && existsSync(pdf), `PDF written (${pdf})`);
  assert.ok(docx && existsSync(docx), `DOCX written (${docx})`);
  const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.ok(pdfText.includes(TYPED), 'the PDF carries the typed text');
  assert.ok(pdfText.includes('项目名称') && pdfText.includes('养老床位'), 'the PDF carries the table');
  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const docxText = xml.replace(/<[^>]+>/g, '');
  assert.ok(docxText.includes(TYPED), 'the DOCX carries the typed text');
  assert.ok(xml.includes('<w:tbl>') && docxText.includes('项目名称'), 'the DOCX carries the table');
  const footnotes = execFileSync('unzip', ['-p', docx, 'word/footnotes.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
  assert.ok(footnotes.includes('数据来源：济南市民政局。'), 'the footnote typed in the editor is a Word footnote');
  assert.ok(docxText.includes('新图注：社区议事现场'), 'the edited caption is in the DOCX');
  // The download link serves the file over the loopback server.
  const href = await page.locator('.export-done[data-format="pdf"] a').getAttribute('href');
  const response = await page.request.get(new URL(href!, s.url).href);
  assert.equal(response.status(), 200);
  assert.equal((await response.body()).subarray(0, 4).toString(), '%PDF');
  await page.getByRole('button', { name: '生成版面预览' }).click();
  await page.waitForSelector('canvas.pdf-page', { timeout: 120000 });
  await page.waitForTimeout(500);
  await screenshot(page, '08-composer-preview');
});

test('notice: 〔〕 enforced in 发文字号, dates without zero padding, live preview', async () => {
  await page.getByRole('button', { name: '新建通知' }).click();
  await page.waitForSelector('.notice-form');
  const set = async (label: string, value: string) => {
    const input = await noticeField(label);
    await input.fill(value);
    await input.blur();
    await page.waitForTimeout(150);
  };
  await set('标题', '关于开展2021年度民政工作创新案例评选的通知');
  await set('发文机关标志', '曲阜市民政局');
  await set('发文字号', '曲民发[2021]11号');
  assert.equal(await (await noticeField('发文字号')).inputValue(), '曲民发〔2021〕11号');
  await set('主送机关', '各镇人民政府、街道办事处：');
  await set('署名', '曲阜市民政局');
  await set('成文日期', '2021-03-05');
  await set('抄送', '市委办公室，市政府办公室。');
  await set('印发机关', '曲阜市民政局办公室');
  await set('印发日期', '2021.3.5');
  await set('附件说明（每行一件，用；分隔）', '评选办法；申报表');
  // A 1×1 red PNG as the seal.
  const seal = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  await noticeField('署名');
  await page.setInputFiles('input[aria-label="印章图片"]', { name: 'seal.png', mimeType: 'image/png', buffer: seal });
  await page.getByRole('button', { name: '移除印章' }).waitFor();
  await waitSaved();
  await page.locator('.editor-content').click();
  await page.keyboard.type('为总结推广基层民政工作经验，现将有关事项通知如下。');
  await page.getByRole('tab', { name: '版面预览' }).click();
  const preview = page.locator('.notice-page');
  await preview.waitFor();
  const shown = await preview.innerText();
  assert.ok(shown.includes('曲民发〔2021〕11号'));
  assert.ok(shown.includes('2021年3月5日'), 'date in Arabic numerals without zero padding');
  assert.ok(shown.includes('抄送：市委办公室，市政府办公室。'));
  assert.ok(shown.includes('为总结推广基层民政工作经验'));
  assert.ok(shown.includes('附件：1. 评选办法') && shown.includes('2. 申报表'), 'attachment list in the preview');
  assert.equal(await preview.locator('img.np-seal').count(), 1, 'the seal is shown');
  await waitSaved();
  await screenshot(page, '09-notice');
  await page.locator('.doc-head').getByRole('button', { name: '导出 PDF 和 DOCX' }).click();
  await page.waitForSelector('.doc-head .export-done[data-format="docx"]', { timeout: 120000 });
  const paths = await page.$$eval('.doc-head .export-done a.download-link', (as) => as.map((a) => a.getAttribute('data-path')!));
  const pdf = paths.find((p) => p.endsWith('.pdf'))!;
  const docx = paths.find((p) => p.endsWith('.docx'))!;
  const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.ok(pdfText.includes('曲民发〔2021〕11号') && pdfText.includes('为总结推广基层民政工作经验'), 'notice PDF carries the fields and body');
  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
  assert.ok(xml.includes('曲民发〔2021〕11号') && xml.includes('2021年3月5日'), 'notice DOCX carries the fields');
});

test('drop a notice draft on the window: it imports as a notice with its fields, filed under 通知', async () => {
  const bytes = readFileSync(path.resolve(ROOT, '../shared/corpus/qufu-2020-notice.txt')).toString('base64');
  await page.evaluate((b64) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'qufu-2020-notice.txt', { type: 'text/plain' }));
    const app = document.querySelector('.app')!;
    app.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    app.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, bytes);
  await page.waitForSelector('.import-view');
  // The kind is a choice the editor can correct; as read, this file is a notice.
  assert.equal(await page.locator('.import-file .kind-select').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent), '通知公文');
  await page.getByRole('button', { name: '确认导入' }).click();
  const title = '曲阜市民政局关于印发《2020年全市民政工作要点》的通知';
  await page.waitForFunction((t) => document.querySelector('.doc-title h2')?.textContent === t, title);
  assert.ok((await (await noticeField('主送机关')).inputValue()).startsWith('各镇街民政办公室'));
  assert.equal(await (await noticeField('署名')).inputValue(), '曲阜市民政局');
  assert.equal(await (await noticeField('成文日期')).inputValue(), '2020年4月8日');
  assert.ok((await editorText()).includes('现将《2020年全市民政工作要点》印发给你们'));
  await page.waitForFunction((t) => Array.from(document.querySelectorAll('.tree-group[data-group="通知"] .tree-item')).some((el) => el.getAttribute('title') === t), title);
  await page.getByRole('tab', { name: '版面预览' }).click();
  await page.waitForSelector('.notice-page .np-body');
  await screenshot(page, '10-imported-notice');

  // The attachment body is edited in its own editor and saved with the notice.
  await page.getByRole('tab', { name: /^附件1：2020年曲阜市民政工作要点/ }).click();
  await page.waitForSelector('.editor-content h1, .editor-content h2, .editor-content h3');
  const attachmentText = await editorText();
  assert.ok(attachmentText.includes('一、严格落实党建、党风廉政建设和意识形态工作责任'), 'the attachment opens in the editor');
  await caretAtEnd(page, 0);
  await page.keyboard.type('ATTACHMENT-EDIT');
  await waitSaved();
  await page.getByRole('tab', { name: '正文', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.editor-content')?.textContent?.includes('现将《2020年全市民政工作要点》印发给你们'));
  await page.reload();
  await page.waitForSelector('.tree-item');
  await page.locator(`.tree-item[title="${title}"]`).click();
  await page.waitForSelector('.part-tabs');
  assert.ok(!(await editorText()).includes('ATTACHMENT-EDIT'), 'the body is untouched');
  await page.getByRole('tab', { name: /^附件1：/ }).click();
  await page.waitForFunction(() => document.querySelector('.editor-content')?.textContent?.includes('ATTACHMENT-EDIT'));
  await page.locator('.doc-head').getByRole('button', { name: '导出 PDF', exact: true }).click();
  await page.waitForSelector('.doc-head .export-done[data-format="pdf"]', { timeout: 120000 });
  const pdf = await page.locator('.doc-head .export-done a.download-link').getAttribute('data-path');
  const text = execFileSync('pdftotext', [pdf!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.ok(text.includes('ATTACHMENT-EDIT'), 'the edited attachment is in the notice PDF');
});

test('the app ran under the server CSP without errors', () => {
  assert.deepEqual(s.problems.filter((p) => !/favicon/.test(p)), []);
});
