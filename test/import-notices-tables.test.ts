/**
 * Information tables and notice headers in the shapes batch 13 brought (portals of provinces the
 * earlier rules had not seen): labels spaced out to align without a colon, a cell naming two fields
 * ("备注/文号:"), an empty field followed at once by the next label. Each rule on an input written
 * for it, with the counterpart that must not change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { readInfoTable } from '../electron/core/import/stages/infotable.js';
import { isAddressees } from '../electron/core/import/stages/notice.js';
import { blocksText } from '../electron/core/model/text.js';
import { enc, NOTICE_SENTENCES } from './fixtures/notice-sentences.js';

test('info table: labels spaced out to align, without a colon, are read; the title is no longer prefixed by its label', async () => {
  const t = readInfoTable([
    { text: '索 引 号 -01-2024-00007 成文日期 2024年03月01日' },
    { text: '发文机关 某某县民政局 发布时间 2024年03月05日' },
    { text: '标  题 某某县民政局关于开展社区名称征集工作的通知' },
    { text: '发文字号 某民〔2024〕3号 时  效 有效' },
  ]);
  assert.ok(t);
  assert.equal(t.fields['索引号'], '-01-2024-00007');
  assert.equal(t.fields['标题'], '某某县民政局关于开展社区名称征集工作的通知');
  assert.equal(t.fields['发文字号'], '某民〔2024〕3号', 'the spaced 时  效 is a label of its own, not part of the number');
  assert.equal(t.fields['有效性'], '有效');
  const file = await importFile({
    name: 'spaced.txt',
    bytes: enc(['索 引 号 -01-2024-00007 成文日期 2024年03月01日', '标  题 某某县民政局关于开展社区名称征集工作的通知', '发文字号 某民〔2024〕3号 时  效 有效', '', '某某县民政局关于开展社区名称征集工作的通知', '各社区居民委员会:', ...NOTICE_SENTENCES, '某某县民政局', '2024年3月1日'].join('\n')),
  });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.title, '某某县民政局关于开展社区名称征集工作的通知');
  assert.equal(file.notice!.meta.docNumber, '某民〔2024〕3号');
  // A sentence that opens with a word that is also a label stays text.
  assert.equal(readInfoTable([{ text: '标题 应简洁明了,体现社区特色。' }, { text: '来源 不限。' }]), null);
});

test('info table: a cell naming two fields ("备注/文号:") gives the one the table knows; an empty field before the next label is empty', () => {
  const t = readInfoTable([{ text: '- 索 引 号:XX04101-0300-2025-00010' }, { text: '- 备注/文号:某政办〔2025〕9号' }, { text: '- 发布机构:县政府办' }]);
  assert.ok(t);
  assert.equal(t.fields['发文字号'], '某政办〔2025〕9号');
  const empty = readInfoTable([{ text: '索引号 640201008/2019-00094 文号 生成日期 2018-03-28' }, { text: '公开方式 主动公开 所属机构 某某市民政局 责任部门 社会事务科' }]);
  assert.ok(empty);
  assert.equal(empty.fields['发文字号'], undefined, 'an empty 文号 takes nothing from the next label');
  assert.equal(empty.fields['生成日期'], '2018-03-28');
  assert.equal(empty.fields['发文机构'], '某某市民政局', '责任部门 is a label of its own');
  assert.equal(empty.lines.size, 2);
});

const PLAN = [
  '根据上级有关文件精神,为做好居家和社区养老服务工作,结合我市实际,制定本方案。',
  '一、总体要求',
  '以满足老年人多层次服务需求为导向,推进居家和社区养老服务体系建设。',
  '二、主要任务',
  '建设社区养老服务站,培育专业服务组织,完善助餐、助医等服务。',
];

test('notices: a policy document published under its name in 《》 with the portal’s table, opening as a plan does, is a notice', async () => {
  const table = ['索引号 640201008/2019-00094 文号 生成日期 2018-03-28', '公开方式 主动公开 所属机构 某某市民政局 责任部门 社会事务科'];
  const plan = await importFile({ name: 'plan.txt', bytes: enc(['《某某市居家和社区养老服务改革试点实施方案》', '', ...table, '', ...PLAN].join('\n')) });
  assert.equal(plan.kind, 'notice');
  assert.equal(plan.notice!.meta.title, '某某市居家和社区养老服务改革试点实施方案', 'the name without its 《》');
  assert.equal(plan.cases.length, 0);
  // A write-up with the same table tells what a unit did: a case.
  const story = await importFile({
    name: 'story.txt',
    bytes: enc(['《某某社区养老服务站建设工作方案》', '', ...table, '', '近年来,某某社区聚焦老年人助餐难题,建成社区养老服务站,每天为120名老人送餐。', '社区还组织志愿者上门探访,建立了困难老人台账,居民满意度明显提升。'].join('\n')),
  });
  assert.equal(story.kind, 'single-case');
  // The same plan without the portal's table (a plan copied from a news page) is not filed as a notice for its opening alone.
  const bare = await importFile({ name: 'bare.txt', bytes: enc(['某某市居家和社区养老服务改革试点实施方案', '', ...PLAN].join('\n')) });
  assert.notEqual(bare.kind, 'notice');
});

test('notices: organs under the 发文字号 open a joint title ("省民政厅 省发展改革委" / "关于印发…"); above it they are the 版头', async () => {
  const body = NOTICE_SENTENCES.slice(1);
  const joint = await importFile({
    name: 'joint.txt',
    bytes: enc(['某民发〔2021〕33号', '', '省民政厅 省发展改革委', '关于印发《某某省民政事业发展', '第十四个五年规划》的通知', '', '各市民政局、发展改革委:', ...body, '某某省民政厅', '某某省发展和改革委员会', '2021年9月6日'].join('\n')),
  });
  assert.equal(joint.notice!.meta.title, '省民政厅 省发展改革委关于印发《某某省民政事业发展第十四个五年规划》的通知');
  assert.equal(joint.notice!.meta.issuer, '某某省民政厅 某某省发展和改革委员会');
  assert.equal(joint.notice!.meta.organ, '某某省民政厅', 'the short name in the title leaves the organ to the signature');
  const mark = await importFile({
    name: 'mark.txt',
    bytes: enc(['中共某某市委 某某市人民政府', '关于加快发展养老服务业的通知', '某党发〔2015〕21号', '各县区党委和人民政府:', ...body, '中共某某市委', '某某市人民政府', '2015年6月1日'].join('\n')),
  });
  assert.equal(mark.notice!.meta.title, '关于加快发展养老服务业的通知');
  assert.equal(mark.notice!.meta.organ, '中共某某市委 某某市人民政府');
});

test('notices: a 主送 run together without its comma, with a bracketed 、 inside an item; an issued name that nests another', async () => {
  const file = await importFile({
    name: 'run.txt',
    bytes: enc([
      '某某省民政厅关于印发《某某省落实〈全国城乡社区服务体系建设规划〉实施方案》的通知',
      '省级有关单位各市、县(市、区)民政局:',
      '现将《某某省落实〈全国城乡社区服务体系建设规划〉实施方案》印发给你们,请结合实际,认真组织实施。',
      '某某省民政厅',
      '某某省落实《全国城乡社区服务',
      '体系建设规划》实施方案',
      ...PLAN,
    ].join('\n')),
  });
  assert.equal(file.kind, 'notice');
  const m = file.notice!.meta;
  assert.equal(m.addressees, '省级有关单位各市、县(市、区)民政局');
  assert.equal(m.issuer, '某某省民政厅', 'an undated signature followed by the issued plan');
  assert.deepEqual(m.attachmentTitles, ['某某省落实《全国城乡社区服务体系建设规划》实施方案'], 'the name as the page prints it over two lines, once');
});

test('info table: a table copied one cell to a line, labels without colons, gives its fields; a label word alone over text is no field', () => {
  const t = readInfoTable(['索引号', '11500000MB1A23456X/2023-00012', '发文机关', '某某市民政局', '成文日期', '2023年03月15日', '发文字号', '某民发〔2023〕5号'].map((text) => ({ text })));
  assert.ok(t);
  assert.equal(t.fields['索引号'], '11500000MB1A23456X/2023-00012');
  assert.equal(t.fields['发文机构'], '某某市民政局');
  assert.equal(t.fields['成文日期'], '2023年03月15日');
  assert.equal(t.fields['发文字号'], '某民发〔2023〕5号');
  assert.equal(t.lines.size, 8);
  // "关键词" over a paragraph, "成文日期" over no date: nothing to take.
  assert.equal(readInfoTable([{ text: '关键词' }, { text: '社区治理是基层治理的基础,需要居民广泛参与。' }, { text: '成文日期' }, { text: '待定' }]), null);
});

test('notices: text under the date is an attachment only when listed, named, marked 附件 or titled as a document', async () => {
  const head = ['某某县民政局关于开展社区名称征集工作的通知', '各社区居民委员会:', ...NOTICE_SENTENCES, '某某县民政局', '2024年3月1日'];
  const foot = await importFile({ name: 'foot.txt', bytes: enc([...head, '(此件主动公开)', '推荐使用IE8及以上版本浏览器浏览'].join('\n')) });
  assert.deepEqual(foot.notice!.attachments.map((a) => a.title), [], 'a browser note under the notice is no attachment');
  assert.ok(foot.dropped.includes('推荐使用IE8及以上版本浏览器浏览') && !blocksText(foot.notice!.body).includes('推荐使用IE8'), 'it is the page\'s foot, listed as dropped');
  const list = await importFile({ name: 'list.txt', bytes: enc([...head, '2024年度社区名称征集评审专家名单', '张某某 某某大学教授', '李某某 某某县地名办主任'].join('\n')) });
  assert.deepEqual(list.notice!.attachments.map((a) => a.title), ['2024年度社区名称征集评审专家名单']);
});

test('notices: a report headed by its own title, signed and dated at the end, is no notice; the same copy from its first sentence is', async () => {
  const body = ['2023年,县民政局聚焦民生保障,各项工作取得新成效,群众满意度持续提升。', '一、兜牢民生底线。全年发放低保金3200万元,临时救助1200人次。', '二、提升养老服务。新建养老服务站5个,为老年人提供助餐服务。'];
  const report = await importFile({ name: 'report.txt', bytes: enc(['某某县民政局2023年工作总结', ...body, '某某县民政局', '2023年12月20日'].join('\n')) });
  assert.equal(report.kind, 'single-case');
  assert.equal(report.cases[0]!.meta.title, '某某县民政局2023年工作总结');
  const call = await importFile({ name: 'call.txt', bytes: enc([...NOTICE_SENTENCES, '某某镇人民政府', '2024年12月3日'].join('\n')) });
  assert.equal(call.kind, 'notice');
});

test('info table: a portal table kept as a table (HTML, Word) is read row by row; a list table naming 标题 and 来源 in its header is not', async () => {
  const page = `<html><body><table><tr><td>索引号：</td><td>11370800/2023-01234</td><td>发布机构：</td><td>某某市民政局</td></tr>
<tr><td>发文字号：</td><td>某民字〔2023〕18号</td><td>成文日期：</td><td>2023-04-10</td></tr></table>
<h1>某某市民政局关于开展养老机构安全检查的通知</h1><p>各县（市、区）民政局：</p>
<p>为切实保障入住老年人生命财产安全，决定在全市开展养老机构安全检查。现将有关事项通知如下：</p>
<p>一、检查范围。全市各类养老机构。</p><p>二、检查内容。消防安全、食品安全等。</p><p>某某市民政局</p><p>2023年4月10日</p></body></html>`;
  const file = await importFile({ name: 'table.html', bytes: enc(page) });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.docNumber, '某民字〔2023〕18号', 'the number from the table');
  assert.equal(file.info.table?.['索引号'], '11370800/2023-01234');
  const rows = (cells: string[][]) => ({ type: 'table' as const, rows: cells.map((r) => r.map((c) => ({ blocks: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: c }] }] }))) });
  assert.equal(readInfoTable([{ text: '', table: rows([['序号', '标题', '来源'], ['1', '某社区议事会', '某区民政局']]) }, { text: '一、某某' }]), null);
});

test('notices: bodies named short or by their kind sign too (某某县残联, 某某县科协, 某某县民政局党组, 某某县创建工作领导小组)', async () => {
  const head = ['关于开展助残日活动的通知', '各乡镇人民政府:', ...NOTICE_SENTENCES.slice(1)];
  const joint = await importFile({ name: 'joint.txt', bytes: enc([...head, '某某县民政局', '某某县残联', '某某县科协', '2023年5月6日'].join('\n')) });
  assert.equal(joint.notice!.meta.issuer, '某某县民政局 某某县残联 某某县科协');
  const group = await importFile({ name: 'group.txt', bytes: enc([...head, '某某县民政局党组', '某某县创建工作领导小组', '2023年5月6日'].join('\n')) });
  assert.equal(group.notice!.meta.issuer, '某某县民政局党组 某某县创建工作领导小组');
});

test('notices: a 主送 of one organ copied without its colon ("各县（市、区）民政局") is the 主送; a write-up naming 各村委会 on a line stays a case', async () => {
  const notice = await importFile({
    name: 'one.txt',
    bytes: enc(['某某市民政局关于做好春节期间困难群众走访慰问工作的通知', '各县（市、区）民政局', '春节将至,为切实保障困难群众基本生活,现就做好走访慰问工作通知如下:', '一、高度重视。各地要把走访慰问作为重要工作。', '某某市民政局', '2024年1月20日'].join('\n')),
  });
  assert.equal(notice.notice!.meta.addressees, '各县（市、区）民政局');
  assert.equal(isAddressees('各位居民'), false, 'a greeting alone is no 主送 without its colon');
  const story = await importFile({
    name: 'story.txt',
    bytes: enc(['某某镇推行“村民说事”', '近年来,某某镇在全镇推行“村民说事”制度,由镇党委牵头,', '各村委会', '每月组织一次说事会,村民代表围绕村内大事小情议事协商,累计解决问题300余件。', '该镇还建立了说事台账,群众满意度明显提升。'].join('\n')),
  });
  assert.equal(story.kind, 'single-case');
});

test('notices: a column label of kind words ("通知公告") left over the copy is no title; a 落款 under a few paragraphs still makes the notice', async () => {
  const file = await importFile({ name: 'column.txt', bytes: enc(['通知公告', ...NOTICE_SENTENCES, '某某镇人民政府', '2024年12月3日'].join('\n')) });
  assert.equal(file.kind, 'notice');
  assert.notEqual(file.notice!.meta.title, '通知公告');
  assert.equal(file.notice!.meta.issuer, '某某镇人民政府');
});

test('notices: the table’s 发文字号 with the year in parentheses ("某民发(2023)5号") is the number, written with 〔〕', async () => {
  const file = await importFile({
    name: 'paren.txt',
    bytes: enc(['索引号：123/2023-01', '发文字号：某民发(2023)5号', '发布日期：2023-05-06', '某某市民政局关于开展养老机构安全检查的通知', '各县（市、区）民政局：', ...NOTICE_SENTENCES.slice(1), '某某市民政局', '2023年5月6日'].join('\n')),
  });
  assert.equal(file.notice!.meta.docNumber, '某民发〔2023〕5号');
});
