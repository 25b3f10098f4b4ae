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
