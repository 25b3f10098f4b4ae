/**
 * A government portal's information table (政府信息公开 metadata) as it arrives when a page is
 * copied: "索引号: … 发布机构: …" on one line, "文号 | 平政办〔2013〕12号 | 索引号 | …" as table
 * cells, or a bulleted list with each value on the line under its label. Its fields are the
 * notice's metadata (发文字号, 发文机构, 成文日期, 发布日期), never body text or a title.
 */
import type { SourceLine } from '../lines.js';
import { blocksText } from '../../model/text.js';

/** Labels portals use, longest first so "发文字号" wins over "文号". */
const LABELS = [
  '索引号', '索取号', '信息索引号', '发文机构', '发布机构', '发文机关', '发文单位', '发布单位', '文号', '发文字号', '文件编号', '文件字号',
  '发布文号', '成文日期', '发文日期', '发布日期', '生成日期', '印发日期', '公开日期', '生效日期', '失效日期', '废止日期', '实施日期', '公开方式', '公开类别', '公开范围', '公开形式',
  '主题分类', '体裁分类', '组配分类', '服务对象', '主题词', '关键词', '公文目录', '标题', '有效性', '时效性', '内容概述', '信息名称', '信息来源', '文件来源', '来源', '文种', '所属类别', '所属机构', '统一编码', '规范性文件登记号', '解读方式', '解读单位', '解读机关', '解读日期', '解读人',
  '时效', '责任部门', '名称', '文件名称', '发布部门', '制定机关', '施行日期', '效力级别', '法规类别', '公开目录', '体裁',
].sort((a, b) => b.length - a.length);

const LABEL_ALT = LABELS.join('|');
const KNOWN = new Set(LABELS);
/** Portals space a label's characters out to align the colons ("索  引  号:", "标      题:"). */
// (Tabs too: a table copied from a page keeps them between the characters it spaced.)
const SPACED_ALT = LABELS.map((l) => [...l].join('[ \\t\\u3000]*')).join('|');
/**
 * A label with its colon, anywhere in a line: "索取号: 0024… 发布机构: 上海市民政局". A cell may name two
 * fields at once ("备注/文号:"): the label is the one the table knows.
 */
const COMPOUND = '(?:[\\u4e00-\\u9fa5]{1,6}[/／])?';
const LABEL_COLON = new RegExp(`(?:^|[\\s|｜])${COMPOUND}(${LABEL_ALT})\\s*[:：]`, 'gu');
const SPACED_LABEL_COLON = new RegExp(`(?:^|[\\s|｜])${COMPOUND}(${SPACED_ALT})\\s*[:：]`, 'gu');
/** Any short word before a colon, after a space or a cell bar (a label of the table's own). */
const OTHER_LABEL_COLON = /(?<=[\s|｜])([\u4e00-\u9fa5]{2,6})[ \t\u3000]*[:：]/gu;
/** A spaced-out label's last character before its colon ("…引  号:"): only then is the slower pattern needed. */
const SPACED_HINT = /[\u4e00-\u9fa5][ \t\u3000]+[\u4e00-\u9fa5][ \t\u3000]*[:：]/u;
const LABEL_ONLY = new RegExp(`^(?:${LABEL_ALT})$`, 'u');
const SPACED_LABEL_ONLY = new RegExp(`^(?:${SPACED_ALT})$`, 'u');
const BULLET = /^[•·●▪◦\-–]\s*/u;
const LEADING_URL = /^(?:https?:\/\/|www\.)[\x21-\x7e]+?(?=[\u4e00-\u9fa5])/u;
const LABEL_FIRST = new RegExp(`^(?:${LABEL_ALT})\\s`, 'u');

/** Canonical names: several portals' labels for the same field. */
const CANON: Record<string, string> = {
  索取号: '索引号', 信息索引号: '索引号', 发布机构: '发文机构', 发文机关: '发文机构', 发文单位: '发文机构', 发布单位: '发文机构', 所属机构: '发文机构',
  文号: '发文字号', 发布文号: '发文字号', 文件编号: '发文字号', 文件字号: '发文字号', 公开类别: '公开方式', 公开形式: '公开方式', 时效性: '有效性', 时效: '有效性',
  名称: '标题', 文件名称: '标题', 发布部门: '发文机构', 制定机关: '发文机构',
};

/**
 * A label the list does not hold is named by what it says: a date or time of posting (发布时间,
 * 发布日时间) is the 发布日期, one of writing or issuing (成文时间, 印发时间) the 成文日期.
 */
function canonical(label: string): string {
  if (CANON[label]) return CANON[label]!;
  if (KNOWN.has(label)) return label;
  if (/^(?:发布|公布|上网)[\u4e00-\u9fa5]{0,2}(?:日期|时间)$/u.test(label)) return '发布日期';
  if (/^(?:成文|印发|发文|签发)[\u4e00-\u9fa5]{0,2}(?:日期|时间)$/u.test(label)) return '成文日期';
  return label;
}

export interface InfoTable {
  fields: Record<string, string>;
  /** Indexes of the lines the table took (labels, values, empty cells). */
  lines: Set<number>;
}

function put(fields: Record<string, string>, spaced: string, value: string): void {
  const label = spaced.replace(/[\s\u3000]+/gu, '');
  const key = canonical(label);
  let v = value.replace(/[|｜]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  // A name field quotes the document's title ('名称: "某局关于…的公告"'): the title is inside.
  if (key === '标题') v = v.replace(/^["“'‘「]\s*(.+?)\s*["”'’」]$/u, '$1');
  if (v && !fields[key]) fields[key] = v;
}

/** Reads "label: value label: value" pairs from one line; null when the line is not of that form. */
function colonPairs(text: string): Array<[string, string]> | null {
  const known = [...text.matchAll(SPACED_HINT.test(text) ? SPACED_LABEL_COLON : LABEL_COLON)];
  if (known.length === 0) return null;
  // On a line the table's labels open, any other short word before a colon after a space is a label
  // too ("发布机构: 某县民政局 发布日时间: 2024-10-18", "体裁: 服务对象:"): portals name their fields
  // in more ways than any list holds, and a value of the table is a name, a code or a date.
  const others = known[0]!.index === 0 || /^[\s|｜•·●]*$/u.test(text.slice(0, known[0]!.index!)) ? [...text.matchAll(OTHER_LABEL_COLON)].filter((m) => !known.some((k) => k.index! <= m.index! && m.index! < k.index! + k[0].length)) : [];
  const marks = [...known, ...others].sort((a, b) => a.index! - b.index!);
  // The line must start with its first label (after a bullet or a cell bar).
  const lead = text.slice(0, marks[0]!.index! + (marks[0]![0].length - marks[0]![0].trimStart().length));
  if (lead.replace(/[\s|｜•·●]/gu, '')) return null;
  const out: Array<[string, string]> = [];
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!;
    const start = m.index! + m[0].length;
    const end = k + 1 < marks.length ? marks[k + 1]!.index! : text.length;
    out.push([m[1]!, text.slice(start, end)]);
  }
  return out;
}

/** "文号 | 平政办〔2013〕12号 | 索引号 | 005452065/2013-00025 |": label cells followed by value cells. */
function cellPairs(text: string): Array<[string, string]> | null {
  if (!/[|｜]/u.test(text)) return null;
  const cells = text.split(/[|｜]/u).map((c) => c.trim());
  const out: Array<[string, string]> = [];
  let labels = 0;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    if (!LABEL_ONLY.test(c)) continue;
    labels++;
    const next = cells[k + 1] ?? '';
    out.push([c, LABEL_ONLY.test(next) ? '' : next]);
  }
  // A bordered row of the table may hold one field the list knows beside a counter of the page's own
  // ("| 文号 | 腾民政发〔2025〕56号 | 浏览量 |"): read when its value is what the label promises.
  if (labels === 1 && /^\s*[|｜]/u.test(text) && out[0]![1] && isValueLike(out[0]![0], out[0]![1])) return out;
  return labels >= 2 ? out : null;
}

/**
 * "【发布文号】鄂政发[1997]019号 【发布日期】1997-03-26 【失效日期】": labels in 【】 as law collections
 * print them, each followed by its value (or by nothing). The line starts with its first label.
 */
const LABEL_BRACKETED = new RegExp(`【\\s*(${LABEL_ALT})\\s*】`, 'gu');
function bracketPairs(text: string): Array<[string, string]> | null {
  if (!text.startsWith('【')) return null;
  return pairsAfter(text, [...text.matchAll(LABEL_BRACKETED)], (value) => value.length <= 60 && !/[。！？]/u.test(value));
}

/** Each label mark's value runs to the next mark; null unless the line starts with a mark and every value passes. */
function pairsAfter(text: string, marks: RegExpExecArray[], accept: (value: string, label: string) => boolean): Array<[string, string]> | null {
  if (marks.length === 0 || marks[0]!.index !== 0) return null;
  const out: Array<[string, string]> = [];
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!;
    const start = m.index + m[0].length;
    const end = k + 1 < marks.length ? marks[k + 1]!.index : text.length;
    const value = text.slice(start, end).trim();
    if (!accept(value, m[1]!)) return null;
    out.push([m[1]!, value]);
  }
  return out;
}

/**
 * "组配分类 计划总结 发布机构 区民政局": labels and values separated by spaces only, the labels perhaps spaced
 * out to align ("索 引 号 -01-2025-00005", "标  题 …"). A label followed at once by the next one has an
 * empty value ("文号 生成日期 2018-03-28"); a value is a short code, date or name, never a sentence (a
 * title may be longer).
 */
const SPACED_LABEL_SPACE = new RegExp(`(?:^|\\s)(${SPACED_ALT})(?=\\s)`, 'gu');
const SPACED_FIRST = new RegExp(`^(?:${SPACED_ALT})\\s`, 'u');
/** A line that may open with a spaced-out label (a character, then a space): only then is SPACED_FIRST tried. */
const SPACED_START = /^[\u4e00-\u9fa5][ \t\u3000]/u;
function spacePairs(text: string): Array<[string, string]> | null {
  const marks = [...text.matchAll(SPACED_LABEL_SPACE)];
  let filled = 0;
  const pairs = pairsAfter(text, marks, (value, label) => {
    if (!value) return marks.length >= 2;
    filled++;
    return value.length <= (label.replace(/\s+/gu, '') === '标题' ? 120 : 40) && !/[。！？，,]/u.test(value);
  });
  return pairs && filled > 0 ? pairs : null;
}

/**
 * A line's label/value pairs in any of the layouts, or null. The importer reads the table of the
 * same lines up to three times (cleaning, then the notice stage on the cleaned and the raw lines),
 * so the answer for a line's text is kept for the next read.
 */
const seen = new Map<string, Array<[string, string]> | null>();
function linePairs(text: string): Array<[string, string]> | null {
  const known = seen.get(text);
  if (known !== undefined) return known;
  const pairs = bracketPairs(text) ?? (/[:：|｜]/u.test(text) ? (cellPairs(text) ?? colonPairs(text)) : null) ?? (LABEL_FIRST.test(text) || (SPACED_START.test(text) && SPACED_FIRST.test(text)) ? spacePairs(text) : null);
  if (seen.size >= 4096) seen.clear();
  seen.set(text, pairs);
  return pairs;
}

/** The information table within the first `within` lines, or null when there is none (two fields at least). */
export function readInfoTable(lines: SourceLine[], within = 30): InfoTable | null {
  const fields: Record<string, string> = {};
  const taken = new Set<number>();
  let count = 0;
  const end = Math.min(lines.length, within);
  for (let i = 0; i < end; i++) {
    const table = lines[i]!.table;
    if (table && !lines[i]!.text) {
      // An HTML or Word table: each row read as a line of cells ("索引号： | 1137… | 发布机构： | …").
      // (Two values at least: a list's header row naming 标题 and 来源 over its items is no table of fields.)
      const pairs = table.rows.flatMap((row) => linePairs(row.map((cell) => blocksText(cell.blocks).replace(/\s+/gu, ' ').trim()).join(' | ')) ?? []);
      const filled = pairs.filter(([, value]) => value.replace(/[|｜\s]+/gu, ''));
      if (filled.length >= 2) {
        for (const [label, value] of filled) put(fields, label, value);
        taken.add(i);
        count += pairs.length;
      }
      continue;
    }
    const raw = lines[i]!.text;
    // Table lines are short and carry a colon, a cell bar or a label first; a paragraph is never one.
    // (A whole table run together on one line is longer, but opens with a label and holds several.)
    if (raw.length > 160 && !(raw.length <= 480 && !/[。！？]/u.test(raw) && (colonPairs(raw.replace(BULLET, ''))?.length ?? 0) >= 4)) continue;
    // A page's address copied with the table and run into it ("http://….html发文字号 鄠政发〔2021〕1号 发布日期 …").
    const text = raw.replace(BULLET, '').replace(LEADING_URL, '');
    const pairs = linePairs(text);
    if (!pairs) {
      // A table copied one cell to a line: a label alone without its colon ("索引号", "发文字号"), and
      // its value on the next line; the label counts only with a value.
      const label = text.length <= 24 ? text.trim().replace(/[\s\u3000]+/gu, '') : '';
      const next = label.length <= 8 ? (lines[i + 1]?.text.trim() ?? '') : '';
      if (label && next && SPACED_LABEL_ONLY.test(text.trim()) && next.length <= 60 && !linePairs(next) && !SPACED_LABEL_ONLY.test(next) && !/[。！？]/u.test(next) && isValueLike(label, next)) {
        put(fields, label, next);
        taken.add(i).add(i + 1);
        count++;
        i++;
        continue;
      }
      // A law database's fields with label and value run together, one to a line ("发文机关国务院",
      // "发文日期2004年06月03日"): only as a run of two such lines or more, one of them a date or a
      // number that its label's kind vouches for, as a line of prose never is.
      const glued = gluedPair(text);
      if (glued && (gluedRun(lines, i, -1) || gluedRun(lines, i, 1))) {
        put(fields, glued[0], glued[1]);
        taken.add(i);
        count++;
      }
      continue;
    }
    taken.add(i);
    for (const [label, value] of pairs) {
      // (Labels of the table's own count only beside those the list knows: "来源: 发布时间: … 阅读:" is a byline.)
      if (KNOWN.has(label.replace(/[\s\u3000]+/gu, ''))) count++;
      if (value.trim()) put(fields, label, value);
      else if (pairs.length === 1) {
        // A bulleted table puts the value on the next line, unless that line is the next label.
        const next = lines[i + 1]?.text.replace(BULLET, '') ?? '';
        if (next && next.length <= 60 && !colonPairs(next) && !cellPairs(next) && !/[。！？]/u.test(next) && isValueLike(label, next)) {
          put(fields, label, next);
          taken.add(i + 1);
          i++;
        }
      }
    }
  }
  if (count >= 2) wrappedTitle(lines, fields, taken);
  return count >= 2 ? { fields, lines: taken } : null;
}

/**
 * A long title wraps in its cell ("标  题 某市民政局关于印发《某市" / "社会组织孵化基地管理办法》的通知"): a
 * 标题 that stops short of a document's kind word goes on into the line right under its own, when that
 * line is no field and no sentence and ends on the kind word.
 */
const TITLE_KIND = /(?:通知|通报|意见|决定|批复|函|公告|公示|通告|请示|报告|决议|命令|纪要|规则|办法|规定|细则|方案|要点|条例|规划|纲要)(?:[(（][^()（）]{2,6}[)）])?$/u;
function wrappedTitle(lines: SourceLine[], fields: Record<string, string>, taken: Set<number>): void {
  const title = fields['标题'];
  if (!title || TITLE_KIND.test(title)) return;
  const at = [...taken].sort((a, b) => a - b).find((i) => lines[i]!.text.replace(/[\s\u3000]+/gu, '').includes(title.replace(/\s+/gu, '')));
  const next = at === undefined ? '' : (lines[at + 1]?.text.trim() ?? '');
  if (!next || taken.has(at! + 1) || next.length > 80 || /[。！？:：|｜]/u.test(next) || linePairs(next) || !TITLE_KIND.test(next)) return;
  fields['标题'] = `${title}${next}`;
  taken.add(at! + 1);
}

const LABEL_GLUED = new RegExp(`^(${LABEL_ALT})(\\S.{0,39})$`, 'u');
/** "发文字号国函〔2004〕42号": a known label with its value after it, no colon, space or cell between. */
function gluedPair(text: string): [string, string] | null {
  const m = LABEL_GLUED.exec(text.trim());
  if (!m || /[。！？，,:：]/u.test(m[2]!) || LABEL_ONLY.test(m[2]!)) return null;
  return [m[1]!, m[2]!];
}

/** Whether the run of run-together fields through line i (looking one way) holds two, one of them a date or a number. */
function gluedRun(lines: SourceLine[], i: number, step: 1 | -1): boolean {
  const here = gluedPair(lines[i]!.text);
  const there = lines[i + step] ? gluedPair(lines[i + step]!.text) : null;
  if (!here || !there) return false;
  const vouched = ([label, value]: [string, string]) => {
    const key = canonical(label);
    return (/日期$/u.test(key) && /^[0-9０-９]{4}\s*[-年./]/u.test(value)) || (key === '发文字号' && /[〔[［(（【]\s*[0-9０-９]{4}/u.test(value));
  };
  return vouched(here) || vouched(there) || Boolean(lines[i + 2 * step] && gluedPair(lines[i + 2 * step]!.text) && vouched(gluedPair(lines[i + 2 * step]!.text)!));
}

/** Whether a following line can be a label's value (dates for date labels, codes for numbers). */
function isValueLike(label: string, value: string): boolean {
  const key = canonical(label);
  if (/日期$/u.test(key)) return /[0-9０-９]{4}/u.test(value);
  if (key === '索引号') return /[0-9A-Za-z]/u.test(value) && value.length <= 40;
  if (key === '发文字号') return /[〔[［(（【]\s*[0-9０-９]{4}/u.test(value);
  if (key === '标题') return value.length <= 120;
  if (key === '内容概述' || key === '主题分类' || key === '有效性' || key === '来源') return false;
  return value.length <= 30;
}
