/**
 * The library and the case lifecycle in Chromium against the built renderer. Issue 14 point 9:
 * the tree scrolls while dragging, a move can be undone, 济宁 finds 济宁市, an empty filtered
 * list says so, the reviewer name can be changed. Issue 10: a case set to 定稿 cannot be
 * edited, is reopened with a reason, a case is deleted (confirmation naming it, from the
 * context menu and with the Delete key) and the deletion undone; counts by status follow.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, screenshot, type Session } from './support/browser.js';
import { caretAtEnd, FEATURE, openApp, openCase } from './support/daily.js';

const EXPECTED = JSON.parse(readFileSync(path.resolve(ROOT, '../shared/corpus/expected/zhongguominzheng-2022-02-feature.json'), 'utf8')) as { cases: Array<{ region: { city?: string } }> };
const JINING = EXPECTED.cases.filter((c) => c.region.city === '济宁市').length;

let s: Session;
let page: Page;

before(async () => {
  s = await openApp({ feature: true });
  page = s.page;
});

after(() => s?.close());

const groupOf = (title: string) =>
  page.evaluate((t) => document.querySelector(`.tree-item[title="${t}"]`)?.closest('.tree-group')?.getAttribute('data-group') ?? null, title);
const chip = async (label: string) => Number((await page.locator('.status-chip', { hasText: label }).locator('.count').innerText()).trim());

test('9: the tree scrolls while a case is dragged near its edge; the move is undone from the notice', async () => {
  const title = '建立孤弃儿童养育标准体系';
  const tree = page.locator('.sidebar .tree');
  await tree.evaluate((el) => (el.scrollTop = 0));
  assert.ok(await tree.evaluate((el) => el.scrollHeight > el.clientHeight), 'the tree is taller than the sidebar at 1366×768');
  const item = (await page.locator(`.tree-item[title="${title}"]`).boundingBox())!;
  const box = (await tree.boundingBox())!;
  await page.mouse.move(item.x + 80, item.y + item.height / 2);
  await page.mouse.down();
  await page.mouse.move(item.x + 80, item.y + item.height / 2 + 30);
  const head = page.locator('.tree-group[data-group="综合"] > .group-head');
  assert.ok((await head.boundingBox())!.y > box.y + box.height, 'the target group starts out of sight');
  // Held near the bottom edge, the drag scrolls the tree until the target comes into view.
  for (let i = 0; i < 120 && (await head.boundingBox())!.y + 30 > box.y + box.height - 40; i++) await page.mouse.move(box.x + 120, box.y + box.height - 4 - (i % 2));
  const scrolled = await tree.evaluate((el) => el.scrollTop);
  assert.ok(scrolled > 0, `the tree scrolled while dragging (${scrolled})`);
  const target = (await head.boundingBox())!;
  assert.ok(target.y + target.height <= box.y + box.height, 'the target group is in view');
  await page.mouse.move(target.x + 40, target.y + target.height / 2);
  await page.mouse.up();
  await page.waitForFunction((t) => document.querySelector(`.tree-item[title="${t}"]`)?.closest('.tree-group')?.getAttribute('data-group') === '综合', title);
  const notice = page.locator('.toast.info').last();
  assert.match(await notice.innerText(), /已把《建立孤弃儿童养育标准体系》移到“综合”/);
  await notice.getByRole('button', { name: '撤销' }).click();
  await page.waitForFunction((t) => document.querySelector(`.tree-item[title="${t}"]`)?.closest('.tree-group')?.getAttribute('data-group') === '儿童福利', title);
  assert.equal(await groupOf(title), '儿童福利');
});

test('9: 济宁 finds the cases of 济宁市; an empty filtered list says so; the reviewer name can be changed', async () => {
  await page.locator('.filters summary').click();
  await page.getByLabel('地市').fill('济宁');
  await page.waitForSelector('.filter-note');
  assert.equal(await page.locator('.filter-note').innerText(), '按“济宁市”筛选');
  await page.waitForFunction(() => {
    const subs = Array.from(document.querySelectorAll('.tree-sub')).map((e) => e.getAttribute('data-subgroup'));
    return subs.length > 0 && subs.every((c) => c === '济宁市');
  });
  assert.equal(await page.locator('.tree-item').count(), JINING, 'the 济宁市 cases are listed');
  await page.getByLabel('地市').fill('不存在的地方市');
  await page.waitForSelector('.tree .empty');
  assert.match(await page.locator('.tree .empty').innerText(), /没有符合筛选条件的文档/);
  await screenshot(page, 'library-filter-empty-1366');
  await page.locator('.tree .empty').getByRole('button', { name: '清除筛选' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.tree-item').length === 14);
  await page.locator('.filters summary').click();

  await page.getByRole('button', { name: /审阅人：/ }).click();
  await page.locator('.reviewer-form').getByLabel('审阅人姓名').fill('李编辑');
  await page.locator('.reviewer-form').getByRole('button', { name: '确定' }).click();
  await page.waitForFunction(() => document.querySelector('.app-header .reviewer')?.textContent === '审阅人：李编辑');
  await page.getByRole('button', { name: /审阅人：/ }).click();
  await page.locator('.reviewer-form').getByLabel('审阅人姓名').fill('王审阅');
  await page.locator('.reviewer-form').getByRole('button', { name: '确定' }).click();
  await page.waitForFunction(() => document.querySelector('.app-header .reviewer')?.textContent === '审阅人：王审阅');
});

test('issue 10: 定稿 locks the case, editing fails, 重新打开 with a reason unlocks it; counts follow', async () => {
  const title = '“泉社彤行”品牌引领社会组织高质量发展';
  await openCase(page, title);
  assert.equal(await chip('定稿'), 0);
  await page.locator('.meta-panel').getByLabel('状态').selectOption('final');
  await page.waitForSelector('.lock-banner');
  assert.match(await page.locator('.lock-banner').innerText(), /本案例已定稿，正文和元数据已锁定/);
  await page.waitForFunction(() => document.querySelector('.status-chip.status-final .count')?.textContent?.trim() === '1');
  assert.equal(await page.locator('.editor-content').getAttribute('contenteditable'), 'false');
  assert.equal(await page.locator('.toolbar').count(), 0, 'no editing toolbar on a locked case');
  assert.ok(await page.locator('.meta-panel').getByLabel('标题', { exact: true }).isDisabled(), 'metadata read-only');
  const before = await page.locator('.editor-content').innerText();
  await page.locator('.editor-content').click();
  await page.keyboard.type('不应写入');
  assert.equal(await page.locator('.editor-content').innerText(), before, 'typing changes nothing');
  // The library itself refuses, whatever a client sends (HTTP 409, code locked).
  const refused = await page.evaluate(async () => {
    const id = document.querySelector('.tree-item.selected')?.getAttribute('data-doc-id');
    const token = document.querySelector<HTMLMetaElement>('meta[name="huibian-token"]')?.content ?? '';
    const r = await fetch('/api/documents.save', { method: 'POST', headers: { 'content-type': 'application/json', 'x-huibian-token': token }, body: JSON.stringify({ id, meta: { title: '改名' } }) });
    return { status: r.status, code: ((await r.json()) as { error?: { code: string } }).error?.code };
  });
  assert.deepEqual(refused, { status: 409, code: 'locked' });
  await screenshot(page, 'lifecycle-locked-1366');

  await page.locator('.lock-banner').getByRole('button', { name: '重新打开' }).click();
  const dialog = page.getByRole('dialog');
  assert.match(await dialog.innerText(), /重新打开《“泉社彤行”/);
  assert.ok(await dialog.getByRole('button', { name: '重新打开' }).isDisabled(), 'a reason is required');
  await dialog.getByLabel('重新打开的原因').fill('地市补充了数据');
  await dialog.getByRole('button', { name: '重新打开' }).click();
  await page.waitForFunction(() => !document.querySelector('.lock-banner'));
  assert.equal(await page.locator('.status-pill').innerText(), '修改');
  assert.equal(await page.locator('.editor-content').getAttribute('contenteditable'), 'true');
  await caretAtEnd(page);
  await page.keyboard.type('重新打开后可编辑');
  await page.waitForFunction(() => document.querySelector('.save-state')?.textContent === '已保存');
  assert.ok((await page.locator('.editor-content').innerText()).includes('重新打开后可编辑'));
  await page.waitForFunction(() => document.querySelector('.status-chip.status-review .count')?.textContent?.trim() === '1');
  // The log says who, when and why.
  await page.locator('.status-history summary').click();
  await page.waitForSelector('.status-history li');
  const log = await page.locator('.status-history').innerText();
  assert.match(log, /定稿 → 修改[\s\S]*原因：地市补充了数据/);
  assert.match(log, /初稿 → 定稿/);
  assert.match(log, /王审阅/);
});

test('issue 10: delete from the context menu names the case and is undone; the Delete key asks the same', async () => {
  const title = '赋能社会组织 开展人民调解';
  await page.locator(`.tree-item[title="${title}"]`).click({ button: 'right' });
  const menu = page.getByRole('menu').first();
  await menu.waitFor();
  assert.deepEqual(
    (await menu.locator(':scope > li > [role=menuitem]').allInnerTexts()).map((t) => t.replace(/\s+/g, '').replace('Delete', '').replace('▸', '')),
    ['打开', '移动到…', '设为…', '合并到…', '删除'],
  );
  await menu.getByRole('menuitem', { name: /^删除/ }).click();
  const dialog = page.getByRole('dialog');
  assert.match(await dialog.innerText(), /删除《赋能社会组织 开展人民调解》？/);
  await dialog.getByRole('button', { name: '删除' }).click();
  await page.waitForFunction((t) => !document.querySelector(`.tree-item[title="${t}"]`), title);
  assert.equal(await page.locator('.tree-item').count(), 13);
  const notice = page.locator('.toast.info').last();
  assert.match(await notice.innerText(), /已删除《赋能社会组织 开展人民调解》/);
  await notice.getByRole('button', { name: '撤销' }).click();
  await page.waitForSelector(`.tree-item[title="${title}"]`);
  assert.equal(await page.locator('.tree-item').count(), 14);

  await page.locator(`.tree-item[title="${title}"]`).focus();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').waitFor();
  assert.match(await page.getByRole('dialog').innerText(), /删除《赋能社会组织 开展人民调解》？/);
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  assert.equal(await page.locator('.tree-item').count(), 14, 'cancel deletes nothing');

  // Deleted and the notice gone: the trash still has it.
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await page.waitForFunction((t) => !document.querySelector(`.tree-item[title="${t}"]`), title);
  await page.locator('.toast.info').last().getByRole('button', { name: '关闭提示' }).click();
  await page.getByRole('button', { name: '回收站' }).click();
  const trash = page.locator('.trash-dialog');
  await trash.locator('.trash-list li', { hasText: title }).waitFor();
  await screenshot(page, 'trash-1366');
  await trash.locator('.trash-list li', { hasText: title }).getByRole('button', { name: '恢复' }).click();
  await page.waitForSelector(`.tree-item[title="${title}"]`);
  await trash.getByRole('button', { name: '关闭' }).click();
});

test('issue 10: importing the same draft again marks every case as already in the library and imports none by default', async () => {
  await page.setInputFiles('input[data-testid=import-input]', FEATURE);
  await page.waitForSelector('.import-view');
  await page.waitForSelector('.import-cases tr.duplicate');
  assert.equal(await page.locator('.import-cases tr.duplicate').count(), 14);
  assert.match(await page.locator('.dup-note').first().innerText(), /已在库中：《.+》（不再导入）/);
  assert.ok(await page.getByRole('button', { name: '确认导入' }).isDisabled());
  assert.match(await page.locator('#import-nothing').innerText(), /这些案例都已在库中/);
  await page.getByLabel(/仍然导入重复案例/).check();
  assert.ok(await page.getByRole('button', { name: '确认导入' }).isEnabled(), 'on request they can be imported anyway');
  await page.getByRole('button', { name: '取消' }).click();
});

test('issue 10: several cases picked with Ctrl+click change status at once; two records of one case are merged', async () => {
  const a = '建立特殊困难家庭人员救助长效机制';
  const b = '打造“244”流浪乞讨源头治理样板';
  const review = await chip('修改');
  await page.locator(`.tree-item[title="${a}"]`).click({ modifiers: ['Control'] });
  await page.locator(`.tree-item[title="${b}"]`).click({ modifiers: ['Control'] });
  assert.match(await page.locator('.pick-bar').innerText(), /已选 2 篇/);
  await page.locator(`.tree-item[title="${b}"]`).click({ button: 'right' });
  const menu = page.getByRole('menu').first();
  await menu.getByRole('menuitem', { name: /把 2 篇设为/ }).click();
  await page.getByRole('menu', { name: /把 2 篇设为/ }).getByRole('menuitem', { name: '修改' }).click();
  await page.waitForFunction((n) => document.querySelector('.status-chip.status-review .count')?.textContent?.trim() === String(n), review + 2);
  assert.equal(await page.locator('.pick-bar').count(), 0, 'the selection is cleared after the change');
  assert.equal(await page.locator(`.tree-item[title="${a}"] .status`).innerText(), '修改');

  await page.locator(`.tree-item[title="${a}"]`).click({ button: 'right' });
  await page.getByRole('menu').first().getByRole('menuitem', { name: /合并到/ }).click();
  await page.getByRole('menu', { name: /合并到/ }).getByRole('menuitem', { name: b }).click();
  const dialog = page.getByRole('dialog');
  assert.match(await dialog.innerText(), /把《建立特殊困难家庭人员救助长效机制》合并到《打造“244”流浪乞讨源头治理样板》？/);
  await dialog.getByLabel('把它的正文接在目标正文后面').check();
  await dialog.getByRole('button', { name: '合并' }).click();
  await page.waitForFunction((t) => !document.querySelector(`.tree-item[title="${t}"]`), a);
  assert.match(await page.locator('.toast.info').last().innerText(), /已把《建立特殊困难家庭人员救助长效机制》合并到/);
  await openCase(page, b);
  assert.ok((await page.locator('.editor-content').innerText()).length > 0);
});

test('no errors on the console', () => {
  assert.deepEqual(s.problems.filter((p) => !/favicon|status of 409/.test(p)), []);
});
