/**
 * The innovating unit read from a case's running text by a fitted scorer over candidates, for the
 * pages that print no unit with their head (no 供稿/申报单位 line, no dashed organ after the title).
 *
 * Candidates are the organisation names the text writes by the grammar of Chinese official names
 * (orgnames.ts): a division (GB/T 2260) and then a body's kind ("锦州市民政局"), a division and a
 * town or street ("麟游县丈八镇"), a grass-roots body ("某某社区"), a name by its level word alone
 * ("市民政局" on a city's page, written out with the document's home division). Each candidate's
 * mentions are described by where they stand (headline, lead sentence, first sentence of a
 * paragraph, last paragraph) and by their grammatical role: a clause's subject ("某局把…"), a
 * modifier ("某社区的日常", "某局局长"), the object of a preposition ("按照某局部署", "由某局"),
 * the one that publishes or confers ("某厅公布"). A text keeps referring to the body
 * it is about by its kind alone ("社区成立于…", "街道开始探索…", "该局"): those are counted for the
 * candidate of that kind. A linear score (units.weights.ts, fitted by scripts/fit-units.ts and
 * cross-validated leaving one batch out) weighs the features; it was fitted as each page's choice
 * among its candidates and "no unit" (scoring 0), so the best candidate is the unit when it beats no
 * unit: its logistic clears the threshold of 0.5.
 */
import type { Region } from '../../model/types.js';
import { findMentions, type Mention } from '../../regions/index.js';
import { KINDS, kindAlternation, parseOrgName, withOwnPlace, isMediaName } from './orgnames.js';
import { UNIT_WEIGHTS } from './units.weights.js';

export interface UnitInput {
  title: string;
  subtitle?: string | null;
  paragraphs: string[];
  home?: Region | null;
}

export interface UnitCandidate {
  /** The name as a unit is written (see canonical()). */
  name: string;
  features: number[];
}

export interface UnitWeights {
  features: string[];
  weights: number[];
  /** The probability the best candidate must reach to be the unit. */
  threshold: number;
}

/** Kinds of grass-roots bodies and of places that act as a unit (a town's or a street's government). */
const GRASSROOTS = ['社区居民委员会', '居民委员会', '村民委员会', '居委会', '村委会', '社区', '村'];
const LOCALITY = ['街道办事处', '街道', '镇', '乡'];
const ORGAN_KINDS = ['民政局', '民政厅', '民政部', '退役军人事务局', '退役军人事务厅', '社会工作部'];
/** Every kind a candidate may end in: organs, civil-affairs and other service bodies, social organisations, localities, grass roots. */
const CANDIDATE_KINDS = [
  ...KINDS.government.filter((k) => k !== '办公室' && k !== '委员会'),
  ...KINDS.civil,
  ...KINDS.service.filter((k) => k !== '所' && k !== '馆'),
  ...KINDS.social,
  ...LOCALITY,
  ...GRASSROOTS,
];
/**
 * Characters between a name's place and its kind: not those that end a noun phrase and go on to
 * a verb, a preposition or a conjunction (到 赴 在 和 与 及 的 是 把 将 对 为 了 从 向 由 等).
 */
const MIDDLE = '[^\\P{Script=Han}到赴在和与及的是把将对为了从向由等被让使给同]';
/** A town, a street or a community at a clause's start, with no division before it ("朝阳门街道是…", "丈八镇将…"). */
const LOCAL_AT_START = new RegExp(`^[\\u4e00-\\u9fa5]{2,5}?(?:${kindAlternation([...LOCALITY, '社区', '村'])})`, 'u');
/** The same, and what may lead it ("我区", "该县"), read in place (sticky) at each clause's start of a text rather than on a slice of its rest. */
const LOCAL_AT = new RegExp(LOCAL_AT_START.source.slice(1), 'uy');
const LEAD_AT = /\s*(?:(?:我|本|该)[市县区旗])?/uy;
/**
 * Verbs that open a clause and take a place as object ("协助返乡", "管辖原城关镇", "奋力托举壮乡",
 * "部门围着街道"): before a town's or a community's kind with no division, they make no name. (Not
 * in PREDICATE_START, which the division pass reads where 救助管理站 and 服务中心 are names.)
 */
const LOCAL_PREDICATE = /^(?:救助|服务|协助|管辖|奋力|部门|帮助|带动|引导|覆盖|深入|扎根|走进|来到|回到|返回|前往|原)/u;
/** A kind word alone: after a short place form it is that place's streets or towns ("北京街道"), no name. */
const LOCAL_KIND_ONLY = new RegExp(`^${kindAlternation([...LOCALITY, '社区'])}$`, 'u');
/** A name by its level word alone: "市民政局", "我区救助管理站". */
const RELATIVE_AT = new RegExp(`(?:我|本)?[省市县区州旗盟](?:民政局|民政厅|退役军人事务局|${kindAlternation(KINDS.civil)})`, 'gu');

/** What ends a sentence, and what ends a clause. */
const SENTENCE_END = /[。！？!?\n]/u;
const CLAUSE_END = /[，,；;：:]/u;
/** The same as sets of characters, for the loops that ask of every character of a text (a regex test per character cost more than the rest of the loop). */
const SENTENCE_END_CHARS = new Set([...'。！？!?\n']);
const CLAUSE_END_CHARS = new Set([...'，,；;：:']);
/** What /\s/u matches. */
const SPACE_CHARS = new Set([...' \t\n\r\v\f\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff', ...Array.from({ length: 11 }, (_, k) => String.fromCharCode(0x2000 + k))]);
const endsSentence = (ch: string | undefined): boolean => ch !== undefined && SENTENCE_END_CHARS.has(ch);
const endsClause = (ch: string | undefined): boolean => ch !== undefined && CLAUSE_END_CHARS.has(ch);
/** The same three classes by character code, for the one pass over a segment (scan()). */
const ENDS_SENTENCE = 1;
const ENDS_CLAUSE = 2;
const IS_SPACE = 4;
const CHAR_CLASS = new Uint8Array(0x10000);
for (const ch of SENTENCE_END_CHARS) CHAR_CLASS[ch.charCodeAt(0)]! |= ENDS_SENTENCE;
for (const ch of CLAUSE_END_CHARS) CHAR_CLASS[ch.charCodeAt(0)]! |= ENDS_CLAUSE;
for (const ch of SPACE_CHARS) CHAR_CLASS[ch.charCodeAt(0)]! |= IS_SPACE;
/** The last characters of the kinds a bare name opening a clause ends in (LOCAL_AT): where none is near, that regex cannot match. */
const LOCAL_LAST = new Set([...LOCALITY, '社区', '村'].map((k) => k.charCodeAt(k.length - 1)));

/**
 * Where a segment's clauses open, read in one pass over its characters: after a sentence's or a
 * clause's end (`clauses`), also after a space (`spaced`); and the sentences' ends (`sentenceEnds`).
 * The passes that ask at each clause's start (namesIn's bare names, the anaphora) and the sentence a
 * mention is in read these rather than each asking of every character.
 */
interface Scan {
  clauses: number[];
  spaced: number[];
  sentenceEnds: number[];
}
function scan(text: string): Scan {
  const out: Scan = { clauses: [0], spaced: [0], sentenceEnds: [] };
  for (let i = 0; i < text.length; i++) {
    const c = CHAR_CLASS[text.charCodeAt(i)]!;
    if (c === 0) continue;
    if (c & ENDS_SENTENCE) out.sentenceEnds.push(i);
    if (i + 1 >= text.length) continue;
    if (c & (ENDS_SENTENCE | ENDS_CLAUSE)) out.clauses.push(i + 1);
    out.spaced.push(i + 1);
  }
  return out;
}

/** How many sentences end before a position: the sentence index of a mention there. */
function sentenceAt(ends: readonly number[], at: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/**
 * What may stand before a sentence's subject in official and news writing: a dateline, a time,
 * a purpose or circumstance clause is cut at its comma, so only the time and the dateline remain.
 */
const LEAD_IN = /^(?:(?:本报讯|本网讯|[\u4e00-\u9fa5]{2,8}?(?:[0-9]{1,2}月[0-9]{1,2}日)?[电讯])\s*)?(?:[(（][^()（）]{0,30}[)）]\s*)?(?:记者[\u4e00-\u9fa5·]{2,4}(?:报道)?\s*)?(?:近年来|近期|近日|日前|目前|当前|今年以来|去年以来|[0-9]{4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?(?:以来)?|[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:以来)?|[0-9]+年前|[0-9]+年来|如今|此外|同时|随后|其中|据悉|据了解|另外|然而|而)?\s*$/u;
/**
 * A body's head or spokesperson speaking for it ("某县民政局局长某某说", "市救助管理站负责人介绍"): news attributes
 * what a body did to the body's own voice so.
 */
const SPEAKS_AFTER = /^(?:党组|党委)?(?:副)?(?:局长|厅长|站长|院长|所长|主任|书记|负责人|部长)[\u4e00-\u9fa5]{0,4}?(?:说|介绍|表示|告诉记者)/u;
/** A body coming to the text's own division ("某市民政局到我县调研", "…莅临我区检查"): a visitor from elsewhere, not the actor. */
export const VISITS_AFTER = /^(?:一行|调研组|检查组|督导组|考察组)?(?:来到|来|到|莅临)(?:我|本)[省市县区州盟旗]/u;
/** One of a body's people after its name: its head, its officers, its staff. */
const STAFF_AFTER = /^(?:党组|党委)?(?:副)?(?:局长|厅长|站长|院长|所长|主任|书记|负责人|工作人员|干部|社工|网格员)/u;
/** A clause that sets the scene for the sentence's subject: a purpose, a circumstance, a basis, a time. */
const SCENE = /^(?:为了?|在|按照|根据|依据|围绕|随着|针对|面对|面对着|自|从|近年来|今年以来|[0-9]{4}年)[^。！？]{0,80}$/u;
/**
 * A word after a name making it the modifier of a noun: its staff, its head, "的". Not across a
 * preposition or 把/将, which open the predicate ("某社区把辖区内…": 辖区 is its object, not its modifier's head).
 */
const MODIFIER_AFTER = /^(?:的|(?![把将对向从与和及让使被给])[\u4e00-\u9fa5]{0,3}?(?:局长|厅长|站长|院长|主任|书记|负责人|工作人员|干部|党组|党委|党工委|机关|所属|下属|官网|网站|公众号|居民|群众|老人|辖区|网格员|社工))/u;
/** A body's own office or service named after it ("某局婚姻登记处", "某局社会事务科"): the text speaks of that part. */
const SUBUNIT_AFTER = /^[\u4e00-\u9fa5]{0,8}?(?:处|科|股|室|所|中心|站|院|窗口|大厅)(?![\u4e00-\u9fa5]{0,1}长)/u;
/**
 * A department of the body closing the phrase ("某县民政局社会救助股", "某局办公室的"): the phrase names the
 * department, so it is no mention of the body itself.
 */
const DEPARTMENT_AFTER = /^[\u4e00-\u9fa5]{2,8}?(?:科|股|室|办公室)(?=$|[^\u4e00-\u9fa5]|[的是和与及])/u;
/** A preposition or conjunction before a name: it is the object or one of several, not the actor. */
const OBJECT_BEFORE = /(?:按照|根据|依据|由|在|经|经过|从|向|对|与|和|及|同|联合|会同|配合|协助|指导|支持|邀请|到|赴|走进|来到|深入|前往|、|给|被|为)$/u;
/** A superior's act on others' work: publishing, naming, commending ("某厅公布…评选结果"). */
const CONFERS_AFTER = /^[\u4e00-\u9fa5]{0,4}?(?:公布|发布|印发|下发|通报|命名|评选|遴选|认定|表彰|授予|公示)/u;
/** The other side of conferring: a body honoured ("某局先后荣获…称号", "某社区获评…", "某站入选…") is the one whose work is told. */
const HONOURED_AFTER = /^(?:[\u4e00-\u9fa5]{0,2}?(?:先后|再次|首次|成功|连续|分别|相继))?(?:荣获|获评|获授|被评为|被命名为|被确定为|被授予|荣膺|入选)/u;
/** An organ that leads or does: "牵头", "组织", "开展", "推进", "探索", "打造"… a verb of one's own work right after the name. */
const ACTS_AFTER = /^(?:[\u4e00-\u9fa5]{0,2}?(?:着力|积极|持续|不断|始终|坚持|聚焦|围绕|立足|紧扣|大力|全面|深入|探索|推进|推行|打造|建立|构建|创新|实施|开展|组织|牵头|召集|开办|设立|成立|整合|出台|制定|印发|把|将|以|通过|按|是))/u;
/** What makes a kind word the head of a compound noun rather than a body ("社区工作", "街道干部"). */
const COMPOUND_AFTER = /^(?:工作|治理|服务|居民|建设|养老|组织|干部|群众|书记|主任|党)/u;
/** Words standing for a body by its kind alone, after the text has named it: "社区成立于…", "该局", "本站". */
const ANAPHORA = /^(?:该|本|我|这个)?(社区|街道|镇|乡|村|局|站|院|中心|协会)(?![\u4e00-\u9fa5]{0,1}(?:长|委))/u;
/** What makes the name before it a body's former name and the name after it its new one: "…更名为…", "…改称…". */
const RENAMED_AT = /(?:更名为|改名为|更名|改称|改为)/uy;
/** The same, read at a position of the text (sticky) rather than on a slice of the rest of it. */
const ANAPHORA_AT = new RegExp(ANAPHORA.source.slice(1), 'uy');

export const UNIT_FEATURES = [
  'bias',
  'inTitle',
  'titleStart',
  'leadSubject',
  'leadClauseSubject',
  'subjects',
  'anaphora',
  'mentions',
  'firstAt',
  'modifierShare',
  'objectShare',
  'acts',
  'confers',
  'honoured',
  'organ',
  'grassroots',
  'locality',
  'otherKind',
  'higher',
  'relative',
  'homeAgrees',
  'peers',
  'subunit',
  'speaks',
] as const;
export type UnitFeature = (typeof UNIT_FEATURES)[number];

interface Mentioned {
  subunit: boolean;
  segment: number;
  at: number;
  subject: boolean;
  clauseSubject: boolean;
  sentence: number;
  modifier: boolean;
  /** Followed by one of its people ("某局局长", "某站工作人员"): the person acts, not the body. */
  staff: boolean;
  /** Followed by one of its people speaking ("某局局长某某说"): the body speaks through them. */
  speaks: boolean;
  /** Coming to the text's own division ("到我县调研"). */
  visits: boolean;
  object: boolean;
  acts: boolean;
  confers: boolean;
  honoured: boolean;
}

interface Raw {
  /** The name as the text wrote it. */
  written: string;
  mentions: Mentioned[];
  relative: boolean;
  /** Every mention found bare (no division before it, opening a clause). */
  bare: boolean;
  /** Every way the text wrote the body ("沈阳市沈河区滨河街道多福社区", "多福社区"): where it lies, for homeAgrees. */
  forms: Set<string>;
}

/**
 * The divisions a name writes, kept per name: a text's candidates are asked of theirs several times
 * (canonical form, merging, depth, home) and the same bodies recur from draft to draft. Bounded, so a
 * long run of imports does not keep every name it met.
 */
const NAME_MENTIONS = new Map<string, readonly Mention[]>();
function nameMentions(name: string): readonly Mention[] {
  let ms = NAME_MENTIONS.get(name);
  if (!ms) {
    if (NAME_MENTIONS.size >= 4096) NAME_MENTIONS.clear();
    ms = findMentions(name);
    NAME_MENTIONS.set(name, ms);
  }
  return ms;
}

/** Whether `short` takes `full`'s characters in order and ends as it does ("救助站" of "救助管理站", "服务站" of "退役军人服务站"). */
function abbreviates(short: string, full: string): boolean {
  if (short.length >= full.length || short.at(-1) !== full.at(-1)) return false;
  let j = 0;
  for (let i = 0; i < full.length && j < short.length; i++) if (full[i] === short[j]) j++;
  return j === short.length;
}

/** The level of a division mention: its places' level (a name shared by levels counts as the deepest). */
function levelOf(m: Mention): string {
  const levels = new Set(m.places.map((p) => p.level));
  return levels.has('county') ? 'county' : levels.has('city') ? 'city' : 'province';
}

/**
 * The name as a unit is written. A community or village is named within its street and town, so
 * without the divisions before it ("南宁市西乡塘区明秀南社区" → "明秀南社区"); a town or street keeps
 * the county it belongs to but not the city or province ("宝鸡市麟游县丈八镇" → "麟游县丈八镇",
 * "北京市朝阳门街道" → "朝阳门街道"); an organ drops a province written for readers elsewhere
 * before its city or county ("四川省开江县民政局" → "开江县民政局").
 */
export function canonical(name: string): string {
  // The divisions leading the name, written in full after the first ("北京市朝阳门街道": 朝阳 is no division here).
  const mentions: Mention[] = [];
  for (const m of nameMentions(name)) {
    const prev = mentions[mentions.length - 1];
    if (prev ? m.start === prev.end && m.full : m.start === 0) mentions.push(m);
    else break;
  }
  // A place's short form leading a town's or a community's name is part of that name ("朝阳门街道"),
  // unless a division in full follows it: then it is the short form of a division ("太原小店区…").
  const local = mentions.length === 1 && !mentions[0]!.full;
  const lead = mentions.length ? mentions[mentions.length - 1]!.end : 0;
  const rest = name.slice(lead);
  const grass = GRASSROOTS.some((k) => name.endsWith(k));
  const town = LOCALITY.some((k) => name.endsWith(k));
  if ((grass || town) && (local || rest.length < 3)) return name;
  if (grass) return withoutLocality(rest);
  if (town) {
    const last = mentions[mentions.length - 1];
    return last && levelOf(last) === 'county' ? name.slice(last.start) : rest;
  }
  // An organ: a province before a deeper division goes.
  if (mentions.length >= 2 && levelOf(mentions[0]!) === 'province' && levelOf(mentions[1]!) !== 'province') return name.slice(mentions[1]!.start);
  return name;
}

/**
 * A community or a village without the town or street it lies in ("城北街道祝丰亭社区" → "祝丰亭社区"):
 * it is named within them, as its divisions are dropped. A street's name too short to leave a name
 * of its own stays whole.
 */
const LOCALITY_LEAD = /^[\u4e00-\u9fa5]{2,6}?(?:街道办事处|街道|镇|乡)(?=[\u4e00-\u9fa5]{2,})/u;
function withoutLocality(name: string): string {
  const m = LOCALITY_LEAD.exec(name);
  if (!m) return name;
  const own = name.slice(m[0].length);
  return GRASSROOTS.some((k) => own.endsWith(k) && own.length >= k.length + 2) ? own : name;
}

/**
 * Whether a unit's name says where the body is. A community or a village written by its own name
 * alone (as canonical() writes one) may begin with a place's short form that is part of that name
 * ("南湖社区" in 重庆 is no 南湖区's): that word places nothing.
 */
export function unitPlacesItself(unit: string): boolean {
  if (!GRASSROOTS.some((k) => unit.endsWith(k)) || LOCALITY_LEAD.test(unit)) return true;
  const lead = nameMentions(unit)[0];
  return !(lead && lead.start === 0 && !lead.full);
}

function kindOf(name: string): 'organ' | 'civil' | 'grassroots' | 'locality' | 'other' {
  if (ORGAN_KINDS.some((k) => name.endsWith(k))) return 'organ';
  if (KINDS.civil.some((k) => name.endsWith(k))) return 'civil';
  if (GRASSROOTS.some((k) => name.endsWith(k))) return 'grassroots';
  if (LOCALITY.some((k) => name.endsWith(k))) return 'locality';
  return 'other';
}

/** The place of a mention in its segment: the sentence it is in, whether it opens that sentence or a clause of it. */
function role(text: string, at: number, end: number, sentenceIndex: number): Omit<Mentioned, 'segment' | 'at'> {
  let s = at;
  while (s > 0 && !endsSentence(text[s - 1])) s--;
  let c = at;
  while (c > s && !endsClause(text[c - 1])) c--;
  const before = text.slice(c, at).trim();
  const opensClause = LEAD_IN.test(before);
  // The sentence's subject opens the first clause after what only sets the scene: a time or a
  // dateline (LEAD_IN), a purpose (为…), a circumstance or a basis (在…下, 按照…, 随着…).
  const clauses = text.slice(s, c).split(CLAUSE_END).map((x) => x.trim()).filter(Boolean);
  const scene = clauses.every((x) => LEAD_IN.test(x) || SCENE.test(x));
  const after = text.slice(end, end + 12);
  const modifier = MODIFIER_AFTER.test(after);
  const object = OBJECT_BEFORE.test(text.slice(Math.max(0, at - 4), at));
  return {
    subunit: SUBUNIT_AFTER.test(after),
    subject: opensClause && scene && !modifier,
    clauseSubject: opensClause && !scene && !modifier,
    sentence: sentenceIndex,
    modifier,
    staff: STAFF_AFTER.test(after),
    speaks: SPEAKS_AFTER.test(text.slice(end, end + 16)),
    visits: VISITS_AFTER.test(after),
    object,
    acts: ACTS_AFTER.test(after),
    confers: CONFERS_AFTER.test(after),
    honoured: HONOURED_AFTER.test(after),
  };
}

/** Whether a run is a body's name by the grammar (not a word ending in a kind's character, not media). */
function nameLike(name: string): boolean {
  if (isMediaName(name) || name.length < 3) return false;
  if (/(?:格局|布局|大局|全局|主办|承办|举办|创办|场所|住所|大厅|客厅|为中心|服务站点|中心城区|[省市县区]中心|城乡|乡镇|城镇)$/u.test(name)) return false;
  return true;
}

/** A kind's last character continuing as a common word: 部门, 站点, 中心城区, 局面, 院落, 所有, 办法, 委屈. */
const WORD_GOES_ON = /^(?:部门|站点|心城区|局面|院落|院子|所有|所在|办法|办理|办好|委托)/u;
/** The kinds a name may end in, longest first, to find which one ends a run at a position. */
const KINDS_BY_LENGTH = [...new Set(CANDIDATE_KINDS)].sort((a, b) => b.length - a.length);
/** The same kinds, longest first, under the character they end in: a position is tried only against the kinds that can end there. */
const KINDS_BY_LAST = new Map<string, string[]>();
for (const k of KINDS_BY_LENGTH) {
  const last = k.at(-1)!;
  if (!KINDS_BY_LAST.has(last)) KINDS_BY_LAST.set(last, []);
  KINDS_BY_LAST.get(last)!.push(k);
}
const STOP = new RegExp(`^(?!${MIDDLE})`, 'u');
const BODY_KINDS = new Set<string>([...KINDS.civil, ...KINDS.service, ...KINDS.social]);
/**
 * Words that open a predicate or an adjunct, not a proper name: a run at a clause's start beginning with one is no town's name.
 * A numeral is a quantifier only before a measure word or another numeral ("三个社区", "十余个街道"); before
 * other characters it begins a place's own name ("九都镇", "五里桥街道", "八角街道"). So is 多 ("多个社区",
 * "多地街道" against "多福社区").
 */
const PREDICATE_START = /^(?:如今|目前|现在|今后|依托|下拨|不少|一些|许多|多数|推进|开办|强化|进一步|建立|打造|开展|加强|完善|构建|建成|建起|组建|发挥|实现|推动|打通|探索|依靠|通过|围绕|要求|重点|当好|统筹|覆盖|形成|走出|设立|撤销|报道|增强|下拨|提高|实行|逐步|织密|延长|开创|夯实|提升|深化|保障|加快|全面|积极|持续|不断|大力|着力|切实|扎实|分别|有关|少数|部分|多个|一是|二是|三是|四是|五是|[让把将对在以从向由为于与和及并也还又更已均都各每全该本我这那其此个]|[一两三四五六七八九十](?=[一两三四五六七八九十百千万多余几个家所批类座项名位条支])|多(?=[个家所批类座项名位条支种处次地方部村镇乡]))/u;

/**
 * The end of a body's name from `from` (after its place): the first kind that closes a name of at
 * least three characters ("北站" is a place's word, not a station), unless a character that ends a
 * noun phrase or another division comes first (that division begins a name of its own). A town or
 * street may be followed by a body of its own ("九都镇退役军人服务站"): that longer name too.
 */
function nameEnds(text: string, from: number, mentionStarts: ReadonlySet<number>): number[] {
  const ends: number[] = [];
  for (let j = from; j < Math.min(text.length, from + 16); j++) {
    if (j > from && mentionStarts.has(j)) break;
    if (STOP.test(text.slice(j, j + 1))) break;
    const kind = KINDS_BY_LAST.get(text[j]!)?.find((k) => j + 1 - k.length >= from && text.startsWith(k, j + 1 - k.length));
    if (!kind || (kind.length === 1 && j + 1 - from < 3)) continue;
    // A kind's character that goes on as another word names no body there: 民政部门, 服务站点, 中心城区.
    if (WORD_GOES_ON.test(text.slice(j, j + 3))) continue;
    if (ends.length === 0) {
      ends.push(j + 1);
      if (!LOCALITY.includes(kind) && !GRASSROOTS.includes(kind)) break;
    } else if (BODY_KINDS.has(kind)) {
      ends.push(j + 1);
      break;
    } else if (GRASSROOTS.includes(kind) && ends.length === 1 && LOCALITY.some((k) => text.startsWith(k, ends[0]! - k.length)) && j + 1 - ends[0]! >= 3 && j + 1 - ends[0]! <= kind.length + 4) {
      // A town's or a street's village or community ("某镇某某村", "某街道某某社区"), then perhaps its own body.
      ends.push(j + 1);
    }
  }
  return ends;
}

interface Found {
  written: string;
  at: number;
  end: number;
  relative: boolean;
  /** Found with no division before it, where it opens a clause (a town, a street, a community, a village). */
  bare?: boolean;
  /**
   * A place's short form and a kind alone ("南湖社区", "北京街道"): a name only where the text also
   * writes it after its division ("南岸区南湖社区"); otherwise that place's communities or streets.
   */
  shortForm?: boolean;
}

/**
 * Whether a kind LOCAL_AT ends in may close a bare name opening at `i` (after a lead such as 我区 and
 * spaces, two to five characters, then the kind): a look at a few characters' codes before the regex.
 */
function kindNear(text: string, i: number): boolean {
  const end = Math.min(text.length, i + 16);
  for (let j = i + 2; j < end; j++) if (LOCAL_LAST.has(text.charCodeAt(j))) return true;
  return false;
}

/** The names a segment writes, each at its first character. */
function namesIn(text: string, home: Region | null | undefined, opens: Scan): Found[] {
  const out: Found[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  const add = (written: string, at: number, relative: boolean, check = true, bare = false, shortForm = false) => {
    const end = at + written.length;
    if (check) for (let i = at; i < end; i++) if (taken[i]) return;
    for (let i = at; i < end; i++) taken[i] = true;
    out.push({ written, at, end, relative, bare, shortForm });
  };
  const mentions = findMentions(text);
  // Only a division written in full begins a new name inside another's run ("故城县" in "…联系故城县民政局");
  // a short form there is part of a proper name ("北站路北社区", "朝阳门街道").
  const starts = new Set(mentions.filter((m) => m.full).map((m) => m.start));
  let covered = 0;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    // A run of divisions written in full ("宝鸡市麟游县") is one place: the name starts at its first.
    if (k > 0 && mentions[k - 1]!.end === m.start && m.full) continue;
    // A short form inside a run of characters is part of a word or a name, not its start ("北站路北社区").
    // A conjunction read as a county's first character ("部门和县民政局": 和 + 县民政局, not 和县).
    if (m.text.length === 2 && /^[和与及在到对向从]/u.test(m.text) && m.start > 0 && /[\u4e00-\u9fa5]/u.test(text[m.start - 1]!)) continue;
    if (!m.full && (m.start < covered || (m.start > 0 && !STOP.test(text[m.start - 1]!) && !SENTENCE_END.test(text[m.start - 1]!) && !CLAUSE_END.test(text[m.start - 1]!)))) continue;
    let end = m.end;
    for (let j = k + 1; j < mentions.length && mentions[j]!.start === end && mentions[j]!.full; j++) end = mentions[j]!.end;
    // What stands between the place and the kind is the body's own name, not a predicate or a
    // quantifier ("兰州依托社区", "北京不少街道", "宁夏下拨首批社区"); a town, a street or a community
    // has a name of its own there ("北京街道" is Beijing's streets).
    const middle = text.slice(end, end + 8);
    if (PREDICATE_START.test(middle)) continue;
    for (const e of nameEnds(text, end, starts)) {
      const written = text.slice(m.start, e);
      const kind = kindOf(written);
      const own = written.slice(end - m.start);
      if ((kind === 'grassroots' || kind === 'locality') && !/^[\u4e00-\u9fa5]{2,}(?:社区居民委员会|居民委员会|村民委员会|居委会|村委会|社区|村|街道办事处|街道|镇|乡)$/u.test(own)) continue;
      if (/[各个些每全]|首批|一批/u.test(own)) continue;
      // (orgnames' grammar has no towns or streets: a division, a name and 镇/乡/街道 is one here.)
      if (nameLike(written) && (kind === 'locality' || kind === 'grassroots' || parseOrgName(written))) {
        add(written, m.start, false, false);
        covered = Math.max(covered, e);
      }
    }
  }
  taken.fill(false);
  for (const f of out) for (let i = f.at; i < f.end; i++) taken[i] = true;
  for (const r of text.matchAll(RELATIVE_AT)) {
    const own = withOwnPlace(r[0], home);
    if (own) add(r[0], r.index!, true);
  }
  // Towns, streets and communities without a division, where they open a clause (after 我区, 该县 too).
  for (const i of opens.spaced) {
    if (!kindNear(text, i)) continue;
    LEAD_AT.lastIndex = i;
    const lead = LEAD_AT.exec(text)![0].length;
    LOCAL_AT.lastIndex = i + lead;
    const m = LOCAL_AT.exec(text);
    // (A name led by a division in full is the division pass's; a short form leading it is part of
    // its own name, "朝阳门街道", unless nothing else is: "北京街道" is Beijing's streets.)
    const led = m ? nameMentions(m[0])[0] : undefined;
    const rest = m && led?.start === 0 ? m[0].slice(led.end) : m?.[0] ?? '';
    const ends = m ? nameEnds(text, i + lead, new Set()) : [];
    if (
      m &&
      !(led?.start === 0 && led.full) &&
      // (A town whose name reads as a word, "无城镇" as 城镇 "towns", is a name where its community follows it: "无城镇皇武社区".)
      (nameLike(m[0]) || ends.length > 1) &&
      !PREDICATE_START.test(rest) &&
      !LOCAL_PREDICATE.test(rest) &&
      !/[各个些每全]|首批|一批/u.test(rest) &&
      // (Level words alone before the kind are a list of levels, "市县乡", not a name.)
      !/^[省市县区乡镇村]+(?:街道|镇|乡|社区)$/u.test(m[0]) &&
      !/^(?:社区|街道|乡镇|城乡|城镇|村镇|集镇|小镇|重镇|古镇|农村|乡村|城市)/u.test(m[0]) &&
      // (Words ending in 村 that name no village: the countryside, a whole village, going to one.)
      !/(?:农村|乡村|全村|各村|该村|本村|进村|驻村|村村|山村|渔村|新村)$/u.test(m[0])
    ) {
      const shortForm = LOCAL_KIND_ONLY.test(rest);
      const first = nameLike(m[0]) ? 0 : 1;
      ends.slice(first).forEach((e, k) => add(text.slice(i + lead, e), i + lead, false, k === 0, true, shortForm && k === 0 && first === 0));
    }
  }
  return out;
}

/**
 * A community's, a village's, a street's or a town's own name, once the text writes it as a name
 * (after its division, or opening a clause), is that place wherever the text writes it again: inside
 * a clause ("在达尔登社区…的小广场上", "走进…多福社区"), after a word that is no clause's end ("——…"), or
 * opening a clause where the bare-name pass's tests turn it down. That pass reads a bare name only at a
 * clause's start and only when its first words are no verb's, so that a run like "指导村" makes no name;
 * a name the text has already shown to be one needs neither test. A street or a town named with its
 * county ("南岸区弹子石街道") recurs by its own name alone ("由…和弹子石街道指导"): those are its mentions
 * too, under the own name (the merge after decides which name the body keeps). Only names of places
 * with two characters of their own at least before the kind, and only where no other name covers the run.
 */
function placeRecurrences(segments: string[], raws: Map<string, Raw>, order: string[], scans: Scan[], covered: Array<Array<[number, number]>>, offsets: number[], totalLength: number): void {
  const found = new Map<string, Mentioned[]>();
  for (const name of [...raws.keys()]) {
    const kind = kindOf(name);
    if (kind !== 'grassroots' && kind !== 'locality') continue;
    const lead = nameMentions(name)[0];
    const led = lead?.start === 0 && lead.full;
    // (A community keeps no division in its name, canonical(): only a town's or a street's has one to drop here.)
    const own = led ? (kind === 'locality' ? name.slice(lead.end) : null) : name;
    const kindWord = own ? [...GRASSROOTS, ...LOCALITY].find((k) => own.endsWith(k)) : undefined;
    if (!own || !kindWord || own.length < kindWord.length + 2 || nameMentions(own)[0]?.start === 0) continue;
    // A place's name the text always goes on from with the same words is the first part of a longer
    // name ("涪江壹村敬老家园…" each time): that body's, not the place's.
    const next = new Set<string>();
    for (const text of segments) for (let at = text.indexOf(own); at >= 0; at = text.indexOf(own, at + 1)) next.add(text.slice(at + own.length, at + own.length + 2));
    if (next.size === 1 && /^[\u4e00-\u9fa5]{2}$/u.test([...next][0]!)) continue;
    const into = found.get(own) ?? [];
    found.set(own, into);
    const seen = new Set([...(raws.get(own)?.mentions ?? []), ...into].map((m) => `${m.segment}:${m.at}`));
    segments.forEach((text, segment) => {
      for (let at = text.indexOf(own); at >= 0; at = text.indexOf(own, at + 1)) {
        const end = at + own.length;
        if (covered[segment]!.some(([a, b]) => a < end && at < b)) continue;
        const mention = { segment, at: (offsets[segment]! + at) / totalLength, ...role(text, at, end, sentenceAt(scans[segment]!.sentenceEnds, at)) };
        if (seen.has(`${segment}:${mention.at}`)) continue;
        seen.add(`${segment}:${mention.at}`);
        covered[segment]!.push([at, end]);
        into.push(mention);
      }
    });
    if (into.length && !raws.has(own)) order.splice(order.indexOf(name) + 1, 0, own);
  }
  for (const [own, mentions] of found) {
    if (!mentions.length) continue;
    const raw = raws.get(own);
    if (raw) raw.mentions.push(...mentions);
    else raws.set(own, { written: own, mentions, relative: false, bare: false, forms: new Set([own]) });
    // (The name it recurs from, written with its division, is one of its writings.)
    for (const [name, raw] of raws) if (name !== own && name.endsWith(own)) for (const f of raw.forms) raws.get(own)!.forms.add(f);
  }
}

/**
 * A county-level city's own page calls itself 市 ("市民政局" on 灵武's page is 灵武市民政局, not its
 * prefecture 银川's): when the home is known only to its city and the headline or the lead names one
 * county-level city of that city in full, the page's own 市 is that one.
 */
function countyCityHome(segments: string[], home: Region | null | undefined): Region | null | undefined {
  if (!home?.city || home.county) return home;
  const lead = segments[0] + '\n' + (segments.find((s, i) => i > 0 && s) ?? '');
  const cities = new Set<string>();
  for (const m of findMentions(lead)) {
    if (!m.full || !m.text.endsWith('市')) continue;
    for (const p of m.places) if (p.level === 'county' && p.name.endsWith('市') && p.city?.name === home.city) cities.add(p.name);
  }
  return cities.size === 1 ? { ...home, county: [...cities][0]! } : home;
}

/**
 * The candidates of a case's text with their features, the text's best first when weights are
 * installed (order of first mention otherwise).
 */
export function unitCandidates(input: UnitInput): UnitCandidate[] {
  const segments = [[input.title, input.subtitle].filter(Boolean).join('\n'), ...input.paragraphs];
  const home = countyCityHome(segments, input.home);
  const totalLength = segments.reduce((n, s) => n + s.length + 1, 0) || 1;
  const raws = new Map<string, Raw>();
  const order: string[] = [];
  let offset = 0;
  const anaphora: Array<{ word: string; segment: number }> = [];
  /** A body's former name and the one it took ("某收容遣送站更名为某救助管理站"). */
  const formerNames = new Map<string, string>();
  const shortForms: Array<{ name: string; mention: Mentioned }> = [];
  /** Each segment's clause openings and the spans its names cover, for the recurrences read after (placeRecurrences). */
  const scans: Scan[] = [];
  const covered: Array<Array<[number, number]>> = [];
  const offsets: number[] = [];
  segments.forEach((text, segment) => {
    scans[segment] = scan(text);
    covered[segment] = [];
    offsets[segment] = offset;
    if (!text) return;
    const opens = scans[segment]!;
    let renamed: { name: string; next: number } | null = null;
    for (const n of namesIn(text, home, opens)) {
      covered[segment]!.push([n.at, n.end]);
      if (DEPARTMENT_AFTER.test(text.slice(n.end, n.end + 12))) continue;
      const name = n.relative ? withOwnPlace(n.written, home)! : canonical(n.written);
      if (renamed?.next === n.at && renamed.name !== name) formerNames.set(renamed.name, name);
      RENAMED_AT.lastIndex = n.end;
      const verb = RENAMED_AT.exec(text);
      renamed = verb ? { name, next: n.end + verb[0].length } : null;
      const mention = { segment, at: (offset + n.at) / totalLength, ...role(text, n.at, n.end, sentenceAt(opens.sentenceEnds, n.at)) };
      if (n.shortForm) {
        shortForms.push({ name, mention });
        continue;
      }
      let raw = raws.get(name);
      if (!raw) {
        raw = { written: n.written, mentions: [], relative: n.relative, bare: true, forms: new Set() };
        raws.set(name, raw);
        order.push(name);
      }
      raw.bare &&= Boolean(n.bare);
      raw.forms.add(n.written);
      raw.mentions.push(mention);
    }
    // Clause-opening kind words standing for a body named before ("社区以…", "街道开始探索…"): a kind
    // word that goes on as a compound noun ("社区工作", "社区居民") is the common noun, not the body.
    for (const i of opens.clauses) {
      let j = i;
      while (j < text.length && SPACE_CHARS.has(text[j]!)) j++;
      ANAPHORA_AT.lastIndex = j;
      const a = ANAPHORA_AT.exec(text);
      const next = a ? text.slice(j + a[0].length, j + a[0].length + 12) : '';
      if (a && (ACTS_AFTER.test(next) || (/^[\u4e00-\u9fa5]/u.test(next) && !COMPOUND_AFTER.test(next)))) anaphora.push({ word: a[1]!, segment });
    }
    offset += text.length + 1;
  });
  for (const { name, mention } of shortForms) raws.get(name)?.mentions.push(mention);
  placeRecurrences(segments, raws, order, scans, covered, offsets, totalLength);
  const mergedInto = new Map<string, string>();
  // A short form the text also uses is the same body: "丈八镇" beside "麟游县丈八镇" (a town is named
  // with its county), "金水区民政局" beside "郑州市金水区民政局" (a body led by its own division is
  // named so where the text uses that form alone).
  for (const short of [...raws.keys()]) {
    const long = [...raws.keys()].find((l) => l !== short && l.endsWith(short) && raws.has(l));
    if (!long || !raws.has(short)) continue;
    const lead = nameMentions(short)[0];
    // A street the text also writes by its own name alone is named so ("启工街道" beside "铁西区启工街道",
    // as the editors write danzishi's, tiexi's and tongnan's); a town keeps its county ("麟游县丈八镇" beside
    // "丈八镇", linyou's and butuo's), town names repeating from county to county.
    const street = /街道(?:办事处)?$/u.test(short) && !(lead?.start === 0);
    const [keep, drop] = (lead?.start === 0 && lead.full) || street ? [short, long] : [long, short];
    raws.get(keep)!.mentions.push(...raws.get(drop)!.mentions);
    for (const f of raws.get(drop)!.forms) raws.get(keep)!.forms.add(f);
    raws.delete(drop);
    mergedInto.set(drop, keep);
  }
  // One division under two of its names ("关岭布依族苗族自治县民政局", "关岭县民政局"): one body, named by
  // the short form, as units are listed and as guanling-2025's editor wrote it.
  const byPlace = new Map<string, string>();
  for (const name of [...raws.keys()]) {
    const lead = nameMentions(name)[0];
    if (!lead || lead.start !== 0 || lead.places.length !== 1) continue;
    const key = `${lead.places[0]!.code}|${name.slice(lead.end)}`;
    const other = byPlace.get(key);
    if (!other) {
      byPlace.set(key, name);
      continue;
    }
    const keepName = name.length < other.length ? name : other;
    const dropName = keepName === name ? other : name;
    raws.get(keepName)!.mentions.push(...raws.get(dropName)!.mentions);
    for (const f of raws.get(dropName)!.forms) raws.get(keepName)!.forms.add(f);
    raws.delete(dropName);
    mergedInto.set(dropName, keepName);
    byPlace.set(key, keepName);
  }
  // A body under another of its names is one body: its mentions join the other's (as the name it is
  // known by, where the other is not yet a candidate).
  const renameTo = (from: string, to: string) => {
    const raw = raws.get(from)!;
    raws.delete(from);
    const have = raws.get(to);
    if (have) {
      have.mentions.push(...raw.mentions);
      for (const f of raw.forms) have.forms.add(f);
      have.bare &&= raw.bare;
    } else {
      raws.set(to, raw);
      order.splice(order.indexOf(from), 0, to);
    }
  };
  // A body renamed is one body, under the name it took: its mentions before are the same body's.
  const merged = (name: string): string => {
    let n = name;
    while (!raws.has(n) && mergedInto.has(n)) n = mergedInto.get(n)!;
    return n;
  };
  for (const [former, next] of formerNames) {
    const [from, to] = [merged(former), merged(next)];
    if (from !== to && raws.has(from) && raws.has(to)) renameTo(from, to);
  }
  // A town's own body written after the town's name alone ("九都镇退役军人服务站") where the text names the
  // town with its county ("布拖县九都镇"): named with the county too, as its town is (canonical()).
  const towns = [...raws.keys()].filter((n) => kindOf(n) === 'locality' && nameMentions(n)[0]?.start === 0 && nameMentions(n)[0]!.full);
  for (const name of [...raws.keys()]) {
    const kind = kindOf(name);
    if (kind === 'locality' || kind === 'grassroots' || nameMentions(name)[0]?.start === 0) continue;
    const town = towns.find((t) => {
      const own = t.slice(nameMentions(t)[0]!.end);
      return own.length >= 2 && name.length > own.length + 1 && name.startsWith(own);
    });
    if (town) renameTo(name, town.slice(0, nameMentions(town)[0]!.end) + name);
  }
  // The same body under a short form of its kind, after the same place: its kind's last word ("某镇服务站"
  // beside "某镇退役军人服务站") or an abbreviation taking the full kind's characters in order ("某区救助站"
  // beside "某区救助管理站", "某县社工站" beside "某县社会工作服务站"), as Chinese abbreviations are made.
  for (const short of [...raws.keys()]) {
    if (!raws.has(short) || kindOf(short) === 'locality' || kindOf(short) === 'grassroots') continue;
    const town = Math.max(short.lastIndexOf('镇'), short.lastIndexOf('乡'), short.lastIndexOf('街道') + 1) + 1;
    const lead = nameMentions(short)[0];
    const cut = Math.max(town, lead?.start === 0 ? lead.end : 0);
    const kind = short.slice(cut);
    if (cut <= 1 || kind.length < 2 || !CANDIDATE_KINDS.includes(kind)) continue;
    const long = [...raws.keys()].find((l) => l !== short && l.length > short.length && l.startsWith(short.slice(0, cut)) && abbreviates(kind, l.slice(cut)));
    if (long) renameTo(short, long);
  }
  // A town's, a street's or a village's name with no division, met once in passing (not in the headline,
  // not acting): a text names the place it is about more than once, or heads with it; once, such a run
  // is as likely a verb and its object ("修订村规", "指导村(社区)"). (A body's kind, 工作站, is no verb's.)
  for (const [name, raw] of raws) {
    const place = kindOf(name) === 'grassroots' || kindOf(name) === 'locality';
    if (place && raw.bare && raw.mentions.length < 2 && !raw.mentions.some((m) => m.segment === 0 || m.acts)) raws.delete(name);
  }
  // A body named only as the employer of a person who acts ("某局局长某某调研…") is not the actor, unless that person speaks for it.
  for (const [name, raw] of raws) if (raw.mentions.every((m) => m.staff && !m.speaks)) raws.delete(name);
  // A body named only as coming to the text's own division (我县, 本市) is from elsewhere.
  for (const [name, raw] of raws) if (raw.mentions.every((m) => m.visits)) raws.delete(name);
  const names = order.filter((n) => raws.has(n));
  const homeLevel = input.home?.county ? 3 : input.home?.city ? 2 : input.home?.province ? 1 : 0;
  const leadSegment = segments.findIndex((s, i) => i > 0 && s.length > 0);
  const out: UnitCandidate[] = names.map((name) => {
    const raw = raws.get(name)!;
    const ms = raw.mentions;
    const kind = kindOf(name);
    const kindWords = kind === 'grassroots' ? ['社区', '村'] : kind === 'locality' ? ['街道', '镇', '乡'] : kind === 'organ' ? ['局'] : kind === 'civil' ? ['站', '院', '中心'] : ['协会', '中心'];
    // The kind word alone refers to the body of that kind the text names most (the first on a tie).
    const sameKind = names.filter((n) => kindOf(n) === kind);
    const main = sameKind.reduce((a, b) => (raws.get(b)!.mentions.length > raws.get(a)!.mentions.length ? b : a));
    const refs = main === name ? anaphora.filter((a) => kindWords.includes(a.word) && a.segment >= Math.min(...ms.map((m) => m.segment))).length : 0;
    const first = Math.min(...ms.map((m) => m.at));
    const mentions = nameMentions(name);
    const depth = mentions.length ? Math.max(...mentions.map((m) => (levelOf(m) === 'county' ? 3 : levelOf(m) === 'city' ? 2 : 1))) : kind === 'locality' || kind === 'grassroots' ? 4 : 0;
    const higher = /民政部|国务院|^国家/u.test(name) || (depth > 0 && homeLevel > depth) ? 1 : 0;
    const share = (test: (m: Mentioned) => boolean) => ms.filter(test).length / ms.length;
    const f: Record<UnitFeature, number> = {
      bias: 1,
      inTitle: ms.some((m) => m.segment === 0) ? 1 : 0,
      titleStart: ms.some((m) => m.segment === 0 && m.at === 0) ? 1 : 0,
      leadSubject: ms.some((m) => m.segment === leadSegment && m.sentence === 0 && m.subject) ? 1 : 0,
      leadClauseSubject: ms.some((m) => m.segment === leadSegment && m.sentence === 0 && m.clauseSubject) ? 1 : 0,
      subjects: Math.log1p(ms.filter((m) => m.subject || m.clauseSubject).length),
      anaphora: Math.log1p(refs),
      mentions: Math.log1p(ms.length),
      firstAt: first,
      modifierShare: share((m) => m.modifier),
      objectShare: share((m) => m.object),
      acts: ms.some((m) => m.acts && !m.modifier && !m.object) ? 1 : 0,
      confers: ms.some((m) => m.confers) ? 1 : 0,
      honoured: ms.some((m) => m.honoured && !m.object) ? 1 : 0,
      organ: kind === 'organ' ? 1 : 0,
      grassroots: kind === 'grassroots' ? 1 : 0,
      locality: kind === 'locality' ? 1 : 0,
      otherKind: kind === 'other' ? 1 : 0,
      higher,
      relative: raw.relative ? 1 : 0,
      // (A community or a street named by its own name, "多福社区", lies where the text writes it with its divisions.)
      homeAgrees:
        input.home && ((depth > 0 && depth <= 3 && homeAgrees(name, input.home)) || (depth === 4 && [...raw.forms].some((f) => nameMentions(f)[0]?.start === 0 && nameMentions(f)[0]!.full && homeAgrees(f, input.home!))))
          ? 1
          : 0,
      // One of several bodies of its kind the text lists ("杭州市拱墅区民政局…宁波市镇海区民政局…"): a report on many.
      peers: Math.log1p(sameKind.length - 1),
      subunit: share((m) => m.subunit),
      speaks: ms.some((m) => m.speaks) ? 1 : 0,
    };
    const x = UNIT_FEATURES.map((k) => f[k]);
    return { name, features: x };
  });
  return out;
}

/** Whether a name's divisions lie on the home division's line (its province, city, county). */
function homeAgrees(name: string, home: Region): boolean {
  const ms = nameMentions(name);
  return ms.length > 0 && ms.every((m) => m.places.some((p) => p.name === home.county || p.name === home.city || p.name === home.province || (p.province?.name === home.province && (!home.city || p.city?.name === home.city || p.name === home.city))));
}

let weights: UnitWeights = UNIT_WEIGHTS;

export function useUnitWeights(next: UnitWeights): void {
  weights = next;
}

export function unitWeights(): UnitWeights {
  return weights;
}

/** Whether weights for these features are installed. */
export function hasUnitModel(): boolean {
  return weights.features.join() === UNIT_FEATURES.join() && weights.weights.length === UNIT_FEATURES.length;
}

export function unitProbability(x: readonly number[], w: readonly number[] = weights.weights): number {
  let z = 0;
  for (let k = 0; k < x.length; k++) z += (w[k] ?? 0) * x[k]!;
  return 1 / (1 + Math.exp(-z));
}

/** The best candidate and its probability, or null when there is none. */
export function bestUnit(input: UnitInput, w: UnitWeights = weights): { name: string; p: number } | null {
  if (w.features.join() !== UNIT_FEATURES.join()) return null;
  let best: { name: string; p: number } | null = null;
  for (const c of unitCandidates(input)) {
    const p = unitProbability(c.features, w.weights);
    if (!best || p > best.p) best = { name: c.name, p };
  }
  return best;
}

/** The unit the model reads from the text, when its best candidate clears the threshold. */
export function unitFromModel(input: UnitInput): string | null {
  if (!hasUnitModel()) return null;
  const best = bestUnit(input);
  return best && best.p >= weights.threshold ? best.name : null;
}

type Tap = (home: Region | null) => void;
let tap: Tap | null = null;

/**
 * For scripts/fit-units.ts: the home division each case is read with (units.ts's unitLine sees every
 * case without a unit of its own); the fit reads the case's title and paragraphs from the import's result.
 */
export function tapUnitHomes(fn: Tap | null): void {
  tap = fn;
}

export function observeUnitHome(home: Region | null | undefined): void {
  tap?.(home ?? null);
}
