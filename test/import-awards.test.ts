/**
 * The award matcher on its own: list items against library cases by title, unit and region.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchAwards, titleSimilarity } from '../electron/core/import/awards.js';
import { resolveRegion } from '../electron/core/regions/index.js';

const region = (text: string) => resolveRegion(text);

test('awards: retyped titles match, a different case with the same words does not, and a title from another province is not applied to a lookalike', () => {
  const cases = [
    { id: 'a', title: '“泉社彤行”品牌助力社区治理', region: region('济南市') },
    { id: 'b', title: '打造“幸福食堂”破解老年助餐难题', region: region('青岛市') },
    { id: 'c', title: '打造“幸福食堂”破解老年助餐难题', region: region('临沂市') },
    { id: 'd', title: '社区治理', region: region('济南市') },
  ];
  const items = [
    { title: '"泉社彤行" 品牌助力社区治理', region: region('济南市'), award: '优秀创新案例' },
    { title: '打造幸福食堂 破解老年助餐难题', region: region('临沂市'), award: '入围创新案例' },
    { title: '“泉社彤行”品牌助力社区治理', region: region('广州市'), award: '优秀创新案例' },
    { title: '完全不同的标题', award: '优秀创新案例' },
  ];
  const r = matchAwards(items, cases);
  assert.deepEqual(r.matched.map((m) => [m.item.title, m.caseId]), [
    ['"泉社彤行" 品牌助力社区治理', 'a'],
    ['打造幸福食堂 破解老年助餐难题', 'c'],
  ]);
  // Case a is taken; the same title from another province is not silently applied to case d.
  assert.deepEqual(r.unmatched.map((u) => u.title).sort(), ['“泉社彤行”品牌助力社区治理', '完全不同的标题'].sort());
  assert.ok(titleSimilarity('社区治理', '“泉社彤行”品牌助力社区治理') < 0.75);
});

test('awards: a list of awarded units matches cases by their unit', () => {
  const cases = [
    { id: 'x', title: '救助一件事', unit: '上海市静安区民政局', region: region('上海市静安区') },
    { id: 'y', title: '救助一件事', unit: '浙江省杭州市萧山区民政局', region: region('杭州市萧山区') },
  ];
  const items = [{ title: '浙江省杭州市萧山区民政局', unit: '浙江省杭州市萧山区民政局', region: region('浙江省杭州市萧山区'), award: '揭榜挂帅单位' }];
  const r = matchAwards(items, cases);
  assert.deepEqual(r.matched.map((m) => m.caseId), ['y']);
  assert.ok(r.matched[0]!.reasons.includes('单位相同'));
});
