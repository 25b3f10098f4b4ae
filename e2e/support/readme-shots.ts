/**
 * Regenerates the README screenshots (resources/screenshots/library.png, editor.png, composer.png)
 * from the real app: `node --import tsx e2e/support/readme-shots.ts` after `npm run build`.
 */
import path from 'node:path';
import { openSession, ROOT, screenshot } from './browser.js';

const out = path.join(ROOT, 'resources/screenshots');
const s = await openSession({ viewport: { width: 1280, height: 800 } });
const { page } = s;
try {
  await page.waitForSelector('.app-header');
  await page.setInputFiles('input[data-testid=import-input]', path.resolve(ROOT, '../shared/corpus/zhongguominzheng-2022-02-feature.txt'));
  await page.waitForSelector('.import-view');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.waitForSelector('.editor-content .hb-p');
  await page.locator('.tree-item[title="建立孤弃儿童养育标准体系"]').click();
  await page.waitForFunction(() => document.querySelector('.doc-title h2')?.textContent === '建立孤弃儿童养育标准体系');
  await page.locator('.filters summary').click();
  await page.waitForTimeout(300);
  await screenshot(page, 'library', out);
  await page.locator('.filters summary').click();
  await page.getByRole('button', { name: '按地市' }).click();
  await page.locator('.tree-item[title="“泉社彤行”品牌引领社会组织高质量发展"]').click();
  await page.waitForFunction(() => document.querySelector('.doc-title h2')?.textContent?.startsWith('“泉社彤行”'));
  await page.evaluate(() => {
    const root = document.querySelector('.editor-content') as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf('五星级党组织');
      if (at >= 0) {
        root.focus();
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 6);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        break;
      }
    }
  });
  await page.getByRole('button', { name: '批注', exact: true }).click();
  await page.getByLabel('审阅人姓名').fill('王审阅');
  await page.getByLabel('批注内容').fill('请核实“五星级”的评定年份。');
  await page.getByRole('button', { name: '添加批注' }).click();
  await page.waitForSelector('.thread');
  await page.getByLabel('回复内容').fill('已核实，2021年。');
  await page.getByRole('button', { name: '回复', exact: true }).click();
  await page.waitForSelector('.comment.reply');
  await page.waitForFunction(() => document.querySelector('.save-state')?.textContent === '已保存');
  await screenshot(page, 'editor', out);
  // The composer: what is exported (定稿 by default), the page preview and the page budgets.
  await page.getByRole('button', { name: '排版导出' }).click();
  await page.waitForSelector('.composer .sections li');
  await page.getByLabel('包括未定稿的案例').check();
  await page.getByRole('button', { name: '生成版面预览' }).click();
  await page.waitForSelector('.page-budgets');
  await page.waitForSelector('canvas.pdf-page[data-page="2"]', { timeout: 60000 });
  await screenshot(page, 'composer', out);
  console.log(`written to ${out}`);
} finally {
  await s.close();
}
