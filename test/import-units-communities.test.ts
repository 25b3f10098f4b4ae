/**
 * Units of community and street cases (unitmodel.ts), on texts written for the test: a community's
 * or a street's own name, once written as a name, is that place wherever the text writes it again
 * (inside a clause, after a town whose name reads as a word, opening a clause on a character that
 * elsewhere begins a quantifier); 多 before no measure word begins a name; a street the text also
 * writes by its own name alone is named so, a town keeps its county; a place's name always followed
 * by the same words is part of a longer name; a body honoured is marked so for the model; a round-up
 * of several provinces' organs, and a body coming to the text's own division, give the opening's
 * rules no unit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { resolveRegion } from '../electron/core/regions/index.js';
import { unitCandidates, UNIT_FEATURES } from '../electron/core/import/stages/unitmodel.js';
import { unitFromOpening } from '../electron/core/import/stages/units.js';

const dir = mkdtempSync(path.join(tmpdir(), 'huibian-units-communities-'));
let n = 0;
async function unitOf(text: string): Promise<string | null> {
  const file = path.join(dir, `case-${n++}.txt`);
  writeFileSync(file, text);
  const r = await importFile({ name: path.basename(file), path: file });
  return r.cases[0]?.meta.unit ?? null;
}

const mentions = (name: string, input: Parameters<typeof unitCandidates>[0]): number => {
  const c = unitCandidates(input).find((x) => x.name === name);
  return c ? Math.round(Math.expm1(c.features[UNIT_FEATURES.indexOf('mentions')]!)) : 0;
};

test('units: a community named once as a name is that community wherever the text writes it again', async () => {
  const home = resolveRegion('内蒙古自治区包头市昆都仑区');
  const paragraphs = [
    '“今年的邻里节比往年还热闹。”在青禾社区文化广场上,刚领完月饼的王阿姨向社区书记竖起大拇指。青禾社区成为全区邻里互助试点社区后,每月都办活动。',
    '“社区有5支志愿服务队,队员都是辖区居民。”社区书记说。',
    '青禾社区的老年食堂每天中午开饭,价格实惠。',
  ];
  // Once at a clause's start (青禾社区成为…), twice inside clauses (在青禾社区…, …的老年食堂 opening the last paragraph).
  assert.equal(mentions('青禾社区', { title: '这个社区的邻里节真热闹', paragraphs, home }), 3);
  assert.equal(await unitOf(`这个社区的邻里节真热闹\n\n${paragraphs.join('\n\n')}\n`), '青禾社区');
});

test('units: a name opening on a quantifier\'s character (多) is read as the name the text wrote after its division', () => {
  const home = resolveRegion('吉林省长春市朝阳区');
  const paragraphs = [
    '初夏,记者走进吉林省长春市朝阳区清泉街道多宝社区,健身广场和凉亭随处可见。',
    '社区主任介绍,多宝社区建于1985年,有40栋住宅楼。',
    '多宝社区以“民有所呼、我有所应”为宗旨,把服务做到居民家门口。',
  ];
  assert.equal(mentions('多宝社区', { title: '老旧小区变了样', paragraphs, home }), 3);
});

test('units: a name opening on 多 that is no quantifier is a name where it opens a clause, and a town read as a word is one before its community', () => {
  const home = resolveRegion('安徽省芜湖市无为市');
  const alone = unitCandidates({ title: '', paragraphs: ['多宝社区建于1985年,有40栋住宅楼。', '多宝社区以“民有所呼、我有所应”为宗旨。', '多个社区也在学习这一做法。'], home });
  assert.deepEqual(alone.map((c) => c.name), ['多宝社区']);
  // 新城镇 ends as 城镇 ("towns") does; before its community it is the town's name.
  const town = unitCandidates({ title: '新城镇青松社区:小食堂大民生', paragraphs: ['青松社区老年助餐食堂去年启用,很快得到居民认可。'], home });
  const c = town.find((x) => x.name === '青松社区');
  assert.ok(c, town.map((x) => x.name).join());
  assert.equal(c.features[UNIT_FEATURES.indexOf('inTitle')], 1);
});

test('units: a street the text also writes alone is named so; a town keeps its county', () => {
  const street = unitCandidates({
    title: '',
    paragraphs: ['和平区文华街道社区食堂门口的留言板上,居民写下了心愿。重阳节当天,街道办起敬老宴。', '文华街道党工委书记在现场说:“居民点单、社区接单。”'],
    home: resolveRegion('辽宁省沈阳市和平区'),
  }).map((c) => c.name);
  assert.ok(street.includes('文华街道') && !street.includes('和平区文华街道'), street.join());
  const town = unitCandidates({
    title: '',
    paragraphs: ['今年以来,凤县红花铺镇着力健全养老服务体系,开办老人食堂。', '中午11时,红花铺镇老人食堂准时开饭。', '红花铺镇将继续优化食堂运营。'],
    home: resolveRegion('陕西省宝鸡市凤县'),
  }).map((c) => c.name);
  assert.ok(town.includes('凤县红花铺镇') && !town.includes('红花铺镇'), town.join());
});

test('units: a street named with its county recurs by its own name alone inside a clause', () => {
  const names = unitCandidates({
    title: '社区食堂的年夜饭',
    paragraphs: ['29日中午,重庆市江北区观音桥街道社区食堂贴满春联。', '食堂由江北区民政局和观音桥街道指导开办,为辖区老人供餐。'],
    home: resolveRegion('重庆市江北区'),
  });
  const street = names.find((c) => c.name === '观音桥街道');
  assert.ok(street, names.map((c) => c.name).join());
  assert.equal(Math.round(Math.expm1(street.features[UNIT_FEATURES.indexOf('mentions')]!)), 2);
});

test('units: a village\'s name always followed by the same words is part of a longer name, no unit', () => {
  const names = unitCandidates({
    title: '爱心食堂里的幸福味道',
    paragraphs: ['当地有一家特别的食堂——青山村敬老家园爱心食堂,每到饭点都暖意融融。', '青山村敬老家园是乡村振兴的敬老示范点,食堂由爱心人士发起运营。'],
    home: resolveRegion('重庆市潼南区'),
  }).map((c) => c.name);
  assert.ok(!names.includes('青山村'), names.join());
});

test('units: a body honoured ("先后荣获…称号") is marked so; one named after a preposition is not', () => {
  const honoured = (paragraphs: string[], name: string) =>
    unitCandidates({ title: '', paragraphs, home: resolveRegion('江西省九江市') }).find((c) => c.name === name)?.features[UNIT_FEATURES.indexOf('honoured')];
  assert.equal(honoured(['过去一年,全市民政系统各项任务圆满完成。2016年,九江市民政局先后荣获全省民政工作综合评估优秀单位等荣誉称号。'], '九江市民政局'), 1);
  assert.equal(honoured(['九江市民政局获评全省民政系统先进集体。'], '九江市民政局'), 1);
  assert.equal(honoured(['在九江市民政局指导下,社区开展活动。'], '九江市民政局'), 0);
});

test('units: a round-up of several provinces\' organs gives the opening no unit', () => {
  const paragraphs = [
    '七夕将至,多地民政部门宣布当天加班办理结婚登记,并策划庆祝活动。',
    '江苏省民政厅决定七夕提供延时服务,还计划举办集体颁证。',
    '重庆市民政局同样宣布七夕当天上午加班,并提醒预约登记要带齐证件。',
    '甘肃省民政厅强调网络和电话预约的便利,鼓励各地灵活安排。',
  ];
  assert.equal(unitFromOpening(paragraphs), null);
  // One province's organs, or two: the subject stays the unit.
  assert.equal(unitFromOpening(paragraphs.slice(0, 3)), '江苏省民政厅');
});

test('units: a body coming to the text\'s own division is no subject the opening takes for the unit', () => {
  assert.equal(unitFromOpening(['近日,南阳市民政局到我县调研养老服务工作,先后来到县社会福利中心。']), null);
  assert.equal(unitFromOpening(['近日,南阳市民政局在全市开展养老服务专项检查。']), '南阳市民政局');
});
