/**
 * A case's identity for duplicate detection across formats: the same case read from a .docx
 * and from a web page differs in spacing, punctuation widths and line breaks, never in its
 * characters. Title and body text are normalised (NFKC, whitespace and punctuation dropped)
 * and hashed.
 */
import { createHash } from 'node:crypto';
import type { Block } from '../model/types.js';
import { blocksText } from '../model/text.js';

export function normaliseForMatch(value: string): string {
  return value.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
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
