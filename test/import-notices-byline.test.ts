/**
 * A reposted notice's organ and posting date from the page's byline (来源, 时间), which the cleaner
 * drops as furniture when a font widget opens it: only a government organ stands for the notice's organ.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../electron/core/import/index.js';
import { readByline } from '../electron/core/import/stages/byline.js';
import { enc, NOTICE_SENTENCES } from './fixtures/notice-sentences.js';

const tuning = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/portal/tuning');

test('byline: source and time read from a widget-led line, a source line with an author, not from a sentence', () => {
  assert.deepEqual(readByline([{ text: '【 字体:    稿件来源: 安庆市民政局  作者:    时间:2021-09-23 11:10:16' }]), { source: '安庆市民政局', date: '2021-09-23' });
  assert.deepEqual(readByline([{ text: '来源：某县人民政府 | 发布时间：2023-05-06' }]), { source: '某县人民政府', date: '2023-05-06' });
  assert.equal(readByline([{ text: '据来源:县统计局的数据,时间:2023-05-06以来全县新增养老床位300张。' }]), null);
  assert.equal(readByline([{ text: '来源: 某县民政局' }]), null, 'a source alone is the cleaner’s to read');
});

test('byline: a traditional-character notice without 署名 takes its organ and date from the byline, in its own script', async () => {
  const name = 'anqing-2021-shehui-zuzhi-pinggu-fanti.txt';
  const file = await importFile({ name, path: path.join(tuning, name) });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.organ, '安慶市民政局');
  assert.equal(file.info.date, '2021-09-23');
});

test('byline: a newspaper or website as the source is no organ', async () => {
  const lines = ['关于开展社区名称征集工作的通知', '【字体: 来源: 某某日报 作者: 时间:2024-12-03', '各社区居民委员会:', ...NOTICE_SENTENCES];
  const file = await importFile({ name: 'repost.txt', bytes: enc(lines.join('\n')) });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.organ, undefined);
  const bureau = await importFile({ name: 'repost2.txt', bytes: enc(lines.join('\n').replace('某某日报', '某某县民政局')) });
  assert.equal(bureau.notice!.meta.organ, '某某县民政局');
});
