/**
 * normaliseForMatch keeps a verdict per character instead of running its pattern over the
 * text (store/fingerprint.ts): the prints must be those of the pattern, on the corpus and on
 * characters outside the Basic Multilingual Plane, full-width forms and lone surrogates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CORPUS_FILES, corpusPath } from './fixtures/corpus.js';
import { normaliseForMatch } from '../electron/core/store/fingerprint.js';

const byPattern = (value: string) => value.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();

test('normaliseForMatch leaves out what [\\s\\p{P}\\p{S}] matches, and nothing else', () => {
  const samples = CORPUS_FILES.map((name) => readFileSync(corpusPath(name), 'utf8'));
  samples.push('', ' ', '，', 'a, b!', 'ＡＢＣ　ｄｅｆ。', '𠀀𠀁，𝟘𝟙!', '😀x😀', '\ud800x', 'x\udc00', '\ud83d', '①②③ ℃ ™ ¥100', 'İstanbul ǅ');
  for (const text of samples) assert.equal(normaliseForMatch(text), byPattern(text), JSON.stringify(text.slice(0, 30)));
  // every BMP unit alone, and again after a cached answer
  for (let round = 0; round < 2; round++) {
    for (let u = 0; u < 0x10000; u += 1) {
      const ch = String.fromCharCode(u);
      if (normaliseForMatch(ch) !== byPattern(ch)) assert.fail(`U+${u.toString(16)}`);
    }
  }
});
