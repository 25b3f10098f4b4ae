/**
 * Notices by what an official document is, on real tuning pages and on the same pages changed the ways
 * unseen copies differ: the title as the information table registers it (organ + 关于 + 事由 + 文种),
 * a normative text set out in articles (第一条, 第二条 …), whatever title the page gave it. Each rule
 * with the counterpart that must not change. (Held-out pages are never read here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { PORTAL_DIR } from '../scripts/score-import.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const tuning = (name: string): string => readFileSync(path.join(PORTAL_DIR, 'tuning', name), 'utf8');
const read = (name: string, text: string) => importFile({ name, bytes: enc(text) });

test('notices: the table’s 标题 naming the organ before the headline’s 关于 is the title (qionghai-2023); a table title worded otherwise leaves the headline', async () => {
  const text = tuning('qionghai-2023-gongzufang-tongzhi.txt');
  const file = await read('qionghai.txt', text);
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.title, '琼海市人民政府关于印发琼海市公共租赁住房保障管理办法的通知');
  assert.equal(file.info.title, file.notice!.meta.title);
  // Joint organs in the table keep apart by a space, as they do over a joint title.
  const joint = await read('joint.txt', text.replace('标题:琼海市人民政府 关于', '标题:琼海市人民政府 琼海市财政局 关于'));
  assert.equal(joint.notice!.meta.title, '琼海市人民政府 琼海市财政局关于印发琼海市公共租赁住房保障管理办法的通知');
  // A table title that rewords the headline (no organ before it, or other words) is the portal's, not the document's.
  const reworded = await read('reworded.txt', text.replace('标题:琼海市人民政府 关于印发', '标题:市政府办公室转发关于印发'));
  assert.equal(reworded.notice!.meta.title, '关于印发琼海市公共租赁住房保障管理办法的通知');
});

test('notices: a rules text set out in articles is a notice under any title (lianghe); the same text run into sentences, or a report citing an article, is not', async () => {
  const text = tuning('lianghe-binzang-shishi-xize.txt');
  const file = await read('lianghe.txt', text);
  assert.equal(file.kind, 'notice');
  assert.equal(file.cases.length, 0);
  assert.equal(file.notice!.meta.addressees, null);
  assert.equal(file.notice!.meta.docNumber, undefined);
  // Copied from its first chapter, without the page's head: still the document.
  const from = text.split('\n');
  const body = from.slice(from.findIndex((l) => /第一章/u.test(l))).join('\n');
  assert.equal((await read('lianghe-body.txt', body)).kind, 'notice');
  // The articles run into one paragraph are a report's sentences about them, not the rules set out.
  const runOn = text.replace(/\n\s*(第[一二三四五]条)/gu, ' 据悉$1');
  assert.notEqual((await read('lianghe-runon.txt', runOn)).kind, 'notice');
  // A write-up citing an article in a sentence.
  const report = ['某县推进殡葬改革', '近日,某县民政局召开会议,部署殡葬改革工作。会议指出,要严格执行《某县殡葬管理实施细则》第一条规定。', '会上,各乡镇汇报了工作进展,第二条规定的工作责任制已全面落实。', '下一步,该县将持续推进移风易俗。'].join('\n');
  assert.notEqual((await read('report.txt', report)).kind, 'notice');
});
