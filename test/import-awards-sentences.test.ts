/**
 * Award lists read by the organisation-name grammar and the award's own name (stages/listrows.ts,
 * stages/honours.ts), on tuning pages: winners named in a running sentence (bodies placed by their
 * division or by the page's level word), a row closed by its count ("等100个"), a nomination list's
 * award out of its 公示 wrappers; and the counterparts that must not become items.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { importFile } from '../electron/core/import/index.js';
import { normaliseAward, statedAward } from '../electron/core/import/stages/honours.js';

const TUNING = path.resolve(import.meta.dirname, 'fixtures/portal/tuning');
const load = (name: string) => importFile({ name, path: path.join(TUNING, name) });
const rows = (file: Awaited<ReturnType<typeof load>>) => file.cases.map((c) => [c.meta.title, c.meta.award, c.meta.region?.county ?? c.meta.region?.city ?? c.meta.region?.province ?? null]);

test('award sentence: nine bodies before 等9家…被评为, each a body by its kind, the honour the verb’s whole object', async () => {
  const file = await load('changde-shibaiqian-shehui-zuzhi-dierpi.txt');
  assert.equal(file.kind, 'award-list');
  const honour = '全省第二批“十百千”示范社会组织';
  assert.deepEqual(rows(file), [
    ['市外经贸行业协会', honour, '常德市'],
    // "市福建商会" names 福建 but is the city's own chamber: placed by its level word, not in 福建省.
    ['市福建商会', honour, '常德市'],
    ['市东方红博物馆', honour, '常德市'],
    ['市装饰建材行业协会', honour, '常德市'],
    ['市城市管线协会', honour, '常德市'],
    ['临澧县电子商务协会', honour, '临澧县'],
    ['汉寿县太子庙中心医院', honour, '汉寿县'],
    ['津市市德雅中学', honour, '津市市'],
    ['桃源县心理学会', honour, '桃源县'],
  ]);
});

test('award sentence: bodies given a title with 获…称号 are items, the people in the next clauses are not', async () => {
  const file = await load('shanghai-2019-minzheng-xianjin-jiti.txt');
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award]),
    ['市龙华烈士陵园', '市第一社会福利院', '市社区服务中心', '杨浦区社会福利院', '浦东新区重度残疾人寄养院'].map((t) => [t, '全国民政系统先进集体']),
  );
});

test('award sentence: a row after prose joined by 、 starts after its comma; 等100个 closes it; a total conferring nothing is no row', async () => {
  const file = await load('shandong-2023-shegongzhan-shifan-fanti.txt');
  assert.equal(file.kind, 'award-list');
  // The page is traditional: titles keep its characters.
  assert.deepEqual(rows(file), [
    ['濟南市歷下區東關街道社會工作站', '省級示範點', '历下区'],
    ['青島市市南區金門路街道社會工作站', '省級示範點', '市南区'],
    ['淄博市淄川區龍泉鎮社會工作站', '省級示範點', '淄川区'],
  ]);
});

test('nomination list: the award without 拟命名 and the stripped year, the scope note and the 公示 title no items', async () => {
  const file = await load('fujian-laonian-youhao-shequ-nimingming.txt');
  assert.equal(file.kind, 'award-list');
  assert.equal(file.cases.length, 35);
  assert.ok(file.cases.every((c) => c.meta.award === '全国示范性老年友好型社区'));
  assert.ok(!file.cases.some((c) => /福建部分|公示|^关于/u.test(c.meta.title)));
  // 泉州台商投资区 is a functional zone, no county of GB/T 2260: filed under its city.
  const zone = file.cases.find((c) => c.meta.title.includes('台商投资区'))!;
  assert.deepEqual([zone.meta.region?.city, zone.meta.region?.county], ['泉州市', null]);
});

test('normaliseAward: wrappers and digit-stripped years go, real years and a nomination grade stay', () => {
  assert.equal(normaliseAward('0年全国示范性老年友好型社区拟命名'), '全国示范性老年友好型社区');
  assert.equal(normaliseAward('全国先进基层群众性自治组织拟表彰名单'), '全国先进基层群众性自治组织');
  assert.equal(normaliseAward('2023年全国示范性老年友好型社区'), '2023年全国示范性老年友好型社区');
  assert.equal(normaliseAward('拟入选优秀创新案例'), '拟入选优秀创新案例');
  assert.equal(normaliseAward(null), null);
});

test('a single case’s stated honour: the quoted name of its lead over its headline’s short form', async () => {
  // yanji's headline and lead as the page prints them (its menu above is the furniture stage's).
  const yanji = readFileSync(path.join(TUNING, 'yanji-2021-minzheng-youxiu.txt'), 'utf8').split('\n').map((l) => l.trim());
  const headline = yanji.find((l) => l.includes('被评为'))!;
  const lead = yanji.find((l) => l.includes('获评'))!;
  assert.equal(statedAward([headline, lead]), '全省民政工作目标责任制综合评估成绩优秀单位');
  assert.equal(statedAward([headline]), '全省民政工作优秀单位');
  const chengdong = await load('chengdong-2015-hexie-shequ.txt');
  assert.equal(chengdong.cases[0]!.meta.award, '全国和谐社区建设示范城区');
});

test('statedAward: an honour won, not praise, a grant or a result', () => {
  assert.equal(statedAward(['某县民政局被评为全省民政工作先进单位']), '全省民政工作先进单位');
  assert.equal(statedAward(['该项目荣获全省第二批“十百千”示范社会组织称号']), '全省第二批“十百千”示范社会组织');
  assert.equal(statedAward(['常德市慈善总会获评5A级社会组织']), '5A级社会组织');
  assert.equal(statedAward(['这一做法获得群众好评,获得省级资金支持']), null);
  assert.equal(statedAward(['社区获得“居民满意”的评价']), null);
  assert.equal(statedAward(['记者从省民政厅获悉,全省养老服务体系建设取得成效']), null);
});

test('a clause stating who won heads its list ("…荣获“X”称号的有:"); the people’s list under its own clause is no cases', async () => {
  const file = await load('jilin-2024-minzu-tuanjie-mofan.txt');
  assert.equal(file.kind, 'award-list');
  assert.equal(file.cases.length, 8);
  assert.ok(file.cases.every((c) => c.meta.award === '全国民族团结进步模范集体'));
  // Bodies one a line: a party branch or a body's department over the next body is no "title over unit".
  assert.deepEqual(
    file.cases.slice(4).map((c) => c.meta.title),
    ['吉林省珲春市敬信镇防川村党支部', '吉林省龙井市人民政府', '吉林省工商业联合会对外联络部', '延边大学马克思主义学院'],
  );
  assert.ok(!file.cases.some((c) => /王淑清|女/u.test(c.meta.title)));
});

test('a 批复 copied from its 文号 without title, confirming places in one sentence, imports as its list', async () => {
  const file = await load('gansu-2020-shequ-zhili-shiyanqu.txt');
  assert.equal(file.kind, 'award-list');
  assert.equal(file.cases.length, 16);
  // The organ's words before the first place ("省民政厅同意将") are not its name; 等地 closes the row.
  assert.deepEqual([file.cases[0]!.meta.title, file.cases[15]!.meta.title], ['兰州市城关区', '兰州新区中川园区']);
  assert.ok(file.cases.every((c) => c.meta.award === '全省城乡社区治理创新实验区'));
});

test('names in the headline alone, over the article’s paragraphs, are its title, not a list', async () => {
  const file = await load('shaanxi-2017-binzang-shidian.txt');
  assert.equal(file.kind, 'single-case');
  assert.equal(file.cases.length, 1);
});

test('honours a report’s paragraph mentions among its other facts, after paragraphs of the report, are no list', async () => {
  const file = await load('lasa-2023-minsheng-zhuxian.txt');
  assert.equal(file.kind, 'single-case');
  assert.equal(file.cases.length, 1);
});

test('honourees after 分别是, a body beside people: the body is the list’s one item, with the honour for bodies', async () => {
  const file = await load('changchun-2022-shequ-zizhi-biaozhang.txt');
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(rows(file), [['绿园区青年路街道银融社区居民委员会', '全国先进基层群众性自治组织', '绿园区']]);
  // People only, or a body beside a phrase of prose: no list.
  const people = await importFile({
    name: 'people.txt',
    bytes: new TextEncoder().encode('民政部公示了全国优秀城乡社区工作者拟表彰名单。我市2名同志入选,分别是朝阳区红旗街道德昌社区党委书记孙某(女),南关区东风社区居委会主任王某。\n两位同志长期扎根基层,服务居民。'),
  });
  assert.equal(people.kind, 'single-case');
  const prose = await importFile({
    name: 'prose.txt',
    bytes: new TextEncoder().encode('民政部公示了全国先进基层群众性自治组织拟表彰名单。我市入选的分别是绿园区青年路街道银融社区居民委员会,多年来坚持居民议事协商。\n该社区服务居民成效明显。'),
  });
  assert.equal(prose.kind, 'single-case');
});

test('bodies one to a comma after a cue are honourees when an honour is named; a count of bodies described is not', async () => {
  const load2 = (text: string) => importFile({ name: 'row.txt', bytes: new TextEncoder().encode(text) });
  const listed = await load2('近日,省民政厅公布了2024年度全省先进社会组织名单。我市3家社会组织入选,分别是常德市慈善总会,临澧县电子商务协会,桃源县心理学会。\n据了解,此次评选共有120家社会组织参评。');
  assert.equal(listed.kind, 'award-list');
  assert.deepEqual(listed.cases.map((c) => [c.meta.title, c.meta.award]), ['常德市慈善总会', '临澧县电子商务协会', '桃源县心理学会'].map((t) => [t, '2024年度全省先进社会组织']));
  // Separated by ；under a clause naming the honour in quotes ("获评“X”的单位有:").
  const semi = await load2('近日,全省社会组织评估结果揭晓。获评“全省先进社会组织”的单位有:常德市慈善总会；临澧县电子商务协会；桃源县心理学会。\n据了解,此次评选共有120家社会组织参评。');
  assert.deepEqual(semi.cases.map((c) => [c.meta.title, c.meta.award]), ['常德市慈善总会', '临澧县电子商务协会', '桃源县心理学会'].map((t) => [t, '全省先进社会组织']));
  const described = await load2('我县共有3个社区服务机构,分别是城关镇社区服务中心,东城街道社区服务站,西城街道社区服务站。\n这些机构为居民提供日间照料、助餐等服务,受到群众好评。');
  assert.equal(described.kind, 'single-case');
});

test('an organ’s verb before the row ("授予甲、乙、丙“X”称号"): the honour after the last name; praise of work is no row', async () => {
  const load2 = (text: string) => importFile({ name: 'given.txt', bytes: new TextEncoder().encode(text) });
  const given = await load2('人力资源社会保障部、民政部决定,授予常德市民政局、临澧县民政局、桃源县社会福利院“全国民政系统先进集体”称号。\n据悉,此次共表彰先进集体200个。');
  assert.equal(given.kind, 'award-list');
  assert.deepEqual(given.cases.map((c) => [c.meta.title, c.meta.award]), ['常德市民政局', '临澧县民政局', '桃源县社会福利院'].map((t) => [t, '全国民政系统先进集体']));
  const named = await load2('经研究,决定命名临澧县新安镇白龙村、桃源县漳江街道文昌社区、汉寿县龙阳街道办事处为“全省民主法治示范村(社区)”。\n希望受到命名的单位珍惜荣誉。');
  assert.deepEqual(named.cases.map((c) => c.meta.award), Array(3).fill('全省民主法治示范村(社区)'));
  // People given an honour are no row of bodies.
  const people = await load2('决定授予张三、李四“全省民政系统劳动模范”称号。\n希望受到表彰的同志珍惜荣誉。');
  assert.equal(people.kind, 'single-case');
  // 获 with a grant after it confers nothing.
  const granted = await load2('2024年度全省民政工作先进单位名单公布。常德市民政局、临澧县民政局获省级资金支持。\n下一步将加强管理。');
  assert.equal(granted.kind, 'single-case');
  const praised = await load2('会议表彰了常德市民政局、临澧县民政局的工作,要求各地学习借鉴。\n会议还部署了下一阶段工作。');
  assert.equal(praised.kind, 'single-case');
});

test('a 公示 of those proposed (拟推荐…为X): the honour from its title or lead, whichever names it', async () => {
  const file = await importFile({
    name: 'gongshi.txt',
    bytes: new TextEncoder().encode('关于拟推荐2024年度全国先进社会组织的公示\n根据工作安排,经评审,拟推荐以下单位为2024年度全国先进社会组织,现予以公示。\n1.常德市慈善总会\n2.临澧县电子商务协会\n3.桃源县心理学会\n公示期为5个工作日。'),
  });
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(file.cases.map((c) => c.meta.award), Array(3).fill('2024年度全国先进社会组织'));
});

test('a body the kinds do not spell out, after its place, is a row’s name ("临澧县慈善会"); meetings are not', async () => {
  const load2 = (text: string) => importFile({ name: 'bodies.txt', bytes: new TextEncoder().encode(text) });
  const file = await load2('近日,常德市慈善总会、临澧县慈善会获“全省慈善奖”。\n据悉,共有20家单位获此殊荣。');
  assert.deepEqual(file.cases.map((c) => [c.meta.title, c.meta.award]), [['常德市慈善总会', '全省慈善奖'], ['临澧县慈善会', '全省慈善奖']]);
  const meetings = await load2('常德市推进会、临澧县座谈会获得好评。\n据悉。');
  assert.equal(meetings.kind, 'single-case');
});
