/**
 * Keyword lines often lose their separators when copied ("关键词:救助养老服务"). Runs of Han
 * characters are cut at the 民政 terms the category lexicon knows, longest first.
 */
import { CATEGORY_LEXICON } from './category.js';

let terms: string[] | null = null;

function knownTerms(): string[] {
  if (!terms) {
    const set = new Set<string>();
    for (const words of Object.values(CATEGORY_LEXICON)) for (const [w] of words) if (w.length >= 2) set.add(w);
    for (const extra of ['养老服务', '社会救助', '儿童福利', '社会组织', '社区治理', '社会事务', '慈善', '社会工作', '区划地名', '创新案例', '民政']) set.add(extra);
    terms = [...set].sort((a, b) => b.length - a.length);
  }
  return terms;
}

export function splitKeywords(raw: string[]): string[] {
  const out: string[] = [];
  for (const chunk of raw) {
    let rest = chunk;
    let pending = '';
    while (rest) {
      const term = knownTerms().find((t) => rest.startsWith(t));
      if (term) {
        if (pending) out.push(pending);
        pending = '';
        out.push(term);
        rest = rest.slice(term.length);
      } else {
        pending += rest[0];
        rest = rest.slice(1);
      }
    }
    if (pending) out.push(pending);
  }
  return out;
}
