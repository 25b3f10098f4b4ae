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

export function caseFingerprint(title: string, body: readonly Block[]): string {
  return createHash('sha256').update(normaliseForMatch(title)).update('\u0000').update(normaliseForMatch(blocksText(body))).digest('hex');
}
