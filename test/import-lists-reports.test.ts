/**
 * Reports of an award (stages/listreports.ts) and the award-list readings of the eighth round, on the real
 * tuning pages: each is scored as scripts/score-import.ts scores it, and must have its kind, items, titles and
 * awards right. A report is read by the grammar of awarding, so the same report reworded (another conferring
 * verb, traditional characters, a headline added) reads the same; and a case that states the honour it won
 * and then tells its practice stays a case. (Held-out pages are never read here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { importFile } from '../electron/core/import/index.js';
import { PORTAL_DIR, scoreDocument } from '../scripts/score-import.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const tuning = (name: string) => path.join(PORTAL_DIR, 'tuning', name);
const read = (name: string) => readFileSync(tuning(name), 'utf8');
const toTraditional = Converter({ from: 'cn', to: 't' });

/** The checks that decide whether an award list was read: kind, items, their titles, units and awards. */
const LIST_FIELDS = /^(?:kind|cases|case \d+ (?:title|unit|award))\b/u;

for (const name of [
  'nankai-tianjin-xianjin-shehui-zuzhi.txt',
  'guilin-2021-minzheng-lilun-yidengjiang.txt',
  'yuzhong-2025-gaige-zuijia-anli.txt',
  'quanguo-2012-zhonghua-cishan-jiang-fanti.txt',
  'guizhou-2023-laonian-youhao-shequ.txt',
  'hebei-2017-shuangyong-mofan-fanti.txt',
  'sichuan-2025-lilun-yanjiu-lunwenji.txt',
  'xuchang-2018-zhonghua-cishan-jiang.txt',
]) {
  test(`award lists on real pages: ${name} reads its entries, titles and awards`, async () => {
    const score = await scoreDocument(tuning(name), 'tuning');
    assert.deepEqual(score.problems.filter((p) => LIST_FIELDS.test(p)), []);
  });
}

const entries = async (name: string, text: string) => {
  const file = await importFile({ name, bytes: enc(text) });
  return { kind: file.kind, items: file.cases.map((c) => [c.meta.title, c.meta.award]) };
};

test('reports: the honoured body is the entry whatever verb confers, in either script, with or without a headline', async () => {
  const text = read('nankai-tianjin-xianjin-shehui-zuzhi.txt');
  const want = { kind: 'award-list', items: [['南开大学教育基金会', '天津市先进社会组织']] };
  for (const verb of ['获评', '喜获', '荣膺', '被评为', '被授予']) {
    assert.deepEqual(await entries('nankai.txt', text.replace('荣获“天津市先进社会组织”', `${verb}“天津市先进社会组织”`)), want, verb);
  }
  assert.deepEqual(await entries('nankai.txt', `南开大学教育基金会荣获“天津市先进社会组织”称号\n${text}`), want);
  const traditional = await entries('nankai-fanti.txt', toTraditional(text));
  assert.equal(traditional.kind, 'award-list');
  assert.deepEqual(traditional.items, [['南開大學教育基金會', '天津市先進社會組織']]);
});

test('reports: a work named in 《》 is the entry, its authors’ body the unit, whatever verb confers the grade', async () => {
  const text = read('guilin-2021-minzheng-lilun-yidengjiang.txt');
  for (const verb of ['获', '荣获', '获得', '摘得']) {
    const file = await importFile({ name: 'guilin.txt', bytes: enc(text.replace('》获一等奖', `》${verb}一等奖`)) });
    assert.equal(file.kind, 'award-list', verb);
    assert.deepEqual(file.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]), [['制度重塑生活:民族地区扶贫移民融入城市社区的制度路径', '马院', '一等奖']], verb);
  }
});

test('reports: a body a list names, in a headline or a sentence, that 榜上有名 or 入选 takes the list’s honour', async () => {
  const file = await entries(
    'jinqiao.txt',
    `近日,国家卫生健康委、全国老龄办公布了第二批全国示范性老年友好型社区名单,我市金桥社区榜上有名。\n据了解,此次共有1000个社区入选,我省共有36个社区入选。`,
  );
  assert.deepEqual(file, { kind: 'award-list', items: [['金桥社区', '第二批全国示范性老年友好型社区']] });
});

test('reports: a case that states the honour it won and tells its practice stays a case', async () => {
  for (const name of ['yiwu-2024-minzheng-xianjin-jiti-fanti.txt', 'chengdong-2015-hexie-shequ.txt', 'yanji-2021-minzheng-youxiu.txt', 'haishu-2022-shequ-zuzhi-peiyou.txt', 'xiaguan-2025-weibao-gongzuozhan.txt', 'hebei-2019-xinwen-fabu-xianjin.txt']) {
    const file = await importFile({ name, path: tuning(name) });
    assert.equal(file.kind, 'single-case', name);
  }
});

test('reports: several works one clause names, and places a published list’s honour goes to, are each an entry', async () => {
  const works = await importFile({
    name: 'works.txt',
    bytes: enc(`喜报!我区两个项目荣获全省民政创新实践一等奖\n近日,省民政厅公布2023年度全省民政创新实践评选结果,我区报送的《“三社联动”助力基层治理》和《小区微更新》两个项目荣获一等奖。\n据悉,本次评选共收到申报项目200余个。`),
  });
  assert.equal(works.kind, 'award-list');
  assert.deepEqual(works.cases.map((c) => [c.meta.title, c.meta.award]), [['“三社联动”助力基层治理', '一等奖'], ['小区微更新', '一等奖']]);
  const places = await entries('places.txt', `近日,民政部公布第三批全国婚俗改革实验区名单,我省宁波市鄞州区、温州市平阳县成功入选。\n据了解,婚俗改革实验区建设是民政部推进婚俗改革的重要举措。`);
  assert.deepEqual(places, { kind: 'award-list', items: [['宁波市鄞州区', '第三批全国婚俗改革实验区'], ['温州市平阳县', '第三批全国婚俗改革实验区']] });
});

test('reports and conferring notices: bodies joined in the subject are each an entry; numbered items under a lead that confers are the list', async () => {
  const bodies = await entries('aaa.txt', `我市两家社会组织获评5A级社会组织\n近日,省民政厅公布2024年度社会组织评估等级结果,我市慈善总会、市志愿者协会被评为5A级社会组织。`);
  assert.deepEqual(bodies, { kind: 'award-list', items: [['市慈善总会', '5A级社会组织'], ['市志愿者协会', '5A级社会组织']] });
  const notice = await importFile({
    name: 'cases.txt',
    bytes: enc(`重庆市民政局关于公布2024年重庆市社区治理创新案例的通知\n各区县(自治县)民政局:\n经各区县推荐、专家评审,确定以下20个案例为2024年重庆市社区治理创新案例,现予以公布。\n1.“老马工作室”调解模式 渝中区民政局\n2.“三事分流”议事机制 江北区民政局\n3.“五社联动”服务体系 南岸区民政局\n重庆市民政局\n2024年12月1日`),
  });
  assert.equal(notice.kind, 'notice');
  assert.deepEqual(notice.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]), [
    ['“老马工作室”调解模式', '渝中区民政局', '2024年重庆市社区治理创新案例'],
    ['“三事分流”议事机制', '江北区民政局', '2024年重庆市社区治理创新案例'],
    ['“五社联动”服务体系', '南岸区民政局', '2024年重庆市社区治理创新案例'],
  ]);
});

test('lists: a 公示 of a table whose title column is any “…名称” takes the honour its title is about; winners named twice are one entry', async () => {
  const table = await importFile({
    name: 'gongshi.txt',
    bytes: enc('关于2024年度省级社会工作服务示范站拟命名名单的公示\n根据评审结果,现将拟命名名单公示如下。\n序号\t社工站名称\t所在地\n1\t鼓楼区东街街道社会工作服务站\t福州市\n2\t思明区鹭江街道社会工作服务站\t厦门市\n3\t丰泽区东海街道社会工作服务站\t泉州市\n公示期:2024年12月1日至12月7日。\n'),
  });
  assert.equal(table.kind, 'award-list');
  assert.deepEqual(table.cases.map((c) => [c.meta.title, c.meta.award]), [
    ['鼓楼区东街街道社会工作服务站', '2024年度省级社会工作服务示范站'],
    ['思明区鹭江街道社会工作服务站', '2024年度省级社会工作服务示范站'],
    ['丰泽区东海街道社会工作服务站', '2024年度省级社会工作服务示范站'],
  ]);
  const twice = await entries(
    'twice.txt',
    '全市“最美志愿服务社区”评选结果揭晓\n经过层层推荐、网络投票和专家评审,全市“最美志愿服务社区”评选结果日前揭晓。鼓楼区东街街道安泰社区、台江区瀛洲街道瀛洲社区等4个社区获评“最美志愿服务社区”。\n获评社区名单如下:\n鼓楼区东街街道安泰社区\n台江区瀛洲街道瀛洲社区\n仓山区城门镇胪雷社区\n晋安区鼓山镇鼓山社区',
  );
  assert.deepEqual(twice.items.map(([t]) => t), ['鼓楼区东街街道安泰社区', '台江区瀛洲街道瀛洲社区', '仓山区城门镇胪雷社区', '晋安区鼓山镇鼓山社区']);
});

test('reports: every clause of the sentence that states an honour gives entries; an organ that publishes the list receives nothing', async () => {
  const graded = await entries('graded.txt', '在日前举行的全省社区工作者职业技能大赛中,我市东湖社区获得团体一等奖,西湖社区和南湖社区获得团体二等奖。\n据悉,本次大赛共有来自全省的120支队伍参赛。');
  assert.deepEqual(graded, { kind: 'award-list', items: [['东湖社区', '团体一等奖'], ['西湖社区', '团体二等奖'], ['南湖社区', '团体二等奖']] });
  const villages = await entries('villages.txt', '我县3个村入选省级乡村治理示范村\n近日,省农业农村厅公布了2024年省级乡村治理示范村名单,我县城关镇东关村、石门镇石门村、龙泉镇龙泉村入选。');
  assert.deepEqual(villages.items.map(([t]) => t), ['城关镇东关村', '石门镇石门村', '龙泉镇龙泉村']);
  const passive = await entries('stars.txt', '近日,省民政厅公布评估结果,我市鼓楼区东街街道安泰社区、台江区瀛洲街道瀛洲社区被认定为五星级社区,仓山区城门镇胪雷社区被认定为四星级社区。');
  assert.deepEqual(passive.items, [['鼓楼区东街街道安泰社区', '五星级社区'], ['台江区瀛洲街道瀛洲社区', '五星级社区'], ['仓山区城门镇胪雷社区', '四星级社区']]);
});

test('lists: numbered cases ("案例1:") and bulleted items over their labelled unit lines are a list’s items', async () => {
  const cases = await importFile({
    name: 'dianxing.txt',
    bytes: enc('省民政厅公布首批全省养老服务典型案例\n近日,省民政厅公布首批全省养老服务典型案例,共10个案例入选。\n案例1:“时间银行”互助养老(南京市鼓楼区民政局)\n案例2:“嵌入式”社区养老服务综合体(苏州市姑苏区民政局)\n案例3:农村互助养老睦邻点建设(南通市如皋市民政局)'),
  });
  assert.equal(cases.kind, 'award-list');
  assert.deepEqual(cases.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]), [
    ['“时间银行”互助养老', '南京市鼓楼区民政局', '首批全省养老服务典型案例'],
    ['“嵌入式”社区养老服务综合体', '苏州市姑苏区民政局', '首批全省养老服务典型案例'],
    ['农村互助养老睦邻点建设', '南通市如皋市民政局', '首批全省养老服务典型案例'],
  ]);
  const bulleted = await importFile({
    name: 'bullets.txt',
    bytes: enc('2024年度全省社会救助领域优秀创新案例名单(排名不分先后)\n◆“一件事一次办”救助服务\n推荐单位:杭州市民政局\n◆“幸福清单”精准救助\n推荐单位:宁波市民政局\n◆“救助+服务”综合帮扶\n推荐单位:温州市民政局'),
  });
  assert.equal(bulleted.kind, 'award-list');
  assert.deepEqual(bulleted.cases.map((c) => [c.meta.title, c.meta.unit]), [
    ['“一件事一次办”救助服务', '杭州市民政局'],
    ['“幸福清单”精准救助', '宁波市民政局'],
    ['“救助+服务”综合帮扶', '温州市民政局'],
  ]);
});

test('reports: a clause opening with its passive goes on with the subject an earlier clause opened with', async () => {
  const passive = await entries('passive.txt', '4月2日,第十四次全国民政会议在京召开。会上,市民政局作为我省唯一的地级市民政部门,被民政部、人力资源和社会保障部授予全国民政系统先进集体荣誉称号。\n据了解,此次全国共有200个集体受到表彰。');
  assert.deepEqual(passive, { kind: 'award-list', items: [['市民政局', '全国民政系统先进集体']] });
});

test('lists: items under a province’s heading are that province’s; numbered rows ending in their stop mark are list lines', async () => {
  const national = await importFile({
    name: 'national.txt',
    bytes: enc('2024年全国示范性老年友好型社区名单\n北京市(3个)\n东城区和平里街道东河沿社区\n西城区德胜街道六铺炕社区\n朝阳区潘家园街道松榆里社区\n天津市(2个)\n和平区劝业场街道新文化花园社区\n河西区友谊路街道平山道社区'),
  });
  assert.deepEqual(national.cases.map((c) => c.meta.region?.province), ['北京市', '北京市', '北京市', '天津市', '天津市']);
  const stopped = await entries('stopped.txt', '2023年度全省民政系统先进集体名单\n1.长沙市民政局社会救助处。\n2.株洲市民政局养老服务科。\n3.湘潭市民政局婚姻登记处。');
  assert.deepEqual(stopped.items.map(([t]) => t), ['长沙市民政局社会救助处', '株洲市民政局养老服务科', '湘潭市民政局婚姻登记处']);
});
