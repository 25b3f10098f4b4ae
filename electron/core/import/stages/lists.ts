/**
 * Award and shortlist documents: lists whose items are cases without body text. The shapes
 * portals print (each a run of at least three items, so a page's odd line never makes a list):
 *   - "地区:标题" lines ("长沙市长沙县:“三五”模式畅通组级微治理"),
 *   - bare addresses of awarded places ("哈尔滨市香坊区进乡街道松海社区"),
 *   - a place line over a title line (a table copied cell by cell),
 *   - numbered items "1.标题" with an optional "——副题" and "（单位）" line under award groups
 *     ("一等奖（5个）"),
 *   - inline lists inside one paragraph ("一、标题（单位） 二、标题（单位）"), and sentences listing
 *     "地区：标题；地区：标题".
 * The award comes from the group heading above the items, else from the list's own name
 * ("…典型案例名单"), else from the sentence that confers it ("评选出10个项目为…", "入选…").
 */
import type { SourceLine } from '../lines.js';
import type { TableBlock } from '../../model/types.js';
import { blocksText } from '../../model/text.js';
import { findMentions } from '../../regions/index.js';
import { AWARD_GROUP, type CaseDraft } from './split.js';
import { isPlaceOnly } from './placelabel.js';

export interface ListItem {
  title: string;
  subtitle: string | null;
  unit: string | null;
  /** The place written with the item ("长沙市长沙县"), for its region. */
  place: string | null;
  award: string | null;
  at: number;
}

export interface ListResult {
  items: ListItem[];
  /** Lines the items took (and their group headings), not lead text. */
  taken: Set<number>;
  /** The list's own name line ("湖南省第一批基层治理创新典型案例名单"), when there is one. */
  nameAt: number;
}

const SENTENCE = /[。！？]/u;
const COUNT = /\s*[（(]\s*(?:共\s*)?[0-9０-９]+\s*[个项家篇名]?\s*[)）]\s*[:：]?$/u;
const NUMBERED = /^(?:[0-9０-９]{1,3}\s*[.．、](?![0-9０-９])|[（(]\s*[0-9０-９]{1,3}\s*[)）])\s*/u;
const CN_NUMBERED = /^[一二三四五六七八九十]{1,3}\s*[、.．]\s*/u;
/** A bracketed unit after a title: "（溧阳市民政局）", "(常州市德安医院)". */
const UNIT_AFTER = /\s*[（(]\s*([\u4e00-\u9fa5（）()·]{3,30}?(?:局|厅|委|办|院|馆|中心|政府|街道|办事处|社区|村|镇|乡|协会|会|站|所|部|公司|集团|社会保障局|福利院|殡仪馆|医院|学校|单位))\s*[)）]\s*$/u;
/** "◉某省民政厅", "申报单位：…" lines under an item. */
const UNIT_LINE = /^(?:[◉●◎○•·]\s*|(?:申报单位|报送单位|推荐单位|创新单位|实施单位|单位)\s*[:：]\s*)(\S.{1,40})$/u;
const SUBTITLE = /^(?:——|--|—)\s*(\S.*)$/u;
const ORGAN_END = /(?:局|厅|委|办|政府|中心|院|馆|站|所|协会|街道|办事处|社区|村|镇|乡)$/u;
/** Where an awarded place's address ends: the unit that was named. */
const ADDRESS_END = /(?:社区|村|街道|镇|乡|中心|院|站|馆|局|委员会|协会|服务社|养老院|福利院|幸福院)$/u;

/** A full address: a city and a county named, or a place and its street or township ("…街道", "…镇"). */
function isAddress(text: string): boolean {
  const m = findMentions(text);
  return m.length >= 2 || (m.length === 1 && /[\u4e00-\u9fa5]{2,8}(?:街道|镇|乡)/u.test(text.slice(m[0]!.end)));
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

/** A dashed unit after a title: "“时间银行”互助养老——鼓楼区民政局". */
const DASH_UNIT = /^(.{4,}?)\s*(?:——|--|—)\s*([\u4e00-\u9fa5（）()·]{3,30})\s*$/u;
/** A unit after a space, as list rows copied from a table read: "“时间银行”互助养老 鼓楼区民政局". */
const SPACED_UNIT = /^(.{4,40}?)[\s\u3000]+([\u4e00-\u9fa5（）()·]{3,30})$/u;

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
  for (const t of texts) {
    const named = /^(.{4,40}?(?:案例|成果|项目|品牌|单位|社区|集体|个人|奖))(?:获奖名单|名单|公示名单|拟入选名单|评选结果|揭晓|出炉|发布|公布)\s*$/u.exec(t.replace(COUNT, ''));
    // A headline's exclamation before the list's name is not part of it ("山东数量位列第一!全国…单位名单公布").
    if (named) return named[1]!.replace(/^.*[！!？?，,：:]\s*/u, '');
  }
  for (const t of texts) {
    // "《关于确定全国社会救助创新实践揭榜挂帅单位的通知》"
    const conferred = /关于(?:确定|命名|公布|表彰|授予)(.{4,40}?)的(?:通知|决定|通报|公告)/u.exec(t);
    if (conferred && /(?:案例|成果|项目|品牌|单位|社区|集体|奖)$/u.test(conferred[1]!)) return conferred[1]!.replace(/^(?:第[一二三四五六七八九十]+批)?/u, '');
  }
  for (const t of texts) {
    const given = /(?:评选出|评出|确定|认定|命名)[^。；;，,]{0,12}?为\s*[“"]?([^。；;，,“”"]{4,40}?(?:案例|成果|项目|品牌|单位|社区|集体))[”"]?/u.exec(t);
    if (given) return given[1]!;
  }
  for (const t of texts) {
    const joined = /(?:入选|被评为|被评选为|评选为|被确定为|荣获|获评)[“"]?((?:[0-9０-９]{4}年度?)?[^。；;，,“”"]{4,30}?(?:案例|成果|项目|品牌|单位|社区|集体))/u.exec(t);
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
  return null;
}

interface Group {
  award: string | null;
}

function groupHeading(text: string): Group | null {
  if (text.length > 40 || SENTENCE.test(text)) return null;
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
  // "城乡社区治理服务类(12个):": a group that names no award.
  if (/(?:类|领域|方面|组)$/u.test(bare) && (COUNT.test(text) || CN_NUMBERED.test(text))) return { award: null };
  return null;
}

/** Column headings of list tables (Word and web tables, or rows copied with cell bars). */
const COLUMN = {
  title: /^(?:案例名称|案例题目|案例标题|项目名称|成果名称|品牌名称|创新案例|案例|名称|标题|题目)$/u,
  unit: /^(?:申报单位|报送单位|推荐单位|创新单位|实施单位|单位名称|获奖单位|完成单位|申报主体|所在单位|单位)$/u,
  place: /^(?:地区|所在地|所在地区|所属地区|推荐地区|地市|设区市|市州|区县|县市区|省份|部门\/地区|部门地区)$/u,
  award: /^(?:奖项|等次|获奖等次|等级|奖励等级|入选类别|评选结果|获奖情况)$/u,
};

function headerColumns(cells: string[]): Partial<Record<keyof typeof COLUMN, number>> | null {
  const cols: Partial<Record<keyof typeof COLUMN, number>> = {};
  cells.forEach((c, k) => {
    const t = c.replace(/[\s\u3000:：]+/gu, '');
    for (const [name, re] of Object.entries(COLUMN) as Array<[keyof typeof COLUMN, RegExp]>) if (cols[name] === undefined && re.test(t)) cols[name] = k;
  });
  return cols.title !== undefined || cols.unit !== undefined ? cols : null;
}

/** Rows of cell texts under a header row: one item per row; a one-cell row is a group heading. */
function rowItems(rows: string[][], award: string | null, at: number): { items: ListItem[]; award: string | null } | null {
  const h = rows.findIndex((r) => r.length >= 2 && headerColumns(r) !== null);
  if (h < 0) return null;
  const cols = headerColumns(rows[h]!)!;
  const items: ListItem[] = [];
  const width = rows[h]!.length;
  let carry: string[] = [];
  for (const raw of rows.slice(h + 1)) {
    const cells = raw.map((c) => c.trim());
    if (cells.filter(Boolean).length === 1) {
      const g = groupHeading(cells.find(Boolean)!);
      if (g?.award) award = g.award;
      continue;
    }
    // Cells merged down a column (rowspan) are missing at the row's start: take them from the row above.
    const row = cells.length < width ? [...carry.slice(0, width - cells.length), ...cells] : cells;
    carry = row;
    const pick = (k: number | undefined) => (k === undefined ? null : row[k]?.trim() || null);
    const unit = pick(cols.unit);
    const title = pick(cols.title) ?? unit;
    if (!title || SENTENCE.test(title) || title.length > 80) continue;
    items.push({ title, subtitle: null, unit, place: pick(cols.place) ?? unit, award: pick(cols.award) ?? award, at });
  }
  return items.length ? { items, award } : null;
}

function tableCells(table: TableBlock): string[][] {
  return table.rows.map((r) => r.map((c) => blocksText(c.blocks).replace(/\s+/gu, ' ').trim()));
}

/** The list in `lines`, or null when there is none of at least three items (two inline). */
export function readList(lines: SourceLine[]): ListResult | null {
  const items: ListItem[] = [];
  const taken = new Set<number>();
  let award: string | null = null;
  let run: ListItem[] = [];
  /** Items under an award group heading need no run of three: the heading says what they are. */
  let grouped = false;
  /** A line above that names a list ("…获奖名单", "…十大创新案例揭晓"): numbered lines under it are its items. */
  let named = false;
  const flush = () => {
    if (run.length >= 3 || (grouped && run.length >= 1 && run.every((r) => r.award))) {
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
    // Table rows copied as text with cell bars: "1 | 标题 | 单位 |".
    if (/[|｜].*[|｜]/u.test(text)) {
      const rows: string[][] = [];
      let k = i;
      while (k < lines.length && /[|｜].*[|｜]/u.test(lines[k]!.text)) rows.push(lines[k++]!.text.replace(/^\s*[|｜]|[|｜]\s*$/gu, '').split(/[|｜]/u));
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
    if (!text || line.image) continue;
    if (!named && text.length <= 60 && !SENTENCE.test(text) && LIST_NAME.test(text)) named = true;
    const group = groupHeading(text);
    if (group) {
      flush();
      if (group.award) award = group.award;
      grouped = Boolean(group.award);
      taken.add(i);
      continue;
    }
    // "地区:标题"
    const colon = text.search(/[:：]/u);
    const pc = colon > 1 && colon <= 31 && text.length <= 80 && !SENTENCE.test(text) ? placeColon(text) : null;
    if (pc) {
      const { title, unit } = splitUnit(pc.rest);
      run.push({ title, subtitle: null, unit, place: pc.place, award, at: i });
      continue;
    }
    // Bare addresses: "哈尔滨市香坊区进乡街道松海社区".
    if (text.length <= 30 && !/[\s,，、:：“”"]/u.test(text) && ADDRESS_END.test(text) && placeStart(text) && isAddress(text)) {
      run.push({ title: text, subtitle: null, unit: null, place: text, award, at: i });
      continue;
    }
    // A place cell over a title cell.
    const next = lines[i + 1];
    if (text.length <= 16 && next && next.text && next.text.length <= 60 && !SENTENCE.test(next.text) && !ADDRESS_END.test(text) && isPlaceOnly(text) && !isPlaceOnly(next.text)) {
      const { title, unit } = splitUnit(next.text);
      run.push({ title, subtitle: null, unit, place: text, award, at: i });
      taken.add(i + 1);
      i++;
      continue;
    }
    // "1.标题" with "——副题" and "（单位）" or "◉单位" lines under it.
    const num = NUMBERED.exec(text);
    if (num && (award || named) && !SENTENCE.test(text) && text.length <= 80) {
      const head = splitUnit(text.slice(num[0].length));
      const item: ListItem = { title: head.title, subtitle: null, unit: head.unit, place: null, award, at: i };
      for (let k = i + 1; k <= i + 2 && k < lines.length; k++) {
        const t = lines[k]!.text;
        const sub = SUBTITLE.exec(t);
        const unitOnly = /^[（(]\s*(\S{3,40})\s*[)）]$/u.exec(t) ?? UNIT_LINE.exec(t);
        if (sub && !item.subtitle && !item.unit) {
          const s = splitUnit(sub[0]);
          item.subtitle = s.title;
          if (s.unit) item.unit = s.unit;
        } else if (unitOnly && !item.unit) item.unit = unitOnly[1]!;
        else break;
        taken.add(k);
        i = k;
      }
      run.push(item);
      continue;
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
      run.push({ title: spaced[1]!.trim(), subtitle: null, unit: spaced[2]!, place: null, award, at: i });
      continue;
    }
    flush();
    const inline = inlineItems(text, award);
    if (inline.length >= 2) {
      for (const it of inline) items.push({ ...it, at: i });
      taken.add(i);
    }
  }
  flush();
  if (items.length === 0) return null;
  // The list's name: the nearest line above the first item that reads like one.
  let nameAt = -1;
  for (let i = items[0]!.at - 1; i >= 0 && i >= items[0]!.at - 4; i--) {
    const t = lines[i]!.text.replace(COUNT, '');
    if (/名单$|公示$|评选结果$/u.test(t) && !SENTENCE.test(t)) {
      nameAt = i;
      break;
    }
  }
  return { items, taken, nameAt };
}

/**
 * "一、标题（单位） 二、标题（单位）" run together in a paragraph (a notice body), or
 * "地区：标题；地区：标题" in a sentence: the items, in order.
 */
function inlineItems(text: string, award: string | null): Array<Omit<ListItem, 'at'>> {
  const out: Array<Omit<ListItem, 'at'>> = [];
  // Most paragraphs list nothing: look closer only where list punctuation repeats.
  if (!/[一二三四五六七八九十]、.*[一二三四五六七八九十]、|；.*；|;.*;|(?:分别为|分别是|如下)\s*[:：]|^(?:特等奖|[一二三四]等奖|优秀奖|优胜奖|提名奖|入围奖|金奖|银奖|铜奖|鼓励奖)/u.test(text)) return out;
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
  // "中榜单位分别为:上海市静安区民政局、浙江省杭州市萧山区民政局…。": the awarded units themselves.
  const units = /(?:单位|集体|名单)(?:分别)?(?:为|是|如下)\s*[:：]\s*([^。]+)/u.exec(text);
  if (units) {
    const names = units[1]!.split(/[、,，;；]/u).map((x) => x.trim().replace(/[。.]$/u, '')).filter(Boolean);
    const organs = names.filter((x) => x.length <= 30 && ORGAN_END.test(x));
    if (organs.length >= 2 && organs.length >= names.length - 1) {
      for (const unit of organs) out.push({ title: unit, subtitle: null, unit, place: unit, award });
      return out;
    }
  }
  const graded = gradedItems(text);
  if (graded.length >= 2) return graded;
  // "一等奖：标题（单位）、标题（单位）。": the grade heads the items run on after it.
  const run = GRADE_RUN.exec(text);
  if (run) {
    const pieces = splitOutside(run[2]!.replace(/[。.]$/u, ''), /[、；;]/u);
    const items = pieces.map((p) => splitUnit(p)).filter((p) => p.unit && p.title.length >= 3);
    if (items.length >= 1 && items.length === pieces.length) {
      for (const it of items) out.push({ title: it.title, subtitle: null, unit: it.unit, place: null, award: run[1]! });
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

/** List items as case drafts for the common case stages (they carry no body lines). */
export function listDrafts(result: ListResult, fallbackAward: string | null): CaseDraft[] {
  return result.items.map((it) => ({
    heading: it.place,
    title: it.title,
    subtitle: it.subtitle,
    award: it.award ?? fallbackAward,
    unit: it.unit,
    groupCategory: null,
    groupHeading: null,
    lines: [],
  }));
}

/** The grades a conferring sentence gives ("…荣获一等奖", "…获得优秀奖"). */
const GRADE_CLAUSE = /^(.+?)(?:荣获|获得|获评|被评为|评为|获)\s*(特等奖|[一二三四]等奖|优秀奖|优胜奖|提名奖|入围奖|金奖|银奖|铜奖|鼓励奖)[。.]?$/u;
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
  for (const raw of clauses) {
    // The first clause carries the sentences before it; the last, the full stop.
    const clause = raw.slice(Math.max(raw.lastIndexOf('。', raw.length - 2), raw.lastIndexOf('！')) + 1).replace(/^\s*(?:最后|最终|其中|结果)\s*[,，]?\s*/u, '').trim();
    const m = GRADE_CLAUSE.exec(clause);
    if (!m) continue;
    for (const it of m[1]!.matchAll(ORGAN_ITEM)) {
      const title = it[2]!.trim();
      if (title.length < 3 || SENTENCE.test(title)) continue;
      out.push({ title, subtitle: null, unit: it[1]!.replace(/^(?:以及|和|及|与)/u, ""), place: null, award: m[2]! });
    }
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

