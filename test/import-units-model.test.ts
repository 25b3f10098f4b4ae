import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFile } from '../electron/core/import/index.js';
import { canonical, hasUnitModel, unitCandidates } from '../electron/core/import/stages/unitmodel.js';
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
  // A town named twice with no division before it is one.
  assert.deepEqual(names('丈八镇老人食堂准时开饭。丈八镇将继续优化食堂运营。'), ['丈八镇']);
});

test('unit model: pages that print no unit get the body their text is about (batch 16 pages, left out of the rules)', async () => {
  for (const name of ['chaoyangmen-2022-yanglao-lianheti.txt', 'linyou-zhangba-laoren-shitang.txt', 'nanning-2026-mingxiunan-shequ-fanti.txt', 'wulumuqi-2015-shihu-lianbao.txt', 'wulumuqi-2015-shihu-lianbao.docx']) {
    const fixture = path.join(tuning, name);
    const want = JSON.parse(readFileSync(fixture.replace(/\.(?:txt|docx)$/u, '.expected.json'), 'utf8')) as { cases: Array<{ unit: string }> };
    const file = await importFile({ name, path: fixture });
    assert.equal(loose(file.cases[0]?.meta.unit), loose(want.cases[0]!.unit), name);
  }
});
