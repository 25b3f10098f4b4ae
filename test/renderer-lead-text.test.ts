/**
 * Editing the collection's 导语 as plain text (renderer/src/components/leadText.ts) loses
 * nothing plain text cannot show: unchanged paragraphs keep their blocks, pictures stay where
 * they stood, an emptied text clears the 导语.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLeadText, keptBlocks, leadToText } from '../renderer/src/components/leadText.js';
import type { Block } from '../electron/core/model/types.js';

const photo: Block = { type: 'image', caption: [{ type: 'text', text: '评审会现场' }] };
const bold: Block = { type: 'paragraph', role: 'lead', content: [{ type: 'text', text: '民生无小事，', marks: ['bold'] }, { type: 'text', text: '枝叶总关情。' }] };
const second: Block = { type: 'paragraph', role: 'lead', content: [{ type: 'text', text: '各地报送案例232个。' }] };

test('text shows the paragraphs; an unchanged paragraph keeps its marks; a changed one keeps its role; the photo its place', () => {
  const lead = [photo, bold, second];
  assert.equal(leadToText(lead), '民生无小事，枝叶总关情。\n各地报送案例232个。');
  assert.equal(keptBlocks(lead), 1);
  const edited = applyLeadText(lead, '民生无小事，枝叶总关情。\n\n各地报送案例233个。\n编者谨致谢忱。');
  assert.deepEqual(edited, [
    photo,
    bold,
    { type: 'paragraph', role: 'lead', content: [{ type: 'text', text: '各地报送案例233个。' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '编者谨致谢忱。' }] },
  ]);
  assert.deepEqual(applyLeadText(lead, leadToText(lead)), lead, 'nothing changed, nothing lost');
  assert.deepEqual(applyLeadText(lead, '  '), [], 'emptied: no 导语 (a caption alone would print as a 前言)');
  assert.deepEqual(applyLeadText([photo, bold], '民生无小事，枝叶总关情。'), [photo, bold]);
  assert.deepEqual(applyLeadText([bold, photo, second], '民生无小事，枝叶总关情。'), [bold, photo], 'a picture after a removed paragraph stays, last');
  assert.deepEqual(applyLeadText([], '前言第一段'), [{ type: 'paragraph', content: [{ type: 'text', text: '前言第一段' }] }]);
});
