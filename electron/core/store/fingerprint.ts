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
 * The normalised text of each body fingerprinted, by the body's array. An import fingerprints
 * every case three times (the preview's duplicate check, the commit's, the insert), and the
 * body's normalisation is nearly all of that cost. Bodies are never changed in place (a fix or
 * an edit makes a new array), so the array stands for its text.
 */
const normalisedBodies = new WeakMap<readonly Block[], string>();

function normalisedBody(body: readonly Block[]): string {
  let text = normalisedBodies.get(body);
  if (text === undefined) {
    text = normaliseForMatch(blocksText(body));
    normalisedBodies.set(body, text);
  }
  return text;
}

export function caseFingerprint(title: string, body: readonly Block[]): string {
  return createHash('sha256').update(normaliseForMatch(title)).update('\u0000').update(normalisedBody(body)).digest('hex');
}
