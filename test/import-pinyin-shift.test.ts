/**
 * Mirror sites' pinyin noise (stages/traditional.ts): a character a lost GBK byte shifted into a
 * wrong character and a stray Latin letter, its pinyin bracket after it, is read back as the
 * character the draft prints elsewhere before the same syllable. Inputs written for the test (the
 * shifted pairs are what GBK gives when the byte before them is lost).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripPinyin } from '../electron/core/import/stages/traditional.js';

const lines = (...texts: string[]) => texts.map((text) => ({ text }));

test('pinyin: a shifted character before its syllable is repaired from the draft\'s own readings', () => {
  const { lines: out, removed } = stripPinyin(lines('各轄市、區(qū)民政局:', '推進鐓^(qū)治理,發(fā)展養(yǎng)老服務', '關(guān)於城鄉(xiāng)建設'));
  assert.deepEqual(out.map((l) => l.text), ['各轄市、區民政局:', '推進區治理,發展養老服務', '關於城鄉建設']);
  assert.equal(removed, 6, "five brackets after their characters, one after the repaired one");
});

test('pinyin: without the draft reading that syllable so, a shifted pair is left as it is; enumerations stay', () => {
  const { lines: out } = stripPinyin(lines('推進鐓^(qū)治理', '發(fā)展養(yǎng)老服務(a)與(b)'));
  assert.deepEqual(out.map((l) => l.text), ['推進鐓^(qū)治理', '發展養老服務(a)與(b)']);
});
