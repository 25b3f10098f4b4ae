/** 字号 → points, the values Word and WPS use (spec: "Chinese font sizes"). */
export const ZIHAO: Readonly<Record<string, number>> = {
  初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15,
  四号: 14, 小四: 12, 五号: 10.5, 小五: 9, 六号: 7.5, 小六: 6.5, 七号: 5.5, 八号: 5,
};

/** Accepts a number of points or a 字号 name ("三号", "小四"). */
export function pointSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const pt = ZIHAO[value];
  if (pt === undefined) {
    const n = Number(value);
    if (Number.isFinite(n) && n > 0) return n;
    throw new Error(`unknown type size "${value}": use points or a 字号 such as 三号, 小四`);
  }
  return pt;
}

export const MM_TO_PT = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * MM_TO_PT;
/** DOCX lengths: twentieths of a point. */
export const mmToTwip = (mm: number): number => Math.round(mm * MM_TO_PT * 20);
export const ptToTwip = (pt: number): number => Math.round(pt * 20);
