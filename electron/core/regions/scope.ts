/**
 * Two ways a news text states its own scope, whatever place it names most:
 *  - the reporter's source ("记者从徐汇区规划局获悉", "记者12日从宁夏民政厅获悉", "记者从兰州市民政局了解到"): the
 *    organ the news is from, whose division is the news's (in the tuning pages that say it, the expected region
 *    is the source organ's division at its level: a district's 规划局, a city's 民政局, a province's 民政厅);
 *  - examples given as a run closed by 等地 ("记者到巩义、许昌等地作了探访", "听取南宁、梧州、钦州等地对殡葬工作的意见",
 *    "泸州、内江、南充…等地举办婚姻大讲堂"): places shown as some among others, so the text is about what they
 *    share, their province when they lie in several cities.
 */
import type { Region } from '../model/types.js';
import { findMentions, resolveRegion, type Place } from './index.js';

/** "记者(24日|昨天|日前)从X获悉/了解到/得知" (or 笔者, a contributor): X is the organ (a division and its organ's word) the news comes from. */
const REPORTER_SOURCE = /(?:记者|笔者)[^，,。；;！？从]{0,8}?从([\u4e00-\u9fa5]{2,24}?)(?:获悉|了解到|得知)/u;

/** The division of the organ a reporter names as the news's source, when the organ's name says it; null otherwise. */
export function reporterSource(text: string, hint?: Partial<Region>): Region | null {
  const organ = REPORTER_SOURCE.exec(text)?.[1];
  if (!organ || findMentions(organ).length === 0) return null;
  return resolveRegion(organ, hint);
}

/** A run of places closed by 等地 (up to a clause's mark before it). */
const EXAMPLES = /([^，,。；;！？:：()（）]{2,60}?)等地/gu;

/**
 * The division the places a text gives as examples ("A、B等地") share, when they lie in two or more cities of
 * one province: that province. Null when the text gives no such run, or its examples lie in one city.
 */
export function examplesScope(text: string): Region | null {
  if (!text.includes('等地')) return null;
  for (const m of text.matchAll(EXAMPLES)) {
    const cities = new Set<Place>();
    let province: Place | null = null;
    let mixed = false;
    for (const mention of findMentions(m[1]!)) {
      // A name several places share says nothing of which city it is in.
      if (mention.places.length !== 1) continue;
      const p = mention.places[0]!;
      const prov = p.level === 'province' ? p : p.province!;
      if (province && prov !== province) mixed = true;
      province = prov;
      const city = p.level === 'city' ? p : p.level === 'county' ? p.city : null;
      if (city) cities.add(city);
    }
    if (province && !mixed && cities.size >= 2) return resolveRegion(province.name);
  }
  return null;
}
