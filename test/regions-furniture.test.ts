/**
 * A page's furniture says nothing of its place unless it speaks of the page's own site: a web
 * company's copyright, a related-headlines list or previous/next links naming other cities must not
 * move a tuning page's region, while its breadcrumb, source line, masthead and banner still count
 * (regions/home.ts placeEvidence). Real tuning pages with a footer appended, as portals print them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../electron/core/import/index.js';
import { isPlaceMenu, placeEvidence } from '../electron/core/regions/home.js';

const tuning = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/portal/tuning');

const FOOTERS = {
  company: '\n\n版权所有:广州市天河区某某网络科技有限公司 粤ICP备12345678号\n',
  related: '\n\n相关新闻\n杭州市民政局召开养老服务工作会议\n成都市武侯区开展社区治理创新\n',
  links: '\n\n上一篇:昆明市五华区开展养老服务质量提升行动\n下一篇:哈尔滨市道里区召开社会救助工作推进会\n',
  // A menu of another province's cities, which the cleaner keeps as the body's last line.
  menu: '\n\n各地动态 南京 无锡 徐州 常州 苏州 南通\n',
};

async function regionWith(file: string, footer = ''): Promise<string> {
  const bytes = Buffer.concat([readFileSync(path.join(tuning, file)), Buffer.from(footer)]);
  const r = await importFile({ name: file, bytes });
  const region = r.cases[0]?.meta.region;
  return region ? [region.province, region.city, region.county].filter(Boolean).join(' ') : '—';
}

test('furniture: another place\'s footer leaves a page\'s region as it is', async () => {
  // Pages whose unit is built from their level word and home ("市民政局", "县民政局"), or whose region is their home.
  for (const [file, region] of [
    ['dengzhou-binzang-xuanchuan.txt', '河南省 南阳市 邓州市'],
    ['suqian-2025-jiuzhu-xunqin-fanti.txt', '江苏省 宿迁市'],
    ['xiangxi-2022-jiuzhu-xunqin.txt', '湖南省 湘西土家族苗族自治州'],
    ['lixian-2022-hunsu-xinfeng.txt', '湖南省 常德市 澧县'],
    ['xinzheng-2018-qixi-dengji-fanti.txt', '河南省 郑州市 新郑市'],
  ] as const) {
    assert.equal(await regionWith(file), region, file);
    for (const [name, footer] of Object.entries(FOOTERS)) assert.equal(await regionWith(file, footer), region, `${file} + ${name}`);
  }
});

test('furniture: the site\'s own path, source, masthead and banner stay evidence; related headlines and a web company do not', () => {
  const lines = ['首页 > 天津·社会救助 > 工作动态', '来源:宿迁市民政局', '国内统一刊号:CN43-0003 湘西团结报社出版', '秭归县人民政府', '相关新闻', '杭州市民政局召开养老服务工作会议', '技术支持:广州某某网络科技有限公司', '正文里的南京市'];
  const dropped = lines.slice(0, 7);
  assert.deepEqual(placeEvidence(lines, dropped).split('\n'), ['首页 > 天津·社会救助 > 工作动态', '来源:宿迁市民政局', '国内统一刊号:CN43-0003 湘西团结报社出版', '秭归县人民政府', '正文里的南京市']);
});

test('furniture: a menu of places is three or more sibling places alone, with at most a label', () => {
  assert.equal(isPlaceMenu('各地动态 南京 无锡 徐州 常州 苏州 南通'), true);
  assert.equal(isPlaceMenu('市州频道 | 长沙 | 株洲 | 湘潭'), true);
  // A chain, a sentence, a list item: no menu.
  assert.equal(isPlaceMenu('济宁 任城区'), false);
  assert.equal(isPlaceMenu('山东省 济宁市 任城区'), false);
  assert.equal(isPlaceMenu('南京、无锡、徐州等地开展养老服务'), false);
  assert.equal(isPlaceMenu('南京市 秦淮区 某某社区 养老服务中心'), false);
});

test('text: a company\'s name and visitors from elsewhere say nothing of the page\'s place', async () => {
  const SENTENCES = [
    '\n项目由深圳市腾飞智慧养老科技有限公司提供技术支持,北京康泰集团捐赠了设备。\n',
    '\n活动当天,上海市浦东新区民政局、杭州市西湖区民政局的同志到场观摩交流。\n',
  ];
  for (const [file, region] of [
    ['dengzhou-binzang-xuanchuan.txt', '河南省 南阳市 邓州市'],
    ['lixian-2022-hunsu-xinfeng.txt', '湖南省 常德市 澧县'],
    ['heze-2018-zhengwen.txt', '山东省 菏泽市'],
    ['suqian-2025-jiuzhu-xunqin-fanti.txt', '江苏省 宿迁市'],
  ] as const) {
    for (const sentence of SENTENCES) assert.equal(await regionWith(file, sentence), region, `${file} + ${sentence.trim()}`);
  }
  const { findMentions, notOfTheText } = await import('../electron/core/regions/index.js');
  const kept = (t: string) => notOfTheText(t, findMentions(t)).map((m) => m.text);
  // The visited place stays; the visitors' does not.
  assert.deepEqual(kept('浙江省湖州市两家社会工作服务机构的负责人到临夏州和政县考察调研'), ['临夏州', '和政县']);
  assert.deepEqual(kept('由深圳市某某科技有限公司运营的兰州市城关区养老服务中心'), ['兰州市', '城关区']);
  // A short text (an opening sentence) reads the visit the same way.
  const { resolveRegion } = await import('../electron/core/regions/index.js');
  assert.equal(resolveRegion('近日,浙江省湖州市两家社会工作服务机构的负责人到临夏州和政县考察调研')?.county, '和政县');
});
