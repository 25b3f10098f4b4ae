/**
 * A fitted line classifier: for each line of a page, how likely it is the page's headline and how
 * likely it is page furniture, from general features of the line and its place on the page
 * (position against the first paragraph of running text, length, the share of punctuation, digits
 * and Latin letters, sentence marks, link and field shapes, the furniture lexicon, dates, repeats,
 * similarity to the text, a document title's grammar, a reporter's byline, a colophon's vocabulary, a row
 * of bodies' names, a headline's shape below the text). The weights are fitted by logistic
 * regression on the tuning pages (scripts/fit-lines.ts, cross-validated leaving one batch out) and
 * live in linemodel.weights.ts; nothing here names a site, a page or a phrase of one document.
 */
import type { SourceLine } from '../lines.js';
import { DATE_ONLY, findDate, NUMERIC_DATE } from './dates.js';
import { bigramShare } from '../../model/similarity.js';
import { DOCUMENT_TITLE, isLinkRow, isNameOnly, isNeverTitle, isReporterByline, NEWS_DATELINE } from './title.js';
import { isNameAlone } from './orgnames.js';
import { LINE_WEIGHTS } from './linemodel.weights.js';
import { findMentions } from '../../regions/index.js';

export interface LineWeights {
  /** Feature names, in the order of the weight vectors: a weights file written for other features is refused. */
  features: readonly string[];
  headline: readonly number[];
  furniture: readonly number[];
  /** Probability above which a line is furniture. */
  furnitureAt: number;
}

/** The features, by name, in the order lineFeatures returns them. */
export const LINE_FEATURES = [
  'bias',
  'index',
  'first',
  'relative',
  'aboveText',
  'belowText',
  'toText',
  'length',
  'veryShort',
  'short',
  'headlineLength',
  'long',
  'punctuation',
  'digits',
  'latin',
  'han',
  'endsSentence',
  'holdsSentence',
  'endsOpen',
  'comma',
  'colonField',
  'spaces',
  'bars',
  'linkRow',
  'url',
  'lexicon',
  'date',
  'dateOnly',
  'metaLabel',
  'phone',
  'repeated',
  'shareWithText',
  'shareWithPage',
  'documentTitle',
  'neverTitle',
  'nameOnly',
  'heading',
  'bold',
  'brackets',
  'subtitleDash',
  'listMark',
  'datelineBelow',
  'aboveShort',
  'belowShort',
  'place',
  'likeNeighbours',
  'enumeration',
  'byline',
  'colophon',
  'nameRow',
  'headlineBelow',
  'underHeadlineBelow',
] as const;

/** What every line's features are read against: the page's lines and where its running text is. */
export interface LinePage {
  texts: string[];
  /** Index of the first line of running text (a sentence of 30 characters or more), or texts.length. */
  firstText: number;
  /** Index of the last such line, or -1. */
  lastText: number;
  /** The first paragraphs of running text, which a headline repeats. */
  opening: string;
  counts: Map<string, number>;
  /** Chinese character pairs over the whole page (as hanBigrams numbers them), with their counts. */
  bigrams: Map<number, number>;
  /** Index of the first line with text. */
  firstLine: number;
  /** Whether the furniture lexicon and shapes call line i furniture (asked only of the lines scored). */
  lexicon: (i: number) => boolean;
  heading: boolean[];
  bold: boolean[];
}

const RUNNING = /[。！？]/u;

/** Running text: a sentence of some length (a poem's or a list's short sentences count too). */
function isRunning(text: string): boolean {
  return text.length >= 10 && /[。！？][”’」』)）]?$/u.test(text);
}

/** `lexicon` says which lines the furniture lexicon and shapes (clean.ts, furniture.ts) call furniture. */
export function linePage(lines: readonly SourceLine[], lexicon: (text: string) => boolean): LinePage {
  // A table copied cell by cell leaves a bar after each cell ("类别 |"): the cell is read without it, as clean() reads it.
  const texts = lines.map((l) => {
    const t = l.text.trim();
    const cell = t.replace(/^[|｜]\s*/u, '').replace(/\s*[|｜]$/u, '');
    return cell !== t && cell && !/[|｜]/u.test(cell) ? cell : t;
  });
  // A site's sentence about itself ("本文为某频道原创文章,转载请…。") is its furniture, not running text.
  const running = (t: string): boolean => isRunning(t) && !lexicon(t);
  let firstText = texts.findIndex(running);
  if (firstText < 0) firstText = texts.length;
  let lastText = -1;
  for (let i = texts.length - 1; i >= 0; i--) {
    if (running(texts[i]!)) {
      lastText = i;
      break;
    }
  }
  // (The first three such lines: the scan stops there rather than testing the whole page.)
  const openingLines: string[] = [];
  for (let i = firstText; i < texts.length && openingLines.length < 3; i++) if (isRunning(texts[i]!)) openingLines.push(texts[i]!);
  const opening = openingLines.join('\n');
  const counts = new Map<string, number>();
  for (const t of texts) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  const bigrams = new Map<number, number>();
  for (const t of texts) countHanBigrams(t, bigrams);
  const hits = new Map<number, boolean>();
  return {
    texts,
    firstText,
    lastText,
    opening,
    counts,
    bigrams,
    firstLine: texts.findIndex((t) => t !== ''),
    lexicon: (i) => {
      let hit = hits.get(i);
      if (hit === undefined) hits.set(i, (hit = Boolean(texts[i]) && lexicon(texts[i]!)));
      return hit;
    },
    heading: lines.map((l) => l.heading !== undefined),
    bold: lines.map((l) => Boolean(l.inlines?.length && l.inlines.every((r) => r.type !== 'text' || !r.text.trim() || r.marks?.includes('bold')))),
  };
}

const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fa5;

/**
 * The pairs of Han characters next to each other once the rest is taken out, each as one small
 * integer: every line of a page is counted, and a string of two characters per pair for the Map
 * to hash was most of the page's reading.
 */
/** hanBigrams(text), each pair counted into `into` as it is found (no array of them per line). */
function countHanBigrams(text: string, into: Map<number, number>): void {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < HAN_FIRST || c > HAN_LAST) continue;
    if (prev >= 0) {
      const g = (prev - HAN_FIRST) * (HAN_LAST - HAN_FIRST + 1) + (c - HAN_FIRST);
      into.set(g, (into.get(g) ?? 0) + 1);
    }
    prev = c;
  }
}

function hanBigrams(text: string): number[] {
  const out: number[] = [];
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < HAN_FIRST || c > HAN_LAST) continue;
    if (prev >= 0) out.push((prev - HAN_FIRST) * (HAN_LAST - HAN_FIRST + 1) + (c - HAN_FIRST));
    prev = c;
  }
  return out;
}

/** Share of a line's character pairs that the rest of the page also has (bigramShare against every other line, in one pass). */
function shareWithPage(page: LinePage, t: string): number {
  const own = hanBigrams(t);
  if (own.length === 0) return 0;
  const mine = new Map<number, number>();
  for (const g of own) mine.set(g, (mine.get(g) ?? 0) + 1);
  // The line's own copies (a headline printed twice) are the page's too: only this one is left out.
  let hit = 0;
  for (const g of own) if ((page.bigrams.get(g) ?? 0) > mine.get(g)!) hit++;
  return hit / own.length;
}

const META_LABEL = /(?:来源|作者|编辑|责编|记者|通讯员|发布|时间|日期|浏览|阅读|点击|访问)\s*[:：]/u;
const PHONE = /(?:[0-9]{3,4}-)?[0-9]{7,8}|1[3-9][0-9]{9}/u;
const LIST_MARK = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]{1,2}[.、．]|第[一二三四五六七八九十]+[章条节部])/u;

/**
 * The vocabulary of a site's or a publisher's colophon, by class: rights (版权, 权利人, 转载, 刊载), who
 * runs it (主办, 主管, 承办, 出品), how to reach it (地址, 邮箱, 电话, 举报, QQ) and its registration
 * (ICP, 备案, 许可证, 标识码). A draft's own sentences use one such word now and then; a colophon line
 * is made of them.
 */
const COLOPHON = [
  /版权|著作权|权利人|侵权|转载|刊载|原载|原文/u,
  /主办|主管|承办|协办|出品|运营|技术支持/u,
  /ICP|备案|许可证|标识码|公网安备/iu,
];
/** Ways to reach a site: its foot lists several; a draft's own contact line ("联系电话:…") gives one, and stays. */
const CONTACT = /地址|邮箱|邮编|电话|热线|举报|客服|QQ|E-?mail|微信号|ID\s*[:：]/giu;

function colophon(t: string): number {
  const reach = new Set((t.match(CONTACT) ?? []).map((w) => w.toLowerCase())).size >= 2 ? 1 : 0;
  return (COLOPHON.filter((re) => re.test(t)).length + reach) / 2;
}

/**
 * A row of bodies' or places' names (a list's row: "我市入选社区: 甲社区 乙社区 丙社区"): two names at
 * least, apart by blanks or 、 after an optional label. A menu's words name no body.
 */
function nameRow(t: string): boolean {
  if (t.length > 200 || RUNNING.test(t)) return false;
  const parts = t.replace(/^[^:：]{1,12}[:：]/u, '').split(/[\s\u3000、，,；;]+/u).filter(Boolean);
  return parts.length >= 2 && parts.filter((p) => p.length >= 3 && isNameAlone(p)).length >= 2;
}

/**
 * Shaped as a headline (8–40 characters, no sentence, no open end) below the page's running text: a
 * side column's headline of another article, or a related story's, which a teaser may follow.
 */
function headlineShaped(t: string): boolean {
  const len = [...t].length;
  return len >= 8 && len <= 40 && !/[。！？!?]/u.test(t) && !/[，,、:：；;]$/u.test(t) && !isNeverTitle(t);
}

/** A line's shape, to compare it with its neighbours: rows of one list or one menu share theirs. */
function shape(t: string): string {
  const len = [...t].length;
  return `${len <= 6 ? 's' : len <= 16 ? 'm' : len <= 40 ? 'l' : 'x'}${RUNNING.test(t) ? '.' : ''}${/[0-9０-９]/u.test(t) ? '9' : ''}${/[:：]/u.test(t) ? ':' : ''}`;
}

export function likeNeighbours(page: LinePage, i: number): number {
  const mine = shape(page.texts[i]!);
  let like = 0;
  let seen = 0;
  for (const step of [-1, 1]) {
    let taken = 0;
    for (let k = i + step; k >= 0 && k < page.texts.length && taken < 2; k += step) {
      if (!page.texts[k]) continue;
      taken++;
      seen++;
      if (shape(page.texts[k]!) === mine) like++;
    }
  }
  return seen ? like / seen : 0;
}

function prevIndex(page: LinePage, i: number): number {
  for (let k = i - 1; k >= 0; k--) if (page.texts[k]) return k;
  return -1;
}

function near(page: LinePage, i: number, step: number): string {
  for (let k = i + step; k >= 0 && k < page.texts.length; k += step) if (page.texts[k]) return page.texts[k]!;
  return '';
}

/** The features of line `i` of the page (LINE_FEATURES' order); most lie in [0, 1]. */
export function lineFeatures(page: LinePage, i: number): number[] {
  const t = page.texts[i]!;
  const n = Math.max(1, page.texts.length);
  const len = [...t].length;
  const count = (re: RegExp) => (t.match(re)?.length ?? 0) / Math.max(1, len);
  const above = near(page, i, -1);
  const below = near(page, i, 1);
  const toText = Math.max(-10, Math.min(10, page.firstText - i)) / 10;
  const notHere = page.opening.replace(t, '');
  return [
    1,
    Math.log1p(i) / 4,
    i === page.firstLine ? 1 : 0,
    i / n,
    i < page.firstText ? 1 : 0,
    i > page.lastText ? 1 : 0,
    toText,
    Math.log1p(len) / 5,
    len <= 4 ? 1 : 0,
    len <= 12 ? 1 : 0,
    len >= 8 && len <= 40 ? 1 : 0,
    len > 60 ? 1 : 0,
    count(/[\p{P}\p{S}]/gu),
    count(/[0-9０-９]/gu),
    count(/[A-Za-z]/gu),
    count(/[\u4e00-\u9fa5]/gu),
    /[。！？!?]$/u.test(t) ? 1 : 0,
    RUNNING.test(t.slice(0, -1)) ? 1 : 0,
    /[，,、:：；;]$/u.test(t) ? 1 : 0,
    /[，,]/u.test(t) ? 1 : 0,
    /^[^。，,]{1,8}[:：]/u.test(t) ? 1 : 0,
    Math.min(5, t.split(/[\s\u3000]+/u).length - 1) / 5,
    Math.min(3, t.match(/[|｜>＞»›]/gu)?.length ?? 0) / 3,
    isLinkRow(t) ? 1 : 0,
    /https?:\/\/|www\./iu.test(t) ? 1 : 0,
    page.lexicon(i) ? 1 : 0,
    findDate(t) || NUMERIC_DATE.test(t) ? 1 : 0,
    DATE_ONLY.test(t.replace(/\s+/gu, '')) ? 1 : 0,
    META_LABEL.test(t) ? 1 : 0,
    PHONE.test(t) ? 1 : 0,
    (page.counts.get(t) ?? 0) > 1 ? 1 : 0,
    bigramShare(t, notHere),
    shareWithPage(page, t),
    DOCUMENT_TITLE.test(t) ? 1 : 0,
    isNeverTitle(t) ? 1 : 0,
    isNameOnly(t) ? 1 : 0,
    page.heading[i] ? 1 : 0,
    page.bold[i] ? 1 : 0,
    /^[[【(（<〔].*[\]】)）>〕]$/u.test(t) ? 1 : 0,
    /^(?:——|--|—)/u.test(t) ? 1 : 0,
    LIST_MARK.test(t) ? 1 : 0,
    NEWS_DATELINE.test(below) || (below.length <= 90 && !RUNNING.test(below) && (META_LABEL.test(below) || Boolean(findDate(below)))) ? 1 : 0,
    above && above.length <= 12 && !RUNNING.test(above) ? 1 : 0,
    below && below.length <= 12 && !RUNNING.test(below) ? 1 : 0,
    findMentions(t).length > 0 ? 1 : 0,
    likeNeighbours(page, i),
    /[、；;]/u.test(t) ? 1 : 0,
    isReporterByline(t) ? 1 : 0,
    Math.min(1, colophon(t)),
    nameRow(t) ? 1 : 0,
    i > page.lastText && headlineShaped(t) ? 1 : 0,
    i > page.lastText && prevIndex(page, i) > page.lastText && headlineShaped(page.texts[prevIndex(page, i)]!) ? 1 : 0,
  ];
}

const ORIGINAL_NOTE = /^[(（]?\s*原(?:标题|题)\s*[:：]/u;

let weights: LineWeights = LINE_WEIGHTS;

/** Replaces the fitted weights (scripts/fit-lines.ts, to score a left-out batch with weights fitted without it). */
export function useLineWeights(next: LineWeights): void {
  if (next.features.length && next.features.join() !== LINE_FEATURES.join()) throw new Error('line weights were fitted for other features');
  weights = next;
}

/** Whether weights for these features are installed (without them clean() keeps to its rules alone). */
export function hasLineModel(): boolean {
  return weights.features.length > 0 && weights.features.join() === LINE_FEATURES.join();
}

export function lineWeights(): LineWeights {
  return weights;
}

function logistic(w: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let k = 0; k < x.length; k++) z += (w[k] ?? 0) * x[k]!;
  return 1 / (1 + Math.exp(-z));
}

export interface LineScore {
  headline: number;
  furniture: number;
}

/**
 * Both probabilities of line i of the page (0 for an empty line, or without weights), computed when
 * first asked: clean() asks only of the lines at the head and the foot, so a long draft pays for few.
 */
export function scoreLines(page: LinePage): (i: number) => LineScore {
  const fitted = hasLineModel();
  const memo = new Map<number, LineScore>();
  return (i) => {
    let s = memo.get(i);
    if (s) return s;
    const t = page.texts[i];
    if (!t || !fitted) s = { headline: 0, furniture: 0 };
    else {
      const x = lineFeatures(page, i);
      // A repost's note of its original headline ("原标题：…") names the headline the page replaced: under the
      // page's own headline it is never the likelier one, however well it sits over the date line.
      s = { headline: ORIGINAL_NOTE.test(t) ? 0 : logistic(weights.headline, x), furniture: logistic(weights.furniture, x) };
    }
    memo.set(i, s);
    return s;
  };
}

/** Taps for scripts/fit-lines.ts: each page clean() reads, with its features (never set in the app). */
let tap: ((page: LinePage, lines: readonly SourceLine[]) => void) | null = null;

export function tapLinePages(fn: ((page: LinePage, lines: readonly SourceLine[]) => void) | null): void {
  tap = fn;
}

export function observe(page: LinePage, lines: readonly SourceLine[]): void {
  tap?.(page, lines);
}
