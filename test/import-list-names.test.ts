/**
 * Runs of names (stages/listnames.ts): a list's items written one after another, read by the grammar
 * of names, with what a run writes once — a place label, a county, a street — carried to the names after
 * it. Composed here (places real, communities invented), with the counterpart that stays prose.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { nameRun } from '../electron/core/import/stages/listnames.js';

const enc = (s: string) => new TextEncoder().encode(s);
const load = (name: string, text: string) => importFile({ name, bytes: enc(text) });

test('list names: a district label and the street before a community hold for the names after them, line by line', async () => {
  const file = await load(
    'hexie.txt',
    `某市2020年度和谐示范社区评选结果公布\n经各地申报、评审,市政府决定命名以下社区为和谐示范社区。\n2020年度某市和谐示范社区名单\n鼓楼区:华东街道东园社区、西园社区、南园社区\n宁海街道北岸社区、桥头社区\n湖滨街道新华社区\n`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => c.meta.title),
    ['鼓楼区华东街道东园社区', '鼓楼区华东街道西园社区', '鼓楼区华东街道南园社区', '鼓楼区宁海街道北岸社区', '鼓楼区宁海街道桥头社区', '鼓楼区湖滨街道新华社区'],
  );
});

test('list names: a name with its own county starts again; a piece of prose is no run', () => {
  assert.deepEqual(
    nameRun(['盐湖区中城街道甲社区', '安邑街道乙社区', '新绛县丙社区'])?.map((n) => n.title),
    ['盐湖区中城街道甲社区', '盐湖区安邑街道乙社区', '新绛县丙社区'],
  );
  assert.equal(nameRun(['盐湖区中城街道甲社区', '积极推进社区建设']), null);
});

test('list names: an entry’s authors and units under its numbered title are its fields, not items or headings', async () => {
  const file = await load(
    'lunwen.txt',
    `近日,我省报送的3篇研究成果入选全国民政政策理论研究优秀成果。\n全国民政政策理论研究优秀成果(我省)名单:\n1.养老服务统计监测体系研究报告\n李明华 王小平 赵刚\n湖南省民政厅 湖南省统计学会\n2.社会组织退出机制研究\n张晓玲 刘芳\n湖南省民政厅\n3.乡村地名标志设置调研报告\n陈立 周平等\n湖南省民政厅等\n`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(file.cases.map((c) => [c.meta.title, c.meta.unit]), [
    ['养老服务统计监测体系研究报告', '湖南省民政厅 湖南省统计学会'],
    ['社会组织退出机制研究', '湖南省民政厅'],
    ['乡村地名标志设置调研报告', '湖南省民政厅等'],
  ]);
});

test('list names: a research title’s scope ("——以某市民政工作为例") stays in its title', async () => {
  const file = await load(
    'lunwen-scope.txt',
    `近日,我省报送的2篇研究成果入选全国民政政策理论研究优秀成果。\n全国民政政策理论研究优秀成果(我省)名单:\n1.发挥民政工作“稳定器”作用研究——以雅安市民政工作为例\n高勇 谢婷婷\n四川省雅安市民政局\n2.社会组织退出机制研究——基于三省的调查\n张晓玲 刘芳\n四川省民政厅\n`,
  );
  assert.deepEqual(file.cases.map((c) => [c.meta.title, c.meta.subtitle ?? null]), [
    ['发挥民政工作“稳定器”作用研究——以雅安市民政工作为例', null],
    ['社会组织退出机制研究', '基于三省的调查'],
  ]);
});

test('list names: a bulleted run of names ("●甲社区" over "●乙社区") is read without its bullets', async () => {
  const file = await load(
    'bullets.txt',
    `我市3个社区入选2023年全国示范性老年友好型社区\n近日,全国老龄办公布了名单。我市入选的社区是:\n●盐湖区中城街道八一西街社区\n●新绛县龙湖社区\n●夏县城南社区\n近年来,全市坚持以创建促提升,老年人居家生活更加便利,创建工作走在全省前列,社区养老服务能力明显增强。`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(file.cases.map((c) => c.meta.title), ['盐湖区中城街道八一西街社区', '新绛县龙湖社区', '夏县城南社区']);
});

test('list names: numbers in sequence set apart by a space, places before a name on its line, and names after "如下:" split by semicolons', async () => {
  const numbered = await load('num-space.txt', `2023年全国示范性老年友好型社区名单(山西省)\n1 盐湖区中城街道八一西街社区\n2 新绛县龙湖社区\n3 夏县城南社区\n`);
  assert.deepEqual(numbered.cases.map((c) => c.meta.title), ['盐湖区中城街道八一西街社区', '新绛县龙湖社区', '夏县城南社区']);
  const placed = await load('place-spaced.txt', `2023年全国示范性老年友好型社区名单(山西省)\n运城市 盐湖区 中城街道八一西街社区\n运城市 新绛县 龙湖社区\n运城市 夏县 城南社区\n`);
  assert.deepEqual(placed.cases.map((c) => [c.meta.title, c.meta.unit ?? null, c.meta.region?.county]), [
    ['中城街道八一西街社区', null, '盐湖区'],
    ['龙湖社区', null, '新绛县'],
    ['城南社区', null, '夏县'],
  ]);
  const semis = await load('semis.txt', `近日,2023年全国示范性老年友好型社区名单公布,我市入选社区如下:盐湖区中城街道八一西街社区;新绛县龙湖社区;夏县城南社区。\n近年来,全市坚持以创建促提升,老年人居家生活更加便利,创建工作走在全省前列,社区养老服务能力明显增强。`);
  assert.deepEqual(semis.cases.map((c) => [c.meta.title, c.meta.award]), [
    ['盐湖区中城街道八一西街社区', '2023年全国示范性老年友好型社区'],
    ['新绛县龙湖社区', '2023年全国示范性老年友好型社区'],
    ['夏县城南社区', '2023年全国示范性老年友好型社区'],
  ]);
  // A table's rows keep their first column.
  const table = await load('table.txt', `2023年度全市十佳社区名单\n序号 社区名称 所属县区\n1 八一西街社区 盐湖区\n2 龙湖社区 新绛县\n3 城南社区 夏县\n`);
  assert.deepEqual(table.cases.map((c) => c.meta.title), ['八一西街社区', '龙湖社区', '城南社区']);
});

test('list names: a list name counting its winners before a verb gives the honour after it; a year or a round is no count', async () => {
  const { honourOfListName } = await import('../electron/core/import/stages/honours.js');
  assert.equal(honourOfListName('我市7社区(村)跻身全国示范性老年友好型社区创建'), '全国示范性老年友好型社区创建');
  assert.equal(honourOfListName('2022年度全省民政工作优秀创新案例'), '2022年度全省民政工作优秀创新案例');
  assert.equal(honourOfListName('第三批全国婚俗改革实验区'), '第三批全国婚俗改革实验区');
});
