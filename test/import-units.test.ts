/**
 * The second importer round's rules, each on a small draft written for the test: where the
 * innovating unit is printed outside a form, contact lines kept for the proofing gate, results
 * given as graded sentences, a compilation's tagged part heading, and when an article is a
 * survey of a bureau's work (综合).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { scoreCategories } from '../electron/core/import/stages/category.js';

async function read(text: string, name = 'draft.txt') {
  return importFile({ name, bytes: new TextEncoder().encode(text) });
}

test('units: a contact line stays in the text (with phone and ID number), not silently dropped', async () => {
  const f = await read(
    '济南市“暖心救助”创新做法\n近年来，济南市民政局创新开展暖心救助，为困难群众提供帮助，取得明显成效。\n一、主要做法\n建立主动发现机制，及时救助困难群众。\n联系人：李明，电话：13912345678，身份证号码：370102198001011234\n',
  );
  const text = blocksText(f.cases[0]!.body);
  assert.match(text, /13912345678/u, 'the phone number is in the body the proofing gate reads');
  assert.match(text, /370102198001011234/u);
});

test('units: a labelled 上报单位 line at the foot, a speaker line and an organ alone under the title', async () => {
  const foot = await read('某县民政局加大民生工程宣传力度\n\n近日，该局在婚姻登记大厅发放印有救助政策的宣传品，群众反映良好。\n\n上报单位:安庆市宜秀区民政局\n信息作者:王晶晶\n');
  assert.equal(foot.cases[0]!.meta.unit, '安庆市宜秀区民政局');
  assert.doesNotMatch(blocksText(foot.cases[0]!.body), /上报单位/u, 'the unit line leaves the text');
  const speaker = await read('共享\n九省市经验交流\n\n北京市民政局局长李万钧\n2015年，北京成为全国唯一省级“救急难”综合试点单位，推进“救急难”工作，困难群众救助及时。\n');
  assert.equal(speaker.cases[0]!.meta.unit, '北京市民政局');
  assert.match(blocksText(speaker.cases[0]!.body), /局长李万钧/u, 'the speaker line stays: it says who speaks');
  const bare = await read('“暖心救助”创新做法\n济南市民政局\n近年来，全市创新开展暖心救助，为困难群众提供帮助，取得明显成效。\n');
  assert.equal(bare.cases[0]!.meta.unit, '济南市民政局');
});

test('units: the applicant named in the lead ("某区民政局申报的") and the opening subject', async () => {
  const applicant = await read('这个项目获得全国优胜\n\n首届城市治理创新奖日前揭晓，长宁区民政局申报的居民区分类治理清单模式荣获优胜奖。\n\n长宁区推进社区分类治理，成效明显。\n');
  assert.equal(applicant.cases[0]!.meta.unit, '长宁区民政局');
  const subject = await read('探索“一门受理”新模式\n\n江宁区民政局聚焦群众办事难，整合救助事项，实现一门受理、一站办结。\n');
  assert.equal(subject.cases[0]!.meta.unit, '江宁区民政局');
  const none = await read('探索“一门受理”新模式\n\n各地聚焦群众办事难，整合救助事项，实现一门受理、一站办结。\n');
  assert.equal(none.cases[0]!.meta.unit, null, 'no organ as subject: no unit is guessed');
});

test('units: a page ending in "(来源:某县民政局)" gives its source and its place', async () => {
  const f = await read('9月23日，全省公益创投大赛举行，秭归的四个参赛项目斩获一等奖两个、二等奖两个。这是我县又一成果。 (来源:秭归民政局)\n');
  assert.equal(f.info.publisher, '秭归民政局');
  assert.equal(f.cases[0]!.meta.region?.county, '秭归县');
  assert.ok(f.dropped.some((d) => d.includes('来源:秭归民政局')), 'the source left the text and is listed');
});

test('lists: graded clauses give one item per organ and title, with the clause grade', async () => {
  const f = await read(
    '历时9个月的滨湖区首届社区治理创新成果评选活动昨天有了结果。\n评委们当场打分。最后,河埒街道水秀社区的社会工作介入社区服务模式荣获一等奖;太湖街道太湖国际社区的“开放空间”自治管理模式和蠡湖街道美湖社区的智能信息化治理服务模式获得二等奖;荣巷街道梁溪社区的“三位一体”社区治理模式获得三等奖。\n',
  );
  assert.equal(f.kind, 'award-list');
  assert.deepEqual(
    f.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award, c.meta.region?.county]),
    [
      ['社会工作介入社区服务模式', '河埒街道水秀社区', '一等奖', '滨湖区'],
      ['“开放空间”自治管理模式', '太湖街道太湖国际社区', '二等奖', '滨湖区'],
      ['智能信息化治理服务模式', '蠡湖街道美湖社区', '二等奖', '滨湖区'],
      ['“三位一体”社区治理模式', '荣巷街道梁溪社区', '三等奖', '滨湖区'],
    ],
  );
});

test('split: a part heading tagged "(案例21)" heads the case whose title follows it', async () => {
  const f = await read(
    '养老服务业发展典型案例汇编之深化“放管服”改革篇(3)\n\n编者按 社会力量参与养老服务业常遇许可、用地、运营等难题，需要营造公平规范的发展环境，各地作了探索。\n\n深化“放管服”改革篇(案例21)\n\n北京市东城区构建养老服务市场监管体系\n\n基本情况\n\n东城区户籍老年人口25.5万人，区民政局委托专业机构为1.2万名老年人评估。\n',
  );
  assert.equal(f.kind, 'case-list');
  assert.equal(f.cases[0]!.meta.title, '北京市东城区构建养老服务市场监管体系');
  assert.equal(f.cases[0]!.meta.region?.county, '东城区');
});

test('category: an article surveying several areas is 综合; a case naming others in passing is not', () => {
  // 社会救助 leads clearly (34 against 12), but the other areas together weigh nearly as much (32).
  const survey = '全市低保标准提高，低保对象应保尽保，特困人员供养有保障，临时救助及时，困难群众得到帮扶。新建养老机构1个。孤儿保障到位。殡葬改革推进，婚姻登记便民，社区服务提升。';
  assert.equal(scoreCategories('民政工作综述', survey, { article: true }).category, '综合');
  assert.equal(scoreCategories('民政工作综述', survey).category, '社会救助', 'the same text as one case keeps its leader');
  const twoNamed = scoreCategories('婚姻登记处与慈善地标揭牌', '婚姻登记处设在景区，慈善地标同时揭牌。');
  assert.equal(twoNamed.category, '社会事务', 'two level areas both in the title: the one named first');
});

test('titles: an exclaiming or asking headline, a column label or site name above it, a column prefix', async () => {
  const body = '近日，南京市民政局创新推出养老服务“时间银行”，组织低龄老人为高龄老人提供服务，已累计服务3000余人次，群众反映良好。';
  const cases: Array<[string, string]> = [
    [`养老服务有了“时间银行”！\n${body}\n`, '养老服务有了“时间银行”！'],
    [`养老服务怎么办？看这个市的新办法\n${body}\n`, '养老服务怎么办？看这个市的新办法'],
    [`工作动态\n南京市推出养老服务“时间银行”\n${body}\n`, '南京市推出养老服务“时间银行”'],
    [`南京民政网\n民政要闻\n南京市推出养老服务“时间银行”\n${body}\n`, '南京市推出养老服务“时间银行”'],
    [`【民政动态】南京市推出养老服务“时间银行”\n${body}\n`, '南京市推出养老服务“时间银行”'],
    [`【南京】推出养老服务“时间银行”\n${body}\n`, '【南京】推出养老服务“时间银行”'],
  ];
  for (const [text, title] of cases) {
    const f = await read(text);
    assert.equal(f.cases[0]!.meta.title, title, text.split('\n')[0]);
  }
  const labelled = await read(`工作动态\n南京市推出养老服务“时间银行”\n${body}\n`);
  assert.ok(labelled.dropped.includes('工作动态'), 'the column label is listed as dropped');
});

test('lists: numbered items under a list-naming title, dashed or spaced units, a grade with its items run on', async () => {
  const items = (f: Awaited<ReturnType<typeof read>>) => f.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]);
  const named = await read('2019年广东省社区治理十大创新案例揭晓\n本报讯 12月25日，十大创新案例在广州揭晓，以下案例入选。\n1.广州市越秀区“五社联动”共建共治\n2.深圳市福田区社区议事会制度\n3.佛山市南海区村居法律顾问\n');
  assert.equal(named.kind, 'award-list');
  assert.deepEqual(items(named), [
    ['广州市越秀区“五社联动”共建共治', null, '2019年广东省社区治理十大创新案例'],
    ['深圳市福田区社区议事会制度', null, '2019年广东省社区治理十大创新案例'],
    ['佛山市南海区村居法律顾问', null, '2019年广东省社区治理十大创新案例'],
  ]);
  const dashed = await read('2022年度全市民政创新案例名单\n1.“时间银行”互助养老——鼓楼区民政局\n2.“一门受理”救助服务——江宁区民政局\n3.社区议事会制度——秦淮区民政局\n');
  assert.deepEqual(items(dashed)[0], ['“时间银行”互助养老', '鼓楼区民政局', '2022年度全市民政创新案例']);
  const spaced = await read('2022年度全市民政创新案例获奖名单\n一等奖（2个）\n“时间银行”互助养老 鼓楼区民政局\n“一门受理”救助服务 江宁区民政局\n二等奖（1个）\n社区议事会制度 秦淮区民政局\n');
  assert.deepEqual(items(spaced), [
    ['“时间银行”互助养老', '鼓楼区民政局', '一等奖'],
    ['“一门受理”救助服务', '江宁区民政局', '一等奖'],
    ['社区议事会制度', '秦淮区民政局', '二等奖'],
  ]);
  const runOn = await read('2022年度全市民政创新案例评选结果\n一等奖：“时间银行”互助养老（鼓楼区民政局）、“一门受理”救助服务（江宁区民政局）。\n二等奖：社区议事会制度（秦淮区民政局）、婚俗改革新风（六合区民政局）。\n');
  assert.deepEqual(items(runOn).map((x) => x[2]), ['一等奖', '一等奖', '二等奖', '二等奖']);
  const article = await read('民政部开展优秀社区工作法征集展示活动\n近日，民政部公布了100个优秀社区工作法，各地踊跃参与。\n1.巡视探访服务对象。面向独居、高龄老年人。\n2.巡视探访服务组织实施。由街道组织实施。\n3.巡视探访服务方式。上门巡访。\n');
  assert.notEqual(article.kind, 'award-list', 'numbered sentences in an article are no list');
});

test('heads: a source line at the foot does not make the headline furniture; a dateline before the subject organ', async () => {
  const foot = await read('“时间银行”让养老更温暖\n记者从市民政局获悉，全市推出“时间银行”互助养老服务，累计服务3000余人次，群众反映良好。\n来源：烟台日报\n');
  assert.equal(foot.cases[0]!.meta.title, '“时间银行”让养老更温暖');
  assert.equal(foot.cases[0]!.meta.region?.city, '烟台市');
  const dateline = await read('养老服务有了“时间银行”\n本报讯（记者 张三 通讯员 李四）近日，无锡市梁溪区民政局推出“时间银行”互助养老服务，群众反映良好。\n');
  assert.equal(dateline.cases[0]!.meta.unit, '无锡市梁溪区民政局');
  const paper = await read('民政事业怎么干\n本报讯(牡丹晚报记者 艳粉) 3月7日，记者从市民政局获悉，市民政局开展有奖征文活动，面向全市征集研究成果。\n');
  assert.equal(paper.cases[0]!.meta.region?.city, '菏泽市', 'a city bureau in a paper named after a district: the city');
  assert.equal(paper.cases[0]!.meta.region?.county, null);
});

test('heads: a short fragment after the text is no headline; a headline naming the leading area is no survey', async () => {
  const f = await read('邓州网讯 日前,市民政局开展殡葬管理宣传活动。\n殡葬改革,推行火化,倡导文明节俭办丧事,民政部门组织宣传车队、发放宣传单,在全市宣传殡葬改革。\n“六分清” “四原则”\n');
  assert.notEqual(f.cases[0]!.meta.title, '“六分清” “四原则”');
  assert.match(blocksText(f.cases[0]!.body), /殡葬改革/u, 'the text stays the case body');
  assert.equal(f.cases[0]!.meta.category, '社会事务');
  const named = scoreCategories('杭州市培育发展社区社会组织', '通过孵化培育、公益创投等方式发展社区社会组织，参与养老服务、儿童关爱、社区治理和慈善活动。', { article: true });
  assert.equal(named.category, '社会组织');
});

test('lists: unnumbered "标题（单位）" rows and marked grade headings (【一等奖】)', async () => {
  for (const heading of [['一等奖', '二等奖'], ['【一等奖】', '【二等奖】'], ['★一等奖', '★二等奖']]) {
    const f = await read(`2022年度全市民政创新案例获奖名单\n${heading[0]}\n“时间银行”互助养老（鼓楼区民政局）\n“一门受理”救助服务（江宁区民政局）\n${heading[1]}\n社区议事会制度（秦淮区民政局）\n`);
    assert.equal(f.kind, 'award-list', heading[0]);
    assert.deepEqual(
      f.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]),
      [
        ['“时间银行”互助养老', '鼓楼区民政局', '一等奖'],
        ['“一门受理”救助服务', '江宁区民政局', '一等奖'],
        ['社区议事会制度', '秦淮区民政局', '二等奖'],
      ],
    );
  }
});

test('split: under a collection title, repeated place-bearing titles over paragraphs head cases, numbered or not', async () => {
  const p = '该县民政局整合殡葬服务资源，推行节地生态安葬，建设公益性公墓，群众负担明显减轻，取得良好成效。';
  for (const [a, b, c] of [['', '', ''], ['1.', '2.', '3.'], ['（一）', '（二）', '（三）']]) {
    const f = await read(`泉州市殡葬改革典型案例\n${a}晋江市推行生态安葬新模式\n${p}\n${b}南安市建设公益性公墓\n${p}\n${c}惠安县治理散埋乱葬\n${p}\n`);
    assert.equal(f.kind, 'case-list', a || 'unnumbered');
    assert.deepEqual(f.cases.map((x) => x.meta.region?.county), ['晋江市', '南安市', '惠安县']);
    assert.equal(f.cases[0]!.meta.title, '晋江市推行生态安葬新模式');
  }
  const single = await read(`晋江市推行生态安葬新模式\n${p}\n一、主要做法\n${p}\n二、取得成效\n${p}\n`);
  assert.equal(single.cases.length, 1, 'a single case keeps its own sections');
});

test('units: a source read from an information-table line, and a "（某市民政局供稿）" closing line', async () => {
  const b = '近日，全市推出“时间银行”互助养老服务，组织低龄老人为高龄老人服务，累计服务3000余人次，群众反映良好。';
  const table = await read(`“时间银行”让养老更温暖\n信息来源：夏津县民政局 发布日期：2023-05-01 点击数：12\n${b}\n`);
  assert.equal(table.info.publisher, '夏津县民政局');
  assert.equal(table.cases[0]!.meta.unit, '夏津县民政局');
  assert.equal(table.cases[0]!.meta.region?.county, '夏津县');
  const sent = await read(`“时间银行”让养老更温暖\n${b}\n（德州市民政局供稿）\n`);
  assert.equal(sent.cases[0]!.meta.unit, '德州市民政局');
});

test('clean: another outlet\'s reporter line gives the authors and the source, and so the place', async () => {
  const f = await read('“时间银行”让养老更温暖\n德州日报记者 王五\n近日，全市推出“时间银行”互助养老服务，组织低龄老人为高龄老人服务，累计服务3000余人次，群众反映良好。\n');
  assert.equal(f.info.publisher, '德州日报');
  assert.equal(f.cases[0]!.meta.region?.city, '德州市');
  assert.ok(f.dropped.includes('德州日报记者 王五'));
});

test('traditional: a short 繁體 brief without the commonest hints is still read through a simplified copy', async () => {
  const f = await read('生態安葬成新風\n本報訊（記者 王五）近日，晉江市民政局推行節地生態安葬，建設公益性公墓，群眾負擔明顯減輕。\n');
  assert.equal(f.script, 'traditional');
  assert.equal(f.cases[0]!.meta.region?.county, '晋江市');
  assert.equal(f.cases[0]!.meta.unit, '晉江市民政局', 'strings stay as written');
});

test('titles: a page title\'s site suffix and a picture mark leave the headline', async () => {
  const b = '近日，德州市民政局推出“时间银行”互助养老服务，组织低龄老人为高龄老人服务，累计服务3000余人次，群众反映良好。';
  for (const head of ['“时间银行”让养老更温暖_部门动态_德州市人民政府', '“时间银行”让养老更温暖 - 德州新闻网', '“时间银行”让养老更温暖 | 德州市民政局', '“时间银行”让养老更温暖（组图）']) {
    const f = await read(`${head}\n${b}\n`);
    assert.equal(f.cases[0]!.meta.title, '“时间银行”让养老更温暖', head);
  }
  const kept = await read(`强国复兴有我·典型风采展播 ——许昌市民政局\n${b}\n`);
  assert.equal(kept.cases[0]!.meta.unit, '许昌市民政局', 'a dashed unit is still the unit');
});

test('category: a headline about 民政 as a whole makes a survey of a smaller share of other areas', () => {
  const text = '十年来，珠海市民政局推进社会救助，低保标准提高，特困人员应保尽保，同时推进养老服务，新建养老机构。';
  assert.equal(scoreCategories('珠海民政事业高质量发展', text, { article: true }).category, '综合');
  assert.equal(scoreCategories('珠海社会救助高质量发展', text, { article: true }).category, '社会救助', 'the title names the leader');
});

test('clean: lines above a long notice title (several organs, a forwarded document) are still the page\'s', async () => {
  const title = '某某市民政局某某市财政局某某市人力资源和社会保障局某某市卫生健康委员会关于转发《某某省民政厅关于进一步加强和改进最低生活保障与特困人员救助供养工作切实兜牢基本民生底线的实施意见》的通知';
  const f = await read(`首页\n政务公开\n${title}\n发布时间：2022-04-18 来源：某某市民政局\n各县（市、区）民政局：\n现将《实施意见》转发给你们，请认真贯彻执行。\n某某市民政局\n2022年4月18日\n`);
  assert.ok(f.dropped.includes('政务公开'));
  assert.equal(f.notice?.meta.title, title);
});
