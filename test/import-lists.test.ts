/**
 * Award and shortlist shapes beyond the corpus, composed here in the ways portals print them: places
 * under their province, a row of names after a cue, a list's own heading over plain lines (and a
 * people list that holds no cases), places counted by kind, graded sentences naming 《标题——副题》
 * with their entrants, numbered items whose unit stands alone on the next line. Each also has its
 * counterpart that must stay one article.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const where = (r: { province: string | null; city: string | null; county: string | null } | null | undefined) => (r ? [r.province, r.city, r.county] : null);
const load = (name: string, text: string) => importFile({ name, bytes: enc(text) });

test('lists: places under their province, a district after its city keeping that city, a label closed by a full stop', async () => {
  const file = await load(
    'shiyan.txt',
    `近日,民政部同意河北省正定县等9个县(市、区)为“全国社区治理和服务创新实验区”,名单如下:
河北省:正定县、迁安市
内蒙古:包头市昆都仑区、青山区,乌兰察布市集宁区
江西。贵溪市
四川。成都市武侯区、珙县、都江堰市
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => c.meta.title),
    ['正定县', '迁安市', '包头市昆都仑区', '青山区', '乌兰察布市集宁区', '贵溪市', '成都市武侯区', '珙县', '都江堰市'],
  );
  assert.ok(file.cases.every((c) => c.meta.award === '全国社区治理和服务创新实验区'));
  // 青山区 follows 包头市 in its run; 珙县 follows 成都市 but is not in it.
  assert.deepEqual(where(file.cases[3]!.meta.region), ['内蒙古自治区', '包头市', '青山区']);
  assert.deepEqual(where(file.cases[5]!.meta.region), ['江西省', '鹰潭市', '贵溪市']);
  assert.deepEqual(where(file.cases[7]!.meta.region), ['四川省', '宜宾市', '珙县']);
});

test('lists: a row of awarded names after a cue; a row of activities stays an article', async () => {
  const file = await load(
    'row.txt',
    `我市5个社区获评省级“五星级社区”
日前,省民政厅公布第二批五星级社区名单,我市5个社区上榜。
这5个社区分别是:鼓楼区安民社区、鼓楼区南门社区、台江区瀛洲社区、仓山区金港社区和晋安区福新社区。
下一步,市民政局将指导各社区巩固创建成果。
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => c.meta.title),
    ['鼓楼区安民社区', '鼓楼区南门社区', '台江区瀛洲社区', '仓山区金港社区', '晋安区福新社区'],
  );
  assert.ok(file.cases.every((c) => c.meta.award === '五星级社区'));

  const article = await load(
    'activities.txt',
    `某区开展敬老月活动
重阳节前后,某区民政局组织了系列敬老活动,内容分别是:走访慰问、健康义诊、文艺演出和法律讲座。
各街道同步开展探访,覆盖独居老人2000余人。
`,
  );
  assert.equal(article.kind, 'single-case');
  assert.equal(article.cases.length, 1);
});

test('lists: a list heading over plain lines gives items; a heading of people gives none', async () => {
  const file = await load(
    'gongyi.txt',
    `某市晚报

2024年度公益评选结果公布,名单如下:

“2024年度十佳志愿者”名单(按姓氏笔画排名):

王一凡 李二平 张三丰 赵四海 钱五月

“2024年度十佳公益项目”名单(排名不分先后):

“银龄课堂”社区老年教育项目

困境儿童暑期陪伴计划

“邻里厨房”助餐服务
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(file.cases.map((c) => c.meta.title), ['“银龄课堂”社区老年教育项目', '困境儿童暑期陪伴计划', '“邻里厨房”助餐服务']);
  assert.ok(file.cases.every((c) => c.meta.award === '2024年度十佳公益项目'));
});

test('lists: places counted by kind in one sentence', async () => {
  const file = await load(
    'counted.txt',
    `“全国示范性老年友好型社区”我省2县3街道入选
日前,国家卫生健康委公布名单,我省2县3街道入选。其中,我省洛阳市栾川县、南阳市西峡县2县,郑州市金水区文化路街道、开封市鼓楼区州桥街道、许昌市魏都区西大街街道3街道入列榜单。
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(file.cases.map((c) => c.meta.title), ['洛阳市栾川县', '南阳市西峡县', '郑州市金水区文化路街道', '开封市鼓楼区州桥街道', '许昌市魏都区西大街街道']);
  assert.ok(file.cases.every((c) => c.meta.award === '全国示范性老年友好型社区'));
  assert.deepEqual(where(file.cases[2]!.meta.region), ['河南省', '郑州市', '金水区']);
});

test('lists: a graded sentence naming 《标题——副题》 with their entrants; a title cut with the copy is dropped', async () => {
  const file = await load(
    'graded.txt',
    `某街道社工案例评选揭晓
经过评审,东湖社区社工站的《一个也不能少——困境儿童个案管理实践》获得一等奖;西湖社区社工站的《“银发课堂”——老年人数字融入小组》和南湖社区社工站的《走出
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.subtitle, c.meta.unit, c.meta.award]),
    [
      ['一个也不能少', '困境儿童个案管理实践', '东湖社区社工站', '一等奖'],
      ['“银发课堂”', '老年人数字融入小组', '西湖社区社工站', null],
    ],
  );
});

test('lists: numbered items with the subtitle on their line and the unit alone on the next', async () => {
  const file = await load(
    'numbered.txt',
    `2024年度全市民政创新案例获奖名单
一等奖(2个)
1.“时间银行”互助养老——激活社区养老服务新动能
鼓楼区民政局
2.“救急难”一键响应平台
台江区民政局
二等奖(1个)
3.《殡葬服务“一件事”联办》
仓山区民政局
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.subtitle, c.meta.unit, c.meta.award]),
    [
      ['“时间银行”互助养老', '激活社区养老服务新动能', '鼓楼区民政局', '一等奖'],
      ['“救急难”一键响应平台', null, '台江区民政局', '一等奖'],
      ['殡葬服务“一件事”联办', null, '仓山区民政局', '二等奖'],
    ],
  );
});

test('lists: an awarded unit named without its province matches the case whose unit spells it out, not a lookalike', async () => {
  const { matchAwards } = await import('../electron/core/import/awards.js');
  const { resolveRegion } = await import('../electron/core/regions/index.js');
  const cases = [
    { id: 'a', title: '“医养结合”托起幸福晚年', unit: '河北省邢台市巨鹿县民政局', region: resolveRegion('邢台市巨鹿县') },
    { id: 'b', title: '老年助餐全覆盖', unit: '平乡县民政局', region: resolveRegion('邢台市平乡县') },
  ];
  const items = [
    { title: '巨鹿县民政局', unit: '巨鹿县民政局', region: resolveRegion('巨鹿县'), award: '全国养老服务先进单位' },
    { title: '乡县民政局', unit: '乡县民政局', region: null, award: '全国养老服务先进单位' },
  ];
  const r = matchAwards(items, cases);
  assert.deepEqual(r.matched.map((m) => [m.item.unit, m.caseId]), [['巨鹿县民政局', 'a']]);
  assert.deepEqual(r.unmatched.map((u) => u.unit), ['乡县民政局']);
});

test('lists: a table copied with spaces between its cells, a title holding a space, the grade in its own column', async () => {
  const file = await load(
    'spaced-table.txt',
    `2023年度全市民政创新案例评选结果
序号 案例名称 申报单位 奖项
1 以好村规营造好家风 引领推动乡村善治 平江县民政局 一等奖
2 “救急难”一键响应平台 岳阳楼区民政局 二等奖
3 殡葬服务一件事联办 汨罗市民政局 二等奖
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award, where(c.meta.region)?.[2]]),
    [
      ['以好村规营造好家风 引领推动乡村善治', '平江县民政局', '一等奖', '平江县'],
      ['“救急难”一键响应平台', '岳阳楼区民政局', '二等奖', '岳阳楼区'],
      ['殡葬服务一件事联办', '汨罗市民政局', '二等奖', '汨罗市'],
    ],
  );
});

test('lists: plain lines under a list heading with a place label, a bracketed place, or an entrant before a colon', async () => {
  const labelled = await load(
    'labelled.txt',
    `湖南省第二批基层治理创新典型案例名单:
长沙市望城区 “一网三联”激活小区治理
“屋场夜话”议出乡村好风气(浏阳市)
株洲市芦淞区 “五心”服务暖民心
`,
  );
  assert.equal(labelled.kind, 'award-list');
  assert.deepEqual(
    labelled.cases.map((c) => [c.meta.title, where(c.meta.region)?.[2], c.meta.award]),
    [
      ['“一网三联”激活小区治理', '望城区', '湖南省第二批基层治理创新典型案例'],
      ['“屋场夜话”议出乡村好风气', '浏阳市', '湖南省第二批基层治理创新典型案例'],
      ['“五心”服务暖民心', '芦淞区', '湖南省第二批基层治理创新典型案例'],
    ],
  );

  const entrants = await load(
    'entrants.txt',
    `2024年度全市民政创新案例获奖名单
一等奖
1.望城区民政局：“一网三联”激活小区治理
2.浏阳市民政局：“屋场夜话”议出乡村好风气
`,
  );
  assert.deepEqual(
    entrants.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]),
    [
      ['“一网三联”激活小区治理', '望城区民政局', '一等奖'],
      ['“屋场夜话”议出乡村好风气', '浏阳市民政局', '一等奖'],
    ],
  );
});

test('lists: communities named by their street are placed in the street’s county; a street before a run is the run’s', async () => {
  const file = await load(
    'streets.txt',
    `我区3个社区荣获北京市“最美社区”称号
日前,北京市第二批“最美社区”评选结果揭晓,我区3个社区上榜。
3个社区是:东华门街道多福巷社区、韶九社区,景山街道吉祥社区。
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(file.cases.map((c) => c.meta.title), ['东华门街道多福巷社区', '韶九社区', '景山街道吉祥社区']);
  assert.ok(file.cases.every((c) => c.meta.award === '北京市第二批“最美社区”'));
  assert.deepEqual(file.cases.map((c) => where(c.meta.region)), [
    ['北京市', '北京市', '东城区'],
    ['北京市', '北京市', '东城区'],
    ['北京市', '北京市', '东城区'],
  ]);
});

test('lists: a page announcing a list gives its name as award to the cases it presents; a page that announces none gives none', async () => {
  const file = await load(
    'shida.txt',
    `2019年度全省社区治理十大创新案例揭晓
12月25日，由省民政厅指导的2019年度全省社区治理十大创新案例发布会举行，10个案例从86个申报案例中脱颖而出。
1.深圳市福田区：“民生微实事”撬动社区共建
福田区每年安排专项资金，由居民提出微项目、议事会票决、社会组织承接，三年实施项目4000多个。
2.广州市越秀区：“越秀社区议事厅”
越秀区在222个社区建立议事厅，推动居民就加装电梯、停车管理等事项协商解决。
`,
  );
  assert.equal(file.cases.length, 2);
  assert.ok(file.cases.every((c) => c.meta.award === '2019年度全省社区治理十大创新案例'));
  const plain = await load(
    'jingyan.txt',
    `各地社区治理经验做法
1.深圳市福田区：“民生微实事”撬动社区共建
福田区每年安排专项资金，由居民提出微项目、议事会票决、社会组织承接，三年实施项目4000多个。
2.广州市越秀区：“越秀社区议事厅”
越秀区在222个社区建立议事厅，推动居民就加装电梯、停车管理等事项协商解决。
`,
  );
  assert.equal(plain.cases.length, 2);
  assert.ok(plain.cases.every((c) => !c.meta.award));
});

test('a directory of places and their phone numbers under a news item is no award list: a number alone is no entry', async () => {
  for (const sep of [':', ':']) {
    const rows = ['邵阳市殡仪馆', '武冈市殡仪馆', '邵东市殡仪馆', '新宁县殡仪馆'].map((p, k) => `${p}${sep}0739-52063${k}8${k % 2 ? '' : `、0739-520604${k}`}`).join('\n');
    const file = await load('tongzhi.txt', `今年清明祭扫需要预约吗?某市最新通告\n3月24日,某市民政局发布今年清明祭扫工作通告。\n市民政局相关负责人说,祭扫高峰期间殡葬服务单位统一实行预约、错峰、限流,市民祭扫前请拨打预约电话。\n市民政局还提醒,各祭扫场所严禁明火,倡导鲜花祭扫等绿色文明方式。\n全市殡仪馆和公墓预约\n电话一、殡仪馆\n${rows}\n二、经营性公墓 邵阳市宝山陵园${sep}0739-5206108\n`);
    assert.notEqual(file.kind, 'award-list', sep);
    assert.ok(file.cases.every((c) => /[\u4e00-\u9fa5]/u.test(c.meta.title)), sep);
  }
});
