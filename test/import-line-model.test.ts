/**
 * The fitted line model (stages/linemodel.ts, weights from scripts/fit-lines.ts): its weights are
 * for the features it computes, and it picks the headline over a page's date line when a service
 * line (a hotline) stands between them, where the line right over the date line used to be taken.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { LINE_FEATURES, lineFeatures, linePage, lineWeights, scoreLines } from '../electron/core/import/stages/linemodel.js';
import { isFurniture } from '../electron/core/import/stages/clean.js';

const H = '某县开展冬季救助专项行动';
const P1 = '本报讯 近日,某县救助管理站会同公安、城管等部门开展冬季救助专项行动,加强街面巡查,为流浪乞讨人员提供临时住宿和返乡服务。';
const P2 = '下一步,某县将继续做好冬季救助工作,确保困难群众温暖过冬。';

test('line model: the installed weights are for the features computed', () => {
  const w = lineWeights();
  assert.deepEqual([...w.features], [...LINE_FEATURES]);
  assert.equal(w.headline.length, LINE_FEATURES.length);
  const page = linePage([H, P1].map((text) => ({ text })), isFurniture);
  assert.equal(lineFeatures(page, 0).length, LINE_FEATURES.length);
});

test('line model: a headline scores above the page lines around it', () => {
  const lines = ['2025年11月18日', H, '咨询电话:0000-1234567', '来源: 发布日期:2025-11-18', P1, P2];
  const score = scoreLines(linePage(lines.map((text) => ({ text })), isFurniture));
  const best = lines.reduce((b, _, i) => (score(i).headline > score(b).headline ? i : b), 0);
  assert.equal(best, 1);
});

test('line model: the headline over a date line is the likeliest line above it, not the hotline right over it', async () => {
  const text = ['2025年11月18日', '当前位置: 首页 > 新闻中心 > 正文', '', H, '', '咨询电话:0000-1234567', '来源: 发布日期:2025-11-18   打印', '', P1, '', P2].join('\n');
  const file = await importFile({ name: 'page.txt', bytes: new TextEncoder().encode(text) });
  assert.equal(file.cases[0]!.meta.title, H);
  assert.equal(file.info.date, '2025-11-18');
  // What left the text is listed in page order, so the preview can restore it.
  assert.ok(file.dropped.indexOf('2025年11月18日') < file.dropped.indexOf('来源: 发布日期:2025-11-18   打印'));
});
