/**
 * Where a notice is from when its signature and title name no county: a township government's
 * 落款 placed through the division list's streets, and a city's 发文字号 written under its old
 * name read inside the province the notice's citations point to. Inputs written for the rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { enc, NOTICE_SENTENCES } from './fixtures/notice-sentences.js';

test('a township government signing alone is placed in its county through the division list', async () => {
  const file = await importFile({ name: 'town.txt', bytes: enc(['关于征集社区名称的公告', ...NOTICE_SENTENCES, '嘎鲁图镇人民政府', '2024年12月3日'].join('\n')) });
  assert.equal(file.kind, 'notice');
  assert.deepEqual([file.notice!.meta.region?.province, file.notice!.meta.region?.city, file.notice!.meta.region?.county], ['内蒙古自治区', '鄂尔多斯市', '乌审旗']);
});

test('a city office\'s 宁政办 number is 南京 when the notice cites its province\'s 苏政办发, and stays 宁夏 with no such citation', async () => {
  const lines = (cited: string) => [
    '市政府办公厅关于推进社区养老服务的实施意见',
    '宁政办规字〔2023〕2号',
    '各区人民政府,市府各委办局:',
    `为落实《省政府办公厅关于加快养老服务发展的通知》(${cited})等文件,经市政府同意,提出如下实施意见。`,
    '一、总体要求。聚焦老年人就近养老需求,完善社区养老服务设施,提升服务质量。',
    '二、工作措施。推进街道综合养老服务中心建设,发展助餐助浴等服务。',
    '市政府办公厅',
    '2023年3月1日',
  ];
  const nanjing = await importFile({ name: 'a.txt', bytes: enc(lines('苏政办发〔2022〕82号').join('\n')) });
  assert.equal(nanjing.kind, 'notice');
  assert.equal(nanjing.notice!.meta.region?.city, '南京市');
  const plain = await importFile({ name: 'b.txt', bytes: enc(lines('国办发〔2022〕8号').join('\n')) });
  assert.equal(plain.notice!.meta.region?.province, '宁夏回族自治区');
});

test('a notice signed by a body whose name gives no place is its page\'s home; a national organ\'s is no division', async () => {
  // 破凉镇 has since been renamed (the division list has 孚玉镇): the signing group names no place the list knows,
  // and the text's 宿松县 is the notice's home.
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/portal/tuning/poliang-2021-zhenming-zhengji-fanti.txt');
  const poliang = await importFile({ name: 'poliang.txt', bytes: readFileSync(file) });
  assert.equal(poliang.kind, 'notice');
  assert.deepEqual([poliang.notice!.meta.region?.province, poliang.notice!.meta.region?.city, poliang.notice!.meta.region?.county], ['安徽省', '安庆市', '宿松县']);
  const { signerHome } = await import('../electron/core/regions/home.js');
  const home = { province: '北京市', city: '北京市', county: '西城区', code: '110102' };
  assert.equal(signerHome(['民政部办公厅'], home), null);
  assert.equal(signerHome(['全国老龄工作委员会办公室'], home), null);
  // A signer naming a place is read by its own name, not the home.
  assert.equal(signerHome(['宿松县民政局'], home), null);
  assert.deepEqual(signerHome(['领导小组办公室'], home), home);
});
