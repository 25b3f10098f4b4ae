/**
 * The 署名 block and the title by their grammar wherever the copy put them (batch 15): the organ and
 * the date set close on one line, a date the copy cut short on its last line, a title run into the
 * first paragraph, and a 署名, date and 附件 run into the last one. Each rule on an input written for
 * it, with the counterpart that must not change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { enc, NOTICE_SENTENCES } from './fixtures/notice-sentences.js';

const TITLE = '关于征集新社区名称的公告';

test('notices: an organ and its date set close on one line are the 署名 and the 成文日期; a sentence with a date is neither', async () => {
  const file = await importFile({ name: 'close.txt', bytes: enc([TITLE, ...NOTICE_SENTENCES, '某某省民政厅办公室2024年5月29日'].join('\n')) });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.issuer, '某某省民政厅办公室');
  assert.equal(file.notice!.meta.organ, '某某省民政厅办公室');
  assert.equal(file.notice!.meta.date, '2024-05-29');
  const spaced = await importFile({ name: 'spaced.txt', bytes: enc([TITLE, ...NOTICE_SENTENCES, '某某县民政局 2024年5月29日'].join('\n')) });
  assert.equal(spaced.notice!.meta.issuer, '某某县民政局', 'spaced apart as before');
  const prose = await importFile({ name: 'prose.txt', bytes: enc([TITLE, ...NOTICE_SENTENCES, '征集活动截至2024年5月29日'].join('\n')) });
  assert.equal(prose.notice!.meta.issuer, undefined, 'a line that ends on a date is no signature unless an organ opens it');
});

test('notices: an organ over a date cut short where the copy ends is the 署名, the date unknown; the same line inside the copy is text', async () => {
  const file = await importFile({ name: 'cut.txt', bytes: enc([TITLE, ...NOTICE_SENTENCES, '某某镇社区命名工作领导小组 2021年1'].join('\n')) });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.issuer, '某某镇社区命名工作领导小组');
  assert.equal(file.notice!.meta.date ?? null, null);
  const inside = await importFile({ name: 'inside.txt', bytes: enc([TITLE, ...NOTICE_SENTENCES.slice(0, 2), '某某镇社区命名工作领导小组 2021年1', ...NOTICE_SENTENCES.slice(2)].join('\n')) });
  assert.notEqual(inside.notice?.meta.issuer, '某某镇社区命名工作领导小组');
});

test('notices: a title run into the first paragraph is the title, the paragraph the body; a title with its posting date after a space stays whole', async () => {
  const file = await importFile({ name: 'runon.txt', bytes: enc([`${TITLE} ${NOTICE_SENTENCES[0]}特此公告如下:`, ...NOTICE_SENTENCES.slice(1), '某某镇人民政府', '2021年11月19日'].join('\n')) });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.title, TITLE);
  assert.match(file.notice!.body.map((b) => JSON.stringify(b)).join(''), /为方便群众办事/u, 'the paragraph stays in the body');
  const dated = await importFile({ name: 'dated.txt', bytes: enc([`${TITLE} (2021-11-19 )`, ...NOTICE_SENTENCES, '某某镇人民政府', '2021年11月19日'].join('\n')) });
  assert.equal(dated.notice!.meta.title, TITLE);
});

test('notices: a 署名, date and 附件 run into the last paragraph are read apart; the attachment’s name ends where its form begins', async () => {
  const last = `${NOTICE_SENTENCES[3]} 某某乡人民政府 2018年5月15日 附件: 某某乡新片区名称征集表 征集人姓名: 单位: 联系`;
  const file = await importFile({ name: 'flat.txt', bytes: enc([`${NOTICE_SENTENCES[0]}现就有关事项公告如下:`, ...NOTICE_SENTENCES.slice(1, 3), last].join('\n')) });
  assert.equal(file.kind, 'notice');
  const meta = file.notice!.meta;
  assert.equal(meta.issuer, '某某乡人民政府');
  assert.equal(meta.organ, '某某乡人民政府');
  assert.equal(meta.date, '2018-05-15');
  assert.deepEqual(meta.attachmentTitles, ['某某乡新片区名称征集表']);
  // A date inside a sentence ("自2018年5月15日起") is no 落款.
  const inside = await importFile({ name: 'inside.txt', bytes: enc([`${NOTICE_SENTENCES[0]}现就有关事项公告如下:`, ...NOTICE_SENTENCES.slice(1, 3), `${NOTICE_SENTENCES[3]} 某某乡人民政府自2018年5月15日起受理。`].join('\n')) });
  assert.equal(inside.notice?.meta.issuer, undefined);
});

test('notices: the 署名 run on after the attachments listed, joint organs with the date set close, a 落款 set close ending an untitled copy', async () => {
  const listed = await importFile({
    name: 'listed.txt',
    bytes: enc(['某某县民政局关于公布社区名称的通知', '各乡镇人民政府:', ...NOTICE_SENTENCES, '附件:1.某某县社区名称一览表.docx 某某县民政局 2022年6月24日'].join('\n')),
  });
  assert.equal(listed.notice!.meta.issuer, '某某县民政局');
  assert.equal(listed.notice!.meta.date, '2022-06-24');
  const joint = await importFile({ name: 'joint.txt', bytes: enc(['某某县民政局 某某县财政局关于做好救助工作的通知', '各乡镇人民政府:', ...NOTICE_SENTENCES, '某某县民政局', '某某县财政局2023年6月26日'].join('\n')) });
  assert.equal(joint.notice!.meta.issuer, '某某县民政局 某某县财政局', 'both sign, the last with the date on its line');
  const untitled = await importFile({ name: 'untitled.txt', bytes: enc([...NOTICE_SENTENCES, '某某镇人民政府2024年12月3日'].join('\n')) });
  assert.equal(untitled.kind, 'notice', 'a 落款 set close closes a copy as one over its date does');
  assert.equal(untitled.notice!.meta.issuer, '某某镇人民政府');
});

test('notices: a 发文字号 after its label alone on its line, and labels spaced with tabs, are read', async () => {
  const file = await importFile({ name: 'label.txt', bytes: enc(['某某县民政局关于做好救助工作的通知', '文号：某民发〔2022〕5号', '各乡镇人民政府:', ...NOTICE_SENTENCES, '某某县民政局', '2022年6月26日'].join('\n')) });
  assert.equal(file.notice!.meta.docNumber, '某民发〔2022〕5号');
  const tabs = await importFile({
    name: 'tabs.txt',
    bytes: enc(['某某县民政局关于做好救助工作的通知', '索\t引\t号:1234-2022-00001 发文字号:某民发〔2022〕5号 发\t布\t日\t期:2022年06月27日', '各乡镇人民政府:', ...NOTICE_SENTENCES, '某某县民政局', '2022年6月26日'].join('\n')),
  });
  assert.equal(tabs.info.table?.['索引号'], '1234-2022-00001');
  assert.equal(tabs.info.table?.['发布日期'], '2022年06月27日');
});

test('notices: the 代字 names the organ when nothing else does — a ministry’s, or a province’s when the copy speaks as a province; a city’s code is left alone', async () => {
  const body = ['为做好全省社区名称征集工作,现将有关事项通知如下。', ...NOTICE_SENTENCES.slice(1), '全省各级民政部门要高度重视。'];
  const province = await importFile({ name: 'province.txt', bytes: enc(['吉民发〔2022〕51号', '各市(州)民政局:', ...body].join('\n')) });
  assert.equal(province.kind, 'notice');
  assert.equal(province.notice!.meta.organ, '吉林省民政厅');
  const ministry = await importFile({ name: 'ministry.txt', bytes: enc(['民办函〔2022〕41号', '各省、自治区、直辖市民政厅(局):', ...body].join('\n')) });
  assert.equal(ministry.notice!.meta.organ, '民政部办公厅');
  // 苏民发 may be 苏州's: a copy speaking of 全市 names no provincial organ.
  const city = await importFile({ name: 'city.txt', bytes: enc(['苏民发〔2022〕5号', '各区民政局:', '为做好全市社区名称征集工作,现将有关事项通知如下。', ...NOTICE_SENTENCES.slice(1)].join('\n')) });
  assert.equal(city.notice!.meta.organ, undefined);
  // A signature still names it first.
  const signed = await importFile({ name: 'signed.txt', bytes: enc(['吉民发〔2022〕51号', '各市(州)民政局:', ...body, '吉林省民政厅办公室', '2022年5月1日'].join('\n')) });
  assert.equal(signed.notice!.meta.organ, '吉林省民政厅办公室');
});

test('notices: a 成文日期 printed as a portal prints dates (2024-06-19, 2024.6.19), under the organ or beside it, stays the notice’s; a column’s name before the title is none of it', async () => {
  const head = ['【通知公告】某某县民政局关于征集社区名称的公告', ...NOTICE_SENTENCES];
  for (const [tail, why] of [
    [['某某县民政局', '2024-06-19'], 'under the organ'],
    [['某某县民政局', '2024.6.19'], 'with dots'],
    [['某某县民政局 2024-06-19'], 'beside the organ'],
  ] as const) {
    const file = await importFile({ name: 'iso.txt', bytes: enc([...head, ...tail].join('\n')) });
    assert.equal(file.notice!.meta.issuer, '某某县民政局', why);
    assert.equal(file.notice!.meta.date, '2024-06-19', why);
    assert.equal(file.notice!.meta.title, '某某县民政局关于征集社区名称的公告');
  }
  // A date the page prints over the body (its posting date) is still the page's, not a signature.
  const posted = await importFile({ name: 'posted.txt', bytes: enc(['某某县民政局关于征集社区名称的公告', '某某县民政局', '2024-06-18', ...NOTICE_SENTENCES, '某某县民政局', '2024年6月19日'].join('\n')) });
  assert.equal(posted.notice!.meta.date, '2024-06-19');
});

test('notices: the performative close (特此批复, 此复) and opening (现批复如下) sign a copy without title or 主送 as its 现将…通知如下 does; a report quoting none stays a case', async () => {
  // (Text after the date, so the 落款 alone does not close the copy: the formula is the sign.)
  const after = ['附件', '某某社区名称一览表', '一、甲社区', '二、乙社区'];
  const reply = await importFile({ name: 'reply.txt', bytes: enc(['你县《关于调整社区名称的请示》收悉。现批复如下:', ...NOTICE_SENTENCES.slice(1), '某某市人民政府', '2024年3月1日', ...after].join('\n')) });
  assert.equal(reply.kind, 'notice');
  assert.equal(reply.notice!.meta.issuer, '某某市人民政府');
  const closing = await importFile({ name: 'closing.txt', bytes: enc([...NOTICE_SENTENCES, NOTICE_SENTENCES[0], NOTICE_SENTENCES[1], '特此批复。', '某某市民政局', '2024年3月1日', ...after].join('\n')) });
  assert.equal(closing.kind, 'notice');
  const report = await importFile({ name: 'report.txt', bytes: enc(['某某县推进社区命名工作', ...NOTICE_SENTENCES, '某某县民政局', '2024年3月1日', '下一步,县民政局将继续推进这项工作。'].join('\n')) });
  assert.notEqual(report.kind, 'notice');
});

test('notices: a report ending on its bureau and a date is no notice — under a headline with a colon, or narrating without one; a call that asks its readers still is', async () => {
  const report = [
    '近日,某某县民政局在各社区开展走访活动,记者了解到,活动覆盖全县12个社区。',
    '据介绍,走访中工作人员为困难群众送去米面油等慰问品,并了解他们的生活需要。',
    '县民政局负责人表示,下一步将把走访常态化,让困难群众感受到温暖。',
  ];
  const headed = await importFile({ name: 'headed.txt', bytes: enc(['某某县:民政走访进社区 温暖送到百姓家', ...report, '某某县民政局', '2024年6月19日'].join('\n')) });
  assert.notEqual(headed.kind, 'notice');
  const untitled = await importFile({ name: 'untitled.txt', bytes: enc([...report, '某某县民政局', '2024-06-19'].join('\n')) });
  assert.notEqual(untitled.kind, 'notice');
  const call = await importFile({ name: 'call.txt', bytes: enc([...NOTICE_SENTENCES, '某某镇人民政府', '2024年12月3日'].join('\n')) });
  assert.equal(call.kind, 'notice');
});
