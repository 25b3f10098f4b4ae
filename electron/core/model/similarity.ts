/**
 * How alike two titles are, for matching records of one case across documents: an award list
 * against the library (import/awards.ts), a case against last year's (store/continuity.ts).
 * Character bigrams, because Chinese titles have no word boundaries and a changed quote, a
 * dropped 副题 or one word replaced should still match. Pure, so the renderer may use it too.
 */

/** Width, quotes, punctuation and spacing do not make two titles different. */
export function normaliseTitle(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient over character bigrams; a title contained in the other counts nearly whole. */
export function titleSimilarity(a: string, b: string): number {
  const x = normaliseTitle(a);
  const y = normaliseTitle(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.length >= 6 && y.length >= 6 && (x.includes(y) || y.includes(x))) return 0.9;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  const total = Math.max(1, x.length - 1 + (y.length - 1));
  return (2 * common) / total;
}

/**
 * Share of the Chinese character pairs of `a` that also occur in `b` (0 when `a` has none): how much
 * of a line a page repeats (a headline in its first paragraphs), where titleSimilarity weighs both alike.
 */
export function bigramShare(a: string, b: string): number {
  const han = (s: string) => s.replace(/[^\u4e00-\u9fa5]/gu, '');
  const x = han(a);
  const y = han(b);
  if (x.length < 2) return 0;
  let hit = 0;
  for (let k = 0; k + 1 < x.length; k++) if (y.includes(x.slice(k, k + 2))) hit++;
  return hit / (x.length - 1);
}
