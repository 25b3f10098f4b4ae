/**
 * A document's own division ("home"): where the page or paper it was copied from sits, which is
 * what its level words mean ("区民政局", "我市", "州救助管理站"). Read from every piece of evidence
 * the copy keeps, each placed in the GB/T 2260 hierarchy and kept only where it lies inside what
 * the more authoritative pieces say:
 *  1. the site's 公网安备 number, whose first six digits are the division code of the police office
 *     that filed it (the portal's own county or city);
 *  2. local outlets named after their place ("湘西团结报", "拉萨晚报", "金华日报");
 *  3. what the whole text says (contextRegion: the province and city it names most);
 *  4. the counties it names: one county named in full is the home county; short names of two or
 *     more counties that all lie in one city say the city ("义乌", "婺城", "浦江" → 金华市).
 */
import type { Region } from '../model/types.js';
import { findMentions, isStrong, notOfTheText, regionByCode, resolveRegion, SITE_PATH, withRecurringCounties, type Mention, type Place } from './index.js';
import { townsCounty } from './streets.js';
import { NATIONAL_ORGAN } from './national.js';

const POLICE_FILING = /公[网網]安[备備]\s*([0-9]{6})/u;
/** What an outlet is; its name is its place, right before, with at most two words between ("湘西团结报"). */
const OUTLET = /(?:团结报|日报|晚报|时报|报社|政务网|新闻网|融媒体中心|广播电视台|电视台)/gu;

function policeRegion(text: string): Region | null {
  const code = POLICE_FILING.exec(text)?.[1];
  if (!code) return null;
  return regionByCode(code) ?? regionByCode(`${code.slice(0, 4)}00`) ?? regionByCode(`${code.slice(0, 2)}0000`);
}

function outletRegion(text: string, hint: Partial<Region>): Region | null {
  const found: Region[] = [];
  for (const m of text.matchAll(OUTLET)) {
    // The place must end at most two characters before the outlet's word ("据湖南日报" is 湖南's paper;
    // "中国社会报", "人民日报" name none).
    const before = text.slice(Math.max(0, m.index! - 10), m.index!);
    const place = findMentions(before).filter((p) => p.end >= before.length - 2).pop();
    if (!place || /[\s，,。：:]/u.test(before.slice(place.end))) continue;
    const r = resolveRegion(place.text, hint);
    if (r) found.push(r);
  }
  return deepestConsistent(found);
}

/** The deepest of regions that all lie on one branch; null when two disagree. */
function deepestConsistent(regions: Region[]): Region | null {
  let best: Region | null = null;
  for (const r of regions) {
    if (!best) best = r;
    else if (inside(r, best)) best = r;
    else if (!inside(best, r)) return null;
  }
  return best;
}

/** `inner` lies within (or is) `outer`. */
export function inside(inner: Region, outer: Region): boolean {
  if (inner.province !== outer.province) return false;
  if (outer.city && inner.city !== outer.city) return false;
  if (outer.county && inner.county !== outer.county) return false;
  return true;
}

function countyEvidence(mentions: Mention[], province: string | undefined): { city: Place | null; county: Place | null } {
  const strong = new Map<string, Place>();
  const weakCities = new Map<string, Place>();
  const weakCounties = new Set<string>();
  for (const m of mentions) {
    const counties = m.places.filter((p) => p.level === 'county' && p.code[4] !== '7' && (!province || p.province?.name === province));
    // A name that is also a city or province ("吉林") is read as the higher level.
    if (counties.length !== 1 || counties.length !== m.places.filter((p) => !province || (p.province ?? p).name === province).length) continue;
    const c = counties[0]!;
    if (isStrong(m)) strong.set(c.code, c);
    else {
      weakCounties.add(c.code);
      if (c.city) weakCities.set(c.city.code, c.city);
    }
  }
  const strongCities = new Set([...strong.values()].map((c) => c.city?.code));
  const county = strong.size === 1 ? [...strong.values()][0]! : null;
  if (county) return { city: county.city, county };
  if (strong.size > 1 && strongCities.size === 1) return { city: [...strong.values()][0]!.city, county: null };
  if (strong.size === 0 && weakCounties.size >= 2 && weakCities.size === 1) return { city: [...weakCities.values()][0]!, county: null };
  return { city: null, county: null };
}

/** The document's own division as deep as its evidence agrees, or null. */
export function homeRegion(text: string, all: Mention[] = findMentions(text), context: Partial<Region> = {}): Region | null {
  const mentions = notOfTheText(text, withRecurringCounties(text, all));
  const pieces: Region[] = [];
  let police = policeRegion(text);
  // A site hosted by another city's office (a provincial outlet filed in its capital) is no evidence
  // below its province when the text names a city elsewhere ("天门市" on a page filed in 武昌区).
  const named = context.city ? resolveRegion(`${context.province ?? ''}${context.city}`) : null;
  const ownCounty = countyEvidence(mentions, police?.province ?? context.province ?? undefined);
  const textPlace = named ?? (ownCounty.county ? resolveRegion(`${ownCounty.county.province!.name}${ownCounty.county.city?.name ?? ''}${ownCounty.county.name}`) : null);
  if (police && textPlace && !inside(textPlace, police) && !inside(police, textPlace)) police = police.province ? resolveRegion(police.province) : null;
  if (police) pieces.push(police);
  const outlet = outletRegion(text, context);
  // A paper the text cites from elsewhere ("据浙江日报报道" in a Jiangsu page) is not its own.
  const cited = outlet && !police && context.province && outlet.province !== context.province;
  if (outlet && !cited && (!police || inside(outlet, police) || inside(police, outlet))) pieces.push(outlet);
  let home = deepestConsistent(pieces);
  const province = home?.province ?? context.province ?? undefined;
  if (!home && context.province) {
    home = resolveRegion(`${context.province}${context.city ?? ''}`);
  }
  const { city, county } = countyEvidence(mentions, province);
  const countyRegion = county ? resolveRegion(`${county.province!.name}${county.city?.name ?? ''}${county.name}`) : null;
  const cityRegion = city ? resolveRegion(`${city.province!.name}${city.name}`) : null;
  for (const r of [countyRegion, cityRegion]) {
    if (!r) continue;
    if (!home || inside(r, home)) {
      home = r;
      break;
    }
  }
  // A city's page that names its city once, by its short name, and no other division ("市民政局…护航本溪全面振兴…全市"):
  // the city whose organs (市民政局, 市委) and scope (全市, 我市) the text speaks of.
  if (!home) home = namedCity(mentions, text);
  // A page that names no division at all, only its townships or streets ("拟将尼勒克镇第六社区拆分",
  // "东林街道…万东镇…"): the county they all lie in. (Read last: the street list is large.)
  if (!home) {
    const town = townsCounty(text);
    if (town) {
      const [p, c, k] = town.split('|');
      home = resolveRegion(`${p}${c === '市辖区' || c === '县' ? '' : c}${k}`);
    }
  }
  return home;
}

const CITY_VOICE = /市(?:民政局|委|政府|人民政府)|全市|我市|本市/u;

const rank = (p: Place): number => (p.level === 'province' ? 0 : p.level === 'city' ? 1 : 2);

function namedCity(mentions: Mention[], text: string): Region | null {
  let city: Place | null = null;
  for (const m of mentions) {
    // The same spelling at several levels (本溪 the city and 本溪县) means the higher, as everywhere.
    const top = Math.min(...m.places.map(rank));
    // Short county names hide in words: they neither name the city nor another place.
    if (top === 2 && !isStrong(m)) continue;
    const places = m.places.filter((p) => rank(p) === top);
    if (top !== 1 || places.length !== 1 || (city && city !== places[0])) return null;
    city = places[0]!;
  }
  return city && CITY_VOICE.test(text) ? resolveRegion(`${city.province!.name}${city.name}`) : null;
}

/**
 * How a text speaks of its own division: 全省/我省/本省, 我市/全市/本市 (全州, 全盟), or 我县/全县/我区/全区 …; null when
 * it mixes levels or says none. 全区 is a district's word, except in an autonomous region (广西, 西藏 …),
 * where it is the region's own: given the text's `province`, it counts there as the province's.
 */
export function ownLevelWord(text: string, province?: string | null): '省' | '市' | '县' | null {
  const region = Boolean(province && /自治区$/u.test(province));
  const seen = new Set<string>();
  // A prefecture's 全州/我州 and a league's 全盟 are a city's words (not 全州县, 广西's county).
  for (const m of text.matchAll(/(?:我|全|本)([省市县区旗州盟])(?!县)/gu)) seen.add(m[1] === '区' ? (region ? '省' : '县') : m[1] === '旗' ? '县' : m[1] === '州' || m[1] === '盟' ? '市' : m[1]!);
  return seen.size === 1 ? ([...seen][0] as '省' | '市' | '县') : null;
}

/**
 * The province a text speaks as (我省, 全省, 省民政厅) when it names that province once and no other place
 * ("我省启动…推荐评选工作" over "…在陕西民生保障…"): 我省 is the one province it names, however briefly it names it
 * (a short name once is too little to vote in contextRegion, and enough for a text that says 我省).
 */
export function spokenProvince(text: string, mentions: Mention[] = findMentions(text)): Region | null {
  if (ownLevelWord(text) !== '省') return null;
  const provinces = new Set<string>();
  for (const m of notOfTheText(text, mentions)) {
    const of = new Set(m.places.map((p) => (p.level === 'province' ? p.name : p.province?.name ?? '')));
    if (of.size !== 1) return null;
    provinces.add([...of][0]!);
  }
  return provinces.size === 1 ? resolveRegion([...provinces][0]!) : null;
}

/**
 * A document's title naming a wider division than its text speaks as: a rules text posted under its
 * province's law ("云南省殡葬管理条例" over a county's 实施细则 that says 本县, 我县) or a city's notice a
 * county forwards. The home division at the level the text speaks (全县/我县 a county, 全市/我市 a city), when
 * it lies inside what the title names; the title's place otherwise.
 */
export function spokenRegion(named: Region | null, home: Region | null, text: string): Region | null {
  if (!named || !home || !inside(home, named)) return named;
  const level = ownLevelWord(text, named.province);
  if (level === '县' && home.county && !named.county) return home;
  if (level === '市' && !named.city && home.city && home.city !== home.province) return home.county ? resolveRegion(`${home.province}${home.city}`) : home;
  return named;
}

/**
 * Where the page a case was read from puts it, when the page's source (an organ) is all that names
 * the case's body: the place its text names inside the source's division is finer ("来源: 自治区民政厅"
 * over "锡林郭勒盟统筹…") unless the text speaks as the source's own level (a provincial department's
 * "全省" news naming cities as examples), and a district's page about "我市"/"全市" work is its city's
 * (the district reposting the city's news; a county-level city, …市, speaks of itself as 市).
 */
export function pageRegion(source: Region | null, named: Region | null, text: string): Region | null {
  const level = ownLevelWord(text, source?.province ?? named?.province);
  const sourceLevel = !source ? null : source.county ? '县' : source.city && source.city !== source.province ? '市' : '省';
  // A source organ of another province than the one the text names (a province's portal reposting another's news,
  // a national site's copy of a county's case) is where the copy was found, not where the case is.
  const elsewhere = Boolean(source && named?.province && named.province !== source.province);
  let r = (source && named && inside(named, source) && level !== sourceLevel) || elsewhere ? named : source ?? named;
  // A county's page speaks of its city where the text says 我市 or names the city; a county bureau's
  // own draft that says 全市 loosely stays the county's.
  if (r?.county && r.city && r.city !== r.province && !r.county.endsWith('市') && level === '市' && (text.includes('我市') || text.includes(r.city.replace(/(市|地区|盟|自治州)$/u, '')))) {
    r = resolveRegion(`${r.province}${r.city}`) ?? r;
  }
  return r;
}

/**
 * The lines a document's place is read from: its text, and of the lines the cleaner dropped as the
 * page's furniture only those that speak of the page's own site — its path (首页 > …), its source or
 * byline (来源:, 记者, 供稿), its sponsor, copyright or filing (主办:, 版权所有:, 公网安备), or its banner
 * (an organ's or outlet's name alone: "某县人民政府", "某某日报"). The rest of the furniture — lists of
 * related headlines (相关新闻, 推荐阅读), other sites' links, a web company's copyright — names other
 * places and says nothing of this one.
 *
 * A site line is the page's evidence, but a page may be another site's copy of the text: with `againstText`,
 * where the text names places of its own, a site line naming only other provinces than the text does is
 * that other site's and says nothing of the text's place either.
 */
export function placeEvidence(lines: string[], dropped: readonly string[], againstText = false): string {
  const furniture = new Set(dropped.map((d) => d.trim()));
  let own: Set<string> | null = null;
  const foreign = (l: string): boolean => {
    if (!againstText) return false;
    const named = provincesNamed(findMentions(l));
    if (named.size === 0) return false;
    own ??= ownProvinces(lines, dropped);
    return own.size > 0 && ![...named].some((p) => own!.has(p));
  };
  return lines.filter((l) => (!furniture.has(l.trim()) || (isSiteLine(l.trim()) && !foreign(l))) && !isPlaceMenu(l)).join('\n');
}

/**
 * The provinces the text itself names, the page's furniture (`dropped`) aside: those of the places it
 * names unambiguously, or when each name it uses is several places' (朝阳区), every province they may be in.
 */
function ownProvinces(lines: string[], dropped: readonly string[]): Set<string> {
  const furniture = new Set(dropped.map((d) => d.trim()));
  // (A county's short name of two characters is too often an ordinary word, 互助 or 东方, to say where the text is.)
  const text = lines.filter((t) => !furniture.has(t.trim())).join('\n');
  const mentions = withRecurringCounties(text, findMentions(text)).filter((m) => isStrong(m) || m.text.length >= 3 || m.places.some((p) => p.level !== 'county'));
  const sure = mentions.filter((m) => m.places.length === 1);
  return provincesNamed(sure.length ? sure : mentions);
}

/**
 * Whether `name` (the page's source, a site's banner) names places only in provinces the text (`lines`
 * but the furniture `dropped`) does not name, in a text that names some: another province's site or paper.
 */
export function namesOtherProvinces(name: string, lines: string[], dropped: readonly string[]): boolean {
  const named = provincesNamed(findMentions(name));
  if (named.size === 0) return false;
  const own = ownProvinces(lines, dropped);
  return own.size > 0 && ![...named].some((p) => own.has(p));
}

/** The provinces a set of mentions may be in (each mention counts every division its name may be). */
function provincesNamed(mentions: Mention[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) for (const p of m.places) out.add(p.level === 'province' ? p.code : (p.province?.code ?? p.code));
  return out;
}

/**
 * A menu of places ("各地动态 南京 无锡 徐州 常州 苏州", "市州频道 | 长沙 | 株洲 | 湘潭"): three or more
 * words that are each a place's name alone, set apart by spaces or bars, with at most one other word
 * (the menu's label). Each place is one among others, so none is the page's own; the same names in a
 * sentence (南京、无锡等地) or a place's chain ("济宁 任城区") are no menu.
 */
export function isPlaceMenu(line: string): boolean {
  const words = line.trim().split(/[\s\u3000|｜]+/u).filter(Boolean);
  if (words.length < 3) return false;
  const places: Place[] = [];
  let other = 0;
  for (const w of words) {
    const m = findMentions(w);
    if (m.length === 1 && m[0]!.start === 0 && m[0]!.end === w.length) places.push(m[0]!.places[0]!);
    else if (++other > 1) return false;
  }
  // Places of one level, none inside another: siblings in a menu, not a chain.
  return places.length >= 3 && places.every((p) => !places.some((q) => q !== p && (p.city === q || p.province === q)));
}

const SITE_LABEL = /(?:来\s*源|稿源|出处|发布机构|发布单位|信息来源|供稿|作者|记者|通讯员|主办|承办|主管|版权所有|公[网網]安[备備]|网站标识码|索引号|发布者)/u;
const OUTLET_NAME = new RegExp(OUTLET.source, 'u');
/** A web company's name: it builds or hosts sites anywhere. */
const COMPANY = /(?:有限公司|有限责任公司|股份公司|科技|网络公司|信息技术|传媒公司)/u;
/** An organ's or outlet's name alone, as a site banner is. */
const BANNER = /^[\u4e00-\u9fa5·]{2,24}(?:人民政府|民政局|民政厅|政府网?|门户网站?|政务网|日报|晚报|报社|新闻网|融媒体中心|电视台|民政|局|厅|委员会)$/u;

function isSiteLine(line: string): boolean {
  if (SITE_PATH.test(line)) return true;
  if (COMPANY.test(line)) return false;
  // An outlet's name anywhere on the line (a paper's masthead, "湘西团结报社出版"): the page's publisher, as outletRegion reads it.
  return SITE_LABEL.test(line) || OUTLET_NAME.test(line) || BANNER.test(line.replace(/\s+/gu, ''));
}

/** A national organ's name (民政部, 国务院办公厅, 国家民委, 全国老龄办, 中国社会福利基金会): a body of no division. */
const NATIONAL = new RegExp(String.raw`^(?:中华人民共和国|中共中央|国务院|国家|全国|中国|中央|${NATIONAL_ORGAN})`, 'u');

/**
 * The division of a notice whose signature and organ name no place ("破凉镇新镇名征集工作领导小组" of a
 * town since renamed, "领导小组办公室"): the document's own home, unless the signer is a national organ,
 * which has no division whatever the site it is copied from.
 */
export function signerHome(signers: Array<string | null | undefined>, home: Region | null): Region | null {
  const named = signers.filter((s): s is string => Boolean(s));
  if (!home || named.some((s) => NATIONAL.test(s.trim()) || findMentions(s).length > 0)) return null;
  return home;
}
