/**
 * Categories by general features: a list item that is only a name takes its list's area, a
 * division's name (某某自治县) is no 村民自治, a term several areas list speaks less for each, a
 * title naming one of two level areas settles it, and 综合 is left for true ties. Each input is
 * written for its test; the explanation still adds up to the score.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreCategories } from '../electron/core/import/stages/category.js';

function adds(result: ReturnType<typeof scoreCategories>): void {
  for (const e of result.explanation) {
    if (e.words.length < 10) assert.equal(e.words.reduce((sum, w) => sum + w.count * w.weight, 0), e.score, `${e.category}: Σ count × weight = score`);
  }
}

test('category: a list item that is only a name is in its list\'s area', () => {
  const context = '2019年度全国综合减灾示范社区\n经国家减灾委审核，我市5个社区被命名为全国综合减灾示范社区，社区防灾减灾救灾能力进一步提升。';
  for (const item of ['江口县双江街道青龙社区', '某镇人民政府', '城关镇东风村']) {
    const r = scoreCategories(item, context, { listItem: true });
    assert.equal(r.category, '防灾减灾救灾', item);
    adds(r);
  }
  // An item whose title names a subject is still read by its own words.
  assert.equal(scoreCategories('“银龄互助”居家养老服务项目', context, { listItem: true }).category, '养老服务');
});

test('category: a list about 民政 work as a whole that names no area files its named items under 综合', () => {
  const context = '关于表彰2020年度全县民政工作先进单位的通报\n2020年，全县民政系统在抗洪救灾、低保提标和养老服务等方面成绩突出。';
  assert.equal(scoreCategories('河口镇人民政府', context, { listItem: true }).category, '综合');
  // The same list naming its area ("社会救助工作先进单位") is that area's.
  assert.equal(scoreCategories('河口镇人民政府', '2020年度全县社会救助工作先进单位\n全县低保、特困供养和临时救助工作成效明显。', { listItem: true }).category, '社会救助');
});

test('category: 自治 in a division\'s name is no 村民自治', () => {
  const r = scoreCategories('某某土家族苗族自治县开展高龄津贴发放工作', '自治县为80岁以上老年人发放高龄津贴，惠及老年人1.2万人。');
  assert.equal(r.category, '养老服务');
  assert.ok(!r.explanation.some((e) => e.words.some((w) => w.word === '自治')), 'no 自治 counted');
});

test('category: a term several areas list speaks less for each; a title naming one of two level areas settles it', () => {
  // 五社联动 is listed by 基层治理 (its mechanism) and 慈善和社会工作: alone it leans to 基层 but weighs less than 社工 terms.
  const shared = scoreCategories('深化“五社联动” 共享融合善治', '');
  assert.equal(shared.category, '基层政权和社区治理');
  adds(shared);
  const social = scoreCategories('“耆乐融融”社工服务', '社工站以五社联动机制链接资源，社工每周入户，社会工作服务覆盖辖区老年人。');
  assert.equal(social.category, '慈善事业和社会工作');
  // Two areas level, a third close behind: the title names only one of the two.
  const named = scoreCategories('失能老人照护服务的探索', '社工入户开展社会工作服务，社工链接资源；困难群众兜底保障同步推进，社工跟进。');
  assert.equal(named.category, '养老服务');
  // A true tie: neither named in the title, others close.
  assert.equal(scoreCategories('我们的这一年', '低保提标，养老机构改造，儿童福利院建设，社会组织登记，婚姻登记服务。').category, '综合');
});

test('category: 特殊困难 modifies the group it names; the group decides', () => {
  assert.equal(scoreCategories('特殊困难未成年人关爱项目', '').category, '儿童福利');
});

test('category: each 业务领域 named by its own terms, veterans\' bodies and stations included', () => {
  const cases: Array<[string, string, string]> = [
    ['某县退役军人服务站“一站式”服务', '服务站为辖区退役军人和烈属提供走访慰问、帮扶援助。', '优抚安置'],
    ['某区深化婚俗改革', '倡导婚事新办，治理高额彩礼，举办集体婚礼。', '社会事务'],
    ['某县推行骨灰树葬海葬', '建设公益性公墓，推行节地生态安葬。', '社会事务'],
    ['某县开展平安边界创建', '联合检查行政区域界线，维护界桩。', '区划地名'],
    ['某县未成年人保护工作站建设', '工作站为困境儿童提供关爱服务。', '儿童福利'],
    ['福彩公益金资助项目', '福利彩票发行中心开展公益活动。', '慈善事业和社会工作'],
    ['某市流浪乞讨人员救助寻亲', '救助管理站联合公安比对信息，帮助受助人员寻亲。', '社会救助'],
    ['某县残疾人两项补贴精准发放', '核对困难残疾人生活补贴和重度残疾人护理补贴发放对象。', '社会事务'],
    ['某镇综合减灾示范社区创建', '开展应急演练，完善避难场所，提升防灾减灾能力。', '防灾减灾救灾'],
  ];
  for (const [title, body, want] of cases) assert.equal(scoreCategories(title, body).category, want, title);
});

test('category: an approval of division changes is 区划地名 by its own verbs, whatever communities and villages it moves', () => {
  const body = '经省政府批准,同意某县撤销甲镇设立甲街道,街道管辖原甲镇行政区域,办事处驻原镇政府驻地。同意将乙镇的丙、丁2个居委会和戊、己2个村委会划归甲街道。同意从庚街道划出辛社区,与壬社区新设癸街道,撤销子街道,其管辖范围整体并入丑街道。';
  const r = scoreCategories('', body);
  assert.equal(r.category, '区划地名');
  adds(r);
  // The same communities in a text about their elections are 基层治理's.
  assert.equal(scoreCategories('', '甲街道丙、丁2个居委会和戊、己2个村委会完成换届选举,居民代表议事协商,村务公开全面推行。').category, '基层政权和社区治理');
});

test('category: a community named between its street and 社区 ("北苑街道拥军社区") is no 拥军', () => {
  const r = scoreCategories('北苑街道拥军社区和聚沁园', '小区物业服务规范,小区环境整洁,小区居民参与志愿服务,业主满意。');
  assert.equal(r.category, '基层政权和社区治理');
  assert.ok(!r.explanation.some((e) => e.words.some((w) => w.word === '拥军')), 'no 拥军 counted');
  // 拥军 as the subject still counts.
  assert.equal(scoreCategories('北苑街道开展拥军优属活动', '街道走访慰问军属和退役军人。').category, '优抚安置');
});

test('category: what a title says its work serves (助力/赋能 …) weighs as the opening, its subject as the title', () => {
  const r = scoreCategories('社区慈善基金助力基层治理', '某街道设立社区慈善基金，动员居民捐赠，资助社区公益项目。');
  assert.equal(r.category, '慈善事业和社会工作');
  adds(r);
  // With nothing before the verb, the purpose is all the title says, and the body agrees.
  assert.equal(scoreCategories('数字赋能养老服务', '某区建设智慧养老平台，为居家老年人提供紧急呼叫服务。').category, '养老服务');
  // Without a purpose verb the same words are the title's subject.
  assert.equal(scoreCategories('社区慈善基金与基层治理', '街道推动居民议事协商，完善小区治理，居委会牵头。').category, '基层政权和社区治理');
});

test('category: the everyday words of each area (银发, 孤残, 民非, 换届, 丧葬, 善款, 门楼牌, 退伍, 灾情 …) name it', () => {
  const cases: Array<[string, string, string]> = [
    ['“银发”志愿者服务队', '社区组织低龄老人为高龄老人提供志愿服务。', '养老服务'],
    ['孤残儿童类家庭养育', '福利院推行类家庭养育。', '儿童福利'],
    ['民非年检“网上办”', '登记机关推行年检网上申报。', '社会组织'],
    ['村(居)委会换届选举', '全县如期完成换届。', '基层政权和社区治理'],
    ['丧葬礼俗改革', '倡导丧事简办,整治散埋乱葬。', '社会事务'],
    ['爱心善款精准用到困难群众身上', '慈善总会募捐善款200万元,义卖所得全部用于帮扶。', '慈善事业和社会工作'],
    ['门楼牌规范设置', '为全县街路巷统一设置门楼牌。', '区划地名'],
    ['退伍老兵关爱行动', '走访慰问退伍军人和参战老兵,悬挂光荣牌。', '优抚安置'],
    ['汛期灾情快报', '暴雨过后,及时报送灾情,组织灾后救助。', '防灾减灾救灾'],
  ];
  for (const [title, body, want] of cases) {
    const r = scoreCategories(title, body);
    assert.equal(r.category, want, title);
    adds(r);
  }
});
