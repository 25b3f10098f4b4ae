/**
 * The depth of a case's region: city or county. An article's place is first read from its opening
 * sentence, which often sets a scene in one district ("暑假里,南宁市西乡塘区华强街道…") of a text
 * about its whole city, and a city-level reading of a text about one community misses the county
 * its chain names ("西宁市城西区胜利路街道北商业巷社区"). Two properties of how such texts are written
 * decide it:
 *  - a city's practice is shown through several of its counties (城关区…七里河区…, 凌河区、太和区、
 *    凌海市 …, 和政县、东乡县): when the text names two or more counties of one city, none of them is
 *    the case's own unless the title or the unit says so;
 *  - a grassroots body's case (a 社区, 村, 街道) names its full chain of divisions once, near the start
 *    ("这是南宁市西乡塘区明秀南社区的日常"), and names no other county: the county of that chain is the
 *    case's, unless the text speaks as its city (我市, 全市); a text naming one county that speaks as a
 *    county (全县, 我县) is that county's;
 *  - a headline opening with a place and a colon ("北京:…", "宁夏银川:…", "北京市朝阳门街道:…") states the
 *    case's scope, at that place's depth, whatever examples the body gives.
 * Counties are named by their names (in full, or short beside their city) or through the streets and
 * townships of the division list that lie only in them (朝阳门街道 → 东城区).
 *
 * Measured on the tuning single-case documents (test/fixtures/portal/batches): of those whose unit and
 * title name no county, the ones naming two or more counties of their city are the city's in 9 of 9
 * (batches 14, 15, 16); those naming one county with its chain in the lead or speaking as a county are
 * the county's in 14 of 15 (batches 0, 7, 13, 14, 15, 16; the other is beijing-2022's "北京:" headline).
 */
import type { Region } from '../model/types.js';
import { findMentions, isStrong, notOfTheText, resolveRegion, withRecurringCounties, type Mention, type Place } from './index.js';
import { ownLevelWord } from './home.js';
import { streetIndex } from './streets.js';

/** The division whose counties are compared: the city, or a municipality (its districts hang under it). */
function scopeOf(region: Region): { province: string; city: string | null } | null {
  if (!region.province) return null;
  if (region.city && region.city !== region.province) return { province: region.province, city: region.city };
  // A municipality's district or the municipality itself.
  if (/市$/u.test(region.province) && (!region.city || region.city === region.province)) return { province: region.province, city: null };
  return null;
}

function inScope(p: { province: Place | null; city: Place | null }, scope: { province: string; city: string | null }): boolean {
  return p.province?.name === scope.province && (scope.city ? p.city?.name === scope.city : !p.city);
}

/** A county's or street's name right before a grassroots body's ("西乡塘区明秀南社区", "城西区胜利路街道北商业巷社区"). */
const GRASSROOTS_AFTER = /^[\u4e00-\u9fa50-9]{0,12}?(?:街道|社区|村委会|村(?![民级庄里])|居委会)/u;

export interface CountyMention {
  county: string;
  start: number;
  end: number;
  /** Named through a street or township: itself a grassroots body. */
  street: boolean;
  /** Named by its short name beside its city ("七里河" in a text naming 兰州市), not in full. */
  short?: boolean;
}

/** The counties of `scope` that `text` names, in order: by name, or through a street or township only one of them has. */
export function namedCounties(text: string, scope: { province: string; city: string | null }, mentions: Mention[] = findMentions(text)): CountyMention[] {
  const ms = notOfTheText(text, withRecurringCounties(text, mentions));
  const out: CountyMention[] = [];
  // Where the last county named ends: divisions nest, so a county's short name right after another county's name
  // ("水磨沟区天山明月城", "城关区七里河路…") begins a name inside that county (an estate, a venue, a road), not a county.
  let countyEnd = -1;
  for (const m of ms) {
    const adjacent = m.start === countyEnd;
    if (m.places.some((p) => p.level === 'county')) countyEnd = m.end;
    // Functional zones (code …7…) are filed under their city: no county of it.
    const counties = m.places.filter((p) => p.level === 'county' && p.code[4] !== '7' && inScope(p, scope));
    if (counties.length !== 1) continue;
    const c = counties[0]!;
    if (adjacent && !m.full) continue;
    // A city's name shared by one of its counties ("乌鲁木齐" of 乌鲁木齐市 and 乌鲁木齐县, 长沙 of 长沙县): written
    // short it is the city's, the county being written in full to be told from it.
    if (!m.full && m.places.some((p) => p === c.city)) continue;
    // A short name ("七里河") counts beside its city or province; a full name ("七里河区") alone.
    const strong = isStrong(m);
    if (!strong && !ms.some((o) => o !== m && o.places.some((p) => p === c.city || p === c.province))) continue;
    out.push({ county: c.name, start: m.start, end: m.end, street: false, short: !strong });
  }
  if (/[\u4e00-\u9fa5](?:街道|镇|乡)/u.test(text)) {
    const index = streetIndex();
    const inHere = (p: { province: string; city: string }) => p.province === scope.province && (scope.city ? p.city === scope.city : p.city === '市辖区' || p.city === '县');
    const countiesOf = (name: string) => new Set((index.get(name) ?? []).filter(inHere).map((p) => p.county));
    for (const m of text.matchAll(/[\u4e00-\u9fa5]{2,8}?(?:街道|镇|乡)/gu)) {
      const run = m[0];
      for (let k = 0; k <= run.length - 3; k++) {
        const name = run.slice(k);
        const listed = index.has(name);
        let names = listed ? countiesOf(name) : new Set<string>();
        // A township the division list has since made a street or a town (撤镇设街道, 撤乡设镇: 大寨镇 → 大寨街道), named as it
        // was: the city's one street or town of that name, where the city has none by the old one.
        if (names.size === 0 && !name.endsWith('街道')) names = new Set([...countiesOf(`${name.slice(0, -1)}街道`), ...(name.endsWith('乡') ? countiesOf(`${name.slice(0, -1)}镇`) : [])]);
        if (!listed && names.size === 0) continue;
        if (names.size === 1) out.push({ county: [...names][0]!, start: m.index! + k, end: m.index! + run.length, street: true });
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function cityRegion(scope: { province: string; city: string | null }): Region | null {
  return resolveRegion(`${scope.province}${scope.city ?? ''}`);
}

function countyRegion(scope: { province: string; city: string | null }, county: string): Region | null {
  const r = resolveRegion(`${scope.province}${scope.city ?? ''}${county}`);
  return r?.county === county ? r : null;
}

/** A headline's opening place before its colon: up to five words of names, no space or punctuation. */
const SCOPE_HEAD = /^\s*([\u4e00-\u9fa5]{2,16})\s*[:：]/u;

export interface CaseText {
  /** Title and subtitle. */
  title: string;
  /** The body's paragraphs, in order. */
  paragraphs: string[];
  /** The county (or city) the case's unit or title names: the text's own word on its depth, left as it is. */
  fixed: boolean;
}

/** How many paragraphs open the text (its lead), where a grassroots case names its chain. */
export const LEAD_PARAGRAPHS = 4;

/** The region at the depth the text supports (see the module comment); `region` when it says nothing either way. */
export function caseDepth(region: Region | null, doc: CaseText): Region | null {
  if (!region || doc.fixed) return region;
  const scope = scopeOf(region);
  if (!scope) return provinceChain(region, doc) ?? region;
  // A headline that opens with its place and a colon ("北京:民意点对点…", "宁夏银川:以…", "北京市朝阳门街道:…")
  // states the case's scope: as deep as that place (with its street, when it names one), whatever the body's examples.
  const scoped = SCOPE_HEAD.exec(doc.title)?.[1];
  if (scoped && findMentions(scoped).length > 0) {
    const own = namedCounties(scoped, scope);
    if (own.length > 0) return countyRegion(scope, own[0]!.county) ?? region;
    const head = resolveRegion(scoped, region);
    // The headline's place above the reading (a city's headline over a district's scene): the headline's.
    return head && head.province === region.province && !head.county && (!head.city || head.city === region.city) ? head : region;
  }
  const text = [doc.title, ...doc.paragraphs].join('\n');
  const named = namedCounties(text, scope);
  const distinct = new Set(named.map((n) => n.county));
  if (region.county) {
    // (Not a text that speaks as its county, 本区/我县/全县: the other counties it names are mentions.)
    if (distinct.size >= 2 && !(distinct.has(region.county) && ownLevelWord(text, region.province) === '县')) return cityRegion(scope) ?? region;
    return region;
  }
  if (distinct.size !== 1) return region;
  const county = [...distinct][0]!;
  // A text that speaks as its city (我市, 全市) or province is theirs, whatever one county it names.
  const level = ownLevelWord(text, region.province);
  if (level === '市' || level === '省') return region;
  // A scene the text calls an epitome (缩影) of wider work is its example, not its county.
  if (EPITOME.test(text)) return region;
  // A text that speaks as its county (我县, 全县, 全区) is that one county's.
  if (level !== '县') {
    const lead = [doc.title, ...doc.paragraphs.slice(0, LEAD_PARAGRAPHS)].join('\n');
    const chained = namedCounties(lead, scope).some((n) => n.county === county && (n.street || GRASSROOTS_AFTER.test(lead.slice(n.end))));
    if (!chained) return region;
  }
  return countyRegion(scope, county) ?? region;
}

/**
 * A scene the text calls an epitome of wider work ("…之变,是塞上文明新风的一个缩影", "老人们的幸福生活,是我区推进…的缩影"):
 * the place of the scene is an example, not the case's own. (Traditional 縮 too: the copy is read as printed.)
 */
const EPITOME = /[是为為][^。！？!?\n]{0,40}?[缩縮]影/u;

/**
 * A province's reading (its name in the headline, its paper or portal as the source) over a grassroots
 * body's case that names the body's full chain in its lead ("乌鲁木齐市水磨沟区安居乐社区",
 * "沈阳市和平区南市场街道和平新村社区"): the case is that county's, as a city's reading is deepened to
 * it (caseDepth), when the chain's city is the only city of the province the text names and no other
 * county of that city is named in full (nor does the text speak as its province or city, 全省, 我市).
 */
function provinceChain(region: Region, doc: CaseText): Region | null {
  if (!region.province || region.city || /市$/u.test(region.province)) return null;
  const text = [doc.title, ...doc.paragraphs].join('\n');
  const lead = [doc.title, ...doc.paragraphs.slice(0, LEAD_PARAGRAPHS)].join('\n');
  const mentions = findMentions(text);
  const cities = new Set<string>();
  for (const m of mentions) for (const p of m.places) if (p.level === 'city' && p.province?.name === region.province && m.full) cities.add(p.name);
  // (A text that speaks as its province or city, 全省/我市, is theirs, as in caseDepth; and so is one that calls its
  // scene an epitome of the wider work, "西永固之变,是塞上文明新风的一个缩影": the village is its example.)
  if (EPITOME.test(text) || cities.size !== 1 || ownLevelWord(text, region.province) === '省' || ownLevelWord(text, region.province) === '市') return null;
  const scope = { province: region.province, city: [...cities][0]! };
  const named = namedCounties(text, scope).filter((n) => !n.short);
  if (new Set(named.map((n) => n.county)).size !== 1) return null;
  const leadMentions = findMentions(lead);
  const chained = namedCounties(lead, scope, leadMentions).some(
    (n) => !n.short && !n.street && GRASSROOTS_AFTER.test(lead.slice(n.end)) && leadMentions.some((m) => m.end === n.start && m.full && m.places.some((p) => p.name === scope.city)),
  );
  return chained ? countyRegion(scope, named[0]!.county) : null;
}
