/**
 * Organisation names by their grammar: [place] [body words] [kind]. The place is a division of
 * GB/T 2260 in its full or short form ("湘西州", "海曙区", "江苏"), a town or street ("某镇",
 * "某街道"), or a level word alone ("区民政局", "州救助管理站", "市外经贸行业协会"), which means the
 * document's own division at that level; the kind is what the body is (a bureau, a station, a
 * centre, an association, a foundation, a residents' committee, a school …). Units, award lists
 * and regions read names through this one grammar.
 */
import type { Region } from '../../model/types.js';
import { findMentions, regionByCode, resolveRegion } from '../../regions/index.js';

/**
 * The kinds of organisation by what the body is. This is the one vocabulary of kinds: units,
 * lists, notices and headlines select from it (the exports below) instead of keeping their own.
 */
export const KINDS = {
  /**
   * Government organs and their offices; and the Party committees' social-work departments ("某区委社会工作部",
   * 2023 on), which took community governance and volunteering over from civil affairs at every level.
   */
  government: ['民政局', '民政厅', '民政部', '退役军人事务局', '退役军人事务厅', '社会保障局', '社会工作部', '人民政府', '街道办事处', '办事处', '政府', '委员会', '办公厅', '办公室', '局', '厅', '委', '办'],
  /**
   * Civil-affairs service bodies, which do the work themselves: stations, homes, centres, registries,
   * a township's civil-affairs office ("肥东县救助管理站", "下管镇未成年人保护工作站", "某镇民政办").
   */
  civil: [
    '救助管理站', '救助站', '未成年人保护工作站', '未成年人救助保护中心', '未成年人保护中心', '儿童福利院', '社会福利院', '福利院', '敬老院',
    '养老院', '光荣院', '养老服务中心', '社会工作服务站', '社会工作服务中心', '社工站', '婚姻登记处', '婚姻登记中心', '殡仪馆', '殡葬服务中心',
    '退役军人服务站', '退役军人服务中心', '军休所', '民政所', '民政办',
  ],
  /** Service bodies of any field, by the generic word their names end in. */
  service: ['服务中心', '服务站', '工作站', '中心', '站', '所', '院', '馆'],
  /** Social organisations. */
  social: ['慈善总会', '基金会', '协会', '商会', '学会', '研究会', '促进会', '联合会', '总会', '服务社', '事务所', '研究院'],
  /** Grass-roots bodies. */
  grassroots: ['社区居民委员会', '居民委员会', '村民委员会', '居委会', '村委会', '社区'],
  /** Institutions and firms. */
  institution: ['学校', '中学', '小学', '大学', '学院', '幼儿园', '医院', '陵园', '纪念馆', '公寓', '公司', '集团'],
} as const satisfies Record<string, readonly string[]>;

export type OrgClass = keyof typeof KINDS;

/** Every kind of organisation the grammar reads a name's end as. */
export const ORG_KINDS: readonly string[] = Object.values(KINDS).flat();
const ORG_KIND_SET: ReadonlySet<string> = new Set(ORG_KINDS);

/**
 * Whether a name is kind words only ("社区居委会", "该社区"): a text's way of pointing back at its own subject,
 * which it named in full before, not a body's own name.
 */
export function isBareKind(name: string): boolean {
  let rest = name.replace(/^(?:该|本|我)/u, '');
  for (let cut = true; rest && cut; ) {
    cut = false;
    for (let n = Math.min(rest.length, 12); n >= 1; n--) {
      if (ORG_KIND_SET.has(rest.slice(-n))) {
        rest = rest.slice(0, -n);
        cut = true;
        break;
      }
    }
  }
  return rest.length === 0;
}

/**
 * The kinds as a regular-expression alternation, the longest first (so "社会工作服务中心" is read
 * whole where a pattern captures its kind, not as "中心").
 */
export function kindAlternation(kinds: readonly string[]): string {
  return `(?:${[...new Set(kinds)].sort((a, b) => b.length - a.length).join('|')})`;
}

/**
 * A name's shape without its grammar: `min`..`max` characters of `chars` (Han and brackets unless
 * told), then one of `kinds` ending the text. For checks that a short line is a name at all.
 */
export function nameShape(kinds: readonly string[], min: number, max: number, chars = '\\u4e00-\\u9fa5（）()·'): RegExp {
  return new RegExp(`^[${chars}]{${min},${max}}${kindAlternation(kinds)}$`, 'u');
}

/** The kinds a case's innovating unit is named by: organs, service bodies, associations, streets, communities. */
export const UNIT_KINDS: readonly string[] = [...KINDS.government, ...KINDS.civil, ...KINDS.service, '协会', '联合会', '街道', '社区'];
/** A unit's name in its shape: a place or body, then its kind ("某县民政局", "某街道", "某社区"). */
export const UNIT_NAME = nameShape(UNIT_KINDS, 2, 30);

/**
 * The last words that close the name of any body that signs or issues a document: the heads the
 * kinds above end in, and the Party's and the ad-hoc ones (党组, 领导小组, 某某团, 某某社).
 */
export const ISSUER_KINDS: readonly string[] = [
  '局', '厅', '部', '委', '办', '会', '室', '处', '科', '所', '站', '馆', '社', '团', '联', '协', '院', '中心', '政府', '党组', '领导小组',
  // (Whole, so a long name keeps all its characters before them within the shape's length.)
  '委员会', '办公室', '联合会', '街道办事处',
];
/** An issuing organ's name in its shape ("某县民政局", "某镇新镇名征集工作领导小组"): notice.ts's signatures and headers. */
export const ISSUER_NAME = nameShape(ISSUER_KINDS, 2, 24, '\\u4e00-\\u9fa5（）()');

/** What a short line names when it names a body or a place alone: a kicker or a site's name, not a headline. */
const ALONE_KINDS: readonly string[] = ['局', '厅', '委', '办', '站', '院', '中心', '政府', '协会', '学会', '商会', '基金会', '社区', '街道', '村委会', '居委会', '镇', '乡', '县', '区', '市', '州', '盟', '旗'];
const NAME_ALONE = nameShape(ALONE_KINDS, 1, 12, '\\u4e00-\\u9fa5');

/** An organ or place named alone ("州救助管理站", "某县民政局", "某某镇"): title.ts's test of a headline. */
export function isNameAlone(text: string): boolean {
  return NAME_ALONE.test(text.trim());
}

/**
 * Words that end in a kind's character without naming a body: a situation (新格局, 大局), a verb
 * (主办, 承办), a place of some kind (场所, 大厅, 庭院), a slogan's centre (以人民为中心). A line
 * ending in one is a phrase ("北京开创基层治理新格局"), not a name.
 */
const FALSE_HEAD = /(?:格局|布局|大局|全局|结局|开局|新局|当局|时局|僵局|骗局|残局|终局|主办|承办|举办|创办|督办|协办|合办|包办|场所|住所|处所|厕所|大厅|客厅|餐厅|展厅|庭院|为中心)$/u;

/**
 * Whether a name ends in the kind of a body: one of the kinds, after a name of its own (a kind
 * alone, "办公厅", says whose it is nowhere), and not the end of a word that names no body.
 */
export function endsInBody(name: string, kinds: readonly string[] = ORG_KINDS): boolean {
  return !FALSE_HEAD.test(name) && !ORG_KIND_SET.has(name) && kinds.some((k) => name.length > k.length && name.endsWith(k));
}

/** Names of media, which report a body's work and do none ("某某网", "融媒体中心"). */
const MEDIA = /网站$|网$|(?:融媒体|新闻|传媒|媒体|宣传)中心$|(?:报社|电视台|电台)$/u;

/** A website's or an outlet's name ("民政部网站", "某县融媒体中心", "某某报社"): it reports the work. */
export function isMediaName(text: string): boolean {
  return MEDIA.test(text);
}

const KIND = new RegExp(`${kindAlternation(ORG_KINDS)}$`, 'u');
/** Kinds that name a body without a place before them ("东南大学教育基金会", "某某学会"). */
// (Not 总会 or 研究院, which say whose they are before them, nor a cemetery, a memorial or a flat.)
const SELF_NAMED_KIND = new RegExp(`${kindAlternation([...KINDS.social, ...KINDS.institution, '社会工作服务中心'].filter((k) => !/^(?:总会|研究院|陵园|纪念馆|公寓)$/u.test(k)))}$`, 'u');
/** A level word standing for the document's own division: "区民政局", "州救助管理站", "我市民政局". */
const RELATIVE = /^(?:我|本)?([省市州盟县区旗])(?![委辖])(?=[\u4e00-\u9fa5]{2,})/u;
const TOWN = /^[\u4e00-\u9fa5]{2,6}?(?:镇|乡|街道)(?=[\u4e00-\u9fa5]{2,})/u;
const NAME_CHARS = /^[\u4e00-\u9fa5（）()·]{2,40}$/u;

export interface OrgName {
  name: string;
  /** How the name is placed: a division of the list, a town or street, the document's own (a level word), or none. */
  placed: 'division' | 'town' | 'relative' | 'none';
  /** For a relative name, its level word ("区" in "区民政局"). */
  level?: string;
  /** The kind it ends in ("民政局", "救助管理站"). */
  kind: string;
}

/** The parts of an organisation name, or null when `text` is not one. */
export function parseOrgName(text: string | null | undefined): OrgName | null {
  const name = text?.trim() ?? '';
  if (!NAME_CHARS.test(name) || isMediaName(name) || FALSE_HEAD.test(name)) return null;
  const kind = KIND.exec(name)?.[0];
  if (!kind || kind.length === name.length) return null;
  const rel = RELATIVE.exec(name);
  if (rel && findMentions(name)[0]?.start !== 0) return { name, placed: 'relative', level: rel[1]!, kind };
  const first = findMentions(name)[0];
  if (first && first.start === 0) return { name, placed: 'division', kind };
  if (TOWN.test(name)) return { name, placed: 'town', kind };
  return SELF_NAMED_KIND.test(name) && name.length >= 4 ? { name, placed: 'none', kind } : null;
}

export function isOrgName(text: string | null | undefined): boolean {
  return parseOrgName(text) !== null;
}

/** The level a relative name's word stands for: 市 and 州 and 盟 a city-level division, 县 区 旗 a county. */
function levelOf(word: string): 'province' | 'city' | 'county' {
  return word === '省' ? 'province' : /[市州盟]/u.test(word) ? 'city' : 'county';
}

/**
 * A relative name written out with the document's own division ("区民政局" in 海曙区's portal →
 * "海曙区民政局", "州救助管理站" in 湘西's paper → "湘西州救助管理站"): the division at the name's
 * level, in the short form people use for it (a prefecture's 州, a league's 盟). Null when the
 * document's place is not known to that level.
 */
export function withOwnPlace(name: string, own: Region | null | undefined): string | null {
  const parsed = parseOrgName(name);
  if (!parsed || parsed.placed !== 'relative' || !own) return null;
  // A county-level city's own pages call it 市 ("市民政局" on 义乌's portal is 义乌市民政局).
  const level = parsed.level === '市' && own.county?.endsWith('市') ? 'county' : levelOf(parsed.level!);
  const place = level === 'province' ? own.province : level === 'city' ? own.city : own.county;
  if (!place) return null;
  // A municipality has no city of its own: "市民政局" of 北京 is 北京市民政局 (its province).
  const rest = name.slice(RELATIVE.exec(name)![0].length);
  if (level === 'city' && /自治州$/u.test(place)) return `${shortPrefecture(place)}州${rest}`;
  if (level === 'city' && /盟$/u.test(place)) return `${place}${rest}`;
  if (!place.endsWith(parsed.level!)) return null;
  return `${place}${rest}`;
}

/** "湘西土家族苗族自治州" → "湘西": the prefecture's name without its peoples and 自治州. */
function shortPrefecture(name: string): string {
  const mention = findMentions(name)[0];
  const short = mention?.places.find((p) => p.name === name)?.shortNames.find((s) => !s.endsWith('州'));
  return short ?? name.replace(/自治州$/u, '');
}

/**
 * The division a relative name stands for ("区民政局 区财政局" signing a district's notice): the
 * home division at the name's level, or null when the name is not relative or the home is not
 * known that deep.
 */
export function ownRegion(name: string | null | undefined, own: Region | null | undefined): Region | null {
  const first = name?.trim().split(/[\s\u3000、，,]+/u)[0];
  const parsed = parseOrgName(first);
  if (!parsed || parsed.placed !== 'relative' || !own) return null;
  const level = parsed.level === '市' && own.county?.endsWith('市') ? 'county' : levelOf(parsed.level!);
  if (level === 'county') return own.county && own.county.endsWith(parsed.level!) ? own : null;
  if (level === 'province') return own.province ? resolveRegion(own.province) : null;
  if (!own.city) return null;
  if (!own.county) return own;
  // A municipality's district: its city is the municipality, the province itself.
  return (own.code ? regionByCode(`${own.code.slice(0, 4)}00`) : null) ?? resolveRegion(own.city === own.province ? own.province ?? '' : `${own.province}${own.city}`);
}
