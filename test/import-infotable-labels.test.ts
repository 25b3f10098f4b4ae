/**
 * Information tables by their layout rather than their vocabulary: labels the list does not hold
 * on a line the table's labels open, a title quoted in a 名称 field, and a law database's fields
 * with label and value run together. Each rule with the counterpart that must not change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { readInfoTable } from '../electron/core/import/stages/infotable.js';
import { enc, NOTICE_SENTENCES } from './fixtures/notice-sentences.js';

test('info table: a short word before a colon on a line the table opens is a label of its own, and ends the value before it', () => {
  const t = readInfoTable([
    { text: '索引号: 1234/20240101-00001 公开目录: 区划地名' },
    { text: '发布机构: 某某县民政局 上网时间: 2024-01-05' },
    { text: '文号: 主题词:' },
  ]);
  assert.ok(t);
  assert.equal(t.fields['索引号'], '1234/20240101-00001');
  assert.equal(t.fields['发文机构'], '某某县民政局');
  assert.equal(t.fields['发布日期'], '2024-01-05', 'a posting time, however the portal words it, is the 发布日期');
  assert.equal(t.fields['发文字号'], undefined, 'an empty 文号 stays empty');
  // Unknown labels alone make no table: a page's byline row is not one.
  assert.equal(readInfoTable([{ text: '来源: 发布时间:2024-01-05 阅读: 【字体:' }]), null);
  // Nor does a sentence with a colon in it open one.
  assert.equal(readInfoTable([{ text: '联系方式: 请拨打 电话: 12345' }, { text: '地址: 某某路1号' }]), null);
});

test('info table: a 名称 field is the title, without the quotes a portal puts round it', async () => {
  const t = readInfoTable([{ text: '索引号: 1234/20240101-00001' }, { text: '名称: "某某县民政局关于征集社区名称的公告"' }]);
  assert.ok(t);
  assert.equal(t.fields['标题'], '某某县民政局关于征集社区名称的公告');
  const file = await importFile({
    name: 'named.txt',
    bytes: enc(['索引号: 1234/20240101-00001 公开目录: 区划地名', '发布机构: 某某县民政局 上网时间: 2024-01-05', '名称: "某某县民政局关于征集社区名称的公告"', '文号: 主题词:', '', `${NOTICE_SENTENCES[0]}现将有关事项公告如下`, ...NOTICE_SENTENCES.slice(1)].join('\n')),
  });
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.title, '某某县民政局关于征集社区名称的公告');
  assert.equal(file.notice!.meta.organ, '某某县民政局');
});

test('info table: a law database run together ("发文机关国务院", "发文字号国函〔2004〕42号") gives its fields; one such line alone does not', async () => {
  const lines = ['发文机关某某省人民政府', '发文日期2019年03月02日', '时效性现行有效', '发文字号某政函〔2019〕12号', '效力级别地方规范性文件'];
  const t = readInfoTable(lines.map((text) => ({ text })));
  assert.ok(t);
  assert.equal(t.fields['发文机构'], '某某省人民政府');
  assert.equal(t.fields['发文字号'], '某政函〔2019〕12号');
  assert.equal(t.fields['发文日期'], '2019年03月02日');
  assert.equal(t.lines.size, 5, 'every field line is the table’s, not the body’s');
  // Prose opening with a label's word is no field: neither alone nor two lines without a date or number.
  assert.equal(readInfoTable([{ text: '标题要简洁明了' }, { text: '来源于群众的建议' }]), null);
  const file = await importFile({
    name: 'glued.txt',
    bytes: enc([...lines, '某某市人民政府:', '你市《关于调整行政区划的请示》收悉。现批复如下:', ...NOTICE_SENTENCES.slice(1)].join('\n')),
  });
  assert.equal(file.kind, 'notice');
  const meta = file.notice!.meta;
  assert.equal(meta.organ, '某某省人民政府');
  assert.equal(meta.docNumber, '某政函〔2019〕12号', 'the label is no part of the 代字');
  assert.equal(meta.date, '2019-03-02');
  assert.equal(meta.addressees, '某某市人民政府');
});
