/**
 * Page furniture told by general features (stages/furniture.ts, used by clean.ts), each on an input
 * written for it: a blog template's tags after the headline and its sidebar labels at the foot,
 * a CMS date among a few words, a bracketed source note with a widget label run onto it, a news
 * agency's reporters listed with 、. What is furniture must leave the text and be listed as dropped;
 * what is the draft's (a signature, an author) must stay.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { bracketedMetaNote, footLabelRun, looseDateLine, splitTagTail } from '../electron/core/import/stages/furniture.js';

const enc = (s: string) => new TextEncoder().encode(s);
const para = '会上,市民政局总结了去年的工作并部署今年的任务,五个镇街交流了养老服务、社区治理和社会救助方面的经验做法,与会人员进行了讨论。';
const para2 = '会议要求各级民政部门转变作风,抓好基本民生保障,完善养老服务体系,增强社区自治和服务功能,推动民政事业高质量发展。';

async function one(name: string, text: string) {
  const file = await importFile({ name, bytes: enc(text) });
  return { file, c: file.cases[0]!, body: file.cases[0] ? blocksText(file.cases[0].body) : '' };
}

test('furniture: tags after bars leave the headline; a Tags line and the sidebar labels at the foot are furniture', async () => {
  const text = ['某市信息网', '', '首页 > 最新信息 / 正文', '', '某市召开全市民政工作会议 推动民政事业高质量发展|民政|会议|发展', '', '网络整理 2021-04-02 最新信息', '', para, '', para2, '', '(记者 李四)', '', 'Tags:民政   会议', '', '搜索', '网站分类', '最近更新'].join('\n');
  const { file, c, body } = await one('tags.txt', text);
  assert.equal(c.meta.title, '某市召开全市民政工作会议 推动民政事业高质量发展');
  assert.equal(file.info.date, '2021-04-02');
  for (const line of ['网络整理 2021-04-02 最新信息', 'Tags:民政   会议', '搜索', '网站分类', '最近更新']) {
    assert.ok(!body.includes(line), `${line} left the text`);
    assert.ok(file.dropped.includes(line), `${line} is listed as dropped`);
  }
  assert.ok(file.dropped.includes('|民政|会议|发展'), 'the tag tail is listed as dropped');
});

test('furniture: a headline whose bars hold words as long as itself is no tag line; menu rows stay menu rows', () => {
  assert.equal(splitTagTail('首页|新闻中心|通知公告'), null);
  assert.equal(splitTagTail('全市民政工作会议召开|推动民政事业高质量发展|会议'), null);
  assert.deepEqual(splitTagTail('全市民政工作会议召开|民政|会议'), { head: '全市民政工作会议召开', tail: '|民政|会议' });
});

test('furniture: a few words around a CMS date are a date line, a 成文日期 and a sentence are not', () => {
  assert.equal(looseDateLine('网络整理 2019-03-15 最新信息'), '2019-03-15');
  assert.equal(looseDateLine('2023/02/28 06:39:59 综合'), '2023-02-28');
  assert.equal(looseDateLine('2023年2月28日'), null);
  assert.equal(looseDateLine('某县民政局 2023-02-28'), null, 'an organ with a date is a signature');
  assert.equal(looseDateLine('截至 2023-02-28 共办理123件'), null);
});

test('furniture: a bracketed source note with a widget label run onto it is the page source, not text', async () => {
  assert.equal(bracketedMetaNote('[来源:信网 编辑:芃芃]大家爱看'), '来源:信网 编辑:芃芃');
  assert.equal(bracketedMetaNote('(来源:某县民政局)'), '来源:某县民政局');
  assert.equal(bracketedMetaNote('【编辑:张三】请关注我们的公众号获取更多内容。'), null);
  const { file, body } = await one('note.txt', `某市民政局开展慈善一日捐\n${para}\n${para2}\n[来源:某某网 编辑:王五]大家爱看`);
  assert.ok(!body.includes('大家爱看'));
  assert.ok(file.dropped.includes('[来源:某某网 编辑:王五]大家爱看'));
});

test('furniture: a news agency reporters line lists names with 、', async () => {
  const { file, body } = await one('agency.txt', `某地婚姻登记新规便利群众\n新华社记者甲乙、丙丁、戊己\n${para}\n${para2}`);
  assert.ok(!body.includes('新华社记者'));
  assert.ok(file.dropped.includes('新华社记者甲乙、丙丁、戊己'));
});

test('furniture: the foot label run stops at a signature, a place or a name', () => {
  const keep = (t: string) => /政府$|局$/u.test(t);
  assert.equal(footLabelRun([para, '搜索', '网站分类'], keep), 2);
  assert.equal(footLabelRun([para, '某镇人民政府', '搜索'], keep), 1);
  assert.equal(footLabelRun([para, '2024年12月3日'], keep), 0);
});

test('furniture: a row of display widgets and a site notice about itself are furniture, whatever their order of words', async () => {
  const { isSiteNotice, isWidgetRow } = await import('../electron/core/import/stages/furniture.js');
  assert.ok(isWidgetRow('保护视力色:              字体颜色: 【       绿恢复默认'));
  assert.ok(isWidgetRow('字号:[ 大 中 小 ] 打印本页 关闭窗口'));
  assert.ok(!isWidgetRow('大中小学生暑期托管服务'), 'single size words in a heading are no widget');
  assert.ok(!isWidgetRow('字体:仿宋,字号:三号,行距:固定值28磅'), 'a formatting instruction with values is text');
  assert.ok(isSiteNotice('本站已启用无障碍浏览系统,欢迎点击访问!'));
  assert.ok(isSiteNotice('欢迎访问某某市民政局网站'));
  assert.ok(!isSiteNotice('欢迎广大居民到社区服务中心咨询办理。'));
  const text = ['本站已启用无障碍浏览系统,欢迎点击访问!', '解读方式 文字方式 生成日期 2021-10-08', '来源 某市民政局 解读单位 某市民政局', '《某市社会组织孵化基地运营管理方案》 政策解读', '保护视力色:   字体颜色: 【  绿恢复默认', para, para2].join('\n');
  const { file, c } = await one('jiedu.txt', text);
  assert.equal(c.meta.title, '《某市社会组织孵化基地运营管理方案》 政策解读');
  assert.equal(file.info.date, '2021-10-08', 'the interpretation table dates the page');
});

test('furniture: a repost copied from its "(原标题:…)" line takes that headline as its title; under a headline it stays furniture', async () => {
  const first = await one('orig.txt', `(原标题:某县民政局为流浪乞讨人员找到回家路)\n${para}\n${para2}`);
  assert.equal(first.c.meta.title, '某县民政局为流浪乞讨人员找到回家路');
  assert.ok(first.file.dropped.includes('(原标题:某县民政局为流浪乞讨人员找到回家路)'));
  const under = await one('orig2.txt', `流浪人员找到回家路\n(原标题:某县民政局为流浪乞讨人员找到回家路)\n${para}\n${para2}`);
  assert.equal(under.c.meta.title, '流浪人员找到回家路');
});

test('furniture: portal lines told by their features leave the text above and below an article, and the headline stays the title', async () => {
  const head = '某县民政局开展困难群众走访慰问活动';
  const top = [
    '点击数：123 【打印本页】【关闭窗口】',
    '浏览次数：[ 123 ]',
    '【来源：某某县民政局】【作者：】【发布时间：2023-01-01】',
    '今天是：2023年5月6日 星期六',
    '首页 政务公开 政务服务 互动交流 走进某县',
    '首页  新闻中心  工作动态',
    '索引号：11510000MB1234567X/2023-00123',
  ];
  const bottom = ['主办：某某县人民政府办公室 承办：某某县大数据中心', '推荐到：微信 微博 QQ空间', '本网站由某某县人民政府办公室主办', '扫描二维码分享到微信', '(编辑 张三)', '【纠错】', '关注我们', '政务微博 政务微信', '地址：某某县某某路1号 邮编：610000'];
  for (const line of top) {
    const { file, c } = await one('top.txt', [line, head, para, para2].join('\n'));
    assert.equal(c.meta.title, head, `under ${line}`);
    assert.ok(file.dropped.includes(line), `${line} is listed as dropped`);
  }
  for (const line of bottom) {
    const { file, body } = await one('bottom.txt', [head, para, para2, line].join('\n'));
    assert.ok(!body.includes(line), `${line} left the text`);
    assert.ok(file.dropped.includes(line), `${line} is listed as dropped`);
  }
});

test('furniture: counterparts stay — a date with its weekday dates the page, contact lines stay for the proofing gate, a heading of menu-like words with punctuation is text', async () => {
  const { isClock, isMenuRow } = await import('../electron/core/import/stages/furniture.js');
  assert.ok(!isClock('2023年12月26日 星期二上一期下一期'), 'an e-paper issue date is the page date, not a clock');
  assert.ok(!isMenuRow('首页、政务公开和政务服务三个栏目'), 'a sentence naming menus is text');
  const { body } = await one('contact.txt', ['某县民政局开展困难群众走访慰问活动', para, para2, '联系电话：0831-1234567'].join('\n'));
  assert.ok(body.includes('联系电话：0831-1234567'));
  const dated = await one('issue.txt', ['2023年12月26日 星期二上一期下一期', '某县民政局开展困难群众走访慰问活动', para, para2].join('\n'));
  assert.equal(dated.file.info.date, '2023-12-26');
});
