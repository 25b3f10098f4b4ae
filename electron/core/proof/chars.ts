/** Character classes the rules share. */

export const HAN_CLASS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
export const HAN = new RegExp(`[${HAN_CLASS}]`, 'u');
/** Han characters and the full-width marks that only occur in Chinese text. */
export const CHINESE = new RegExp(`[${HAN_CLASS}\\u3000-\\u303f\\uff01-\\uff5e“”‘’《》〈〉、…—]`, 'u');

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

export function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && CHINESE.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

/** The nearest character in a direction, skipping plain spaces ("领导: 张三"). */
export function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  let i = index + step;
  while (i >= 0 && i < text.length && text[i] === ' ') i += step;
  return i >= 0 && i < text.length ? text[i] : undefined;
}
