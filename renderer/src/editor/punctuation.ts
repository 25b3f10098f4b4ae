/**
 * Half-width punctuation typed in Chinese text (a common slip with a Chinese IME switched
 * to English, or in text pasted from a web page) proposed as full-width replacements.
 * Only marks next to Han characters change; numbers (1.5, 2,000, 10:30) and Latin stay.
 * Pure: the editor shows the proposals for review and applies the accepted ones.
 */
export interface PunctuationChange {
  /** Offset in the text given (UTF-16 units). */
  index: number;
  from: string;
  to: string;
  /** A few characters either side, for the review list. */
  context: string;
}

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** Han characters and full-width marks that only appear in Chinese text. */
const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e“”‘’《》、]/u;

function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && CHINESE.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Neighbour skipping spaces (people type "领导: 张三"). */
function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  let i = index + step;
  while (i >= 0 && i < text.length && text[i] === ' ') i += step;
  return i >= 0 && i < text.length ? text[i] : undefined;
}

export function proposePunctuation(text: string): PunctuationChange[] {
  const changes: PunctuationChange[] = [];
  const add = (index: number) => {
    const from = text[index]!;
    changes.push({ index, from, to: FULL[from]!, context: text.slice(Math.max(0, index - 6), index + 7) });
  };
  const open: number[] = [];
  const pairs = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) pairs.set(open.pop()!, i);
  }
  const paired = new Set<number>();
  for (const [start, end] of pairs) {
    const inside = text.slice(start + 1, end);
    const chineseAround = HAN.test(inside) || isChinese(neighbour(text, start, -1)) || isChinese(neighbour(text, end, 1));
    if (chineseAround) {
      paired.add(start);
      paired.add(end);
    }
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!(ch in FULL)) continue;
    if (ch === '(' || ch === ')') {
      if (paired.has(i)) add(i);
      continue;
    }
    const before = text[i - 1];
    const after = text[i + 1];
    // 2,000 and 10:30 and 1;2 are numbers, whatever surrounds them.
    if ((ch === ',' || ch === ':' || ch === ';') && isDigit(before) && isDigit(after)) continue;
    if (isChinese(neighbour(text, i, -1)) || isChinese(neighbour(text, i, 1))) add(i);
  }
  return changes.sort((a, b) => a.index - b.index);
}

/** The text with the given changes applied (changes index the original text). */
export function applyPunctuation(text: string, changes: readonly PunctuationChange[]): string {
  const chars = text.split('');
  for (const change of changes) if (chars[change.index] === change.from) chars[change.index] = change.to;
  return chars.join('');
}
