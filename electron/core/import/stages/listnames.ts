/**
 * Runs of names: a list's items written one after another ("甲社区、乙社区,以及丙村"), read by the
 * grammar of names rather than by the words around them. A piece is a name when it is an
 * organisation (orgnames.ts), a place, or a place lists award below a county (a street, a township,
 * a community, a village). What a list writes once for several names holds for the names after it
 * until another is written: the county before a street ("盐湖区中城街道甲社区、安邑街道乙社区"), the
 * street before a community ("淮海街道黄河南社区、新村社区"), a place labelling the line ("清河区:…").
 */
import { findMentions } from '../../regions/index.js';
import { isOrgName } from './orgnames.js';

export interface RunName {
  /** The name with what the run wrote once before it ("清河区淮海街道新村社区" for "新村社区"). */
  title: string;
  /** The name as the page wrote it. */
  written: string;
}

/** A street or township opening a name, with more of the name after it. */
const STREET = /^[\u4e00-\u9fa5]{2,8}?(?:街道|镇|乡|苏木)(?=[\u4e00-\u9fa5]{2,})/u;
/** A community or village, the places lists award below a street (a 嘎查 is Inner Mongolia's village, a 苏木 its township). */
const COMMUNITY = /^[\u4e00-\u9fa5]{2,16}(?:社区|村|嘎查|居委会|居民委员会|村民委员会)$/u;
/** Where an awarded place's name ends. */
const PLACE_END = /(?:社区|村|嘎查|街道|镇|乡|苏木|县|区|市|旗|居委会|居民委员会|村民委员会)$/u;
/** Verbs and connectives of running text, which no name of a list holds (listrows.ts reads rows with them too). */
export const PROSE_WORDS = '(?:通过|推进|加强|完善|开展|建立|实现|提升|围绕|坚持|积极|不断|进一步|要求|指出|表示|认为)';
/** Words of running text: a piece holding one is prose, not a name. */
const PROSE = new RegExp(`[。！？：:“”"《》\\s被]|${PROSE_WORDS}`, 'u');

/** A county's name by its form: one to four characters and 县 or 旗 ("滦县", "邢台县"), not "全县", "该县", "本旗". */
const COUNTY_FORM = /^(?![全该本各我每其此两])[\u4e00-\u9fa5]{1,4}[县旗]$/u;

/**
 * The divisions a name opens with, run together and written whole ("盐湖区", "运城市盐湖区"), or "" when it
 * opens with none ("东城街道…" opens with a street that shares a district's short name).
 */
function placeHead(piece: string): string {
  // ("新绛县龙湖社区": 龙湖 is a district's short name too, and no part of the place.)
  let end = 0;
  let whole = 0;
  for (const m of findMentions(piece.slice(0, 16))) {
    if (m.start !== end) break;
    end = m.end;
    if (/[省市州盟区县旗]$/u.test(m.text)) whole = end;
  }
  return piece.slice(0, whole);
}

/**
 * The names of a run, each with what the run wrote once before it, or null when a piece is not a
 * name (the run is prose). `label` is a place written for the whole run ("清河区" in "清河区:…").
 */
export function nameRun(pieces: string[], label: string | null = null): RunName[] | null {
  if (!pieces.length) return null;
  let county = label ?? '';
  let street = '';
  const out: RunName[] = [];
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece.length < 2 || piece.length > 30 || PROSE.test(piece) || /[0-9０-９]\s*[个家名所座]/u.test(piece)) return null;
    const head = placeHead(piece);
    if (head) {
      // A name with its own place: it says where it and the names after it are.
      const rest = piece.slice(head.length);
      if (rest && !PLACE_END.test(piece) && !isOrgName(piece)) return null;
      county = head;
      street = STREET.exec(rest)?.[0] ?? '';
      out.push({ title: piece, written: piece });
      continue;
    }
    const own = STREET.exec(piece)?.[0];
    if (own) {
      if (!PLACE_END.test(piece) && !isOrgName(piece)) return null;
      street = own;
      out.push({ title: `${county}${piece}`, written: piece });
      continue;
    }
    if (COMMUNITY.test(piece)) {
      out.push({ title: `${county}${street}${piece}`, written: piece });
      continue;
    }
    if (isOrgName(piece)) {
      out.push({ title: piece, written: piece });
      continue;
    }
    // A county written whole by its form, where the division list no longer has it (滦县, now 滦州市;
    // 邢台县, split in 2020): older lists name counties since renamed or merged.
    if (COUNTY_FORM.test(piece)) {
      county = piece;
      street = '';
      out.push({ title: piece, written: piece });
      continue;
    }
    return null;
  }
  return out;
}

/** A person's name as list entries print them: two to four characters, the last maybe followed by 等. */
const PERSON_NAME = /^[\u4e00-\u9fa5·]{2,4}等?$/u;

/**
 * A line of people's names set apart by spaces ("蒋丽英 黄禹洲 周作昂", "张晓玲 柯弼川 范炳涛 张洋等"): the
 * authors or members under an entry's title, no item and no unit. Two names at least, none a place or
 * a body.
 */
export function peopleLine(text: string): boolean {
  const names = text.trim().split(/[\s\u3000]+/u);
  if (names.length < 2 || names.length > 12) return false;
  return names.every((n) => PERSON_NAME.test(n) && !isOrgName(n) && !PLACE_END.test(n) && placeHead(n) === '');
}

/**
 * A line of bodies set apart by spaces, maybe closed by 等 ("四川省民政厅 四川省统计学会", "四川省民政厅等"): the
 * units under an entry's title, as written.
 */
export function unitsLine(text: string): boolean {
  const t = text.trim();
  if (t.length < 4 || t.length > 80 || /[，,。；;：:“”"《》]/u.test(t)) return false;
  return t.split(/[\s\u3000]+/u).every((u) => isOrgName(u.replace(/等$/u, '')));
}

/** What an honour opens with: its quotes, its year, its round, its scope, a place, a grade. */
const HONOUR_START =
  /^(?:[“"]|[0-9０-９]{4}\s*(?:[—-][0-9０-９]{4}\s*)?年|第[一二三四五六七八九十百0-9]+[届批次]|(?:全国|全省|全市|全区|全县|全州|国家级?|省级|市级|县级|中国|中华)|[1-5１-５]\s*[AＡ]\s*级|[一二三四五]星级|[特一二三四]等奖|优秀|先进|十佳|十大|示范)/u;
/** Function words between a name and what it did that are no verb: a count's group, adverbs. */
const BEFORE_VERB = /^(?:等\s*[0-9０-９一二三四五六七八九十百]+\s*[个家所项座名位]?[\u4e00-\u9fa5（）()]{0,8}?(?=均|都|分别|成功|光荣|先后|同时|被|[\u4e00-\u9fa5]{1,4}(?:[“"]|[0-9０-９]|全|国|省|市|第))|等(?=[\u4e00-\u9fa5]))?\s*(?:均|都|分别|成功|光荣|先后|同时|也|还)?/u;
/** What closes an honour's name in a sentence: its title word, its list, the ranks it joins. */
const HONOUR_CLOSE = /\s*(?:荣誉称号|称号|殊荣|荣誉|行列|之列|名单|榜单|光荣榜)$/u;

/** What an unquoted honour's name ends in: the body, place or work it is given to, a prize, a pilot. */
const HONOUR_END = /(?:单位|集体|组织|机构|社区|村|街道|镇|乡|县|区|市|城市|城区|中心|站|点|基地|项目|案例|品牌|成果|奖|家庭|试点|实验区|试验区|示范区|模范|标兵|典型)$/u;
/** What no honour's name holds: a count, a total, the passive of a sentence going on. */
const NOT_HONOUR = /[被共]|一起|[0-9０-９]+\s*[个家名位项篇]/u;
/** The verbs of the organ that runs a selection: it publishes, issues, announces, holds, organises — it receives nothing. */
const PUBLISHING = /(?:公布|发布|印发|公示|揭晓|通报|下发|出台|评选|评出|选出|开展|组织|举办|召开|启动|命名|表彰|授予|确定|认定)/u;
/** A verb that only links (是, 为, 有): what follows must name an honour by its words, not merely end as one. */
const COPULA = /^(?:为|是|有|成为)$/u;

/**
 * The honour a clause gives after the names it names, by the honour's shape rather than by its verb:
 * "…获评5A级社会组织", "…跻身“全国示范性老年友好型社区”行列", "…被评定为全国先进社会组织": whatever one to
 * five characters stand between the names and an honour's opening (its quotes, year, round, scope or
 * grade) are the verb. Null when no honour opens there or what follows is no honour's name.
 */
export function honourTail(rest: string, isHonour: (text: string) => boolean, strong: (text: string) => boolean = isHonour): { honour: string; verb: string } | null {
  const t = rest.replace(BEFORE_VERB, '').trim();
  for (let k = 1; k <= 5 && k < t.length; k++) {
    if (/[\s，,。；;:：、“”"0-9０-９]/u.test(t[k - 1]!)) return null;
    const verb = t.slice(0, k);
    // An organ that publishes, names or holds the selection is not who receives it ("省农业农村厅公布了…示范村名单");
    // the passive receives ("被认定为", "受表彰").
    if (PUBLISHING.test(verb) && !/[被受]/u.test(verb)) return null;
    const object = t.slice(k).replace(HONOUR_CLOSE, '');
    if (!HONOUR_START.test(object) || object.length < 3 || object.length > 44 || NOT_HONOUR.test(object)) continue;
    // Quoted: the honour's own words, maybe with the kind it is given to ("“十百千”示范社会组织"), nothing more.
    const quoted = /^([^“”"]{0,12})[“"]([^“”"]{2,40})[”"]([\u4e00-\u9fa5]{0,8})$/u.exec(object);
    if (quoted) {
      if (!quoted[1] && !quoted[3]) return { honour: quoted[2]!, verb };
      if (!quoted[3] || HONOUR_END.test(quoted[3])) return { honour: object, verb };
      continue;
    }
    if (/[“”"]/u.test(object) || !HONOUR_END.test(object)) continue;
    if (COPULA.test(verb) ? strong(object) : isHonour(object)) return { honour: object, verb };
  }
  return null;
}

/**
 * Conferring verbs by their make rather than one by one: 获 with what intensifies it (荣获, 喜获, 斩获, 摘获),
 * 获 with what it gets (获评, 获得, 获授), 得 after taking (摘得, 夺得, 捧得), 膺, the passive of naming (被评为,
 * 被评定为, 被命名为), joining (入选, 跻身, 当选); CONFER_VERB adds 获 alone.
 */
export const CONFER_VERB_WORD = '(?:[荣喜斩摘夺捧]获|获[评得授]|[摘夺捧取斩]得|荣膺|被?评(?:定|选)?为|被授予|被?(?:命名|确定|确认|认定|列)为|入选|跻身|当选)';
/** The same with 获 alone, where what follows is an honour's name. */
export const CONFER_VERB = `(?:${CONFER_VERB_WORD}|获)`;
