/**
 * GB/T 15835-2011 出版物上数字用法: years and exact counts in Arabic numerals, no Arabic digit
 * followed by 十/百/千 ("3千多"), ranges with ～ (values) or — (years and dates, GB/T 15834
 * 4.13.3) rather than a hyphen, percentages as "30%", and large amounts with 万/亿 like the rest.
 */
import type { DocumentRule, RawFinding, Segment } from './types.js';
import { isHan } from './chars.js';

const CJK_VALUE: Record<string, number> = { '〇': 0, '零': 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Exact Chinese numerals up to 9999 ("三百二十", "一千零五"); null for 概数 and words. */
export function chineseToNumber(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10000;
  for (const ch of s) {
    if (ch in CJK_VALUE) {
      if (digit !== null && CJK_VALUE[ch] !== 0) return null; // "三四" is an approximation
      digit = CJK_VALUE[ch]!;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (!unit || unit >= lastUnit) return null;
    total += (digit ?? (unit === 10 ? 1 : NaN)) * unit;
    if (Number.isNaN(total)) return null;
    digit = null;
    lastUnit = unit;
  }
  return total + (digit ?? 0);
}

/** Year digits as written in Chinese (二〇二〇). */
function chineseYear(s: string): number | null {
  let out = '';
  for (const ch of s) {
    const v = CJK_VALUE[ch];
    if (v === undefined || ch === '两') return null;
    out += v;
  }
  return Number(out);
}

const UNITS_AFTER_THOUSAND = /^(?:米|克|瓦|帕|伏|卡|赫|字节|分之|瓦时)/;

function mixedNumeral(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  // Each rule first looks for what any of its matches must contain, a cheaper scan than its full pattern.
  if (!/\d[十百千]/.test(segment.text)) return out;
  for (const m of segment.text.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)([十百千])(?![十百千])/g)) {
    const rest = segment.text.slice(m.index + m[0].length);
    if (UNITS_AFTER_THOUSAND.test(rest)) continue;
    const factor = m[2] === '十' ? 10 : m[2] === '百' ? 100 : 1000;
    const value = Math.round(Number(m[1]) * factor * 1000) / 1000;
    // "3千万" is 3000万: the suggestion keeps the 万/亿 that follows.
    const suggestion = String(value);
    out.push({ rule: 'num.mixed', severity: 'propose', start: m.index, end: m.index + m[0].length, suggestion, message: `阿拉伯数字不与“${m[2]}”连用：“${m[0]}”应为“${suggestion}”` });
  }
  return out;
}

const PHONE_LIKE = /^0\d{2,3}$/;

function ranges(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  const text = segment.text;
  if (!/[-－~]/.test(text)) return out;
  for (const m of text.matchAll(/(?<![\d.\-/:A-Za-z])(\d+(?:\.\d+)?)([%％]?)(\s*)([-－~]|--)(\s*)(\d+(?:\.\d+)?)([%％]?)(?![\d.\-/:])/g)) {
    const [all, a, pa, , sep, , b] = m;
    const before = text[m.index - 1];
    const after = text[m.index + all.length];
    if (!isHan(after) && !isHan(before) && !pa) continue;
    if (PHONE_LIKE.test(a!) || b!.length >= 6) continue; // 0537-4412345 is a telephone number
    if (/\d{4}-\d{1,2}-\d{1,2}/.test(text.slice(m.index, m.index + all.length + 3))) continue;
    if (Number(a) >= Number(b)) continue; // not a range: a code or a score
    const years = /^(?:19|20)\d{2}$/.test(a!) && /^(?:19|20)\d{2}$/.test(b!);
    // Time spans (1-3月, 8-10日) take the 一字线 like years (GB/T 15834 4.13.3.2); values the 浪纹线.
    const time = years || (after !== undefined && '年月日时'.includes(after) && !pa);
    const mark = time ? '—' : '～';
    out.push({
      rule: 'num.range', severity: 'fix', start: m.index, end: m.index + all.length, suggestion: `${a}${pa}${mark}${b}${m[7]}`,
      message: time ? `时间起止用一字线“—”，不用“${sep}”` : `数值范围用浪纹线“～”，不用“${sep}”`,
    });
  }
  return out;
}

/** "2019年-2021年": the years' range also takes a 一字线. */
function yearRanges(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  if (!/年\s*[-－~～]/.test(segment.text)) return out;
  for (const m of segment.text.matchAll(/((?:19|20)\d{2})年(\s*)([-－~～]|--)(\s*)((?:19|20)\d{2})年/g)) {
    if (Number(m[1]) >= Number(m[5])) continue;
    out.push({ rule: 'num.range', severity: 'fix', start: m.index, end: m.index + m[0].length, suggestion: `${m[1]}年—${m[5]}年`, message: `年份起止用一字线“—”，不用“${m[3]}”` });
  }
  return out;
}

function chineseYears(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  if (!segment.text.includes('年')) return out;
  for (const m of segment.text.matchAll(/([〇零○0一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?)?/g)) {
    if (!/[一二三四五六七八九]/.test(m[1]!)) continue;
    const y = chineseYear(m[1]!.replace(/0/g, '〇'));
    if (y === null || y < 1900 || y > 2100) continue;
    const mo = m[2] ? chineseToNumber(m[2]) : null;
    const d = m[3] ? chineseToNumber(m[3]) : null;
    const suggestion = `${y}年${mo ? `${mo}月` : ''}${d ? `${d}日` : ''}`;
    out.push({ rule: 'num.year', severity: 'propose', start: m.index, end: m.index + m[0].length, suggestion, message: `公历年月日用阿拉伯数字：“${m[0]}”应为“${suggestion}”` });
  }
  return out;
}

const MEASURE = '个人户名家所处项元次件岁天篇条位座间张份台辆套';

// Built once: matchAll copies it, so its lastIndex is never shared between calls.
const CHINESE_COUNT = new RegExp(`(?<![第初周星期〇零一二三四五六七八九十百千两])([一二三四五六七八九两][十百千][〇零一二三四五六七八九十百千]*)(?=[${MEASURE}])(?!.{0,1}[多余来几])`, 'g');

function chineseCounts(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  if (!/[一二三四五六七八九两][十百千]/.test(segment.text)) return out;
  for (const m of segment.text.matchAll(CHINESE_COUNT)) {
    const value = chineseToNumber(m[1]!);
    if (value === null || value < 20 || value % 10 === 0 && value < 100) continue;
    const next = segment.text[m.index + m[0].length + 1];
    if (next && '多余来几'.includes(next)) continue;
    out.push({ rule: 'num.count', severity: 'propose', start: m.index, end: m.index + m[0].length, suggestion: String(value), message: `精确的计数用阿拉伯数字：“${m[0]}”可写作“${value}”` });
  }
  return out;
}

function percent(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  if (!segment.text.includes('百分之') && !/[%％]/.test(segment.text)) return out;
  for (const m of segment.text.matchAll(/百分之(\d+(?:\.\d+)?)/g)) {
    out.push({ rule: 'num.percent', severity: 'fix', start: m.index, end: m.index + m[0].length, suggestion: `${m[1]}%`, message: `百分数写作“${m[1]}%”，不与“百分之”混用` });
  }
  for (const m of segment.text.matchAll(/百分之([一二三四五六七八九十百零〇两]+)(?![分万亿])/g)) {
    const n = chineseToNumber(m[1]!.replace(/〇/g, '零'));
    if (n === null || n === 0) continue;
    out.push({ rule: 'num.percent', severity: 'propose', start: m.index, end: m.index + m[0].length, suggestion: `${n}%`, message: `统计中的百分数用阿拉伯数字：“${m[0]}”可写作“${n}%”` });
  }
  for (const m of segment.text.matchAll(/(\d+(?:\.\d+)?)\s*[%％]\s*[-－~～]\s*(\d+(?:\.\d+)?)(?![\d.%％])/g)) {
    out.push({ rule: 'num.percent', severity: 'propose', start: m.index, end: m.index + m[0].length, suggestion: `${m[1]}%～${m[2]}%`, message: '百分数范围的两个数都带“%”' });
  }
  return out;
}

const AMOUNT_UNITS = '元人户名个次册份件台辆套亩';

const FULL_AMOUNT = new RegExp(`(?<![\\d.,，])(\\d{6,10})(?=[${AMOUNT_UNITS}]|人次|平方米)`, 'g');

/** A round six-to-ten-digit amount written out in full: GB/T 15835 counts it in 万/亿. */
function wanYi(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  // Both patterns need five digits in a row.
  if (!/\d{5}/.test(segment.text)) return out;
  const re = FULL_AMOUNT;
  // "12000万元" is 1.2亿元: 万 counts up to 9999万.
  for (const m of segment.text.matchAll(/(?<![\d.,，])(\d{5,})万(?!亿)/g)) {
    const n = Number(m[1]);
    if (n % 1000 !== 0) continue;
    out.push({ rule: 'num.wan-yi', severity: 'propose', start: m.index, end: m.index + m[0].length, suggestion: `${n / 10000}亿`, message: `一万万即一亿：“${m[0]}”可写作“${n / 10000}亿”` });
  }
  for (const m of segment.text.matchAll(re)) {
    const before = segment.text.slice(Math.max(0, m.index - 4), m.index);
    if (/邮编|编码|编号|代码|号码|账号|电话/.test(before)) continue;
    const n = Number(m[1]);
    if (n % 10000 !== 0) continue; // an exact figure (a budget line) stays exact
    const suggestion = n >= 1e8 && n % 1e6 === 0 ? `${n / 1e8}亿` : `${n / 1e4}万`;
    out.push({ rule: 'num.wan-yi', severity: 'propose', start: m.index, end: m.index + m[0].length, suggestion, message: `大数用“万”“亿”作单位：“${m[1]}”可写作“${suggestion}”` });
  }
  return out;
}

export const NUMBER_RULES: DocumentRule[] = [
  { info: { id: 'num.mixed', family: 'numbers', clause: 'GB/T 15835-2011 5.1.2', title: '阿拉伯数字与汉字数字混用' }, check: mixedNumeral },
  { info: { id: 'num.range', family: 'numbers', clause: 'GB/T 15835-2011 4.2、GB/T 15834-2011 4.13.3', title: '数值和年份的范围' }, fixes: true, check: (s) => [...ranges(s), ...yearRanges(s)] },
  { info: { id: 'num.year', family: 'numbers', clause: 'GB/T 15835-2011 4.1.2', title: '年月日用阿拉伯数字' }, check: chineseYears },
  { info: { id: 'num.count', family: 'numbers', clause: 'GB/T 15835-2011 4.1.1', title: '计数用阿拉伯数字' }, check: chineseCounts },
  { info: { id: 'num.percent', family: 'numbers', clause: 'GB/T 15835-2011 4.1.1、4.2', title: '百分数' }, fixes: true, check: percent },
  { info: { id: 'num.wan-yi', family: 'numbers', clause: 'GB/T 15835-2011 5.1.3', title: '大数用“万”“亿”' }, check: wanYi },
];
