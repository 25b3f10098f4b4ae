/**
 * Place names in drafts resolved against GB/T 2260. Short names ("济宁", "泗水") are common in
 * titles, and many county names exist in several provinces, so a name is never taken by first
 * match: every reading is scored by what else the text (and the caller's hint, e.g. the
 * province of the whole draft) says, and a tie stays unresolved.
 */
import type { Region } from '../model/types.js';
import type { RegionOption } from '../api/schema.js';
import { pairKey, regionIndex, type Place } from './data.js';
import { streetIndex } from './streets.js';

export type { Place } from './data.js';

export interface Mention {
  start: number;
  end: number;
  text: string;
  places: Place[];
  /**
   * Written as the full official name ("济宁市"), or as an autonomous division without its peoples
   * ("西盟县" for 西盟佤族自治县, "凉山州"): a form with its level word, which no ordinary word is.
   */
  full: boolean;
  /** A two-character full county name (澧县, 莒县) the text repeats and opens a clause with: as strong as a longer full name. */
  recurring?: boolean;
  /** A county's short name right before its organ's word ("渭滨民政局", "宜秀民政"): an organ is named after its division. */
  organ?: boolean;
}

/** A full name with its level word that is no ordinary word (three characters or more, or a recurring two-character county), or a county's short name naming its organ. */
export function isStrong(m: Mention): boolean {
  return (m.full && (m.text.length >= 3 || m.recurring === true)) || m.organ === true;
}

const CLAUSE_BEFORE = /[\s\u3000，,。；;：:、！？“"《(（【】)）]/u;

/**
 * Two-character county names with their level word (澧县, 莒县, 珙县, 黟县) hide in words ("县政府和县民政局",
 * "示范县"): one counts as strongly as a longer full name only where the text names it twice or more and
 * at least once at the head of a clause ("澧县是全国…", "、莒县、", ",黟县围绕…"), where no word runs into it.
 */
export function withRecurringCounties(text: string, mentions: Mention[]): Mention[] {
  const heads = new Map<string, { n: number; head: boolean }>();
  let organs = false;
  for (const m of mentions) {
    if (namesOrgan(text, m)) organs = true;
    if (!m.full || m.text.length !== 2 || !m.places.some((p) => p.level === 'county')) continue;
    const h = heads.get(m.text) ?? { n: 0, head: false };
    h.n++;
    if (m.start === 0 || CLAUSE_BEFORE.test(text[m.start - 1]!)) h.head = true;
    heads.set(m.text, h);
  }
  if (!organs && ![...heads.values()].some((h) => h.n >= 2 && h.head)) return mentions;
  return mentions.map((m) => {
    if (namesOrgan(text, m)) return { ...m, organ: true };
    const h = m.text.length === 2 ? heads.get(m.text) : undefined;
    return h && h.n >= 2 && h.head && !GENERIC_NAMES.has(m.text) ? { ...m, recurring: true } : m;
  });
}

/**
 * A county's organ written with the county's short name ("渭滨民政局", "秭归民政局", "关岭民政", "娄星民政"): the name of one
 * county (a short name several counties share says none) right before its organ's word.
 */
const ORGAN_AFTER = /民政局|人民政府|政府|民政/uy;

function namesOrgan(text: string, m: Mention): boolean {
  if (m.full || m.places.length !== 1 || m.places[0]!.level !== 'county') return false;
  ORGAN_AFTER.lastIndex = m.end;
  return ORGAN_AFTER.test(text);
}

/** What follows a place's name when it names a road: 路 (not 路径, 路线, 路子), 大街, 大道, 巷, 胡同, maybe after a direction. */
const ROAD_AFTER = /[东西南北中]?(?:路(?![径线子上])|大街|大道|胡同)/uy;

/** Place names in `text`, longest spelling first, not overlapping. */
export function findMentions(text: string): Mention[] {
  const { byFirst, byName, pairBits } = regionIndex();
  const out: Mention[] = [];
  let i = 0;
  const last = text.length - 1;
  while (i < last) {
    const first = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const key = pairKey(first, next);
    if ((pairBits[key >>> 5]! & (1 << (key & 31))) === 0) {
      i++;
      continue;
    }
    const names = byFirst[first]?.get(next);
    let hit: string | undefined;
    if (names) {
      for (const name of names) {
        if (text.startsWith(name, i)) {
          hit = name;
          break;
        }
      }
    }
    // A place's name that begins a road's ("皋兰路街道" in 兰州's 城关区, "北京东路", "中山大道") names the
    // road, which any city may have: no mention of the place.
    if (hit) {
      ROAD_AFTER.lastIndex = i + hit.length;
      if (ROAD_AFTER.test(text)) {
        i += hit.length;
        continue;
      }
    }
    if (hit) {
      const places = byName.get(hit)!;
      const full = places.some((p) => p.name === hit || p.customary?.includes(hit) || (hit.length >= 3 && /[县旗州]$/u.test(hit) && /自治[县旗州]$/u.test(p.name)));
      out.push({ start: i, end: i + hit.length, text: hit, places, full });
      i += hit.length;
    } else i++;
  }
  return out;
}

/**
 * County-level divisions renamed or merged since older drafts were written, whose old names
 * GB/T 2260 no longer lists (and "城区"/"矿区" are ordinary words alone): the old spelling, with
 * its city where the name alone is generic, and today's full name.
 */
const FORMER_NAMES: Array<[string, string]> = [
  ['长治市城区', '长治市潞州区'], ['长治市郊区', '长治市潞州区'], ['长治县', '长治市上党区'],
  ['大同市城区', '大同市平城区'], ['大同市南郊区', '大同市云冈区'], ['大同市矿区', '大同市云冈区'], ['大同县', '大同市云州区'],
  ['蓟县', '天津市蓟州区'], ['滦县', '唐山市滦州市'], ['襄樊市', '襄阳市'], ['淮安市楚州区', '淮安市淮安区'], ['楚州区', '淮安市淮安区'],
  ['沧浪区', '苏州市姑苏区'], ['平江区', '苏州市姑苏区'], ['金阊区', '苏州市姑苏区'], ['杭州市下城区', '杭州市拱墅区'],
  // 璧山县 became 璧山区 (2014); older lists often print it 壁山.
  ['璧山县', '重庆市璧山区'], ['壁山县', '重庆市璧山区'], ['壁山区', '重庆市璧山区'],
  // 横县 became the county-level city 横州市 (2021); its short name 横 is one character, too short to be read alone.
  ['横县', '南宁市横州市'],
];
const FORMER = new RegExp(FORMER_NAMES.map(([old]) => old).join('|'), 'gu');
const FORMER_TO = new Map(FORMER_NAMES);

function modernNames(text: string): string {
  // ("纵横县域…" is a word run on into 县域, not 横县.)
  return text.replace(FORMER, (old, at: number) => (old === '横县' && text[at - 1] === '纵' ? old : FORMER_TO.get(old)!));
}

/**
 * Places a text only mentions: where its people went to learn ("赴浙江考察学习", "前往成都观摩"),
 * whose experience it borrowed ("学习借鉴中卫市、石嘴山市等地经验", "对标深圳做法"), what it is
 * compared with ("与上海相比"). They say nothing of where the text is from.
 */
const MERE_MENTION = new RegExp(
  [
    String.raw`(?:远赴|赴|前往)[^，,。；;！？]{2,24}?(?:考察|学习|观摩|交流|取经|参观)`,
    String.raw`(?:学习借鉴|借鉴|对标|参照)[^，,。；;！？]{2,36}?(?:经验|做法|模式)`,
    String.raw`与[^，,。；;！？]{2,12}?相比`,
  ].join('|'),
  'gu',
);

/**
 * A street's or township's name that begins with a place's ("朝阳门街道" in 北京's 东城区, "朝阳镇",
 * "新华街道") names the street, not that place: in a short text it is written as its county's chain
 * ("北京市东城区·街道") when the division list has it in one county (in the hint's province, when there is
 * one), and masked otherwise. A name run on into a level word ("新乡市") is no street.
 */
function streetsAsCounties(text: string, hint: Partial<Region> | undefined): string {
  if (!/[\u4e00-\u9fa5](?:街道|镇|乡)/u.test(text)) return text;
  const index = streetIndex();
  return text.replace(/[\u4e00-\u9fa5]{2,8}?(?:街道|镇|乡)(?![市县区旗州盟])/gu, (run) => {
    for (let k = 0; k <= run.length - 3; k++) {
      const name = run.slice(k);
      const found = index.get(name);
      if (!found) continue;
      // Only a street whose name holds a place's name is rewritten; others read as they are.
      // A city without counties (嘉峪关, 东莞) lists its streets as its divisions: the name is itself a place.
      const inner = findMentions(name);
      if (inner.length === 0 || inner.some((m) => m.text === name)) return run;
      const here = hint?.province ? found.filter((p) => p.province === hint.province) : found;
      const counties = new Set(here.map((p) => `${p.province}|${p.city}|${p.county}`));
      const tail = name.endsWith('街道') ? '街道' : name.slice(-1);
      if (counties.size !== 1) return `${run.slice(0, k)}·${tail}`;
      const p = here[0]!;
      return `${run.slice(0, k)}${p.province}${p.city === '市辖区' || p.city === '县' ? '' : p.city}${p.county}·${tail}`;
    }
    return run;
  });
}

function withoutMereMentions(text: string): string {
  const out = text.replace(MERE_MENTION, '·').replace(ADDRESS, '·').replace(VISITORS, '·');
  return COMING_HERE.test(out) ? out.replace(VISITING_BODY, '·') : out;
}

/**
 * Words ending in 区/县 that name no place ("社区", "辖区"), areas that are no division whatever
 * precedes them (…小区, …园区, …景区; a state-level new area, 江北新区 or 天府新区, spans several
 * counties and is filed under its city like other functional zones) and counted ones ("十大幸福小区", "三个区").
 */
const GENERIC_AREA = /^(?:社|城|市|辖|特|园|景|小|片|山|地|郊|全|各|本|该|我|新|老|试点|示范|实验|服务|农村|城乡|乡村|居住|生活|养老|功能|核心|重点|贫困|经济|开发|保护|风景|经开|高新|保税|综保|工业)(?:区|县)$|民政|政府|社区|服务|工作|建设|养老|儿童|救助|(?:小|园|景|片|街|校|厂|库|辖|院|营|社|试验|实验|示范|新)区$|^[一二三四五六七八九十百千两几多数各]/u;
const UNLISTED_AFTER_CITY = /^[\s\u3000·]*([\u4e00-\u9fa5]{1,5}?(?:区|县|旗))/u;

function toRegion(place: Place, unlistedCounty?: string): Region {
  if (place.level === 'province') return { province: place.name, city: null, county: null, code: place.code };
  if (place.level === 'city') {
    return { province: place.province!.name, city: place.name, county: unlistedCounty ?? null, code: place.code };
  }
  // Functional zones (开发区, 高新区, 工业园区 …) carry statistical codes with 7 as their fifth digit
  // and are no GB/T 2260 county: what is in one is filed under its city.
  if (place.code[4] === '7') {
    return place.city ? { province: place.province!.name, city: place.city.name, county: null, code: place.city.code } : { province: place.province!.name, city: place.province!.name, county: null, code: place.province!.code };
  }
  return {
    province: place.province!.name,
    // A municipality's district: the municipality is also its city, which is how people file it.
    city: place.city ? place.city.name : place.province!.name,
    county: place.name,
    code: place.code,
  };
}

function ancestors(place: Place): Place[] {
  const out: Place[] = [];
  if (place.province) out.push(place.province);
  if (place.city) out.push(place.city);
  return out;
}

function sameName(a: string | null | undefined, place: Place | null): boolean {
  if (!a || !place) return false;
  return a === place.name || place.shortNames.includes(a);
}

function hintScore(place: Place, hint: Partial<Region> | undefined): number {
  if (!hint) return 0;
  let score = 0;
  const province = place.level === 'province' ? place : place.province;
  const city = place.level === 'city' ? place : place.city;
  // A contrary hint only ranks readings: a name that can mean one place still means it.
  if (hint.province) score += sameName(hint.province, province) ? 2 : -1;
  if (hint.city && city) score += sameName(hint.city, city) ? 2 : -1;
  if (hint.city && !city && place.level === 'county' && sameName(hint.city, province)) score += 2;
  if (hint.county && place.level === 'county' && sameName(hint.county, place)) score += 1;
  return score;
}

/** Full county names that are also ordinary words ("城区", "郊区"): evidence only beside their city. */
const GENERIC_NAMES = new Set(['城区', '郊区', '矿区', '市中区', '市辖区', '城关区', '城中区', '城东区', '城西区', '城南区', '城北区', '市南区', '市北区', '新城区', '老城区', '东区', '西区', '南区', '北区', '中区', '河东区', '河西区', '江北区', '江南区']);

interface Reading {
  place: Place;
  score: number;
  mention: Mention;
}

/**
 * The place a short text (a heading, a title, a unit, an issuer line) names, or null when it
 * names none or cannot be told apart. `hint` is what the rest of the draft says.
 */
export function resolveRegion(raw: string, hint?: Partial<Region>): Region | null {
  if (!raw) return null;
  const text = streetsAsCounties(modernNames(withoutMereMentions(raw)), hint);
  const mentions = findMentions(text);
  if (mentions.length === 0) return null;
  const readings: Reading[] = [];
  for (const mention of mentions) {
    // The same spelling at several levels ("吉林" province and city) means the higher level.
    const top = Math.min(...mention.places.map((p) => levelRank(p)));
    // Two-character full names ("和县", "成县") are as weak as short names: they hide in words.
    const strong = mention.full && mention.text.length >= 3;
    for (const place of mention.places) {
      if (levelRank(place) !== top) continue;
      let score = strong ? 3 : 2;
      let supported = false;
      for (const anc of ancestors(place)) {
        if (mentions.some((m) => m !== mention && m.places.includes(anc))) {
          score += 3;
          supported = true;
        }
      }
      if (GENERIC_NAMES.has(mention.text) && !supported) continue;
      const agreement = hintScore(place, hint);
      // A weak county name counts only with support: its city or province named too, the
      // draft's context agreeing, or the text opening with it ("嘉祥丧事…", "邹城“344工作法”").
      if (place.level === 'county' && !strong && !supported && agreement <= 0 && mention.start !== 0) continue;
      score += agreement;
      // A lone short county name that many provinces share is not evidence on its own.
      if (!strong && place.level === 'county' && mention.places.length > 1 && score <= 2) score -= 1;
      readings.push({ place, score, mention });
    }
  }
  if (readings.length === 0) return null;
  // Prefer the most specific place among the best-supported readings.
  readings.sort((a, b) => b.score - a.score || levelRank(b.place) - levelRank(a.place));
  const best = readings[0]!;
  if (best.score <= 0) return null;
  const rivals = readings.filter(
    (r) => r.score === best.score && r.place !== best.place && !ancestors(best.place).includes(r.place) && !ancestors(r.place).includes(best.place),
  );
  if (rivals.length > 0) {
    // Ambiguous: keep only what all equally good readings agree on.
    const shared = commonAncestor([best.place, ...rivals.map((r) => r.place)]);
    return shared ? toRegion(shared) : null;
  }
  if (best.place.level === 'city') {
    const unlisted = unlistedCountyAfter(text, best.mention, mentions);
    if (unlisted) return toRegion(best.place, unlisted);
  }
  return toRegion(best.place);
}

function levelRank(place: Place): number {
  return place.level === 'province' ? 0 : place.level === 'city' ? 1 : 2;
}

function commonAncestor(places: Place[]): Place | null {
  const chains = places.map((p) => [...ancestors(p), p]);
  let shared: Place | null = null;
  for (let depth = 0; ; depth++) {
    const at = chains.map((c) => c[depth]);
    if (at.some((p) => !p || p !== at[0])) return shared;
    shared = at[0]!;
  }
}

/** "潍坊峡山区": a county-level name right after a city that GB/T 2260 does not list (a functional zone). */
function unlistedCountyAfter(text: string, cityMention: Mention, mentions: Mention[]): string | null {
  if (mentions.some((m) => m.start >= cityMention.end && m.start <= cityMention.end + 1)) return null;
  const m = UNLISTED_AFTER_CITY.exec(text.slice(cityMention.end));
  if (!m) return null;
  const name = m[1]!;
  if (name.length < 2 || GENERIC_AREA.test(name)) return null;
  return name;
}

/**
 * What a whole draft says about where it comes from: the province (and city, when one clearly
 * dominates) named most often. Used as the hint for resolving short names in its parts.
 */
export function contextRegion(text: string, mentions: Mention[] = findMentions(text)): Partial<Region> {
  const provinceVotes = new Map<Place, number>();
  const cityVotes = new Map<Place, number>();
  // Which lines name each city, and which name a province by its own name: a city one line
  // mentions in passing ("南宁市青秀区的一户人家") in a text about its province is not the text's city.
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (at: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const cityLines = new Map<Place, Set<number>>();
  const provinceLines = new Map<Place, Set<number>>();
  const pathLines = sitePathLines(text, lineStarts);
  for (const mention of notOfTheText(text, withRecurringCounties(text, mentions))) {
    // The same spelling at several levels ("海南" the province and 海南州) means the higher level, as in resolveRegion.
    const top = Math.min(...mention.places.map((p) => levelRank(p)));
    const places = mention.places.filter((p) => levelRank(p) === top);
    const provinces = new Set(places.map((p) => (p.level === 'province' ? p : p.province!)));
    const strong = isStrong(mention);
    // A place in the site's own path ("首页 > 天津·社会救助 > 工作动态") is the portal's division,
    // which a passing mention in the text is not: it weighs as a full name does.
    const weight = strong || pathLines.has(lineOf(mention.start)) ? 2 : 1;
    if (provinces.size === 1) {
      const province = [...provinces][0]!;
      // Short county names are too often ordinary words to vote.
      if (strong || places.some((p) => p.level !== 'county')) {
        provinceVotes.set(province, (provinceVotes.get(province) ?? 0) + weight);
      }
      // An outlet named after its province ("宁夏日报") says where it is published, not what the text is about.
      if (top === 0 && !/^(?:日报|晚报|新闻|网|电视台|广播|客户端|频道|卫视)/u.test(text.slice(mention.end, mention.end + 3))) {
        const lines = provinceLines.get(province) ?? new Set<number>();
        lines.add(lineOf(mention.start));
        provinceLines.set(province, lines);
      }
    }
    const cities = new Set(
      places.map((p) => (p.level === 'city' ? p : p.level === 'county' && strong ? p.city : null)).filter((p): p is Place => Boolean(p)),
    );
    if (cities.size === 1) {
      const city = [...cities][0]!;
      cityVotes.set(city, (cityVotes.get(city) ?? 0) + weight);
      const lines = cityLines.get(city) ?? new Set<number>();
      lines.add(lineOf(mention.start));
      cityLines.set(city, lines);
    }
  }
  const out: Partial<Region> = {};
  const province = leader(provinceVotes, 0.5);
  if (province) {
    out.province = province.name;
    for (const c of [...cityVotes.keys()]) if (c.province !== province) cityVotes.delete(c);
    const city = leader(cityVotes, 0.6);
    const seen = city ? cityLines.get(city) : undefined;
    const own = [...(provinceLines.get(province) ?? [])].filter((l) => !seen?.has(l));
    if (city && !(seen && seen.size === 1 && own.length >= 2)) out.city = city.name;
  }
  return out;
}

/**
 * The formula a national organ addresses every province with ("各省、自治区、直辖市民政厅(局),各计划单列市
 * 民政局,新疆生产建设兵团民政局"; "各省、自治区、直辖市和新疆生产建设兵团民政部门"): the 兵团 it ends with is one
 * of all, not the text's place.
 */
const NATIONWIDE = /各省[、,，]?\s*(?:\(|（)?自治区[、,，]?\s*直辖市(?:\)|）)?[^。；;:：]{0,24}?新疆生产建设兵团/gu;

/**
 * A postal address ("地址:北京市朝阳区建国门南大街6号 民政部…", "受理地址:昆明市盘龙区白云路538号省民政厅") says where
 * an office's building stands, which for a ministry or a province's department is a district of its
 * capital: no evidence of the division the text is about.
 */
const ADDRESS = /(?:地\s*址|通讯处|住\s*所|办公区|办公地点)\s*[:：][^\n。；;]{0,60}/gu;

/**
 * Visitors from elsewhere ("上海市浦东新区民政局的同志到场观摩", "浙江省湖州市两家机构的负责人到临夏州…考察调研",
 * "某市考察团一行来我县参观"): the visiting body, the subject before its 一行/负责人/同志 and its verb of
 * coming, is from another place than the one it visits (which stays evidence).
 */
const VISITORS = /[^\s，,。；;！？：:]{2,40}?(?:一行|代表团|考察团|的同志|的负责人|负责人|同志)(?=[^，,。；;！？]{0,6}?(?:来到|来|到|莅临|赴)[^，,。；;！？]{0,30}?(?:考察|观摩|学习|调研|交流|参观|指导))/gu;

/**
 * A body coming to the text's own division ("南阳市民政局到我县调研", "省民政厅调研组莅临我市检查"): 我县/本市 is the
 * text's place, so the body that comes to it is from elsewhere, as a visitor of VISITORS is.
 */
const COMING_HERE = /(?:来到|来|到|莅临)(?:我|本)[省市县区州盟旗]/u;
const VISITING_BODY = /[^\s，,。；;！？：:、]{2,30}?(?=(?:一行|调研组|检查组|督导组|考察组)?(?:来到|来|到|莅临)(?:我|本)[省市县区州盟旗][^，,。；;！？]{0,20}?(?:考察|观摩|学习|调研|交流|参观|指导|检查|督导|慰问))/gu;

/** A company's name (…科技有限公司, …集团): where it is registered, which says nothing of the case's place. */
const COMPANY_NAME = /[^\s，,。；;！？：:、()（）]{2,24}?(?:有限责任公司|股份有限公司|有限公司|集团)/gu;

/** Mentions that say something of the text's place: not those in the nationwide formula, a postal address, a visit, a company's name. */
export function notOfTheText(text: string, mentions: Mention[]): Mention[] {
  const spans = notOfTheTextSpans(text);
  if (spans.length === 0) return mentions;
  return mentions.filter((m) => !spans.some(([from, to]) => m.start >= from && m.end <= to));
}

/**
 * VISITORS and COMPANY_NAME open on a lazy run of any characters, so matched over a whole text they try
 * forty starts at every position (1.4 s of CPU in importing 1,000 drafts). Neither can match across a
 * clause mark (，。；！？ are outside both their runs and their lookahead), so each is matched only in the
 * clauses that hold its closing words: the same matches, found where they can be.
 */
const CLAUSE = /[^，,。；;！？]+/gu;
const VISITOR_WORDS = /一行|代表团|考察团|同志|负责人/u;
const COMPANY_WORDS = /公司|集团/u;
function inClauses(text: string, words: RegExp, pattern: RegExp, out: Array<readonly [number, number]>): void {
  if (!words.test(text)) return;
  for (const c of text.matchAll(CLAUSE)) {
    if (!words.test(c[0])) continue;
    for (const m of c[0].matchAll(pattern)) out.push([c.index! + m.index!, c.index! + m.index! + m[0].length]);
  }
}

/** The spans of notOfTheText, for the last text asked about: the home, depth and context readings ask about one text in turn. */
let lastText: string | null = null;
let lastSpans: Array<readonly [number, number]> = [];
function notOfTheTextSpans(text: string): Array<readonly [number, number]> {
  if (text === lastText) return lastSpans;
  const spans = [...text.matchAll(NATIONWIDE), ...text.matchAll(ADDRESS), ...text.matchAll(MERE_MENTION)].map((m) => [m.index!, m.index! + m[0].length] as const);
  inClauses(text, VISITOR_WORDS, VISITORS, spans);
  inClauses(text, COMING_HERE, VISITING_BODY, spans);
  inClauses(text, COMPANY_WORDS, COMPANY_NAME, spans);
  lastText = text;
  lastSpans = spans;
  return spans;
}

/** A site's path above the page ("当前位置: 首页 > 新闻中心 > 九江时事", "首页 | 兰州 | 新闻"). */
export const SITE_PATH = /^[\s•·]*(?:您|你)?(?:当前|现在|所在)?的?(?:位置|所在)\s*[:：]|首[页頁]\s*(?:[>＞»›|｜/?]|&gt;)/u;

/** The lines (by number) that are a site's path. */
function sitePathLines(text: string, lineStarts: number[]): Set<number> {
  const out = new Set<number>();
  lineStarts.forEach((start, k) => {
    const end = text.indexOf('\n', start);
    if (SITE_PATH.test(text.slice(start, end < 0 ? undefined : end))) out.add(k);
  });
  return out;
}

function leader(votes: Map<Place, number>, share: number): Place | null {
  let total = 0;
  let best: Place | null = null;
  let bestVotes = 0;
  for (const [place, n] of votes) {
    total += n;
    if (n > bestVotes) {
      best = place;
      bestVotes = n;
    }
  }
  if (!best || bestVotes < 2 || bestVotes < total * share) return null;
  return best;
}

/** The one-character names provinces use in 发文字号 ("鲁民函〔2021〕11号", "沪民办发…"). */
const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  京: '北京市', 津: '天津市', 冀: '河北省', 晋: '山西省', 蒙: '内蒙古自治区', 辽: '辽宁省', 吉: '吉林省', 黑: '黑龙江省', 沪: '上海市', 苏: '江苏省', 浙: '浙江省',
  皖: '安徽省', 闽: '福建省', 赣: '江西省', 鲁: '山东省', 豫: '河南省', 鄂: '湖北省', 湘: '湖南省', 粤: '广东省', 桂: '广西壮族自治区', 琼: '海南省', 渝: '重庆市',
  川: '四川省', 黔: '贵州省', 滇: '云南省', 云: '云南省', 藏: '西藏自治区', 陕: '陕西省', 甘: '甘肃省', 青: '青海省', 宁: '宁夏回族自治区', 新: '新疆维吾尔自治区', 兵: '新疆生产建设兵团',
};

/**
 * Cities whose organs' 发文字号 code is an old or literary name rather than the first character
 * of the city's name (南京 writes 宁政, 广州 穗府, 福州 榕政 …), by province: the code means the city
 * only inside its province (宁 alone is 宁夏).
 */
const CITY_DOC_CODES: Record<string, Record<string, string>> = {
  江苏省: { 宁: '南京市' },
  青海省: { 宁: '西宁市' },
  广东省: { 穗: '广州市' },
  福建省: { 榕: '福州市' },
  四川省: { 蓉: '成都市' },
  贵州省: { 筑: '贵阳市' },
  浙江省: { 甬: '宁波市' },
  江西省: { 洪: '南昌市' },
  山西省: { 并: '太原市' },
};

const CITED_NUMBER = /([京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇云藏陕甘青宁新])(?:政|府|民|办)[\u4e00-\u9fa5]{0,4}\s*[〔[［]/gu;

/**
 * The province a text's cited 发文字号 point to ("…的通知》(苏政办发〔2022〕82号)"): a city's notice
 * cites its province's documents by their provincial codes. Only when every such code names the
 * same province; `own` (the text's own number) is left out.
 */
export function provinceFromCitedNumbers(text: string, own?: string | null): string | null {
  const found = new Set<string>();
  const body = own ? text.split(own).join('') : text;
  for (const m of body.matchAll(CITED_NUMBER)) {
    const name = PROVINCE_ABBREVIATIONS[m[1]!];
    if (name) found.add(name);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * The place a 发文字号's organ code names: a province by its one-character name, or (within the
 * draft's province) the one city whose name begins with the code's first character
 * ("平政办" in 河南 → 平顶山市). Null when that is not unique.
 */
/** The 代字 of a 发文字号 (the issuing organ's abbreviation before the year: 吉民发 of 吉民发〔2023〕2号), or null. */
export function docNumberCode(docNumber: string): string | null {
  return /^([\u4e00-\u9fa5]{1,12})\s*[〔[［【]/u.exec(docNumber)?.[1] ?? null;
}

export function regionFromDocNumber(docNumber: string, hint?: Partial<Region>): Region | null {
  const code = docNumberCode(docNumber);
  if (!code) return null;
  const { provinces } = regionIndex();
  const first = code[0]!;
  const inHint = hint?.province ? provinces.find((p) => p.name === hint.province) : undefined;
  if (inHint) {
    const cities = inHint.children.filter((c) => c.level === 'city' && c.name.startsWith(first));
    // Provincial organs write "省" codes only when the first character is the province's own.
    if (PROVINCE_ABBREVIATIONS[first] === inHint.name && /^.民|^.政/u.test(code)) return toRegion(inHint);
    const alias = CITY_DOC_CODES[inHint.name]?.[first];
    const aliased = alias ? inHint.children.find((c) => c.name === alias) : undefined;
    if (aliased) return toRegion(aliased);
    if (cities.length === 1) return toRegion(cities[0]!);
  }
  const name = PROVINCE_ABBREVIATIONS[first];
  if (!name || (inHint && inHint.name !== name)) return null;
  const province = provinces.find((p) => p.name === name);
  return province ? toRegion(province) : null;
}

function option(place: Place): RegionOption {
  const path = [...ancestors(place), place].map((p) => p.name).join(' ');
  return { code: place.code, name: place.name, path, level: place.level };
}

/** Places whose name or short name contains `q`, best matches first (for the region picker). */
export function searchRegions(q: string, limit = 20): RegionOption[] {
  const query = q.trim();
  if (!query) return [];
  const { all } = regionIndex();
  const ranked: Array<{ place: Place; rank: number }> = [];
  for (const place of all) {
    let rank: number;
    if (place.name === query) rank = 0;
    else if (place.shortNames.includes(query)) rank = 1;
    else if (place.name.startsWith(query)) rank = 2;
    else if (place.name.includes(query)) rank = 3;
    else continue;
    ranked.push({ place, rank: rank * 3 + levelRank(place) });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.place.code.localeCompare(b.place.code));
  return ranked.slice(0, Math.max(1, limit)).map((r) => option(r.place));
}

/** Provinces (code null) or the direct children of a place. */
export function childRegions(code: string | null): RegionOption[] {
  const { provinces, byCode } = regionIndex();
  if (code === null) return provinces.map(option);
  const place = byCode.get(code);
  return place ? place.children.map(option) : [];
}

/** The place with this six-digit code, as a Region. */
export function regionByCode(code: string): Region | null {
  const place = regionIndex().byCode.get(code);
  return place ? toRegion(place) : null;
}

/**
 * Of two places a case names (its title's and its unit's), the more specific when it lies inside
 * the other: a column titled for a prefecture ("凉山…风采录") over a station of one of its counties
 * is that county's. Places on different branches leave the first as it is.
 */
export function narrower(first: Region | null, inner: Region | null): Region | null {
  if (!first || !inner) return first ?? null;
  if (first.province !== inner.province) return first;
  if (first.county) return first;
  if (first.city) return inner.city === first.city && inner.county ? inner : first;
  return inner.city || inner.county ? inner : first;
}
