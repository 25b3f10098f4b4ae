/**
 * A site's or a publisher's colophon (rights, who runs the site, its licences, its note on what it
 * reprints, where a reprint first appeared) and a platform's reading-time estimate, on real tuning
 * pages from different sites, with the draft's own sentences that name a sponsor or a contact kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { isColophon, isWidgetLabel } from '../electron/core/import/stages/furniture.js';

const TUNING = path.resolve(import.meta.dirname, 'fixtures/portal/tuning');

async function body(name: string): Promise<string[]> {
  const file = await importFile({ name, path: path.join(TUNING, name) });
  return file.cases.flatMap((c) => blocksText(c.body).split('\n'));
}

test('furniture: colophon lines by their vocabulary and shape; a sentence naming a sponsor is text', () => {
  for (const t of [
    '本网部分转载文章、图片等无法联系到权利人,请相关权利人与本网站联系。',
    '北京国信涉农资讯中心主办 | 政讯通-全国政务信息一体化办公室 主管',
    '民生资讯网 mszx.org.cn 版权所有。',
    '版权为 荆楚网 www.cnhubei.com 所有 未经同意不得复制或镜像',
    '互联网新闻信息许可证 4212025003 -',
    '出品:民生周刊(ID:msweekly)新媒体部',
    '原文刊载于2022年第20期《民生周刊》杂志',
    '泌阳县文明办 主办',
  ]) assert.ok(isColophon(t), t);
  for (const t of [
    '中国最北婚姻登记处与慈善地标揭牌运营',
    '这项由民政部主办的创建是社区建设领域最高级别的示范创建。',
    '联系人:郭智威,联系电话:25508628;',
    '地址:北京市朝阳区建国门南大街6号 民政部6-411室',
    '全市养老服务技能大赛由市民政局主办',
  ]) assert.ok(!isColophon(t), t);
  assert.ok(isWidgetLabel('全文2265字,阅读约需2分钟'));
  assert.ok(isWidgetLabel('正文共4814个字,预计阅读需14分钟▼'));
  assert.ok(!isWidgetLabel('全市共有养老机构120家,床位2万张,平均每家约需护理员15名。'));
});

test('furniture: the colophon of a news aggregator leaves jinzhou-shegongzhan, listed as dropped', async () => {
  const name = 'jinzhou-shegongzhan-shidian.txt';
  const file = await importFile({ name, path: path.join(TUNING, name) });
  const lines = file.cases.flatMap((c) => [c.meta.title, ...blocksText(c.body).split('\n')]);
  for (const gone of ['本网部分转载文章、图片等无法联系到权利人,请相关权利人与本网站联系。', '北京国信涉农资讯中心主办 | 政讯通-全国政务信息一体化办公室 主管', '民生资讯网 mszx.org.cn 版权所有。']) {
    assert.ok(!lines.includes(gone), gone);
    assert.ok(file.dropped.includes(gone), gone);
  }
});

test('furniture: a magazine repost loses its reading time and credits (chaoyangmen-2022); a party paper its reading time (xizang-2025)', async () => {
  const chaoyangmen = await body('chaoyangmen-2022-yanglao-lianheti.txt');
  for (const gone of ['全文2265字,阅读约需2分钟', '出品:民生周刊(ID:msweekly)新媒体部', '原文刊载于2022年第20期《民生周刊》杂志']) assert.ok(!chaoyangmen.includes(gone), gone);
  assert.ok(chaoyangmen.includes('朝阳门街道是北京面积最小的街道之一,老龄化程度也比较高。'));
  const xizang = await body('xizang-2025-jiceng-shanzhi.txt');
  assert.ok(!xizang.includes('正文共4814个字,预计阅读需14分钟▼'));
});

test('furniture: page tools in a row and a video player\'s closing label left alone are widget labels', () => {
  assert.ok(isWidgetLabel('设为首页|加入收藏'));
  assert.ok(isWidgetLabel('设为首页 加入收藏'));
  assert.ok(isWidgetLabel('结束对话视窗'));
  assert.ok(!isWidgetLabel('社区设为首批示范点'));
});
