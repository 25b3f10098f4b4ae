/**
 * Reports of an award: a news item or page whose news is that one body or one work received an honour
 * ("南开大学教育基金会荣获“天津市先进社会组织”荣誉称号", "…牵头撰写的研究报告《X》获一等奖", "《X》等15个案例
 * “上榜”"). Such a report is an award list of one entry — the honoured body or work is the entry's title, the
 * honour its award — not a single case titled by the file name. It is read by the grammar of awarding:
 *   - a clause whose subject is a body (a name by orgnames.ts's grammar, a place or community) or a work
 *     named in 《》, whose verb confers (listnames.ts CONFER_VERB, 入选, 上榜), and whose object is an honour
 *     (quoted, or ending as honours do: …奖, …称号, …先进集体, …案例; a grade, 一等奖);
 *   - in the headline or the opening paragraphs, where a report states its news;
 *   - and the text that follows is no write-up of the body's work. A case that won an honour tells its practice
 *     (以…为, 建立, 推进, 聚焦, 落实 …); a report goes on with the selection (评选, 经推荐申报, 共有100家) or the
 *     honoured one's record. A work named as one of a counted group ("《X》等15个案例") is its list's entry
 *     whatever follows, as the page goes on to the entries (only the first may be copied).
 */
import type { SourceLine } from '../lines.js';
import type { ListItem, ListResult } from './lists.js';
import { CONFER_VERB_WORD, nameRun } from './listnames.js';
import { isBareKind, isOrgName } from './orgnames.js';
import { countValue, plainAward, splitOutsideMarks, withoutRestatedCount } from './listrows.js';
import { HONOUR_WORD, normaliseAward } from './honours.js';
import { findMentions } from '../../regions/index.js';

/** The verb of a clause that states an honour received, and the adverbs before it ("再获", "喜获", "成功入选"). */
const VERB = new RegExp(`(?:均|都|成功|光荣|再次|再|又|首次)?(?:${CONFER_VERB_WORD}|获颁|被?表彰为|获(?![悉批取知得评奖颁])|上榜|“上榜”|入围|榜上有名|入列|名列其中|位列其中|名列榜单|受到表彰|受表彰|获此(?:殊荣|荣誉|称号)|(?:成功)?创建为|授予)`, 'gu');
/** VERB as a test (no global state): whether a sentence holds any of its verbs. */
const VERB_IN = new RegExp(VERB.source, 'u');
/** The verbs that name no honour after them: the honour is the list the sentence named before ("…名单公布,甲社区榜上有名", "…,乙社区名列其中"). */
const LISTED = /上榜|入选|入围|榜上有名|入列|名列其中|位列其中|名列榜单|受到表彰|受表彰|获此(?:殊荣|荣誉|称号)/u;

/** What an honour's name ends in: a prize, a title, the kind of body or work it is given to. */
const HONOUR_END = /(?:奖|称号|集体|单位|组织|社区|村|街道|县|区|市|城|机构|中心|基地|项目|案例|品牌|成果|示范|典型|模范|标兵|论文集|家庭)$/u;
/** A grade of a prize, an honour by itself under the prize the page names. */
const GRADE = /^(?:特等奖|[一二三四]等奖|金奖|银奖|铜奖|优秀奖|提名奖)$/u;
/** Words that make an object something else than an honour: a grant, praise, a result, a pilot's money. */
const NOT_HONOUR = /(?:好评|认可|支持|资金|补助|经费|帮助|关注|肯定|满意|成效|成功|发展|提升|经验|机会|资格|批准|通过|万元|亿元|[0-9０-９]+\s*(?:人|户|次|家|个))/u;

/**
 * Works named in 《》 right before the verb, one or several joined by 和/、/及, maybe counted: "《X》", "《X》和《Y》两个
 * 项目", or as the first of a group the page goes on to list: "《X》等15个案例".
 */
const WORK = /((?:《[^《》]{4,80}》\s*(?:、|和|及|与|以及)?\s*)+)(?:案例|项目|课题|成果|作品|报告|论文)?(等)?\s*(?:[0-9０-９一二两三四五六七八九十百]+\s*[个项篇部件]?[\u4e00-\u9fa5]{0,6})?\s*$/u;
/**
 * A work named in quotes, which its kind word after them makes a work ("我市“支持和引导社会力量参与救灾”工作", "“邻里守望”
 * 项目"); quotes alone before a verb may be a body's or an honour's name.
 */
const QUOTED_WORK = /[“"]([^“”"]{4,60})[”"](?:工作法|工作|项目|案例|做法|经验|模式|品牌|服务)$/u;
/** What stands between a work's authors and its name: "…牵头撰写的研究报告", "…申报的案例". */
const WORK_LEAD = /(?:(?:牵头)?(?:撰写|完成|主持|报送|申报|选送|推荐|创作|编写|编著)的)?(?:研究报告|调研报告|报告|论文|案例|项目|课题|成果|作品|著作|专著)?$/u;
/** A person named with a rank or post, who wrote the work: "卢爱国教授", "张某等". */
const PERSON = /[\u4e00-\u9fa5]{2,3}(?:副?教授|研究员|博士|讲师|老师|同志|等)$/u;
/** A body by the last word of its name (a school's short name "马院" too). */
const BODY_END = /(?:院|局|委|办|所|站|会|中心|厅|部|社|校|队|团队|集团|公司)$/u;

/** The verbs of a write-up of practice: what a case says its subject did. */
const PRACTICE = /推进|加强|完善|开展|建立|实现|提升|围绕|坚持|聚焦|落实|打造|实施|探索|构建|推动|投入|整合|搭建|建成|深化|强化|着力|发挥|以[^，,。；;]{2,12}为(?:抓手|目标|载体|核心|重点|主线|引领)/gu;

export interface ReportAward {
  items: Array<Omit<ListItem, 'at'>>;
  /** The honoured is a work the sentence counts as the first of a group ("《X》等15个案例"), whose entry the page goes on to print. */
  counted: boolean;
  /** The text line of the sentence. */
  line: number;
  /** The sentence is in the headline or the paragraph after it, where a report states its news. */
  lead: boolean;
  /** The honoured are the first of a group an organ's act counts ("授予甲等21个单位“X”称号"), as a 决定 sums up its list. */
  summary: boolean;
  /** Distinct verbs of practice in the text besides the sentence. */
  practice: number;
}

/**
 * What stands for an honour after its name: its plaque or certificate ("被授予X的金色招牌", "获颁X牌匾"), and the act of
 * naming it ("获X命名"), no part of it.
 */
const EMBLEM = /(?:的?(?:金色|铜质|金字)?(?:招牌|牌匾|奖牌|匾额|牌子|金牌|铜牌|奖杯|证书)|(?<=[\u4e00-\u9fa5”"])(?:命名|授牌|序列|行列))$/u;

/**
 * The verbs that confer only titles (授予, 命名为, 评为, 获评, 荣获 …): what follows them and ends as an honour's name
 * does ("被授予自治区老年人宜居社区") is one, even with none of the words an honour is made of; after 获/获得 (money,
 * support, praise) it needs them.
 */
const TITLE_VERB = /(?:授予|命名为|评(?:定|选)?为|获评|荣获|荣膺|表彰为|创建为)$/u;
/** A level an honour is given at, opening its name: "自治区…", "全国…", "省级…", "市级…". */
const LEVEL = /^(?:全国|全省|全市|全区|全州|全县|国家级?|省级?|市级?|区级|县级|州级|自治区|[\u4e00-\u9fa5]{2,7}?(?:省|市|自治区))/u;

/** The honour after a conferring verb: quoted (with its year or round before the quotes) or plain, up to the clause's end. */
function honourAfter(rest0: string, verb = ''): string | null {
  const rest = rest0.replace(/\s+$/u, '').replace(EMBLEM, '');
  const r = rest.replace(/^\s*(?:了|为)?\s*/u, '');
  const quoted = /^([^，,。；;“”"]{0,16}?[“"][^“”"]{2,40}[”"][\u4e00-\u9fa5]{0,16}?)(?:荣誉称号|称号|殊荣|荣誉)?\s*$/u.exec(r);
  if (quoted) {
    const honour = plainAward(quoted[1]!.replace(/\s+/gu, ''));
    return honour && !NOT_HONOUR.test(honour) ? honour : null;
  }
  const plain = /^([^“”"]{2,40}?)(?:荣誉称号|称号|殊荣|荣誉)?\s*$/u.exec(r);
  if (!plain) return null;
  const honour = plain[1]!.trim();
  if (GRADE.test(honour)) return honour;
  const titled = TITLE_VERB.test(verb) && LEVEL.test(honour) && /(?:社区|村|单位|集体|组织|街道|镇|乡|县|区|市|城|机构|中心|基地|家庭)$/u.test(honour);
  // (A pilot an organ designates is an honour by its kind: "…创新实验区", "…试点单位".)
  const pilot = /(?:实验区|试验区|示范区|试点(?:单位|地区|城市|县|区)?)$/u.test(honour);
  return honour.length >= 4 && HONOUR_END.test(honour) && (HONOUR_WORD.test(honour) || titled || pilot || /奖$|称号/u.test(honour) || /论文集$/u.test(honour)) && !NOT_HONOUR.test(honour) ? honour : null;
}

/**
 * The honour before a 、 that goes on with another clause ("被评为全省民政工作创新奖、“全国双拥模范城”创建实现“三连冠”"):
 * the first piece, when what follows is no honour. Honours joined by 、 ("荣获甲、乙、丙等荣誉称号") are a body's record
 * of honours, no one piece of news.
 */
function firstHonour(rest: string): string | null {
  const pieces = splitOutsideMarks(rest, '、');
  if (pieces.length < 2) return null;
  if (pieces.slice(1).every((p) => honourAfter(p.replace(/等(?:荣誉称号|称号|荣誉|奖项|殊荣)\s*$/u, '')))) return null;
  return honourAfter(pieces[0]!);
}

/**
 * An honour's name marked as the page marks it, read as quoted: corner brackets ("「X」", as traditional-character
 * pages quote) and book marks around a title's name ("荣获《X》称号", a 称号 being no work).
 */
function asQuoted(rest: string): string {
  return rest.replace(/[「『]([^「」『』]{2,40})[」』]/gu, '“$1”').replace(/《([^《》]{2,40})》(?=\s*(?:荣誉)?称号)/u, '“$1”');
}

/** The honour a list named earlier in the sentence ("会上通报了2024年度渝中区改革最佳实践案例"). */
function honourNamedBefore(text: string): string | null {
  const m = LIST_NAMED.exec(text) ?? SELECTION_NAMED.exec(text);
  const held = m ? null : CEREMONY.exec(text);
  const name = m?.[1] ?? m?.[2] ?? m?.[3] ?? held?.[1] ?? held?.[2];
  return name ? name.trim().replace(/^[“"]([^“”"]+)[”"]$/u, '$1') : null;
}

/** The honour the nearest earlier sentence names by its list, selection or ceremony ("2024年全省X名单公布。"), or null. */
function namedEarlier(text: string): string | null {
  const sentences = splitOutsideMarks(text, '。！？\n');
  for (let k = sentences.length - 1; k >= 0; k--) {
    const named = honourNamedBefore(sentences[k]!);
    if (named) return named;
  }
  return null;
}

/**
 * The honour named in full in a text that a list's item writes short ("“美丽社区”" under "天津市民政局命名天津市第五批“美丽
 * 社区”"): the first list, selection or ceremony a sentence of the text names whose name the short one is written for
 * (shortFor). The honour as it is when none.
 */
export function namedInFull(honour: string, text: string): string {
  for (const sentence of splitOutsideMarks(text, '。！？\n')) {
    for (const clause of splitOutsideMarks(sentence, '，,；;')) {
      // ("命名表彰240个X": a second act and the count of its winners before the honour are no part of it.)
      const full = honourNamedBefore(clause)?.replace(/^(?:命名|表彰|授予|评选|认定)*\s*(?:[0-9０-９]{1,5}|[一二两三四五六七八九十百千]{1,4})\s*[个家所名项](?=\S{4})/u, '') ?? null;
      // (What an organ's act names is the honour alone: "命名甲等999个社区为X" names its winners and a count with it.)
      if (full && full !== honour && !/[为是将把]|等\s*[0-9０-９一二两三四五六七八九十百千]+\s*[个家所名项]/u.test(full) && shortFor(honour, full)) return full;
    }
  }
  return honour;
}

/**
 * The honour a selection is held for, named before its results: "在2021年度全省优秀社会工作案例评选中", "X评选结果揭晓",
 * "X名单出炉", or a clause opening with the selection by its name ("北京第二届(2007年度)魅力社区评选活动…举行").
 */
const SELECTION_NAMED = /在\s*([^，,。；;在]{4,40}?)(?:的)?(?:评选|评审|遴选|推选|征集|评比)(?:活动|工作)?(?:中|上)|([^，,。；;]{4,40}?(?:案例|成果|项目|品牌|单位|社区|集体|奖|村|组织))(?:评选|评审|遴选)?(?:结果|名单|榜单)(?:正式|近日|日前)?(?:揭晓|公布|出炉|发布)|^\s*(?!开展|举办|组织|启动|参加|参与|为|对)([^，,。；;“”"在]{4,40}?(?:社区|村|单位|集体|组织|城市|家庭|案例|项目|品牌))(?:评选|评比|推选)活动/u;

/**
 * The honour a ceremony is held for ("举行了“2023全国城乡社区高质量发展典型案例”颁奖仪式", "X发布会"), quoted or ending
 * as honours do: those 上榜 at it are its winners.
 */
const CEREMONY = /[“"]([^“”"]{4,40}?)[”"]\s*(?:颁奖|表彰|授牌|发布|揭晓)(?:仪式|典礼|大会|会|活动)|(?:举行|举办|召开)了?\s*([^，,。；;“”"《》]{4,40}?(?:案例|成果|项目|品牌|奖))(?:颁奖|表彰|授牌|发布|揭晓)(?:仪式|典礼|大会|会|活动)/u;

/**
 * A list the organ published, by its name: "公布2017年全国综合减灾示范社区名单", "发布“2020年度全国综合减灾示范社区”
 * 称号的公示名单" — the honour with the year or round the page gives it. (A 决定 or 通知 is the act, not the list: what
 * is 榜上有名 after "发布《关于表彰X的决定》" may be its own list of the act's winners.)
 */
const LIST_NAMED = /(?:通报|公布|发布|揭晓|公示|印发|下发|评选出|评出|命名|表彰)了?\s*[《]?([^，,。；;《》]{4,40}?(?:案例|成果|项目|品牌|单位|社区|集体|奖|村|街道|城区|实验区|示范区)[”"]?)(?:(?:荣誉)?称号)?(?:的?(?:公示|拟命名|表彰)?(?:名单|名录|榜单))?[》]?(?=[，,。；;]|$)/u;

/**
 * The honour with the year or round the page gives it elsewhere in its opening: a headline's short form ("白果社区获评全国
 * 综合减灾示范社区") or a clause's ("甲、乙被评为“全国综合减灾示范社区”") is the honour the page names in full with its year
 * or round before it ("下发《2021年度全国综合减灾示范社区的通知》", "公布2017年全国综合减灾示范社区名单", "被授予第九批“X”
 * 称号"). The first such naming counts.
 */
export function withYear(award: string, text: string): string {
  // (Corner brackets or book marks around the whole name are the page's quotes: "「X」", "《X》称号"; what stands for
  // the honour after it, its ranks or its plaque, "跻身“X”行列", "获颁“X”牌匾", is no part of it.)
  const marked = award.replace(/(?<=[”"」』》]|[\u4e00-\u9fa5]{4})(?:行列|的?(?:金色|铜质)?(?:招牌|牌匾|奖牌|匾额|奖杯|荣誉证书|证书))$/u, '');
  const honour = /^[「『《]([^「」『』《》]+)[」』》]$/u.exec(marked)?.[1] ?? marked;
  const bare = honour.replace(/^[“"]|[”"]$/gu, '');
  if (/^(?:[0-9０-９]{4}|第)/u.test(bare) || bare.length < 4) return honour;
  for (let at = text.indexOf(bare); at >= 0; at = text.indexOf(bare, at + bare.length)) {
    // (A span of years, "2025—2026年", is a term, not the honour's year.)
    const year = /(?<![0-9０-９—–~～至-])([0-9０-９]{4}\s*年度?(?:第[一二三四五六七八九十0-9０-９]{1,3}批)?|第[一二三四五六七八九十0-9０-９]{1,3}[批届])([“"]?)$/u.exec(text.slice(Math.max(0, at - 14), at));
    if (!year) continue;
    const closed = year[2] && /^[”"]/u.test(text.slice(at + bare.length)) ? `${year[2]}${bare}”` : bare;
    return `${year[1]}${closed}`;
  }
  return honour;
}

/** The body that wrote or entered a work, from what stands before its 《》 in the clause: "马院卢爱国教授牵头撰写的研究报告" → 马院. */
function workUnit(before: string): string | null {
  let t = before.replace(WORK_LEAD, '').replace(/的$/u, '');
  t = t.replace(PERSON, '');
  t = t.replace(/^.*?(?:其中|此外|另外)\s*/u, '').trim();
  // ("我区青山区向阳社会工作服务中心": the reporter's own place before a body its own place names.)
  const we = /^(?:我|本)[省市区县州旗]/u.exec(t);
  if (we && findMentions(t.slice(we[0].length, we[0].length + 12))[0]?.start === 0) t = t.slice(we[0].length);
  if (t.length < 2 || t.length > 30 || !/^[\u4e00-\u9fa5（）()·]+$/u.test(t)) return null;
  return isOrgName(t) || BODY_END.test(t) || isName(t) ? t : null;
}

/** A body's name by the organisation grammar; a phrase holding 的 or a verb of being ("我省唯一的地级市民政部门", "作为") is none. */
const isName = (text: string) => text.length <= 30 && !/的|作为|[是为在]/u.test(text) && (isOrgName(text) || Boolean(nameRun([text])));

/**
 * A name as the reporter writes it after the page's own place: "我市金桥社区" is 金桥社区, "我市慈善总会" the city's
 * 市慈善总会 (a body named by its level word, as orgnames.ts reads 市志愿者协会).
 */
function ownName(piece: string): string | null {
  // (A subject of kind words alone, "社区居委会获得…称号", is the write-up's own subject honoured: a case, no entry.)
  if (isBareKind(piece)) return null;
  // (Nor is a count of a kind, a headline's "我市一社区", "我县两村".)
  if (/^(?:我|本)?[省市区县州旗]?(?:[0-9０-９]{1,4}|[一二两三四五六七八九十百]{1,4})\s*[个家所名]?\s*(?:社区|村|单位|集体|街道|镇|乡|组织|地|城区)$/u.test(piece)) return null;
  const we = /^(?:我|本)([省市区县州旗])/u.exec(piece);
  if (!we) return isName(piece) ? piece : null;
  const rest = piece.slice(we[0].length);
  if (isName(rest)) return rest;
  return isName(we[1]! + rest) ? we[1]! + rest : null;
}

/** The name a clause opens with, its longest opening that is one ("市民政局作为…" → 市民政局). */
function openingName(clause: string): string | null {
  const t = clause.trim().slice(0, 32);
  for (let end = t.length; end >= 3; end--) {
    const name = ownName(t.slice(0, end));
    if (name) return name;
  }
  return null;
}

/**
 * The bodies a clause names as its subject: several joined by 、/和 when each is a name ("我市慈善总会、市志愿者
 * 协会被评为…"), else the longest end of what precedes the verb that is a name.
 */
function bodySubjects(before: string): string[] {
  // "甲被乙评为X": who stands after 被 is the organ that confers, the honoured one before it.
  const passive = before.lastIndexOf('被');
  // (The page's own place before the name is the reporter's, "我市甲社区": the name starts after it.)
  // (A subject is a few names long: only the clause's last words are looked at, whatever the copy holds before them.)
  // (A 、 doubled by the copy, "甲、、乙", is one.)
  const t = (passive >= 0 ? before.slice(0, passive) : before).slice(-80).trim().replace(/^.*?(?=(?:我|本)[省市区县州旗])/u, '').replace(/、{2,}/gu, '、');
  // "甲、乙2个社区": a count after the names restates them, when it counts as many as are named.
  const uncounted = withoutRestatedCount(t, '、和及与');
  const named = uncounted !== t ? splitOutsideMarks(uncounted, '、和及与').map((p) => p.trim()) : [];
  if (named.length >= 2) {
    const names = named.map(ownName);
    if (names.every(Boolean)) return names as string[];
  }
  const joined = joinedBodies(t);
  if (joined) return joined;
  // A group the clause counts ("上海市25个社区上榜", "全国281个社会团体、社会服务机构和基金会获…") names kinds of
  // bodies, not the bodies.
  if (COUNTED_KINDS.test(t)) return [];
  const pieces = splitOutsideMarks(t, '、和及与').map((p) => p.trim());
  if (pieces.length >= 2) {
    const names = pieces.map(ownName);
    if (names.every(Boolean)) return names as string[];
  }
  for (let p = 0; p <= t.length - 3; p++) {
    const candidate = t.slice(p);
    if (candidate.length > 32) continue;
    // (Kind words alone are the text's own subject pointed back at: no shorter end of them is a name either.)
    if (isBareKind(candidate)) return [];
    const name = ownName(candidate);
    if (name) return [name];
  }
  return [];
}

/**
 * Names set out by 、 with 以及/和/及/与 before the last, and the group's count after them ("甲、乙、东环特和社区以及丙等7个
 * 社区"): a joining word splits a piece only where both halves are names (a 和 may be inside one), and "等N个…" closes
 * the names the page chose to print of its N. Null unless two names or more, every piece one.
 */
/** "等N个社区" closing a row of names: the count of which the row printed some. */
const ETC_COUNT = /\s*等\s*(?:[0-9０-９]{1,4}|[一二两三四五六七八九十百]{1,4})\s*[个家所名]\s*[\u4e00-\u9fa5]{1,6}$/u;

function joinedBodies(t: string): string[] | null {
  const row = t.replace(ETC_COUNT, '');
  const pieces = splitOutsideMarks(row, '、').map((p) => p.trim());
  if (!pieces.length || pieces.some((p) => !p)) return null;
  const last = pieces.pop()!;
  const out: string[] = [];
  for (const p of pieces) {
    const name = ownName(p);
    if (!name) return null;
    out.push(name);
  }
  const whole = ownName(last);
  let pair: string[] | null = null;
  for (const j of last.matchAll(/以及|和|及|与/gu)) {
    const a = ownName(last.slice(0, j.index));
    const b = ownName(last.slice(j.index! + j[0].length));
    if (a && b) {
      pair = [a, b];
      break;
    }
  }
  if (pair) out.push(...pair);
  else if (whole) out.push(whole);
  else return null;
  return out.length >= 2 ? out : null;
}

/** A group counted in a subject: "上海市25个社区", "全国281个社会团体、…", "我市2个集体和1名个人". */
const COUNTED_KINDS = /(?<![0-9０-９])(?:[0-9０-９]{1,5}|[一二两三四五六七八九十百千]{1,4})\s*[个家所名]\s*[\u4e00-\u9fa5]/u;

/** The leading body of a work's write-up: "由区委政法委、区公安分局牵头" opening its paragraph. */
function ledBy(text: string): string | null {
  const m = /^由([\u4e00-\u9fa5、（）()]{2,40}?)(?:牵头|负责|主导|组织实施)/u.exec(text.trim());
  return m && m[1]!.split('、').every((n) => n.length >= 2 && BODY_END.test(n)) ? m[1]! : null;
}

/** The entries one clause states an honour for, at one conferring verb `m`, or null when it states none. */
function clauseEntries(clause: string, m: RegExpMatchArray, sentence: string, earlier: string[] = [], prior = ''): { items: Array<Omit<ListItem, 'at'>>; counted: boolean; summary?: boolean } | null {
  // 授予 alone is the organ's verb: "省民政厅授予甲等3个社区“X”称号" names its winners between the verb and the honour
  // in quotes (a row of two or more is read as a row).
  if (m[0] === '授予' && !clause.slice(0, m.index).includes('被')) {
    const given = /^(.+?)\s*[“"]([^“”"]{4,40})[”"]\s*(?:荣誉称号|称号)\s*$/u.exec(clause.slice(m.index! + m[0].length));
    if (!given) return null;
    const row = given[1]!.replace(ETC_COUNT, '');
    const names = joinedBodies(row) ?? (ownName(row) ? [ownName(row)!] : []);
    const award = normaliseAward(plainAward(given[2]!));
    // (Its first winners and their count, "授予甲等21个单位…", are how a 决定 sums its list up: a summary.)
    return names.length ? { items: names.map((title) => ({ title, subtitle: null, unit: null, place: null, award })), counted: false, summary: row !== given[1]! } : null;
  }
  // ("甲社区日前获评X", "乙街道近日被授予Y": when it happened stands between the subject and its verb.)
  let before = clause.slice(0, m.index).replace(WHEN_BEFORE_VERB, '');
  // "市民政局作为我省唯一的地级市民政部门,被民政部…授予…称号": a clause opening with its passive goes on with the
  // subject an earlier clause of the sentence opened with.
  if (/^\s*被/u.test(before) || (!before.trim() && /^被/u.test(m[0]))) {
    const subject = earlier.map(openingName).reverse().find(Boolean);
    if (!subject) return null;
    before = subject;
  }
  const rest = asQuoted(clause.slice(m.index! + m[0].length));
  const work = WORK.exec(before);
  let honour = honourAfter(rest, m[0]) ?? firstHonour(rest);
  // (Or in the sentences before it: "X名单公布。此次全省共有50个社区获此殊荣,我市甲、乙位列其中。")
  const namedBefore = () => honourNamedBefore(sentence.slice(0, sentence.indexOf(clause))) ?? namedEarlier(prior);
  if (!honour && LISTED.test(m[0]) && !rest.replace(/[\s!！]+$/u, '')) honour = namedBefore();
  if (!honour) return null;
  // "…命名2025年某省X示范社区,甲、乙等7个社区获省级示范社区命名": the honour written short is the one the sentence
  // named in full before.
  const full = namedBefore();
  if (full && full !== honour && shortFor(honour, full)) honour = full;
  const award = normaliseAward(honour);
  if (work) {
    const unit = workUnit(before.slice(0, work.index));
    const items = [...work[1]!.matchAll(/《([^《》]{4,80})》/gu)].map((w) => ({ title: w[1]!.trim(), subtitle: null, unit, place: null, award, whole: true }));
    return { items, counted: Boolean(work[2]) };
  }
  const quoted = QUOTED_WORK.exec(before.trim());
  if (quoted) return { items: [{ title: quoted[1]!.trim(), subtitle: null, unit: workUnit(before.trim().slice(0, quoted.index)), place: null, award, whole: true }], counted: false };
  // A province's or city's honour ("天津市先进社会组织") is given in that place: a body whose name writes
  // no division of its own ("南开大学教育基金会", whose 南开 is its name) is placed there.
  const scope = /^([\u4e00-\u9fa5]{2,8}?(?:省|市|自治区))/u.exec(honour.replace(/^[“"]/u, ''))?.[1] ?? null;
  const items = (totalledSubjects(before, earlier) ?? bodySubjects(before)).map((body) => ({ title: body, subtitle: null, unit: null, place: scope && !/(?:省|市|区|县|旗|州)/u.test(body.slice(0, 8)) ? scope : null, award }));
  return items.length ? { items, counted: false } : null;
}

/** The total closing groups of names: "…共7个城市". */
const GROUP_TOTAL = /(?:共|共计|合计)\s*([0-9０-９]{1,3}|[一二两三四五六七八九十]{1,3})\s*[个家所名]\s*[\u4e00-\u9fa5]{1,6}$/u;
/** A group's own count and kind after its names: "3个地级以上城市", "4个县级市". */
const GROUP_COUNT = /\s*([0-9０-９]{1,3}|[一二两三四五六七八九十]{1,3})\s*[个家所名]\s*[\u4e00-\u9fa5]{1,8}$/u;
/** The kind a group is labelled with before its names: "首府呼和浩特市", "地级市甲、乙". */
const GROUP_LABEL = /^(?:首府|省会|地级市|县级市|地级以上城市|县级城市|城区|县区)\s*/u;

/**
 * Groups of names set apart by commas, each maybe under its kind and with a count, closed by the total of them all
 * ("首府甲,地级市乙、丙3个地级以上城市,丁、戊、己、庚4个县级市共7个城市入围X"): the subject is every group's names, read
 * back from the verb's clause through the sentence's earlier clauses, when they add up to the total. (A group's count
 * may take in the groups before it, "3个地级以上城市" counting 甲 too: only the total is checked.) Null otherwise.
 */
function totalledSubjects(before: string, earlier: string[]): string[] | null {
  const total = GROUP_TOTAL.exec(before);
  if (!total) return null;
  const want = countValue(total[1]!);
  const groups = [...earlier, before.slice(0, total.index)];
  const names: string[] = [];
  for (let g = groups.length - 1; g >= 0 && names.length < want; g--) {
    let group = groups[g]!.trim();
    group = group.replace(GROUP_COUNT, '').replace(GROUP_LABEL, '');
    const pieces = splitOutsideMarks(group, '、').map((p) => ownName(p.trim()));
    if (!pieces.length || pieces.some((p) => !p)) return null;
    names.unshift(...(pieces as string[]));
  }
  return names.length === want ? names : null;
}

/** When it happened, between a subject and its verb: "日前", "近日", "今年", "再次". */
const WHEN_BEFORE_VERB = /(?:日前|近日|近期|最近|前不久|不久前|此前|日|今年|去年|年初|年底|年内)+\s*$/u;

/**
 * Whether an honour is written short for a name given in full: "省级示范社区" for "2025年贵州省易地扶贫搬迁示范社区",
 * "“美丽社区”" for "天津市第五批“美丽社区”" — the same kind of name (its last four characters), every character of the
 * short one in the full one in order (a level word's 级 aside).
 */
function shortFor(short: string, full: string): boolean {
  const a = short.replace(/[“”"]/gu, '').replace(/(?<=[国省市区县州])级/u, '');
  const b = full.replace(/[“”"]/gu, '');
  if (a.length < 4 || a.length >= b.length || !b.endsWith(a.slice(-4))) return false;
  let at = 0;
  for (const ch of a) {
    at = b.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** What may open a sentence before its subject: when, what is known, an aside. */
const SENTENCE_OPENER = /^\s*(?:(?:近些年|近年来?|长期以来|一直以来|自?(?:[0-9０-９]{4}\s*|(?:过去)?[近今去多几一二三四五六七八九十]{1,3})年(?:以来|来)?|自[^，,。；;]{1,12}以来|在[^，,。；;]{2,16}(?:中|上|下|方面)|此外|另外|同时|其中|目前|据了解|据悉|据介绍)\s*[，,]?\s*)*/u;

/** A sentence of what is planned: its subject, then 将/拟/计划, or an opening "下一步", "今后". */
const PLAN = /^\s*(?:下一步|今后|未来|接下来|[^，,。；;]{0,16}?(?:将|拟|计划)(?!近|达|超))/u;

/** A body's founding opening a sentence: its profile ("某中心成立于2014年8月", "该社区始建于1998年"). */
const PROFILE = /^[^，,。；;]{0,40}?(?:成立|始建|创建|组建|创办|注册|挂牌)于\s*(?:[0-9０-９]{4}|[一二三四五六七八九〇零]{4})/u;

/**
 * A sentence's subject named before its predicate: a name ending in the kind of a body or place, then a word a
 * predicate opens with ("紫竹院街道在…指导下", "该县以…为", "市民政局围绕…").
 */
const SUBJECT = /^[\u4e00-\u9fa5]{0,20}?(?:街道|社区|村|镇|乡|区|县|市|旗|州|局|厅|委|办|中心|协会|会|院|站|所|系统|部门|政府|组织)(?=在|把|将|以|围绕|坚持|通过|始终|积极|不断|着力|紧紧|聚焦|立足|按照|结合|充分|全面|深入|大力|先后|还|也|[，,])/u;

/** A sentence opening (past its opener) with a body's name: its subject is that body. */
function othersSubject(sentence: string): boolean {
  const t = sentence.replace(SENTENCE_OPENER, '');
  return SUBJECT.test(t) || Boolean(openingName(t));
}

/**
 * Whether a sentence's subject is one of the honoured bodies: it opens (past its opener) with a body's name, the
 * end of it the text shortens the name to ("西宁市城东区" → 城东区, "胜利东街社区" → 社区), 该/本 and the name's
 * last word ("该社区"), or a pronoun ("他们").
 */
function opensWith(sentence: string, bodies: string[]): boolean {
  const t = sentence.replace(SENTENCE_OPENER, '').replace(/^(?:该|本|我)(?=[\u4e00-\u9fa5])/u, '');
  // (Or the pronoun a write-up goes on with: "他们坚持…".)
  if (/^(?:他们|她们|我们)/u.test(t)) return true;
  for (const body of bodies) {
    for (let p = 0; p <= body.length - 2; p++) if (t.startsWith(body.slice(p))) return true;
  }
  return false;
}

/** What a line that ends its sentence or paragraph ends in. */
const CLOSED = /[。！？!?；;：:”"’）)】》]$/u;

/**
 * The first four paragraphs of text, each from its first line: a line left open mid-sentence went on in the next (a
 * hard wrap a PDF or a narrow page left); a short line stands alone, and so does the first, a headline, unless it is
 * as wide as the line after it.
 */
function openingParagraphs(lines: SourceLine[]): Array<{ k: number; text: string }> {
  const out: Array<{ k: number; text: string }> = [];
  const open = (j: number) => j < lines.length && Boolean(lines[j]!.text.trim()) && !lines[j]!.image;
  // (The lines a list's wrapped row was joined from are left empty in place: no break of the text's.)
  const after = (j: number) => {
    let n = j + 1;
    while (n < lines.length && !lines[n]!.text.trim() && !lines[n]!.image) n++;
    return n;
  };
  for (let k = 0; k < lines.length && out.length < 4; k++) {
    if (!open(k)) continue;
    const at = k;
    let text = lines[k]!.text.trim();
    while (text.length < 3000 && !CLOSED.test(text) && open(after(k))) {
      const last = lines[k]!.text.trim();
      const next = lines[after(k)]!.text.trim();
      // (The first line may be the headline, which stands over a longer line; a wrapped line past it may be
      // shorter than the next where a copy dropped the characters it was wrapped with, a mirror's pinyin.)
      if (last.length < 12 || (!out.length && last.length < next.length - 2)) break;
      text += next;
      k = after(k);
    }
    out.push({ k: at, text });
  }
  return out;
}

/**
 * The award a report states, read from its headline and opening paragraphs (the first four lines of text), or
 * null. Only the first clause that states one counts: a report's news comes first, the honoured one's
 * earlier honours after it.
 */
/**
 * A clause opening on 以及 goes on with the names before its comma ("甲社区,以及乙社区被评为X"): the two are one
 * subject, so they are read as one clause, the comma dropped. (No verb of VERB holds 以, so joining them makes no
 * match that the sentence did not hold.)
 */
function joinedClauses(clauses: string[]): string[] {
  const out: string[] = [];
  for (const clause of clauses) {
    if (out.length && /^\s*以及/u.test(clause)) out[out.length - 1] += clause.trim();
    else out.push(clause);
  }
  return out;
}

export function reportedAward(lines: SourceLine[]): ReportAward | null {
  const paragraphs = openingParagraphs(lines);
  let prior = '';
  for (const [p, { k, text }] of paragraphs.entries()) {
    for (const sentence of splitOutsideMarks(text.length > 3000 ? text.slice(0, 3000) : text, '。！？')) {
      const priorText = prior;
      prior += `${sentence}。`;
      // (A report states its news in a sentence of a few clauses: a run-on line past that is no such sentence.)
      if (sentence.length > 600) continue;
      // Items come only from a clause VERB matches in, and a clause is a piece of the sentence cut at a separator
      // (，,；;): VERB holds no anchor or lookbehind, and its one lookahead (after 获) rejects none of those
      // separators, so a match in a clause is a match in the sentence. A sentence VERB does not match in names no
      // award: it is passed by before it is cut into clauses (issue #13).
      if (!VERB_IN.test(sentence)) continue;
      // Every clause of the sentence that states an honour gives its entries: "甲社区获得一等奖,乙社区和丙社区获得二等奖".
      const items: Array<Omit<ListItem, 'at'>> = [];
      let counted = false;
      let summary = false;
      const clauses = joinedClauses(splitOutsideMarks(sentence, '，,；;'));
      for (const [c, clause] of clauses.entries()) {
        for (const m of clause.matchAll(VERB)) {
          const found = clauseEntries(clause, m, sentence, clauses.slice(0, c), priorText);
          if (!found) continue;
          items.push(...found.items);
          counted ||= found.counted;
          summary ||= Boolean(found.summary);
          break;
        }
      }
      if (!items.length) continue;
      const opening = paragraphs.map((p) => p.text).join('\n');
      for (const it of items) if (it.award) it.award = withYear(it.award, opening);
      // (The text around the sentence, before it too: a case may open with its practice and mention the honour after.)
      const around = lines.map((l) => l.text).join('\n').replace(sentence, '');
      // A body's practice is what the text says the body did: sentences it is the subject of ("近年来,城东区以…为
      // 抓手"). What others did (the organ's selection, the city's work, what all such bodies are to do) tells
      // no practice of the honoured. A work's write-up is its authors' practice, whoever its sentences name.
      const bodies = items.filter((it) => !it.whole).map((it) => it.title);
      // (A body's profile, "该中心成立于2014年8月,致力于…", is its record, what a report adds after the news.)
      // (What the body will do, "该社区将围绕…", "下一步,…将…", is its plan, no practice told.)
      const sentences = splitOutsideMarks(around, '。！？!?\n').filter((t) => !PROFILE.test(t) && !PLAN.test(t));
      // A work's write-up is its authors' practice, or the text's where its sentences name no subject; what another
      // body the text names did ("近年来,紫竹院街道…" over its community's case) is that body's.
      const units = items.flatMap((it) => (it.whole && it.unit ? [it.unit] : []));
      const told = bodies.length === items.length ? sentences.filter((t) => opensWith(t, bodies)) : sentences.filter((t) => opensWith(t, units) || !othersSubject(t));
      // (Titles in 《》 hold verbs of their own: "以《全力提升…》为题" tells no practice.)
      const practice = new Set([...told.join('。').replace(/《[^《》]*》/gu, '《》').matchAll(PRACTICE)].map((p) => p[0].replace(/^以.*$/u, '以…为'))).size;
      // A counted work is its list's entry when the page goes on to the entries: its title on a line of its own.
      const entry = counted ? lines.findIndex((l, j) => j !== k && l.text.trim() === items[0]!.title) : -1;
      return { items, counted: entry >= 0, line: k, lead: p <= 1, summary, practice };
    }
  }
  return null;
}

/**
 * A page whose news is a rank ("赣州民政工作综合评估全省第一", "…数量位列全国第一", "…位居全国前列"), in its headline or
 * its first sentence: a report of results, whose account of the year's work is the results' ground, no case's practice.
 */
function ranked(lines: SourceLine[]): boolean {
  const first = lines.find((l) => l.text.trim() && !l.image)?.text.trim() ?? '';
  const head = splitOutsideMarks(first.slice(0, 300), '。！？!?')[0] ?? '';
  return RANK.test(head);
}
const RANK = /(?:全国|全省|全市|全区|全州|全县|全盟)(?:第[一二三]名?|前列|前茅|首位|之首)|(?:位列|位居|名列|排名|跻身)(?:全国|全省|全市|全区)?(?:第[一二三]名?|前列|前茅|首位)/u;

/**
 * The list a report of an award is (one entry, or the works one clause names), or null when the text is no such report (none stated, or the text
 * after it is a write-up of the honoured one's practice: a case). The entry stands for the whole text, which
 * stays the list's lead (`at` past the last line).
 */
export function awardReport(lines: SourceLine[], practiceBar = 2): ListResult | null {
  const found = reportedAward(lines);
  if (!found) return null;
  // (Two bodies or more honoured in one clause are each an entry: a text that goes on with what each did is their
  // record, as no case has two subjects.)
  // (The news of the text, in its headline or lead: two bodies named among a write-up's later facts are its practice's.)
  const several = found.lead && found.items.length >= 2 && found.items.every((it) => !it.whole);
  const rank = ranked(lines);
  if (!found.counted && !several && found.practice >= practiceBar && !rank) return null;
  // A body honoured past the headline and lead is one of the write-up's facts ("…,乙区被省民政厅确认为X实验区" in its
  // third paragraph): a report states its news first. (Works named in 《》 may be reported after the ceremony's account.)
  if (!found.lead && !rank && found.items.every((it) => !it.whole)) return null;
  const items: ListItem[] = found.items.map((it) => ({ ...it, at: lines.length }));
  // The copied entry of a counted list: its title line, then its write-up opening with who led it.
  for (const item of found.counted ? items : []) {
    if (item.unit) continue;
    const own = lines.findIndex((l) => l.text.trim() === item.title);
    const next = own >= 0 ? lines.slice(own + 1).find((l) => l.text.trim()) : undefined;
    if (next) item.unit = ledBy(next.text);
  }
  return { items, taken: new Set(), nameAt: -1, scope: null, scopeTexts: [lines[0]?.text ?? ''], report: true, ...(found.summary ? { summarised: true } : {}) };
}
