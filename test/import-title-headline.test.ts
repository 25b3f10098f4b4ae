/**
 * The headline chosen by features (stages/title.ts, used by clean.ts) and the page furniture told by
 * features (stages/furniture.ts): each input written for its test, with the counterpart that must
 * stay. A line that can never be a headline (a stale date, a reader's widget, a spam line, a row of
 * links) gives way to the one over the text; a headline that stands first keeps its place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { headlineAt as chooseHeadline, isLinkRow, isNeverTitle } from '../electron/core/import/stages/title.js';
import { linePage, scoreLines } from '../electron/core/import/stages/linemodel.js';
import { isFurniture } from '../electron/core/import/stages/clean.js';
import { isMarkupResidue, isModeSwitch, isPaperReaderLine, isSpamLine, spamTail, stripInjectedSymbols, injectedSymbolCount } from '../electron/core/import/stages/furniture.js';

const H = '某县多举措提升养老服务水平';
const P1 = '今年以来,某县民政局聚焦老年人急难愁盼,完善养老服务设施,提升养老服务水平,新建社区养老服务站12个。';
const P2 = '下一步,某县将继续推进居家社区养老服务,让老年人享受更加便利的养老服务。';

/** The headline among `top` over `body`, each line scored by the fitted line model as clean() scores it. */
function headlineAt(top: string[], body: string): number {
  const scores = scoreLines(linePage([...top, ...body.split('\n')].map((text) => ({ text })), isFurniture));
  return chooseHeadline(top, body, (k) => scores(k).headline);
}

async function read(...lines: string[]) {
  const file = await importFile({ name: 'page.txt', bytes: new TextEncoder().encode(`${lines.join('\n')}\n`) });
  const c = file.cases[0]!;
  return { file, c, body: c ? blocksText(c.body) : '' };
}

test('title: lines that can never be a headline, and lines that can', () => {
  for (const t of ['2023年9月9日', '2026-01-25', '星期日', '电子报阅读机', '当前报纸名称:某某晚报', '日期:03-08', '退出老年人模式', '热搜词: 社保 公积金 养老保险 身份证', '首页 新闻中心 工作动态 通知公告 政务公开']) {
    assert.ok(isNeverTitle(t), t);
  }
  for (const t of [H, '民政部：加快推进养老服务体系建设', '关于做好2023年春节期间困难群众帮扶工作的通知', '推动移风易俗 树立殡葬新风']) {
    assert.ok(!isNeverTitle(t), t);
  }
  assert.ok(isLinkRow('延吉概况 延吉新闻 社会民生 公示公告 外媒报导 街区新闻'));
  assert.ok(!isLinkRow('推动移风易俗 树立殡葬新风'), 'two phrases of a headline are no row of links');
});

test('title: the first line keeps its place unless it cannot be a headline', () => {
  const body = `${P1}\n${P2}`;
  assert.equal(headlineAt([H, '某县民政局'], body), -1, 'a headline over its unit stays the headline');
  assert.equal(headlineAt(['2023年9月9日', H], body), 1);
  assert.equal(headlineAt(['某县民政局', H], body), -1, 'an organ over a headline is no kicker without a news dateline');
  assert.equal(headlineAt(['县救助管理站', '积极为流浪乞讨人员寻亲'], '本报讯 近日,笔者从县救助管理站了解到,该站组织干部职工上街巡查,为流浪乞讨人员寻亲。'), 1);
});

test('title: a stale date and an organ kicker over a news story leave; the page is dated by the date', async () => {
  const { file, c, body } = await read('2022年03月02日', '县救助管理站', '积极为流浪乞讨人员寻亲', '本报讯(张三)2月24日,笔者从县救助管理站了解到,该站组织干部职工上街巡查,寻找流浪乞讨人员,帮助他们与家人团聚。', P2);
  assert.equal(c.meta.title, '积极为流浪乞讨人员寻亲');
  assert.equal(file.info.date, '2022-03-02');
  assert.ok(file.dropped.includes('2022年03月02日') && file.dropped.includes('县救助管理站'));
  assert.ok(!body.includes('2022年03月02日'));
  // A notice's date line under its signature stays the notice's.
  const signed = await read(H, P1, P2, '某县民政局', '2023年5月6日');
  assert.ok(signed.body.includes('2023年5月6日'));
});

test('title: a long portal head over the date line goes, link rows and a bulleted menu included', async () => {
  const menu = ['网站首页', '政府信息公开', '政务服务', '政民互动', '数据开放', '新媒体矩阵'].map((m) => `  • ${m}`);
  const { file, c, body } = await read('2023年9月9日', '热搜词: 政府工作报告 营商环境 社保 公积金 养老保险', '|', '退出老年人模式', ...menu, '  • 当前位置: 首页 > 重要信息', '微信', H, '来源: 某某日报 2025-03-14 08:00', P1, P2);
  assert.equal(c.meta.title, H);
  assert.equal(file.info.date, '2025-03-14', 'the date line dates the page, not the stale clock');
  for (const line of ['2023年9月9日', '退出老年人模式', '• 当前位置: 首页 > 重要信息', '• 网站首页']) assert.ok(file.dropped.includes(line), line);
  assert.ok(!body.includes('网站首页'));
  // The dropped lines are listed in page order.
  const order = ['2023年9月9日', '退出老年人模式', '• 网站首页', '• 当前位置: 首页 > 重要信息'].map((l) => file.dropped.indexOf(l));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  // Above a headline far down, a paragraph stops the drop: the page is the draft's.
  const text = await read('某县民政局', '工作动态', '某县召开养老服务推进会。会议总结了上半年的工作。', '养老', '服务', '动态', '要闻', '专题', H, '来源: 某某日报 2025-03-14 08:00', P1);
  assert.ok(text.body.includes('会议总结了上半年的工作'));
});

test('title: an e-paper reader\'s labels go, its paper is the page\'s source; a page field without a year anchors the headline', async () => {
  const { file, c } = await read('电子报阅读机', '2026-01-25', '星期日', '当前报纸名称:某某晚报', H, '日期:03-08', '字号:', '版面:第02版:要闻       上一篇    下一篇', P1, P2);
  assert.equal(c.meta.title, H);
  assert.equal(file.info.publisher, '某某晚报');
  for (const line of ['电子报阅读机', '当前报纸名称:某某晚报', '版面:第02版:要闻       上一篇    下一篇']) assert.ok(file.dropped.includes(line), line);
  assert.ok(isPaperReaderLine('版面:第02版:要闻 上一篇 下一篇'));
  assert.ok(!isPaperReaderLine('版面设计:张三'.replace(':', '')), 'a word beginning with 版面 is no field');
});

test('title: HTML residue and mode switches are furniture; an arrow in a flow and a mode word in text are not', async () => {
  assert.ok(isMarkupResidue('--> 2022-03-02 县救助管理站 1 1 某某报 c85816.html 1 积极为流浪乞讨人员寻亲 /enpproperty-->'));
  assert.ok(isMarkupResidue('<!--'));
  assert.ok(!isMarkupResidue('申请-->审核-->发放'));
  assert.ok(isModeSwitch('退出老年人模式') && isModeSwitch('切换到关怀版') && isModeSwitch('长者模式'));
  assert.ok(!isModeSwitch('老年人') && !isModeSwitch('开展老年人关爱服务'));
  const { file, body } = await read(H, P1, P2, '--> 2022-03-02 某某报 c1.html 1 某县多举措提升养老服务水平 /enpproperty-->');
  assert.ok(!body.includes('enpproperty'));
  assert.ok(file.dropped.some((d) => d.includes('enpproperty')));
});

test('title: a spam line and a spam sentence run into the headline go by their features; welfare lotteries stay', async () => {
  assert.ok(isSpamLine('加拿大28正规官网网址'));
  assert.ok(isSpamLine('PC28正规平台注册'));
  assert.ok(!isSpamLine('福利彩票官网网址'), 'a welfare lottery names no gambling brand');
  assert.ok(!isSpamLine('中国福利彩票发行管理中心'));
  const page = '某某网10月12日电 题:某市“石榴籽家园”里的邻里情';
  assert.equal(spamTail('基于加拿大28正规官网网址历史开奖数据,致力于提供专业的预测,真正为用户带来帮助(系列报道)某市“石榴籽家园”里的邻里情', page), '某市“石榴籽家园”里的邻里情', 'the headline starts where the page prints it again');
  assert.equal(spamTail(`${H},${P1}`, page), null, 'a page without spam has no spam tail');
  const { file, c } = await read('加拿大28正规官网网址', '基于加拿大28正规官网网址历史开奖数据与趋势,我们利用大数据平台的分析功能,致力于提供专业的预测,真正为用户带来帮助某市“石榴籽家园”里的邻里情', page, '作者 张三 李四', '中秋佳节,社区里摆起“百家宴”长桌,各家端来拿手菜,某市“石榴籽家园”里的各族居民欢聚一堂,其乐融融。', P2);
  assert.equal(c.meta.title, '某市“石榴籽家园”里的邻里情');
  assert.ok(file.dropped.includes('加拿大28正规官网网址'));
  assert.ok(file.dropped.includes('作者 张三 李四'));
  assert.equal(file.info.authors, '张三 李四');
});

test('title: symbols injected inside words leave a page that has many; a page with a few signs keeps them', async () => {
  const injected = ['石榴♂籽家园', '官ξ 网', '人ξ 口', '社@区', '妇︾女', '利↘用'];
  assert.equal(stripInjectedSymbols(injected.join(' ')), '石榴籽家园 官网 人口 社区 妇女 利用');
  assert.equal(stripInjectedSymbols('气温25℃的北京～上海航线'), '气温25℃的北京～上海航线');
  assert.ok(injectedSymbolCount(injected) >= 5);
  const { c, body } = await read('某市“石榴♂籽家园”里的邻里情', `中秋佳节,社区里摆起“百家宴”长桌,各家端来拿手菜,居民们一起迎新年,社@区的各族居民欢聚一堂。`, '青海多民族共居,省会总人ξ 口248万,是少数民族人口佔比最高↓的省会城市,多元文化交融。', '社区面积只有0.14平方□公里,各族居民近8000人。');
  assert.equal(c.meta.title, '某市“石榴籽家园”里的邻里情');
  assert.ok(body.includes('社区的各族居民') && body.includes('总人口248万'));
  // Two signs on a page are the draft's own.
  const few = await read(H, '今年以来,某县新建社区养老服务站12个★,服务老年人3000余人次。', P2);
  assert.ok(few.body.includes('12个★'));
});

test('title: a date alone under the site\'s or column\'s name ends the page\'s head; under a headline it dates the page; a notice keeps its head', async () => {
  const site = await read('盐亭县民政局', '2023年05月06日', H, P1, P2);
  assert.equal(site.c.meta.title, H);
  assert.equal(site.file.info.date, '2023-05-06');
  assert.equal(site.file.info.publisher, '盐亭县民政局');
  const column = await read('民政要闻', '2023年5月6日', H, P1, P2);
  assert.equal(column.c.meta.title, H);
  assert.deepEqual(column.file.dropped, ['民政要闻', '2023年5月6日']);
  const under = await read(H, '2023年05月06日', P1, P2);
  assert.equal(under.c.meta.title, H);
  assert.equal(under.file.info.date, '2023-05-06');
  assert.ok(!under.body.includes('2023年05月06日'));
  // A notice's head (its organ, its date) is the notice's own.
  const notice = await read('某县民政局', '2023年05月06日', '关于做好2023年春节期间困难群众帮扶工作的通知', '各乡镇人民政府:', `${P1}现将有关事项通知如下。`, P2);
  assert.ok(!notice.file.dropped.includes('某县民政局'));
});

test('title: a site with its domain before the date line, a list of links after 相关新闻 behind a mark, a browser note in the foot', async () => {
  const { file, body } = await read(H, '某某政府门户网站 www.example.gov.cn 2015-01-28 15:40 来源: 新华社', P1, P2, '>相关新闻', '  • 某县调整两开发区空间布局', '  • 顶一下', '推荐使用IE8及以上版本浏览器浏览');
  assert.equal(file.info.date, '2015-01-28');
  assert.equal(file.info.publisher, '新华社', 'the story\'s source, not the site carrying it');
  for (const line of ['>相关新闻', '• 某县调整两开发区空间布局', '推荐使用IE8及以上版本浏览器浏览']) assert.ok(file.dropped.includes(line), line);
  assert.ok(!body.includes('相关新闻'));
});

test('title: a column\'s name over a menu row, without a date line, is the page\'s head; a document\'s head with its 发文字号 stays whole', async () => {
  const { c, file } = await read('新时代文明实践', '某市摄影', '某市概况 某市新闻 社会民生 公示公告 外媒报导 街区新闻 周边县市 旅游指南', H, P1, P2);
  assert.equal(c.meta.title, H);
  assert.deepEqual(file.dropped.slice(0, 2), ['新时代文明实践', '某市摄影']);
  assert.equal(headlineAt(['请选择期数:', '部门文件', '某民发〔2021〕33号', '省民政厅 省发展改革委', '关于印发《某省民政事业发展规划》的通知'], P1), 2, 'a document\'s head starts at its 发文字号 at the latest');
  const notice = await read('请选择年份:', '请选择期数:', '部门文件', '某民发〔2021〕33号', '关于印发《某省民政事业发展规划》的通知', '各市民政局:', `${P1}现将有关事项通知如下。`, P2);
  assert.equal(notice.file.kind, 'notice');
  assert.ok(!notice.file.dropped.includes('某民发〔2021〕33号'));
});

test('title: a page copied without its headline loses the date over its first paragraph; a repost\'s 原标题 under a column and a date is its headline', async () => {
  const headless = await read('2023年9月9日', '叶某', P1, P2);
  assert.notEqual(headless.c.meta.title, '2023年9月9日');
  assert.ok(headless.file.dropped.includes('2023年9月9日'));
  const bare = await read('2023年9月9日', P1, P2);
  assert.notEqual(bare.c.meta.title, '2023年9月9日');
  assert.equal(bare.file.info.date, '2023-09-09');
  const repost = await read('工作动态', '2023年05月06日', `(原标题:${H})`, P1, P2);
  assert.equal(repost.c.meta.title, H);
});

test('title: a heading on fighting gambling sites is no spam', () => {
  assert.ok(!isSpamLine('严厉打击“时时彩”等网络赌博平台注册账号'));
  assert.ok(!isSpamLine('谨防加拿大28等非法平台诈骗'));
});
