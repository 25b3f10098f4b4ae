/**
 * The scorer's loose comparison: what counts as the same value when an importer's reading is set
 * against an editor's expectation. The fixtures keep a mirror's text verbatim, pinyin noise included,
 * while the importer strips that noise, so the comparison must too — and only that noise.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loose } from '../scripts/score-import.js';

test('loose: a mirror\'s bracketed pinyin after a character compares as the text without it', () => {
  assert.equal(loose('圖為元宵節(jié)時(shí)居民一起在社區(qū)食堂'), loose('图为元宵节时居民一起在社区食堂'));
  assert.equal(loose('發（fā）布'), loose('发布'));
});

test('loose: brackets that are no pinyin stay (an enumeration, a Latin abbreviation, a toneless word)', () => {
  assert.equal(loose('社区(a)'), '社区(a)');
  assert.equal(loose('小程序(APP)'), '小程序(APP)');
  assert.equal(loose('（一）社区'), '(一)社区');
  assert.notEqual(loose('社区(fang)'), loose('社区'));
});
