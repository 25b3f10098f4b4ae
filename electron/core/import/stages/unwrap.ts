/**
 * Text copied out of a PDF or an e-mail arrives hard-wrapped: every printed line is a line of
 * its own, cutting paragraphs mid-sentence. A printed page has one measure (GB/T 9704 sets an
 * official document at 28 characters a line; an e-mail at 38 or so), so a wrapped paragraph is a
 * run of lines that fill the measure, closed by a shorter one; drafts with one line per paragraph
 * have no such runs (their long lines differ in length) and pass through untouched.
 *
 * Two readings of the measure:
 * - the whole draft was copied from print: most long lines fill one width and none is much wider;
 *   every full line is then joined to the next;
 * - one paragraph was (a page quoting a PDF, or a draft of pasted pieces): two or more
 *   consecutive lines of the same width, cut mid-sentence, and a shorter line ending the run; once
 *   a run shows the draft's measure, a single full line cut mid-clause at that width continues too.
 *
 * Widths are cells as print fills them (Han and Chinese punctuation one, Latin and digits half), with
 * “”—… counted in the convention the page was set in; a copy a text editor wrapped by characters
 * shows runs of one length in characters instead, and those are read too.
 *
 * Either way a full line does not continue into a line that starts a unit of its own: a list item's
 * number, 附件, a date alone, a 署名 over its date, a label after a line ending in its colon; and a
 * row (cells between bars, a breadcrumb, labelled fields) ends its line where a cell or a value ends.
 *
 * A PDF's own furniture (poppler's pdftotext, as offices copy a 选编 PDF): its page numbers and the
 * running heads beside them come back every page; they are marked furniture and a paragraph runs on
 * over them to the next page.
 */
import type { Inline } from '../../model/types.js';
import type { SourceLine } from '../lines.js';
import { isDateLine } from './dates.js';
import { endsOwnLine } from './notice.js';
import { ISSUER_NAME } from './orgnames.js';

/** Where indentation is missing, a full line ending a sentence is taken as a paragraph end. */
const PARAGRAPH_END = /[。！？!?][”」』）)]?$/u;
/** A photo's caption closed by its credit ("…在海口举行。 某某 摄", "…吃饭。某某供图"): the caption ends there, as a paragraph would. */
const CREDIT_END = /[。！？!?]\s*[\u4e00-\u9fa5]{2,12}\s*[/／]?\s*(?:摄|攝|供图|供圖)[)）]?$/u;
const STARTS_BLOCK = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十0-9０-９]{1,3}\s*[)）]|[0-9０-９]{1,3}\s*[.．、](?![0-9０-９])|[一二三四五六七八九十]{1,3}是|附件|——)/u;
/**
 * The narrowest measure prose is wrapped at: an official document's 28 characters, a narrow
 * column's 24. A list of names or addresses is narrower, and its items must never be joined.
 */
const MIN_MEASURE = 24;
/** Chinese punctuation a copy set in ASCII (or the reader folded): it still filled a full cell in print. */
const CJK_PUNCT_ASCII = new Set([',', ':', ';', '!', '?', '(', ')']);
/** A comma or semicolon inside a line: prose, where a list item (names joined by 、) has none. */
const CLAUSE_INSIDE = /[,，;；](?!$)/u;
/** A label opening a line ("北京市：", "联系人:"): after a line ending in its colon, an item of what it introduced. */
const LABEL_START = /^[^\s,，。；;：:]{2,10}[:：]/u;
/** A line that is only a stamp of date and time ("08.12.2017 08:57", "2022年03月02日"): a page's, never a paragraph's last piece. */
const STAMP_ONLY = /^[0-9０-９]{1,4}(?:[\s./／:：\-年月日时分]+[0-9０-９]{1,4})+[日]?$/u;
/** A field's label at a line's start or after a space ("索取号: … 发布机构: …"): an information table's row. */
const FIELD_PAIR = /(?:^|\s)[\u4e00-\u9fa5]{2,6}\s*[:：]/gu;
/** A CMS's numeric stamp opening a line ("2026-01-30 18:12:29来源:…"): running text writes a date in 年月日. */
const STAMP_START = /^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])/u;
/** A page's labelled fields ("来源:", "作者:", "发布时间:"); a line of two or more is the page's head, set on its own line. */
const FIELD_LABEL = /(?:来\s*源|作\s*者|发布时间|发布日期|时间|日期|责任编辑|编辑|字号|浏览次数|点击|阅读)\s*[:：]/gu;
/**
 * A row, not prose: cells set apart by bars ("索引号: | … | 发布机构: | …"), a breadcrumb's steps (">> 政府信息公开 >> …"),
 * or label and value words set apart by spaces with no clause mark ("公开方式 主动公开 所属机构 某某局").
 */
function isRow(text: string): boolean {
  return isGapRow(text) || separators(text) >= 2;
}
/** Cells and steps set apart by bars or breadcrumb marks. */
function separators(text: string): number {
  let bars = 0;
  let steps = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '|' || ch === '｜') bars++;
    else if (ch === '>' || ch === '»' || ch === '＞') {
      steps++;
      while (text[i + 1] === '>' || text[i + 1] === '»') i++;
    }
  }
  return Math.max(bars, steps);
}
/** Words set apart by spaces between Han, no clause mark among them: names in a row, labels and their values. */
function isGapRow(text: string): boolean {
  let gaps = 0;
  for (let i = 1; i < text.length - 1; i++) if (text[i] === ' ' && wide(text.charCodeAt(i - 1)) && wide(text.charCodeAt(i + 1))) gaps++;
  return gaps >= 3 && !/[，,。；;]/u.test(text);
}
/** A printed page's number: "3", "- 3 -", "第3页", "第 3 页 共 8 页". */
const FOLIO = /^(?:[-—－–]\s*)?([0-9]{1,3})(?:\s*[-—－–])?$|^第\s*([0-9]{1,3})\s*页(?:\s*[/／,，]?\s*共\s*[0-9]{1,3}\s*页)?$/u;
/** A contents entry: a title, then a space (a run of them, folded) or leader dots, then its page number. */
const TOC_ENTRY = /\S(?:\s+|\s*[.．·…]{3,}\s*)[0-9]{1,3}$/u;
/** Lines a printed page holds at the least: page numbers closer than this are a list's numbers, not folios. */
const PAGE_LINES = 12;

const wide = (code: number): boolean => code >= 0x2e80;
const alnum = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
/** East Asian ambiguous marks (“ ” ‘ ’ — … · ‰ ℃ ①): a CJK face sets them full-width, a Latin one half. */
const ambiguous = (code: number): boolean => (code >= 0x2010 && code < 0x2e80) || code === 0xb7 || code === 0xb0;

/** Cells a line fills in print, with the ambiguous marks counted half (narrow) and how many there are. */
interface Cells {
  narrow: number;
  ambiguous: number;
}

/** Full-width characters and Chinese punctuation one cell each, other ASCII half, a paragraph indent two. */
function cells(line: SourceLine): Cells {
  let w = line.indent ? 2 : 0;
  let amb = 0;
  const t = line.text;
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    // (A surrogate pair is one character: its high half counts, its low half is skipped.)
    if (code >= 0xdc00 && code < 0xe000) continue;
    if (wide(code)) w += 1;
    else if (ambiguous(code)) {
      w += 0.5;
      amb++;
    } else if (CJK_PUNCT_ASCII.has(t[i]!) && (wide(t.charCodeAt(i - 1)) || wide(t.charCodeAt(i + 1)))) w += 1;
    else if (code === 0x20 && (CJK_PUNCT_ASCII.has(t[i - 1] ?? '') || (wide(t.charCodeAt(i - 1)) && alnum(t.charCodeAt(i + 1))) || (alnum(t.charCodeAt(i - 1)) && wide(t.charCodeAt(i + 1))))) {
      // A PDF's gap read back as a space: after a full-cell comma (its cell holds it), or between Han and a
      // Latin word or a number (the quarter em print sets there).
      w += CJK_PUNCT_ASCII.has(t[i - 1] ?? '') && wide(t.charCodeAt(i - 2)) ? 0 : 0.25;
    } else w += 0.5;
  }
  return { narrow: w, ambiguous: amb };
}

const HAN = /\p{Script=Han}/u;
/** Whether each UTF-16 unit is Han, as HAN says of it alone: 0 not yet asked, 1 Han, 2 not. */
const hanUnit = new Uint8Array(0x10000);

/**
 * The Han characters of a text, as /\p{Script=Han}/gu counts its matches, without the array of
 * matches: every line of every draft is counted, and a long paragraph's array of one-character
 * strings was most of this stage's garbage. A surrogate pair is one character, asked of HAN as
 * such; a lone surrogate is no character of any script.
 */
function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (HAN.test(text.slice(i, i + 2))) n++;
        i++;
        continue;
      }
    }
    let han = hanUnit[c]!;
    if (han === 0) hanUnit[c] = han = HAN.test(String.fromCharCode(c)) ? 1 : 2;
    if (han === 1) n++;
  }
  return n;
}

/** The characters of a text ([...text].length: a surrogate pair is one), without spreading it into an array. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Share of a line's characters that are Han: prose, where a copyright or an address line is mostly Latin and digits. */
function hanShare(text: string): number {
  return text.length === 0 ? 0 : hanCount(text) / text.length;
}

/** A line the wrap may join: text only, no structure the source declared. */
const plain = (l: SourceLine): boolean => Boolean(l.text) && !l.heading && !l.image && !l.table && !l.list && !l.furniture;

/** The common printed line width of lines of these widths, or null when they do not share one. */
function commonWidth(lines: SourceLine[], widthOf: number[]): { measure: number; near: number } | null {
  const widths = lines.flatMap((l, k) => (plain(l) ? [Math.round(widthOf[k]!)] : []));
  if (widths.length < 8) return null;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const near = (w: number) => (counts.get(w) ?? 0) + (counts.get(w - 1) ?? 0) + (counts.get(w + 1) ?? 0);
  let best = 0;
  for (const w of counts.keys()) if (w >= MIN_MEASURE && (near(w) > near(best) || (near(w) === near(best) && w > best))) best = w;
  if (best === 0 || near(best) < 3) return null;
  // Nothing may be much wider: a draft with real long paragraphs is not wrapped.
  const wider = widths.filter((w) => w > best + 2).length;
  if (wider > widths.length * 0.05) return null;
  // The full lines are the bulk of the long ones (a paragraph's last line is shorter, headings and
  // list items shorter still) — or, where short paragraphs and labels outnumber them, they are prose
  // cut mid-clause (a list's items hold no comma) and no line at all is wider.
  const long = widths.filter((w) => w >= MIN_MEASURE / 2).length;
  const atBest = (l: SourceLine, k: number) => plain(l) && Math.abs(Math.round(widthOf[k]!) - best) <= 1;
  const prose = lines.filter((l, k) => atBest(l, k) && CLAUSE_INSIDE.test(l.text)).length;
  if (near(best) < long * 0.3 && !(prose >= 3 && wider === 0)) return null;
  // Either way some full line holds a mark of running text: a list whose bare names all come to one
  // width (an indent brings guizhou-2023's 22-cell addresses to 24) is never wrapped text.
  if (!lines.some((l, k) => atBest(l, k) && /[,，;；、。:：](?!$)/u.test(l.text))) return null;
  // The measure is the width most full lines come to: a line hanging its closing mark a cell over it
  // (禁则) makes the neighbourhood of the wider width as crowded, not the page's measure.
  let measure = best;
  for (const w of [best - 1, best + 1]) if ((counts.get(w) ?? 0) > (counts.get(measure) ?? 0)) measure = w;
  return { measure, near: near(best) };
}

/**
 * The measure a draft copied from print was set at, and the widths of its lines in the convention
 * that print used: the ambiguous marks full-width (a CJK face) or half. Where a CJK face set the
 * page, counting them half makes a full line of prose the narrower the more of them it holds (by half a
 * cell each); where they were set half, the full lines' half widths do not depend on how many they hold.
 * Null when the lines share no measure.
 */
function wrapWidth(lines: SourceLine[], c: Cells[]): { measure: number; widths: number[] } | null {
  const narrow = c.map((x) => x.narrow);
  const a = commonWidth(lines, narrow);
  if (!c.some((x) => x.ambiguous > 0)) return a && { measure: a.measure, widths: narrow };
  const full = c.map((x) => x.narrow + x.ambiguous / 2);
  const b = commonWidth(lines, full);
  if (!b) return a && { measure: a.measure, widths: narrow };
  if (!a) return { measure: b.measure, widths: full };
  // The slope of a prose line's half width on its ambiguous marks, over the lines about the measure.
  const xs: number[] = [];
  const ys: number[] = [];
  lines.forEach((l, k) => {
    if (plain(l) && narrow[k]! >= a.measure - 3 && narrow[k]! <= a.measure + 1.5 && CLAUSE_INSIDE.test(l.text)) {
      xs.push(c[k]!.ambiguous);
      ys.push(narrow[k]!);
    }
  });
  const mx = xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
  const my = ys.reduce((s, y) => s + y, 0) / (ys.length || 1);
  let cov = 0;
  let v = 0;
  xs.forEach((x, k) => {
    cov += (x - mx) * (ys[k]! - my);
    v += (x - mx) ** 2;
  });
  return v > 0 && cov / v < -0.25 ? { measure: b.measure, widths: full } : { measure: a.measure, widths: narrow };
}

/** Two pieces of one paragraph as one line; styled runs (bold, footnotes) are kept when either piece had them. */
function join(a: SourceLine, b: SourceLine): SourceLine {
  // (Latin words cut at a space lose it to the line end: it comes back between them.)
  const space = /[A-Za-z,.;:]$/u.test(a.text) && /^[A-Za-z(]/u.test(b.text) && hanShare(a.text) < 0.5 ? ' ' : '';
  const joined: SourceLine = { text: a.text + space + b.text };
  if (a.indent) joined.indent = true;
  if (a.inlines || b.inlines) {
    const runs = (l: SourceLine): Inline[] => l.inlines ?? [{ type: 'text', text: l.text }];
    joined.inlines = [...runs(a), ...(space ? [{ type: 'text', text: space } as Inline] : []), ...runs(b)];
  }
  return joined;
}

/** Cells of a line's first word: a Latin word up to its space, else one character (what a line break could not have fitted). */
function firstWord(text: string): number {
  let n = 0;
  while (n < text.length && n < 40 && WORD_CHARS.has(text[n]!)) n++;
  let w = n === 0 ? 1 : n / 2;
  if (n === 0) n = 1;
  // What print keeps with it: a closing mark after it (禁则), or an opening one and the character it opens.
  const next = text[n];
  if (next !== undefined && (NO_LINE_START.has(next) || CJK_PUNCT_ASCII.has(next))) w += 1;
  else if (next !== undefined && OPENING.has(next)) w += 2;
  return w;
}
/** Characters of a word or a number print does not break ("1.5‰", "100%", "NetEase"). */
const WORD_CHARS = new Set([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%‰℃.\'’-']);
const OPENING = new Set(['（', '(', '《', '“', '‘', '「', '『', '【', '〔']);
const latinEnd = (text: string): boolean => /[A-Za-z0-9,.;:)]$/u.test(text);

/** Page numbers and the running heads beside them, and a table of contents: lines of a PDF's pages, not of its text. */
function pageFurniture(lines: SourceLine[], entries: Set<string>): Set<number> {
  const out = new Set<number>();
  const folios: Array<{ at: number; n: number }> = [];
  lines.forEach((l, k) => {
    const m = FOLIO.exec(l.text);
    if (m) folios.push({ at: k, n: Number(m[1] ?? m[2]) });
  });
  // Numbers a page apart that count up: folios (a table's or a list's numbers stand lines apart).
  folios.forEach((f, j) => {
    const paged = (g: { at: number; n: number } | undefined, dir: number) =>
      g !== undefined && (g.at - f.at) * dir >= PAGE_LINES && (g.n - f.n) * dir >= 1 && (g.n - f.n) * dir <= 3;
    if (paged(folios[j + 1], 1) || paged(folios[j - 1], -1)) out.add(f.at);
  });
  if (out.size < 2) out.clear();
  // A running head: the same line beside two or more folios (under the page number before, or over it).
  const beside = new Map<string, number[]>();
  for (const at of out) {
    for (const k of [at - 2, at - 1, at + 1, at + 2]) {
      const l = lines[k];
      if (!l || !plain(l) || out.has(k) || l.text.length > 60) continue;
      beside.set(l.text, [...(beside.get(l.text) ?? []), k]);
    }
  }
  for (const ks of beside.values()) if (new Set(ks).size >= 2) for (const k of ks) out.add(k);
  // Or, on the only page turn, a short line under the folio that falls inside a sentence running on over the turn.
  for (const at of [...out]) {
    const head = lines[at + 1];
    const before = lines[at - 1];
    const after = lines[at + 2];
    if (!head || out.has(at + 1) || !plain(head) || head.text.length > 60 || PARAGRAPH_END.test(head.text)) continue;
    if (before && plain(before) && !out.has(at - 1) && !/[。！？!?：:]$/u.test(before.text) && after && plain(after) && !after.indent) out.add(at + 1);
  }
  // A table of contents: its entries end in their page numbers, set off by spaces or leaders; an entry
  // wrapped over two lines is one entry.
  // (Every line of every draft passes here: the cheap test first.)
  const toc = lines.findIndex((l) => l.text.includes('录') && squeeze(l.text) === '目录');
  if (toc >= 0) {
    let k = toc + 1;
    let wrapped = '';
    while (k < lines.length && (TOC_ENTRY.test(lines[k]!.text) || (k + 1 < lines.length && TOC_ENTRY.test(lines[k + 1]!.text) && !TOC_ENTRY.test(lines[k]!.text) && lines[k]!.text.length <= 60))) {
      const entry = lines[k]!.text.replace(TOC_NUMBER, '');
      if (TOC_ENTRY.test(lines[k]!.text)) {
        // An entry's title, with and without the unit the contents print after it ("（某某市民政局）").
        for (const e of [wrapped + entry, wrapped, entry]) if (e) for (const t of [e, e.replace(/[（(][^（()）]{2,30}[)）]$/u, '')]) if (t.length >= 6) entries.add(squeeze(t));
        wrapped = '';
      } else wrapped = entry;
      out.add(k++);
    }
    if (k > toc + 1) out.add(toc);
  }
  return out;
}

const squeeze = (t: string): string => t.replace(/[\s\u3000]+/gu, '');
const TOC_NUMBER = /(?:\s+|\s*[.．·…]{3,}\s*)[0-9]{1,3}$/u;

/** A heading the page set over two or three lines (a centred title too long for one) rejoined where the contents name it whole. */
function contentsHeadings(lines: SourceLine[], entries: Set<string>): SourceLine[] {
  if (entries.size === 0) return lines;
  const out: SourceLine[] = [];
  for (let k = 0; k < lines.length; k++) {
    let joined: SourceLine | null = null;
    let upTo = k;
    let text = plain(lines[k]!) ? squeeze(lines[k]!.text) : '';
    for (let j = k + 1; text && j < Math.min(lines.length, k + 3) && plain(lines[j]!); j++) {
      text += squeeze(lines[j]!.text);
      if (entries.has(text)) upTo = j;
    }
    if (upTo > k) {
      joined = lines[k]!;
      for (let j = k + 1; j <= upTo; j++) joined = join(joined, lines[j]!);
      out.push(joined);
      k = upTo;
    } else out.push(lines[k]!);
  }
  return out;
}

/** A line's end inside a clause: a character or a pause, not a closing mark (a lone full line that ends on 》 may be a list's item). */
const MID_CLAUSE_END = /[\u4e00-\u9fa5，,、；;]$/u;
/** Marks a typesetter never sets at a line's start (禁则). */
const NO_LINE_START = new Set(['，', '。', '、', '；', '：', '！', '？', '）', '》', '〕', '】', '」', '』', '”', '’']);
/** A line that opens a 《title》 or a bracket it does not close: the next line closes it, so no title nor 主送 ends there. */
function unclosed(text: string): boolean {
  let open = 0;
  for (const ch of text) {
    if (ch === '《' || ch === '（' || ch === '(') open++;
    else if ((ch === '》' || ch === '）' || ch === ')') && open > 0) open--;
  }
  return open > 0;
}
/** Closing marks a wrap leaves at a line's end only by chance. */
const CLOSING = new Set(['》', '”', '）', ')', '」', '』']);
/** Lines that end alike on a closing mark (every one a unit's name and its 《title》): a list's items, not a paragraph's pieces. */
function itemsClosed(run: SourceLine[]): boolean {
  const counts = new Map<string, number>();
  for (const l of run) {
    const end = l.text[l.text.length - 1]!;
    if (CLOSING.has(end)) counts.set(end, (counts.get(end) ?? 0) + 1);
  }
  return [...counts.values()].some((n) => n >= 2 && n >= run.length / 2);
}

/**
 * Lines that end a full printed line inside a paragraph of a draft not wrapped throughout: runs of
 * two or more lines of one width (within two cells and a half: punctuation squeezing, a half-width digit, a bracket
 * moved to the next line) of at least the narrowest measure, none ending a sentence, mostly Han and one holding a comma inside
 * (prose, not names joined by 、 nor a footer's Latin), followed by a line no wider that continues them. Once a run has
 * shown the measure, a lone full line of that width holding a clause mark, followed by one that continues it, breaks too;
 * and a run of Latin lines (an English notice, a script) breaks where the next line's first word would not have fitted.
 */
function localBreaks(lines: SourceLine[], widths: number[], startsParagraph: (k: number) => boolean): Set<number> {
  const breaks = new Set<number>();
  // (Mostly Han by the cells it fills: a dateline's digits and brackets are narrow, a footer's Latin is most of it.)
  const han = lines.map((l) => hanCount(l.text));
  // (As hanShare reads it, from the count above: the Latin runs below ask it of every long line.)
  const hanShareAt = (k: number) => (lines[k]!.text.length === 0 ? 0 : han[k]! / lines[k]!.text.length);
  // Whether line k is a full line, asked once per line: each run from a line asks it of the lines after.
  const fullAt = new Int8Array(lines.length);
  const full = (k: number): boolean => {
    if (fullAt[k] === 0) fullAt[k] = plain(lines[k]!) && !PARAGRAPH_END.test(lines[k]!.text) && !CREDIT_END.test(lines[k]!.text) && han[k]! >= widths[k]! / 2 && (unclosed(lines[k]!.text) || !endsOwnLine(lines[k]!.text)) ? 1 : 2;
    return fullAt[k] === 1;
  };
  // (A copy wrapped by characters, as a text editor or a mail client counts them, has full lines of one length instead.)
  const chars = lines.map((l) => codePoints(l.text) + (l.indent ? 2 : 0));
  const closes = (k: number, hi: number, of = widths) => k < lines.length && plain(lines[k]!) && of[k]! <= hi + 1 && !startsParagraph(k);
  const measures: Array<[number, number]> = [];
  /** The run of full lines from i whose widths (cells, or characters) agree within `span`. */
  const runFrom = (i: number, of: number[], span: number): { j: number; lo: number; hi: number } => {
    let lo = of[i]!;
    let hi = lo;
    let j = i;
    while (j + 1 < lines.length && full(j + 1) && !startsParagraph(j + 1) && Math.max(hi, of[j + 1]!) - Math.min(lo, of[j + 1]!) <= span) {
      j++;
      lo = Math.min(lo, of[j]!);
      hi = Math.max(hi, of[j]!);
    }
    return { j, lo, hi };
  };
  let i = 0;
  while (i < lines.length) {
    if (Math.max(widths[i]!, chars[i]!) < MIN_MEASURE || !full(i)) {
      i++;
      continue;
    }
    let end = i;
    for (const [of, span] of [[widths, 2.5], [chars, 1]] as const) {
      if (of[i]! < MIN_MEASURE) continue;
      const { j, lo, hi } = runFrom(i, of, span);
      end = Math.max(end, j);
      // (The clause mark may sit in the line that closes the run.)
      const prose = lines.slice(i, j + 2).some((l) => CLAUSE_INSIDE.test(l.text));
      if (j > i && closes(j + 1, hi, of) && prose && !itemsClosed(lines.slice(i, j + 2))) {
        for (let k = i; k <= j; k++) breaks.add(k);
        if (of === widths) measures.push([lo, hi]);
        end = j;
        break;
      }
    }
    i = end + 1;
  }
  const seen = new Set<string>();
  for (const [lo, hi] of measures) {
    if (seen.has(`${lo} ${hi}`)) continue;
    seen.add(`${lo} ${hi}`);
    lines.forEach((l, k) => {
      if (!breaks.has(k) && widths[k]! >= lo - 0.5 && widths[k]! <= hi + 0.5 && full(k) && MID_CLAUSE_END.test(l.text) && CLAUSE_INSIDE.test(l.text) && closes(k + 1, hi)) breaks.add(k);
    });
  }
  // A line no unit starts with (a closing mark, a comma: 禁则 keeps them off a line's start) continues the one before.
  lines.forEach((l, k) => {
    const after = lines[k + 1];
    if (after && plain(l) && plain(after) && Math.max(widths[k]!, chars[k]!) >= MIN_MEASURE && NO_LINE_START.has(after.text[0]!)) breaks.add(k);
  });
  // Latin runs: three or more lines of words, ragged at a measure of print (an English paragraph of a web page is one long line).
  i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && plain(lines[j]!) && widths[j]! >= MIN_MEASURE && hanShareAt(j) < 0.5 && lines[j]!.text.includes(' ')) j++;
    if (j - i >= 2 && j < lines.length && plain(lines[j]!) && hanShareAt(j) < 0.5) j++;
    if (j - i >= 3) {
      const m = Math.max(...widths.slice(i, j - 1));
      const ragged = (k: number) => latinEnd(lines[k]!.text) && widths[k]! + 0.5 + firstWord(lines[k + 1]!.text) > m;
      if (m <= 60 && widths[j - 1]! <= m + 0.5) {
        let all = true;
        for (let k = i; k < j - 1; k++) all &&= ragged(k);
        if (all) for (let k = i; k < j - 1; k++) breaks.add(k);
      }
    }
    i = Math.max(j, i + 1);
  }
  return breaks;
}

export function unwrap(input: SourceLine[]): SourceLine[] {
  const entries = new Set<string>();
  const folios = pageFurniture(input, entries);
  const lines = folios.size ? input.map((l, k) => (folios.has(k) ? { ...l, furniture: true } : l)) : input;
  const lineCells = lines.map(cells);
  const narrow = lineCells.map((c) => c.narrow);
  // Where paragraphs are indented, an indented line always starts a new one.
  const indented = lines.filter((l) => l.indent).length;
  const usesIndent = indented >= 2 && indented < lines.length * 0.8;
  // (The line before a paragraph's next piece, across a page's furniture.)
  const next = (k: number): number => {
    let j = k + 1;
    while (j < lines.length && folios.has(j)) j++;
    return j;
  };
  const prev = (k: number): number => {
    let j = k - 1;
    while (j >= 0 && folios.has(j)) j--;
    return j;
  };
  // Asked once per line (0 not yet, 1 yes, 2 no): the runs and the continuations ask it of the same lines again.
  const startsAt = new Int8Array(lines.length);
  const startsParagraph = (k: number): boolean => {
    if (startsAt[k] === 0) startsAt[k] = opensParagraph(k) ? 1 : 2;
    return startsAt[k] === 1;
  };
  const opensParagraph = (k: number): boolean => {
    const l = lines[k]!;
    // (Where paragraphs are indented, the indent alone says it: "四是" or "3." opening a line unindented is a
    // run-in enumeration the wrap happened to set at a line's start.)
    if (usesIndent ? Boolean(l.indent) : STARTS_BLOCK.test(l.text)) return true;
    if (isDateLine(l.text) || STAMP_ONLY.test(l.text) || STAMP_START.test(l.text)) return true;
    // A 署名 over its 成文日期 (an organ named alone, the date under it).
    const after = lines[next(k)];
    if (after && l.text.length <= 26 && isDateLine(after.text) && ISSUER_NAME.test(l.text)) return true;
    // An item of what the line before introduced ("名单如下:" / "北京市:海淀区、密云县").
    const before = lines[prev(k)];
    // So is each of a list's rows that open on their label as the row before does ("某市某县:…" / "某市某区:…").
    return Boolean(before && (/[:：]$/u.test(before.text) || LABEL_START.test(before.text)) && LABEL_START.test(l.text));
  };
  // A page's head of labelled fields ends its own line: the next holds the next fields, or the text.
  const ownLine = (k: number): boolean => {
    const t = lines[k]!.text;
    // A row ends its line where its last cell closes on a bar, or where the next line is no row; it runs on
    // after a step's mark or a label's colon, and into a line of more cells or steps.
    const row = isRow(t);
    const after = lines[next(k)]?.text ?? '';
    // (A row of names wrapped runs on into its last piece: a shorter line holding no clause mark, as a joint title's end.)
    const lastPiece = () => isGapRow(t) && !/[，,。；;]/u.test(after) && cells({ text: after }).narrow < narrow[k]! - 2;
    if (row && !/[>»＞:：]$/u.test(t) && (t.endsWith('|') || t.endsWith('｜') || (!isRow(after) && !lastPiece()))) return true;
    const fields = Math.max(t.match(FIELD_LABEL)?.length ?? 0, t.match(FIELD_PAIR)?.length ?? 0);
    if (fields < 2 || /[:：]$/u.test(t)) return false;
    // Unless the wrap cut a label (the next line opens on its last character and the colon, "词: …") or a
    // value (the next line opens on the value's end, then more fields: "丰市政府办 成文日期:…").
    if (/^[\u4e00-\u9fa5]\s*[:：]/u.test(after)) return false;
    // (search, unlike exec, neither reads nor moves the global pattern's lastIndex.)
    return after.search(FIELD_PAIR) <= 0;
  };
  const wrapped = wrapWidth(lines, lineCells);
  // Which lines end on a full printed line inside their paragraph: the next line continues them.
  let continues: (k: number) => boolean;
  if (wrapped !== null) {
    const { measure: w, widths } = wrapped;
    continues = (k) => {
      const line = lines[k]!;
      const after = lines[next(k)];
      // (Or the next line's first word, a number or a Latin word print does not break, would not have fitted.)
      // (Half a cell of slack: print squeezes a line's punctuation to justify it, which cells do not see.)
      const fills = widths[k]! >= w - 1.5 || Boolean(after && widths[k]! + (latinEnd(line.text) ? 0.5 : 0) + firstWord(after.text) > w - 0.5);
      // Items that close alike on their 》 or ” (a list of units and their 《titles》) end their lines however full.
      const end = line.text[line.text.length - 1]!;
      if (after && CLOSING.has(end) && after.text.endsWith(end)) return false;
      // A line well over the measure was never cut at it (a row, a link the copy kept whole).
      if (widths[k]! > w + 2.5) return false;
      // (A document's title and its 主送 end their lines however full: notice.ts endsOwnLine.)
      return fills && (usesIndent || !PARAGRAPH_END.test(line.text)) && (unclosed(line.text) || !endsOwnLine(line.text)) && !ownLine(k);
    };
  } else {
    const breaks = localBreaks(lines, narrow, startsParagraph);
    if (breaks.size === 0) return folios.size ? contentsHeadings(lines, entries) : input;
    continues = (k) => breaks.has(k) && !ownLine(k);
  }
  const out: SourceLine[] = [];
  let openAt = -1;
  lines.forEach((line, k) => {
    if (folios.has(k)) {
      // The page's furniture stays in place (listed as dropped); the paragraph runs on past it.
      out.push(line);
      return;
    }
    if (openAt >= 0 && plain(line) && !startsParagraph(k)) {
      out[openAt] = join(out[openAt]!, line);
    } else {
      out.push(line);
      openAt = out.length - 1;
      if (!plain(line)) {
        openAt = -1;
        return;
      }
    }
    // Keep joining only while the line so far ends on a full printed line.
    if (!continues(k)) openAt = -1;
  });
  return contentsHeadings(out, entries);
}
