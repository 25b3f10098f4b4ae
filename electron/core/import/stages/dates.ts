/** Dates as drafts write them ("2021-01-30", "2020年4月8日", "二〇二〇年四月八日") to ISO yyyy-mm-dd. */

// ○ (U+25CB, a white circle) and the digit 0 stand for 〇 in many typed documents ('二○○六年九月八日', '二00六年').
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, Ｏ: 0, '○': 0, '0': 0, '０': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnNumber(value: string): number | null {
  if (/^[0-9０-９]+$/.test(value)) return Number(value);
  // 十, 十一, 二十, 二十八, 三十一
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(value);
  if (m) return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[2] ? CN_DIGIT[m[2]]! : 0);
  if (value.length === 1 && value in CN_DIGIT) return CN_DIGIT[value]!;
  return null;
}

function cnYear(value: string): number | null {
  if (/^[0-9０-９]{4}$/.test(value)) return Number(value);
  if (value.length !== 4) return null;
  let n = 0;
  for (const ch of value) {
    const d = CN_DIGIT[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1949 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const NUMERIC_DATE = /([0-9０-９]{4})\s*[-年/.]\s*([0-9０-９]{1,2})\s*[-月/.]\s*([0-9０-９]{1,2})\s*日?/u;
export const CHINESE_DATE = /([〇○零一二三四五六七八九OoＯ0０]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/u;

/** Full-width digits (０–９), common in official documents, as ASCII digits. */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The first date in `text`, as ISO, or null. */
export function findDate(raw: string): string | null {
  const text = halfWidthDigits(raw);
  const m = NUMERIC_DATE.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const c = CHINESE_DATE.exec(text);
  if (c) {
    const y = cnYear(c[1]!);
    const mo = cnNumber(c[2]!);
    const d = cnNumber(c[3]!);
    if (y !== null && mo !== null && d !== null) return isoDate(y, mo, d);
  }
  return null;
}

/** A line that is only a date (a notice's 成文日期). */
export const DATE_ONLY = /^(?:[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|[0-9０-９]{4}-[0-9０-９]{1,2}-[0-9０-９]{1,2}|[〇○零一二三四五六七八九OoＯ0０]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/u;

/**
 * A 成文日期 as a date line prints it, for use inside other patterns: arabic or Chinese numerals
 * (○ and 0 standing for 〇), spaces between its parts allowed.
 */
export const DATE_TEXT = '(?:[0-9０-９]{4}|[〇○零一二三四五六七八九OoＯ0０]{4})\\s*年\\s*\\S{1,3}\\s*月\\s*\\S{1,3}\\s*日';

/** A date a copy cut short where it ends ("2021年1", "2021年11月", "2021年11月2"): a year, perhaps a month. */
export const CUT_DATE = /^[0-9０-９]{4}\s*年(?:\s*[0-9０-９]{1,2}(?:\s*月(?:\s*[0-9０-９]{1,2})?)?)?$/u;

/**
 * A line that is only a 成文日期, as notices and portals print one: the forms of DATE_ONLY, and the
 * numeric ones with dots or slashes ("2024.6.19", "2024/06/19"), spaces anywhere.
 */
export function isDateLine(text: string): boolean {
  const t = text.replace(/\s+/gu, '');
  return DATE_ONLY.test(t) || /^[0-9０-９]{4}[./／][0-9０-９]{1,2}[./／][0-9０-９]{1,2}$/u.test(t);
}

/**
 * The date a page stamps its copy with, as CMSs print it, never as running text writes a date: after a
 * time or date label ("发布时间:2019-1-28", "时间:2021-12-13浏览:10", "文章发布日期:2025-05-06"), or in
 * numbers with its clock time ("2021-04-12 16:57:39", "2025-05-21 09:00本报讯…": text says 9时, a stamp 09:00). ISO, or null.
 */
const LABELLED_STAMP = new RegExp(`(?:时间|日期)\\s*[:：]\\s*(${NUMERIC_DATE.source})`, 'u');
// (A clocked stamp is the CMS's numeric form; "2024年5月6日9:00" is how a notice sets a meeting's time.)
const CLOCKED_STAMP = /([0-9０-９]{4}\s*[-/.]\s*[0-9０-９]{1,2}\s*[-/.]\s*[0-9０-９]{1,2})\s+[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2}(?![0-9０-９])/u;
export function stampDate(text: string): string | null {
  const m = LABELLED_STAMP.exec(text) ?? CLOCKED_STAMP.exec(text);
  return m ? findDate(m[1]!) : null;
}

/** A headline a portal's list prints with its posting date in brackets ("…公示 (2020-06-09 )"): that date. */
const BRACKETED_STAMP = /[(（]\s*([0-9０-９]{4}\s*[-./]\s*[0-9０-９]{1,2}\s*[-./]\s*[0-9０-９]{1,2})\s*[)）]\s*$/u;
export function bracketedStamp(text: string): string | null {
  const m = BRACKETED_STAMP.exec(text);
  return m ? findDate(m[1]!) : null;
}

/**
 * The day a picture's file name was stamped by the tool that saved it ("QQ截图20180926113527.jpg",
 * "微信图片_20220815151451.png", "IMG_20190310_101530.jpg"): its date with the time of day after it, or null.
 * A picture is saved the day its page is made or just before: the date of a page no other line dates.
 */
const FILE_STAMP = /(?<![0-9])((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])[_-]?[0-2][0-9][0-5][0-9](?:[0-5][0-9])?(?:[0-9]{3})?(?![0-9])/u;
export function fileNameStamp(name: string): string | null {
  const m = FILE_STAMP.exec(name);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
