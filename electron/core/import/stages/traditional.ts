/**
 * Traditional characters (繁體 pages, Hong Kong and Taiwan mirrors). Every rule of the importer —
 * furniture, notices, lists, units, regions, categories — is written in simplified characters,
 * so a traditional draft is read through a 繁→简 copy (opencc-js, Taiwan/Hong Kong to mainland
 * phrases) and the text the editor gets back is the original: each string the stages produce is
 * found in the simplified copy and replaced by the same span of the original. Only when the
 * editor asks (`convertToSimplified`) does the simplified text stay.
 *
 * Mirror sites also add pinyin in brackets after characters ("發(fā)布", "鄉(xiāng)鎮(zhèn)"); that noise is
 * removed before anything else reads the line.
 */
import * as OpenCC from 'opencc-js/t2cn';
import iconv from 'iconv-lite';
import type { SourceLine } from '../lines.js';

type Convert = (text: string) => string;
let converter: Convert | null = null;

/**
 * Variant forms that traditional pages print and opencc's tables leave alone ("陜西" for 陝西,
 * "峯" for 峰): folded one for one, so place names and lexicon words still match.
 */
const VARIANTS: Record<string, string> = { 陜: '陕', 峯: '峰', 綫: '线', 麪: '面', 衆: '众', 僞: '伪', 啓: '启', 囘: '回', 敎: '教', 牀: '床' };
const VARIANT = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'gu');

function toSimplified(text: string): string {
  converter ??= (OpenCC as unknown as { Converter(o: { from: string; to: string }): Convert }).Converter({ from: 'hk', to: 'cn' });
  return converter(text).replace(VARIANT, (c) => VARIANTS[c]!);
}

/** "(fā)", "（xiāng）": a bracket holding one pinyin syllable with its tone mark, after a Han character. */
const PINYIN = /(?<=[\u4e00-\u9fff])[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}\s*[)）]/gu;
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/u;

/**
 * A mirror that lost one byte of its GBK text prints the next character shifted: the previous
 * character's second byte and the character's first make a wrong character, and its second byte
 * (a Latin letter) stands alone ("專科醫(yī)" came out as "??漆t(yī)"). Before a pinyin bracket, such a
 * pair is the character that the draft elsewhere prints before the same pinyin, when re-reading the
 * two bytes gives exactly that character.
 */
const SHIFTED = /([\u4e00-\u9fff])([\x40-\x7e])(?=[(（]\s*([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6})\s*[)）])/gu;

function unshift(text: string, readings: Map<string, Set<string>>): string {
  return text.replace(SHIFTED, (pair, han: string, letter: string, syllable: string) => {
    const bytes = iconv.encode(han, 'gbk');
    if (bytes.length !== 2 || bytes[1]! < 0x81) return pair;
    const char = iconv.decode(Buffer.from([bytes[1]!, letter.charCodeAt(0)]), 'gbk');
    return readings.get(syllable)?.has(char) ? char : pair;
  });
}

/** Removes bracketed pinyin when the draft has it more than once (a real "(a)" enumeration carries no tone marks). */
export function stripPinyin(lines: SourceLine[]): { lines: SourceLine[]; removed: number } {
  let removed = 0;
  // Which characters the draft prints before each syllable: the evidence for a shifted character.
  const readings = new Map<string, Set<string>>();
  const out = lines.map((line) => {
    if (!line.text.includes('(') && !line.text.includes('（')) return line;
    const text = line.text.replace(PINYIN, (m, at: number, whole: string) => {
      if (!TONE.test(m) && !/^[(（]\s*[a-z]{2,6}\s*[)）]$/u.test(m)) return m;
      removed++;
      const syllable = m.replace(/[(（)）\s]/gu, '');
      const set = readings.get(syllable) ?? new Set<string>();
      set.add(whole[at - 1]!);
      readings.set(syllable, set);
      return '';
    });
    if (text === line.text) return line;
    const next: SourceLine = { ...line, text };
    if (line.inlines) {
      next.inlines = line.inlines.map((r) => (r.type === 'text' ? { ...r, text: r.text.replace(PINYIN, (m) => (TONE.test(m) ? '' : m)) } : r));
      // Styled runs must still spell the line; if they no longer do, the plain line wins.
      if (next.inlines.map((r) => (r.type === 'text' ? r.text : '')).join('') !== text) delete next.inlines;
    }
    return next;
  });
  if (removed < 2) return { lines, removed: 0 };
  // A shifted character keeps its bracket (no Han character before it): repaired, then stripped.
  const repaired = out.map((line) => {
    if (!SHIFTED.test(line.text)) return line;
    SHIFTED.lastIndex = 0;
    const text = unshift(line.text, readings);
    if (text === line.text) return line;
    const stripped = text.replace(PINYIN, (m) => (TONE.test(m) ? (removed++, '') : m));
    const { inlines: _inlines, ...rest } = line;
    return { ...rest, text: stripped };
  });
  return { lines: repaired, removed };
}

/**
 * Frequent characters that exist only in traditional writing: a cheap first look, so that the
 * converter runs only on drafts that may need it (the 1,000-draft benchmark never pays for it).
 */
const TRADITIONAL_HINT = new RegExp(`[${'們這個來說對時會過麼為學國發經與動後點關裡開無實現愛體區種當長門問題電話應頭見樣氣聽讀書車馬東萬條業產義議記設試語請調論變辦據務員區縣鄉鎮會團體養護兒單機構織協組務質創優審評選獎項態節眾負擔顯減輕晉歲歷環華數舉廣邊農醫療導強積藝齡殘陳蘇貴濟興黨營購資費貧災難脫貼補標準擴屬壽處禮歸錢財稅劃範統獻權勞網頁錄戶聞類覽轉載聯級廳線視圖訊號責編輯張曉軍劉紅綠黃楊趙孫謝鄧馮許韓雲豐龍鐵銀驗證碼冊'}]`, 'gu');

/**
 * A line in traditional characters on a page written in simplified ones: a portal's template in the other
 * script than the article it carries (a traditional mirror's header and footer around a simplified text, a
 * simplified portal reprinting a traditional page's widgets). One traditional-only character tells (a
 * simplified text never writes one); such a line is read through its simplified copy like a traditional
 * page's, so the furniture lexicon knows it. Only short lines are looked at (a template's are: a label, a
 * link, a field), so the look costs little of a draft whose characters are mostly in paragraphs.
 */
export function isTraditionalLine(text: string): boolean {
  if (text.length > 60) return false;
  TRADITIONAL_HINT.lastIndex = 0;
  return TRADITIONAL_HINT.test(text);
}

/** Whether the draft is written in traditional characters: enough of its Han characters change under 繁→简. */
export function isTraditional(text: string): boolean {
  // A page is written in one script throughout: its first characters tell.
  const sample = text.slice(0, 1500);
  TRADITIONAL_HINT.lastIndex = 0;
  let hints = 0;
  while (hints < 5 && TRADITIONAL_HINT.exec(sample)) hints++;
  if (hints < 5) return false;
  const han = sample.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;
  if (han < 20) return false;
  const simplified = toSimplified(sample);
  let changed = 0;
  for (let i = 0; i < sample.length && i < simplified.length; i++) if (sample[i] !== simplified[i]) changed++;
  return changed >= 8 && changed / han >= 0.04;
}

/**
 * Full-width forms of ASCII (！ to ～, U+FF01–FF5E: ，：（）；０-９Ａ-Ｚ) and the ideographic space, as
 * NFKC folds them. Chinese pages set punctuation and often digits full width, copies and exports set
 * them half width, and the same page comes both ways; the rules are written once, on the half-width
 * forms, so every draft is read at one width and the editor gets the characters as written.
 */
const WIDE = /[\uff01-\uff5e\u3000]/u;
const WIDE_ALL = /[\uff01-\uff5e\u3000]/gu;

/** One for one, so a span of the folded copy is the same span of the original. */
export function foldWidth(text: string): string {
  return text.replace(WIDE_ALL, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * Spacing inside a line is layout, not language: a tab, a no-break space or a run of spaces (a
 * portal pads its nav bar and date line with them, a copy turns one space into three) reads as one
 * space. Applied to the copy (after foldWidth) and to the text restored for it, so both keep one length.
 */
const SPACING = /[\t\u00a0]|[ \t\u00a0\u3000]{2,}/u;
const SPACING_ALL = /[\t\u00a0]|[ \t\u00a0\u3000]{2,}/gu;
function foldSpacing(text: string): string {
  return text.replace(SPACING_ALL, (m) => (m[0] === '\u3000' ? '\u3000' : ' '));
}

/** Whether any line sets a character full width that the rules read half width, or spaces them apart by layout. */
export function hasWideForms(lines: SourceLine[]): boolean {
  return lines.some((l) => WIDE.test(l.text) || SPACING.test(l.text));
}

export interface Simplified {
  lines: SourceLine[];
  /** Maps a string of the reading copy back to the original's characters (unchanged when not found); `asLine`, a line the draft had whole, with its spacing. */
  restore: (text: string, asLine?: boolean) => string;
}

/**
 * The copy the stages read — width folded, spacing folded, and 繁→简 when `simplify` — and the way back to the text
 * the editor gets: the original, or with `keepSimplified` the simplified text at the original width.
 * Lines whose length changes under 繁→简 keep the copy's text in both.
 */
export function readingLines(lines: SourceLine[], simplify: boolean | ((text: string) => boolean), keepSimplified = false): Simplified {
  // `simplify` may pick the lines (a page of one script with lines of the other): those are read simplified, the others as they are.
  const simplifies = typeof simplify === 'function' ? simplify : () => simplify;
  const copy = (t: string) => foldSpacing(foldWidth(simplifies(t) ? toSimplified(t) : t));
  const simple: string[] = [];
  const original: string[] = [];
  const wholeLines = new Map<string, string>();
  const out = lines.map((line) => {
    const s = copy(line.text);
    const written = simplify === true && keepSimplified ? toSimplified(line.text) : line.text;
    const target = foldSpacing(written);
    // A line listed whole (a dropped nav bar) comes back exactly as written, its spacing too; the
    // fields the stages read keep one space where the copy had a run (an issuer, a title).
    if (written !== s && !wholeLines.has(s)) wholeLines.set(s, written);
    simple.push(s);
    original.push(target.length === s.length ? target : s);
    if (s === line.text) return line;
    const next: SourceLine = { ...line, text: s };
    if (line.inlines) {
      next.inlines = line.inlines.map((r) => (r.type === 'text' ? { ...r, text: copy(r.text) } : r));
      if (next.inlines.map((r) => (r.type === 'text' ? r.text : '')).join('') !== s) delete next.inlines;
    }
    if (line.image?.alt) next.image = { ...line.image, alt: copy(line.image.alt) };
    return next;
  });
  const simpleAll = simple.join('\n');
  const originalAll = original.join('\n');
  // The lines trimmed and run together, as the stages join a field wrapped over lines (a 主送, a title):
  // a string found only across a line break is found here. (Each original line is as long as its copy,
  // so the two stay aligned character by character.) Built on the first string that needs it.
  let joined: { simple: string; original: string } | null = null;
  const joinedAt = (text: string): string | null => {
    if (!joined) {
      const s: string[] = [];
      const o: string[] = [];
      for (let k = 0; k < simple.length; k++) {
        const line = simple[k]!;
        const from = line.length - line.trimStart().length;
        const to = line.trimEnd().length;
        s.push(line.slice(from, to));
        o.push(original[k]!.slice(from, Math.max(from, to)));
      }
      joined = { simple: s.join(''), original: o.join('') };
    }
    const k = joined.simple.indexOf(text);
    return k >= 0 ? joined.original.slice(k, k + text.length) : null;
  };
  const restore = (text: string, asLine = false): string => {
    if (!text || !/[\u4e00-\u9fff0-9A-Za-z!-~]/u.test(text)) return text;
    const whole = asLine ? wholeLines.get(text) : undefined;
    if (whole !== undefined) return whole;
    const at = simpleAll.indexOf(text);
    if (at >= 0) return originalAll.slice(at, at + text.length);
    // Strings the stages joined or trimmed: restore piece by piece between punctuation and spaces.
    return text.replace(/[^\s,，、;；:：。！？()（）|｜]+/gu, (piece) => {
      const k = simpleAll.indexOf(piece);
      return k >= 0 ? originalAll.slice(k, k + piece.length) : (joinedAt(piece) ?? piece);
    });
  };
  return { lines: out, restore };
}

/** The simplified copy of the lines (width folded too), and the way back to the original. */
export function simplifyLines(lines: SourceLine[]): Simplified {
  return readingLines(lines, true);
}

/**
 * Walks an import result and restores every string the editor reads (titles, units, awards,
 * body text, captions, notice fields), leaving names from our own tables (regions, categories,
 * the explanation's words) as they are.
 */
export function restoreStrings<T>(value: T, restore: (text: string, asLine?: boolean) => string): T {
  const SKIP = new Set(['region', 'category', 'categoryExplanation', 'format', 'encoding', 'kind', 'file', 'sourceFile', 'warnings', 'src', 'date', 'printDate', 'year', 'status', 'role', 'marks', 'type', 'contentHash', 'fingerprint']);
  // A 发文字号 is written in its one canonical form (〔〕, ASCII digits): its characters come back, its width stays.
  const CANONICAL = new Set(['docNumber']);
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return restore(v, key === 'dropped');
    if (Array.isArray(v) && key === 'dropped') return v.map((x) => walk(x, key));
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = SKIP.has(k) ? x : CANONICAL.has(k) && typeof x === 'string' ? foldWidth(restore(x)) : walk(x, k);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
