/**
 * Photo captions that carry their own marks (a ▲ pointer, "图1", "(视频截图)", "(资料图)"), each on an
 * input written for it; the counterparts (a paragraph that merely mentions a picture, a numbered
 * heading) stay text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCaption } from '../electron/core/import/stages/captions.js';
import { importFile } from '../electron/core/import/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const para = '近年来,某区民政局聚焦老年人助餐需求,在全区建成长者饭堂三十家,为六十岁以上老人提供配餐补贴,让老人在家门口吃上热乎饭。';

test('captions: pictures marked by a pointer, a figure number or their kind are captions', () => {
  assert.ok(isCaption('▲志愿者在社区为老人义务理发。'));
  assert.ok(isCaption('图1 某社区长者饭堂开餐'));
  assert.ok(isCaption('5月10日,一对新人走出婚姻登记处大门(视频截图)。'));
  assert.ok(isCaption('社区工作人员入户走访困难群众(资料图)'));
});

test('captions: a paragraph about pictures, and a long text after a pointer, are not captions', () => {
  assert.ok(!isCaption('图书室每周开放三天,志愿者负责借阅登记。'), '图书 is not 图:');
  assert.ok(!isCaption('▲' + para + para + para), 'a paragraph after a pointer is still a paragraph');
});

test('captions: a marked caption between paragraphs leaves the text and is listed', async () => {
  const file = await importFile({ name: 'cap.txt', bytes: enc(`某区长者饭堂让老人吃得好\n${para}\n▲老人们在长者饭堂用餐。\n${para}`) });
  assert.ok(file.captions.includes('▲老人们在长者饭堂用餐。') || file.captions.includes('老人们在长者饭堂用餐。'), JSON.stringify(file.captions));
});
