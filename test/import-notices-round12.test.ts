/**
 * Notices on the shapes batch 19 failed unseen (twelfth round): a document-sharing site's blurb over
 * the 版头, a 主送 naming people's organisations (残联, 妇联, 管委会), and a 公告 or 公示 copied without
 * its 成文日期, dated by its posting where the posting falls inside what it announces. Each rule on
 * texts written for it, with the counterparts that must not change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const read = (name: string, lines: string[]) => importFile({ name, bytes: enc(lines.join('\n')) });

const BODY = [
  '为做好2024年度城乡困难群众救助工作,根据有关规定,经研究,现就有关事项通知如下:',
  '一、高度重视救助工作。各地要把困难群众救助摆在重要位置,落实属地责任,确保政策落到实处。',
  '二、规范审核确认程序。要严格按照规定开展审核确认,做到应保尽保、应退尽退,按月公开救助情况。',
];

test('notices: a site’s blurb sentence over the 版头 and 发文字号 does not hide the title under them', async () => {
  const file = await read('shared.txt', [
    '某某省人民政府办公厅文件',
    '简介:某某文库小编为你整理了多篇相关的《某某省人民政府办公厅文件》,希望对你工作学习有帮助。',
    '某某省人民政府办公厅文件',
    '某政办发〔2024〕12号',
    '某某省人民政府办公厅关于进一步做好城乡困难群众',
    '救助工作的通知',
    '各市州人民政府,省政府各厅委、各直属机构:',
    ...BODY,
  ]);
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.title, '某某省人民政府办公厅关于进一步做好城乡困难群众救助工作的通知');
  assert.equal(file.notice!.meta.addressees, '各市州人民政府,省政府各厅委、各直属机构');
  assert.equal(file.notice!.meta.docNumber, '某政办发〔2024〕12号');
});

test('notices: a sentence at the head with no 版头 under it still means the title was not copied', async () => {
  const file = await read('untitled.txt', [
    '简介:某某文库小编为你整理了多篇相关的文章,希望对你工作学习有帮助。',
    '某某省人民政府办公厅关于进一步做好城乡困难群众救助工作的通知',
    '各市州人民政府:',
    ...BODY,
  ]);
  // (The blurb closes the head: what follows is not searched for a title, as before.)
  assert.notEqual(file.notice?.meta.title, '某某省人民政府办公厅关于进一步做好城乡困难群众救助工作的通知');
});

test('notices: a 主送 naming people’s organisations and committees (残联, 妇联, 管委会) is read', async () => {
  const file = await read('cdpf.txt', [
    '关于做好2024年度残疾人托养服务工作的通知',
    '某残康办〔2024〕3号',
    '各省、自治区、直辖市残疾人康复工作办公室,某某生产建设兵团残联,某某农垦总局残联:',
    ...BODY.slice(1),
    '2024年3月5日',
  ]);
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.addressees, '各省、自治区、直辖市残疾人康复工作办公室,某某生产建设兵团残联,某某农垦总局残联');
  const women = await read('fl.txt', ['关于开展2024年度家庭救助走访活动的通知', '各区妇联,各街道管委会:', ...BODY.slice(1), '某某市民政局', '2024年3月5日']);
  assert.equal(women.notice!.meta.addressees, '各区妇联,各街道管委会');
});

const CALL = [
  '某某县城区新建道路名称征集公告',
  '日期:2024/07/18   作者:张三   来源:某某县民政局    点击:',
  '为规范地名管理,经县人民政府同意,县民政局对城区4条新增道路开展命名,向社会公开征集名称,现将有关事宜公告如下:',
  '一、征集时间。自本公告之日起至2024年7月26日结束。',
  '二、参与方式。参与者可通过书面提交、信函、电子邮件等方式参与,欢迎广大群众踊跃投稿。',
  '附件:某某县城区新建道路概况',
  '某某县民政局',
];

test('notices: a 公告 copied without its 成文日期 is dated by its posting, inside the period it announces', async () => {
  const file = await read('call.txt', CALL);
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.date, '2024-07-18');
  // (The organ under the 附件说明, ending the copy, is its 署名.)
  assert.equal(file.notice!.meta.issuer, '某某县民政局');
  assert.deepEqual(file.notice!.meta.attachmentTitles, ['某某县城区新建道路概况']);
  // A 公示 on an aggregator: the day printed first, the 公示期 in the text.
  const gs = await read('gs.txt', [
    '某某省民政厅关于2024年度养老服务示范单位推荐名单的公示',
    '22.07.2024 17:41',
    '本文来源: 民政厅',
    '根据《关于开展养老服务示范单位推荐工作的通知》要求,我厅组织开展了推荐工作,经自下而上、层层推选,初审推荐示范单位16个。',
    '现将推荐名单进行公示,公示日期为2024年7月22日—26日。如有异议,请及时联系省民政厅养老服务处。',
  ]);
  assert.equal(gs.kind, 'notice');
  assert.equal(gs.notice!.meta.date, '2024-07-22');
});

test('notices: a posting that does not fall inside the announced period, a 通知, or a text naming no day leaves the date unknown', async () => {
  // Posted after the call closed (a repost), or in another year.
  const late = await read('late.txt', CALL.map((l) => l.replace('2024/07/18', '2024/08/02')));
  assert.equal(late.notice!.meta.date ?? null, null);
  const other = await read('other.txt', CALL.map((l) => l.replace('2024/07/18', '2023/07/18')));
  assert.equal(other.notice!.meta.date ?? null, null);
  // A second, later date line over the copy (the page's own head) gives way to the one that fits.
  const twice = await read('twice.txt', ['发布时间:2025-06-19 10:20  浏览次数:126', ...CALL]);
  assert.equal(twice.notice!.meta.date, '2024-07-18');
  // A 通知 is sent to organs and posted later: its posting is not its date.
  const notice = await read('tz.txt', [
    '关于做好城区新建道路命名工作的通知',
    '日期:2024/07/18   来源:某某县民政局',
    '各乡镇人民政府,县直各单位:',
    '为规范地名管理,经县人民政府同意,现将有关事项通知如下:',
    '一、工作时间。自即日起至2024年7月26日结束。',
    '二、工作要求。各单位要高度重视,按时报送本辖区新建道路情况,确保工作落到实处。',
    '某某县民政局',
  ]);
  assert.equal(notice.kind, 'notice');
  assert.equal(notice.notice!.meta.date ?? null, null);
  // A 公告 naming no day at all.
  const undated = await read('nd.txt', CALL.map((l) => l.replace('自本公告之日起至2024年7月26日结束', '自本公告之日起十日内')));
  assert.equal(undated.notice!.meta.date ?? null, null);
});

test('notices: a 公示 copied from its body, saying “名单予以公示,” and signed, is a notice; a report that it “已予以公示” is not', async () => {
  const gs = await read('gs-body.txt', [
    '按照《关于评选表彰全省养老服务先进集体的通知》要求,经各市层层推荐,省民政厅研究决定,拟推荐某某县某某社区等12个单位为先进集体候选单位。具体名单予以公示,接受社会监督。',
    '公示时间为2024年7月18日至7月24日。对拟推荐对象有不同意见的,请向省民政厅养老服务处反映。',
    '联系电话:0451-12345678',
    '某某省民政厅',
    '2024年7月18日',
  ]);
  assert.equal(gs.kind, 'notice');
  assert.equal(gs.notice!.meta.issuer, '某某省民政厅');
  assert.equal(gs.notice!.meta.date, '2024-07-18');
  const report = await read('report.txt', [
    '近日,某某县民政局组织开展了养老服务先进集体推荐工作,经各乡镇推荐,推荐名单已予以公示,群众反响良好。',
    '据了解,今年以来全县新建社区养老服务站12个,为老年人提供助餐、助浴等服务3万余人次。',
    '下一步,县民政局将继续完善服务网络,让更多老年人在家门口享受到优质服务。',
  ]);
  assert.notEqual(report.kind, 'notice');
});

test('notices: a copy opening on a decision in its organ’s voice (“经局党组研究,决定对…”) is the 决定; a report of one is not', async () => {
  const decision = await read('chexiao.txt', [
    '“某某县阳光康复中心”等12家社会组织(具体名单见附件)连续两年未按规定参加年检,60日公告期内均未申请复核。依据《社会团体登记管理条例》,经局党组研究,决定对“某某县阳光康复中心”等12家社会组织依法撤销登记。上述社会组织的登记证书自文件下发之日起作废,不得再以社会组织名义活动。',
  ]);
  assert.equal(decision.kind, 'notice');
  assert.deepEqual(decision.cases, []);
  const report = await read('news.txt', [
    '近日,某某县民政局经局党组研究,决定对12家长期未参加年检的社会组织依法撤销登记。记者了解到,这是该县今年第二次集中清理“僵尸型”社会组织。',
    '据介绍,今年以来全县共核查社会组织120家,督促整改问题30余个,社会组织规范化水平明显提升。',
  ]);
  assert.notEqual(report.kind, 'notice');
});

test('notices: an organ line under the 附件说明 that ends the copy is the 署名; with text after it, it is not', async () => {
  const lines = ['关于做好2024年度城乡困难群众救助工作的通知', '各乡镇人民政府:', ...BODY.slice(1), '附件:1.某某县救助对象汇总表', '2.某某县救助资金分配表', '某某县民政局'];
  const signed = await read('signed.txt', lines);
  assert.equal(signed.notice!.meta.issuer, '某某县民政局');
  assert.deepEqual(signed.notice!.meta.attachmentTitles, ['某某县救助对象汇总表', '某某县救助资金分配表']);
  const more = await read('more.txt', [...lines, '县民政局将继续跟踪各乡镇救助工作落实情况,及时通报进展,确保困难群众基本生活得到保障。']);
  assert.equal(more.notice!.meta.issuer ?? null, null);
});

test('notices: the issued text set out from its first section after the date (“一、某某办事指南”) is no attachment; its title line is one', async () => {
  const head = [
    '某某市民政局关于印发《社会组织登记办事指南(试行)》的通知',
    '各县(市、区)民政局:',
    '为规范社会组织登记业务办理,按照《社会团体登记管理条例》及相关规定,我局制定了《社会组织登记办事指南(试行)》,请参照执行。',
    '某某市民政局',
    '2022年10月27日',
  ];
  const sections = ['(一)主要法规', '1.社会团体登记管理条例', '2.民办非企业单位登记管理暂行条例', '(二)申请应当具备的条件', '1.有规范的名称、必要的组织机构;'];
  const bySection = await read('zhinan.txt', [...head, '一、市级社会团体登记办事指南', ...sections]);
  assert.equal(bySection.kind, 'notice');
  assert.deepEqual(bySection.notice!.meta.attachmentTitles, []);
  const byTitle = await read('zhinan-titled.txt', [...head, '某某市社会团体登记管理办法', '一、市级社会团体登记办事指南', ...sections]);
  assert.deepEqual(byTitle.notice!.meta.attachmentTitles, ['某某市社会团体登记管理办法']);
});

test('notices: a 附件说明 whose numbered items a copy ran onto one line gives each attachment', async () => {
  const file = await read('runon-note.txt', ['关于做好2024年度城乡困难群众救助工作的通知', '各乡镇人民政府:', ...BODY.slice(1), '附件:1.某某县救助对象汇总表 2.某某县救助资金分配表', '某某县民政局', '2024年3月5日']);
  assert.deepEqual(file.notice!.meta.attachmentTitles, ['某某县救助对象汇总表', '某某县救助资金分配表']);
  // (A title with a space but no second number stays one.)
  const one = await read('one-note.txt', ['关于做好2024年度城乡困难群众救助工作的通知', '各乡镇人民政府:', ...BODY.slice(1), '附件:某某县 2024年度救助对象汇总表', '某某县民政局', '2024年3月5日']);
  assert.deepEqual(one.notice!.meta.attachmentTitles, ['某某县 2024年度救助对象汇总表']);
});

test('notices: an attachment’s long name wrapped onto the next line of the 附件说明 is one name, and the items after it are read', async () => {
  const file = await read('wrapped-note.txt', ['关于做好2024年度城乡困难群众救助工作的通知', '各乡镇人民政府:', ...BODY.slice(1), '附件:1.某某县2024年度城乡困难群众最低生活保障', '对象汇总表', '2.某某县救助资金分配表', '某某县民政局', '2024年3月5日']);
  assert.deepEqual(file.notice!.meta.attachmentTitles, ['某某县2024年度城乡困难群众最低生活保障对象汇总表', '某某县救助资金分配表']);
  // (A name that ends as a title already takes no line after it: the line is the body's.)
  const whole = await read('whole-note.txt', ['关于做好2024年度城乡困难群众救助工作的通知', '各乡镇人民政府:', ...BODY.slice(1), '附件:某某县救助对象汇总表', '各乡镇务必高度重视', '某某县民政局', '2024年3月5日']);
  assert.deepEqual(whole.notice!.meta.attachmentTitles, ['某某县救助对象汇总表']);
});

test('notices: a notice flattened into one line gives its title, 主送, 署名 and date; a title run into an opening that ends on “如下:” is split off', async () => {
  const parts = ['关于做好2024年度城乡困难群众救助工作的通知', '各乡镇人民政府:', ...BODY, '某某县民政局', '2024年3月5日'];
  const flat = await read('flat.txt', [parts.join(' ')]);
  assert.equal(flat.kind, 'notice');
  assert.equal(flat.notice!.meta.title, '关于做好2024年度城乡困难群众救助工作的通知');
  assert.equal(flat.notice!.meta.addressees, '各乡镇人民政府');
  assert.equal(flat.notice!.meta.issuer, '某某县民政局');
  assert.equal(flat.notice!.meta.date, '2024-03-05');
  const opening = await read('opening.txt', [`关于做好2024年度城乡困难群众救助工作的通知 ${BODY[0]}`, ...BODY.slice(1), '某某县民政局', '2024年3月5日']);
  assert.equal(opening.notice!.meta.title, '关于做好2024年度城乡困难群众救助工作的通知');
});
