import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFile } from '../electron/core/import/index.js';
import { canonical, hasUnitModel, unitCandidates, unitPlacesItself, UNIT_FEATURES } from '../electron/core/import/stages/unitmodel.js';
import { loose } from '../scripts/score-import.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tuning = path.join(here, 'fixtures/portal/tuning');

test('unit model: the weights are fitted for the features unitmodel.ts computes', () => {
  assert.ok(hasUnitModel(), 'units.weights.ts is stale: node --import tsx scripts/fit-units.ts --write');
});

test('unit model: a name is written as a unit is (grass roots without their divisions, a town with its county, an organ without its province)', () => {
  assert.equal(canonical('北京市朝阳门街道'), '朝阳门街道');
  assert.equal(canonical('宝鸡市麟游县丈八镇'), '麟游县丈八镇');
  assert.equal(canonical('南宁市西乡塘区明秀南社区'), '明秀南社区');
  assert.equal(canonical('乌鲁木齐市北站路北社区'), '北站路北社区');
  assert.equal(canonical('四川省开江县民政局'), '开江县民政局');
  assert.equal(canonical('安庆市宜秀区民政局'), '安庆市宜秀区民政局');
  // A city's short form before a county in full is a division, not part of the community's name.
  assert.equal(canonical('太原小店区窑子上社区'), '窑子上社区');
  // A community is named within its street or town, as within its divisions.
  assert.equal(canonical('城北街道祝丰亭社区'), '祝丰亭社区');
  assert.equal(canonical('南岸区黄陵街道窑子上社区'), '窑子上社区');
  // A street led by a short form keeps it: it is part of the street's name.
  assert.equal(canonical('朝阳门街道'), '朝阳门街道');
});

test('unit model: a community named alone places nothing by the short form it begins with; a name led by a division does', () => {
  assert.equal(unitPlacesItself('南湖社区'), false);
  assert.equal(unitPlacesItself('南岸区南湖社区'), true);
  assert.equal(unitPlacesItself('窑子上社区'), true);
  assert.equal(unitPlacesItself('锦州市民政局'), true);
  // A street before the community: the streets table may place it.
  assert.equal(unitPlacesItself('太湖街道万科社区'), true);
});

test('unit model: one body under its several writings is one candidate', () => {
  const candidates = (paragraphs: string[]) => unitCandidates({ title: '', paragraphs });
  const feature = (c: { features: number[] }, name: (typeof UNIT_FEATURES)[number]) => c.features[UNIT_FEATURES.indexOf(name)]!;
  // A community holds no village: "某社区某某村" is the community and its residential compound.
  assert.deepEqual(candidates(['茶馆位于南岸区南湖社区花园七村。']).map((c) => c.name), ['南湖社区']);
  // The short form and the kind alone ("南湖社区") are the name the text wrote after its division.
  const community = candidates(['茶馆位于南岸区南湖社区花园七村。', '余建回忆,南湖社区始建于上世纪八十年代。']);
  assert.deepEqual(community.map((c) => c.name), ['南湖社区']);
  assert.equal(feature(community[0]!, 'mentions'), Math.log1p(2));
  // Met only so, it is that place's communities, no name.
  assert.deepEqual(candidates(['北京街道开展议事协商。']).map((c) => c.name), []);
  // A body renamed: its former name's mentions are the new name's.
  const renamed = candidates(['2003年5月,某市收容遣送站建成留验观察区。8月,哈尔滨收容遣送站更名为哈尔滨市救助管理站。该站全年救助1017人。']);
  assert.deepEqual(renamed.map((c) => c.name), ['哈尔滨市救助管理站']);
  assert.equal(feature(renamed[0]!, 'mentions'), Math.log1p(2));
  // A town's own body named after the town alone, where the text names the town with its county: with the
  // county, as the town; shortened to the town and its kind's last word, the same body.
  const station = candidates(['布拖县九都镇地广人稀。2021年,九都镇退役军人服务站建成投入使用。', '九都镇服务站建立来访接待制度。']);
  assert.deepEqual(station.map((c) => c.name), ['布拖县九都镇', '布拖县九都镇退役军人服务站']);
  assert.equal(feature(station[1]!, 'mentions'), Math.log1p(2));
  // An abbreviation of the kind after the same place (救助站 of 救助管理站) is the same body.
  const aid = candidates(['近日,海门区救助管理站开展寒冬送温暖专项救助行动。', '海门区救助站工作人员走上街头巡查。']);
  assert.deepEqual(aid.map((c) => c.name), ['海门区救助管理站']);
  assert.equal(feature(aid[0]!, 'mentions'), Math.log1p(2));
  // 把 opens the predicate: the body before it is the subject, not the modifier of its object's 辖区.
  const subject = candidates(['日前,城北街道祝丰亭社区把辖区内的超市定为社区救灾应急物资储备点。']);
  assert.equal(subject[0]?.name, '祝丰亭社区');
  assert.equal(feature(subject[0]!, 'leadSubject'), 1);
  assert.equal(feature(subject[0]!, 'modifierShare'), 0);
});

test('unit model: candidates are bodies by the grammar of their names, not words ending in a kind', () => {
  const names = (text: string) => unitCandidates({ title: '', paragraphs: [text] }).map((c) => c.name);
  // A quantifier or a verb between the place and the kind: Beijing's streets, a verb's object.
  assert.deepEqual(names('北京不少街道探索“接诉即办”,兰州依托社区服务站开展活动。'), []);
  // 民政部门 is the civil-affairs departments, not the ministry.
  assert.ok(!names('昭通市民政部门持续推进婚俗改革。').some((n) => n.endsWith('民政部')));
  // A body named only as its director's: the director acts.
  assert.deepEqual(names('盐亭县民政局局长王某调研养老服务。'), []);
  // A department of the bureau is no mention of the bureau.
  assert.deepEqual(unitCandidates({ title: '盐亭县民政局社会救助股', paragraphs: ['近年来,全县推进社会救助改革。'] }).map((c) => c.name), []);
  // A town's own body after the town (the town, bare and met once, is no candidate of its own).
  assert.deepEqual(names('我区下管镇未成年人保护工作站入选省级典型案例。'), ['下管镇未成年人保护工作站']);
  // A verb and its object met once ("修订村规民约", "指导村(社区)") is no village.
  assert.deepEqual(names('同时,修订村规民约,指导村(社区)开展议事协商。'), []);
  // A numeral before a measure word is a quantifier; before a name's other characters it begins the name.
  assert.deepEqual(names('布拖县三个乡镇退役军人服务站建成投入使用。'), []);
  assert.deepEqual(names('布拖县九都镇退役军人服务站建成投入使用。'), ['布拖县九都镇', '布拖县九都镇退役军人服务站']);
  // A town named twice with no division before it is one.
  assert.deepEqual(names('丈八镇老人食堂准时开饭。丈八镇将继续优化食堂运营。'), ['丈八镇']);
});

test('unit model: pages that print no unit get the body their text is about (batch 16 and 17 pages, left out of the rules)', async () => {
  for (const name of [
    'chaoyangmen-2022-yanglao-lianheti.txt',
    'linyou-zhangba-laoren-shitang.txt',
    'nanning-2026-mingxiunan-shequ-fanti.txt',
    'wulumuqi-2015-shihu-lianbao.txt',
    'wulumuqi-2015-shihu-lianbao.docx',
    'haerbin-2003-jiuzhu-guanli-zhan.txt',
    'nanan-2024-babacha-fanti.txt',
    'wucheng-2012-zhufengting-wuzi-fanti.txt',
    'taiyuan-2025-xiaoyuan-yishihui.txt',
    'taiyuan-2025-xiaoyuan-yishihui.docx',
  ]) {
    const fixture = path.join(tuning, name);
    const want = JSON.parse(readFileSync(fixture.replace(/\.(?:txt|docx)$/u, '.expected.json'), 'utf8')) as { cases: Array<{ unit: string }> };
    const file = await importFile({ name, path: fixture });
    assert.equal(loose(file.cases[0]?.meta.unit), loose(want.cases[0]!.unit), name);
  }
});
