/**
 * Official notices in shapes the batch-9 pages brought (a county office's 印发 notice copied from
 * its information table, a district's 批复 reposted with the page address run into its table, the
 * State Council office's notice with a spaced-out title and a ○ date, a ministry's 决定 signed
 * without a date): each rule on an input written for it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { findDate } from '../electron/core/import/stages/dates.js';
import { isAddressees } from '../electron/core/import/stages/notice.js';
import { readInfoTable } from '../electron/core/import/stages/infotable.js';

const enc = (s: string) => new TextEncoder().encode(s);
const sentence = '全县将完善居家养老服务网络,为失能、半失能老年人提供助餐、助洁和助医服务,并按季度通报进展情况。';

async function notice(name: string, text: string) {
  const file = await importFile({ name, bytes: enc(text) });
  assert.equal(file.kind, 'notice', `${name} is read as a notice`);
  return { file, n: file.notice! };
}

test('notices: dates written with ○ for zero ("二○○六年九月八日") are dates, and date a signature', async () => {
  assert.equal(findDate('二○○六年九月八日'), '2006-09-08');
  assert.equal(findDate('二〇二〇年四月八日'), '2020-04-08');
  const { n } = await notice('gb.txt', ['某某市人民政府办公室关于暂停某项审批工作的通知', '某政办函〔2006〕7号', '各区县人民政府,市政府各部门:', sentence, '某某市人民政府办公室', '二○○六年九月八日'].join('\n'));
  assert.equal(n.meta.date, '2006-09-08');
  assert.equal(n.meta.issuer, '某某市人民政府办公室');
});

test('notices: a title whose first line is spaced out and names the organ before 关于 is read over both lines', async () => {
  const { n } = await notice('spaced.txt', ['国 务 院 办 公 厅 关 于 暂 停', '某项以下审批工作的通知', '国办函〔2006〕74号', '各省、自治区、直辖市人民政府,国务院有关部门:', sentence, '国务院办公厅', '2006年9月8日'].join('\n'));
  assert.equal(n.meta.title, '国务院办公厅关于暂停某项以下审批工作的通知');
  assert.equal(n.meta.organ, '国务院办公厅');
});

test('notices: the organ is the one the title names before 关于, not the information table’s abbreviation', async () => {
  const { n } = await notice(
    'table.txt',
    ['索引号: 001/2023-1 公开方式: 主动公开', '文号: 某政办发〔2023〕47号 成文日期: 2023-06-26', '发布单位: 县政府办 有效性: 有效', '某某县人民政府办公室关于印发《某某县养老服务办法》的通知', '各乡(镇)人民政府,县级机关各单位:', '《某某县养老服务办法》已经县政府同意,现印发给你们,请认真组织实施。', '某某县人民政府办公室', '2023年6月26日'].join('\n'),
  );
  assert.equal(n.meta.organ, '某某县人民政府办公室');
  // A joint title: the first organ, as with several signatures.
  const joint = await notice('joint.txt', ['某市民政局 某市财政局关于调整低保标准的通知', '各县(区)民政局、财政局:', sentence, '某市民政局 某市财政局', '2023年1月5日'].join('\n'));
  assert.equal(joint.n.meta.organ, '某市民政局');
});

test('notices: an organ line closing the copy, or followed only by the issued document, signs a notice whose date is missing', async () => {
  // The date printed as bare digits ("2023626") is taken by the cleaner; the table's 成文日期 dates it.
  const { n, file } = await notice(
    'nodate.txt',
    ['文号: 某政办发〔2023〕47号 成文日期: 2023-06-26', '发布单位: 县政府办 有效性: 有效', '某某县人民政府办公室关于印发《某某县提升“助老三件事”服务能力的实施办法》的通知', '各乡(镇)人民政府,县级机关各单位:', '某某县提升助老三件事服务能力的实施办法已经县政府同意,现印发给你们,请认真组织实施。', '某某县人民政府办公室', '2023626', '某某县提升助老三件事服务能力的实施办法', '一、总体要求', sentence].join('\n'),
  );
  assert.equal(n.meta.issuer, '某某县人民政府办公室');
  assert.equal(n.meta.date, '2023-06-26');
  // The issued document's name printed without the quotes the title gives it is still its attachment.
  assert.deepEqual(n.meta.attachmentTitles, ['某某县提升助老三件事服务能力的实施办法']);
  assert.ok(!blocksText(n.body).includes('一、总体要求'), 'the attachment is not the notice body');
  assert.ok(file.notice!.attachments.length === 1);
  // A 决定 that ends on the ministry's full name: the signature; the organ without the state's name.
  const { n: d } = await notice('jueding.txt', ['应急管理部关于表彰先进单位的决定', '某发〔2010〕16号', sentence, '希望受到表彰的单位珍惜荣誉,再接再厉。', '中华人民共和国民政部'].join('\n'));
  assert.equal(d.meta.issuer, '中华人民共和国民政部');
  assert.equal(d.meta.organ, '应急管理部');
  const { n: e } = await notice('jueding2.txt', ['表彰先进单位的决定', '民发〔2010〕16号', sentence, '希望受到表彰的单位珍惜荣誉,再接再厉。', '中华人民共和国民政部'].join('\n'));
  assert.equal(e.meta.organ, '民政部');
  // An organ line inside the body, with text after it, signs nothing.
  const { n: f } = await notice('inbody.txt', ['某市民政局关于开展排查的通知', '各县区民政局:', `${sentence}`, '某市民政局', `${sentence}${sentence}`, '特此通知。'].join('\n'));
  assert.equal(f.meta.issuer ?? null, null);
});

test('notices: a 主送 line of places sharing the last one’s organ ("甲、乙、丙镇人民政府:") is the 主送', () => {
  assert.ok(isAddressees('祖庵、渭丰、涝店、甘河、蒋村、石井镇人民政府:'));
  assert.ok(!isAddressees('祖庵、渭丰、涝店、甘河、蒋村、石井镇人民政府要求如下:今年'));
  assert.ok(!isAddressees('养老、救助、儿童:'));
});

test('notices: the page address run into the information table ("http://….html发文字号 … 发布日期 …") still gives its fields', async () => {
  const table = readInfoTable([{ text: 'http://www.example.gov.cn/zfwj/601f.html发文字号 鄠政发〔2021〕1号 发布日期 2021-02-07 09:54' }]);
  assert.equal(table?.fields['发文字号'], '鄠政发〔2021〕1号');
  assert.equal(table?.fields['发布日期'], '2021-02-07 09:54');
  const { n } = await notice(
    'pifu.txt',
    ['某市某区人民政府关于撤销某镇建制设立相应街道的批复', 'http://www.example.gov.cn/zfwj/601f.html发文字号 某政发〔2021〕1号 发布日期 2021-02-07 09:54', '甲、乙、丙镇人民政府:', '你们申请的撤镇设街道工作已经批准同意,现批复如下:', sentence].join('\n'),
  );
  assert.equal(n.meta.docNumber, '某政发〔2021〕1号');
  assert.equal(n.meta.addressees, '甲、乙、丙镇人民政府');
  assert.equal(n.meta.organ, '某市某区人民政府');
});

test('notices: comment-box labels, text-size widgets, hotlines and licence lines are furniture', async () => {
  const { file } = await notice(
    'tail.txt',
    ['某市民政局关于做好冬春救助工作的通知', '文字大小', '【大】', '各县区民政局:', sentence, '某市民政局', '2024年1月5日', '评论', '图片', '表情', '广告热线:(0871)65364045  新闻热线:(0871)65390101', '国新网许可证编号:53120170004', '增值电信业务经营许可证(ICP):滇B2-20090009'].join('\n'),
  );
  for (const line of ['文字大小', '评论', '图片', '表情', '国新网许可证编号:53120170004', '增值电信业务经营许可证(ICP):滇B2-20090009']) assert.ok(file.dropped.includes(line), `${line} is dropped`);
  assert.deepEqual(file.notice!.meta.attachmentTitles, []);
});

test('articles: a slash breadcrumb ending in the headline, a counter with its column, and 新闻推荐 at the foot are furniture', async () => {
  const head = '某市全市92对新人七夕登记结婚';
  const file = await importFile({ name: 'slash.txt', bytes: enc(['首页 / 某市新闻 / ' + head, '返回', head, '浏览次数:589 分类:某市新闻', sentence, sentence, '新闻推荐', '另一篇的标题', '另一篇的摘要……'].join('\n')) });
  assert.equal(file.cases[0]!.meta.title, head);
  const body = blocksText(file.cases[0]!.body);
  assert.ok(!body.includes('浏览次数'));
  assert.ok(!body.includes('另一篇的标题'));
});

test('notices: a 发文字号 in brackets on its own line and a date typed with 0 for 〇 ("二00六年十二月八日")', async () => {
  assert.equal(findDate('二00六年十二月八日'), '2006-12-08');
  assert.equal(findDate('2006年12月8日'), '2006-12-08');
  const { n } = await notice('bracket.txt', ['某省民政厅办公室关于表彰先进集体的决定', '(某民人[2006]63号)', '各市民政局:', sentence, '附件:先进集体名单', '二00六年十二月八日', '先进集体名单', '1、 某市民政局福利生产服务中心'].join('\n'));
  assert.equal(n.meta.docNumber, '某民人〔2006〕63号');
  assert.equal(n.meta.date, '2006-12-08');
});

test('categories: welfare enterprises (福利企业, 社会福利生产) are 社会事务', async () => {
  const file = await importFile({ name: 'fuli.txt', bytes: enc(['某市福利企业规范管理见成效', '全市社会福利生产稳步发展,福利企业安置残疾职工八百余人,民政部门加强年检和政策落实。', '全市社会福利生产稳步发展,福利企业依法享受税收优惠。'].join('\n')) });
  assert.equal(file.cases[0]!.meta.category, '社会事务');
});

test('notices: a draft status after the kind word ("…的通知（征求意见稿）") keeps the title; signature and date on one line', async () => {
  const { n } = await notice('draft.txt', ['某市民政局关于进一步规范养老机构管理的通知（征求意见稿）', '各县(区)民政局:', sentence, '某市民政局 2023年6月26日'].join('\n'));
  assert.equal(n.meta.title, '某市民政局关于进一步规范养老机构管理的通知（征求意见稿）');
  assert.equal(n.meta.issuer, '某市民政局');
  assert.equal(n.meta.date, '2023-06-26');
  assert.ok(!blocksText(n.body).includes('2023年6月26日'));
  const rules = await notice('rules.txt', ['某县临时救助实施细则（试行）', '某民发〔2024〕3号', '第一条 为规范临时救助工作,制定本细则。', '某县民政局', '二○二四年三月一日'].join('\n'));
  assert.equal(rules.n.meta.title, '某县临时救助实施细则（试行）');
  assert.equal(rules.n.meta.date, '2024-03-01');
});

test('notices: a case write-up that ends on its bureau’s name is no notice for that alone', async () => {
  const file = await importFile({ name: 'case.txt', bytes: enc(['某县推行居家养老服务新办法', sentence, `${sentence}${sentence}`, '某县民政局'].join('\n')) });
  assert.notEqual(file.kind, 'notice');
});
