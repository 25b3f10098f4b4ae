/**
 * Structure of a case or notice: 层次序号 in order and in the standard forms (GB/T 9704-2012
 * 7.3.3: 一、 （一） 1. （1）), 发文字号 with 六角括号 〔〕 (7.2.4), and one date style per
 * document with no padded zeros (7.3.5.1, GB/T 15835-2011 4.1).
 */
import type { DocumentRule, RawFinding, Segment } from './types.js';
import { canonicalNumbering, parseNumbering, STYLE_RANK, type Numbering, type NumberingStyle } from './numbering.js';

type Located = RawFinding & { segment: string };

/** Segments that can carry a 层次序号: headings, run-in headings, paragraphs; never notes or cells. */
function numberable(segment: Segment): boolean {
  return segment.kind === 'heading' || segment.kind === 'runIn' || segment.kind === 'paragraph';
}

function numberingForm(segment: Segment): RawFinding[] {
  if (!numberable(segment)) return [];
  const num = parseNumbering(segment.text);
  if (!num || num.raw === num.canonical) return [];
  return [{
    rule: 'struct.numbering-form', severity: 'fix', start: num.start, end: num.start + num.raw.length, suggestion: num.canonical,
    message: `层次序号“${num.raw}”应写作“${num.canonical}”`,
  }];
}

interface Item {
  segment: Segment;
  num: Numbering;
}

/**
 * Numbering in reading order, one part at a time. Styles nest in the order a draft first uses
 * them (一、 may hold 1. directly, as many notices do); a style reappearing closes the levels
 * opened under it. Within a level numbers go up by one.
 */
function numberingOrder(all: readonly Segment[]): Located[] {
  const out: Located[] = [];
  const items: Item[] = [];
  for (const segment of all) {
    if (!numberable(segment)) continue;
    const num = parseNumbering(segment.text);
    if (num) items.push({ segment, num });
  }
  const stack: Array<{ style: NumberingStyle; last: number }> = [];
  // Numbering may run on across parents (1.–30. under 一、–八、, as the corpus notice does).
  const lastSeen = new Map<NumberingStyle, number>();
  for (const item of items) {
    const { style, n } = item.num;
    const at = stack.findIndex((level) => level.style === style);
    const report = (message: string) =>
      out.push({ segment: item.segment.key, rule: 'struct.numbering-order', severity: 'warn', start: item.num.start, end: item.num.start + item.num.raw.length, suggestion: null, message });
    if (at >= 0) {
      stack.length = at + 1;
      const level = stack[at]!;
      if (n === level.last + 1) level.last = n;
      else if (n === level.last) report(`层次序号“${canonicalNumbering(style, n)}”重复`);
      else if (n > level.last + 1) {
        report(`层次序号跳号：“${canonicalNumbering(style, level.last)}”之后是“${canonicalNumbering(style, n)}”，缺“${canonicalNumbering(style, level.last + 1)}”`);
        level.last = n;
      } else if (n !== 1) {
        report(`层次序号倒退：“${canonicalNumbering(style, level.last)}”之后是“${canonicalNumbering(style, n)}”`);
        level.last = n;
      } else level.last = n;
      lastSeen.set(style, n);
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && STYLE_RANK[style] - STYLE_RANK[top.style] >= 3) {
      report(`层次序号跳级：“${canonicalNumbering(top.style, top.last)}”之下直接用“${canonicalNumbering(style, n)}”（应为 一、→（一）→1.→（1））`);
    } else if (top && STYLE_RANK[style] < STYLE_RANK[top.style]) {
      report(`层次序号层级颠倒：“${canonicalNumbering(style, n)}”出现在下一级“${canonicalNumbering(top.style, top.last)}”之下（应为 一、→（一）→1.→（1））`);
    } else if (n !== 1 && n !== (lastSeen.get(style) ?? 0) + 1) {
      report(`这一层的层次序号从“${canonicalNumbering(style, n)}”开始，缺“${canonicalNumbering(style, 1)}”`);
    }
    stack.push({ style, last: n });
    lastSeen.set(style, n);
  }
  // Headings of one level numbered in two styles.
  const byLevel = new Map<number, Map<NumberingStyle, Item[]>>();
  for (const item of items) {
    if (item.segment.kind !== 'heading' || item.segment.level === undefined) continue;
    const styles = byLevel.get(item.segment.level) ?? new Map<NumberingStyle, Item[]>();
    byLevel.set(item.segment.level, styles);
    styles.set(item.num.style, [...(styles.get(item.num.style) ?? []), item]);
  }
  for (const styles of byLevel.values()) {
    if (styles.size < 2) continue;
    const ranked = [...styles.entries()].sort((a, b) => b[1].length - a[1].length);
    const major = ranked[0]![0];
    for (const [style, list] of ranked.slice(1)) {
      for (const item of list) {
        out.push({
          segment: item.segment.key, rule: 'struct.numbering-order', severity: 'warn', start: item.num.start, end: item.num.start + item.num.raw.length, suggestion: null,
          message: `同一级标题混用“${canonicalNumbering(major, 1)}”和“${canonicalNumbering(style, 1)}”两种序号`,
        });
      }
    }
  }
  return out;
}

const DOC_NUMBER = /([\u4e00-\u9fff]{1,12})\s*([[【(（［〔])\s*((?:19|20)\d{2})\s*([\]】)）］〕])\s*(第?)(\d{1,4})\s*号/g;

function docNumber(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  // The full pattern backtracks from every Han character: look for its year and 号 first.
  if (!segment.text.includes('号') || !/(?:19|20)\d{2}\s*[\]】)）］〕]/.test(segment.text)) return out;
  for (const m of segment.text.matchAll(DOC_NUMBER)) {
    const [all, organ, , year, , di, serial] = m;
    const canonical = `${organ}〔${year}〕${serial}号`;
    if (all === canonical) continue;
    // Only the bracket and the spacing change; "第" before the serial is dropped (7.2.4: 序号不加"第").
    const offset = m.index + organ!.length;
    out.push({
      rule: 'struct.doc-number', severity: 'fix', start: offset, end: m.index + all.length, suggestion: `〔${year}〕${serial}号`,
      message: `发文字号的年份用六角括号“〔〕”${di ? '，序号前不加“第”' : ''}：应为“${canonical}”`,
    });
  }
  return out;
}

type DateStyle = 'cn' | 'iso' | 'dot' | 'slash';

const DATE_PATTERNS: ReadonlyArray<[DateStyle, RegExp]> = [
  ['cn', /(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/g],
  ['iso', /(?<![\d-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d-])/g],
  ['dot', /(?<![\d.])((?:19|20)\d{2})\.(\d{1,2})\.(\d{1,2})(?![\d.])/g],
  ['slash', /(?<![\d/])((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?![\d/])/g],
];

interface FoundDate {
  segment: Segment;
  style: DateStyle;
  start: number;
  raw: string;
  y: number;
  m: number;
  d: number;
}

function formatDate(style: DateStyle, y: number, m: number, d: number): string {
  switch (style) {
    case 'cn':
      return `${y}年${m}月${d}日`;
    case 'iso':
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'slash':
      return `${y}/${m}/${d}`;
  }
}

/** Every full date in one style; the style most dates use wins, 年月日 on a tie. */
function dateStyle(all: readonly Segment[]): Located[] {
  const found: FoundDate[] = [];
  for (const segment of all) {
    // Every date pattern starts with a year 19xx or 20xx: most segments have none.
    if (!/(?:19|20)\d\d/.test(segment.text)) continue;
    for (const [style, re] of DATE_PATTERNS) {
      for (const m of segment.text.matchAll(re)) {
        const mo = Number(m[2]);
        const d = Number(m[3]);
        if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
        found.push({ segment, style, start: m.index, raw: m[0], y: Number(m[1]), m: mo, d });
      }
    }
  }
  const out: Located[] = [];
  for (const date of found) {
    if (date.style === 'cn' && /年0\d月|月0\d日/.test(date.raw)) {
      const fixed = formatDate('cn', date.y, date.m, date.d);
      out.push({ segment: date.segment.key, rule: 'struct.date-zero', severity: 'fix', start: date.start, end: date.start + date.raw.length, suggestion: fixed, message: `日期中的月、日不编虚位：应为“${fixed}”` });
    }
  }
  const counts = new Map<DateStyle, number>();
  for (const date of found) counts.set(date.style, (counts.get(date.style) ?? 0) + 1);
  if (counts.size < 2) return out;
  const major = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] === 'cn' ? -1 : b[0] === 'cn' ? 1 : 0))[0]![0];
  for (const date of found) {
    if (date.style === major) continue;
    const suggestion = formatDate(major, date.y, date.m, date.d);
    out.push({ segment: date.segment.key, rule: 'struct.date-style', severity: 'propose', start: date.start, end: date.start + date.raw.length, suggestion, message: `同一文档的日期写法应一致：本文多用“${formatDate(major, 2020, 4, 8)}”式，此处“${date.raw}”可改为“${suggestion}”` });
  }
  return out;
}

export const STRUCTURE_RULES: DocumentRule[] = [
  { info: { id: 'struct.numbering-form', family: 'structure', clause: 'GB/T 9704-2012 7.3.3', title: '层次序号的写法' }, fixes: true, check: numberingForm },
  { info: { id: 'struct.numbering-order', family: 'structure', clause: 'GB/T 9704-2012 7.3.3', title: '层次序号的顺序和层级' }, checkAll: numberingOrder },
  { info: { id: 'struct.doc-number', family: 'structure', clause: 'GB/T 9704-2012 7.2.4', title: '发文字号' }, fixes: true, check: docNumber },
  { info: { id: 'struct.date-style', family: 'structure', clause: 'GB/T 15835-2011 4.1.2、GB/T 9704-2012 7.3.5.1', title: '日期写法一致' }, fixes: true, checkAll: dateStyle },
  { info: { id: 'struct.date-zero', family: 'structure', clause: 'GB/T 9704-2012 7.3.5.1', title: '日期不编虚位' } },
];

