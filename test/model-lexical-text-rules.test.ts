/**
 * The editor's pure text rules: punctuation proposals (half-width → full-width in Chinese
 * context only) and the notice fields' GB/T 9704 forms (发文字号 brackets, 成文日期).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPunctuation, proposePunctuation } from '../renderer/src/editor/punctuation.js';
import { formatNoticeDate, normalizeDocNumber, parseNoticeDate } from '../renderer/src/components/notice/noticeRules.js';

const fix = (text: string) => applyPunctuation(text, proposePunctuation(text));

test('half-width marks next to Han characters become full-width', () => {
  assert.equal(fix('民生无小事,枝叶总关情。'), '民生无小事，枝叶总关情。');
  assert.equal(fix('牵头领导:张三;联系人:李四'), '牵头领导：张三；联系人：李四');
  assert.equal(fix('这是为什么?太好了!'), '这是为什么？太好了！');
  assert.equal(fix('(牵头领导:张三)'), '（牵头领导：张三）');
  assert.equal(fix('街道(镇)社区'), '街道（镇）社区');
  assert.equal(fix('领导: 张三'), '领导： 张三');
});

test('numbers and Latin text are left alone', () => {
  for (const text of ['共计343.3万元', '投入2,000万元', '上午10:30开会', 'f(x) = y', 'Hello, world!', 'see (Smith 2020)', '1;2;3']) {
    assert.equal(fix(text), text, text);
  }
  assert.equal(fix('投入2,000万元,惠及群众'), '投入2,000万元，惠及群众');
  // A Latin aside inside Chinese keeps its own commas.
  assert.equal(fix('简称NGO (non-governmental, organisation)'), '简称NGO (non-governmental, organisation)');
});

test('proposals carry index, replacement and context for the review list', () => {
  const changes = proposePunctuation('扛起一面旗帜,党建引航擦亮品牌。');
  assert.equal(changes.length, 1);
  assert.deepEqual({ index: changes[0]!.index, from: changes[0]!.from, to: changes[0]!.to }, { index: 6, from: ',', to: '，' });
  assert.ok(changes[0]!.context.includes('旗帜,党建'));
  // Accepting a subset applies only those.
  const text = '一,二,三';
  const all = proposePunctuation(text);
  assert.equal(all.length, 2);
  assert.equal(applyPunctuation(text, [all[1]!]), '一,二，三');
});

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
