/**
 * Categories: what a case does outweighs where it is done. A setting word (社区, 小区, 居民) is a
 * hint: in a title, one that modifies another area's word ("社区食堂", "社区的老年人") weighs as the
 * opening's and names no area for the tie-break; an area named by hints alone is not one an article
 * treats, so it does not make a one-case article a survey; 食堂 in a 民政 draft is 老年助餐's; other
 * bodies' terms holding an area's word (养老保险, 社区矫正, 未成年人思想道德建设) count for none.
 * Every text is written for its test, in the shapes of the tuning pages (community canteens and
 * home care told from the community they are in), not copied from them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { scoreCategories } from '../electron/core/import/stages/category.js';

async function categoryOf(name: string, text: string): Promise<{ category: string | null; words: string[] }> {
  const file = await importFile({ name, bytes: new TextEncoder().encode(text) });
  const c = file.cases[0]!;
  return { category: c.meta.category ?? null, words: (c.meta.categoryExplanation?.[0]?.words ?? []).map((w) => w.word) };
}

function adds(result: ReturnType<typeof scoreCategories>): void {
  for (const e of result.explanation) {
    if (e.words.length < 10) assert.ok(Math.abs(e.words.reduce((sum, w) => sum + w.count * w.weight, 0) - e.score) < 1e-9, `${e.category}: Σ count × weight = score`);
  }
}

test('category: a community canteen for the elderly is 养老服务, however often the text says 社区', async () => {
  const text = [
    '青石社区食堂办起“邻里饭”',
    '2024年03月02日 来源:某某日报',
    '3月1日中午,某市某区青石街道青石社区食堂里坐满了人,社区里的独居老人和社区居民一起吃饭。',
    '社区食堂由区民政局指导、社区居委会协助开办,社区为80岁以上老人提供优惠午餐,社区志愿者每周送餐上门。',
    '社区书记说,社区还在食堂办生日会,社区居民和老人们在这里拉家常,社区的年轻人下班也来吃饭。',
    '下一步,社区将在小区里再设一个助餐点,让更多老人在家门口吃上热饭。',
  ].join('\n');
  const got = await categoryOf('canteen.txt', text);
  assert.equal(got.category, '养老服务');
  assert.ok(got.words.includes('食堂') || got.words.includes('老人'), `the deciding words are the canteen's and the elderly's: ${got.words.join(' ')}`);
});

test('category: "这个社区的老人…" — the setting before 的 names no area', async () => {
  const text = [
    '这个社区的老人有了第二个家',
    '“社区想得真周到。”在某某社区的小广场上,刚参加完活动的王大爷说。社区成为区里的居家养老服务试点后,老人们唱歌、下棋,中午在社区吃饭。',
    '社区服务中心的功能室里挤满了居民。社区有6支文化队伍,队员都是社区的老年人。',
    '社区书记说,社区还为高龄老人上门理发、测血压。',
  ].join('\n');
  assert.equal((await categoryOf('laoren.txt', text)).category, '养老服务');
  const r = scoreCategories('这个社区的老人有了第二个家', '社区为老人提供午餐。社区居民参与服务。');
  const inTitle = r.explanation.flatMap((e) => e.words).find((w) => w.word === '社区' && w.weight > 1);
  assert.equal(inTitle, undefined, '社区 in the title weighs as the opening, not ×4');
  adds(r);
});

test('category: a community\'s own governance stays 基层政权和社区治理 when it also serves the elderly', async () => {
  const text = [
    '某某社区:议事会让居民当家作主',
    '某某社区成立居民议事会,每月召开协商议事会议,小区加装电梯、停车位划分等事由居民协商决定。',
    '社区还组织楼栋长走访独居老人,议事会把居民的意见汇总后交居委会办理,物业和业主委员会列席。',
  ].join('\n');
  assert.equal((await categoryOf('yishi.txt', text)).category, '基层政权和社区治理');
});

test('category: an article is a survey only when three areas are named by subject words', () => {
  // One case (the elderly's canteen) with its means (慈善 funds, 社工) and its setting (社区): not a survey.
  const one = scoreCategories('新春走基层|社区食堂摆起年饭', '社区食堂由街道开办,采用“商业运营+公益慈善”模式,长期为空巢老人和独居老人提供免费午餐,老人们在食堂过年。社工在食堂办腊八粥活动,老人们说食堂就是家。', { article: true });
  assert.equal(one.category, '养老服务');
  adds(one);
  // A bureau's year that names several areas by their own terms stays 综合.
  const survey = scoreCategories('今年全市民政工作成效明显', '全市低保标准提高,特困人员供养到位;新建养老机构5家,老年助餐点30个;慈善募捐善款800万元;婚姻登记和殡葬改革稳步推进。', { article: true });
  assert.equal(survey.category, '综合');
});

test('category: other bodies\' terms that hold an area\'s word count for none', () => {
  const insurance = scoreCategories('某县城乡居民养老保险参保率达98%', '县人社局推进城乡居民养老保险扩面,养老保险待遇按时足额发放。');
  assert.ok(!insurance.explanation.some((e) => e.category === '养老服务'), '养老保险 is 人社\'s');
  const correction = scoreCategories('社区矫正工作推进会召开', '县司法局部署社区矫正对象管理,社区矫正工作规范化。');
  assert.ok(!correction.explanation.some((e) => e.words.some((w) => w.word === '社区')), '社区矫正 is 司法行政\'s');
  // An honour of 精神文明建设 is no 儿童福利: its items go by their own names and list.
  const honour = scoreCategories('某某市', '第五届全国未成年人思想道德建设工作先进城市\n全国精神文明建设表彰大会表彰未成年人思想道德建设工作先进城市和文明单位。', { listItem: true, honour: '第五届全国未成年人思想道德建设工作先进城市' });
  assert.notEqual(honour.category, '儿童福利');
});

test('category: 红白事 and the village\'s 红白理事会 are 婚丧 reform (社会事务)', () => {
  const r = scoreCategories('某村红白事有了新规矩', '村红白理事会定下红白事标准,村民家办红白事不摆宴席,村民小组长和村委会上门宣传,村民都守规矩。');
  assert.equal(r.category, '社会事务');
  adds(r);
});

test('category: a list item whose own title names a subject is filed by it, over its list\'s hints', () => {
  // The list's lead says 治理 in every line (a city's list of reforms); the item names its own work.
  const context = '全市社会治理创新项目\n近年来,全市坚持共建共治共享,推进社会治理现代化,基层治理、网格治理、信用治理、依法治理、系统治理、综合治理、源头治理成效明显,治理体系更加完善。';
  const r = scoreCategories('支持发展志愿服务组织,助力社会治理现代化', context, { listItem: true });
  assert.equal(r.category, '慈善事业和社会工作');
  assert.ok(r.explanation[0]!.words.some((w) => w.word === '志愿服务'), 'the deciding word is the item\'s own');
  // An item that is only a name still takes its list's area.
  assert.equal(scoreCategories('某某街道某某社区', context, { listItem: true }).category, '基层政权和社区治理');
});
