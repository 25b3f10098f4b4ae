/**
 * GB/T 15834-2011 标点符号用法: the slips real drafts carry — marks typed with the IME in
 * English mode, straight quotes from web pages, "..." and "--", doubled marks, stray spaces,
 * full-width digits — and quotation marks and brackets left open.
 * autocorrect-node 2.14 was measured on the corpus for the half-width rule and left 259
 * half-width marks next to Han characters (every ; and trailing :, commas after a closing
 * quote, all brackets); zhlint 0.8 left 101 and needs ~190 ms per 79k characters. Neither
 * reads the document model's runs, so these rules are our own (see proof/README.md).
 */
import type { DocumentRule, RawFinding, Segment } from './types.js';
import { isChinese, isDigit, isHan, isLatin, neighbour } from './chars.js';
import { numberingPrefix } from './numbering.js';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };

/** URLs and e-mail addresses keep their ASCII punctuation. */
const ASCII_TOKEN = /(?:https?:\/\/|www\.)[\x21-\x7e]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

const NO_TOKENS = new Uint8Array(0);

function asciiTokenMask(text: string): Uint8Array {
  if (!text.includes('@') && !text.includes('://') && !text.includes('www.')) return NO_TOKENS;
  const mask = new Uint8Array(text.length);
  for (const m of text.matchAll(ASCII_TOKEN)) mask.fill(1, m.index, m.index + m[0].length);
  return mask;
}

/** Extends a mark's span over the spaces around it: a full-width mark takes none. */
function spanWithSpaces(text: string, index: number): [number, number] {
  let start = index;
  let end = index + 1;
  while (start > 1 && text[start - 1] === ' ') start--;
  while (end < text.length && text[end] === ' ') end++;
  return [start, end];
}

function halfwidth(segment: Segment): RawFinding[] {
  const text = segment.text;
  if (!/[,:;?!().]/.test(text) || !/[\u3400-\u9fff]/.test(text)) return [];
  const mask = asciiTokenMask(text);
  const skipTo = numberingPrefix(text)?.length ?? 0;
  const out: RawFinding[] = [];
  // Brackets go in pairs: "(牵头领导:张三)" turns both, even where one side touches Latin.
  const open: number[] = [];
  const paired = new Set<number>();
  for (let i = text.indexOf('('); i >= 0 && i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) {
      const start = open.pop()!;
      const inside = text.slice(start + 1, i);
      if (/[\u3400-\u9fff]/.test(inside) || isChinese(neighbour(text, start, -1)) || isChinese(neighbour(text, i, 1))) {
        paired.add(start);
        paired.add(i);
      }
    }
  }
  for (const m of text.matchAll(/[,:;?!().]/g)) {
    const i = m.index;
    const ch = m[0];
    if (i < skipTo || mask[i]) continue;
    const before = neighbour(text, i, -1);
    const after = neighbour(text, i, 1);
    if (ch === '(' || ch === ')') {
      if (!paired.has(i) && !(ch === '(' ? isChinese(before) : isChinese(after))) continue;
    } else if (ch === '.') {
      // Only a sentence end: after Han, before Han, a closing mark or the end; never 1.5, "...", "1." numbering.
      if (!isHan(text[i - 1]) || text[i + 1] === '.' || text[i - 1] === '.') continue;
      if (after !== undefined && !isChinese(after)) continue;
    } else {
      // 2,000 and 10:30 are numbers whatever surrounds them.
      if ((ch === ',' || ch === ':' || ch === ';') && isDigit(text[i - 1]) && isDigit(text[i + 1])) continue;
      if (!isChinese(before) && !isChinese(after)) continue;
      // "Note: see" inside a Latin phrase stays Latin.
      if (isLatin(before) && isLatin(after)) continue;
    }
    const [start, end] = spanWithSpaces(text, i);
    out.push({ rule: 'punct.halfwidth', severity: 'fix', start, end, suggestion: FULL[ch]!, message: `中文里用了半角“${ch}”，应为全角“${FULL[ch]}”` });
  }
  return out;
}

function straightQuotes(segment: Segment): RawFinding[] {
  const text = segment.text;
  const out: RawFinding[] = [];
  for (const [mark, pair] of [['"', '“”'], ["'", '‘’']] as const) {
    if (!text.includes(mark)) continue;
    const idx: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] === mark) idx.push(i);
    for (let k = 0; k + 1 < idx.length; k += 2) {
      const a = idx[k]!;
      const b = idx[k + 1]!;
      const inside = text.slice(a + 1, b);
      const touchesChinese = /[\u3400-\u9fff]/.test(inside) || isChinese(text[a - 1]) || isChinese(text[b + 1]);
      if (!touchesChinese || (mark === "'" && !/[\u3400-\u9fff]/.test(inside))) continue;
      out.push({ rule: 'punct.straight-quote', severity: 'fix', start: a, end: a + 1, suggestion: pair[0]!, message: `直引号${mark}应为中文引号${pair[0]}` });
      out.push({ rule: 'punct.straight-quote', severity: 'fix', start: b, end: b + 1, suggestion: pair[1]!, message: `直引号${mark}应为中文引号${pair[1]}` });
    }
    if (idx.length % 2 === 1 && mark === '"') {
      // A lone straight quote beside curly ones: it closes an open “ or opens before a lone ”.
      const last = idx[idx.length - 1]!;
      if (isChinese(text[last - 1]) || isChinese(text[last + 1])) {
        const before = text.slice(0, last);
        const open = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
        const curly = open > 0 ? '”' : '“';
        out.push({ rule: 'punct.straight-quote', severity: 'fix', start: last, end: last + 1, suggestion: curly, message: `直引号"应为中文引号${curly}` });
      }
    }
  }
  return out;
}

const CORNER: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

function quoteStyle(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  const text = segment.text;
  // Each pass is skipped where its marks are absent: most segments have no corner quotes and many no “.
  if (/[「」『』]/.test(text)) for (const m of text.matchAll(/[「」『』]/g)) {
    const i = m.index;
    const ch = m[0];
    out.push({ rule: 'punct.quote-style', severity: 'propose', start: i, end: i + 1, suggestion: CORNER[ch]!, message: `横排文本的引号用“”和‘’，不用${ch}` });
  }
  // A double quote inside a double quote: the inner pair is ‘’ (GB/T 15834 4.8.3.1).
  if (!text.includes('“')) return out;
  let depth = 0;
  const inner: number[] = [];
  for (const m of text.matchAll(/[“”]/g)) {
    const i = m.index;
    if (text[i] === '“') {
      depth++;
      if (depth === 2) inner.push(i);
    } else if (text[i] === '”') {
      if (depth === 2) inner.push(i);
      depth = Math.max(0, depth - 1);
    }
  }
  if (depth === 0) {
    for (let k = 0; k + 1 < inner.length; k += 2) {
      out.push({ rule: 'punct.quote-style', severity: 'propose', start: inner[k]!, end: inner[k]! + 1, suggestion: '‘', message: '引号里面再用引号，内层用单引号‘’' });
      out.push({ rule: 'punct.quote-style', severity: 'propose', start: inner[k + 1]!, end: inner[k + 1]! + 1, suggestion: '’', message: '引号里面再用引号，内层用单引号‘’' });
    }
  }
  return out;
}

const PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ['“', '”', '引号'],
  ['‘', '’', '单引号'],
  ['（', '）', '括号'],
  ['《', '》', '书名号'],
  ['〈', '〉', '书名号'],
  ['【', '】', '方头括号'],
];

/**
 * Open marks and orphaned closers of one segment. It jumps from mark to mark: indexing a
 * Chinese text character by character makes a string of each, and this rule ran over every
 * segment for each pair, a third of proofing an import.
 */
function unbalanced(text: string, openMark: string, closeMark: string): { open: number[]; orphans: number[] } {
  const open: number[] = [];
  const orphans: number[] = [];
  let o = text.indexOf(openMark);
  let c = text.indexOf(closeMark);
  while (o >= 0 || c >= 0) {
    if (o >= 0 && (c < 0 || o < c)) {
      open.push(o);
      o = text.indexOf(openMark, o + 1);
    } else {
      if (open.length) open.pop();
      else orphans.push(c);
      c = text.indexOf(closeMark, c + 1);
    }
  }
  return { open, orphans };
}

/**
 * Unmatched marks, per part: a quotation running over several paragraphs opens each of them
 * and closes only at its end (GB/T 15834 4.8.3.4), which is not an error.
 */
function unmatched(all: readonly Segment[]): Array<RawFinding & { segment: string }> {
  const out: Array<RawFinding & { segment: string }> = [];
  for (let s = 0; s < all.length; s++) {
    const seg = all[s]!;
    for (const [o, c, name] of PAIRS) {
      if (!seg.text.includes(o) && !seg.text.includes(c)) continue;
      // A straight quote standing in for one of the pair is the straight-quote rule's finding.
      if (o === '“' && seg.text.includes('"')) continue;
      const { open, orphans } = unbalanced(seg.text, o, c);
      for (const i of open) {
        const next = all[s + 1];
        const continued = o === '“' && i === leadingIndex(seg.text) && next !== undefined && next.text.trimStart().startsWith('“');
        if (continued) continue;
        out.push({ segment: seg.key, rule: 'punct.unmatched', severity: 'warn', start: i, end: i + 1, suggestion: null, message: `${name}“${o}”没有配对的“${c}”` });
      }
      for (const i of orphans) {
        const prev = all[s - 1];
        const closesContinued = c === '”' && prev !== undefined && prev.text.trimStart().startsWith('“') && seg.text.trimStart().startsWith('“');
        if (closesContinued) continue;
        out.push({ segment: seg.key, rule: 'punct.unmatched', severity: 'warn', start: i, end: i + 1, suggestion: null, message: `${name}“${c}”前面缺少“${o}”` });
      }
    }
  }
  return out;
}

function leadingIndex(text: string): number {
  return text.length - text.trimStart().length;
}

/** Two marks of the set next to each other: the only text either pattern of duplicated() can match. */
const ADJACENT_MARKS = /[。，、；：！？][。，、；：！？]/;

function duplicated(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  if (!ADJACENT_MARKS.test(segment.text)) return out;
  for (const m of segment.text.matchAll(/([。，、；：！？])\1+/g)) {
    const mark = m[1]!;
    if (mark === '。' && m[0].length >= 3) continue; // "。。。" is a mistyped 省略号
    const severity = mark === '！' || mark === '？' ? 'propose' : 'fix';
    out.push({ rule: 'punct.duplicate', severity, start: m.index, end: m.index + m[0].length, suggestion: mark, message: `标点“${mark}”重复` });
  }
  for (const m of segment.text.matchAll(/[，、；：][。，、；：]|[。][，、；：]/g)) {
    out.push({ rule: 'punct.duplicate', severity: 'propose', start: m.index, end: m.index + 2, suggestion: m[0][1]!, message: `两个点号“${m[0]}”连用，保留一个` });
  }
  return out;
}

function ellipsis(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  const text = segment.text;
  if (!/\.\.\.|。。。|[·・]{3}|．．．|…/.test(text)) return out;
  // "..." "……" typed as dots, 。。。, ···, or a single …; "……" is right.
  for (const m of text.matchAll(/\.{3,}|。{3,}|[·・]{3,}|．{3,}|…+/g)) {
    if (m[0] === '……') continue;
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    if (m[0][0] === '.' && !isChinese(before) && !isChinese(after)) continue;
    out.push({ rule: 'punct.ellipsis', severity: 'fix', start: m.index, end: m.index + m[0].length, suggestion: '……', message: `省略号应为“……”（六个点，占两个字的位置），不是“${m[0]}”` });
  }
  return out;
}

function dash(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  const text = segment.text;
  // Only doubled hyphens, ━ and ─ can be findings (a lone — never is).
  if (!/--|－－|━|──/.test(text)) return out;
  for (const m of text.matchAll(/-{2,}|－{2,}|—(?!—)|━+|─{2,}/g)) {
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    if (m[0] === '—') {
      // A single 一字线 joins names ("灯塔—党建在线") and ranges: only "— —" style doubles are wrong.
      continue;
    }
    if (before === '—' || !(isChinese(before) || isChinese(after))) continue;
    out.push({ rule: 'punct.dash', severity: 'fix', start: m.index, end: m.index + m[0].length, suggestion: '——', message: `破折号应为“——”，不是“${m[0]}”` });
  }
  return out;
}

/**
 * Spaces inside Chinese running text: between Han characters, or beside a full-width mark.
 * Titles, captions, bylines and table cells use a space to set phrases or names apart
 * ("赋能社会组织 开展人民调解", "贺蔚 张明焕"), which is layout, not a slip.
 */
function spaces(segment: Segment): RawFinding[] {
  if (segment.kind !== 'paragraph' && segment.kind !== 'footnote' && segment.kind !== 'runIn') return [];
  if (segment.role === 'byline' || segment.role === 'center') return [];
  const out: RawFinding[] = [];
  const text = segment.text;
  if (!/[ \u3000\u00a0]/.test(text)) return out;
  const lead = leadingIndex(text);
  const tail = text.trimEnd().length;
  for (const m of text.matchAll(/[ \u3000\u00a0]+/g)) {
    if (m.index <= lead || m.index + m[0].length > tail) continue;
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    if (isHan(before) && isHan(after)) {
      if (segment.kind === 'runIn') continue;
      // Inside quotation marks a space sets apart the two halves of a quoted title or slogan
      // (“建立…长效机制 合力打造…品牌”), as the titles themselves do.
      const opened = text.slice(0, m.index);
      if ((opened.match(/“/g)?.length ?? 0) > (opened.match(/”/g)?.length ?? 0)) continue;
      // Two phrases set apart ("共话志愿情 爱在民政家") may want a comma rather than nothing: a look first.
      out.push({ rule: 'punct.han-space', severity: 'propose', start: m.index, end: m.index + m[0].length, suggestion: '', message: '汉字之间多了空格' });
    } else if ((isChinese(before) && !isHan(before)) || (isChinese(after) && !isHan(after))) {
      out.push({ rule: 'punct.mark-space', severity: 'fix', start: m.index, end: m.index + m[0].length, suggestion: '', message: '全角标点前后不加空格' });
    }
  }
  return out;
}

function fullwidthAlnum(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  if (!/[０-９Ａ-Ｚａ-ｚ]/.test(segment.text)) return out;
  for (const m of segment.text.matchAll(/[０-９Ａ-Ｚａ-ｚ]+/g)) {
    const half = [...m[0]].map((c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join('');
    out.push({ rule: 'punct.fullwidth-alnum', severity: 'fix', start: m.index, end: m.index + m[0].length, suggestion: half, message: `全角字符“${m[0]}”应为半角“${half}”` });
  }
  return out;
}

export const PUNCTUATION_RULES: DocumentRule[] = [
  { info: { id: 'punct.halfwidth', family: 'punctuation', clause: 'GB/T 15834-2011 4.1–4.9、5.1', title: '中文里的半角标点' }, fixes: true, check: halfwidth },
  { info: { id: 'punct.straight-quote', family: 'punctuation', clause: 'GB/T 15834-2011 4.8', title: '直引号' }, fixes: true, check: straightQuotes },
  { info: { id: 'punct.quote-style', family: 'punctuation', clause: 'GB/T 15834-2011 4.8.3', title: '引号形式混用' }, check: quoteStyle },
  { info: { id: 'punct.unmatched', family: 'punctuation', clause: 'GB/T 15834-2011 4.8、4.9、4.15', title: '引号、括号、书名号不成对' }, checkAll: unmatched },
  { info: { id: 'punct.duplicate', family: 'punctuation', clause: 'GB/T 15834-2011 5.1', title: '标点重复' }, fixes: true, check: duplicated },
  { info: { id: 'punct.ellipsis', family: 'punctuation', clause: 'GB/T 15834-2011 4.11', title: '省略号形式' }, fixes: true, check: ellipsis },
  { info: { id: 'punct.dash', family: 'punctuation', clause: 'GB/T 15834-2011 4.10', title: '破折号形式' }, fixes: true, check: dash },
  { info: { id: 'punct.han-space', family: 'punctuation', clause: 'GB/T 15834-2011 5.1', title: '汉字之间的空格' }, fixes: true, check: spaces },
  { info: { id: 'punct.mark-space', family: 'punctuation', clause: 'GB/T 15834-2011 5.1', title: '标点前后的空格' } },
  { info: { id: 'punct.fullwidth-alnum', family: 'punctuation', clause: 'GB/T 15835-2011 4.1（阿拉伯数字、拉丁字母用半角）', title: '全角数字和字母' }, fixes: true, check: fullwidthAlnum },
];
