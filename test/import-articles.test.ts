/**
 * Single articles and notices as editors copy them from pages of provinces the first rounds had
 * not seen (batch-7-articles): each rule on an input written for it, so that a rule that stops
 * working fails here by name. Page furniture must never become the title, nor stay in the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';

const enc = (s: string) => new TextEncoder().encode(s);
const para = '全区建成社区儿童之家二十个,为困境儿童和留守儿童提供课后照料、心理疏导和安全教育,儿童主任每月走访一次,确保每名儿童都有人关心。';

async function one(name: string, text: string) {
  const file = await importFile({ name, bytes: enc(text) });
  return { file, c: file.cases[0]!, body: file.cases[0] ? blocksText(file.cases[0].body) : '' };
}

test('articles: a bulleted top menu is furniture, and the headline under it is the title', async () => {
  const { file, c, body } = await one('menu.txt', `- 首页\n- 民文\n- English\n- 网站无障碍\n- 举报\n\n- 登录\n某县儿童关爱服务见实效\n${para}\n${para}`);
  assert.equal(c.meta.title, '某县儿童关爱服务见实效');
  for (const m of ['- 首页', '- English', '- 登录']) {
    assert.ok(!body.includes(m), `${m} left the text`);
    assert.ok(file.dropped.includes(m), `${m} is listed as dropped`);
  }
});

test('articles: an e-paper page index (page labels, the page names, its headlines) is furniture above the second print of the headline', async () => {
  const head = '省民政厅全力做好抗震救灾工作';
  const text = [
    '首页 | 版面导航 | 标题导航',
    '第01版:头版',
    '第02版:社会治理',
    '第03版:ESG',
    '另一篇文章的标题在这里',
    head,
    '版面目录',
    '第01版',
    '头版',
    '第02版',
    '社会治理',
    '新闻内容',
    '2023年12月26日 星期二上一期下一期',
    head,
    `地震发生后,省民政厅第一时间启动应急响应,派出工作组赶赴灾区,紧急调拨帐篷、棉被等救灾物资,把受灾群众及时纳入临时救助。`,
  ].join('\n');
  const { file, c, body } = await one('epaper.txt', text);
  assert.equal(c.meta.title, head);
  assert.equal(file.info.date, '2023-12-26');
  for (const m of ['第03版:ESG', '社会治理', '另一篇文章的标题在这里', '版面目录', '新闻内容']) assert.ok(!body.includes(m), `${m} is not text`);
  assert.equal(c.meta.category, '防灾减灾救灾', 'the page names do not weigh the category');
});

test('articles: reporter lines with several roles, outlet dates and spaced dates are metadata, not headlines', async () => {
  let r = await one('reporter.txt', `某街道举办优秀案例评选活动\n某某特区报记者 彭一 华二 通讯员 蓝三 文/图\n2023-12-04 17:29\n${para}`);
  assert.equal(r.c.meta.title, '某街道举办优秀案例评选活动');
  assert.equal(r.file.info.date, '2023-12-04');
  r = await one('outlet.txt', `北京青年报\n七夕全省新人登记结婚 跨省通办结婚登记千余对\n南方日报 2023-08-24 08:04\n近日,笔者从广东省民政厅获悉,七夕当天全省结婚登记7849对。${para}`);
  assert.equal(r.c.meta.title, '七夕全省新人登记结婚 跨省通办结婚登记千余对');
  assert.equal(r.file.info.publisher, '南方日报');
  assert.equal(r.c.meta.region?.province, '广东省', 'the reposting paper names no place of the article');
  r = await one('spaced.txt', `某网 > > 正文\n2021 09/ 22 15:35:35\n来源:某网\n\n17个单位被确认为全国婚俗改革实验区\n\n字体:\n${para}`);
  assert.equal(r.c.meta.title, '17个单位被确认为全国婚俗改革实验区');
  assert.equal(r.file.info.date, '2021-09-22');
});

test('articles: labels copied apart from their values, a video player dialog and a repost note are furniture', async () => {
  const text = `发布时间:\n浏览量:\n57464\n来源:\n海内外资讯\n开始对话视窗。离开会取消及关闭视窗\n文字\n背景\n字体尺寸\n结束对话视窗\nfile ID:\n[X]\n(原标题:旧标题)\n${para}\n${para}`;
  const { file, c, body } = await one('labels.txt', text);
  assert.equal(file.info.publisher, '海内外资讯');
  assert.notEqual(c.meta.title, '海内外资讯', 'a source value is no headline');
  for (const m of ['海内外资讯', '字体尺寸', 'file ID:', '原标题']) assert.ok(!body.includes(m), `${m} is not text`);
});

test('articles: the aggregator next item after a closing editor line, link groups and an app picture placeholder', async () => {
  const text = [
    '某县社区开展心愿树活动',
    '打开网易新闻 查看更多图片',
    '居民挂心愿卡',
    para,
    para,
    '编审:甲乙 编辑:丙丁 供稿:戊己',
    '用好红色资源筑牢初心使命',
    '近日,省民政厅组织党员干部参观学习,追忆峥嵘岁月,丰',
    '国务院部门网站',
    '地方政府网站',
    '其他网站',
  ].join('\n');
  const { file, c, body } = await one('tail.txt', text);
  assert.equal(c.meta.title, '某县社区开展心愿树活动');
  for (const m of ['编审', '用好红色资源', '国务院部门网站', '其他网站', '打开网易新闻']) assert.ok(!body.includes(m), `${m} is not text`);
  assert.ok(file.captions.includes('居民挂心愿卡'), `the line under the missing picture is its caption: ${JSON.stringify(file.captions)}`);
});

test('articles: a bureau site name over a headline that names the bureau by level gives unit and district', async () => {
  const text = `重庆市武隆区民政局\n首页 | 政务公开 | 渝快办\n您当前的位置: 首页 > 民政局 > 工作情况\n区民政局:着力提升儿童工作服务能力\n日期:2021-10-12\n一是建立机制。${para}\n二是建设平台。${para}`;
  const { c } = await one('site.txt', text);
  assert.equal(c.meta.unit, '武隆区民政局');
  assert.equal(c.meta.region?.county, '武隆区');
});

test('articles: a caption credited "供图/…" is a caption, and its county does not decide the region', async () => {
  const text = `当好乡村振兴的护旗手\n时间: 2024-03-18 14:17   来源:某杂志\n唐军华\n今年以来,凉山州布拖县某村开展结对帮扶项目,助力农民增收。 供图/某服务中心\n2023年以来,四川省各级民政部门动员引导社会组织参与乡村振兴,${para}`;
  const { file, c } = await one('caption.txt', text);
  assert.equal(file.info.authors, '唐军华');
  assert.deepEqual(c.meta.region && [c.meta.region.province, c.meta.region.city], ['四川省', null]);
});

test('articles: a traditional variant the converter leaves (陜) still names the province', async () => {
  const text = `陜西力推殯葬改革 三年投資更新殯儀設備\n2014-04-02 15:57  來源:某廣播網\n央廣網西安4月2日消息 記者從陝西省民政廳獲悉,陝西大力建設公益性公墓,實行惠民殯葬政策,推進殯葬改革和殯葬公共服務均等化,農村公益性公墓由縣級政府主導建設。`;
  const { c } = await one('variant.txt', text);
  assert.equal(c.meta.title, '陜西力推殯葬改革 三年投資更新殯儀設備', 'the original characters are kept');
  assert.deepEqual(c.meta.region && [c.meta.region.province, c.meta.region.city], ['陕西省', null]);
});

test('notices: organs above a 关于 title, a column label that is no 发文机关标志, a one-line information table', async () => {
  let f = (await one('yijian.txt', `您所在的位置:首页>市政府文件>正文\n中共某盟市委 乌兰察布市人民政府\n关于加快发展养老服务业的实施意见\n——\n乌党发〔2015〕21号\n为加快建立养老服务体系,结合我市实际,提出如下实施意见。\n一、重要意义\n${para}`)).file;
  assert.equal(f.kind, 'notice');
  assert.equal(f.notice?.meta.title, '关于加快发展养老服务业的实施意见');
  assert.equal(f.notice?.meta.organ, '中共某盟市委 乌兰察布市人民政府');
  assert.equal(f.notice?.meta.region?.city, '乌兰察布市');
  f = (await one('column.txt', `您的位置:\n省级部门文件\n【字体:\n来源:云南省民政厅\n云南省民政厅关于印发行政处罚程序规定的通知\n云民规〔2023〕5号\n各州、市民政局:\n《云南省民政部门行政处罚程序规定》已审议通过,现印发你们,请认真贯彻执行。\n云南省民政厅\n2023年10月23日`)).file;
  assert.equal(f.notice?.meta.organ, '云南省民政厅');
  f = (await one('table.txt', `某市人民政府\n首页 >> 公开信息内容\n某市人民政府关于印发某市民政事业发展规划的通知\n索  引  号:11532331015179648Q-/2022-0824002 公文目录:政府文件 发文机关:某市政府办 成文日期:2022年08月24日 发文字号:禄政通〔2022〕24号 主  题  词: 标      题:某市人民政府关于印发某市民政事业发展规划的通知 发布日期:2022年08月24日\n各乡镇人民政府,市级各有关部门:\n《某市民政事业发展规划》已经市政府常务会议审议通过,现印发给你们,请认真贯彻执行。\n某市人民政府\n2022年8月24日`)).file;
  assert.equal(f.notice?.meta.docNumber, '禄政通〔2022〕24号');
});

test('notices: a title over three lines is read whole, and the organ heading the page still signs it', async () => {
  const { file } = await one('threelines.txt', `济宁市民政局\n关于开展2021年度全市民政工作\n创新案例评选活动的\n通知\n各县（市、区）民政局:\n为总结推广基层经验,市局决定开展创新案例评选。现将有关事项通知如下:\n一、评选范围\n各县（市、区）民政局2020年以来实施的创新项目。\n济宁市民政局\n2021年5月10日`);
  assert.equal(file.notice?.meta.title, '关于开展2021年度全市民政工作创新案例评选活动的通知');
  assert.equal(file.notice?.meta.issuer, '济宁市民政局');
  assert.equal(file.notice?.meta.region?.city, '济宁市');
});

test('articles: a paper name over the headline, an app label under the date line, counters and disclaimers are furniture', async () => {
  let r = await one('paper.txt', `中国社会报\n湘西州：“四个一”机制兜牢困难群众基本生活\n本报讯 近年来，湘西州民政局建立低保对象动态管理机制，全州累计发放救助资金12.6亿元。\n${para}`);
  assert.equal(r.c.meta.title, '湘西州：“四个一”机制兜牢困难群众基本生活');
  r = await one('app.txt', `当前位置:\n某市民政局调研某区民政工作\n来源:某网 作者:刘某 编辑:周某 2016-04-15 13:58:41\n时刻新闻\n—分享—\n${para}\n浏览：1,234次\n点赞 12 评论 3\n本文转载自某某网，版权归原作者所有，如有侵权请联系删除。`);
  assert.equal(r.c.meta.title, '某市民政局调研某区民政工作');
  assert.equal(r.file.info.date, '2016-04-15');
  for (const m of ['时刻新闻', '1,234', '点赞', '如有侵权']) assert.ok(!r.body.includes(m), `${m} is not text`);
});

test('articles: captions printed under the page head and above the reporter line are captions', async () => {
  const caps = ['省民政厅在海口市举办“中华慈善日”主题宣传活动。', '省未成年人救助保护中心开展困境儿童关爱活动。', '某养老服务中心举办文艺汇演。'];
  const text = [
    '某网',
    '当前位置: 首页  >  新闻中心  >  媒体报道 > 正文',
    '实施“五心工程” 贡献民政力量',
    '时间:2024-10-18   浏览量:128 次  来源:中国社会报',
    ...caps,
    '本版图片由省民政厅提供',
    '本报记者   安   娜',
    `第十四次全国民政会议以来,全省民政系统健全基本民生保障制度,${para}`,
  ].join('\n');
  const { file } = await one('heads.txt', text);
  for (const cap of caps) assert.ok(file.captions.includes(cap), `caption ${cap}: ${JSON.stringify(file.captions)}`);
});

test('notices: the title from the information table when the copy starts below it', async () => {
  const { file } = await one('tabletitle.txt', `索引号：11630000/2021-00012\n标题：关于做好2021年度困难群众冬春救助工作的通知\n发文字号：青民函〔2021〕33号\n成文日期：2021-06-18\n各市州民政局：\n为切实保障困难群众基本生活，现就做好冬春救助工作通知如下：\n一、摸清底数。\n青海省民政厅\n2021年6月18日`);
  assert.equal(file.notice?.meta.title, '关于做好2021年度困难群众冬春救助工作的通知');
});

test('regions and categories: renamed divisions, autonomous counties without their peoples, a title naming only the leading area', async () => {
  const { resolveRegion } = await import('../electron/core/regions/index.js');
  assert.equal(resolveRegion('长治市城区东街街道')?.county, '潞州区');
  assert.equal(resolveRegion('大同市城区向阳里街道')?.county, '平城区');
  assert.equal(resolveRegion('蓟县民政局')?.county, '蓟州区');
  assert.equal(resolveRegion('湖南省通道县')?.county, '通道侗族自治县');
  assert.equal(resolveRegion('凉山州布拖县')?.city, '凉山彝族自治州');
  const { scoreCategories } = await import('../electron/core/import/stages/category.js');
  const body = '地震发生后，省民政厅启动应急响应，紧急调拨救灾帐篷、棉被，派出工作组。一是扎实开展困难群众救助，把受灾困难家庭及时纳入低保和临时救助，困难群众救助资金及时发放，困难群众基本生活得到保障。';
  assert.equal(scoreCategories('省民政厅全力以赴做好抗震救灾工作', body, { article: true }).category, '防灾减灾救灾');
});
