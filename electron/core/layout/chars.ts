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
