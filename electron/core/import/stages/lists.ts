/**
 * Award and shortlist documents: lists whose items are cases without body text. The shapes
 * portals print (each a run of at least three items, so a page's odd line never makes a list):
 *   - "地区:标题" lines ("长沙市长沙县:“三五”模式畅通组级微治理"),
 *   - bare addresses of awarded places ("哈尔滨市香坊区进乡街道松海社区"),
 *   - a place line over a title line (a table copied cell by cell),
 *   - numbered items "1.标题" with an optional "——副题" and "（单位）" line under award groups
 *     ("一等奖（5个）"),
 *   - inline lists inside one paragraph ("一、标题（单位） 二、标题（单位）"), and sentences listing
 *     "地区：标题；地区：标题",
 *   - a list's own heading ("…名单(排名不分先后):") over plain item lines, a heading of people
 *     (先进个人, 公益人物) whose lines are no cases,
 *   - places under their province ("北京市:海淀区、密云县", "湖北。秭归县"),
 *   - named rows after a cue ("这17个单位分别为甲、乙…", "包括甲、乙和丙"), places counted by kind
 *     ("甲、乙3城区,丙…5街道"), graded sentences naming 《标题——副题》 with their entrants.
 * Group headings are found by the list's structure (listheadings.ts: a marked short line over
 * short item lines, whatever its words), and a grade or a list's name by its words. The award of an
 * item is the nearest enclosing heading that names one, else the list's own name ("…典型案例名单"),
 * else the sentence that confers it ("评选出10个项目为…", "入选…", "公布…评选结果"); a heading that
 * names a place says where its items are.
 */
import type { SourceLine } from '../lines.js';
import type { Region, TableBlock } from '../../model/types.js';
import { blocksText } from '../../model/text.js';
import { findMentions, resolveRegion } from '../../regions/index.js';
import { AWARD_GROUP, type CaseDraft } from './split.js';
import { isPlaceOnly, isPlaceToken, splitPlaceLabel, streetCounty } from './placelabel.js';
import { honourGroups, rowPieces, sentenceRows, withoutRestatedCount } from './listrows.js';
import { CONFER_VERB, CONFER_VERB_WORD, nameRun, peopleLine, unitsLine, type RunName } from './listnames.js';
import { cellRows, COLUMN, headerColumns, OTHER_COLUMN } from './listcolumns.js';
import { listHeadings } from './listheadings.js';
import { isOrgName, parseOrgName } from './orgnames.js';
import { asConferred, HONOUR_WORD, honourOfListName, normaliseAward, statedAward } from './honours.js';
import { awardReport, namedInFull, withYear } from './listreports.js';

export interface ListItem {
  title: string;
  subtitle: string | null;
  unit: string | null;
  /** The place written with the item ("长沙市长沙县"), for its region. */
  place: string | null;
  award: string | null;
  at: number;
  /** The title was printed in 《》: a dash inside is the title's own, not a subtitle. */
  whole?: boolean;
  /** Named among an honour's winners after its cue or its total ("获X的是:甲、乙"): the sentence enumerates them. */
  grouped?: boolean;
}

export interface ListResult {
  items: ListItem[];
  /** Lines the items took (and their group headings), not lead text. */
  taken: Set<number>;
  /** The list's own name line ("湖南省第一批基层治理创新典型案例名单"), when there is one. */
  nameAt: number;
  /**
   * The one place the list's name or the page's first line names ("重庆日报", "…我省…"): where items
   * naming no place, unit or address of their own are from.
   */
  scope: string | null;
  /** The lines the scope is read from (a street they name says the county, looked up only for a list's items). */
  scopeTexts: string[];
  /** Some items were named in a row with people, who are no items: the page lists honourees, even one body. */
  besidePeople?: boolean;
  /** Every item is a group's first winner named with its count ("A等44个X"): the names stand for more. */
  summarised?: boolean;
  /** A report of an award (listreports.ts): its one entry stands for the whole text, which is the list's lead. */
  report?: boolean;
}

const SENTENCE = /[。！？]/u;
const COUNT = /\s*[（(]\s*(?:共\s*)?[0-9０-９]+\s*[个项家篇名]?\s*[)）]\s*[:：]?$/u;
/** A list's name standing alone on its line (maybe numbered as a group): "一、2012年度X初选名单", "Y名单:" — no sentence. */
const LIST_NAME_LINE = /^[^，,。！？；;]{4,60}(?:名单|名录)\s*[:：]?$/u;
/** An item's own number: "1.", "1、", "（1）", and a numbered case of a list, "案例1:", "案例一、". */
const NUMBERED = /^(?:[0-9０-９]{1,3}\s*[.．、。](?![0-9０-９])|[（(]\s*[0-9０-９]{1,3}\s*[)）]|案例\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[:：、.．])\s*/u;
const CN_NUMBERED = /^[一二三四五六七八九十]{1,3}\s*[、.．]\s*/u;
/** A bracketed unit after a title: "（溧阳市民政局）", "(常州市德安医院)". */
const UNIT_AFTER = /\s*[（(]\s*([\u4e00-\u9fa5（）()·]{3,30}?(?:局|厅|委|办|院|馆|中心|政府|街道|办事处|社区|村|镇|乡|协会|会|站|所|部|公司|集团|社会保障局|福利院|殡仪馆|医院|学校|单位))\s*[)）]\s*$/u;
/** "◉某省民政厅", "申报单位：…" lines under an item. */
const UNIT_LINE = /^(?:[◉●◎○•·]\s*|(?:申报单位|报送单位|推荐单位|创新单位|实施单位|单位)\s*[:：]\s*)(\S.{1,40})$/u;
const SUBTITLE = /^(?:——|--|—)\s*(\S.*)$/u;
const ORGAN_END = /(?:局|厅|委|办|政府|中心|院|馆|站|所|协会|街道|办事处|社区|村|镇|乡)$/u;
/** Where an awarded place's address ends: the unit that was named. */
const ADDRESS_END = /(?:社区|村|嘎查|街道|镇|乡|苏木|中心|院|站|馆|局|委员会|协会|服务社|养老院|福利院|幸福院)$/u;

/** A count line under a list heading: "(河北省4个)", "（共14个）". */
const COUNT_LINE = /^[（(][\u4e00-\u9fa5]{0,8}?(?:共\s*)?[0-9０-９]+\s*[个项家篇名]?[)）]$/u;
/** A unit as list lines name them: organs, and the homes and centres awarded for their service. */
const ORGAN_END_LIST = /(?:局|厅|委|办|政府|中心|院|馆|站|所|协会|商会|基金会|联合会|促进会|公寓|敬老院|养老院|服务社|街道|办事处|社区|居民委员会|村民委员会)$/u;
/** A body's part or party branch ends a body's name too ("…村党支部", "…联合会对外联络部"): such a line names no case. */
const BODY_PART = /(?:党支部|党总支|党委|支部|[^东西南北内外全局]部|处|科|室)$/u;
/** A county-level place as a list prints it, GB/T 2260 or not: "密云县", "农八师一二一团". */
const COUNTY_PIECE = /^[\u4e00-\u9fa5]{1,14}(?:县|区|市|旗|团|师|镇|乡|街道)$/u;

/**
 * "北京市:海淀区、密云县", "内蒙古:通辽市科尔沁区,赤峰市红山区、元宝山区、松山区,阿拉善左旗",
 * "上海市:松江区 山东。诸城市": places listed under the province that labels them (a colon, or a full
 * stop where the copy lost it). A district after its city in one run keeps that city.
 */
function placeRuns(text: string, minimum = 2): Array<{ title: string; place: string }> {
  if (text.length > 200 || !/^[^\s:：。]{2,10}?\s*[:：。]/u.test(text) || /[“”"《》（）()]/u.test(text)) return [];
  const out: Array<{ title: string; place: string }> = [];
  const groups = [...text.matchAll(/(?:^|\s)([^\s:：。,，、]{2,10}?)\s*[:：。]\s*([^\s:：。]+)/gu)];
  if (!groups.length || groups[0]!.index !== 0) return [];
  let covered = 0;
  for (const g of groups) {
    const label = g[1]!;
    if (!isPlaceOnly(label) || findMentions(label).some((m) => m.places.every((p) => p.level !== 'province'))) return [];
    for (const run of g[2]!.split(/[,，]/u)) {
      const pieces = run.split('、').map((x) => x.trim()).filter(Boolean);
      let city = '';
      for (const [k, piece] of pieces.entries()) {
        const m = findMentions(piece);
        if (!(COUNTY_PIECE.test(piece) || isPlaceToken(piece))) return [];
        // "赤峰市红山区、元宝山区": the run's first piece names the city the others share — when they are in it
        // ("成都市龙泉驿区、…、射洪县": 射洪 is not).
        if (k === 0 && m.length >= 2 && m[0]!.start === 0 && m[0]!.places.some((p) => p.level === 'city')) city = piece.slice(0, m[0]!.end);
        const own = m.length > 0 && m[0]!.start === 0 && m[0]!.places.some((p) => p.level === 'city');
        const shared = !own && city ? resolveRegion(`${label}${city}${piece}`) : null;
        const inCity = shared?.county && shared.city === resolveRegion(`${label}${city}`)?.city;
        out.push({ title: piece, place: `${label}${inCity ? city : ''}${piece}` });
      }
    }
    covered += g[0].length;
  }
  // The whole line is labels and places; one place alone only where the lines around list more.
  if (covered < text.trim().length - 1 || out.length < minimum) return [];
  return out;
}

/**
 * A list line that is a run of names, maybe under a place label ("清河区:甲街道乙社区、丙社区"): its names with
 * what the run wrote once, and the label for the lines after it. A line of one name counts only where it
 * goes on from such a run (`carried` not undefined).
 */
function namesLine(text: string, carried: string | null | undefined): { names: RunName[]; label: string | null } | null {
  if (text.length > 160 || SENTENCE.test(text)) return null;
  const labelled = /^([^:：\s，,。、“”"]{2,10})\s*[:：]\s*(\S.*)$/u.exec(text);
  const label = labelled && isPlaceOnly(labelled[1]!) ? labelled[1]! : null;
  if (labelled && !label) return null;
  const body = label ? labelled![2]! : text;
  const pieces = rowPieces(body.replace(/[。；;]$/u, ''), '、，,；;');
  if (pieces.length < 2 && carried === undefined) return null;
  const names = nameRun(pieces, label ?? carried ?? null);
  return names ? { names, label: label ?? carried ?? null } : null;
}

/** A full address: a city and a county named, or a place and its street or township ("…街道", "…镇"). */
function isAddress(text: string): boolean {
  const m = findMentions(text);
  return m.length >= 2 || (m.length === 1 && /[\u4e00-\u9fa5]{2,8}(?:街道|镇|乡)/u.test(text.slice(m[0]!.end)));
}

/** A bare address alone: a place and its street or community, no more ("哈尔滨市香坊区进乡街道松海社区"). */
function bareAddress(text: string): boolean {
  return text.length >= 4 && text.length <= 30 && ADDRESS_END.test(text) && placeStart(text) && isAddress(text);
}

/** Where one address may end inside a line that lost its breaks: a community or village, before more text. */
const ADDRESS_CUT = /(?:社区|村|居委会|居民委员会|村民委员会)(?=[\u4e00-\u9fa5])/gu;

/**
 * Addresses run together on one line, by spaces or by nothing at all where a copy (or a rejoining of
 * hard-wrapped lines) lost the breaks between them: "…上坝土家族乡八一社区六盘水市六枝特区银壶街道银壶社区".
 * A community's or village's name ends one where the next opens with a place, and every piece must be
 * a bare address by itself; null when the line is anything else.
 */
function addressesRunTogether(text: string): string[] | null {
  if (text.length > 600 || SENTENCE.test(text) || /[:：，,、“”"《》（）()]/u.test(text)) return null;
  const out: string[] = [];
  for (const chunk of text.trim().split(/[\s\u3000]+/u)) {
    let start = 0;
    for (const m of chunk.matchAll(ADDRESS_CUT)) {
      const end = m.index! + m[0].length;
      if (end - start > 30) break;
      if (!placeStart(chunk.slice(end)) || !bareAddress(chunk.slice(start, end))) continue;
      out.push(chunk.slice(start, end));
      start = end;
    }
    if (!bareAddress(chunk.slice(start))) return null;
    out.push(chunk.slice(start));
  }
  return out.length >= 2 ? out : null;
}

function placeStart(text: string): boolean {
  const m = findMentions(text.slice(0, 12));
  return m.length > 0 && m[0]!.start === 0;
}

/** "长沙市长沙县:标题" / "济宁市：标题": a place label (its first token a place) before a colon. */
function placeColon(text: string): { place: string; rest: string } | null {
  const m = /^([^:：\s，,。]{2,30})\s*[:：]\s*(\S.*)$/u.exec(text);
  if (!m || !placeStart(m[1]!) || /[“”"《》]/u.test(m[1]!)) return null;
  return { place: m[1]!, rest: m[2]! };
}

/** What names an entrant rather than a place: "…民政局", "…服务中心", "…协会". */
const ENTRANT_END = /(?:局|厅|委|办|政府|中心|院|馆|站|所|协会|商会|基金会|联合会|促进会|服务社)$/u;

/** A unit alone on its line, unbracketed and named from its place: "某某市民政局" (not a numbered item). */
function bareUnit(t: string): boolean {
  return !NUMBERED.test(t) && t.length <= 30 && t.length >= 4 && !/[\s:：，,。“”"《》]/u.test(t) && ORGAN_END_LIST.test(t) && placeStart(t);
}

/** A dashed unit after a title: "“时间银行”互助养老——鼓楼区民政局". */
const DASH_UNIT = /^(.{4,}?)\s*(?:——|--|—)\s*([\u4e00-\u9fa5（）()·]{3,30})\s*$/u;
/** A unit after a space, as list rows copied from a table read: "“时间银行”互助养老 鼓楼区民政局". */
const SPACED_UNIT = /^(.{4,40}?)[\s\u3000]+([\u4e00-\u9fa5（）()·]{3,30})$/u;

/**
 * "《标题——副题》", "标题——副题" on one line: the item's title and subtitle, split at the first dash
 * pair outside quotes (a dash inside “…” belongs to the title); a title wrapped whole in 《》 loses them.
 */
function withSubtitle(item: ListItem): ListItem {
  if (item.whole) return item;
  if (!item.title.includes('——') && !item.title.startsWith('《')) return item;
  let title = item.title.replace(/^《([^《》]+)》$/u, '$1');
  let subtitle = item.subtitle;
  if (!subtitle) {
    let depth = 0;
    for (let k = 0; k < title.length - 1; k++) {
      const ch = title[k]!;
      if (/[“（(《「]/u.test(ch)) depth++;
      else if (/[”）)》」]/u.test(ch)) depth = Math.max(0, depth - 1);
      // (A research title's scope, "——以雅安市民政工作为例", is the title's own words, no subtitle.)
      else if (depth === 0 && k >= 4 && title.startsWith('——', k) && title.length - k - 2 >= 4 && !/^—*以.{2,30}为例$/u.test(title.slice(k + 2))) {
        subtitle = title.slice(k + 2).replace(/^—+/u, '').trim();
        title = title.slice(0, k).trim();
        break;
      }
    }
  }
  return title === item.title && subtitle === item.subtitle ? item : { ...item, title, subtitle };
}

/** How much of a name is the divisions it opens with, each written out with its suffix ("桂林市象山区甲社区" → 6; "新北街道…" → 0). */
function divisionsWritten(name: string): number {
  let end = 0;
  for (const m of findMentions(name.slice(0, 20))) {
    if (m.start !== end || !m.places.some((p) => p.level !== 'province' || /(?:省|自治区)$/u.test(name.slice(m.start, m.end)))) break;
    let e = m.end;
    // (A street the division list knows, "东城街道", places its county but is no division written.)
    if (/(?:街道|街|镇|乡|社区|村)$/u.test(name.slice(m.start, e))) break;
    if (!DIVISION_END.test(name.slice(m.start, e))) {
      // (A division's short name, "广水十里街道", "曾都何店镇", is written too; a street's own name, "新北街道", is not one.)
      if (/^(?:省|市|区|县|旗|州|盟)/u.test(name.slice(e))) e++;
      else if (/^(?:街道|街|镇|乡|社区|村|路|小区|里)/u.test(name.slice(e)) || m.start > 0) break;
    }
    end = e;
  }
  return end;
}
const DIVISION_END = /(?:省|自治区|市|区|县|旗|州|盟|地区)$/u;

/**
 * "桂林市象山区甲社区、乙社区", "滨海新区泰达街道甲社区、新北街道乙社区": the divisions a row's first name opens with,
 * when none of the names after it in its row writes a division, are where the row is, written once before it, not
 * part of the first name: it is titled as the others are (the divisions stay its place, for its region). A row is
 * a run of items read from one line with one honour; works and units are left as they are.
 */
function withoutSharedPlace(items: ListItem[]): void {
  for (let k = 0; k < items.length; k++) {
    const first = items[k]!;
    const same = (it: ListItem | undefined) => Boolean(it) && it!.at === first.at && it!.award === first.award && !it!.whole && !it!.unit;
    if (!same(first) || (k > 0 && same(items[k - 1]))) continue;
    let end = k + 1;
    while (end < items.length && same(items[end])) end++;
    if (end - k < 2) continue;
    const cut = divisionsWritten(first.title);
    if (!cut || first.title.length - cut < 4 || items.slice(k + 1, end).some((it) => divisionsWritten(it.title) > 0)) continue;
    items[k] = { ...first, title: first.title.slice(cut), place: first.place ?? first.title };
  }
}

/** "“三五”模式畅通组级微治理（长沙县）": a bracket holding only a place is the item's place, not its title. */
function withPlace(item: ListItem): ListItem {
  const m = /^(.{4,}?)\s*[（(]\s*([^（）()]{2,20})\s*[)）]$/u.exec(item.title);
  if (!m || !isPlaceOnly(m[2]!)) return item;
  return { ...item, title: m[1]!.trim(), place: item.place ?? m[2]! };
}

/**
 * A list line whose title stands in 《》 with its entrant before or after it, in any of the ways
 * pages join them: "单位《标题》", "单位：《标题》", "单位的案例《标题》", "《标题》（单位）", "《标题》——单位",
 * "《标题》 单位". The entrant must be a unit or a place (an organ, a station, a place's name); a
 * line with two titles, a clause or a sentence is no such item.
 */
function bookTitled(text: string): { title: string; unit: string | null; place: string | null } | null {
  const t = text.replace(NUMBERED, '').replace(CN_NUMBERED, '').trim();
  if (!t.includes('《') || t.indexOf('《') !== t.lastIndexOf('《')) return null;
  const m = /^([^《》]*?)\s*[:：]?\s*《([^《》]{2,80})》\s*(.*)$/u.exec(t);
  if (!m) return null;
  const before = m[1]!.replace(/\s*(?:——|--|—)\s*$/u, '').replace(/(?:的|报送的|选送的|申报的)?(?:案例|项目|作品)?$/u, '').trim();
  const after = m[3]!.replace(/^(?:——|--|—|[（(])\s*/u, '').replace(/\s*[)）]$/u, '').trim();
  if (before && after) return null;
  const who = before || after;
  if (who && (who.length > 40 || /[，,。；;：:“”"]/u.test(who))) return null;
  if (who && !(ORGAN_END_LIST.test(who) || isPlaceOnly(who) || /(?:站|点|队|公司|集团|学校|医院|中心|所|会|馆|院)$/u.test(who))) return null;
  const place = who && isPlaceOnly(who) ? who : null;
  return { title: m[2]!.trim(), unit: place ? null : who || null, place };
}

function splitUnit(title: string): { title: string; unit: string | null } {
  const u = UNIT_AFTER.exec(title);
  if (u) return { title: title.slice(0, u.index).trim(), unit: u[1]! };
  const d = DASH_UNIT.exec(title);
  if (d && ORGAN_END.test(d[2]!) && findMentions(d[2]!).length > 0) return { title: d[1]!.trim(), unit: d[2]! };
  return { title: title.trim(), unit: null };
}

/** A line that names a list: its title or name line ("…十大创新案例揭晓", "…获奖名单"). */
const LIST_NAME = /名单|十大|十佳|百佳|入选|入围|揭晓|评选结果|获奖|公示|出炉/u;
/** A grade with its items run on: "一等奖：标题（单位）、标题（单位）。" */
const GRADE_RUN = /^(特等奖|[一二三四]等奖|优秀奖|优胜奖|提名奖|入围奖|金奖|银奖|铜奖|鼓励奖)\s*(?:[（(][^）)]*[)）])?\s*[:：]\s*(.+)$/u;

/** "评选出10个项目为2022年度全市…成果", "入选全国示范性老年友好型社区", "…典型案例名单": the award a list confers. */
export function awardFromText(texts: string[]): string | null {
  const award = conferredHonour(texts);
  // The year is often only in another sentence: "全省社区治理优秀案例名单公布" over "公布2023年度全省社区治理优秀案例名单".
  if (award && !/^(?:[0-9０-９]{4}|第)/u.test(award)) {
    const escaped = award.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const other of texts) {
      const y = new RegExp(`([0-9０-９]{4}\\s*年度?)${escaped}`, 'u').exec(other);
      if (y) return y[1]! + award;
    }
  }
  return award;
}

/** A list's name without the organ and its verb of publishing before it ("省老龄办公布了X" → X), when enough is left to be a name. */
function withoutPublisher(name: string): string {
  const m = /^[^“”"《》]{2,20}?(?:公布|发布|印发|下发|公示|揭晓)了?\s*/u.exec(name);
  return m && name.length - m[0].length >= 4 ? name.slice(m[0].length) : name;
}

function dropLeadingPlace(honour: string): string {
  const m = /^([\u4e00-\u9fa5]{2,12}?)(?=[0-9０-９]{4}\s*年度?\s*全国)/u.exec(honour);
  return m && isPlaceOnly(m[1]!) ? honour.slice(m[1]!.length) : honour;
}

function conferredHonour(texts: string[]): string | null {
  for (const t of texts) {
    // Quotes around the list's name are the page's, not the award's: "“2019年度十大创新案例”揭晓".
    const plainT = t.replace(COUNT, '').replace(/[“"]([^”"]{4,40})[”"](?=(?:获奖名单|名单|公示名单|拟入选名单|评选结果|揭晓|出炉|发布|公布)\s*$)/u, '$1');
    const named = /^(.{4,40}?(?:案例|成果|项目|品牌|单位|社区|集体|个人|奖|举措|实事|模式|典型|标杆|工作法))(?:获奖名单|名单|公示名单|拟入选名单|评选结果|揭晓|出炉|发布|公布)(?:公布|发布|出炉|揭晓)?\s*$/u.exec(plainT);
    // A headline's exclamation before the list's name is not part of it ("山东数量位列第一!全国…单位名单公布").
    // A province or city before a national honour is where the list is from, not part of the honour
    // ("浙江省2024年度全国示范性老年友好型社区名单公布").
    // (The organ that published it and its verb are no part of its name either: "省老龄办公布了2025年省级X社区名单".)
    if (named && !GENERIC_LIST.test(named[1]!)) return dropLeadingPlace(withoutPublisher(named[1]!.replace(/^.*[！!？?，,：:]\s*/u, '')));
  }
  for (const t of texts) {
    // "日前，天津市第三批“美丽社区”评选结果揭晓，…": the contest the results are of.
    const results = /(?:^|[，,。；;]|日前|近日)\s*([^，,。；;]{4,40}?)(?:评选结果|评选活动结果|征集结果|评审结果)(?:揭晓|公布|出炉|发布)/u.exec(t);
    if (results) {
      const named = results[1]!.replace(/^(?:日前|近日|目前)\s*/u, '').trim();
      if (/[”"]$|(?:案例|成果|项目|品牌|单位|社区|集体|奖)$/u.test(named) && !/^(?:此次|本次|这次|首届)$/u.test(named)) return named;
    }
    // "省民政厅日前公布2024年浙江省…典型案例评选结果": the verb before the contest.
    // (Quotes around the honour's own name stay: "公布2024年度省级“四型社区”名单".)
    const published = /(?:公布|发布|揭晓|公示)了?\s*([^，,。；;]{4,40}?)(?:评选结果|评选活动结果|征集结果|评审结果|认定结果|名单)/u.exec(t);
    // (A batch number is the round's, not the honour's: "第二批五星级社区" → "五星级社区", as for 关于确定….)
    const honour = published?.[1]!.replace(/^[“"]([^“”"]+)[”"]$/u, '$1').replace(/^第[一二三四五六七八九十]+批/u, '');
    if (honour && /(?:案例|成果|项目|品牌|单位|社区|集体|奖)[”"]?$/u.test(honour) && !GENERIC_LIST.test(honour) && !/^[^“]*”|“[^”]*$/u.test(honour)) return honour;
  }
  for (const t of texts) {
    // "《关于确定全国社会救助创新实践揭榜挂帅单位的通知》"
    const conferred = /关于(?:拟)?(?:确定|命名|认定|确认|公布|表彰|授予|推荐)(.{4,40}?)(?:名单)?的(?:通知|决定|通报|公告|公示)/u.exec(t);
    if (conferred && /(?:案例|成果|项目|品牌|单位|社区|集体|组织|奖)$/u.test(conferred[1]!)) return conferred[1]!.replace(/^(?:第[一二三四五六七八九十]+批)?/u, '');
    // "关于2024年度省级社会工作服务示范站拟命名名单的公示": the list a 公示 or 通知 is about, when its name is an honour's.
    const about = /^关于(.{4,50}?)(?:名单|名录)的(?:公示|公告|通知|通报)$/u.exec(t.trim());
    const named = about ? normaliseAward(about[1]!) : null;
    if (named && honourWords(named) && !GENERIC_LIST.test(named)) return named;
  }
  for (const t of texts) {
    // (The whole object: "…为2024年重庆市社区治理创新案例", not its first kind word, "…重庆市社区".)
    // "省民政厅公布首批全省养老服务典型案例": the cases, projects or units an organ publishes, by an honour's words.
    const publishedWhole = /(?:公布|发布|揭晓)了?\s*([^，,。；;“”"]{4,40}(?:案例|成果|项目|品牌|单位|集体))(?=[，,。；;]|$)/u.exec(t);
    if (publishedWhole && honourWords(publishedWhole[1]!) && !GENERIC_LIST.test(publishedWhole[1]!)) return publishedWhole[1]!;
    const given = /(?:评选出|评出|确定|认定|命名|推荐)[^。；;，,]{0,12}?为\s*[“"]?([^。；;，,“”"]{4,40}(?:案例|成果|项目|品牌|单位|社区|集体|组织))[”"]?/u.exec(t);
    if (given) return given[1]!;
  }
  for (const t of texts) {
    // "同意北京市海淀区等42个县为“全国农村社区建设实验县”", "被命名为天津市第三批“美丽社区”",
    // "被确认为第二批全国婚俗改革实验区": the title the organ confers, quotes and all.
    const conferring = /(?:同意|确定|确认|认定|命名|列为|授予|评定|批准)[^。；;，,]{0,40}?为\s*((?:[^。；;，,“”"]{0,20}?[“"][^”"]{2,30}[”"])|[^。；;，,“”"]{4,40}?(?:实验区|试验区|示范区|示范点|示范村|示范社区|示范街道|示范单位|先进单位|先进集体|基地))(?=[。；;，,]|$|称号)/u.exec(t);
    if (conferring) return conferring[1]!.replace(/^[“"]([^”"]+)[”"]$/u, '$1');
  }
  for (const t of texts) {
    // A headline's quoted title with what the places did: "“全国和谐社区建设示范单位”我省3城区5街道22社区入选",
    // "…荣获“全国先进社会组织”称号".
    const won =
      /[“"]([^”"]{4,30})[”"](?:称号)?[^。；;“”"]{0,20}?(?:入选|上榜|入列|榜上有名)/u.exec(t) ??
      /(?:荣获|获得|获评|获授|授予|被评为)[^。；;“”"]{0,12}?[“"]([^”"]{4,30})[”"](?:(?:荣誉)?称号|\s*$)/u.exec(t);
    if (won && t.length <= 80) return won[1]!;
  }
  for (const t of texts) {
    // (No colon inside: "入选社区如下:甲社区" names the winners after it, not an honour.)
    const joined = /(?:入选|被评为|被评选为|评选为|被确定为|荣获|获评)[“"]?((?:[0-9０-９]{4}年度?)?[^。；;，,“”":：]{4,30}?(?:案例|成果|项目|品牌|单位|社区|集体))/u.exec(t);
    if (joined) {
      let award = joined[1]!;
      // The year is often only in the conferring sentence: "命名2023年全国示范性老年友好型社区".
      if (!/^[0-9０-９]{4}/u.test(award)) {
        for (const other of texts) {
          const y = new RegExp(`([0-9０-９]{4}年度?)${award.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').exec(other);
          if (y) {
            award = y[1]! + award;
            break;
          }
        }
      }
      return award;
    }
  }
  // Whatever the verb: a headline's or list name's quoted words that are an honour's ("“全国和谐社区建设示范单位”
  // 我省3城区5街道22社区跻身").
  for (const t of texts) {
    if (t.length > 80) continue;
    for (const q of t.matchAll(/[“"]([^“”"]{4,30})[”"]/gu)) if (HONOUR_WORD.test(q[1]!) && HONOUR.test(q[1]!)) return q[1]!;
  }
  return null;
}

interface Group {
  award: string | null;
  /** Found by the list's structure, or a list name that names no honour: its short lines are items whatever the award. */
  headed?: boolean;
  /** The place the heading names: its items are there. */
  place?: string | null;
  /** The heading names a list of people ("…先进个人名单", "十大公益人物"): its lines are no cases. */
  people?: boolean;
  /** The heading names a list ("…名单:"): the short lines under it are its items, numbered or not. */
  list?: boolean;
}

/** An honour a heading confers on what it lists: "2021年全省基层治理示范街道(镇)", "全国养老服务先进单位". */
const HONOUR = /(?:示范|先进|优秀|十佳|十大|百佳|最美|最佳|明星|标兵|模范|品牌|星级|文明|和谐|美丽|绿色|友好型|实验|试点|典型|创新)[\u4e00-\u9fa5“”"]{0,12}?(?:案例|项目|单位|组织|社区|村|街道|镇|乡|县|区|市|城|城市|城区|集体|机构|品牌|奖|基地|中心|成果|村镇|家庭)(?:[（(][^）)]{1,8}[)）])?$/u;
/**
 * A group heading honouring people as such ("先进个人（10名）", "优秀志愿者", "十大公益人物"): its lines are
 * names, no cases. A prize's categories that people win beside bodies ("慈善楷模", "捐赠个人") are items.
 */
const PEOPLE_HONOUR = /(?:先进个人|优秀个人|先进工作者|优秀工作者|志愿者|人物|标兵|能手|之星|模范)$/u;
/** Who a people list names. */
const PEOPLE = /(?:人物|个人|人员|同志|工作者|志愿者|楷模|标兵|之星|家庭|社工|书记|主任|能手|达人|人才)[”"]?$/u;

/** "“2020年度十大公益项目”名单(排名不分先后):", "全国养老服务先进单位名单": a list's own heading, and what it confers. */
/** A line that is only a list name's period or scope: "2017年度全市", "第三批", "全省" (joins wherever it stands). */
const PERIOD_FRAGMENT = /^(?=.{2,14}$)(?:[0-9０-９]{4}\s*年度?)?\s*(?:全[省市区县州]|第[一二三四五六七八九十]+[批届])?$/u;

/** A list name that names no honour, only that these are its winners: "获奖案例", "入选项目", "拟推荐对象". */
const GENERIC_LIST = /^(?:[0-9０-９]{4}\s*年度?)?(?:拟|获奖|入选|入围|推荐|表彰|评选|公示|最终|具体|正式)+(?:案例|项目|单位|对象|作品|成果|集体|结果)?$/u;

/** An honour's name, maybe counted, closed by a colon, then what it is given to: "河北省双拥模范城(25个):石家庄市、…". */
const HONOUR_LABEL = /^([^:：，,。、；;“”"]{4,30}?)\s*(?:[（(]\s*(?:共\s*)?[0-9０-９]+\s*[个项家名所座]?\s*[)）])?\s*[:：]\s*(\S.*)$/u;

/**
 * A line naming an honour before the names it goes to, as a grade run does ("一等奖：…"): the label must be
 * an honour by its words (HONOUR: an honour word and the kind of place or body honoured) and no place or
 * people's honour, and what follows a run of two names or more (places, bodies, communities).
 */
function honourLabelled(text: string): { honour: string; names: RunName[] } | null {
  if (text.length > 1200) return null;
  const m = HONOUR_LABEL.exec(text.trim());
  // (A division's own name is a place label, not an honour: placeRuns reads "北京市:海淀区、密云县".)
  const label = m?.[1]!.trim();
  if (!m || !label || !HONOUR.test(label) || PEOPLE_HONOUR.test(label) || PEOPLE.test(label) || SENTENCE.test(label) || findMentions(label).some((p) => p.start === 0 && p.end === label.length)) return null;
  const names = nameRun(rowPieces(m[2]!.replace(/[。；;]\s*$/u, ''), '、，,；;'));
  return names && names.length >= 2 ? { honour: label, names } : null;
}

/** Whether a name is an honour by its words: an honour word (示范, 先进, 优秀 …, a grade of rating), a prize, a title. */
function honourWords(name: string): boolean {
  return HONOUR_WORD.test(name) || HONOUR.test(name) || /奖|称号|荣誉|典型|标杆|试点|实验区|试验区/u.test(name);
}

/**
 * The honour a list's lead says its entries won or were selected into: the quoted or honour-shaped object of a
 * conferring verb (statedAward), or what a selection names them into ("入选民政部民政政策理论研究论文集",
 * "入选全国…案例库"), whatever it ends in.
 */
function leadHonour(texts: string[]): string | null {
  const stated = statedAward(texts);
  if (stated) return stated;
  for (const t of texts) {
    const m = /入选(?:了)?\s*([^，,。；;、“”"《》:：]{4,30}?)(?:名单|名录)?(?=[，,。；;]|$)/u.exec(t);
    if (m && !/[0-9０-９]\s*[个家名篇项]/u.test(m[1]!)) return m[1]!;
  }
  return null;
}

/**
 * A class of a prize named by the kind of its winners and 奖 ("慈善项目奖", "捐赠个人奖"), where the text counts
 * that kind among the prize's winners ("第十届“中华慈善奖”共表彰…49个慈善项目"): the honour is the prize, named
 * in quotes with its round. Null for any other award (a class with a name of its own, "最具爱心捐赠企业", stays).
 */
function prizeOfClass(award: string, texts: string[]): string | null {
  const kind = /^([\u4e00-\u9fa5]{2,6})奖$/u.exec(award)?.[1];
  if (!kind) return null;
  const counted = new RegExp(`[0-9０-９一二三四五六七八九十百]+\\s*[个家名项位]${kind}`, 'u');
  for (let k = texts.length - 1; k >= 0; k--) {
    if (!counted.test(texts[k]!)) continue;
    const prize = /((?:第[一二三四五六七八九十]+届|[0-9０-９]{4}\s*年度?)?[“"][^“”"]{2,16}奖[”"])/u.exec(texts[k]!);
    if (prize) return prize[1]!;
  }
  return null;
}

function listHeading(text: string): Group | null {
  // "吉林省荣获“全国民族团结进步模范集体”称号的有:", "被评为X的单位是:": a clause stating who won an honour
  // heads the list of them (of people when the honour is a person's).
  const won = /^(.{4,40}?)(?:的有|的是|的单位有|的单位是|名单如下|如下|分别是|分别为)\s*[:：]$/u.exec(text);
  if (won && !SENTENCE.test(won[1]!)) {
    const honour = statedAward([won[1]!]);
    if (honour) return PEOPLE.test(honour) ? { award: null, people: true, list: true } : { award: honour, list: true };
  }
  // "2008年度民政工作先进单位:": an honour's name closed by a colon heads the list of those who won it.
  const honour = /^([^:：，,。]{4,30})[:：]$/u.exec(text.replace(CN_NUMBERED, ''));
  if (honour && HONOUR.test(honour[1]!) && !/以下|如下|设在|位于|分布|包括|的/u.test(honour[1]!) && !findMentions(honour[1]!).some((m) => m.start === 0 && m.end === honour[1]!.length)) {
    return PEOPLE.test(honour[1]!) ? { award: null, people: true, list: true } : { award: honour[1]!, list: true };
  }
  if (text.length > 40 || !/名[单录]/u.test(text) || SENTENCE.test(text) || /^(?:附件|附)/u.test(text)) return null;
  // "获奖名单", "具体名单如下:": a list named by nothing but its being one.
  if (/^(?:具体|最终|正式)?(?:获奖|入选|入围|表彰|拟表彰|推荐|拟推荐|评选|公示)?(?:名单|名录)\s*(?:[（(][^）)]{1,12}[)）])?\s*(?:如下)?\s*[:：]?$/u.test(text.replace(CN_NUMBERED, ''))) {
    return { award: null, list: true, headed: true };
  }
  const m = /^(.{4,36}?)(?:获奖名单|拟表彰名单|表彰名单|拟推荐名单|推荐名单|入选名单|名单|名录)\s*(?:[（(][^）)]{1,12}[)）])?\s*(?:如下)?\s*[:：]?$/u.exec(text.replace(CN_NUMBERED, ''));
  if (!m) return null;
  const name = m[1]!.replace(/^[“"]([^”"]+)[”"]$/u, '$1').trim();
  // "获奖案例名单", "入选项目名单": the name says only that it is a list; the honour is named elsewhere.
  if (GENERIC_LIST.test(name)) return { award: null, list: true, headed: true };
  if (PEOPLE.test(name)) return { award: null, people: true, list: true };
  return { award: honourOfListName(name), list: true };
}

/**
 * A heading by its words alone: a list's own name, or a grade ("一等奖（5个）", "【一等奖】") — these
 * head a group even where the copy keeps a single one. Other group headings (honours, prize
 * categories, places, kinds of work) are found by the list's structure (listheadings.ts).
 */
function groupHeading(text: string): Group | null {
  if (text.length > 40 || SENTENCE.test(text)) return null;
  const listed = listHeading(text);
  if (listed) return listed;
  // "一、一等奖（5个）:", "【一等奖】", "★优秀奖": the grade inside its marks.
  const bare = text
    .replace(/^[★☆◆◇■□●▲]\s*/u, '')
    .replace(/^[【[]\s*(.+?)\s*[】\]]$/u, '$1')
    .replace(CN_NUMBERED, '')
    .replace(COUNT, '')
    .replace(/[:：]$/u, '')
    .trim();
  if (!bare) return null;
  if (AWARD_GROUP.test(bare) || /^(?:[一二三四特]等奖|优秀奖|金奖|银奖|铜奖|入围奖|提名奖|优胜奖|鼓励奖)$/u.test(bare)) return { award: bare };
  return null;
}

/** Rows of cell texts under a header row: one item per row; a one-cell row is a group heading. */
function rowItems(rows: string[][], award: string | null, at: number): { items: ListItem[]; award: string | null } | null {
  const h = rows.findIndex((r) => r.length >= 2 && headerColumns(r) !== null);
  if (h < 0) return null;
  const cols = headerColumns(rows[h]!)!;
  const items: ListItem[] = [];
  const width = rows[h]!.length;
  const merged = mergedColumns(rows[h]!, cols);
  let carry: string[] = [];
  for (const raw of rows.slice(h + 1)) {
    let cells = raw.map((c) => c.trim());
    if (cells.filter(Boolean).length === 1) {
      const g = groupHeading(cells.find(Boolean)!);
      if (g?.award) award = g.award;
      continue;
    }
    // A row copied with its bars from under a merged cell keeps as many bars as the full rows and leaves the
    // missing cell at its end ("2. | 标题 | 单位 | |"): the empty cells at the end are the ones missing.
    if (merged.length && cells.length === width && carry.length) {
      let n = cells.length;
      while (n > 1 && !cells[n - 1]) n--;
      if (n < width && width - n <= merged.length) cells = cells.slice(0, n);
    }
    // Cells merged down a column (rowspan) are missing from the row: the grouping columns (a grade, a place, a
    // class) take them from the row above, the row's own cells keep their order; with no such column, the row's start.
    const row = cells.length >= width ? cells : merged.length >= width - cells.length ? fillMerged(cells, carry, merged.slice(0, width - cells.length), width) : [...carry.slice(0, width - cells.length), ...cells];
    carry = row;
    const pick = (k: number | undefined) => (k === undefined ? null : row[k]?.trim() || null);
    const unit = pick(cols.unit);
    const title = pick(cols.title) ?? unit;
    if (!title || SENTENCE.test(title) || title.length > 80) continue;
    items.push({ title, subtitle: null, unit, place: pick(cols.place) ?? unit, award: pick(cols.award) ?? award, at });
  }
  return items.length ? { items, award } : null;
}

/** The columns a table merges down over a group of rows: its grade, its place, its class (not its number, title or unit). */
function mergedColumns(header: string[], cols: Partial<Record<keyof typeof COLUMN, number>>): number[] {
  const out = header.flatMap((c, k) => (k === cols.award || k === cols.place || /^(?:类别|分类)$/u.test(c.replace(/[\s\u3000:：]+/gu, '')) ? [k] : []));
  // (A place that is the unit's own column, as a table with no place heading reads it, is no group.)
  return out.filter((k) => k !== cols.title && k !== cols.unit);
}

/** A short row's cells set in their columns: the merged ones from the row above, the others in order. */
function fillMerged(cells: string[], carry: string[], merged: number[], width: number): string[] {
  const out: string[] = [];
  let next = 0;
  for (let k = 0; k < width; k++) out.push(merged.includes(k) ? (carry[k] ?? '') : (cells[next++] ?? ''));
  return out;
}

/**
 * "序号\t案例名称\t申报单位" (or the same with spaces) over rows of as many cells: the rows, split. A row
 * with more space-separated tokens than the header has columns keeps the extra ones in its title
 * (titles hold spaces: "以好村规营造好家风 引领推动乡村善治"); a one-cell row is a group heading.
 */
function spacedTable(lines: SourceLine[], at: number): { rows: string[][]; end: number } | null {
  const head = lines[at]!.text.trim();
  if (head.length > 60 || !/[\s\u3000]/u.test(head) || !/名称|单位|题目|标题|地区|案例/u.test(head)) return null;
  const sep = head.includes('\t') ? /\t+/u : /[\s\u3000]+/u;
  const header = head.split(sep).map((c) => c.trim());
  if (header.length < 2 || !header.every((c) => OTHER_COLUMN.test(c) || Object.values(COLUMN).some((re) => re.test(c)))) return null;
  const cols = headerColumns(header);
  if (!cols || cols.title === undefined) return null;
  const rows: string[][] = [header];
  let k = at + 1;
  for (; k < lines.length; k++) {
    const t = lines[k]!.text.trim();
    if (!t) continue;
    let cells = t.split(sep).map((c) => c.trim());
    if (cells.length === 1) {
      if (groupHeading(t)) {
        rows.push(cells);
        continue;
      }
      break;
    }
    if (cells.length > header.length) {
      const extra = cells.length - header.length;
      cells = [...cells.slice(0, cols.title), cells.slice(cols.title, cols.title + extra + 1).join(' '), ...cells.slice(cols.title + extra + 1)];
    }
    if (cells.length < header.length - 1 || SENTENCE.test(t)) break;
    rows.push(cells);
  }
  return rows.length >= 2 ? { rows, end: k } : null;
}

function tableCells(table: TableBlock): string[][] {
  return table.rows.map((r) => r.map((c) => blocksText(c.blocks).replace(/\s+/gu, ' ').trim()));
}

/** The list in `lines`, or null when there is none of at least three items (two inline). */
export function readList(source: SourceLine[]): ListResult | null {
  const lines = withoutBullets(rejoinWrappedRows(source));
  const items: ListItem[] = [];
  const taken = new Set<number>();
  let award: string | null = null;
  let run: ListItem[] = [];
  /** Items under an award group heading need no run of three: the heading says what they are. */
  let grouped = false;
  /** A line above that names a list ("…获奖名单", "…十大创新案例揭晓"): numbered lines under it are its items. */
  let named = false;
  /** Under a list's own heading: its plain lines are items. */
  let listed = false;
  /** Under a heading of people: its lines are skipped. */
  let people = false;
  /** Items that are plain lines under a list's name (kept only if the list ends at a heading or the copy's end). */
  const plain = new Set<ListItem>();
  /** Bodies named in a row with people, who were skipped: one body is a list of honourees then. */
  let besidePeople = false;
  /** Items named as a group's first winner in a sentence ("A等44个“X”"). */
  const summaries = new Set<ListItem>();
  /** Group headings by the list's structure (a marked short line over short item lines). */
  const heads = listHeadings(lines);
  /** Under such a heading (or a list name that names no honour): its short lines are items, award or not. */
  let headed = false;
  /** The place a heading names ("（一）乌鲁木齐市（5个）"): where its items are. */
  let headPlace: string | null = null;
  /** Since the last group heading, only list lines: running text ends the group's plain items. */
  let inGroup = false;
  /** Whether the lines above `at` confer an honour (read once, for the first line that asks). */
  let conferring: boolean | undefined;
  const leadConfers = (at: number) => (conferring ??= awardFromText(lines.slice(0, at).map((l) => l.text)) !== null);
  /** The place labelling the run of names the line before went on with ("清河区:…"): null for none, undefined when no run. */
  let runLabel: string | null | undefined;
  // Each line's places under a province label, read once (a line is also asked about by its neighbours).
  const runs = new Map<number, Array<{ title: string; place: string }>>();
  const runsAt = (k: number) => {
    if (k < 0 || k >= lines.length) return [];
    let r = runs.get(k);
    if (!r) runs.set(k, (r = placeRuns(lines[k]!.text)));
    return r;
  };
  const flush = () => {
    if (run.length >= 3 || (grouped && run.length >= 1 && run.every((r) => r.award)) || (headed && run.length >= 1)) {
      items.push(...run);
      for (const r of run) taken.add(r.at);
    }
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    // A table with a 案例名称/申报单位 header: one item per row.
    if (line.table) {
      const fromTable: { items: ListItem[]; award: string | null } | null = rowItems(tableCells(line.table), award, i);
      if (fromTable) {
        flush();
        items.push(...fromTable.items);
        taken.add(i);
        award = fromTable.award;
      }
      continue;
    }
    // A table copied as text with its cells separated by tabs or spaces, under a header row
    // ("序号 案例名称 申报单位"): one item per row.
    const textTable = spacedTable(lines, i);
    if (textTable) {
      const fromRows: { items: ListItem[]; award: string | null } | null = rowItems(textTable.rows, award, i);
      if (fromRows) {
        flush();
        items.push(...fromRows.items);
        for (let j = i; j < textTable.end; j++) taken.add(j);
        award = fromRows.award;
        i = textTable.end - 1;
        continue;
      }
    }
    // Table rows copied as text with cell bars: "1 | 标题 | 单位 |".
    if (/[|｜].*[|｜]/u.test(text)) {
      const rows: string[][] = [];
      const bars = (t: string) => t.match(/[|｜]/gu)?.length ?? 0;
      const full = bars(text);
      let k = i;
      while (k < lines.length && /[|｜].*[|｜]/u.test(lines[k]!.text)) {
        let row = lines[k++]!.text;
        // A row hard-wrapped where it was copied (a PDF's width, a narrow page) goes on over the next line, up to as
        // many bars as its header has.
        while (bars(row) < full && k < lines.length && lines[k]!.text.trim() && bars(row) + bars(lines[k]!.text) <= full) row = row.trimEnd() + lines[k++]!.text.trim();
        rows.push(row.replace(/^\s*[|｜]|[|｜]\s*$/gu, '').split(/[|｜]/u));
      }
      const copied: { items: ListItem[]; award: string | null } | null = rows.length >= 3 ? rowItems(rows, award, i) : null;
      if (copied) {
        flush();
        items.push(...copied.items);
        for (let j = i; j < k; j++) taken.add(j);
        award = copied.award;
        i = k - 1;
        continue;
      }
    }
    // A table copied cell by cell, one cell to a line, under its header cells ("小区名 / 所在区域 / 所获奖项").
    const byCell = text && text.length <= 12 ? cellRows(lines, i) : null;
    const fromCells: { items: ListItem[]; award: string | null } | null = byCell ? rowItems(byCell.rows, award, i) : null;
    if (byCell && fromCells) {
      flush();
      items.push(...fromCells.items);
      for (let j = i; j < byCell.end; j++) taken.add(j);
      award = fromCells.award;
      i = byCell.end - 1;
      continue;
    }
    if (!text || line.image) continue;
    if (!named && text.length <= 60 && !SENTENCE.test(text) && LIST_NAME.test(text)) named = true;
    const structural = heads.get(i);
    const group: Group | null =
      groupHeading(text) ??
      (structural
        ? { award: structural.kind === 'award' ? structural.name : null, list: true, headed: true, place: structural.kind === 'place' ? structural.name : null, people: PEOPLE_HONOUR.test(structural.name) }
        : null);
    if (group) {
      // "2017年度全市" / "“明星社区”名单", "2022年全国示范性" / "老年友好型社区名单(部分)": a list name broken
      // over two lines keeps its first half (a short line of no clause, standing after running text or first).
      const before = i > 0 ? lines[i - 1]!.text.trim() : '';
      const beforeThat = i > 1 ? lines[i - 2]!.text.trim() : '';
      const brokenName =
        before &&
        (PERIOD_FRAGMENT.test(before) ||
          (before.length <= 16 && !/[\s，,、:：；;。！？!?（）()《》]/u.test(before) && !isPlaceOnly(before) && !groupHeading(before) && (i < 2 || !beforeThat || isProse(beforeThat))));
      if (group.list && group.award && !group.people && brokenName && before.length + group.award.length <= 40) {
        if (run.length && run[run.length - 1]!.at === i - 1) run.pop();
        taken.add(i - 1);
        group.award = before + (!/^[“"]/u.test(text) || /^[“"]/u.test(group.award) ? group.award : `“${group.award}”`);
      }
      flush();
      // A list named as a collection, by no honour's words ("2025年民政政策理论研究论文集(四川民政系统)名单"): the
      // honour is what the lead says its entries won or were selected into ("入选民政部民政政策理论研究论文集").
      if (group.list && group.award && !honourWords(group.award)) group.award = leadHonour(lines.slice(Math.max(0, i - 6), i).map((l) => l.text)) ?? group.award;
      if (group.award) award = group.award;
      grouped = Boolean(group.award);
      people = Boolean(group.people);
      listed = Boolean(group.list);
      headed = Boolean(group.headed);
      headPlace = group.place ?? null;
      inGroup = true;
      taken.add(i);
      continue;
    }
    // Under a heading of people (先进个人, 公益人物) the lines are names and posts, not cases.
    if (people) {
      if (text.length <= 60 && !SENTENCE.test(text)) {
        taken.add(i);
        continue;
      }
      people = false;
    }
    // A count under a heading: "(河北省4个)".
    if (COUNT_LINE.test(text)) {
      if (listed || grouped) taken.add(i);
      continue;
    }
    // Under a heading naming a place, each short line is an item there, written as the page has it
    // ("乌苏市 新市区街道文德路社区" under "（二）塔城地区（2个）").
    if (headed && headPlace && text.length <= 60 && !SENTENCE.test(text) && !/[:：]/u.test(text)) {
      // (Numbered or not: the item's own mark is no part of it.)
      const { title, unit } = splitUnit(text.replace(NUMBERED, ''));
      run.push({ title, subtitle: null, unit, place: `${headPlace} ${title}`, award, at: i });
      continue;
    }
    // "河北省双拥模范县(37个):井陉县、正定县…": a line opening with the honour its names receive heads them itself.
    const labelled = honourLabelled(text);
    if (labelled) {
      flush();
      for (const n of labelled.names) items.push({ title: n.title, subtitle: null, unit: null, place: n.title, award: labelled.honour, at: i });
      taken.add(i);
      continue;
    }
    // "北京市:海淀区、密云县", "内蒙古:通辽市科尔沁区,赤峰市红山区、元宝山区", "湖北。秭归县": places under their province.
    let places = runsAt(i);
    if (!places.length) {
      const single = placeRuns(text, 1);
      if (single.length && (runsAt(i - 1).length || runsAt(i + 1).length)) places = single;
    }
    if (places.length) {
      flush();
      for (const p of places) items.push({ title: p.title, subtitle: null, unit: null, place: p.place, award, at: i });
      taken.add(i);
      continue;
    }
    // Under a list's heading, a line that is a run of names ("清河区:淮海街道黄河南社区、新村社区", then
    // "长东街道工农兵社区、三门社区" under the same label): each name an item, with what the run wrote once.
    const runNames = listed || grouped || headed || runLabel !== undefined ? namesLine(text, runLabel) : null;
    if (runNames) {
      runLabel = runNames.label;
      for (const n of runNames.names) run.push({ title: n.title, subtitle: null, unit: null, place: n.title, award, at: i });
      continue;
    }
    runLabel = undefined;
    // "地区:标题"
    const colon = text.search(/[:：]/u);
    const pc = colon > 1 && colon <= 31 && text.length <= 80 && !SENTENCE.test(text) ? placeColon(text) : null;
    if (pc) {
      const { title, unit } = splitUnit(pc.rest);
      // "深圳市某某社工服务中心:标题": a label that is more than places is the entrant, its unit.
      const entrantLabel = !unit && !isPlaceOnly(pc.place) && (ORGAN_END_LIST.test(pc.place) || grouped) ? pc.place : null;
      run.push({ title, subtitle: null, unit: unit ?? entrantLabel, place: pc.place, award, at: i });
      continue;
    }
    // Under a grade heading, "单位:标题": the entrant before the colon (its place first, or an organ).
    // (Or in a run under a lead that confers, its list name lost: "我市5个案例获评…" over "机构:标题" lines.)
    const entrant = !pc && colon > 2 && !NUMBERED.test(text) && text.length <= 90 && !SENTENCE.test(text) ? /^([^:：\s，,。“”"《》]{4,30})[:：]\s*(\S.{2,60})$/u.exec(text) : null;
    const entrantOk = entrant && (placeStart(entrant[1]!) || ORGAN_END_LIST.test(entrant[1]!));
    // (Under a lead alone, the label is a body's name, not the page's "我市入选社区", and the title one piece.)
    if (entrantOk && ((grouped && award) || headed || (!/^[我本全]/u.test(entrant[1]!) && !/[\s\u3000]/u.test(entrant[2]!.trim()) && leadConfers(i)))) {
      run.push({ title: entrant[2]!.trim(), subtitle: null, unit: entrant[1]!, place: null, award, at: i });
      continue;
    }
    // Bare addresses run together, in a run of addresses or under a list's heading: one item each.
    const together = text.length > 8 && (run.length || listed || grouped || headed) ? addressesRunTogether(text) : null;
    if (together) {
      for (const t of together) run.push({ title: t, subtitle: null, unit: null, place: t, award, at: i });
      continue;
    }
    // Bare addresses, numbered or not: "哈尔滨市香坊区进乡街道松海社区", "1.贵阳市花溪区清溪街道南溪苑社区".
    const address = text.replace(NUMBERED, '');
    if (address.length <= 30 && !/[\s,，、:：“”"]/u.test(address) && ADDRESS_END.test(address) && placeStart(address) && isAddress(address)) {
      run.push({ title: address, subtitle: null, unit: null, place: address, award, at: i });
      continue;
    }
    // Counties named whole, one a line ("河北省邯郸市肥乡区", "山西省晋城市泽州县"): awarded places, in a run of them.
    const next = lines[i + 1];
    if (text.length <= 30 && /(?:区|县|市|旗)$/u.test(text) && !/[\s，,。：:“”"《》（）()、]/u.test(text) && isPlaceOnly(text) && resolveRegion(text)?.county) {
      const last = run[run.length - 1];
      const following = next?.text.trim() ?? '';
      if ((last && last.at === i - 1 && last.title === lines[i - 1]!.text.trim()) || (following && following.length <= 30 && isPlaceOnly(following) && resolveRegion(following)?.county)) {
        run.push({ title: text.trim(), subtitle: null, unit: null, place: text.trim(), award, at: i });
        continue;
      }
    }
    // A place cell over a title cell.
    if (text.length <= 16 && next && next.text && next.text.length <= 60 && !SENTENCE.test(next.text) && !ADDRESS_END.test(text) && isPlaceOnly(text) && !isPlaceOnly(next.text)) {
      const { title, unit } = splitUnit(next.text);
      run.push({ title, subtitle: null, unit, place: text, award, at: i });
      taken.add(i + 1);
      i++;
      continue;
    }
    // "单位《标题》", "《标题》（单位）", "1.《标题》——单位": a title in 《》 with who entered it beside it.
    const booked = text.length <= 110 && !SENTENCE.test(text) ? bookTitled(text) : null;
    if (booked && (booked.unit || booked.place)) {
      run.push({ ...booked, subtitle: null, award, at: i, whole: true });
      continue;
    }
    // "1.标题" with "——副题" and "（单位）" or "◉单位" lines under it.
    // (Numbered 一、二、 too when what follows is an awarded place's address or an organ: a case's sections are neither.)
    const cn = award || named ? CN_NUMBERED.exec(text) : null;
    const cnName = cn ? text.slice(cn[0].length).trim() : '';
    const num = NUMBERED.exec(text) ?? (cn && cnName.length <= 30 && placeStart(cnName) && ((ADDRESS_END.test(cnName) && isAddress(cnName)) || bareUnit(cnName)) ? cn : null);
    // (Or under a lead that confers, its list's name not printed: "确定以下20个案例为…创新案例,现予以公布。" over "1.标题 单位".)
    if (num && (award || named || leadConfers(i)) && !SENTENCE.test(text.slice(num[0].length)) && text.length <= 80) {
      // "1.长沙县民政局：标题": the entrant before a colon.
      const organColon = /^([\u4e00-\u9fa5（）()·]{3,30})[:：]\s*(\S.{3,})$/u.exec(text.slice(num[0].length));
      // "1.“老马工作室”调解模式 渝中区民政局": the entrant after a space, a body's name from its place.
      const spacedUnit = organColon ? null : SPACED_UNIT.exec(text.slice(num[0].length).trim());
      const head =
        organColon && ORGAN_END_LIST.test(organColon[1]!) && placeStart(organColon[1]!)
          ? { title: organColon[2]!.trim(), unit: organColon[1]! }
          : spacedUnit && ENTRANT_END.test(spacedUnit[2]!) && placeStart(spacedUnit[2]!) && !isPlaceOnly(spacedUnit[1]!.trim())
            ? { title: spacedUnit[1]!.trim(), unit: spacedUnit[2]! }
            : splitUnit(text.slice(num[0].length));
      // An awarded place's address numbered ("1。成都市青羊区府南街道") is its own place.
      const address = !head.unit && head.title.length <= 30 && ADDRESS_END.test(head.title) && placeStart(head.title) && isAddress(head.title);
      const item: ListItem = { title: head.title, subtitle: null, unit: head.unit, place: address ? head.title : null, award, at: i };
      for (let k = i + 1; k <= i + 2 && k < lines.length; k++) {
        const t = lines[k]!.text;
        const sub = SUBTITLE.exec(t);
        // A unit alone on the next line, unbracketed: "某某市民政局" (not the next numbered item).
        const alone = bareUnit(t) ? [t, t] : null;
        const unitOnly = /^[（(]\s*(\S{3,40})\s*[)）]$/u.exec(t) ?? UNIT_LINE.exec(t) ?? alone;
        // The entry's authors, set apart by spaces, are people: no unit, no item.
        if (peopleLine(t) && k === i + 1) {
          taken.add(k);
          i = k;
          continue;
        }
        if (!item.unit && unitsLine(t) && !unitOnly) {
          item.unit = t.trim();
          taken.add(k);
          i = k;
          break;
        }
        if (sub && !item.subtitle && !item.unit) {
          const s = splitUnit(sub[0]);
          item.subtitle = s.title;
          if (s.unit) item.unit = s.unit;
        } else if (unitOnly && !item.unit) item.unit = unitOnly[1]!;
        else break;
        taken.add(k);
        i = k;
      }
      run.push(withSubtitle(item));
      continue;
    }
    // Under a list's heading, organs two or more to a line, spaced as the page set them out in columns
    // ("东皇镇人民政府 醒民镇人民政府").
    if (listed && award && text.length <= 80 && !SENTENCE.test(text) && /\S\s+\S/u.test(text)) {
      const organs = text.trim().split(/\s+/u);
      // (A body by the organisation grammar too, a school or a village's party branch: "吉林省吉林市第七中学校 吉林省梅河口市民族文化馆".)
      const body = (o: string) => ORGAN_END_LIST.test(o) || isOrgName(o) || (BODY_PART.test(o) && placeStart(o));
      if (organs.length >= 2 && organs.every((o) => o.length >= 4 && o.length <= 30 && body(o) && !/[:：，,、“”"]/u.test(o))) {
        for (const o of organs) run.push({ title: o, subtitle: null, unit: o, place: placeStart(o) ? o : null, award, at: i });
        continue;
      }
    }
    // Under a grade heading, an unnumbered "标题（单位）".
    const bracketed = grouped && award && text.length <= 80 && !SENTENCE.test(text) ? splitUnit(text) : null;
    if (bracketed?.unit && bracketed.title.length >= 4 && UNIT_AFTER.test(text)) {
      run.push({ title: bracketed.title, subtitle: null, unit: bracketed.unit, place: null, award, at: i });
      continue;
    }
    // Under a grade heading, a row copied from a table: "标题 单位".
    const spaced = grouped && award && text.length <= 70 && !SENTENCE.test(text) ? SPACED_UNIT.exec(text) : null;
    if (spaced && ORGAN_END.test(spaced[2]!) && !/[\s\u3000]/u.test(spaced[1]!.slice(-1))) {
      // "运城市 盐湖区 中城街道甲社区": places before the name are its address, not a title.
      if (isPlaceOnly(spaced[1]!.trim())) run.push({ title: spaced[2]!, subtitle: null, unit: null, place: `${spaced[1]!.trim()} ${spaced[2]!}`, award, at: i });
      else run.push({ title: spaced[1]!.trim(), subtitle: null, unit: spaced[2]!, place: null, award, at: i });
      continue;
    }
    // Under a list's own heading ("…名单:") or a group's, each short line is an item: a title, or a unit named with its place.
    if ((listed || (grouped && inGroup)) && (award || headed) && text.length <= 60 && !SENTENCE.test(text) && !/[:：]/u.test(text) && !/^[一二三四五六七八九十]{1,3}、/u.test(text)) {
      // "鼓楼区民政局 “时间银行”互助养老": the unit, a space, the title.
      // (An item's own number is no part of it: "1.方兴园小区" is the item 方兴园小区.)
      const own = text.replace(NUMBERED, '');
      const first = /^(\S{3,30}?)[\s\u3000]+(\S.{3,})$/u.exec(own);
      const unitFirst = first && ENTRANT_END.test(first[1]!) && placeStart(first[1]!) ? first : null;
      // "长沙市长沙县 “三五”模式…": a place label, a space, the title.
      const label = unitFirst ? null : splitPlaceLabel(own);
      const split = unitFirst ? { title: unitFirst[2]!.trim(), unit: unitFirst[1]! } : splitUnit(label ? label.title : own);
      const { title } = split;
      let unit = split.unit;
      const organ = !label && !unit && ORGAN_END_LIST.test(title) && placeStart(title);
      // "标题" over "某某区民政局": the unit alone on the next line is the item's (not the next address of a list of them).
      const below = lines[i + 1]?.text.trim() ?? '';
      // (A line that is itself a body's name, "吉林省吉林市第七中学校", is an item of its own, as is the next.)
      const labelled = UNIT_LINE.exec(below);
      if (!unit && !organ && !ADDRESS_END.test(title) && !parseOrgName(title) && !BODY_PART.test(title) && bareUnit(below) && ENTRANT_END.test(below)) {
        unit = below;
        taken.add(i + 1);
        i++;
      } else if (!unit && labelled && /[:：]/u.test(below)) {
        // "标题" over "推荐单位:某市民政局": the labelled unit line is the item's.
        unit = labelled[1]!.trim();
        taken.add(i + 1);
        i++;
      } else if (!unit && !organ && peopleLine(below)) {
        // "标题" over its authors ("蒋丽英 黄禹洲 周作昂") over its units, as numbered entries are set: the authors
        // are people, no item; the line under them, units set out with spaces or one body, is the item's unit.
        taken.add(i + 1);
        i++;
        const units = lines[i + 1]?.text.trim() ?? '';
        if (units && (unitsLine(units) || bareUnit(units) || (ORGAN_END_LIST.test(units.replace(/等$/u, '')) && placeStart(units)))) {
          unit = units;
          taken.add(i + 1);
          i++;
        }
      }
      // (Under a place's heading, "天津市(2个)", the item is there: "和平区…" is 天津's, not 沈阳's.)
      const place = label ? label.label : organ ? title : headPlace ? `${headPlace} ${title}` : null;
      const item = withSubtitle({ title, subtitle: null, unit: unit ?? (organ ? title : null), place, award, at: i });
      plain.add(item);
      run.push(item);
      continue;
    }
    // Plain lines under a list's name that run into fields or text were case titles, not a list
    // ("…入选名单", then each case's title, 创新单位 line and summary): a list of them ends at the
    // next heading or the end of the copy.
    if (listed && run.length && run.every((r) => plain.has(r))) run = [];
    listed = false;
    inGroup = false;
    flush();
    const inline = inlineItems(text, award);
    // (A grade of one item counts after the grades above it: "二等奖:单位《标题》".)
    if (inline.length >= 2 || (inline.length === 1 && items.length > 0 && GRADE_RUN.test(text))) {
      for (const it of inline) items.push({ ...it, at: i });
      taken.add(i);
      continue;
    }
    // A row of names a sentence confers an honour on (anchored by a cue or a verb, each name an item's shape).
    const previous = i > 0 ? lines[i - 1]!.text.trim() : '';
    // (A list's name on the line before, "一、2012年度X初选名单", cues the row under it as a colon does: "甲县、乙县、丙市。")
    const cued = /(?:分别是|分别为|分别有|包括|如下|名单为)\s*(?:[（(][^）)]{0,12}[)）])?\s*[:：]$/u.test(previous) || LIST_NAME_LINE.test(previous.replace(COUNT, ''));
    // (Else the line's own clauses: "…名单公布。我市入选社区:甲、乙、丙。")
    const rows = sentenceRows(text, () => award ?? awardFromText(lines.slice(Math.max(0, i - 4), i).map((l) => l.text)) ?? awardFromText(splitOutside(text, /[。！？，,；;]/u)), cued);
    if (rows.length >= 2 || rows.some((r) => r.besidePeople)) {
      if (rows.some((r) => r.besidePeople)) besidePeople = true;
      for (const { summary, besidePeople: _beside, ...it } of rows) {
        const item = { ...it, at: i };
        if (summary) summaries.add(item);
        items.push(item);
      }
      taken.add(i);
    }
  }
  flush();
  // "成都市青羊区府南街道等30个街道…": a group's first winner stands for a list the page may print in full.
  if (summaries.size && items.some((it) => !summaries.has(it))) {
    for (let k = items.length - 1; k >= 0; k--) if (summaries.has(items[k]!)) items.splice(k, 1);
  }
  // The same honouree named twice, in a sentence of the lead and again in the list it goes on to print
  // ("甲、乙、丙等10个社区获评X。获评社区名单如下:" over the ten), is one entry: the list's.
  const later = new Set<string>();
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    const key = `${it.title}|${it.award ?? ''}|${it.unit ?? ''}`;
    if (later.has(key) && items.some((o, j) => j > k && o.at !== it.at && `${o.title}|${o.award ?? ''}|${o.unit ?? ''}` === key)) items.splice(k, 1);
    else later.add(key);
  }
  // A bare number where the copy ends ("18、") is no item.
  // (Nor is a number alone: "清远市殡仪馆:0763-3906368、0763-3906039" is a directory's entry, a place and its phone.)
  for (let k = items.length - 1; k >= 0; k--) if (items[k]!.title.replace(/[\s\p{P}]/gu, '').length < 2 || /^[0-9０-９\s\-－—、,，/／()（）+＋转]+$/u.test(items[k]!.title)) items.splice(k, 1);
  // A note on the list's scope ("(福建部分)") and the document's own title printed again ("关于…" /
  // "…名单的公示") are the page's lines, not what it lists.
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    if (!it.unit && !it.subtitle && (/^[（(][^（）()]{1,20}[)）]$/u.test(it.title) || /^关于|(?:名单|的公示|的通知|的公告|的决定)$/u.test(it.title))) items.splice(k, 1);
  }
  // No list by its lines: a report that one body or work received an honour is a list of that one entry.
  if (items.length === 0) {
    const report = awardReport(lines);
    if (report) withoutSharedPlace(report.items);
    return report;
  }
  withoutSharedPlace(items);
  const summarised = items.every((it) => summaries.has(it));
  for (const [k, it] of items.entries()) items[k] = withPlace(withSubtitle(it));
  // An honour a row states without its year ("甲、乙被评为“X”") is the one the lead names with it ("公布2017年X名单"), as
  // the lead's decision names it ("决定…为“X”" over "2011年度X名单") and in full ("省X" after "甘肃省X").
  const lead = lines.slice(0, items[0]!.at + 1).map((l) => l.text).join('\n');
  for (const it of items) if (it.award) it.award = asConferred(withYear(namedInFull(it.award, lead), lead), lead);
  // "获慈善项目奖" under "第十届“中华慈善奖”共表彰…49个慈善项目": a class named by the kind of its winners is the prize's.
  for (const it of items) {
    const prize = it.award ? prizeOfClass(it.award, lines.slice(Math.max(0, it.at - 6), it.at + 1).map((l) => l.text)) : null;
    if (prize) it.award = prize;
  }
  // The list's name: the nearest line above the first item that reads like one.
  let nameAt = -1;
  for (let i = items[0]!.at - 1; i >= 0 && i >= items[0]!.at - 4; i--) {
    const t = lines[i]!.text.replace(COUNT, '');
    if (/名单$|公示$|评选结果$/u.test(t) && !SENTENCE.test(t) && !GENERIC_LIST.test(t.replace(/^[一二三四五六七八九十]{1,3}\s*[、.．]\s*/u, '').replace(/(?:名单|公示|评选结果)$/u, ''))) {
      nameAt = i;
      break;
    }
  }
  const scopeTexts = [nameAt >= 0 ? lines[nameAt]!.text : '', lines[0]?.text ?? ''];
  return { items, taken, nameAt, scope: listScope(scopeTexts), scopeTexts, ...(besidePeople ? { besidePeople } : {}), ...(summarised ? { summarised } : {}) };
}

/** A line's printed width: a Han character or full-width mark one cell, ASCII and the curly quotes and dashes (U+2000–206F, set narrow by many fonts) half. */
function printedWidth(text: string): number {
  const t = text.trim();
  let w = 0;
  // by UTF-16 unit, a surrogate pair one cell (iterating the string made a string of each character)
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c <= 0x206f) w += 0.5;
    else {
      w += 1;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    }
  }
  return w;
}

/**
 * A row of names hard-wrapped where it was copied out of a PDF ("…井陉县、正定" / "县、元氏县…" / "…成安县。"): two
 * lines or more of one printed width (within three cells: a wrap hangs a mark rather than start a line on it, and half-width marks leave a line short), none
 * ending a sentence and none after the first opening as a row does (a number, a heading mark, a label and its
 * colon), then the paragraph's shorter last line, holding three 、 or more between them, are one line.
 * The lines after the first are left empty, so every index the list reads still points at its line; rows of
 * different widths, as a list prints its rows, are left alone (unwrap.ts rejoins whole pages of one width).
 */
function rejoinWrappedRows(lines: SourceLine[]): SourceLine[] {
  let out: SourceLine[] | null = null;
  for (let k = 0; k < lines.length; k++) {
    const w = printedWidth(lines[k]!.text);
    if (w < 16 || lines[k]!.table || lines[k]!.image) continue;
    // (A line a wrap went on with opens as no row does: with no number, heading mark or label before a colon.)
    const goesOn = (j: number) => j < lines.length && !lines[j]!.table && !/^\s*(?:[0-9０-９]{1,3}\s*[.．、]|[（(][0-9０-９一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[◆●•■★☆▶►]|[^:：，,。、\s]{2,12}[:：])/u.test(lines[j]!.text);
    let end = k;
    while (end + 1 < lines.length && !/[。！？]$/u.test(lines[end]!.text.trim()) && Math.abs(printedWidth(lines[end + 1]!.text) - w) <= 3 && goesOn(end + 1)) end++;
    // The run of full lines, then the last, shorter line of the paragraph.
    const last = end + 1 < lines.length && !/[。！？]$/u.test(lines[end]!.text.trim()) && goesOn(end + 1) ? end + 1 : -1;
    if (end - k < 1 || last < 0 || !lines[last]!.text.trim() || printedWidth(lines[last]!.text) > w + 3) continue;
    const joined = lines.slice(k, last + 1).map((l) => l.text.trim()).join('');
    if ((joined.match(/、/gu) ?? []).length < 3) continue;
    out ??= [...lines];
    out[k] = { text: joined };
    for (let j = k + 1; j <= last; j++) out[j] = { text: '' };
    k = last;
  }
  return out ?? lines;
}

const BULLET = /^\s*[●•▪◆■□◇○◎◉·▶►]\s*(?=\S)/u;
/** A short row ending in its stop mark, with no clause in it, opening with an item's number: "1.某某局。" (not "1.体现…,符合…。"). */
const ROW_STOP = /^(?:[0-9０-９]{1,3}\s*[.．、]|[（(][0-9０-９]{1,3}[)）])[^。！？!?，,；;:：]{2,40}[。；;]$/u;

/**
 * A bulleted run ("●甲社区" over "●乙社区"): the bullet marks each line as an item, no part of its text, and
 * the lines are read without it (the same lines, so indexes hold). A bullet on a line alone, as a unit's
 * mark under its item ("◉某某市民政局"), stays. Numbered rows that end in their stop mark lose it the same way.
 */
function withoutBullets(lines: SourceLine[]): SourceLine[] {
  const mark = (k: number) => (k >= 0 && k < lines.length ? BULLET.exec(lines[k]!.text)?.[0].trim() : undefined);
  // (Only where the rest is one cell: a table's rows keep their columns for spacedTable.)
  const number = (k: number) => {
    const m = k >= 0 && k < lines.length ? SPACED_NUMBER.exec(lines[k]!.text) : null;
    return m && !/[\s\u3000]/u.test(lines[k]!.text.slice(m[0].length).trim()) ? Number(m[1]) : NaN;
  };
  // "1.长沙市民政局社会救助处。" over "2.…。": rows of a list that end in their stop mark are list lines, not sentences.
  const row = (k: number) => k >= 0 && k < lines.length && ROW_STOP.test(lines[k]!.text.trim());
  const stopped = lines.some((_, k) => row(k) && (row(k - 1) || row(k + 1)));
  if (!stopped && !lines.some((l) => BULLET.test(l.text) || SPACED_NUMBER.test(l.text))) return lines;
  return lines.map((l0, k) => {
    const l = stopped && row(k) && (row(k - 1) || row(k + 1)) ? { ...l0, text: l0.text.trim().replace(/[。；;]$/u, '') } : l0;
    const own = mark(k);
    if (own && (mark(k - 1) === own || mark(k + 1) === own)) return { ...l, text: l.text.replace(BULLET, '') };
    // (Or every other line, each item over its unit line: "◆标题" / "推荐单位:某市民政局" / "◆标题".)
    const unitBetween = (j: number) => j >= 0 && j < lines.length && UNIT_LINE.test(lines[j]!.text.trim());
    if (own && ((mark(k - 2) === own && unitBetween(k - 1)) || (mark(k + 2) === own && unitBetween(k + 1)))) return { ...l, text: l.text.replace(BULLET, '') };
    // "1 甲社区" over "2 乙社区": numbers in sequence set apart by a space, as a table's first column copies.
    const n = number(k);
    if (n && (number(k - 1) === n - 1 || number(k + 1) === n + 1)) return { ...l, text: l.text.replace(SPACED_NUMBER, '') };
    return l;
  });
}

/** A number set apart from the line's text by spaces ("1 甲社区"; not "2023 年", not "3 个"). */
const SPACED_NUMBER = /^\s*([0-9]{1,3})[\s\u3000]+(?![个家名所项篇年月日号])(?=[\u4e00-\u9fa5“"《])/u;

/** A paragraph of running text, not a list line, heading or signature. */
function isProse(text: string): boolean {
  return text.length >= 60 || /[。！？]$/u.test(text);
}

/**
 * Whether a page is its list (an award or shortlist document) rather than a text that happens to
 * name a few places. The list's own structure decides: its items stand together (few paragraphs
 * among them), and the page says what they are (a list name, group headings, or a conferring
 * sentence above or in the first item's line), under a lead of a few paragraphs. What follows the
 * list does not count against it: real pages go on with notes, wishes, 附件 lines, signatures,
 * contacts and related links. Without such signs, a list is the page only when little running
 * text follows its first item (a case whose body lists three addresses is not one).
 */
export function isListDocument(lines: SourceLine[], list: ListResult): boolean {
  // (awardReport has weighed the text already: a report of its news, not a write-up of practice.)
  if (list.report) return true;
  const n = list.items.length;
  if (n < 2 && !(n === 1 && list.besidePeople)) return false;
  let first = Infinity;
  let last = -1;
  for (const it of list.items) {
    first = Math.min(first, it.at);
    last = Math.max(last, it.at);
  }
  let before = 0;
  let among = 0;
  let after = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (list.taken.has(i) || !t || lines[i]!.image || !isProse(t)) continue;
    if (i < first) before++;
    else if (i <= last) among++;
    else after++;
  }
  // Names in the headline alone, over paragraphs of text, are what the article is about
  // ("甲、乙、丙被民政部确定为…试点地区"): its title, not a list.
  if (last === 0 && after >= 1 && !isProse(lines[0]!.text)) return false;
  // Honours a report's paragraph mentions among its other facts ("三是…建成社区服务中心8个…,甲社区被命名为X,
  // 乙社区被命名为Y。"), after a paragraph of the report or more: its names are a small part of it, description,
  // not a list. (Names that stand for groups, "A等44个X", are few by design.) The share: on tuning, such cases'
  // names fill 4.8-5.8 % of their paragraph, lists' 21.8 % and more; the cut at 1/6 holds out of every batch.
  // (Winners an honour's cue or total introduces, "获X的是:甲、乙", are its enumeration, however short their names.)
  if (first === last && before >= 1 && !list.summarised && !list.items.every((it) => it.grouped) && isProse(lines[first]!.text)) {
    const named = list.items.reduce((sum, it) => sum + it.title.length + (it.subtitle?.length ?? 0) + (it.unit && it.unit !== it.title ? it.unit.length : 0), 0);
    if (named * 6 < lines[first]!.text.length) return false;
  }
  const together = among <= Math.max(1, Math.floor(n / 3));
  const shortLead = before <= 4 || before <= n;
  const awarded = list.items.filter((it) => it.award).length;
  let conferred: boolean | null = null;
  const confers = () => (conferred ??= awardFromText(lines.slice(0, first + 1).map((l) => l.text)) !== null);
  if (together && shortLead) {
    if (list.nameAt >= 0 || awarded * 2 >= n) return true;
    if (confers()) return true;
  }
  // A row of names inside one sentence that nothing is conferred on is description ("共有4个社区,分别是…").
  // (Items titled apart from their places — "济南市：“泉社彤行”品牌…；青岛市：…" — are a list whatever the sentence says.)
  const namesOnly = list.items.every((it) => !it.unit && (!it.place || it.place === it.title));
  if (first === last && namesOnly && isProse(lines[first]!.text) && awarded === 0 && list.nameAt < 0 && !confers()) return false;
  return among + after <= Math.max(2, Math.floor(n / 3));
}

/** The single place the first of these lines names (several places, or none: no scope); a street it names says its county. */
function listScope(texts: string[]): string | null {
  for (const t of texts) {
    if (!t || t.length > 80) continue;
    // A name in quotes is a title's ("“红旗”小区"), not where the list is.
    const quoted = [...t.matchAll(/[“"][^”"]*[”"]/gu)].map((q) => [q.index!, q.index! + q[0].length] as const);
    const found = [...new Set(findMentions(t).filter((m) => !quoted.some(([a, b]) => m.start >= a && m.end <= b)).map((m) => t.slice(m.start, m.end)))];
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return null;
  }
  return null;
}

/**
 * "一、标题（单位） 二、标题（单位）" run together in a paragraph (a notice body), or
 * "地区：标题；地区：标题" in a sentence: the items, in order.
 */
function inlineItems(text: string, award: string | null): Array<Omit<ListItem, 'at'>> {
  // "获X集体的是:甲、乙;获Y个人的是:…", "X 2318个,我市甲、乙受到表彰": honours given group by group, each its winners.
  const groups = honourGroups(text);
  if (groups.length) return groups;
  const out: Array<Omit<ListItem, 'at'>> = [];
  // "甲和乙获“慈善楷模”奖,丙获得“捐赠企业”奖": the winners of a named prize, clause by clause.
  const prizes = prizeItems(text);
  if (prizes.length >= 2) return prizes;
  // "获评X的4个村分别为:甲、乙;获评Y的3个社区分别为:…", "甲被评为X,乙、丙入选Y": each clause its honour.
  const clauses = clauseItems(text);
  if (clauses.length >= 2) return clauses;
  // "这17个单位分别为甲、乙…", "4个慈善示范村分别是:…", "包括甲、乙和丙": the awarded places or units named in a row.
  const named = namedRow(text, award);
  if (named.length) return named;
  // "甲、乙、丙3城区,丁、戊5街道,己等22社区入列榜单": places counted by kind.
  const counted = countedRuns(text, award);
  if (counted.length) return counted;
  // Most paragraphs list nothing: look closer only where list punctuation repeats.
  if (!/[一二三四五六七八九十]、.*[一二三四五六七八九十]、|；.*；|;.*;|(?:荣获|获得|获评|被评为|获)(?:特等奖|[一二三四]等奖|优秀奖)\s*[；;]|(?:分别为|分别是|如下)\s*[:：]|^(?:特等奖|[一二三四]等奖|优秀奖|优胜奖|提名奖|入围奖|金奖|银奖|铜奖|鼓励奖)/u.test(text)) return out;
  const numbered = [...text.matchAll(/(?:^|[\s:：。；;])([一二三四五六七八九十]{1,3})、\s*/gu)];
  if (numbered.length >= 3) {
    for (let k = 0; k < numbered.length; k++) {
      const m = numbered[k]!;
      const start = m.index! + m[0].length;
      const end = k + 1 < numbered.length ? numbered[k + 1]!.index! : text.length;
      let piece = text.slice(start, end).trim();
      // The last item runs into the closing sentence: cut it at its unit.
      const u = /[（(][^（）()]{3,30}[)）]/u.exec(piece);
      if (k === numbered.length - 1 && u) piece = piece.slice(0, u.index + u[0].length);
      const { title, unit } = splitUnit(piece);
      if (!unit || title.length < 4 || SENTENCE.test(title)) return [];
      out.push({ title, subtitle: null, unit, place: null, award });
    }
    return out;
  }
  const graded = gradedItems(text);
  if (graded.length >= 2) return graded;
  // "一等奖：标题（单位）、标题（单位）。": the grade heads the items run on after it.
  const run = GRADE_RUN.exec(text);
  if (run) {
    const pieces = splitOutside(run[2]!.replace(/[。.]$/u, ''), /[、；;]/u);
    // Each piece a title with its unit, bracketed after it or as "单位《标题》".
    const items = pieces
      .map((p) => {
        const booked = bookTitled(p);
        return booked && (booked.unit || booked.place) ? { title: booked.title, unit: booked.unit, place: booked.place } : { ...splitUnit(p), place: null };
      })
      .filter((p) => (p.unit || p.place) && p.title.length >= 3);
    if (items.length >= 1 && items.length === pieces.length) {
      for (const it of items) out.push({ title: it.title, subtitle: null, unit: it.unit, place: it.place, award: run[1]! });
      return out;
    }
  }
  const pairs = text.split(/[；;]/u).map((p) => p.trim());
  if (pairs.length >= 3) {
    for (const p of pairs) {
      const pc = placeColon(p.replace(/^.*?(?:分别是|分别为|名单如下|如下|包括)[:：]\s*/u, '').replace(/[。]$/u, ''));
      if (!pc) continue;
      const { title, unit } = splitUnit(pc.rest);
      out.push({ title, subtitle: null, unit, place: pc.place, award });
    }
    if (out.length >= 3) return out;
  }
  return [];
}

/** The verbs that confer an honour on the names before them: "甲被评为X", "乙、丙入选Y", "丁获得第一名". */
const CLAUSE_SIGN = new RegExp(`分别[为是]|${CONFER_VERB_WORD}`, 'u');
const CONFER = new RegExp(`^(.+?)(${CONFER_VERB_WORD})\\s*(.+?)(?:荣誉)?(?:称号)?$`, 'u');
/** What a conferring verb gives when it is an honour (not "获得好评"): a quoted name, an honour, a grade or a rank. */
const HONOUR_GIVEN = /[“"].+[”"]|(?:示范|先进|优秀|十佳|十大|百佳|最美|最佳|明星|标兵|模范|文明|和谐|美丽|平安)[\u4e00-\u9fa5]{0,16}$|等奖$|^第[一二三四五六七八九十]+名$|^(?:金|银|铜)奖$/u;
/** "分别为:", "分别是": a row of names follows; what precedes is the honour and its count ("获评X的4个村"). */
const ROW_CUE = /^(.*?)(?:分别为|分别是)\s*[:：]?\s*(.+)$/u;

/**
 * A sentence that confers honours clause by clause: "获评第三届全省“百佳村民委员会”的4个村分别为:甲、乙;
 * 获评…的3个社区分别为:…" (rows after a cue, one honour each), "甲被评为X,乙、丙入选Y" and "甲获得第一名,乙、丙
 * 社区获得第二名" (names before a conferring verb; a 社区 after the last of several names is each one's).
 * Every name must be an awarded place, unit or committee: a clause naming people (书记、主任某某) or
 * anything else is no item. Parallel clauses share the first one's period ("11月份“红旗”…;“黄旗”…").
 */
function clauseItems(text: string): Array<Omit<ListItem, 'at'>> {
  if (!CLAUSE_SIGN.test(text)) return [];
  const out: Array<Omit<ListItem, 'at'>> = [];
  let lead: string | null = null;
  const push = (names: string[], award: string) => {
    for (const n of names) out.push(awardedName(n) === 'unit' ? { title: n, subtitle: null, unit: n, place: n, award } : { title: n, subtitle: null, unit: null, place: placeStart(n) ? n : null, award });
  };
  for (const clause of text.split(/[；;。！]/u)) {
    const row = ROW_CUE.exec(clause);
    if (row) {
      const names = row[2]!.split('、').map((x) => x.trim().replace(/[,，]$/u, '')).filter(Boolean);
      let award = row[1]!.slice(Math.max(row[1]!.lastIndexOf(','), row[1]!.lastIndexOf('，')) + 1);
      award = award.replace(/^.*?(?:获评|获得|荣获|被评为|被命名为|被确定为|入选)/u, '').replace(/的?[0-9０-９一二三四五六七八九十百]+\s*[个家名所][\u4e00-\u9fa5]{0,6}$/u, '').trim();
      // Only an honour names the row ("中榜单位分别为" is the row's kind: the sentence-wide rules read it).
      if (names.length >= 1 && award.length >= 2 && (HONOUR_GIVEN.test(award) || HONOUR.test(award)) && names.every((n) => awardedName(n) !== null)) {
        // The first clause's period before its quoted name ("11月份“红旗”…") is the later clauses' too.
        const q = award.search(/[“"]/u);
        if (lead === null) lead = q > 0 ? award.slice(0, q) : '';
        else if (q === 0 && lead) award = lead + award;
        push(names, award);
      }
      continue;
    }
    for (const part of clause.split(/[,，]/u)) {
      // (The page's own place before a name that writes its own, "我市白银市民政局", is the reporter's.)
      const opened = part.replace(/^\s*(?:其中|最终|最后|此外|同时)\s*/u, '').trim();
      const own = /^(?:我|本)[省市区县州旗]/u.test(opened) && placeStart(opened.slice(2)) ? opened.slice(2) : opened;
      const m = CONFER.exec(own);
      if (!m) continue;
      // (What stands for the honour after its quotes, "跻身“X”行列", "获颁“X”牌匾", is no part of it.)
      const award = m[3]!.replace(/(?<=[”"])(?:行列|牌匾|奖牌|匾额|荣誉证书|证书)$/u, '').replace(/^[“"]([^“”"]+)[”"]$/u, '$1').trim();
      if (!HONOUR_GIVEN.test(m[3]!.trim()) || award.length < 2) continue;
      // "甲、乙、丙等100个站被评为X" is a row with its count: listrows.ts reads it with the sentence around it.
      if (/等\s*[0-9０-９一二三四五六七八九十百]+\s*[个家所项座]/u.test(m[1]!)) continue;
      // ("甲、乙两个社区": a count after the names that restates them, counting their own kind, not "甲市、乙市16个案例"
      // whose count is of what they entered; "甲和乙": two names, when both halves are.)
      const kindCounted = /[个家所]\s*([\u4e00-\u9fa5]{1,4})$/u.exec(m[1]!)?.[1];
      const restated = kindCounted && (/^(?:单位|集体)$/u.test(kindCounted) || withoutRestatedCount(m[1]!, '、和及与').endsWith(kindCounted)) ? withoutRestatedCount(m[1]!, '、和及与') : m[1]!;
      const names = restated.split('、').map((x) => x.trim()).filter(Boolean);
      for (let k = names.length - 1; k >= 0; k--) {
        const pair = /^(.{2,}?)(?:以及|和|及|与)(.{2,})$/u.exec(names[k]!);
        if (pair && ADDRESS_END.test(pair[1]!) && awardedName(pair[1]!) && awardedName(pair[2]!)) names.splice(k, 1, pair[1]!, pair[2]!);
      }
      // "中阳里、五羊里社区": the kind after the last name is each one's.
      const kind = /(社区|村|街道)$/u.exec(names[names.length - 1] ?? '')?.[1];
      if (kind && names.length > 1) for (let k = 0; k < names.length - 1; k++) if (!ADDRESS_END.test(names[k]!)) names[k] = names[k]! + kind;
      // (A phrase holding 的, "满意率高的项目所在社区", describes which ones win, as a rule of the selection does: no name.)
      if (names.length && names.every((n) => awardedName(n) !== null && !/^(?:该|本|我|其|这|各)/u.test(n) && !n.includes('的'))) push(names, award);
    }
  }
  return out;
}

/** A clause giving a named prize: the winners, the verb, the prize in quotes ("…获“慈善楷模” 奖", "…则获得“捐赠个人”奖项"). */
const PRIZE_CLAUSE = new RegExp(`^(.+?)(?:则|也|均|都|分别|共同)?\\s*${CONFER_VERB}\\s*[“"]([^“”"]{2,20})[”"]\\s*(?:奖项|奖|称号|荣誉称号)?$`, 'u');
/** Posts a winner is named with after the body they lead ("…有限公司董事长张某"). */
const POST = /(?:董事局主席|董事会主席|董事长|总经理|总裁|副总裁|创始人|理事长|会长|院长|校长|主席|党委书记)/u;
/** What wins a prize besides people: bodies, teams, projects, campaigns. */
const WINNER_END = /(?:公司|集团|企业|团队|服务队|志愿队|队|行动|项目|计划|基金会|协会|商会|联合会|总会|慈善会|中心|医院|学校|大学|银行|信托|组织|社区|村|局|厅)$/u;

/** One winner of a prize: a body, "机构的团队" (the team, its body as unit), or a person after the body and post. */
function prizeWinner(piece: string): { title: string; unit: string | null } | null {
  const p = piece.trim();
  // (Quotes may hold a team's or a project's own name: "“微心愿”志愿服务团队".)
  if (p.length < 2 || p.length > 40 || /[\s《》:：]/u.test(p) || (p.match(/“/gu)?.length ?? 0) !== (p.match(/”/gu)?.length ?? 0)) return null;
  const person = new RegExp(`^(.{2,30}?)${POST.source}([\u4e00-\u9fa5]{2,4})$`, 'u').exec(p);
  if (person && WINNER_END.test(person[1]!)) return { title: person[2]!, unit: person[1]! };
  const owned = /^(.{4,24}?)的(.{4,30})$/u.exec(p);
  if (owned && WINNER_END.test(owned[1]!) && WINNER_END.test(owned[2]!)) return { title: owned[2]!, unit: owned[1]! };
  if (p.length >= 4 && WINNER_END.test(p) && !p.includes('的')) return { title: p, unit: null };
  return null;
}

/** The winners joined by 、 and (between two winners only: names hold 和 too) 和/及/与. */
function prizeWinners(names: string): Array<{ title: string; unit: string | null }> | null {
  const out: Array<{ title: string; unit: string | null }> = [];
  for (const piece of names.split('、')) {
    // Split at a conjunction where both halves are winners ("甲有限公司和乙集团有限公司"), else the piece is one.
    let split: Array<{ title: string; unit: string | null }> | null = null;
    for (const m of piece.matchAll(/\s*(?:以及|和|及|与)\s*/gu)) {
      const a = prizeWinner(piece.slice(0, m.index));
      const b = prizeWinner(piece.slice(m.index! + m[0].length));
      if (a && b) {
        split = [a, b];
        break;
      }
    }
    const whole = split ? null : prizeWinner(piece);
    if (!split && !whole) return null;
    out.push(...(split ?? [whole!]));
  }
  return out;
}

/**
 * A paragraph announcing a named prize's winners clause by clause: "甲和乙获“慈善楷模” 奖, 丙获得“慈善项目”奖,
 * 丁获得“捐赠企业”奖。某公司董事长张某、…和…则获得“捐赠个人”奖项。" Each clause's prize (in quotes, before
 * 奖/奖项/称号) is the award of its winners; every winner must be a body, a team of a body or a person
 * named after the body and post (the person is the item). A clause naming anything else gives nothing.
 */
function prizeItems(text: string): Array<Omit<ListItem, 'at'>> {
  if (!/[”"]\s*(?:奖项|奖|称号)/u.test(text)) return [];
  const out: Array<Omit<ListItem, 'at'>> = [];
  for (const sentence of text.split(/[。；;！!]/u)) {
    for (const part of sentence.split(/[,，]/u)) {
      const m = PRIZE_CLAUSE.exec(part.replace(/^\s*(?:其中|最终|此外|同时|另外|我[省市区县州])+\s*/u, '').trim());
      if (!m) continue;
      const winners = prizeWinners(withoutRestatedCount(m[1]!.trim()));
      // A clause's winners this reader cannot name but that are bodies or places ("某区人民法院", "某县某镇") leave the
      // reading partial: the clause readers read the sentence whole.
      if (!winners && splitOutside(m[1]!, /、/u).every((n) => awardedName(n.trim()) !== null)) return [];
      if (!winners) continue;
      for (const w of winners) out.push({ title: w.title, subtitle: null, unit: w.unit, place: null, award: m[2]!.trim() });
    }
  }
  return out;
}

/** One name in a row of awarded names: a unit (an organ), a place, or an awarded community or village. */
function awardedName(piece: string): 'unit' | 'place' | null {
  if (piece.length < 2 || piece.length > 30 || /[\s“”"《》]/u.test(piece)) return null;
  // A post names a person ("某社区党委书记王某"), not an awarded place.
  if (/书记|主任|主席|队长|站长|院长|所长|局长|科长|调研员|同志|工作者|志愿者/u.test(piece)) return null;
  if (ORGAN_END_LIST.test(piece) && !/(?:社区|街道|居民委员会|村民委员会)$/u.test(piece) && (placeStart(piece) || /^[\u4e00-\u9fa5]{4,}/u.test(piece))) return 'unit';
  if (isPlaceToken(piece) || (placeStart(piece) && COUNTY_PIECE.test(piece))) return 'place';
  if (/^[\u4e00-\u9fa5]{2,20}(?:社区|村|街道|镇|乡)$/u.test(piece)) return 'place';
  // "随县澴潭镇柏树湾村村民委员会": a village's or community's committee is the place awarded.
  if (/^[\u4e00-\u9fa5]{2,24}(?:居民委员会|村民委员会|居委会|村委会)$/u.test(piece)) return 'place';
  // "江东街道南山社区山口", "稠城街道词林社区曲苑小区": an address that opens with its street and names its community.
  if (/^[\u4e00-\u9fa5]{2,8}?(?:街道|镇|乡)[\u4e00-\u9fa5]{0,10}?(?:社区|村)[\u4e00-\u9fa5]{0,12}$/u.test(piece)) return 'place';
  return null;
}

/** Where a row of names ends: the sentence's end, a source mark ("[1]") or a bullet (" - "). */
const ROW_END = /[。；;！!]|\s\[[0-9]+\]|\s-\s/u;

/**
 * A sentence naming what was awarded after a cue: "这17个单位分别为河北省邯郸市肥乡区、…",
 * "14个社区是:劝业场街新津社区、百货大楼社区,小白楼街承德道社区", "包括甲、乙和丙". The cue follows a
 * count or a kind (…个单位, …个社区), and every name in the row must be a unit, a place or an awarded
 * community; a title-like piece means it is prose.
 */
function namedRow(text: string, award: string | null): Array<Omit<ListItem, 'at'>> {
  // Cue words are common; look back from each one for the count or the kind (cheaper than one pattern over the line).
  if (!text.includes('、')) return [];
  let rest: string | null = null;
  let lead = '';
  for (const cue of text.matchAll(/(?:分别为|分别是|分别有|包括|有|是|为)\s*[:：]?\s*/gu)) {
    const before = text.slice(Math.max(0, cue.index! - 14), cue.index);
    // "被评为", "确定为": 为 closing a conferring verb is no cue (what follows is the honour).
    if (cue[0].startsWith('为') && /[评定名予选列]$/u.test(before)) continue;
    if (/(?:[0-9０-９一二三四五六七八九十百]+\s*[个家名所]|单位|集体|组织|社区|村|街道|地区)[\u4e00-\u9fa5]{0,10}[,，]?\s*$/u.test(before)) {
      rest = text.slice(cue.index! + cue[0].length);
      lead = text.slice(0, cue.index);
      break;
    }
  }
  if (rest === null) return [];
  const end = ROW_END.exec(rest);
  const row = (end ? rest.slice(0, end.index) : rest).trim();
  const pieces = rowPieces(row);
  // "…、丁和戊": the last two joined by a conjunction (only there: names hold 和 and 与 themselves).
  const last = pieces.length ? /^(.{2,}?)(?:以及|和|及|与)(.{2,})$/u.exec(pieces[pieces.length - 1]!) : null;
  // Split only where both halves are names and the first one ends as one ("…社区和…", "…协会和…").
  if (last && awardedName(last[1]!) && awardedName(last[2]!) && (ADDRESS_END.test(last[1]!) || ORGAN_END_LIST.test(last[1]!) || !awardedName(pieces[pieces.length - 1]!))) pieces.splice(-1, 1, last[1]!, last[2]!);
  if (pieces.length < 2) return [];
  const kinds = pieces.map(awardedName);
  if (kinds.some((k) => k === null)) return [];
  // "劝业场街新津社区、百货大楼社区,小白楼街承德道社区": a street before a run's first community is the run's.
  const streetOf = new Map<number, string>();
  let at = 0;
  for (const group of row.split(/[,，]/u)) {
    const names = group.split('、').map((x) => x.trim()).filter(Boolean);
    const street = names.length > 1 ? /^([\u4e00-\u9fa5]{2,8}?(?:街道|街|镇|乡))[\u4e00-\u9fa5]{2,}(?:社区|村)$/u.exec(names[0]!)?.[1] : undefined;
    names.forEach((n, k) => {
      const index = pieces.indexOf(n, at);
      if (index >= 0) {
        if (street && k > 0 && !n.startsWith(street)) streetOf.set(index, street);
        at = index + 1;
      }
    });
  }
  // ("2024年全省X社区名单公布,我市3个社区上榜,分别是:甲、乙、丙": the list the sentence names before its cue, when no
  // heading named one.)
  // ("…评出本年度十个魅力社区,分别是:甲、乙": what a selection picks out and counts right before the cue is its honour.)
  const selected = /(?:评出|评选出|选出|遴选出)了?\s*(?:本年度|本届|今年|[0-9０-９]{4}\s*年度?)?\s*(?:[0-9０-９]{1,4}|[一二两三四五六七八九十百]{1,4})\s*[个家名所项]\s*([^，,。；;、“”"]{2,20})\s*[，,]?\s*$/u.exec(lead)?.[1] ?? null;
  const honour = award ?? (/上榜|入选|入围|榜上有名|获评|荣获/u.test(lead) ? awardFromText(splitOutside(lead, /[。！？，,；;]/u)) : selected);
  return pieces.map((p, k) =>
    kinds[k] === 'unit' ? { title: p, subtitle: null, unit: p, place: p, award: honour } : { title: p, subtitle: null, unit: null, place: placeStart(p) ? p : (streetOf.get(k) ?? null), award: honour },
  );
}

/** "3城区", "5街道", "等22社区": the count closing a run of places of one kind. */
const KIND_COUNT = /(等)?\s*[0-9０-９]+\s*个?(?:城区|街道|社区|村|乡镇|镇|县(?:[（(]市、区[)）])?|区|县区|单位|市)/gu;

/** "其中,我省太原市迎泽区、阳泉市矿区、长治市城区3城区,太原市…5街道,太原市…社区等22社区入列榜单": each named place is an item. */
const CONFERS = /(?:入选|上榜|入列|榜上有名|获评|获得|被评为|被命名为|被确定为)/u;

function countedRuns(text: string, award: string | null): Array<Omit<ListItem, 'at'>> {
  if (!CONFERS.test(text)) return [];
  const out: Array<Omit<ListItem, 'at'>> = [];
  let runs = 0;
  let from = 0;
  for (const m of text.matchAll(KIND_COUNT)) {
    const before = text.slice(from, m.index);
    from = m.index! + m[0].length;
    // The run starts after the last break before it ("其中,我省…").
    const run = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf('，'), before.lastIndexOf('：'), before.lastIndexOf(':'), before.lastIndexOf('。')) + 1).replace(/^(?:其中|我[省市区县])+/u, '').trim();
    const names = run.split('、').map((x) => x.replace(/^(?:其中|我[省市区县])+/u, '').trim()).filter(Boolean);
    if (!names.length || !names.every((n) => placeStart(n) && (isAddress(n) || isPlaceToken(n)))) continue;
    // A count in a sentence that confers nothing is a total ("目前,全省1825个乡镇(街道)已实现…"), not winners.
    const sentence = text.slice(Math.max(0, text.lastIndexOf('。', m.index!) + 1), (text.indexOf('。', m.index!) + 1 || text.length + 1) - 1);
    if (!CONFERS.test(sentence)) continue;
    runs++;
    for (const n of names) out.push({ title: n, subtitle: null, unit: null, place: n, award });
  }
  return runs >= 2 ? out : [];
}

/**
 * Where an item is, for its region: its own place; else, when neither it nor its unit names one,
 * the list's; and a street or township it names ("劝业场街新津社区", "园岭街道") narrows either to its
 * county when the place alone does not say it.
 */
function itemPlace(it: ListItem, scope: string | null): string | null {
  // In a functional zone ("金华开发区苏孟乡…", "南京市江北新区…"): no county of GB/T 2260, filed under its city.
  for (const text of [it.place, it.unit, it.title]) {
    const city = text ? zoneCity(text) : null;
    if (city) return city;
  }
  // Units set out one after another ("四川大学 四川省成都市民政局"): the first, who leads the work, says where it is.
  const unit = it.unit?.trim().split(/[\s\u3000]+/u)[0] ?? null;
  // A unit's place in another province than the list's is a community's name ("上林社区" in a 深圳 list).
  const unitPlace = unit ? (scope ? ownPlace(unit, scope) : findMentions(unit).length > 0) : false;
  const place = it.place ?? (!unitPlace && scope && !ownPlace(it.title, scope) ? scope : null);
  const known = place ? resolveRegion(place) : unit && unitPlace ? resolveRegion(unit) : findMentions(it.title).length ? resolveRegion(it.title) : null;
  // A county of another province by the same name as one the list's place held ("清河区" in 淮安's list is
  // no longer in GB/T 2260; 铁岭's is): the item is in the list's place.
  // (Only for a place named by its county alone: a name with its province or city says where it is.)
  const bare = known && scope && place ? !findMentions(place).some((m) => m.places.some((p) => p.level !== 'county')) : false;
  const scoped = bare ? resolveRegion(scope!) : null;
  if (scoped?.province && known!.province && known!.province !== scoped.province) return scope;
  if (known?.county) return place;
  const around = known ?? (scope ? resolveRegion(scope) : null);
  const within = around?.city ?? around?.province ?? null;
  const street = streetCounty(`${it.place ?? ''} ${it.title} ${it.unit ?? ''}`, within ? within.replace(/(?:省|市)$/u, '') : null);
  // (Several units: the first's place, not the last one's, "四川大学 四川省成都市民政局" → 四川省.)
  return street ?? place ?? (unit && unitPlace && unit !== it.unit?.trim() ? unit : null);
}

/** Development zones and new areas, which portals name as if they were districts. */
const ZONE = /(?:经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|新区|经开区|工业园区|产业园区|投资区|保税区)(?!\s*[（(])/u;

/**
 * "金华开发区苏孟乡…" → "金华", "南京市江北新区…" → "南京市": the city a functional zone (no county of
 * GB/T 2260) is in, when the text names the zone right after its city and not its district in brackets
 * ("经济技术开发区(头屯河区)"). A 新区 that is a county ("浦东新区", "滨海新区") is that county.
 */
function zoneCity(text: string): string | null {
  const z = ZONE.exec(text);
  if (!z || z.index > 12) return null;
  const end = z.index + z[0].length;
  const mentions = findMentions(text.slice(0, end + 4));
  if (mentions.some((m) => m.end >= end && m.start < end)) return null;
  const head = mentions.filter((m) => m.end <= z.index && m.places.some((p) => p.level === 'city'));
  if (!head.length || head[0]!.start !== 0) return null;
  return text.slice(0, head[0]!.end);
}

/**
 * Whether a title names a place of its own inside the list's scope ("北碚星期日英语班" in a 重庆 list);
 * a name in another province is a street's or a road's ("承德道社区" in a 天津 list).
 */
function ownPlace(title: string, scope: string): boolean {
  if (findMentions(title).length === 0) return false;
  const own = resolveRegion(title, resolveRegion(scope) ?? undefined);
  const list = resolveRegion(scope);
  return Boolean(own && (!list?.province || own.province === list.province));
}

/**
 * The items of one list are of one place: when most of those whose region is known share a province,
 * an item placed in another province by a name it merely contains ("中阳里社区" read as 中阳县, "福田街道"
 * as 深圳's) or placed nowhere takes what the others share (their county when they all have one, else
 * their city, else the province); an item whose title names its other province keeps it. With no
 * majority, items placed nowhere take what the placed ones share when that is in `fallback`'s
 * province (the page's context or a notice's issuer), else `fallback` itself when it names a county.
 */
/** The place a page's heading wrote before an item ("天津市 和平区…" → 天津市), or "" for a place read otherwise. */
function pageHeading(heading: string | null | undefined): string {
  const space = heading ? heading.indexOf(' ') : -1;
  return space > 0 ? heading!.slice(0, space) : '';
}

export function alignListRegions(cases: Array<{ meta: { title: string; heading?: string | null; region?: Region | null } }>, fallback: Region | null = null): void {
  // Items placed by a place of their own outvote those placed by the page's context.
  // (A heading that is the title itself may be a name merely containing a place: "中阳里社区".)
  const placed = cases.filter((c) => c.meta.heading && c.meta.heading !== c.meta.title && c.meta.region?.province);
  const known = (placed.length >= 2 ? placed : cases).map((c) => c.meta.region).filter((r): r is Region => Boolean(r?.province));
  const byProvince = new Map<string, Region[]>();
  for (const r of known) byProvince.set(r.province!, [...(byProvince.get(r.province!) ?? []), r]);
  const [province, inIt] = [...byProvince.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [null, []];
  const majority = province !== null && inIt.length * 2 > known.length && (inIt.length >= 2 || inIt.length * 2 >= cases.length);
  // No majority, but the items that are placed agree with one another and with the page: the others are there too.
  const agreeing = !majority && province !== null && inIt.length === known.length && fallback?.province === province;
  let common: Region | null = fallback?.county ? fallback : null;
  if (majority || agreeing) {
    const city = inIt.every((r) => r.city && r.city === inIt[0]!.city) ? inIt[0]!.city : null;
    const shared = city && inIt.every((r) => r.county && r.county === inIt[0]!.county) ? inIt[0]!.county : null;
    // One item placed by the county its own name holds ("宁乡市慈善会" among a 长沙 list's firms) says its city
    // for the others, not its county; one placed by its township ("醒民镇人民政府") says the list is that county's.
    const single = !majority && inIt.length === 1 ? cases.find((c) => c.meta.region === inIt[0]) : undefined;
    const ownName = Boolean(single && shared && single.meta.title.includes(shared.replace(/(?:市|县|区|旗)$/u, '')));
    const county = ownName ? null : shared;
    const same = inIt.find((r) => r.city === city && r.county === county);
    common = { province, city, county, ...(same?.code ? { code: same.code } : {}) };
  }
  if (!common) return;
  const short = (name: string) => name.replace(/(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/u, '');
  for (const c of cases) {
    const r = c.meta.region;
    if (!r?.province) c.meta.region = { ...common };
    // ("市福建商会" on 常德's page is the city's own chamber: a name placed by a level word names no other province.)
    // (An item under the page's heading naming its province, "天津市(2个)", written "天津市 和平区…" before its title,
    // is placed by it, not by the list's majority.)
    else if (majority && r.province !== province && (!c.meta.title.includes(short(r.province)) || parseOrgName(c.meta.title)?.placed === 'relative') && !pageHeading(c.meta.heading).includes(short(r.province))) c.meta.region = { ...common };
  }
}

/** List items as case drafts for the common case stages (they carry no body lines). */
export function listDrafts(result: ListResult, fallbackAward: string | null): CaseDraft[] {
  // No place in the list's name or first line: a street there ("园岭街道举办…") says where the list is from.
  const scope = result.scope ?? result.scopeTexts.filter((t) => t && t.length <= 80).map((t) => streetCounty(t)).find(Boolean) ?? null;
  return result.items.map((it) => ({
    heading: itemPlace(it, scope),
    title: it.title,
    subtitle: it.subtitle,
    award: normaliseAward(it.award ?? fallbackAward),
    unit: it.unit,
    groupCategory: null,
    groupHeading: null,
    lines: [],
  }));
}

/** The grades a conferring sentence gives ("…荣获一等奖", "…获得优秀奖"). */
const GRADE_CLAUSE = new RegExp(`^(.+?)${CONFER_VERB}\\s*(特等奖|[一二三四]等奖|优秀奖|优胜奖|提名奖|入围奖|金奖|银奖|铜奖|鼓励奖)[。.]?$`, 'u');
/** One awarded item in such a clause: its organ, "的", and its title, up to the next organ's "的". */
const ORGAN_ITEM = /([\u4e00-\u9fa5（）()]{2,30}?(?:社区|街道|村|镇|乡|局|厅|中心|院|站|所|馆|协会|委员会|政府|办事处|学校|医院))的(.+?)(?=(?:、|和|以及|及|与)[\u4e00-\u9fa5（）()]{2,30}?(?:社区|街道|村|镇|乡|局|厅|中心|院|站|所|馆|协会|委员会|政府|办事处|学校|医院)的|$)/gu;

/**
 * Results given as one sentence of graded clauses: "甲社区的X模式荣获一等奖；乙社区的Y和丙社区的Z
 * 获得二等奖；…". Each clause's grade is the award of the items in it; an item is its organ
 * ("…社区的") and the title after it.
 */
function gradedItems(text: string): Array<Omit<ListItem, 'at'>> {
  const out: Array<Omit<ListItem, 'at'>> = [];
  const clauses = text.split(/[；;]/u);
  if (clauses.length < 2) return out;
  for (const [k, raw] of clauses.entries()) {
    // The first clause carries the sentences before it; the last, the full stop.
    const clause = raw.slice(Math.max(raw.lastIndexOf('。', raw.length - 2), raw.lastIndexOf('！')) + 1).replace(/^\s*(?:最后|最终|其中|结果)\s*[,，]?\s*/u, '').trim();
    const m = GRADE_CLAUSE.exec(clause);
    // The copy may end inside the last clause, before its grade: its complete 《》 titles are still items.
    const cut = !m && k === clauses.length - 1 && k > 0 && out.length > 0 && !/[。！？]\s*$/u.test(clause);
    if (!m && !cut) continue;
    const items = m ? m[1]! : clause;
    const award = m ? m[2]! : null;
    const named = quotedItems(items);
    if (named.length) {
      for (const it of named) out.push({ ...it, place: null, award });
      continue;
    }
    if (!m) continue;
    for (const it of items.matchAll(ORGAN_ITEM)) {
      const title = it[2]!.trim();
      if (title.length < 3 || SENTENCE.test(title)) continue;
      out.push({ title, subtitle: null, unit: it[1]!.replace(/^(?:以及|和|及|与)/u, ""), place: null, award });
    }
  }
  return out;
}

/** Who entered a titled case in a results sentence: "上林社区社工点案例《", "园东社区社工点的《". */
const ENTRANT = /([\u4e00-\u9fa5]{2,20}?(?:社工点|社工站|工作站|服务站|服务中心|中心|社区|街道|村|局|协会|机构|事务所|组织|学校|医院))(?:的|报送的|选送的|申报的)?(?:案例|项目|作品)?《([^《》]{4,80})》/gu;

/** "甲社工点的《标题——副题》和乙社工点的《…》": each complete 《》 title with the entrant before it. */
function quotedItems(text: string): Array<Pick<ListItem, 'title' | 'subtitle' | 'unit'>> {
  const out: Array<Pick<ListItem, 'title' | 'subtitle' | 'unit'>> = [];
  for (const m of text.matchAll(ENTRANT)) {
    const name = m[2]!;
    const dash = /^(.{2,}?)\s*(?:——|--)\s*(.{2,})$/u.exec(name);
    out.push({ title: dash ? dash[1]!.trim() : name.trim(), subtitle: dash ? dash[2]!.trim() : null, unit: m[1]!.replace(/^(?:以及|和|及|与)/u, '') });
  }
  return out;
}

/** Splits at separators outside quotes and brackets ("“多元参与、复合供给”模式（某局）、…"). */
function splitOutside(text: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (/[“（(《「]/u.test(ch)) depth++;
    else if (/[”）)》」]/u.test(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && sep.test(ch)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

