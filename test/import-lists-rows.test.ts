/**
 * Lists written as sentences, read by their structure (stages/listrows.ts): a row of names joined by
 * 、, anchored by a cue before it or a conferring verb after it, each name an item's shape, with the
 * honour the clause names. Composed here for each behaviour (names and places invented for the test),
 * with counterparts that stay one case: a row nothing is conferred on, a sentence of actions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const load = (name: string, text: string) => importFile({ name, bytes: enc(text) });
const rows = (file: Awaited<ReturnType<typeof load>>) => file.cases.map((c) => [c.meta.title, c.meta.award, c.meta.region?.county ?? c.meta.region?.city ?? null]);

const PROSE = `近年来,全省坚持以创建促提升,社区防灾减灾能力和居民自救互救能力明显增强,创建工作走在全国前列。
下一步,省民政厅将加强对示范社区的动态管理和跟踪指导,推动示范社区持续发挥示范带动作用。`;

test('list rows: names after a cue in the sentence after the honour’s name, the honour’s quotes after its year dropped', async () => {
  const file = await load(
    'jianzai.txt',
    `记者从省民政厅获悉,在民政部印发的2015年“全国综合减灾示范社区”名单上,我省3个社区榜上有名。它们分别是长沙市岳麓区望月湖街道望月社区、株洲市荷塘区月塘街道东方社区、湘潭市雨湖区云塘街道和平社区。\n${PROSE}`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(rows(file), [
    ['长沙市岳麓区望月湖街道望月社区', '2015年全国综合减灾示范社区', '岳麓区'],
    ['株洲市荷塘区月塘街道东方社区', '2015年全国综合减灾示范社区', '荷塘区'],
    ['湘潭市雨湖区云塘街道和平社区', '2015年全国综合减灾示范社区', '雨湖区'],
  ]);
});

test('list rows: a line ending on its cue ("分别为:") over the row; the honour from the conferring sentence above', async () => {
  const file = await load(
    'cue-line.txt',
    `国家减灾委、民政部日前发文命名1000个城乡社区为2017年“全国综合减灾示范社区”,湖南省60个社区榜上有名。\n上榜名单中,岳阳市3个社区在列。分别为:\n岳阳楼区洞庭街道先锋社区、汨罗市归义镇新市社区、华容县章华镇桥东社区。\n${PROSE}`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(rows(file), [
    ['岳阳楼区洞庭街道先锋社区', '2017年全国综合减灾示范社区', '岳阳楼区'],
    ['汨罗市归义镇新市社区', '2017年全国综合减灾示范社区', '汨罗市'],
    ['华容县章华镇桥东社区', '2017年全国综合减灾示范社区', '华容县'],
  ]);
});

test('list rows: names before a verb ("…光荣上榜,被授予“X”称号"), and places before "等N个县荣获"; a write-up after does not count against it', async () => {
  const file = await load(
    'verb.txt',
    `昨日,全国学雷锋志愿服务先进典型名单公布。我市鼓楼区东街街道安泰社区、台江区瀛洲街道瀛洲社区光荣上榜,被授予“最美志愿服务社区”称号。\n安泰社区\n安泰社区组建了12支志愿服务队,常年为辖区老人、儿童提供陪伴、助餐和课后辅导服务,志愿服务时长累计超过10万小时。`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(rows(file), [
    ['鼓楼区东街街道安泰社区', '最美志愿服务社区', '鼓楼区'],
    ['台江区瀛洲街道瀛洲社区', '最美志愿服务社区', '台江区'],
  ]);
  const counted = await load(
    'counted.txt',
    `论坛揭晓了示范县和单项奖。南湖区、秀洲区、海盐县等3个县(市、区)荣获“2015全面小康示范县(市、区)”;单项奖分别为:平湖市荣获“生态奖”、桐乡市荣获“人文奖”;荣获“2015社会治理创新奖”的项目是:嘉善县“小事不出村”调解机制、海宁市社区协商议事创新、桐乡市“三治融合”乡村治理模`,
  );
  assert.equal(counted.kind, 'award-list');
  assert.deepEqual(rows(counted), [
    ['南湖区', '2015全面小康示范县(市、区)', '南湖区'],
    ['秀洲区', '2015全面小康示范县(市、区)', '秀洲区'],
    ['海盐县', '2015全面小康示范县(市、区)', '海盐县'],
    ['平湖市', '生态奖', '平湖市'],
    ['桐乡市', '人文奖', '桐乡市'],
    // The copy ends inside the third project: it is no item.
    ['嘉善县“小事不出村”调解机制', '2015社会治理创新奖', '嘉善县'],
    ['海宁市社区协商议事创新', '2015社会治理创新奖', '海宁市'],
  ]);
});

test('list rows: names ending in what lists award before "成功入选", the honour counted in the clause before ("遴选了100个X")', async () => {
  const file = await load(
    'gongzuofa.txt',
    `日前,民政部在全国遴选了100个优秀社区工作法,太原市小店区坞城街道双塔社区工作法、大同市平城区新建南路街道云中社区工作法成功入选。\n据介绍,两个社区工作法都以党建为引领,整合辖区资源,为居民提供精细服务。`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(rows(file), [
    ['太原市小店区坞城街道双塔社区工作法', '优秀社区工作法', '小店区'],
    ['大同市平城区新建南路街道云中社区工作法', '优秀社区工作法', '平城区'],
  ]);
});

test('list rows: honours naming their first winner and a count; groups of people skipped; quotes around a whole honour dropped', async () => {
  const file = await load(
    'first.txt',
    `市政府决定,对张某等3名“最具爱心慈善楷模”、扬州某某科技有限公司等20个“最具爱心捐赠企业”、“护苗成长”困境儿童关爱项目等8个“最具影响力慈善项目”、扬州市慈善总会等5个“最具影响力慈善组织”予以通报表扬。\n近年来,全市慈善事业发展迅速,募集善款逐年增长。`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award]),
    [
      ['扬州某某科技有限公司', '最具爱心捐赠企业'],
      ['“护苗成长”困境儿童关爱项目', '最具影响力慈善项目'],
      ['扬州市慈善总会', '最具影响力慈善组织'],
    ],
  );
  const conferred = await load(
    'conferred.txt',
    `第三届“江城慈善奖”榜单发布\n市民政局决定授予某某集团有限公司等10家企业为第三届“江城慈善奖”最具爱心捐赠企业,王某等10位同志为第三届“江城慈善奖”最具爱心慈善人物,江夏区慈善会等10个公益慈善组织为第三届“江城慈善奖”最具影响力公益慈善组织。`,
  );
  assert.deepEqual(
    conferred.cases.map((c) => [c.meta.title, c.meta.award]),
    [
      ['某某集团有限公司', '第三届“江城慈善奖”最具爱心捐赠企业'],
      ['江夏区慈善会', '第三届“江城慈善奖”最具影响力公益慈善组织'],
    ],
  );
});

test('list rows: a first winner stands for a group the page lists in full: only the full list is read', async () => {
  const file = await load(
    'summary.txt',
    `省民政厅日前确定了示范单位名单:甲市乙区丙街道等3个街道为“2022年全省基层治理示范街道”,丁社区等5个社区为“2022年全省基层治理示范社区”。\n示范单位名单\n一、2022年全省基层治理示范街道\n1。成都市锦江区春熙路街道\n2。成都市武侯区玉林街道\n3。成都市金牛区荷花池街道`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => c.meta.title),
    ['成都市锦江区春熙路街道', '成都市武侯区玉林街道', '成都市金牛区荷花池街道'],
  );
});

test('list rows: counterparts stay one case — a row nothing is conferred on, and a row of actions after a cue', async () => {
  const described = await load(
    'described.txt',
    `邵东市民政局近日到乡镇调研退役军人服务站创建工作。\n据了解,全市共有4个服务对象300人以上的社区,分别是金龙社区、凤凰社区、宋家塘社区和两市塘社区。\n调研组要求各服务站对照标准查漏补缺,高标准完成创建任务。`,
  );
  assert.notEqual(described.kind, 'award-list');
  assert.equal(described.cases.length, 1);
  const actions = await load(
    'actions.txt',
    `今年以来,县民政局扎实推进社会救助工作,主要措施包括:完善低保动态管理机制、开展困难群众走访慰问、加强救助资金监管、推进“一门受理”改革。\n全县共发放救助资金1200万元,惠及困难群众8000余人。`,
  );
  assert.notEqual(actions.kind, 'award-list');
  assert.equal(actions.cases.length, 1);
});

test('list cells: a table copied one cell to a line under its heading cells; each cell read by its heading (title, place, award)', async () => {
  const file = await load(
    'cells.txt',
    `芜湖日报讯 “十佳和美小区”评选结果近日揭晓,全市80多个小区参评,经初审、入户调查和网络投票,评出十个获奖小区。\n芜湖市十佳和美小区获奖名单\n小区名 |\n所在区域 |\n所获奖项 |\n青弋江花园 |\n镜湖区 |\n最和美小区 |\n赭山新村 |\n弋江区 |\n最和睦小区 |\n滨江苑 |\n鸠江区 |\n最和顺小区 |`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(rows(file), [
    ['青弋江花园', '最和美小区', '镜湖区'],
    ['赭山新村', '最和睦小区', '弋江区'],
    ['滨江苑', '最和顺小区', '鸠江区'],
  ]);
});

test('list groups: numbered headings naming a grade over "单位:标题" lines, in a conferring text copied from its 主送 line; a place label stays a place', async () => {
  const file = await load(
    'entrants.txt',
    `各有关社会组织:\n为推动社会组织参与社区治理,区民政局举办社区公益项目提案大赛,评出金奖提案2个、银奖提案2个,现予公布。\n希望获奖的社会组织再接再厉,为建设美好社区作出更大贡献。\n附件:社区公益项目提案大赛获奖名单\n某某区民政局\n2016年9月16日\n附件:社区公益项目提案大赛获奖名单\n一、社区公益项目提案大赛金奖提案\n深圳市福田区阳光社工服务中心:园岭街道“邻里守望”项目\n深圳市福田区沙头街道爱心银行:长者课堂之“智能手机”\n二、社区公益项目提案大赛银奖提案\n深圳市福田区绿色环保服务中心:社区能量驿站建设方案\n深圳市福田区快乐家园:“爱心屋”助残接力`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award, c.meta.region?.county]),
    [
      ['园岭街道“邻里守望”项目', '深圳市福田区阳光社工服务中心', '社区公益项目提案大赛金奖提案', '福田区'],
      ['长者课堂之“智能手机”', '深圳市福田区沙头街道爱心银行', '社区公益项目提案大赛金奖提案', '福田区'],
      ['社区能量驿站建设方案', '深圳市福田区绿色环保服务中心', '社区公益项目提案大赛银奖提案', '福田区'],
      ['“爱心屋”助残接力', '深圳市福田区快乐家园', '社区公益项目提案大赛银奖提案', '福田区'],
    ],
  );
  const places = await load(
    'places.txt',
    `湖南省基层治理创新典型案例名单\n长沙市长沙县:“三五”模式畅通组级微治理\n长沙市天心区:以“四小”推“四大”打通社区治理服务最后一米\n岳阳市平江县:以好村规营造好家风 引领推动乡村善治`,
  );
  assert.deepEqual(
    places.cases.map((c) => [c.meta.unit ?? null, c.meta.region?.county]),
    [
      [null, '长沙县'],
      [null, '天心区'],
      [null, '平江县'],
    ],
  );
});

test('list rows: the province before a row’s first name is the row’s; one placed item gives the others its city, not its county', async () => {
  const file = await load(
    'province.txt',
    `从省民政厅获悉,民政部日前遴选了100个优秀社区工作法,山西省太原市小店区坞城街道双塔社区工作法、大同市平城区新建南路街道云中社区工作法成功入选。`,
  );
  assert.deepEqual(rows(file), [
    ['太原市小店区坞城街道双塔社区工作法', '优秀社区工作法', '小店区'],
    ['大同市平城区新建南路街道云中社区工作法', '优秀社区工作法', '平城区'],
  ]);
  const one = await load(
    'one-placed.txt',
    `第三届“江城慈善奖”榜单发布\n武汉市民政局决定授予某某集团有限公司等10家企业为第三届“江城慈善奖”最具爱心捐赠企业,江夏区慈善会等10个公益慈善组织为第三届“江城慈善奖”最具影响力公益慈善组织,“护苗成长”等10个公益慈善项目为第三届“江城慈善奖”最具影响力公益慈善项目。`,
  );
  assert.deepEqual(rows(one), [
    ['某某集团有限公司', '第三届“江城慈善奖”最具爱心捐赠企业', '武汉市'],
    ['江夏区慈善会', '第三届“江城慈善奖”最具影响力公益慈善组织', '江夏区'],
    ['“护苗成长”', '第三届“江城慈善奖”最具影响力公益慈善项目', '武汉市'],
  ]);
});

test('list rows: an inline list of titles with their places after 如下 stays a list though nothing in the sentence names an honour', async () => {
  const file = await load('ruxia.txt', '某省民政厅公布典型案例\n各地推荐的典型案例如下：济南市：“泉社彤行”品牌助力社区治理；青岛市：“五社联动”激活社区活力；淄博市：“博爱小站”温暖困难群众。');
  assert.deepEqual(
    file.cases.map((c) => c.meta.title),
    ['“泉社彤行”品牌助力社区治理', '“五社联动”激活社区活力', '“博爱小站”温暖困难群众'],
  );
});

test('list rows: a rating’s grade is the honour each clause gives ("甲、乙获评5A级社会组织;丙、丁等7家…获评4A级…")', async () => {
  const file = await load(
    'grades.txt',
    `某市召开社会组织等级评估授牌仪式,副市长出席会议。\n会议宣读了评估结果。其中,东兴市慈善总会、东兴市茶业协会获评5A级社会组织;东兴市游泳协会、东兴市老区促进会等7家社会组织获评4A级社会组织。\n${PROSE}`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(rows(file).map(([t, a]) => [t, a]), [
    ['东兴市慈善总会', '5A级社会组织'],
    ['东兴市茶业协会', '5A级社会组织'],
    ['东兴市游泳协会', '4A级社会组织'],
    ['东兴市老区促进会', '4A级社会组织'],
  ]);
});

test('list rows: a row goes on after ",以及"; a headline naming its winners and verb before the list gives the honour alone', async () => {
  const file = await load(
    'yiji.txt',
    `我县5个社区入选全省示范性老年友好型社区创建名单\n近日,省老龄办公布了创建名单,我县5个社区入选。\n此次入选的5个社区分别是城关镇东街社区、城关镇西街社区,以及南湖镇北岸社区、南湖镇桥头社区、石门镇新华社区。\n${PROSE}`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(rows(file).map(([t, a]) => [t, a]), [
    ['城关镇东街社区', '全省示范性老年友好型社区'],
    ['城关镇西街社区', '全省示范性老年友好型社区'],
    ['南湖镇北岸社区', '全省示范性老年友好型社区'],
    ['南湖镇桥头社区', '全省示范性老年友好型社区'],
    ['石门镇新华社区', '全省示范性老年友好型社区'],
  ]);
});

test('list rows: an item named as its body and its title in quotes has the body as its unit', async () => {
  const file = await load(
    'owned.txt',
    `近日,我省2个慈善项目获评全省慈善项目奖。\n本届共表彰慈善项目20个,东兴市慈善总会“‘春苗计划’助学慈善项目”、南岭县慈善协会“南岭县助老慈善项目”获评全省优秀慈善项目。\n${PROSE}`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(file.cases.map((c) => [c.meta.title, c.meta.unit]), [
    ['“春苗计划”助学慈善项目', '东兴市慈善总会'],
    ['南岭县助老慈善项目', '南岭县慈善协会'],
  ]);
});

test('list rows: a report’s paragraph naming a few honoured villages among its other facts, after its lead, stays one case', async () => {
  const lead = '近年来,某市把创新城乡社区治理作为基层治理的重要抓手,初步构建起党建引领、齐抓共管、群众参与、多方协商、共建共治的基层治理新模式,多个社区工作法受到表彰。';
  const body =
    '坚持党建引领,唱好基层治理主旋律。一是聚焦组织引领。开展城市基层党建攻坚行动,将182个村、110个社区党组织升格为党总支或党委,组建社区网格党支部、党小组2558个。二是聚焦居民自治。出台社区减负增效工作指导意见,发挥民情恳谈会、民情理事会作用,协调解决群众急难愁盼问题5000余件;2021年东湖村、西岭村、南塘村被确定为全国村级议事协商创新实验试点单位。三是聚焦多元参与。800多个机关单位与社区结对共建,3万多名在职党员到社区报到,建立市、县、乡三级社会组织培育孵化基地。';
  const file = await load('report.txt', `${lead}\n${body}`);
  assert.notEqual(file.kind, 'award-list');
  assert.equal(file.cases.length, 1);
});

test('list rows: names by their grammar and the honour by its shape, whatever the verb between ("被评定为", "荣膺", "喜获", "跻身…行列")', async () => {
  const graded = await load(
    'pingding.txt',
    `7月3日,某市召开社会组织等级评估授牌仪式。\n会议宣读了评估结果。其中,东兴市慈善总会、东兴市茶业协会被评定为5A级社会组织;东兴市游泳协会、东兴市老区促进会荣膺4A级社会组织。\n${PROSE}`,
  );
  assert.deepEqual(rows(graded).map(([t, a]) => [t, a]), [
    ['东兴市慈善总会', '5A级社会组织'],
    ['东兴市茶业协会', '5A级社会组织'],
    ['东兴市游泳协会', '4A级社会组织'],
    ['东兴市老区促进会', '4A级社会组织'],
  ]);
  const joined = await load(
    'xihuo.txt',
    `近日,省民政厅公布了名单。\n我市岳麓区望月湖街道望月社区、雨花区东塘街道东塘社区和开福区新河街道新河社区喜获“全国综合减灾示范社区”称号。\n${PROSE}`,
  );
  assert.deepEqual(rows(joined), [
    ['岳麓区望月湖街道望月社区', '全国综合减灾示范社区', '岳麓区'],
    ['雨花区东塘街道东塘社区', '全国综合减灾示范社区', '雨花区'],
    ['开福区新河街道新河社区', '全国综合减灾示范社区', '开福区'],
  ]);
  const ranks = await load('jishen.txt', `近日,民政部公布了名单,我市盐湖区中城街道八一西街社区、新绛县龙湖社区、夏县城南社区跻身“全国示范性老年友好型社区”行列。\n${PROSE}`);
  assert.deepEqual(rows(ranks).map(([t, a]) => [t, a]), [
    ['盐湖区中城街道八一西街社区', '全国示范性老年友好型社区'],
    ['新绛县龙湖社区', '全国示范性老年友好型社区'],
    ['夏县城南社区', '全国示范性老年友好型社区'],
  ]);
});

test('list rows: what a shaped row is not — a verb that goes on with the name, a copula before a plain status, a theme in quotes', async () => {
  const theme = await load('theme.txt', `12月15日,省城乡社区治理工作领导小组办公室、省民政厅以“共同缔造美好家园”为主题,举办全省城乡社区治理案例发布会,展示各地经验。\n会议指出,社区是社会治理的基本单元。\n${PROSE}`);
  assert.notEqual(theme.kind, 'award-list');
  const status = await load('status.txt', `全市推行节地生态安葬。二是打造试点,争取省级补助资金100万元,甲县为省级试点,岳麓区、雨花区为市级试点,以居民自治方式实行相对集中安葬,遏制坟墓硬化,引导群众树立生态安葬理念、降低办丧费用,推动移风易俗。\n${PROSE}`);
  assert.notEqual(status.kind, 'award-list');
});

test('list rows: a row after a colon takes the honour the line’s own sentence names; grades run on with "单位《标题》" items', async () => {
  const colon = await load('colon.txt', `近日,2023年全国示范性老年友好型社区名单公布。我市入选社区:盐湖区中城街道八一西街社区、新绛县龙湖社区、夏县城南社区。\n${PROSE}`);
  assert.deepEqual(rows(colon).map(([t, a]) => [t, a]), [
    ['盐湖区中城街道八一西街社区', '2023年全国示范性老年友好型社区'],
    ['新绛县龙湖社区', '2023年全国示范性老年友好型社区'],
    ['夏县城南社区', '2023年全国示范性老年友好型社区'],
  ]);
  const graded = await load(
    'grades-run.txt',
    `第二届全省社区治理创新案例评选结果揭晓。\n一等奖:长沙市岳麓区民政局《“三社联动”助力基层治理》、株洲市荷塘区民政局《邻里互助》\n二等奖:湘潭市雨湖区民政局《社区微治理》\n${PROSE}`,
  );
  assert.deepEqual(graded.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]), [
    ['“三社联动”助力基层治理', '长沙市岳麓区民政局', '一等奖'],
    ['邻里互助', '株洲市荷塘区民政局', '一等奖'],
    ['社区微治理', '湘潭市雨湖区民政局', '二等奖'],
  ]);
});

test('list rows: "单位的《标题》" items have their body as unit; names set apart by spaces after a colon are a row', async () => {
  const booked = await load('booked.txt', `近日,全省民政工作创新案例评选结果揭晓,长沙市岳麓区民政局的《“三社联动”助力基层治理》、株洲市荷塘区民政局的《邻里互助》获评优秀创新案例。\n${PROSE}`);
  assert.deepEqual(booked.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]), [
    ['“三社联动”助力基层治理', '长沙市岳麓区民政局', '优秀创新案例'],
    ['邻里互助', '株洲市荷塘区民政局', '优秀创新案例'],
  ]);
  const spaced = await load('spaced-row.txt', `2023年全国示范性老年友好型社区名单公布\n我市入选社区: 盐湖区中城街道八一西街社区 新绛县龙湖社区 夏县城南社区\n${PROSE}`);
  assert.equal(spaced.kind, 'award-list');
  assert.deepEqual(rows(spaced).map(([t, a]) => [t, a]), [
    ['盐湖区中城街道八一西街社区', '2023年全国示范性老年友好型社区'],
    ['新绛县龙湖社区', '2023年全国示范性老年友好型社区'],
    ['夏县城南社区', '2023年全国示范性老年友好型社区'],
  ]);
});

test('list rows: "甲、乙被评为X,丙被评为Y": the comma’s part conferring on one name is an item of the row’s clause; 为 closing a verb is no cue', async () => {
  const file = await load('xingji.txt', `近日,省民政厅公布了全省“五星级社区”评定结果,我市盐湖区中城街道八一西街社区、新绛县龙湖社区被评为五星级社区,夏县城南社区被评为四星级社区。\n${PROSE}`);
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(rows(file).map(([t, a]) => [t, a]), [
    ['盐湖区中城街道八一西街社区', '五星级社区'],
    ['新绛县龙湖社区', '五星级社区'],
    ['夏县城南社区', '四星级社区'],
  ]);
});

test('list rows: a copula before the first name opens the row as a colon does, and a headline counting its winners before any verb gives the honour', async () => {
  const file = await load(
    'jishen-cue.txt',
    `我市3社区(村)跻身全国示范性老年友好型社区创建名单\n近日,全国老龄办印发通知,公布了创建名单。\n此次我市跻身的3个社区(村)具体为盐湖区中城街道八一西街社区、新绛县龙湖社区、夏县城南社区。\n${PROSE}`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(rows(file).map(([t, a]) => [t, a]), [
    ['盐湖区中城街道八一西街社区', '全国示范性老年友好型社区'],
    ['新绛县龙湖社区', '全国示范性老年友好型社区'],
    ['夏县城南社区', '全国示范性老年友好型社区'],
  ]);
});

test('list rows: prose clauses with no 、 and sentences with no conferring verb around the row are passed by, the row and the report still read (issue #13 gates)', async () => {
  // A row in the middle clause of a sentence whose other clauses hold no 、: the gate in sentenceRows passes those by.
  const row = await load(
    'gate-row.txt',
    `我县3个社区获评全省示范社区\n近日,省民政厅公布了2021年度全省示范社区名单;经过逐级推荐和实地评估,城关镇东街社区、南湖镇北岸社区、石门镇新华社区被评为“全省示范社区”,创建工作取得新成效。\n${PROSE}`,
  );
  assert.equal(row.kind, 'award-list');
  assert.deepEqual(
    row.cases.map((c) => [c.meta.title, c.meta.award]),
    [
      ['城关镇东街社区', '2021年度全省示范社区'],
      ['南湖镇北岸社区', '2021年度全省示范社区'],
      ['石门镇新华社区', '2021年度全省示范社区'],
    ],
  );
  // A report whose lead opens with a sentence of no conferring verb: reportedAward passes it by and reads the next.
  const report = await load('gate-report.txt', `民政工作再上新台阶\n今年以来,县民政局扎实推进各项工作。经过逐级推荐和实地评估,城关镇东街社区荣获“全国示范社区”称号。\n${PROSE}`);
  assert.equal(report.kind, 'award-list');
  assert.deepEqual(
    report.cases.map((c) => [c.meta.title, c.meta.award]),
    [['城关镇东街社区', '全国示范社区']],
  );
});

test('list rows: honour groups after sentences no group pattern can open in are still read (issue #13 gate)', async () => {
  const file = await load(
    'gate-groups.txt',
    `我县两个社区获表彰\n近日,全省文明创建表彰大会召开,会议总结了近年来的创建工作。获省级文明社区的是:城关镇东街社区、南湖镇北岸社区;获省级文明村的是:石门镇新华村、石门镇红星村。\n${PROSE}`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award]),
    [
      ['城关镇东街社区', '省级文明社区'],
      ['南湖镇北岸社区', '省级文明社区'],
      ['石门镇新华村', '省级文明村'],
      ['石门镇红星村', '省级文明村'],
    ],
  );
});
