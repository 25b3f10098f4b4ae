/**
 * The editor's pure text rules: the notice fields' GB/T 9704 forms (发文字号 brackets,
 * 成文日期). Punctuation is the proofing engine's (electron/core/proof, test/proof-*.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNoticeDate, normalizeDocNumber, parseNoticeDate } from '../renderer/src/components/notice/noticeRules.js';

test('发文字号: the year always in 〔〕', () => {
  assert.equal(normalizeDocNumber('鲁民函[2021]11号'), '鲁民函〔2021〕11号');
  assert.equal(normalizeDocNumber('曲民发【2020】3号'), '曲民发〔2020〕3号');
  assert.equal(normalizeDocNumber('济民字（2019）7号'), '济民字〔2019〕7号');
  assert.equal(normalizeDocNumber('济民字(2019)7号'), '济民字〔2019〕7号');
  assert.equal(normalizeDocNumber('鲁民函〔2021〕11号'), '鲁民函〔2021〕11号');
  assert.equal(normalizeDocNumber('鲁民函 [ 2021 ] 11号'), '鲁民函〔2021〕11号');
});

test('成文日期: Arabic numerals without zero padding, parsed from common forms', () => {
  assert.equal(formatNoticeDate('2021-03-05'), '2021年3月5日');
  assert.equal(formatNoticeDate('2020-12-31'), '2020年12月31日');
  assert.equal(formatNoticeDate(null), '');
  assert.equal(parseNoticeDate('2021年3月5日'), '2021-03-05');
  assert.equal(parseNoticeDate('2021.3.5'), '2021-03-05');
  assert.equal(parseNoticeDate('2021/03/05'), '2021-03-05');
  assert.equal(parseNoticeDate('2021-13-05'), null);
  assert.equal(parseNoticeDate('三月五日'), null);
});
