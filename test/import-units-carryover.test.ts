/**
 * Units read by general features rather than per page: the organ that is an opening sentence's
 * subject whatever comes before it (a dateline, a purpose clause, a full date), veterans' bureaus
 * as well as 民政 ones, unit cells without a colon, a dashed subtitle naming the body, and organs
 * named relative to the site ("县民政局") that name no unit. Each draft is written for its test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { isOrgan, unitFromOpening, unitLine } from '../electron/core/import/stages/units.js';

async function read(text: string, name = 'draft.txt') {
  return importFile({ name, bytes: new TextEncoder().encode(text) });
}

test('units: the opening subject after a purpose clause, a year or a full date, a dateline and 近日', () => {
  assert.equal(unitFromOpening(['为破解农村养老难题、盘活闲置校舍，2023年，江西省永丰县民政局投入300万元改建互助养老点。']), '永丰县民政局', 'the province written for outside readers is no part of the name');
  assert.equal(unitFromOpening(['为规范公益性公墓管理，推进节地生态安葬，2024年3月12日，盐亭县民政局会同县自然资源局开展联合检查。']), '盐亭县民政局');
  assert.equal(unitFromOpening(['绵阳新闻网5月6日讯(通讯员 张某) 近日，盐亭县退役军人事务局到富驿镇走访退役军人。']), '盐亭县退役军人事务局', 'a veterans\' bureau does its own work too');
  assert.equal(unitFromOpening(['新疆维吾尔自治区民政厅聚焦困难群众，推进救助扩围。']), '新疆维吾尔自治区民政厅', 'a region\'s own organ keeps its name');
});

test('units: an organ that only modifies or shares the subject is no unit', () => {
  assert.equal(unitFromOpening(['昨日上午，盐亭县民政局局长王某到敬老院检查。']), null, 'the director is the subject');
  assert.equal(unitFromOpening(['当天盐亭县民政局婚姻登记处工作人员提前到岗，延时服务。']), null, 'a sub-unit is the subject, and 当天 is no part of a name');
  assert.equal(unitFromOpening(['盐亭县民政局、县财政局和各镇民政办负责人参加会议。']), null, 'one of several');
  assert.equal(unitFromOpening(['盐亭县民政局社会事务股牵头开展殡葬领域专项整治。']), null);
});

test('units: an organ named relative to the site (县民政局, 州退役军人事务局) names no unit', () => {
  assert.equal(isOrgan('县民政局'), false);
  assert.equal(isOrgan('州退役军人事务局'), false);
  assert.equal(isOrgan('市中区民政局'), true, '市中区 is a district of its own');
  assert.equal(isOrgan('盐亭县民政局'), true);
});

test('units: a unit cell without a colon, a foot line with a table bar, a dashed subtitle naming the body', async () => {
  // The cell among others on a metadata row (the row stays: its other cells are not the unit's).
  const lines = ['《盐亭县困难群众救助工作规程》政策解读', '信息来源 盐亭县人民政府 解读单位 盐亭县民政局', '为规范困难群众救助工作，县民政局制定了工作规程。'].map((text) => ({ text }));
  assert.deepEqual(unitLine(lines), { at: 1, unit: '盐亭县民政局', keep: true }, 'the 解读单位 cell, not the page\'s 来源');
  const foot = await read('盐亭县推进社区综合减灾示范创建\n\n近年来，盐亭县加强社区减灾能力建设，3个社区获评全省综合减灾示范社区。\n\n上报单位:盐亭县民政局 |\n信息作者:李某 |\n');
  assert.equal(foot.cases[0]!.meta.unit, '盐亭县民政局', 'the bar is a table cell\'s edge, not part of the name');
  const station = await read(
    '绵阳退役军人服务站风采录\n来源:市退役军人事务局 发布日期:2025-06-01\n为展示各服务站的创新实践，市退役军人事务局开设风采录专栏。\n老兵之家暖人心\n——盐亭县富驿镇退役军人服务站工作纪实\n富驿镇退役军人服务站建成以来，为辖区退役军人提供一站式服务。\n',
  );
  assert.equal(station.cases[0]!.meta.unit, '盐亭县富驿镇退役军人服务站', 'the subtitle names the station; the site\'s 市退役军人事务局 is no name');
  assert.equal(station.cases[0]!.meta.region?.county, '盐亭县', 'a column titled for the city over one county\'s station is that county\'s');
});

test('units: the bureau opening the account after a page\'s lead and a series label is the unit', () => {
  const paragraphs = [
    '社会救助事关困难群众基本生活，是兜底性、基础性的制度安排。',
    '今天一起来看看各地社会救助领域的创新实践。',
    '创新实践案例介绍(二)',
    '基层救助存在办理环节多、转办效率低等问题，亟需改进。',
    '四川省绵阳市民政局在总结救助服务站建设经验的基础上，开展救助受理模式改革。',
  ];
  assert.equal(unitFromOpening(paragraphs), '绵阳市民政局');
  assert.equal(unitFromOpening([...paragraphs.slice(0, 4), '另有三段', '再一段说明问题的背景和成因。', '第七段。', '绵阳市民政局在第八段才出现。']), null, 'deep in the text an organ is no longer the case\'s subject');
});
