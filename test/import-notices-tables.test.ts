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
