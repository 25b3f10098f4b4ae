/**
 * What counts as evidence of a document's own division (contextRegion, homeRegion) and what does
 * not: the nationwide formula a ministry addresses every province with, an office's postal address,
 * an autonomous county written without its peoples, and the townships a page names when it names no
 * division. Inputs written for each test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextRegion, findMentions } from '../electron/core/regions/index.js';
import { homeRegion, ownLevelWord, pageRegion } from '../electron/core/regions/home.js';
import { resolveRegion } from '../electron/core/regions/index.js';
import { townsCounty } from '../electron/core/regions/streets.js';

const home = (t: string) => {
  const m = findMentions(t);
  const r = homeRegion(t, m, contextRegion(t, m));
  return r ? [r.province, r.city, r.county] : null;
};

test('context: the 兵团 that ends a ministry\'s nationwide 主送 or its 各省…和新疆生产建设兵团 is one of all, not the text\'s place', () => {
  const addressed = '民办函〔2024〕7号\n各省、自治区、直辖市民政厅(局),各计划单列市民政局,新疆生产建设兵团民政局:\n现将有关事项通知如下。';
  assert.deepEqual(contextRegion(addressed), {});
  assert.deepEqual(contextRegion('在各省、自治区、直辖市和新疆生产建设兵团民政部门推荐的基础上,评出100个示范单位。'), {});
  // Outside the formula the 兵团 is a place like any other.
  assert.equal(contextRegion('新疆生产建设兵团民政局部署冬季救助。兵团各师市随即行动。').province, '新疆生产建设兵团');
});

test('home: an office\'s postal address is where its building stands, not the division the text is about', () => {
  const ministry = '关于开展示范活动的公示\n公示期间如有异议,请与我们联系。\n地址:北京市朝阳区某某大街6号 民政部某司\n电话:010-00000000';
  assert.equal(home(ministry), null);
  assert.deepEqual(contextRegion('联系人:某某\n受理地址:昆明市盘龙区某某路1号省民政厅512室'), {});
  // The same places in the text itself still count.
  assert.deepEqual(home('北京市海淀区民政局开展养老服务质量提升行动。海淀区各街道积极响应。'), ['北京市', '北京市', '海淀区']);
});

test('regions: an autonomous county or prefecture written without its peoples (西盟县, 凉山州) is as plain as its full name', () => {
  const m = findMentions('西盟县民政局 凉山州救助管理站 西盟地名');
  assert.deepEqual(m.map((x) => [x.text, x.full]), [['西盟县', true], ['凉山州', true], ['西盟', false]]);
  assert.deepEqual(home('索引号: 0001\n发布机构: 西盟县民政局\n西盟县民政局拟建立地名采词库。'), ['云南省', '普洱市', '西盟佤族自治县']);
});

test('home: a page naming no division, only its townships or streets, is the county they all lie in', () => {
  assert.equal(townsCounty('拟将尼勒克镇第六社区拆分为3个社区'), '新疆维吾尔自治区|伊犁哈萨克自治州|尼勒克县');
  assert.deepEqual(home('为加强世业镇地名规范管理,现向社会公开征集地名。'), ['江苏省', '镇江市', '丹徒区']);
  assert.deepEqual(home('东林街道和平村社区打造“和文化”。万东镇新房社区推出“爱心储蓄卡”。'), ['重庆市', '重庆市', '綦江区']);
  // A name several counties share (城关镇) says nothing; two towns of different counties disagree.
  assert.equal(townsCounty('城关镇开展救助。'), null);
  assert.equal(townsCounty('世业镇与尼勒克镇结对。'), null);
});

test('page region: a source organ over a text naming a place inside it, or speaking of 我市 work, as the text says', () => {
  const at = (r: ReturnType<typeof pageRegion>) => (r ? [r.province, r.city, r.county] : null);
  const department = resolveRegion('内蒙古自治区民政厅');
  const league = resolveRegion('锡林郭勒盟');
  // The department's page is about one league's practice: the league.
  assert.deepEqual(at(pageRegion(department, league, '锡林郭勒盟打造牧区养老服务模式。')), ['内蒙古自治区', '锡林郭勒盟', null]);
  // A province's news naming cities as examples stays the province's.
  const sichuan = resolveRegion('四川省民政厅');
  assert.deepEqual(at(pageRegion(sichuan, resolveRegion('成都市'), '全省开展婚姻登记服务,成都新建6个登记场所。')), ['四川省', null, null]);
  // A district government's repost of its city's news (我市, 全市) is the city's; a county-level city speaks as 市 of itself.
  const district = resolveRegion('江西省鹰潭市余江区人民政府');
  assert.deepEqual(at(pageRegion(district, null, '我市开展先进社会组织评选,全市社会组织踊跃参加。')), ['江西省', '鹰潭市', null]);
  const yiwu = resolveRegion('浙江省金华市义乌市民政局');
  assert.deepEqual(at(pageRegion(yiwu, null, '我市开展养老服务提升行动。')), ['浙江省', '金华市', '义乌市']);
  assert.deepEqual(at(pageRegion(district, null, '全区开展评选,我区社会组织踊跃参加。')), ['江西省', '鹰潭市', '余江区']);
  assert.equal(ownLevelWord('我市……全县'), null);
  assert.equal(ownLevelWord('全省各地'), '省');
});
