/**
 * Place labels at the head of a line: "济南", "济宁 任城区", "潍坊峡山区", "威海荣成市". A feature
 * heads each case with one, then a space, then the case title; a photo caption instead runs
 * straight on from the place ("临沂市罗庄区关爱困境儿童").
 */
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

// Streets and townships (the division list's fourth level) live with the divisions: the home division reads them too.
export { streetCounty } from '../../regions/streets.js';
