/**
 * Paragraph-level comparison of a document as exported with the same document as it came
 * back: an LCS alignment, with removed and added paragraphs in the same gap counted as changed.
 */

export interface ParagraphDiff {
  added: number;
  removed: number;
  changed: number;
  examples: string[];
}

const EXAMPLE_LIMIT = 3;

function clip(text: string, n = 30): string {
  const chars = [...text];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : text;
}

export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphDiff {
  const a = before.map(normalise);
  const b = after.map(normalise);
  const n = a.length;
  const m = b.length;
  // LCS lengths from the end, so the walk below goes forward.
  const table = new Array<Uint32Array>(n + 1);
  for (let i = 0; i <= n; i++) table[i] = new Uint32Array(m + 1);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const result: ParagraphDiff = { added: 0, removed: 0, changed: 0, examples: [] };
  let gapRemoved: string[] = [];
  let gapAdded: string[] = [];
  const flush = () => {
    const changed = Math.min(gapRemoved.length, gapAdded.length);
    result.changed += changed;
    result.removed += gapRemoved.length - changed;
    result.added += gapAdded.length - changed;
    for (let k = 0; k < Math.max(gapRemoved.length, gapAdded.length) && result.examples.length < EXAMPLE_LIMIT; k++) {
      const was = gapRemoved[k];
      const now = gapAdded[k];
      if (was !== undefined && now !== undefined) result.examples.push(`改：${clip(was)} → ${clip(now)}`);
      else if (was !== undefined) result.examples.push(`删：${clip(was)}`);
      else if (now !== undefined) result.examples.push(`增：${clip(now)}`);
    }
    gapRemoved = [];
    gapAdded = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || table[i]![j + 1]! >= table[i + 1]![j]!)) {
      gapAdded.push(after[j]!);
      j++;
    } else {
      gapRemoved.push(before[i]!);
      i++;
    }
  }
  flush();
  return result;
}

/** Whitespace differences (a reviewer's stray space, Word's xml:space handling) are not edits. */
function normalise(text: string): string {
  return text.replace(/\s+/g, '');
}
