/**
 * Whose place is the case's (issue #9, round 13): the acting body's, at the depth the text files it.
 *  - a unit read from the text's own opening sentence (the scene's body) does not fix the depth: a headline's
 *    "place:" scope or a city's several districts still decide it; a stated unit (供稿) does;
 *  - a county's short name right after another county's name begins a name inside it (an estate, a venue);
 *  - a scene the text calls an epitome (缩影) of its province's work is its example;
 *  - a text that says 我省 and names one province once is that province's;
 *  - a list's items named after a zone by their municipality's name are in the county the others are in;
 *  - 横县, renamed 横州市 (2021), is read by its old name (its short name 横 is too short to be read alone).
 * Each input is made up for its test, in the shape of the tuning pages named in the commit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { namedCounties } from '../electron/core/regions/depth.js';
import { resolveRegion } from '../electron/core/regions/index.js';

async function regions(text: string): Promise<string[]> {
  const f = await importFile({ name: 'draft.txt', bytes: new TextEncoder().encode(text) });
  return f.cases.map((c) => (c.meta.region ? [c.meta.region.province, c.meta.region.city === c.meta.region.province ? null : c.meta.region.city, c.meta.region.county].filter(Boolean).join(' ') : '—'));
}

const SCENE = '昨天上午8点刚过,涪城区民政局婚姻登记处就忙碌起来,新人们都想赶在七夕这天登记。记者从市民政局获悉,为满足这一特殊日子的登记需求,全市民政部门推出预约和延时服务,当天全市办理结婚登记近3000对。\n民政部门制定应急预案,增加登记窗口和人员,确保符合条件的当事人全部办理登记。\n';

test('regions: a headline\'s "city:" over a district body\'s scene is the city\'s', async () => {
  assert.deepEqual(await regions(`绵阳:七夕当天三千对新人登记结婚\n作者:admin 发布日期: 2023-08-23\n${SCENE}`), ['四川省 绵阳市']);
});

test('regions: a unit the case states (供稿) still fixes the depth', async () => {
  assert.deepEqual(await regions(`七夕当天三千对新人登记结婚\n${SCENE}(涪城区民政局供稿)\n`), ['四川省 绵阳市 涪城区']);
});

test('regions: a city\'s account opening with one district\'s body and citing its others is the city\'s', async () => {
  const text =
    '七夕将至,西固区婚姻登记处正和景区加紧策划集体颁证活动。\n' +
    '在黄河之滨,兰州正在进行一场婚俗的变革:从大操大办到简约庄重,兰州以政策创新、服务升级重塑婚俗。\n' +
    '各辖区因地制宜出台配套政策:城关区推出“零彩礼”礼遇措施;七里河区构建“积分”模式,村民凭积分兑换生活用品。\n' +
    '西固区成立婚俗改革领导小组,30个社区建立红白理事会;榆中县某村制定《婚丧喜庆公约》。\n';
  assert.deepEqual(await regions(text), ['甘肃省 兰州市']);
});

test('regions: a county\'s short name right after another county\'s name is a name inside it', async () => {
  const scope = { province: '甘肃省', city: '兰州市' };
  assert.deepEqual(namedCounties('活动在兰州市城关区七里河畔举行。', scope).map((n) => n.county), ['城关区']);
  assert.deepEqual(namedCounties('活动在兰州市城关区、七里河区举行。', scope).map((n) => n.county), ['城关区', '七里河区'], 'set apart, it is a county');
  const text =
    '今年5月,新修订的条例正式施行,婚姻登记实现全国通办。\n据报道,2025夏日音乐节7月5日至6日在兰州市城关区七里河畔举行。\n' +
    '城关区民政局婚姻登记处将于7月6日进驻音乐节,设立临时婚姻登记点,为新人办理结婚登记。\n符合条件的居民带上身份证即可在现场完成登记。\n';
  assert.deepEqual(await regions(text), ['甘肃省 兰州市 城关区']);
});

const VILLAGE =
  '破陈规树新风 陇原处处文明风(奋进新时代·甘肃篇)\n“彩礼少了,日子好了……”\n在甘肃省定西市安定区香泉镇中川村文化广场前,一段快板逗得村民们哈哈大笑。\n' +
  '村支书多次上门做工作,今年中川村的首场简办婚事在村部广场举行,比去酒店省下5000多元。\n';

test('regions: a village\'s scene the text calls an epitome of its province\'s work is the province\'s', async () => {
  assert.deepEqual(await regions(`${VILLAGE}中川之变,是陇原文明新风的一个缩影。近年来,甘肃针对农村高额彩礼等现象,出台指导意见,指导各市县建设村红白理事会。\n`), ['甘肃省']);
  assert.deepEqual(
    await regions(`${VILLAGE}中川村的变化,村民们看在眼里。近年来,村里建设红白理事会,修订村规民约。\n`),
    ['甘肃省 定西市 安定区'],
    'without it, the chain in the lead is the case\'s',
  );
});

test('regions: a text that says 我省 and names one province once is that province\'s', async () => {
  const head = '通版阅读请点击:\n我省启动“慈善之星”评选工作\n本报讯(记者 李明)记者5月6日从省民政厅获悉,省民政厅日前印发通知,启动第二届“慈善之星”评选工作。\n';
  const tail = '有意参评的单位和个人可按要求向当地民政部门申报。\n';
  assert.deepEqual(await regions(`${head}本届评选重点推荐近两年在四川乡村振兴、疫情防控等慈善活动中事迹突出的单位和个人。\n${tail}`), ['四川省']);
  assert.deepEqual(await regions(`${head}本届评选重点推荐近两年在四川、重庆两地协作中事迹突出的单位和个人。\n${tail}`), ['—'], 'two provinces: which is 我省 is not said');
});

test('regions: list items named after a zone by their municipality\'s name are in the county the others are in', async () => {
  const text =
    '上海市第三批“美丽家园”示范社区名单公布 浦东12个社区上榜\n' +
    '记者昨日从浦东新区民政局获悉,上海市民政局命名第三批“美丽家园”示范社区,其中,浦东新区陆家嘴街道梅园社区、花木街道联洋社区、潍坊新村街道竹园社区、上海自贸区保税社区、上海临港新片区海港社区等12个社区上榜。\n';
  assert.deepEqual(await regions(text), Array(5).fill('上海市 浦东新区'));
});

test('regions: 横县 is read as today\'s 横州市, not inside 纵横县域', () => {
  assert.equal(resolveRegion('横县民政局')?.county, '横州市');
  assert.equal(resolveRegion('横县')?.city, '南宁市');
  assert.equal(resolveRegion('纵横县域经济发展'), null);
});
