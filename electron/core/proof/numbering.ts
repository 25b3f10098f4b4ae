/**
 * 层次序号 at the start of a heading or paragraph: 一、 （一） 1. （1）, the four levels of
 * GB/T 9704-2012 7.3.3, and the malformed variants drafts carry ("一." "(一)" "1、" "（1）、").
 */
export type NumberingStyle = 'cjk' | 'paren-cjk' | 'decimal' | 'paren-decimal';

export const STYLE_RANK: Record<NumberingStyle, number> = { cjk: 1, 'paren-cjk': 2, decimal: 3, 'paren-decimal': 4 };

export interface Numbering {
  style: NumberingStyle;
  n: number;
  /** Offset of the numbering in the text (after leading spaces) and its length as written. */
  start: number;
  length: number;
  raw: string;
  /** The standard form ("一、", "（一）", "1.", "（1）"). */
  canonical: string;
}

const CJK_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as written in 层次序号; null for anything else. */
export function cjkNumber(s: string): number | null {
  if (!s || !/^[一二三四五六七八九十]+$/.test(s)) return null;
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CJK_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CJK_DIGITS[m[2]]! : 0);
  if (s.length === 1) return CJK_DIGITS[s] ?? null;
  return null;
}

export function cjkNumeral(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n < 10) return d[n]!;
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  return d[Math.floor(n / 10)]! + '十' + (n % 10 ? d[n % 10] : '');
}

export function canonicalNumbering(style: NumberingStyle, n: number): string {
  switch (style) {
    case 'cjk':
      return `${cjkNumeral(n)}、`;
    case 'paren-cjk':
      return `（${cjkNumeral(n)}）`;
    case 'decimal':
      return `${n}.`;
    case 'paren-decimal':
      return `（${n}）`;
  }
}

const PATTERNS: ReadonlyArray<[RegExp, NumberingStyle]> = [
  // （一） with either bracket width, optionally followed by a stray 、 . ，
  [/^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)][、.．，,]?/, 'paren-cjk'],
  [/^[（(]\s*(\d{1,2})\s*[）)][、.．，,]?/, 'paren-decimal'],
  // 一、 or 一. 一． 一， — but not 一是 / 一方面 (no delimiter) and not 十九大.
  [/^([一二三四五六七八九十]{1,3})\s*[、.．，,](?![\d])/, 'cjk'],
  // 1. 1． 1、 1， — but not 1.5 or 2020、
  [/^(\d{1,2})\s*(?:[.．](?!\d)|[、，,])/, 'decimal'],
];

export function parseNumbering(text: string): Numbering | null {
  // Every pattern opens with a bracket, a Chinese numeral or a digit (\s is the set trimStart removes).
  if (!/^\s*[（(一二三四五六七八九十\d]/.test(text)) return null;
  const lead = text.length - text.trimStart().length;
  const rest = text.slice(lead);
  for (const [re, style] of PATTERNS) {
    const m = re.exec(rest);
    if (!m) continue;
    const n = style === 'cjk' || style === 'paren-cjk' ? cjkNumber(m[1]!) : Number(m[1]);
    if (n === null || n <= 0) continue;
    // "1、2、3" or "一、二、三" is an enumeration inside a sentence, not a heading number.
    if (/^[、，,]\s*[\d一二三四五六七八九十]/.test(rest.slice(m[0].length))) return null;
    return { style, n, start: lead, length: m[0].length, raw: m[0], canonical: canonicalNumbering(style, n) };
  }
  return null;
}

/** The numbering at the start of a text, including leading spaces, for rules that leave it alone. */
export function numberingPrefix(text: string): string | null {
  const num = parseNumbering(text);
  return num ? text.slice(0, num.start + num.length) : null;
}
