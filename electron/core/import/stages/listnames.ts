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
const STREET = /^[\u4e00-\u9fa5]{2,8}?(?:街道|镇|乡)(?=[\u4e00-\u9fa5]{2,})/u;
/** A community or village, the places lists award below a street. */
const COMMUNITY = /^[\u4e00-\u9fa5]{2,16}(?:社区|村|居委会|居民委员会|村民委员会)$/u;
/** Where an awarded place's name ends. */
const PLACE_END = /(?:社区|村|街道|镇|乡|县|区|市|旗|居委会|居民委员会|村民委员会)$/u;
/** Words of running text: a piece holding one is prose, not a name. */
const PROSE = /[。！？：:“”"《》\s]|(?:通过|推进|加强|完善|开展|建立|实现|提升|围绕|坚持|积极|不断|进一步|要求|指出|表示|认为)/u;

/**
 * The divisions a name opens with, run together and written whole ("盐湖区", "运城市盐湖区"), or "" when it
 * opens with none ("东城街道…" opens with a street that shares a district's short name).
 */
function placeHead(piece: string): string {
  let end = 0;
  for (const m of findMentions(piece.slice(0, 16))) {
    if (m.start !== end) break;
    end = m.end;
  }
  const head = piece.slice(0, end);
  return /[省市州盟区县旗]$/u.test(head) ? head : '';
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
    if (piece.length < 2 || piece.length > 30 || PROSE.test(piece)) return null;
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
