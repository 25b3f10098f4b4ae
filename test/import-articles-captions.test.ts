/**
 * Photo captions of the shapes batch-9's article pages brought: a dated news-style caption alone
 * above the reporters' line, and a view named as pictures are ("…夜景"). Each on an input of its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { isCaption } from '../electron/core/import/stages/captions.js';

const enc = (s: string) => new TextEncoder().encode(s);
const para = '新修订的《婚姻登记条例》施行后,婚姻登记取消地域限制,新人领证不再需要户口本,全市当天共办理结婚登记七十八对,其中四对为异地户籍。';

test('captions: one dated scene sentence right above the reporters’ line is a caption, not the lead', async () => {
  const caption = '5月20日,在市民政局婚姻登记处,新人正在排队办理结婚登记。';
  const file = await importFile({ name: 'c.txt', bytes: enc(['当前位置: 首页 > 本地要闻', '某市新人扎堆领证幸福满溢', '发布时间:2025/05/22 08:51:52', caption, '记者 张紫艳 马颜慧', para, para].join('\n')) });
  assert.deepEqual(file.captions, [caption]);
  assert.equal(file.cases[0]!.meta.title, '某市新人扎堆领证幸福满溢');
  // A lead sentence that is no dated scene stays text.
  const lead = '全市婚姻登记工作稳步推进,群众满意度持续提升。';
  const other = await importFile({ name: 'd.txt', bytes: enc(['某市新人扎堆领证幸福满溢', '发布时间:2025/05/22 08:51:52', lead, '记者 张紫艳', para].join('\n')) });
  assert.deepEqual(other.captions, []);
  assert.ok(blocksText(other.cases[0]!.body).includes(lead));
});

test('captions: a short line naming a view ("官渡古镇夜景", "幸福社区全景", "航拍某村") is a caption', () => {
  for (const t of ['官渡古镇夜景', '幸福社区全景', '航拍某某村', '养老院一角']) assert.ok(isCaption(t), t);
  for (const t of ['一、总体要求', '夜景', '全景式展现社区治理成效']) assert.ok(!isCaption(t), t);
});
