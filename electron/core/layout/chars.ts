/**
 * Character classes for Chinese line layout (spec T.1–T.4: clreq, GB/T 15834). The
 * corpus keeps half-width , : ; ( ) inside Chinese sentences, so the half-width marks
 * take the same no-start / no-end roles as their full-width forms.
 */

/** 行首禁则: never at the start of a line. */
export const NO_START = new Set(
  [
    ...'。，、；：？！',
    ...'”’』」',
    ...'）〕】〗］｝',
    ...'》〉',
    '\u2013', '\u2014', '～',
    '·', '／', '/',
    ...'%‰℃°′″',
    ...',.:;?!)]}',
    ...'…', '\u22EF',
    ...'ー々〻ゝゞヽヾ',
  ].map((c) => c.codePointAt(0)!),
);

/** 行尾禁则: never at the end of a line. */
export const NO_END = new Set(
  [...'“‘『「', ...'（〔【〖［｛', ...'《〈', '／', '/', ...'￥¥$£', ...'([{'].map((c) => c.codePointAt(0)!),
);

/** Full-width marks whose glyph sits in the left half: the right half is blank and removable. */
export const RIGHT_BLANK = new Set([...'。，、；：”’』」）〕】〗］｝》〉'].map((c) => c.codePointAt(0)!));
/** Opening marks: blank on the left. */
export const LEFT_BLANK = new Set([...'“‘『「（〔【〖［｛《〈'].map((c) => c.codePointAt(0)!));
/** Marks compressible in mid-line (clreq step 5); 。？！ are left alone. */
export const MID_SHRINK = new Set([...'，、；：'].map((c) => c.codePointAt(0)!));
/** 点号: no Han–Latin gap is added next to them. */
export const CJK_PUNCT = new Set([...'。，、；：？！…—～·“”‘’『』「」（）〔〕【】〖〗《》〈〉／'].map((c) => c.codePointAt(0)!));
/** Quotes whose East-Asian width is ambiguous: they must come from a face that sets them 1 em wide. */
export const FULL_WIDTH_REQUIRED = new Set([...'“”‘’—…'].map((c) => c.codePointAt(0)!));

/** Units that never split: —— (2-em dash), …… and ⋯⋯ (ellipsis). */
export function isPairedMark(cp: number): boolean {
  return cp === 0x2014 || cp === 0x2026 || cp === 0x22ef || cp === 0x2e3a;
}

export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    cp === 0x3007
  );
}

/** Characters set in the CJK face (Han, CJK punctuation, full-width forms). */
export function isCjk(cp: number): boolean {
  return (
    isHan(cp) ||
    CJK_PUNCT.has(cp) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x2460 && cp <= 0x24ff) || // ①
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x31c0 && cp <= 0x31ef) ||
    cp === 0x2026 ||
    cp === 0x22ef ||
    cp === 0x2014 ||
    cp === 0x2e3a ||
    cp === 0x00d7 ||
    cp === 0x2236 ||
    cp === 0x203b ||
    cp === 0x2605 ||
    cp === 0x2606 ||
    cp === 0x25cf ||
    cp === 0x25cb ||
    cp === 0x25a0 ||
    cp === 0x25a1
  );
}

/** Letters and digits that get the ¼-em gap next to Han. */
export function isAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f);
}

export function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0xa0 || cp === 0x09;
}

/** Half-width , ; : ! ? kept in Chinese copy: a quarter em follows them before Han. */
export const HALF_WIDTH_STOPS = new Set([...',;:!?'].map((c) => c.codePointAt(0)!));

/** Bits of charClass(): every test the line breaker asks of one character, answered at once. */
export const C_NO_START = 1;
export const C_NO_END = 2;
export const C_RIGHT_BLANK = 4;
export const C_LEFT_BLANK = 8;
export const C_MID_SHRINK = 16;
export const C_CJK_PUNCT = 32;
export const C_HAN = 64;
export const C_ALNUM = 128;
export const C_CJK = 256;
export const C_PAIRED = 512;
export const C_HALF_STOP = 1024;
export const C_SPACE = 2048;
const C_KNOWN = 1 << 15;

function classOf(cp: number): number {
  return (
    (NO_START.has(cp) ? C_NO_START : 0) |
    (NO_END.has(cp) ? C_NO_END : 0) |
    (RIGHT_BLANK.has(cp) ? C_RIGHT_BLANK : 0) |
    (LEFT_BLANK.has(cp) ? C_LEFT_BLANK : 0) |
    (MID_SHRINK.has(cp) ? C_MID_SHRINK : 0) |
    (CJK_PUNCT.has(cp) ? C_CJK_PUNCT : 0) |
    (isHan(cp) ? C_HAN : 0) |
    (isAlnum(cp) ? C_ALNUM : 0) |
    (isCjk(cp) ? C_CJK : 0) |
    (isPairedMark(cp) ? C_PAIRED : 0) |
    (HALF_WIDTH_STOPS.has(cp) ? C_HALF_STOP : 0) |
    (isSpace(cp) ? C_SPACE : 0)
  );
}

/** The BMP's classes, filled as characters are first met (64 KB, one lookup per glyph instead of a dozen set probes). */
const bmpClasses = new Uint16Array(0x10000);

/** The C_* bits of a code point. */
export function charClass(cp: number): number {
  if (cp > 0xffff) return classOf(cp);
  let c = bmpClasses[cp]!;
  if (c === 0) bmpClasses[cp] = c = classOf(cp) | C_KNOWN;
  return c;
}
