/**
 * A list's group headings found by its structure (listheadings.ts) and the item shapes read under
 * them, composed here as portals print them: prize categories numbered "1、" under part headings
 * "（一）" (people, companies and projects alike), places with counts as headings, "单位《标题》" lines
 * under a list name that names no honour, a list name broken over two lines, items in a functional
 * zone. Each has its counterpart that must keep reading as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { listHeadings } from '../electron/core/import/stages/listheadings.js';

const enc = (s: string) => new TextEncoder().encode(s);
const where = (r: { province: string | null; city: string | null; county: string | null } | null | undefined) => (r ? [r.province, r.city, r.county] : null);
const load = (name: string, text: string) => importFile({ name, bytes: enc(text) });
const asLines = (text: string) => text.split('\n').map((t) => ({ text: t }));

test('list headings: numbered prize groups under part headings give their items the innermost award, people included', async () => {
  const file = await load(
    'tuijian.txt',
    `关于第五届“某省慈善奖”拟表彰对象的公示
经评审,现将拟表彰对象公示如下。如有异议,请于10日内向省民政厅反映。
（一）表彰对象（5个）
1、慈善楷模
李 明
王秀英
2、捐赠企业
某某药业股份有限公司
某某控股(集团)有限公司
3、慈善项目
“山区儿童午餐”项目
（二）补充对象（2个）
1、捐赠个人
赵建国
2、慈善项目
“银发助餐”行动
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award]),
    [
      ['李 明', '慈善楷模'],
      ['王秀英', '慈善楷模'],
      ['某某药业股份有限公司', '捐赠企业'],
      ['某某控股(集团)有限公司', '捐赠企业'],
      ['“山区儿童午餐”项目', '慈善项目'],
      ['赵建国', '捐赠个人'],
      ['“银发助餐”行动', '慈善项目'],
    ],
  );
});

test('list headings: a numbered line with its unit, its subtitle or its next number under it is an item, and sections of a case are no groups', () => {
  const items = listHeadings(
    asLines(`一等奖(2个)
1.“时间银行”互助养老
鼓楼区民政局
2.“救急难”一键响应平台——一个电话管到底
3.殡葬服务“一件事”联办
——让群众少跑腿
二等奖(1个)
4.社区食堂
`),
  );
  assert.deepEqual([...items.entries()], [
    [0, { name: '一等奖', kind: 'award' }],
    [6, { name: '二等奖', kind: 'award' }],
  ]);
  const sections = listHeadings(
    asLines(`一、基本情况
全县共有社区32个,去年起推行网格化管理,每个网格配一名专职网格员,情况一日一报。
二、主要做法
（一）建立机制
县里出台了工作办法,明确职责分工,按季度考核并通报结果。
`),
  );
  assert.equal(sections.size, 0);
  // One numbered heading alone heads a group when a numbered list (of at least three) is all that stands under it.
  const alone = listHeadings(asLines(`一、2021年全省基层治理示范街道(镇)\n1。成都市青羊区府南街道\n2。成都市金牛区驷马桥街道\n3。泸州市龙马潭区红星街道`));
  assert.deepEqual([...alone.values()], [{ name: '2021年全省基层治理示范街道(镇)', kind: 'award' }]);
  const short = listHeadings(asLines(`一、2021年全省基层治理示范街道(镇)\n1。成都市青羊区府南街道\n2。成都市金牛区驷马桥街道`));
  assert.equal(short.size, 0);
});

test('list headings: places with counts are where their items are; the award is the one the lead confers', async () => {
  const file = await load(
    'dizhen.txt',
    `湖北省6个社区被认定为全国综合减灾示范社区
近日,国家减灾委员会办公室公布2020年度名单,经审核评议,我省6个社区被认定为全国综合减灾示范社区。包括:
(一)武汉市(2个)
江岸区百步亭花园社区
洪山区 珞南街道珞珈山社区
(二)宜昌市(1个)
夷陵区小溪塔街道桔乡社区
(三)恩施土家族苗族自治州(3个)
利川市 都亭街道解放路社区
来凤县翔凤镇老虎洞社区
咸丰县高乐山镇白果坝社区
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.equal(file.cases.length, 6);
  assert.ok(file.cases.every((c) => c.meta.award === '全国综合减灾示范社区'), file.cases.map((c) => c.meta.award).join('|'));
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, where(c.meta.region)]),
    [
      ['江岸区百步亭花园社区', ['湖北省', '武汉市', '江岸区']],
      ['洪山区 珞南街道珞珈山社区', ['湖北省', '武汉市', '洪山区']],
      ['夷陵区小溪塔街道桔乡社区', ['湖北省', '宜昌市', '夷陵区']],
      ['利川市 都亭街道解放路社区', ['湖北省', '恩施土家族苗族自治州', '利川市']],
      ['来凤县翔凤镇老虎洞社区', ['湖北省', '恩施土家族苗族自治州', '来凤县']],
      ['咸丰县高乐山镇白果坝社区', ['湖北省', '恩施土家族苗族自治州', '咸丰县']],
    ],
  );
});

test('list items: "单位《标题》" under a list name that names no honour; the honour from the lead, the dash kept in the title', async () => {
  const file = await load(
    'anli.txt',
    `我市6个案例入选全省典型
省民政厅近日公布2024年全省养老服务创新典型案例评选结果,我市《“银龄”互助——老年助餐新模式》等6个案例入选。
近年来,全市推进居家社区养老服务,建成街道综合养老服务中心31家,老年助餐点二百余个。
入选案例名单
鹿城区民政局《“银龄”互助——老年助餐新模式》
瑞安市民政局《“时间银行”激活互助养老》
乐清市柳市镇人民政府《“家门口”的养老院》
温州经济技术开发区沙城街道《嵌入式养老服务站建设》
永嘉县民政局《山区老人“一键呼”》
苍南县灵溪镇人民政府《“助餐+”服务》
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.equal(file.info.title, '我市6个案例入选全省典型');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.unit]),
    [
      ['“银龄”互助——老年助餐新模式', '鹿城区民政局'],
      ['“时间银行”激活互助养老', '瑞安市民政局'],
      ['“家门口”的养老院', '乐清市柳市镇人民政府'],
      ['嵌入式养老服务站建设', '温州经济技术开发区沙城街道'],
      ['山区老人“一键呼”', '永嘉县民政局'],
      ['“助餐+”服务', '苍南县灵溪镇人民政府'],
    ],
  );
  assert.ok(file.cases.every((c) => c.meta.award === '2024年全省养老服务创新典型案例'), file.cases.map((c) => c.meta.award).join('|'));
  // A functional zone is no county: its item is filed under the city.
  assert.deepEqual(where(file.cases[3]!.meta.region), ['浙江省', '温州市', null]);
  assert.deepEqual(where(file.cases[0]!.meta.region), ['浙江省', '温州市', '鹿城区']);
});

test('list names: a name broken over two lines keeps its first half; a list line above it does not join', async () => {
  const file = await load(
    'youhao.txt',
    `全国示范性老年友好型社区名单公布 我省8个社区上榜
近日,国家卫生健康委、全国老龄办印发通知,命名一批全国示范性老年友好型社区,我省8个社区入选。
各地将推广示范社区的经验,持续提升为老服务水平。
2023年全国示范性
老年友好型社区名单(部分)
昆明市五华区华山街道文林社区
昆明市盘龙区拓东街道金碧社区
曲靖市麒麟区南宁街道麒麟社区
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.equal(file.cases.length, 3);
  assert.ok(file.cases.every((c) => c.meta.award === '2023年全国示范性老年友好型社区'), file.cases.map((c) => c.meta.award).join('|'));
});

test('prize clauses: the winners of named prizes clause by clause, people after their body and post, teams after their body', async () => {
  const file = await load(
    'cishanjiang.txt',
    `第六届“某省慈善奖”揭晓,我市获五项殊荣

2024年9月5日是“中华慈善日”,省民政厅召开第六届“某省慈善奖”表彰大会,表彰在慈善领域作出突出贡献的个人、团队、企业和项目。

本届共有60个个人、团队、企业和项目受到表彰,其中我市5个。

在表彰名单中,宁波市海曙区慈善总会的“微心愿”志愿服务团队获“慈善楷模”奖,海天塑机集团有限公司和宁波港集团有限公司获得“捐赠企业”奖。某某电器股份有限公司董事长陈某某则获得“捐赠个人”奖项,“甬上助学”项目所在的宁波市慈善总会获评“慈善组织”称号。
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award]),
    [
      ['“微心愿”志愿服务团队', '慈善楷模'],
      ['海天塑机集团有限公司', '捐赠企业'],
      ['宁波港集团有限公司', '捐赠企业'],
      ['陈某某', '捐赠个人'],
    ],
  );
  assert.equal(file.cases[0]!.meta.unit, '宁波市海曙区慈善总会');
});

test('prize clauses: an article that mentions two prizes it won among its paragraphs stays one article', async () => {
  const file = await load(
    'shequ.txt',
    `幸福社区:把服务送到居民家门口
近年来,幸福社区以党建为引领,整合辖区资源,建成居家养老服务站、儿童之家和社区食堂,居民满意度逐年提高。
社区先后获“全国示范性老年友好型社区”称号,社区居委会获得“全省先进基层组织”称号。
社区党委书记说,下一步将推进“一老一小”服务融合,让居民在家门口享受更多服务。
社区还组建了志愿服务队,常年开展助老助残、邻里互助活动,参与居民超过两千人次。
`,
  );
  assert.notEqual(file.kind, 'award-list');
  assert.equal(file.cases.length, 1);
});

test('list items: under a bare "获奖名单", "机构:标题" and "单位——《标题》" lines are items with their entrant as unit', async () => {
  const file = await load(
    'shegong.txt',
    `我市5个案例获评全省社会工作优秀案例
近日,省民政厅公布2024年度全省社会工作优秀案例评选结果,我市5个案例获评。
获奖名单
阳光社工服务中心:“陪伴成长”困境儿童支持项目
青羊区民政局——《社区食堂“共享”之路》
心航社会工作服务社:独居老人“守望”计划
仁爱社工事务所:《精神障碍康复者社区融入》
金牛区民政局:“社区合伙人”计划
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.unit]),
    [
      ['“陪伴成长”困境儿童支持项目', '阳光社工服务中心'],
      ['社区食堂“共享”之路', '青羊区民政局'],
      ['独居老人“守望”计划', '心航社会工作服务社'],
      ['精神障碍康复者社区融入', '仁爱社工事务所'],
      ['“社区合伙人”计划', '金牛区民政局'],
    ],
  );
  assert.ok(file.cases.every((c) => c.meta.award === '2024年度全省社会工作优秀案例'));
});

test('list items: under grade headings, a title over its unit line, or the unit first and a space; running text ends the group', async () => {
  const lead = '经过单位申报、初审推荐、专家评审和网上公示等环节,市民政局评出2024年度全市民政创新案例一等奖2个、二等奖1个,现将评选结果公布如下,希望各地学习借鉴、推广运用。';
  const expected = [
    ['“时间银行”互助养老', '鼓楼区民政局', '一等奖'],
    ['“救急难”一键响应平台', '台江区民政局', '一等奖'],
    ['殡葬服务“一件事”联办', '仓山区民政局', '二等奖'],
  ];
  const over = await load(
    'over.txt',
    `2024年度全市民政创新案例评选结果\n${lead}\n一等奖（2个）\n“时间银行”互助养老\n鼓楼区民政局\n“救急难”一键响应平台\n台江区民政局\n二等奖（1个）\n殡葬服务“一件事”联办\n仓山区民政局\n希望获奖单位珍惜荣誉,再接再厉,不断推进民政工作改革创新。\n福州市民政局办公室\n`,
  );
  assert.equal(over.kind, 'award-list');
  assert.deepEqual(over.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]), expected);
  const first = await load(
    'first.txt',
    `2024年度全市民政创新案例评选结果\n${lead}\n一等奖（2个）\n鼓楼区民政局 “时间银行”互助养老\n台江区民政局 “救急难”一键响应平台\n二等奖（1个）\n仓山区民政局 殡葬服务“一件事”联办\n`,
  );
  assert.equal(first.kind, 'award-list');
  assert.deepEqual(first.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]), expected);
});

test('list items: counties named whole, one a line, under a 拟命名 公示; the honour from the conferring sentence', async () => {
  const file = await load(
    'shiyanqu.txt',
    `关于拟命名第三批全国婚俗改革实验区的公示
根据《民政部办公厅关于开展全国婚俗改革实验区工作的通知》要求,经省级民政部门推荐、专家评审,拟将以下地区确认为第三批全国婚俗改革实验区,现予公示。公示期间,如有异议,请以书面形式向民政部社会事务司反映。
河北省邯郸市肥乡区
山西省晋城市泽州县
辽宁省大连市金州区
江苏省徐州市贾汪区
民政部社会事务司
2024年5月10日
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, where(c.meta.region)?.[2]]),
    [
      ['河北省邯郸市肥乡区', '肥乡区'],
      ['山西省晋城市泽州县', '泽州县'],
      ['辽宁省大连市金州区', '金州区'],
      ['江苏省徐州市贾汪区', '贾汪区'],
    ],
  );
  assert.ok(file.cases.every((c) => c.meta.award === '第三批全国婚俗改革实验区'), file.cases.map((c) => c.meta.award).join('|'));
});

test('list awards: a headline naming the list without its year takes the year the lead gives; a published list keeps its honour in quotes', async () => {
  const file = await load(
    'youxiu.txt',
    `全省社区治理优秀案例名单公布
省民政厅日前公布2023年度全省社区治理优秀案例名单,共有20个案例入选,现将名单刊登如下,各地要加强学习交流,总结推广经验,推动社区治理水平不断提升。
一、城市社区治理类
（1）“红色物业”破解老旧小区治理难题（合肥市庐阳区民政局）
（2）“小区议事厅”让居民说了算（芜湖市镜湖区民政局）
二、农村社区治理类
（1）“积分制”激活乡村治理（六安市金寨县民政局）
（2）村民说事“说”出和美乡村（黄山市黟县民政局）
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.equal(file.cases.length, 4);
  assert.ok(file.cases.every((c) => c.meta.award === '2023年度全省社区治理优秀案例'), file.cases.map((c) => c.meta.award).join('|'));
  assert.equal(file.cases[2]!.meta.unit, '六安市金寨县民政局');
  const quoted = await load(
    'sixing.txt',
    `我区3个社区获评省级“四型社区”
日前,省民政厅公布2024年度省级“四型社区”名单,我区共有3个社区获评,数量居全市前列,这是我区持续推进社区建设、提升社区服务能力的重要成果。
具体名单如下:
1.城东街道阳光社区
2.城西街道和平社区
3.城南街道幸福社区
`,
  );
  assert.equal(quoted.kind, 'award-list');
  assert.ok(quoted.cases.every((c) => c.meta.award === '2024年度省级“四型社区”'), quoted.cases.map((c) => c.meta.award).join('|'));
});

test('list items: addresses numbered 一、二、 are items; a case numbering its sections so stays one case', async () => {
  const file = await load(
    'youhao-cn.txt',
    `全国示范性老年友好型社区名单公布 我市4个社区入选
近日,国家卫生健康委、全国老龄办印发《关于命名2023年全国示范性老年友好型社区的通知》,我市4个社区被命名为2023年全国示范性老年友好型社区,数量居全省首位。
一、鼓楼区东街街道庆城社区
二、台江区瀛洲街道红星社区
三、仓山区城门镇胪雷村
四、晋安区岳峰镇竹屿社区
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(file.cases.map((c) => c.meta.title), ['鼓楼区东街街道庆城社区', '台江区瀛洲街道红星社区', '仓山区城门镇胪雷村', '晋安区岳峰镇竹屿社区']);
  assert.ok(file.cases.every((c) => c.meta.award === '2023年全国示范性老年友好型社区'));
  const single = await load(
    'anli-cn.txt',
    `鼓楼区“时间银行”入选全省养老服务典型案例
一、背景
鼓楼区老龄化程度高,独居老人多,社区养老服务需求大,志愿服务力量分散。
二、主要做法
区民政局搭建“时间银行”平台,志愿者服务时长存入账户,年老时可兑换服务。
三、成效
两年来,平台注册志愿者1.2万人,累计服务时长30万小时。
`,
  );
  assert.notEqual(single.kind, 'award-list');
  assert.equal(single.cases.length, 1);
});

test('list tables: a spaced header naming the unit column 实施机构 is read by its columns', async () => {
  const file = await load(
    'shegong-table.txt',
    `2023年度全市优秀社会工作服务项目名单
经基层推荐、资格审查、专家评审和社会公示,评选出优秀社会工作服务项目3个,现予公布,希望受表彰的机构珍惜荣誉、再创佳绩。
序号 项目名称 实施机构
1 “银龄守护”独居老人关爱项目 鼓楼区乐龄社会工作服务中心
2 困境儿童“成长伙伴”计划 台江区童心社会工作服务中心
3 社区矫正对象社会融入项目 仓山区启航社会工作服务社
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.unit]),
    [
      ['“银龄守护”独居老人关爱项目', '鼓楼区乐龄社会工作服务中心'],
      ['困境儿童“成长伙伴”计划', '台江区童心社会工作服务中心'],
      ['社区矫正对象社会融入项目', '仓山区启航社会工作服务社'],
    ],
  );
});

test('list headings: a counted group of units heads them; a group honouring people as such gives no cases', async () => {
  const file = await load(
    'tongbao.txt',
    `市民政局关于表彰2023年度全市民政工作先进集体和先进个人的通报
各县(市、区)民政局,局机关各处室、直属各单位:
2023年,全市民政系统干部职工坚持以人民为中心,履职尽责,各项工作取得显著成效。经研究,决定对以下先进集体和先进个人予以通报表扬。
一、先进集体(3个)
鼓楼区民政局
台江区民政局
市社会福利院
二、先进个人(3名)
张 强 鼓楼区民政局科员
李 梅 台江区民政局副科长
王 军 市社会福利院护理员
`,
  );
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award]),
    [
      ['鼓楼区民政局', '先进集体'],
      ['台江区民政局', '先进集体'],
      ['市社会福利院', '先进集体'],
    ],
  );
});

test('list headings: places in 【】 place their items; a province before a national honour in the list name is not part of it', async () => {
  const file = await load(
    'youhao-mark.txt',
    `浙江省2024年度全国示范性老年友好型社区名单公布
近日,国家卫生健康委、全国老龄办公布2024年全国示范性老年友好型社区名单,我省共有5个社区入选,数量位居全国前列,各地将推广示范社区经验。
【杭州市】
上城区湖滨街道东坡路社区
西湖区北山街道曙光社区
【温州市】
鹿城区五马街道墨池社区
瑞安市安阳街道万松社区
乐清市城东街道东山社区
`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => where(c.meta.region)),
    [
      ['浙江省', '杭州市', '上城区'],
      ['浙江省', '杭州市', '西湖区'],
      ['浙江省', '温州市', '鹿城区'],
      ['浙江省', '温州市', '瑞安市'],
      ['浙江省', '温州市', '乐清市'],
    ],
  );
  assert.ok(file.cases.every((c) => c.meta.award === '2024年度全国示范性老年友好型社区'), file.cases.map((c) => c.meta.award).join('|'));
});
