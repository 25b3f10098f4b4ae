/**
 * Lists written as sentences: a row of names separated by 、 that a sentence confers something on.
 * Rather than one pattern per page, a row is read by its structure:
 *   - it is anchored: a cue before it ("分别是", "包括(33个):", "的项目是:", a line ending "分别为:")
 *     or a conferring verb after its last name ("…等10个县荣获“X”", "…光荣上榜", "…成功入选");
 *   - every name in it has an item's shape: an awarded place, unit or community, a name opening with
 *     its place ("新昌县“五水共治”体制机制创新"), a name ending in what lists award (…工作法, …项目),
 *     or a name with its own honour ("新昌县荣获“生态奖”"); one title-like piece in it means prose;
 *   - the honour is the one the clause names (after the verb, before the cue, "…名单上", "遴选了100个X").
 * Honours given to a first winner and a count ("A等44个“X”、B等10个“Y”", "授予A等10家企业为X") are
 * the other sentence shape: each group's first winner is an item, groups of people are skipped.
 */
import { findMentions } from '../../regions/index.js';
import { isPlaceToken } from './placelabel.js';
import { isOrgName } from './orgnames.js';
import { HONOUR_WORD, statedAward as statedHonour } from './honours.js';
import { CONFER_VERB, honourTail, nameRun, PROSE_WORDS } from './listnames.js';

export interface RowItem {
  title: string;
  subtitle: string | null;
  unit: string | null;
  place: string | null;
  award: string | null;
  /** Named as a group's first winner ("A等44个…"): the page may list the group in full elsewhere. */
  summary?: boolean;
  /** Named in a comma-separated row after a cue (with people beside them, who are skipped): the page lists honourees. */
  besidePeople?: boolean;
  /** Named among an honour's winners after its cue or its total (honourGroups). */
  grouped?: boolean;
}

/** A cue that the names follow: "它们分别是", "包括(33个):", "…的项目是:". */
const CUE_BEFORE = /(?:分别是|分别为|分别有|依次是|依次为|名单如下|如下|包括|有|是|为)\s*(?:[（(][^）)]{0,12}[)）])?\s*[:：]?\s*$/u;
/** A group's first winner and its count: "等44个", "等10家". */
const FIRST_COUNT = /等\s*[0-9０-９一二三四五六七八九十百]+\s*[个家名位项所]/u;
/** The words that anchor a row (a cue or a conferring verb): a line without one holds none. */
const ROW_SIGN = /分别[是为有]|包括|如下|它们是|依次[是为]|的项目是|入选|上榜|入列|榜上有名|荣获|获评|获得|授予|被评为|被命名为|被确定为|被确认为|当选|在列|获(?![悉批取知得评])|(?:确认|确定|认定|命名)为|命名|表彰/u;
/** The conferring verb after a row's last name, found in one search: the name ends where it starts. */
const VERB_AT =
  /(?:等\s*[0-9０-９一二三四五六七八九十百]+\s*[个家所项座][\u4e00-\u9fa5（）()、]{0,12}?|等地|等单位|(?<![0-9０-９第])(?:[0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})\s*[个家所][\u4e00-\u9fa5]{1,4}?(?=\s*(?:均|都|分别|成功|光荣|同时)?\s*(?:荣获|获评|获得|获颁|荣膺|跻身|当选|[喜斩摘夺捧]获|被)))?\s*(?:均|都|分别|成功|光荣|先后|同时)?\s*(?:入选|上榜|入列|榜上有名|荣获|获评|获得|[喜斩摘夺捧]获|[摘夺捧取斩]得|荣膺|被?评(?:定|选)为|跻身|被授予|被评为|被?命名为|被?确定为|被?确认为|被?认定为|当选|在列|获颁|被?表彰为|获(?![悉批取知得评颁])(?=[“"]|[\u4e00-\u9fa5]{2,30}?(?:称号|奖|荣誉)))/u;
/** Where a name of a row may end: a unit, an awarded place, or what lists award. */
const NAME_END =
  /(?:社区|村|街道|镇|乡|县|区|市|旗|局|厅|委|办|政府|中心|院|馆|站|所|协会|商会|基金会|联合会|促进会|服务社|委员会|公司|集团|学校|工作法|项目|模式|案例|品牌|计划|工程|行动|机制|创新|班|队|组织|家园|小区)$/u;
/** A post names a person, not an awarded place or unit. */
const POST = /书记|主任|主席|队长|站长|院长|所长|局长|科长|调研员|同志|工作者|志愿者|先生|女士/u;
/** What a row never holds: sentence verbs and connectives. */
const PROSE = new RegExp(`[。！？]|${PROSE_WORDS}`, 'u');
/** Groups of people among the honours: their names are no cases. */
const PEOPLE_GROUP = /(?:人物|个人|人员|同志|工作者|志愿者|楷模|标兵|之星|家庭|能手|达人|人才|者)[”"]?$/u;

function placeStarts(text: string): boolean {
  const m = findMentions(text.slice(0, 12));
  return m.length > 0 && m[0]!.start === 0;
}

/** Splits at a separator outside quotes and brackets ("2014中国(浙江)…县(市、区)" keeps its 、). */
export function splitOutsideMarks(text: string, sep: string): string[] {
  // Every sentence of every draft is tried as a row: the scan jumps from mark to separator by one
  // pattern instead of looking at each character.
  const re = scanPattern(sep);
  re.lastIndex = 0;
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const ch = m[0];
    if (OPENING.includes(ch)) depth++;
    else if (CLOSING.includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '"') depth = depth > 0 ? depth - 1 : depth + 1;
    else if (depth === 0) {
      out.push(text.slice(from, m.index));
      from = m.index + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

const OPENING = '“（(《「';
const CLOSING = '”）)》」';
const SCANS = new Map<string, RegExp>();
function scanPattern(sep: string): RegExp {
  let re = SCANS.get(sep);
  if (!re) SCANS.set(sep, (re = new RegExp(`[${`${OPENING}${CLOSING}"${sep}`.replace(/[\\\]^-]/gu, '\\$&')}]`, 'gu')));
  return re;
}

/** A comma and a conjunction that go on with a row of names: "甲、乙,以及丙". */
const CONTINUED = /[，,]\s*(?:以及|及|还有)\s*(?=[\u4e00-\u9fa5])/gu;
/** CONTINUED as a test (no global state): whether rowPieces would turn a conjunction into a 、. */
const CONTINUED_IN = new RegExp(CONTINUED.source, 'u');

/**
 * The pieces of a row of names, split at the list's punctuation outside quotes and brackets, with the
 * conjunction that goes on with a row after a comma dropped ("甲、乙,以及丙" → 甲 乙 丙).
 */
export function rowPieces(text: string, seps = '、，,'): string[] {
  return splitOutsideMarks(text.replace(CONTINUED, '、'), seps)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Quotes around an honour's whole name after its year are the page's: "2014年“全国综合减灾示范社区”". */
export function plainAward(award: string | null): string | null {
  if (!award) return award;
  const a = award.trim().replace(/(?:荣誉)?称号$/u, '');
  const m = /^((?:[0-9０-９]{4}\s*年度?)?)[“"]([^“”"]+)[”"]$/u.exec(a);
  return m ? m[1]! + m[2]! : a;
}

/** A name with its own honour: "新昌县荣获“生态奖”". */
const OWN_HONOUR = new RegExp(`^(.{2,30}?)${CONFER_VERB}[“"]([^”"]{2,30})[”"](?:称号)?$`, 'u');

/** A province's name at the head of a name. */
const PROVINCE_HEAD = /^(?:[\u4e00-\u9fa5]{2,3}省|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区)/u;

type Shape = 'named' | 'placed' | 'honoured';

/** The places lists award below a county, and the zones they award as places. */
const AWARDED_PLACE = /(?:街道|镇|乡|村|社区|园区|新区|开发区|高新区|示范区|实验区)$/u;
/** What ends a body's name besides the kinds of orgnames.ts (a meeting's 会 is an event: 大会, 座谈会). */
const BODY_END = /(?:(?<!大|晚|座谈|研讨|表彰|推进|培训|交流|动员|见面|发布|论证|评审|年)会|服务社|合作社|服务队|志愿队)$/u;
/** The organ's words before the first name of a row it confers on: "省民政厅同意将甲、乙…确认为X". */
const CONFERRING_LEAD = /^[^、]{0,20}?(?:(?:同意|决定|研究决定)(?:将|把|授予|命名|确认|认定)?|授予|命名|表彰)\s*/u;

/** A count of a kind ("2个村", "有3家"): a total the sentence gives, no name. */
const COUNTED_KIND = /[0-9０-９]+\s*[个家名所座]/u;

/** The shape of one name in a row, or null when it is not one (a phrase of prose). */
function nameShape(piece: string): Shape | null {
  if (piece.length < 2 || piece.length > 44 || PROSE.test(piece) || POST.test(piece) || COUNTED_KIND.test(piece)) return null;
  if (OWN_HONOUR.test(piece)) return 'honoured';
  if (ownedTitle(piece)) return 'named';
  // A body's other name in brackets after it ("市龙华烈士陵园(龙华烈士纪念馆)") leaves its kind before them.
  if (isPlaceToken(piece) || isOrgName(piece.replace(/[（(][^（）()]{2,20}[)）]$/u, ''))) return 'named';
  // An awarded place below a county, written after its place: "嘉峪关市钢城街道", "兰州新区中川园区".
  if (piece.length <= 20 && AWARDED_PLACE.test(piece) && placeStarts(piece)) return 'named';
  // A body the kinds list does not spell out, after its place: "临澧县慈善会", "某县红十字会".
  if (piece.length <= 24 && BODY_END.test(piece) && placeStarts(piece)) return 'named';
  if (placeStarts(piece)) return 'placed';
  if (NAME_END.test(piece) && piece.length <= 30 && !/[\s,，:：]/u.test(piece)) return 'named';
  return null;
}

/** What an honour's name ends in: the kind of body or place it is given to, or a prize. */
const HONOUR_END = /(?:组织|单位|集体|社区|村|街道|镇|乡|县|区|市|城区|城市|机构|中心|站|点|基地|项目|案例|品牌|成果|奖|家庭)$/u;

/** What a clause confers besides an honour's own words (honours.ts): a prize, a title, a pilot's status. */
const CONFERRED_WORD = /奖|称号|实验区|试验区|试点|标杆/u;

/** The honour a clause gives after its verb: "荣获“X”", "被授予“X”称号", "为X". */
function honourAfter(tail: string): string | null {
  // "被评为全省第二批“十百千”示范社会组织": a quoted word inside the honour's name; the honour is the
  // whole object, up to the clause's end.
  const whole = /^\s*(?:为|了)?\s*([^，,。；;、“”"]{0,16}[“"][^”"]{2,20}[”"][\u4e00-\u9fa5]{2,16}?)(?:荣誉)?(?:称号|殊荣)?\s*(?=[，,。；;]|$)/u.exec(tail);
  if (whole && HONOUR_END.test(whole[1]!)) return whole[1]!.replace(/\s+/gu, '');
  const quoted = /^[^。；;“"]{0,16}?[“"]([^”"]{2,40})[”"]/u.exec(tail);
  if (quoted) {
    // "荣获“2014中国(浙江)全面小康十大示范县(市、区)”", "被授予“最美志愿服务社区”称号": the quoted name, with its year.
    const year = /([0-9０-９]{4}\s*年度?)\s*[“"]$/u.exec(tail.slice(0, quoted.index + quoted[0].indexOf(quoted[1]!)));
    return (year ? year[1]! : '') + quoted[1]!;
  }
  const plain = /^\s*(?:为|了)?\s*([^，,。；;、“”"]{4,30})/u.exec(tail);
  return plain && (HONOUR_WORD.test(plain[1]!) || CONFERRED_WORD.test(plain[1]!)) ? plain[1]!.replace(/(?:荣誉)?称号$/u, '') : null;
}

/** The honour named before a row in its sentence or the one before: "“X”名单上", "遴选了100个X", "命名…为X". */
function honourBefore(text: string): string | null {
  const listed = /((?:[0-9０-９]{4}\s*年度?)?)\s*[“"]([^”"]{4,30})[”"]\s*(?:名单|名录|榜单)/u.exec(text);
  if (listed) return listed[1]! + listed[2]!;
  // ("评出本年度十个X": the round the count is of may stand before it.)
  const counted = /(遴选|评选|评出|选出|推选|确定|公布|命名)(?:出|了)?\s*(?:本年度|本届|今年|[0-9０-９]{4}\s*年度?)?\s*[0-9０-９一二三四五六七八九十百]+\s*个\s*([^，,。；;、“”"]{2,20}?)(?=[，,。；;、]|$)/u.exec(text);
  // (What a selection picks out and counts is its honour, whatever its words; what is fixed or published needs an honour's.)
  if (counted && (/^(?:遴选|评选|评出|选出|推选)$/u.test(counted[1]!) || /(?:示范|先进|优秀|十佳|十大|最美|最佳|典型|品牌|工作法|案例)/u.test(counted[2]!))) return counted[2]!;
  const quoted = new RegExp(`(?:${CONFER_VERB}|授予|命名为|为)\\s*((?:[0-9０-９]{4}\\s*年度?)?)[“"]([^”"]{4,40})[”"]`, 'u').exec(text);
  if (quoted) return quoted[1]! + quoted[2]!;
  // "民政部公布第三批全国婚俗改革实验区名单,我省甲、乙成功入选": the list an organ publishes, unquoted, when its name is an honour's.
  const published = /(?:公布|发布|印发|公示|揭晓)了?\s*([^，,。；;、“”"《》]{4,30}?)(?:名单|名录|榜单)/u.exec(text);
  if (published && honourLike(published[1]!) && !/^(?:了|此次|本次|这次)/u.test(published[1]!)) return published[1]!;
  return null;
}

/**
 * The rows of names in one line of text. `carried` is the honour read above (the list's name or a
 * conferring sentence); `cued` says the line before ended on a cue ("…在列。分别为:").
 */
export function sentenceRows(source: string, carried: () => string | null, cued = false): RowItem[] {
  // "甲、乙被国家卫生健康委、全国老龄办命名为X": the organs after 被 confer; the row is the names before it.
  const text = source.includes('被') ? withoutAgents(source) : source;
  // Honourees one to a comma after a cue, people among them or not.
  if (/分别[是为]|包括|有\s*[:：]|如下\s*[:：]/u.test(text) && /[，,；;]/u.test(text)) {
    const mixed = mixedRow(text, carried);
    if (mixed.length) return mixed;
  }
  const counted = FIRST_COUNT.test(text);
  // A row needs its list punctuation; the clause rows below look for their anchors themselves.
  if (!counted && !text.includes('、') && SPACED_AFTER_COLON.test(text)) return spacedRow(text, carried);
  if (!counted && !text.includes('、')) return [];
  if (counted) {
    const winners = firstWinners(text);
    if (winners.length >= 2) return winners;
  }
  if (!text.includes('、')) return [];
  const open = !/[。！？；;”"）)]\s*$/u.test(text);
  const clauses = splitOutsideMarks(text, '。；;！');
  const out: RowItem[] = [];
  let before = '';
  for (const [k, clause] of clauses.entries()) {
    const last = k === clauses.length - 1;
    // "2010年,甲、乙、丙入选第一批X试点,至今已推行近14年": an honour the sentence tells what was done with since is
    // the background of the text's story, not news of it.
    if (SINCE.test(clause)) {
      before = clause;
      continue;
    }
    // A clause with no 、 (and no ",以及" that rowPieces turns into one) gives no row, so it is passed by before
    // the searches: clauseRow returns at once without a 、, so does each of its comma's parts (substrings of it),
    // and shapedRow splits the clause at 、 only and needs two pieces; with no row, nothing below adds an item.
    // (Most clauses of a case's prose are such: the name search of shapedRow is what this saves. Issue #13.)
    if (!clause.includes('、') && !CONTINUED_IN.test(clause)) {
      before = clause;
      continue;
    }
    let row = clauseRow(clause, before, carried, (cued && k === 0) || false, open && last);
    // "为发挥示范引领作用、带动…发展,经自评申报、逐级推荐…等环节,甲、乙、丙等100个站被评为X": names hold no
    // comma, so a row is one comma's part of its clause; prose joined by 、 before it is not its start.
    // ("甲、乙被授予“X”称号,丙、丁被授予“Y”称号": each comma's part that confers its own honour on a row is one too.)
    if (!row.length && /[，,]/u.test(clause)) {
      const parts = splitOutsideMarks(clause, '，,');
      let lead = before;
      for (const [j, part] of parts.entries()) {
        const found = clauseRow(part, lead, carried, false, open && last && j === parts.length - 1);
        if (found.length >= 2 && (!row.length || found.every((f) => f.award && !row.some((r) => r.award === f.award || r.title === f.title)))) row = [...row, ...found];
        else if (row.length) break;
        lead = part;
      }
    }
    // No verb or cue the patterns above know: the names by their grammar, the honour by its shape.
    if (!row.length) row = shapedRow(clause, before, carried, open && last);
    // "甲、乙被评为X,丙被评为Y": in a clause that confers on a row, a comma's part conferring on one name is an item too.
    if (row.length) {
      for (const part of splitOutsideMarks(clause, '，,')) {
        if (part.includes('、')) continue;
        const one = oneConferred(part);
        if (one && !row.some((r) => r.title === one.title)) row.push(one);
      }
    }
    // (However the row was read, a count after its last name that counts the row restates it: "…、乙社区两个社区".)
    const tail = row.length >= 2 ? RESTATED_COUNT.exec(row[row.length - 1]!.title) : null;
    if (tail && tail.index > 0 && countValue(tail[1]!) === row.length) row[row.length - 1] = { ...row[row.length - 1]!, title: row[row.length - 1]!.title.slice(0, tail.index).trim() };
    out.push(...row);
    before = clause;
  }
  // Names a sentence confers nothing on are description ("共有6个村,分别是…"), not a list.
  return out.length >= 2 && out.every((it) => it.award) ? out : [];
}

function clauseRow(clause: string, before: string, carried: () => string | null, cued: boolean, open: boolean): RowItem[] {
  // The anchor is in the clause itself (or the line before ended on a cue).
  if (!clause.includes('、') || (!cued && !ROW_SIGN.test(clause))) return [];
  // "甲、乙,以及丙、丁": a comma and a conjunction go on with the row (each piece must still be a name).
  const pieces = splitOutsideMarks(clause.replace(CONTINUED, '、'), '、');
  if (pieces.length < 2) return [];
  // Where the row starts: after the cue, the colon or the comma before its first name.
  const head = pieces[0]!;
  let start = Math.max(head.lastIndexOf('，'), head.lastIndexOf(','), head.lastIndexOf(':'), head.lastIndexOf('：')) + 1;
  const cue = /(?:分别是|分别为|分别有|依次是|依次为|名单如下|如下|包括|它们是)\s*(?:[（(][^）)]{0,12}[)）])?\s*[:：]?\s*/gu;
  let cueFound = cued;
  for (const m of head.matchAll(cue)) {
    if (m.index! + m[0].length > start) start = m.index! + m[0].length;
    cueFound = true;
  }
  if (!cueFound && start > 0 && CUE_BEFORE.test(head.slice(0, start).replace(/[，,:：]$/u, ''))) cueFound = true;
  const lead = head.slice(0, start);
  // ("其中我市甲社区": each opener in turn.)
  let first = head.slice(start).replace(/^\s*(?:(?:其中|我[省市区县州]|全[省市])\s*)+/u, '').trim();
  /** "授予甲、乙、丙“X”称号": the organ's verb before the row; the honour follows its last name. */
  let given = false;
  if (CONFERRING_LEAD.test(first)) {
    const lead = CONFERRING_LEAD.exec(first)![0];
    const rest = first.slice(lead.length);
    if (nameShape(rest)) {
      first = rest;
      given = /(?:授予|命名|表彰)\s*$/u.test(lead);
    }
  }
  // Where it ends: the conferring verb after its last name, or the clause's end after a cue.
  const tailPiece = pieces[pieces.length - 1]!;
  let lastName = tailPiece.trim();
  let verbTail = '';
  let verbFound = false;
  const verb = VERB_AT.exec(tailPiece);
  if (verb && verb.index > 0) {
    lastName = tailPiece.slice(0, verb.index).trim();
    verbTail = tailPiece.slice(verb.index + verb[0].length);
    verbFound = true;
  }
  let givenAward: string | null = null;
  if (!verbFound && !cueFound && given) {
    const after = /^(.+?)(?:以|为)?\s*[“"]([^“”"]{2,40})[”"]\s*(?:荣誉)?(?:称号)?\s*$/u.exec(lastName);
    if (after) {
      lastName = after[1]!.trim();
      givenAward = after[2]!;
      verbFound = true;
    }
  }
  if (!verbFound && !cueFound) return [];
  // After a cue the row runs to the clause's end; a comma there closes it ("…社区,助力…" is prose).
  if (!verbFound) {
    const comma = splitOutsideMarks(lastName, '，,');
    if (comma.length > 1 && !nameShape(lastName)) lastName = comma[0]!.trim();
  }
  const names = [first, ...pieces.slice(1, -1).map((p) => p.trim()), lastName];
  splitJoined(names);
  splitRunTogether(names);
  // The copy may end inside the last name ("遂昌县便民服务“政企社共建”模"): it is no item.
  if (open && !verbFound) names.pop();
  if (names.length < 2 || names.some((n) => !n)) return [];
  // "河北省石家庄市…工作法、石家庄市…、承德市…": the province before the first name is the row's, not its title's.
  if (PROVINCE_HEAD.test(names[0]!) && !names.slice(1).some((n) => PROVINCE_HEAD.test(n))) {
    const rest = names[0]!.replace(PROVINCE_HEAD, '');
    if (placeStarts(rest)) names[0] = rest;
  }
  // Cheap tests first: a piece of prose rules the row out before any place is looked up.
  if (names.some((n) => n.length < 2 || n.length > 44 || PROSE.test(n) || POST.test(n))) return [];
  const shapes = names.map(nameShape);
  if (shapes.some((s) => s === null)) return [];
  // A row of titles opening with their places reads as one only after a cue ("的项目是:"): after a
  // verb, names are places or units ("…等单位荣获").
  if (!cueFound && shapes.some((s) => s === 'placed') && !shapes.every((s) => s === 'placed')) return [];
  // (A verb that names nothing after it, "…榜上有名,获得X称号", leaves the honour to its next clause, below.)
  let award = givenAward ?? (verbFound && !/^\s*[，,]/u.test(verbTail) ? honourAfter(verbTail) : null);
  // "…光荣上榜,被授予“最美志愿服务社区”称号": the honour in the verb's next clause.
  if (verbFound && !award) award = honourAfter(verbTail.replace(/^[^，,]*[，,]\s*(?:被授予|荣获|获评|获得|被评为|被命名为)?/u, ''));
  if (!award) award = honourBefore(lead) ?? honourBefore(before) ?? carried();
  award = plainAward(award);
  const award0 = award;
  // "甲、乙分别获评X和Y": as many honours as names, each name its own, in order.
  const respective = verbFound && /分别/u.test(verb?.[0] ?? '') && award ? splitOutsideMarks(award, '、和及与').map((h) => plainAward(h.trim())) : [];
  // (Each a whole honour: its own words, or its level before the kind of body it is given to, "全省平安社区".)
  const whole = (h: string | null) => Boolean(h && h.length >= 4 && (honourLike(h) || /^(?:全国|全省|全市|全区|省级|市级|国家级)[\u4e00-\u9fa5]{2,16}(?:社区|村|单位|集体|组织|街道|乡镇|镇)$/u.test(h)));
  const own = respective.length === names.length && respective.every(whole) ? respective : null;
  return names.map((n0, k): RowItem => {
    const n = n0;
    const award = own?.[k] ?? award0;
    if (shapes[k] === 'honoured') {
      const m = OWN_HONOUR.exec(n)!;
      return { title: m[1]!, subtitle: null, unit: null, place: m[1]!, award: m[2]! };
    }
    const owned = ownedTitle(n);
    if (owned) return { title: owned.title, subtitle: null, unit: owned.unit, place: owned.unit, award };
    return { title: n, subtitle: null, unit: null, place: placeStarts(n) ? n : null, award };
  });
}

/**
 * An item named as its body and its title in quotes or 《》: "武陟县慈善协会“武陟县慈善助力精准扶贫项目”" — the body
 * (a name by orgnames.ts's grammar) is the unit, the quoted words the title; quotes inside the title
 * (‘…’) become its own double quotes. Null when what stands before the quotes is no organisation.
 */
export function ownedTitle(text: string): { title: string; unit: string } | null {
  // (Or its title in 《》, maybe after 的: "长沙市岳麓区民政局的《“三社联动”助力基层治理》".)
  const book = /^([\u4e00-\u9fa5（）()·]{4,30}?)(?:的|报送的|申报的|选送的)?《([^《》]{4,60})》$/u.exec(text.trim());
  if (book && isOrgName(book[1]!)) return { title: book[2]!, unit: book[1]! };
  const m = /^([\u4e00-\u9fa5（）()·]{4,30}?)[“"](.{4,60})[”"]$/u.exec(text.trim());
  if (!m || /[“”"]/u.test(m[2]!) || !isOrgName(m[1]!)) return null;
  return { title: m[2]!.replace(/‘/gu, '“').replace(/’/gu, '”'), unit: m[1]! };
}

/** One honour's first winner and its count: "罗莱生活科技股份有限公司等44个“最具爱心捐赠企业或单位”", "比亚迪股份有限公司等10家企业为X". */
const FIRST_WINNER =
  /([^，,、；;。:：]{2,44}?)等\s*[0-9０-９一二三四五六七八九十百]+\s*([个家名位项所座])([\u4e00-\u9fa5]{0,10}?)\s*(?:为\s*)?((?:[^，,、；;。“”"]{0,20}[“"][^”"]{2,30}[”"][^，,、；;。“”"]{0,20}?)|[^，,、；;。“”"]{4,30}?)(?=予以|[，,、；;。]|$)/gu;

/** The group's kind and a conferring verb between a count and its honour: "企业荣获", "家企业为". */
const GROUP_VERB = new RegExp(`^[\\u4e00-\\u9fa5]{0,10}?(?:${CONFER_VERB}|为)\\s*(?=\\S)`, 'u');

/**
 * The names joined by 、 that open a group before its last named winner, within one comma's clause:
 * "宝钢集团有限公司、" before "宝龙集团发展有限公司等40个企业". Each must be a name by its shape (quotes
 * around a project's name go); a person's name or a phrase of prose ends the run.
 */
function namesBefore(head: string, last: string): string[] {
  const clause = head.replace(/^.*[，,；;。:：]/su, '');
  if (!clause.endsWith('、')) return [];
  const out: string[] = [];
  for (const piece of splitOutsideMarks(clause.slice(0, -1), '、').reverse()) {
    const name = piece.replace(/^\s*(?:其中|并|对|将|授予|表彰)\s*/u, '').trim().replace(/^[“"]([^“”"]+)[”"]$/u, '$1');
    if (!name || name === last || !nameShape(name)) break;
    out.unshift(name);
  }
  return out;
}

function firstWinners(text: string): RowItem[] {
  const out: RowItem[] = [];
  let groups = 0;
  for (const m of text.matchAll(FIRST_WINNER)) {
    const name = m[1]!.replace(/^.*(?:决定|授予|对|将|命名|同意|确定|评选出|表彰)\s*/u, '').trim();
    // "等10家企业为X", "等40个企业荣获“X”": the group's kind and the conferring verb before the honour are not the honour.
    const award = m[4]!.trim().replace(GROUP_VERB, '');
    if (!/(?:奖|示范|先进|优秀|十佳|十大|最美|最佳|最具|典型|品牌|模范|称号|荣誉)/u.test(award)) continue;
    groups++;
    // People: counted in 名/位, or the honour is a person's.
    if (m[2] === '名' || m[2] === '位' || /人|同志/u.test(m[3]!) || PEOPLE_GROUP.test(award)) continue;
    if (!name || name.length > 40 || PROSE.test(name)) continue;
    const honour = plainAward(award.replace(/^[“"]([^“”"]+)[”"]$/u, '$1'));
    // "甲、乙等40个企业": every winner the clause names before 等 is one ("“X工程”、Y计划等20个项目" too);
    // names before an organ's verb ("市民政局、市文明办决定授予A等10家") are the organs that confer.
    const opened = name !== m[1]!.trim();
    for (const earlier of opened ? [] : namesBefore(text.slice(0, m.index), name)) {
      out.push({ summary: true, title: earlier, subtitle: null, unit: null, place: placeStarts(earlier) ? earlier : null, award: honour });
    }
    out.push({ summary: true, title: name, subtitle: null, unit: null, place: placeStarts(name) ? name : null, award: honour });
  }
  return groups >= 2 ? out : [];
}

/** A person named with the post they hold: "…社区党委书记、居民委员会主任孙微(女)". */
const PERSON = /(?:书记|主任|主席|队长|站长|院长|所长|局长|科长|理事长|会长|社工|工作者|志愿者)[\u4e00-\u9fa5]{2,4}(?:[（(][\u4e00-\u9fa5,，、]{1,8}[)）])?$/u;

/** Honours named together before a row ("公示了A、B拟表彰名单"): one for bodies, one for people. */
function honoursNamed(text: string): string[] {
  const m = /(?:公示了?|公布了?|表彰了?|授予|命名|评选出?)\s*([^，,。；;]{4,60}?)(?:拟表彰名单|拟命名名单|表彰名单|名单|称号)/u.exec(text);
  return m ? splitOutsideMarks(m[1]!, '、和').map((h) => h.trim().replace(/^[“"]|[”"]$/gu, '')).filter((h) => h.length >= 4) : [];
}

/**
 * Honourees after a cue, bodies and people together, separated by commas ("分别是甲社区居民委员会,乙社区党委
 * 书记、居委会主任某某(女),…"): the bodies are items, with the honour named for bodies (not the one for people)
 * in the sentence or the line before; people are skipped. Every entry must be one or the other.
 */
function mixedRow(text: string, carried: () => string | null): RowItem[] {
  for (const sentence of splitOutsideMarks(text, '。')) {
    const cue = /^(.*?)(?:分别是|分别为|包括|有\s*[:：]|如下\s*[:：])\s*[:：]?\s*(.+)$/u.exec(sentence);
    if (!cue) continue;
    const entries = splitOutsideMarks(cue[2]!, '，,；;').map((e) => e.trim()).filter(Boolean);
    if (entries.length === 1) {
      const counted = countedBodies(cue[1]!, entries[0]!, text);
      if (counted.length) return counted;
    }
    if (entries.length < 2) continue;
    const bodies: string[] = [];
    let people = 0;
    for (const e of entries) {
      if (PERSON.test(e)) people++;
      else if (!/、/u.test(e) && (isOrgName(e) || (AWARDED_PLACE.test(e) && placeStarts(e)))) bodies.push(e);
      else return [];
    }
    // Bodies alone, one to a comma, need two of them (one body after a cue is a sentence about it).
    if (!bodies.length || (!people && bodies.length < 2)) continue;
    const above = carried();
    const stated = statedHonour([cue[1]!]);
    const honours = [...(stated ? [stated] : []), ...honoursNamed(cue[1]!), ...honoursNamed(text), ...(above ? [above] : [])].filter((h) => !PEOPLE_GROUP.test(h));
    const award = plainAward(honours[0] ?? null);
    if (!award) continue;
    return bodies.map((b) => ({ title: b, subtitle: null, unit: null, place: placeStarts(b) ? b : null, award, besidePeople: true }));
  }
  return [];
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** A count in figures or in Chinese numerals up to 99. */
export function countValue(text: string): number {
  const t = text.normalize('NFKC');
  if (/^[0-9]+$/u.test(t)) return Number(t);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return NaN;
  if (!m[2]) return m[3] ? NaN : CHINESE_DIGITS[m[1]!]!;
  return (m[1] ? CHINESE_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CHINESE_DIGITS[m[3]]! : 0);
}

/** A count after a row of names, restating them: "甲、乙2个社区", "甲、乙、丙三家单位" (not "甲等3个", a group's first). */
const RESTATED_COUNT = /(?<![等0-9０-９])([0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})\s*[个家所]\s*[\u4e00-\u9fa5]{1,4}$/u;

/** A row of names without the count after it ("甲、乙2个社区" → "甲、乙") when it counts as many as are named; else the row. */
export function withoutRestatedCount(row: string, seps = '、'): string {
  const count = RESTATED_COUNT.exec(row);
  if (!count) return row;
  const named = row.slice(0, count.index);
  return splitOutsideMarks(named, seps).length === countValue(count[1]!) ? named.trim() : row;
}

/** The verb of a passive that confers, after the organs that do ("被民政部命名为"). */
const PASSIVE_VERB = /(?:联合|共同)?(?:命名为|授予|评为|评定为|确定为|认定为|表彰为|列为)/u;
/** What an organ's name ends in. */
const ORGAN_END = /(?:部|委|办|厅|局|会|院|政府|中心|组|署)$/u;

/**
 * A passive's organs dropped, "甲、乙被国家卫生健康委、全国老龄办命名为X" → "甲、乙被命名为X": the organs are what
 * stands between 被 and the conferring verb when each piece of it (split at 、/和) is an organ's name. (Found by
 * position, not by one pattern over the pieces, which backtracks without end on a run of such characters.)
 */
function withoutAgents(text: string): string {
  let out = text;
  for (let at = out.indexOf('被'); at >= 0; at = out.indexOf('被', at + 1)) {
    const window = out.slice(at + 1, at + 1 + 64);
    const verb = PASSIVE_VERB.exec(window);
    if (!verb || verb.index < 2) continue;
    const agents = window.slice(0, verb.index);
    const pieces = agents.split(/[、和与及]/u).map((p) => p.trim());
    if (pieces.length > 4 || !pieces.every((p) => p.length >= 2 && p.length <= 21 && /^[\u4e00-\u9fa5]+$/u.test(p) && ORGAN_END.test(p))) continue;
    out = out.slice(0, at + 1) + out.slice(at + 1 + verb.index);
  }
  return out;
}

/** What a sentence goes on with after a past event: the time since. */
const SINCE = /至今|迄今/u;

/** Bodies counted before a cue, people beside them or not: "我市2个集体和1名个人获此殊荣,分别为". */
const BODIES_COUNTED = /(?<![0-9０-９])([0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})\s*[个家]\s*(?:集体|单位|组织|社会组织|社区|村)(?:[和、及与]\s*(?:[0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})\s*[名位]\s*(?:个人|同志))?/u;
/** An honour a sentence counts the winners of, for bodies: "352个全国民族团结进步模范集体和368名…个人受到表彰". */
const COUNTED_HONOUR = /[0-9０-９]+\s*[个家]\s*([\u4e00-\u9fa5“”"]{4,30}?(?:集体|单位))(?=[和、及与，,。；;]|受到|获)/u;

/** The honour for collectives a text names by its grade ("全国民政系统先进集体、劳动模范和先进工作者表彰大会"). */
const COLLECTIVE_HONOUR = /((?:全国|全省|全市|全区|全州|全县|[\u4e00-\u9fa5]{2,8}[省市区县])[\u4e00-\u9fa5]{0,14}?(?:先进|模范|优秀|示范)集体)/u;

/**
 * The bodies after a cue that a count before it numbers, in a row joined by 、 and 和 with the people after them
 * ("2个集体和1名个人…,分别为甲、乙和丙局退休干部某某"): the first pieces, as many as counted, each a body's name; the
 * honour is the one the text names for bodies (its winners counted, "352个X集体"), the one stated before the cue, or the
 * collectives' grade the text names.
 */
function countedBodies(lead: string, row: string, text: string): RowItem[] {
  const count = BODIES_COUNTED.exec(lead);
  if (!count) return [];
  const n = countValue(count[1]!);
  const pieces = splitOutsideMarks(row.replace(/[。！]$/u, ''), '、和及与').map((p) => p.trim());
  if (!(n >= 1) || pieces.length < n) return [];
  const bodies = pieces.slice(0, n);
  // (A body under a national organ writes the organ first, "国家税务总局某旗税务局": its own name is the end.)
  const bodyName = (b: string) => b.length <= 30 && !POST.test(b) && (isOrgName(b) || /^[\u4e00-\u9fa5]{2,8}(?:总局|总署|总会)(?=[\u4e00-\u9fa5]{4})/u.test(b) && isOrgName(b.replace(/^[\u4e00-\u9fa5]{2,8}?(?:总局|总署|总会)/u, '')));
  if (!bodies.every(bodyName)) return [];
  const honour = COUNTED_HONOUR.exec(text)?.[1] ?? statedHonour([lead]) ?? COLLECTIVE_HONOUR.exec(text)?.[1] ?? null;
  const award = plainAward(honour ?? null);
  if (!award || PEOPLE_GROUP.test(award)) return [];
  return bodies.map((b) => ({ title: b, subtitle: null, unit: null, place: placeStarts(b) ? b : null, award, besidePeople: true }));
}

/** Words before a row's first name that are no part of it: the list's own place, "among them", "this time". */
const ROW_OPENER = /^(?:其中|此次|本次|这次|分别|依次|我[省市区县州旗]|全[省市区县])+/u;

/** An honour's name by its words: an honour word, a grade, or what a clause confers. */
function honourLike(text: string): boolean {
  return HONOUR_WORD.test(text) || CONFERRED_WORD.test(text);
}

/**
 * A row of names read by its structure alone, when no verb or cue the patterns know anchors it: the first
 * name is the longest end of the clause's head that is a name (orgnames.ts's grammar, a place, a street,
 * a community), the middle pieces are names, and the last name is the shortest start of the last piece
 * after which an honour opens within a few characters ("…跻身“X”行列", "…被评定为5A级社会组织"); or, when
 * a colon opens the row and the clause ends with its last name, the honour named before it or above.
 * What the run writes once (a county, a street) is carried to the names after it.
 */
function shapedRow(clause: string, before: string, carried: () => string | null, open: boolean): RowItem[] {
  let pieces = rowPieces(clause.replace(/[。！!]$/u, ''), '、');
  // ("省民政厅、省人社厅授予甲、乙…": organs joined as names are, then their act; the row starts after the act.)
  for (let j = pieces.length - 2; j >= 1; j--) {
    const act = /^[^，,]*?(?<!被)(?:授予|命名|表彰)(?!为)\s*(\S.+)$/u.exec(pieces[j]!);
    if (act) {
      pieces = [act[1]!, ...pieces.slice(j + 1)];
      break;
    }
  }
  if (pieces.length < 2) return [];
  // The head: the run starts after its last comma or colon, past the list's own place and openers.
  const head = pieces[0]!;
  const cut = Math.max(head.lastIndexOf('，'), head.lastIndexOf(','), head.lastIndexOf(':'), head.lastIndexOf('：')) + 1;
  const colon = cut > 0 && /[:：]/u.test(head[cut - 1]!);
  let segment = head.slice(cut);
  const opener = ROW_OPENER.exec(segment)?.[0] ?? '';
  segment = segment.slice(opener.length);
  // ("省民政厅决定授予甲、乙…“X”称号": the organ and its act before the first name confer; the row starts after them.)
  const act = /^[^、]*?(?:授予|命名|表彰)\s*/u.exec(segment);
  if (act && act[0].length < segment.length - 1) segment = segment.slice(act[0].length);
  let first: string | null = null;
  for (let p = 0; p <= segment.length - 3 && !first; p++) {
    const candidate = segment.slice(p);
    if (candidate.length <= 24 && (p === 0 || findMentions(candidate.slice(0, 6))[0]?.start === 0) && nameRun([candidate])) first = candidate;
  }
  if (!first) return [];
  const lead = head.slice(0, head.length - first.length);
  // A copula or cue right before the first name opens the row as a colon does ("…的7个社区具体为甲、乙").
  const opened = colon || /(?:是|为|有|括|如下)\s*$/u.test(lead);
  // The tail: the last name, then the verb and the honour (or nothing, after a colon).
  const tail = pieces[pieces.length - 1]!.replace(/[，,][^，,]*$/u, (m) => (colon ? '' : m));
  let lastName: string | null = null;
  let award: string | null = null;
  // (The longest such start: "…老区促进会荣膺4A级…" is 促进会's, not 老区's.)
  for (let end = Math.min(tail.length, 30); end >= 2 && !lastName; end--) {
    const name = tail.slice(0, end);
    if (!nameRun([name])) continue;
    const rest = tail.slice(end);
    if (!rest) {
      if (opened && !open) lastName = name;
      continue;
    }
    const found = honourTail(rest.replace(/[，,].*$/u, ''), honourLike, (t) => HONOUR_WORD.test(t));
    // ("扬州市民政局2014年…": 民政局 goes on with the name, it is no verb.)
    if (found && !nameRun([name + found.verb])) {
      lastName = name;
      award = found.honour;
    }
  }
  if (!lastName) return [];
  // "…、乙社区和丙社区": the last two joined by a conjunction, where both halves are names.
  const names = [first, ...pieces.slice(1, -1), lastName];
  splitJoined(names);
  const run = nameRun(names);
  if (!run || run.length < 2) return [];
  award ??= honourBefore(lead) ?? honourBefore(before) ?? carried();
  if (!award) return [];
  award = plainAward(award);
  return run.map((n) => ({ title: n.title, subtitle: null, unit: null, place: n.title, award }));
}

/** Names set apart by spaces after a colon, to the clause's end: "我市入选社区: 甲社区 乙社区 丙社区". */
const SPACED_AFTER_COLON = /[:：][\s\u3000]*[^\s\u3000，,。；;:：]{2,30}(?:[\s\u3000]+[^\s\u3000，,。；;:：]{2,30})+[。；;]?\s*$/u;

/** A row of names set apart by spaces after its colon: every piece a name, the honour named before it or above. */
function spacedRow(text: string, carried: () => string | null): RowItem[] {
  const m = /^(.*)[:：][\s\u3000]*(.+?)[。；;]?\s*$/u.exec(text.trim());
  if (!m) return [];
  const run = nameRun(m[2]!.split(/[\s\u3000]+/u));
  if (!run || run.length < 2) return [];
  const lead = m[1]!;
  const sentences = splitOutsideMarks(lead, '。；;！');
  const award = plainAward(honourBefore(lead) ?? (sentences.length > 1 ? honourBefore(sentences[sentences.length - 2]!) : null) ?? carried());
  return award ? run.map((n) => ({ title: n.title, subtitle: null, unit: null, place: n.title, award })) : [];
}

/**
 * "…、乙社区和丙社区": a row's last two names joined by a conjunction, where both halves are names by the grammar (at
 * whichever 和 or 及 that is: "东和社区以及西城社区" holds one inside a name). In place.
 */
function splitJoined(names: string[]): void {
  const last = names[names.length - 1] ?? '';
  for (const j of last.matchAll(/以及|和|及|与/gu)) {
    const a = last.slice(0, j.index).trim();
    const b = last.slice(j.index! + j[0].length).trim();
    if (a.length >= 2 && b.length >= 2 && nameRun([a]) && nameRun([b])) {
      names.splice(-1, 1, a, b);
      return;
    }
  }
}

/**
 * Two names a copy ran together where its 、 was lost ("八月湖街道甲社区八月湖街道乙社区"): a piece that holds, past its start,
 * the place it opens with (a town, street, district or county) again, where both halves are names — each name of a row
 * writes its own place, so the place written a second time opens the next name. Split in place.
 */
function splitRunTogether(names: string[]): void {
  for (let k = names.length - 1; k >= 0; k--) {
    const n = names[k]!;
    const place = /^[\u4e00-\u9fa5]{2,8}?(?:街道|镇|乡|区|县)/u.exec(n)?.[0];
    if (!place || n.length < place.length * 2 + 4) continue;
    const again = n.indexOf(place, place.length + 2);
    if (again < 0) continue;
    const a = n.slice(0, again);
    const b = n.slice(again);
    if (NAME_END.test(a) && nameRun([a]) && nameRun([b])) names.splice(k, 1, a, b);
  }
}

/** The organ's acts of conferring, which no receiver's name holds. */
const CONFERRING_ACT = /命名|授予|表彰|评选|评定|公布|发布|认定|批复/u;

/** One name and the honour conferred on it, a comma's part of a clause: "丙社区被评为四星级社区". */
function oneConferred(part: string): RowItem | null {
  const t = part.trim().replace(ROW_OPENER, '');
  for (let end = Math.min(t.length - 2, 30); end >= 2; end--) {
    const name = t.slice(0, end);
    // ("天津市民政局命名天津市第五批X": a name holding the organ's act of conferring is the organ, who receives nothing.)
    if (CONFERRING_ACT.test(name)) continue;
    const run = nameRun([name]);
    if (!run) continue;
    const rest = t.slice(end);
    const verb = VERB_AT.exec(rest);
    const award = verb && verb.index === 0 ? honourAfter(rest.slice(verb[0].length)) : (honourTail(rest, honourLike, (x) => HONOUR_WORD.test(x))?.honour ?? null);
    if (award && !nameRun([name + rest.slice(0, 2)])) return { title: run[0]!.title, subtitle: null, unit: null, place: run[0]!.title, award: plainAward(award) };
  }
  return null;
}

/**
 * Honours given group by group inside one sentence, clause by clause (；), each group its honour and its winners:
 *   - the honour, then the cue its winners follow: "获省民族团结进步模范集体的是:甲、乙", "命名首批18个市级文明小区
 *     是:道里区的甲、乙,道外区的丙" (a count before the honour counts its winners, no part of it);
 *   - the honour with the total conferred, then the page's own winners and a verb that names nothing after it:
 *     "第五届全国文明单位2318个,我市甲、乙4个单位分别受到表彰", "…先进城市32个,我市获得此项殊荣".
 * A place before 的 ("道里区的") is where the names after it in its comma's group are. Every name must be a body or
 * place by the organisation grammar (or an estate under such a place); a group of people ("…模范个人的是:") is
 * skipped, and anything else rules the clause out.
 */
export function honourGroups(text: string): RowItem[] {
  if (!GROUP_SIGN.test(text)) return [];
  const out: RowItem[] = [];
  for (const sentence of splitOutsideMarks(text, '。！？')) {
    // (A sentence none of its clauses could open a group in is passed by before it is cut: see GROUP_CLAUSE_SIGN.)
    if (!GROUP_CLAUSE_SIGN.test(sentence)) continue;
    for (const clause of splitOutsideMarks(sentence, '；;')) {
      const items = cuedGroup(clause, text) ?? totalledGroup(clause, text) ?? labelledGroup(clause, text);
      if (items) out.push(...items);
    }
  }
  return out.length >= 2 ? out : [];
}

/** Where a line may hold honour groups: a cue after an honour, a colon after it, or a verb that names nothing after it. */
const GROUP_SIGN = /的[是有]|[:：]|受到?表彰|获得?(?:此项?)?(?:殊荣|荣誉|称号)|榜上有名|名列其中/u;
/**
 * What each group pattern needs in its clause, so in the sentence the clause is a piece of (issue #13): cuedGroup
 * 的是, 的有, or 是/有 with a colon; labelledGroup a colon; totalledGroup one of NAMES_NOTHING's verbs (two of which,
 * 上榜 and 入选, GROUP_SIGN does not hold). All are plain words, so one found in a clause is found in its sentence.
 */
const GROUP_CLAUSE_SIGN = /的[是有]|[:：]|受到表彰|受表彰|获得?此项?(?:殊荣|荣誉|称号)|榜上有名|名列其中|上榜|入选/u;
/** "获省X集体的是:", "命名…18个X是:": the honour, then its cue. */
const GROUP_CUE = /^(.*?)(?:的是|的有|是\s*[:：]|有\s*[:：])\s*[:：]?\s*(.+)$/u;
/** The verbs before an honour in its clause ("此次获", "大会表彰", "命名表彰"). */
const GROUP_VERB_IN = /(?:获评|获得|荣获|获|被?评为|被?命名为|被?确定为|被授予|入选|表彰|命名|评选出|评出|授予)/gu;
/** A count of the winners before an honour ("首批18个"), and a total after it ("2318个"). */
const COUNT_BEFORE = /^.*?(?<![0-9０-９])(?:[0-9０-９]{1,5}|[一二两三四五六七八九十百]{1,4})\s*[个家所名项座]/u;
const TOTAL_AFTER = /^(.+?)(?<![0-9０-９第])(?:[0-9０-９]{1,5}|[一二两三四五六七八九十百千]{1,5})\s*[个家所名项座]$/u;
/**
 * The last two characters NAMES_NOTHING can end on (before trailing spaces): the pattern, anchored only at its end,
 * is tried from every character of every clause, and a clause ending otherwise is passed by first.
 */
const NAMES_NOTHING_LAST = new Set(['表彰', '殊荣', '荣誉', '称号', '有名', '其中', '上榜', '入选']);
/** The verbs that confer what the clause named before them ("分别受到表彰", "获得此项殊荣"). */
const NAMES_NOTHING = /\s*(?:均|都|分别|同时|也)?\s*(?:受到表彰|受表彰|获得?此项?(?:殊荣|荣誉|称号)|榜上有名|名列其中|上榜|入选)\s*$/u;
/** What an honour is named by besides honours.ts's words: the civilisation and model titles, a level's grade ("市级…"), a prize, a title. */
const GROUP_HONOUR = /(?:文明|和谐|美丽|平安|友好|星级|红旗|(?:国家|省|市|县|区)级|奖|称号)/u;
/** An estate, housing block or compound, named under the district it is in ("道里区的安和小区"). */
const ESTATE = /^[\u4e00-\u9fa5A-Za-z0-9０-９]{1,14}(?:小区|新村|花园|家园|公寓|大院|楼院|苑|里)$/u;
/** A place before 的 that the names after it are in: "道里区的", "靖远县的". */
const PLACE_OF = /^([\u4e00-\u9fa5]{1,10}?(?:省|市|区|县|旗|镇|乡|街道))的(?=\S)/u;
/** The page's own place as a subject ("我市获得此项殊荣"), by its level word. */
const SELF_PLACE = /^(?:我|本)([市县区州旗])$/u;

function groupHonour(lead: string): string | null {
  let h = lead.slice(Math.max(lead.lastIndexOf('，'), lead.lastIndexOf(','), lead.lastIndexOf(':'), lead.lastIndexOf('：')) + 1).trim();
  // (What the clause says before the honour ends at its last conferring verb: "大会表彰X", "此次获X".)
  let cut = -1;
  for (const v of h.matchAll(GROUP_VERB_IN)) cut = v.index! + v[0].length;
  if (cut > 0) h = h.slice(cut);
  const count = COUNT_BEFORE.exec(h);
  if (count && count[0].length < h.length) h = h.slice(count[0].length);
  // ("获得“X”称号的单位是:": the kind of its winners after 的 is theirs, not the honour's.)
  h = plainAward(h.replace(/(?:(?:荣誉)?称号)?的(?:单位|集体|组织|社区|村|镇|乡|街道|企业|学校)?$/u, '').replace(/^[“"]([^“”"]+)[”"]$/u, '$1').trim()) ?? '';
  if (h.length < 4 || h.length > 40 || /[，,。：:]/u.test(h) || PROSE.test(h.replace(/[“”"]/gu, ''))) return null;
  return HONOUR_WORD.test(h) || GROUP_HONOUR.test(h) ? h : null;
}

/** The winners of a group: names joined by 、 (and 和 between the last two), in comma groups that may open with their place. */
function groupNames(row: string, text: string): RowItem[] | null {
  const out: RowItem[] = [];
  const groups = splitOutsideMarks(withoutRestatedCount(row.trim().replace(/[。！!]$/u, ''), '、，,和'), '，,');
  for (const [g, group0] of groups.entries()) {
    let group = group0.trim().replace(g === 0 ? /^(?:其中|此外|另外)?\s*/u : /^(?:以及|及|还有)\s*/u, '');
    const self = SELF_PLACE.exec(group);
    if (self) {
      const own = ownPlace(self[1]!, text);
      if (!own) return null;
      out.push({ title: own, subtitle: null, unit: null, place: own, award: null });
      continue;
    }
    group = group.replace(/^(?:我|本)[省市区县州旗](?=[\u4e00-\u9fa5]{2})/u, '');
    const placed = PLACE_OF.exec(group);
    const place = placed ? placed[1]! : null;
    if (placed) group = group.slice(placed[0].length);
    const names = splitOutsideMarks(group, '、').map((n) => n.trim());
    const last = /^(.{2,}?)(?:以及|和|及|与)(.{2,})$/u.exec(names[names.length - 1] ?? '');
    if (last && groupName(last[1]!, place) && groupName(last[2]!, place)) names.splice(-1, 1, last[1]!, last[2]!);
    if (!names.length || !names.every((n) => groupName(n, place))) return null;
    for (const n of names) out.push({ title: n, subtitle: null, unit: null, place: place ?? (placeStarts(n) ? n : null), award: null });
  }
  return out.length ? out : null;
}

function groupName(name: string, place: string | null): boolean {
  // (A body's note in brackets after its name, "…有限公司(本部)", leaves the name before it.)
  const n = name.replace(/[（(][\u4e00-\u9fa5]{1,8}[)）]$/u, '');
  if (n.length < 2 || n.length > 40 || PROSE.test(n) || POST.test(n) || COUNTED_KIND.test(n)) return false;
  return isOrgName(n) || Boolean(nameRun([n])) || (place !== null && ESTATE.test(n));
}

/** The city or county the page's "我市"/"我县" is: the one of that level its text names most. */
function ownPlace(level: string, text: string): string | null {
  const seen = new Map<string, number>();
  for (const m of findMentions(text)) {
    const p = m.places.length === 1 ? m.places[0]! : null;
    if (!p || !m.text.endsWith(level) || (level === '市' ? p.level !== 'city' : p.level !== 'county')) continue;
    seen.set(m.text, (seen.get(m.text) ?? 0) + 1);
  }
  const ranked = [...seen.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.length && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : null;
}

function withHonour(items: RowItem[] | null, honour: string | null): RowItem[] | null {
  if (!items || !honour || PEOPLE_GROUP.test(honour)) return null;
  return items.map((it) => ({ ...it, award: honour, grouped: true }));
}

/** "全国文明单位:甲、乙", "全国文明村镇:丙 丁": an honour as the label of its winners (set apart by 、 or by spaces). */
function labelledGroup(clause: string, text: string): RowItem[] | null {
  // (No colon, no label: most clauses of every draft are passed by before the pattern.)
  const m = clause.includes(':') || clause.includes('：') ? /^([^:：]{4,60}?)[:：]\s*(\S.*)$/u.exec(clause.trim()) : null;
  if (!m) return null;
  const honour = groupHonour(m[1]!);
  if (!honour) return null;
  if (PEOPLE_GROUP.test(honour)) return [];
  const row = /[、，,]/u.test(m[2]!) ? m[2]! : m[2]!.trim().split(/[\s\u3000]+/u).join('、');
  return withHonour(groupNames(row, text), honour);
}

/** "获X的是:甲、乙", "命名…N个X是:…": the honour before the cue, the names after it. */
function cuedGroup(clause: string, text: string): RowItem[] | null {
  // (GROUP_CUE's lazy head is tried at every character: a clause without the cue's characters is passed by first.)
  const cue = clause.includes('的是') || clause.includes('的有') || ((clause.includes('是') || clause.includes('有')) && (clause.includes(':') || clause.includes('：')));
  const m = cue ? GROUP_CUE.exec(clause) : null;
  if (!m) return null;
  const honour = groupHonour(m[1]!);
  if (!honour) return null;
  // (A group of people is skipped, not read: its names are no bodies.)
  if (PEOPLE_GROUP.test(honour)) return [];
  return withHonour(groupNames(m[2]!, text), honour);
}

/** "X 2318个,我市甲、乙分别受到表彰": the honour and its total, then the page's own winners. */
function totalledGroup(clause: string, text: string): RowItem[] | null {
  if (!NAMES_NOTHING_LAST.has(clause.trimEnd().slice(-2)) || !NAMES_NOTHING.test(clause)) return null;
  const parts = splitOutsideMarks(clause, '，,');
  for (let k = 0; k < parts.length - 1; k++) {
    const total = TOTAL_AFTER.exec(parts[k]!.trim());
    if (!total) continue;
    const honour = groupHonour(total[1]!);
    if (!honour) continue;
    if (PEOPLE_GROUP.test(honour)) return [];
    const row = parts.slice(k + 1).join('，').replace(NAMES_NOTHING, '');
    return withHonour(groupNames(row, text), honour);
  }
  return null;
}
