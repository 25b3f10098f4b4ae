/**
 * A case's identity for duplicate detection across formats: the same case read from a .docx
 * and from a web page differs in spacing, punctuation widths and line breaks, never in its
 * characters. Title and body text are normalised (NFKC, whitespace and punctuation dropped)
 * and hashed.
 */
import { createHash } from 'node:crypto';
import type { Block } from '../model/types.js';
import { blocksText } from '../model/text.js';

/** What a print leaves out: spacing, punctuation and symbols. */
const LEFT_OUT = /^[\s\p{P}\p{S}]$/u;

/**
 * LEFT_OUT's answer per UTF-16 unit outside surrogate pairs (0 not asked yet, 1 kept, 2 left
 * out). The pattern over the whole text, as this was written before, looked every character up
 * in the range tables of \p{P} and \p{S}: 0.93 G instructions for the bodies of 1,000
 * single-case drafts, 0.33 G with the answer kept per unit (valgrind --tool=cachegrind).
 */
const verdicts = new Uint8Array(0x10000);

export function normaliseForMatch(value: string): string {
  const text = value.normalize('NFKC');
  let out = '';
  // the start of the characters kept since the last one left out
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let leftOut: boolean;
    if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      leftOut = LEFT_OUT.test(text.slice(i, i + 2));
      if (leftOut) out += text.slice(kept, i);
      i++;
      if (leftOut) kept = i + 1;
      continue;
    }
    let verdict = verdicts[unit]!;
    if (verdict === 0) verdict = verdicts[unit] = LEFT_OUT.test(text[i]!) ? 2 : 1;
    if (verdict === 2) {
      out += text.slice(kept, i);
      kept = i + 1;
    }
  }
  return (out + text.slice(kept)).toLowerCase();
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * What each body was fingerprinted as, by the body's array: its normalised text and the last
 * title's fingerprint. An import fingerprints every case three times (the preview's duplicate
 * check, the commit's, the insert): normalising the body was nearly all of that cost and the
 * hash most of the rest. Bodies are never changed in place (a fix or an edit makes a new
 * array), so the array stands for its text.
 */
const fingerprinted = new WeakMap<readonly Block[], { text: string; title?: string; hash?: string }>();

export function caseFingerprint(title: string, body: readonly Block[]): string {
  let seen = fingerprinted.get(body);
  if (seen === undefined) {
    seen = { text: normaliseForMatch(blocksText(body)) };
    fingerprinted.set(body, seen);
  }
  if (seen.title !== title || seen.hash === undefined) {
    seen.hash = createHash('sha256').update(normaliseForMatch(title)).update('\u0000').update(seen.text).digest('hex');
    seen.title = title;
  }
  return seen.hash;
}
