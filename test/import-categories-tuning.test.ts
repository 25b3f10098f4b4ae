/**
 * Categories on real tuning pages, imported whole as `huibian import` reads them: a list item the
 * list leaves level or unplaced is filed by what its own name says it is; 命名 names 区划地名's work
 * only in its naming sense, and a column's label 名称 names nothing; a compound's first noun
 * modifies its head; a headline naming an area the text treats is no survey.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { scoreCategories } from '../electron/core/import/stages/category.js';
import { PORTAL_DIR } from '../scripts/score-import.js';

const categories = async (name: string): Promise<Map<string, string>> => {
  const file = await importFile({ name, path: path.join(PORTAL_DIR, 'tuning', name) });
  return new Map(file.cases.map((c) => [c.meta.title, c.meta.category ?? '']));
};

test('category: items of a list outside 民政 or about 民政 as a whole go by the body they name', async () => {
  // 全国民政系统先进集体: a welfare home is 养老服务's, a community service centre 基层's, a cemetery 优抚安置's.
  const shanghai = await categories('shanghai-2019-minzheng-xianjin-jiti.txt');
  assert.equal(shanghai.get('市第一社会福利院'), '养老服务');
  assert.equal(shanghai.get('杨浦区社会福利院'), '养老服务');
  assert.equal(shanghai.get('市社区服务中心'), '基层政权和社区治理');
  assert.equal([...shanghai].find(([title]) => title.startsWith('市龙华烈士陵园'))?.[1], '优抚安置');
  // 全国民族团结进步模范集体: a village's party branch is 基层's; a school, a city's government stay 综合.
  const jilin = await categories('jilin-2024-minzu-tuanjie-mofan.txt');
  assert.equal(jilin.get('吉林省通榆县向海蒙古族乡复兴村党支部'), '基层政权和社区治理');
  assert.equal(jilin.get('吉林省珲春市敬信镇防川村党支部'), '基层政权和社区治理');
  assert.equal(jilin.get('吉林省吉林市第七中学校'), '综合');
  assert.equal(jilin.get('吉林省龙井市人民政府'), '综合');
});

test('category: an item whose list leaves areas level is filed by its own title when that names one', async () => {
  const yantian = await categories('yantian-2015-gongyi-tian-fanti.txt');
  // The traditional copy's titles are kept as printed.
  const elderly = [...yantian].find(([title]) => title.startsWith('老年大'));
  assert.equal(elderly?.[1], '养老服务');
});

test('category: naming places is 区划地名; conferring by 命名 and a column headed 名称 are not', async () => {
  const panjin = await categories('panjin-2023-xin-shequ-mingcheng-fanti.txt');
  assert.equal([...panjin.values()][0], '区划地名');
  const beijing = await categories('beijing-2025-wangshang-zhengfu-anli.txt');
  assert.equal(beijing.get('深化政务公开构建政策惠企利民“四通”新格局'), '综合');
  // An honour list 命名s its communities: the honour's area, not 区划地名.
  const conferred = scoreCategories('某社区', '全国示范性老年友好型社区\n全国老龄办决定命名999个社区为全国示范性老年友好型社区，我市3个社区被命名。', { listItem: true });
  assert.equal(conferred.category, '养老服务');
  assert.ok(!conferred.explanation.some((e) => e.category === '区划地名'), 'no 命名 counted for 区划地名');
});

test('category: a headline naming an area its text treats is about that area, not a survey', async () => {
  const lanzhou = await categories('lanzhou-2022-sanshe-liandong.txt');
  assert.equal(lanzhou.get('凝聚基层治理合力 共建共治美好家园'), '基层政权和社区治理');
  // A headline that names none stays a survey.
  assert.equal(
    scoreCategories('我们这一年', '社工站建成120个，社工入户服务困难群众，慈善募捐善款，社区治理创新，低保提标，养老服务扩面。', { article: true }).category,
    '综合',
  );
});

test('category: a list item is filed by its honour when that names an area, whatever little else the page gives', () => {
  // Items and honours as the tuning lists print them, each with its honour alone for context, as
  // on a page whose lead the importer did not read: the honour is conferred by one area's body.
  const cases: Array<[string, string, string]> = [
    ['九如城养老抗疫志愿服务团队', '慈善楷模', '慈善事业和社会工作'], // jiangsu-2021
    ['国网如东县供电公司退役军人共产党员服务队', '慈善楷模', '慈善事业和社会工作'], // jiangsu-2021
    ['昭通市秋城志愿服务中心', '全国先进社会组织', '社会组织'], // yunnan-2026
    ['石家庄市', '河北省双拥模范城', '优抚安置'], // hebei-2017
    ['海淀区', '全国农村社区建设实验县(市、区)', '基层政权和社区治理'], // quanguo-2008: a division is a name
    ['太原市迎泽区', '全国和谐社区建设示范单位', '基层政权和社区治理'], // taiyuan-2015
  ];
  for (const [item, honour, want] of cases) {
    const r = scoreCategories(item, honour, { listItem: true, honour });
    assert.equal(r.category, want, `${item} (${honour})`);
    assert.ok(r.explanation[0]?.words.some((w) => honour.includes(w.word)), `${item}: the honour's words decide`);
  }
  // An honour that only hints (公益, 治理) leaves the item to its own words.
  assert.equal(scoreCategories('“益路童行”关爱困境儿童项目', '2020年度十大公益项目', { listItem: true, honour: '2020年度十大公益项目' }).category, '儿童福利');
});
