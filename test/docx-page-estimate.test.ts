/**
 * The DOCX page estimate's line breaking (export/docx/pageEstimate.ts), on strings where each
 * of its rules changes the count: the 目录's cached folios and the report's pages come from it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakLines, emWidth } from '../electron/core/export/docx/pageEstimate.js';

test('widths: Han and full-width one em, ASCII half, its punctuation and spaces a quarter, half-width kana half, astral characters one', () => {
  assert.equal(emWidth('中，'), 2);
  assert.equal(emWidth('ab'), 1);
  assert.equal(emWidth(', .|'), 1);
  assert.equal(emWidth('ｱｲ'), 1);
  assert.equal(emWidth('😀𠀀'), 2);
  assert.equal(emWidth('a\nb'), 1);
});

test('lines: greedy fill, kinsoku, Latin words kept whole, first-line indent, long paragraphs', () => {
  assert.equal(breakLines('', 5), 1);
  assert.equal(breakLines('一二三四五', 5), 1);
  assert.equal(breakLines('一二三四五六', 5), 2);
  // 。 may not start a line: it pulls 三 down with it, and 五 goes to a third line.
  assert.equal(breakLines('一二三。四五', 3), 3);
  // （ may not end a line: it goes down with what it opens.
  assert.equal(breakLines('一二三四五六', 3), 2);
  assert.equal(breakLines('一二（三四五', 3), 3);
  // abcdef is not split after ab: it takes a line of its own.
  assert.equal(breakLines('一一abcdef一', 3), 3);
  assert.equal(breakLines('一一ab cd一', 3), 2);
  // Two characters of indent on the first line only.
  assert.equal(breakLines('一二三四五', 5, 2), 2);
  assert.equal(breakLines('一二三四五六七八', 5, 2), 2);
  // A character outside the BMP is one character, not two.
  assert.equal(breakLines('😀😀😀😀', 3), 2);
  assert.equal(breakLines('中'.repeat(3000), 28), 108);
  assert.equal(breakLines('a'.repeat(10), 28), 1);
});
