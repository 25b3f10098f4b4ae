/**
 * Titles under a page's top lines told by position and features (clean.ts): a bureau's site name
 * over an undated headline (the page's source), column and page-type names said exactly (通知公告,
 * 文章详情, 视频), an e-paper's issue date beside its page label or under the paper's name, and the
 * page index's own label. Each input written for its test, with counterparts that must stay.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';

const H = '盐亭县推进社会救助改革取得新成效';
const P = '近年来,盐亭县民政局聚焦困难群众急难愁盼,推进社会救助改革,建立主动发现机制,全年救助困难群众3000余人次。\n下一步,该局将继续完善救助制度,提升服务水平,让困难群众感受到更多温暖。';

async function read(...lines: string[]) {
  const file = await importFile({ name: 'page.txt', bytes: new TextEncoder().encode(`${lines.join('\n')}\n`) });
  return { file, c: file.cases[0]!, body: file.cases[0] ? blocksText(file.cases[0].body) : '' };
}

test('titles: a bureau\'s site name over an undated headline is the page\'s source, and so its unit', async () => {
  const { file, c, body } = await read('盐亭县民政局', H, P);
  assert.equal(c.meta.title, H);
  assert.equal(file.info.publisher, '盐亭县民政局');
  assert.equal(c.meta.unit, '盐亭县民政局');
  assert.ok(!body.split('\n').includes('盐亭县民政局'));
  const report = await read('盐亭县民政局', '关于2023年社会救助工作情况的报告', P);
  assert.equal(report.c?.meta.title ?? report.file.notice?.meta.title, '关于2023年社会救助工作情况的报告');
});

test('titles: column and page-type names above the headline leave it', async () => {
  for (const label of ['通知公告', '文章详情', '视频', '图集', '阅读模式']) {
    const { file, c } = await read(label, H, P);
    assert.equal(c.meta.title, H, label);
    assert.ok(file.dropped.includes(label), `${label} is listed as dropped`);
  }
});

test('titles: an e-paper\'s issue date and page index label go, and date the page; a notice\'s date line stays', async () => {
  const paper = await read('绵阳日报', '2023年05月06日', '第03版：民生', H, P);
  assert.equal(paper.c.meta.title, H);
  assert.equal(paper.file.info.date, '2023-05-06');
  const index = await read('第A03版：要闻', '上一版 下一版', '本版标题导航', H, P);
  assert.equal(index.c.meta.title, H);
  const signed = await read(H, P, '盐亭县民政局', '2023年5月6日');
  assert.ok(signed.body.includes('2023年5月6日'), 'a date under a signature is the text\'s');
});
