/**
 * Group headings of a list, found by the list's structure rather than by their words: a short
 * line marked as a heading (numbered in any of the usual schemes — 一、 （一） 1、 1. （1） — set in
 * 【】 or after ★, or ending in a count "（5个）") with short item lines under it, and siblings of
 * the same mark doing the same (or a count saying how many items follow). A numbered line followed
 * at once by the next of its numbers, by its subtitle (——…) or by its unit line is an item, not a
 * heading; one followed by running text is a section of a case.
 *
 * What a heading says is read from its name: a place ("乌鲁木齐市（5个）") is where its items are, a
 * kind of work ("城乡社区治理服务类") gives no award, and anything else ("慈善楷模", "捐赠企业",
 * "一等奖") is its items' award. The innermost heading above an item is the one that counts: a part
 * heading ("（一）推荐对象（12个）") is overridden by the groups inside it.
 */
import type { SourceLine } from '../lines.js';
import { findMentions } from '../../regions/index.js';
import { isPlaceOnly } from './placelabel.js';
import { peopleLine, unitsLine } from './listnames.js';

export type HeadingKind = 'place' | 'category' | 'award';

export interface ListHeading {
  /** The heading's name without its number, marks, count or colon. */
  name: string;
  kind: HeadingKind;
}

const SCHEMES: ReadonlyArray<readonly [string, RegExp]> = [
  ['cn', /^[一二三四五六七八九十]{1,3}\s*[、.．]\s*/u],
  ['pcn', /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*/u],
  ['num', /^[0-9０-９]{1,3}\s*[.．、。](?![0-9０-９])\s*/u],
  ['pnum', /^[（(]\s*[0-9０-９]{1,3}\s*[)）]\s*/u],
  ['star', /^[★☆◆◇■□▲]\s*/u],
];
const COUNTED = /\s*[（(]\s*(?:共\s*)?[0-9０-９]+\s*[个项家篇名位件]?\s*[)）]\s*[:：]?$/u;
const BARE_ORGAN = /(?:局|厅|委|办|政府|中心|院|馆|站|所|协会|街道|办事处|居民委员会|村民委员会)$/u;
const SUBTITLE = /^(?:——|--|—)\s*\S/u;
const UNIT_ONLY = /^(?:[（(][^（）()]{3,40}[)）]|[◉●◎○•·]\s*\S.*|(?:申报单位|报送单位|推荐单位|创新单位|实施单位|单位)\s*[:：].*)$/u;

interface Mark {
  scheme: string;
  name: string;
  counted: boolean;
}

/** The heading form of a line, or null: its numbering scheme (or 'mark'/'count') and its bare name. */
function markOf(text: string): Mark | null {
  const t = text.trim();
  if (t.length > 40) return null;
  let scheme: string | null = null;
  let rest = t;
  for (const [name, re] of SCHEMES) {
    const m = re.exec(t);
    if (m) {
      scheme = name;
      rest = t.slice(m[0].length);
      break;
    }
  }
  const bracket = /^[【[]\s*(.+?)\s*[】\]]\s*[:：]?$/u.exec(rest);
  if (bracket) {
    scheme ??= 'mark';
    rest = bracket[1]!;
  }
  const counted = COUNTED.test(rest);
  if (counted) rest = rest.replace(COUNTED, '');
  if (!scheme && !counted) return null;
  const name = rest.replace(/\s*[:：]\s*$/u, '').trim();
  // A heading names a group: no sentence, no clause break, nothing after a colon.
  // (A dash or 《》 marks a title and its subtitle: an item's, not a group's.)
  if (name.length < 2 || name.length > 30 || /[。；;！？!?，,：:《》]|——/u.test(name)) return null;
  return { scheme: scheme ?? 'count', name, counted };
}

function kindOf(name: string): HeadingKind {
  if (isPlaceOnly(name)) return 'place';
  // "江苏入选社区如下（54个）:", "具体名单": it introduces the items without naming their honour.
  if (/(?:如下|以下|名单|名录|分别是|分别为|包括)$/u.test(name)) return 'category';
  if (/(?:类|领域|方面|组|板块|专题)$/u.test(name)) return 'category';
  return 'award';
}

/** "某某市民政局" alone under a numbered title: that item's unit (an organ named from its place). */
function bareUnit(text: string): boolean {
  if (text.length > 30 || /[\s:：，,。“”"《》]/u.test(text) || !BARE_ORGAN.test(text)) return false;
  const m = findMentions(text.slice(0, 12));
  return m.length > 0 && m[0]!.start === 0;
}

/** An item line under a heading: short, no sentence. */
function itemLike(text: string): boolean {
  // (A number closed by a full stop, "1。成都市…", is a number.)
  return text.length <= 80 && !/[。！？]/u.test(text.replace(/^[0-9０-９]{1,3}\s*。/u, ''));
}

/** The group headings of `lines`, by index. */
export function listHeadings(lines: SourceLine[]): Map<number, ListHeading> {
  const marks = new Map<number, Mark>();
  // Schemes ranked by first use (as an outline's levels are): a block ends at its own scheme or an outer one.
  const rank = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text || line.table || line.image) continue;
    const m = markOf(line.text);
    if (!m) continue;
    marks.set(i, m);
    if (!rank.has(m.scheme)) rank.set(m.scheme, rank.size);
  }
  const out = new Map<number, ListHeading>();
  if (!marks.size) return out;
  const passing = new Map<number, Mark & { numbered: boolean }>();
  const bySchemeCount = new Map<string, number>();
  for (const [i, m] of marks) {
    const own = rank.get(m.scheme)!;
    let leaves = 0;
    /** The schemes of the marked lines under it: one scheme over all its lines is a numbered list it heads. */
    const under = new Set<string>();
    let unmarked = 0;
    let first = true;
    let ok = true;
    for (let k = i + 1; k < lines.length; k++) {
      const line = lines[k]!;
      const t = line.text.trim();
      if (!t || line.image) continue;
      const child = marks.get(k);
      if (child && rank.get(child.scheme)! <= own) {
        // The next of its own numbers at once: an item of a numbered list.
        if (first) ok = false;
        break;
      }
      // (A count says it heads a group: an item's title carries none, so a unit under it is a listed unit.)
      // (So is a line of its authors, or of its units set apart by spaces: an entry's fields. One body alone
      // under a prize's name is its first winner.)
      if (first && (SUBTITLE.test(t) || UNIT_ONLY.test(t) || (!m.counted && (bareUnit(t) || peopleLine(t) || (unitsLine(t) && /\s|等$/u.test(t)))))) {
        ok = false;
        break;
      }
      first = false;
      if (line.table || !itemLike(t)) {
        // Running text under it: a section of a case, or the end of the list after its last group.
        if (leaves === 0) ok = false;
        break;
      }
      leaves++;
      if (child) under.add(child.scheme);
      else unmarked++;
    }
    if (!ok || leaves === 0) continue;
    passing.set(i, { ...m, numbered: leaves >= 3 && unmarked === 0 && under.size === 1 });
    bySchemeCount.set(m.scheme, (bySchemeCount.get(m.scheme) ?? 0) + 1);
  }
  for (const [i, m] of passing) {
    // One marked line alone is no group structure unless it counts what follows or heads a numbered list
    // ("一、2021年全省基层治理示范街道(镇)" over "1。… 2。… 3。…").
    if (!m.counted && !m.numbered && (bySchemeCount.get(m.scheme) ?? 0) < 2) continue;
    out.set(i, { name: m.name, kind: kindOf(m.name) });
  }
  return out;
}
