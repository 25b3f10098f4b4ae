/**
 * Notices read by their structure rather than by their title (batch-11-notices): a copy that starts
 * at the first sentence and ends on the 落款 (organ over date), a collection's bracketed
 * date-and-number line under the title, and an information table printed as 【label】value fields.
 * Each rule on an input written for it, with the counterpart that must not change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { readInfoTable } from '../electron/core/import/stages/infotable.js';
import { enc, NOTICE_SENTENCES } from './fixtures/notice-sentences.js';

test('notices: a copy from its first sentence to its 落款 (an organ over the date, ending the copy) is a notice', async () => {
  const file = await importFile({ name: 'call.txt', bytes: enc([...NOTICE_SENTENCES, '某某镇人民政府', '2024年12月3日'].join('\n')) });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.issuer, '某某镇人民政府');
  assert.equal(file.notice!.meta.organ, '某某镇人民政府');
  assert.equal(file.notice!.meta.date, '2024-12-03');
});

test('notices: a write-up ending on its bureau and a date under a short body, or with text after the date, stays a case', async () => {
  const short = await importFile({ name: 'short.txt', bytes: enc([NOTICE_SENTENCES[0], '某某县民政局', '2024年12月3日'].join('\n')) });
  assert.notEqual(short.kind, 'notice', 'one paragraph is no notice body');
  const after = await importFile({ name: 'after.txt', bytes: enc([...NOTICE_SENTENCES, '某某县民政局', '2024年12月3日', '下一步,县民政局将继续总结推广这一做法,让更多困难群众得到及时有效的帮助。'].join('\n')) });
  assert.notEqual(after.kind, 'notice', 'the 落款 must close the copy');
});

test('notices: a bracketed date-and-number line under the title gives the 发文字号 and the 成文日期', async () => {
  const text = ['某某省人民政府关于进一步加强殡葬管理工作的通告', '(1997年3月26日某政发〔1997〕19号)', ...NOTICE_SENTENCES.slice(1)].join('\n');
  const file = await importFile({ name: 'tonggao.txt', bytes: enc(text) });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.docNumber, '某政发〔1997〕19号');
  assert.equal(file.notice!.meta.date, '1997-03-26');
  assert.ok(!file.dropped.includes('(1997年3月26日某政发〔1997〕19号)'), 'the header line is the notice’s, not the page’s');
});

test('notices: a bracketed note under the title that is neither a date nor a number is left alone', async () => {
  const text = ['某某市民政局关于开展养老服务质量提升行动的通知', '(此件公开发布)', '各区民政局:', ...NOTICE_SENTENCES.slice(1), '某某市民政局', '2023年5月6日'].join('\n');
  const file = await importFile({ name: 'note.txt', bytes: enc(text) });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.date, '2023-05-06');
  assert.equal(file.notice!.meta.docNumber ?? null, null);
});

test('notices: an information table printed as 【label】value fields on one line is read field by field', () => {
  const t = readInfoTable([{ text: '【发布单位】81802' }, { text: '【发布文号】某政发[1997]019号 【发布日期】1997-03-26 【失效日期】 【所属类别】地方法规' }]);
  assert.ok(t);
  assert.equal(t.fields['发文字号'], '某政发[1997]019号');
  assert.equal(t.fields['发布日期'], '1997-03-26');
  assert.equal(t.fields['所属类别'], '地方法规');
  assert.equal(t.fields['失效日期'], undefined, 'an empty field has no value');
  assert.equal(readInfoTable([{ text: '【典型经验】某社区以议事会为平台,推动居民参与社区治理。' }, { text: '【工作成效】居民满意度明显提升。' }]), null, 'run-in headings in 【】 are no table');
});

test('notices: a seal note is no part of the signature; organs signing on one line stay apart', async () => {
  const body = NOTICE_SENTENCES.slice(1);
  const marked = await importFile({ name: 'mark.txt', bytes: enc(['某某县民政局文件', '某民发〔2023〕12号', '某某县民政局关于开展困难群众排查工作的通知', '各乡镇人民政府:', ...body, '某某县民政局(盖章)', '2023年05月06日'].join('\n')) });
  assert.equal(marked.notice!.meta.organ, '某某县民政局文件', 'the 发文机关标志 as printed');
  assert.equal(marked.notice!.meta.issuer, '某某县民政局');
  assert.equal(marked.notice!.meta.date, '2023-05-06');
  const joint = await importFile({ name: 'joint.txt', bytes: enc(['关于提高城乡低保标准的通知', '各乡镇人民政府:', ...body, '某某县民政局    某某县财政局', '2023年5月6日'].join('\n')) });
  assert.equal(joint.notice!.meta.issuer, '某某县民政局 某某县财政局');
  const lines = await importFile({ name: 'lines.txt', bytes: enc(['某某县民政局 某某县财政局关于提高城乡低保标准的通知', '各乡镇人民政府:', ...body, '某某县民政局', '某某县财政局', '2023年5月6日'].join('\n')) });
  assert.equal(lines.notice!.meta.issuer, '某某县民政局 某某县财政局', 'organs signing on lines of their own are kept apart as those on one line are');
  assert.equal(lines.notice!.meta.organ, '某某县民政局');
});

test('notices: a 公告 keeps its serial number in the title; a number in brackets after the title is the 发文字号, not the title', async () => {
  const body = NOTICE_SENTENCES.slice(1);
  const serial = await importFile({ name: 'serial.txt', bytes: enc(['某某县民政局关于注销某某协会登记的公告(第3号)', ...body, '某某县民政局', '2023年5月6日'].join('\n')) });
  assert.equal(serial.kind, 'notice');
  assert.equal(serial.notice!.meta.title, '某某县民政局关于注销某某协会登记的公告(第3号)');
  const numbered = await importFile({ name: 'numbered.txt', bytes: enc(['某某县民政局关于开展困难群众排查工作的通知（某民发〔2023〕12号）', '各乡镇人民政府:', ...body, '某某县民政局', '2023年5月6日'].join('\n')) });
  assert.equal(numbered.notice!.meta.title, '某某县民政局关于开展困难群众排查工作的通知');
  assert.equal(numbered.notice!.meta.docNumber, '某民发〔2023〕12号');
});
