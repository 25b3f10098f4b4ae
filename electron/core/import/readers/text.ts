/**
 * Plain-text drafts in whatever encoding the office machine saved them: UTF-8, UTF-16 with a
 * BOM, GB18030/GBK or Big5. The encoding is detected, and the decode is checked: a result with
 * replacement characters, NULs or control characters means the guess (or the file) is wrong.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportFailure } from '../../model/imported.js';
import { textLines, type ReadResult } from '../lines.js';

/** Share of suspicious characters above which a decode is rejected. */
const MAX_BAD_SHARE = 0.002;

function badCharacters(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c === 0) bad++;
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) bad++;
    else if (c >= 0x7f && c < 0xa0) bad++;
  }
  return bad;
}

function acceptable(text: string): boolean {
  if (text.length === 0) return true;
  return badCharacters(text) <= Math.max(0, Math.floor(text.length * MAX_BAD_SHARE));
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'UTF-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16LE', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', skip: 2 };
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface Decoded {
  text: string;
  encoding: string;
  /** Characters that could not be decoded (now U+FFFD): a damaged or cut-off file. */
  damaged: number;
}

/** Share of undecodable characters tolerated in text that otherwise reads as Chinese (a cut or damaged file). */
const MAX_DAMAGE_SHARE = 0.02;

function replacements(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) n++;
  return n;
}

/** Decodes a text file's bytes; throws ImportFailure when they are not text in any supported encoding. */
export function decodeText(file: string, bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomEncoding(bytes);
  if (bom) {
    const body = buffer.subarray(bom.skip);
    const text = bom.encoding === 'UTF-8' ? new TextDecoder('utf-8').decode(body) : iconv.decode(body, bom.encoding);
    if (acceptable(text) || readsAsDamagedChinese(text)) return { text, encoding: bom.encoding, damaged: replacements(text) };
    throw notText(file);
  }
  // Valid UTF-8 is the common case and cannot be mistaken: try it strictly first.
  try {
    const text = utf8.decode(bytes);
    // Valid UTF-8 full of NULs and control characters is binary data, not a draft.
    if (acceptable(text)) return { text, encoding: 'UTF-8', damaged: 0 };
    throw notText(file);
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const text = iconv.decode(buffer, utf16);
    if (acceptable(text)) return { text, encoding: utf16, damaged: 0 };
  }
  // GB18030 and Big5 both accept almost any byte pairs, and UTF-8 with a few damaged bytes is
  // still UTF-8: the decoding that reads as ordinary Chinese (common characters) wins.
  let best: { text: string; encoding: string; bad: number; common: number } | null = null;
  const decodings: Array<[string, () => string]> = [
    ['GB18030', () => iconv.decode(buffer, 'GB18030')],
    // iconv-lite rather than TextDecoder: WHATWG's big5 drops characters of the cp950 extensions (〇).
    ['Big5', () => iconv.decode(buffer, 'Big5')],
    ['UTF-8', () => new TextDecoder('utf-8').decode(bytes)],
  ];
  for (const [encoding, decode] of decodings) {
    const text = decode();
    const bad = badCharacters(text);
    if (bad > text.length * MAX_DAMAGE_SHARE) continue;
    const common = commonShare(text);
    if (!best || common > best.common + 0.02 || (Math.abs(common - best.common) <= 0.02 && bad < best.bad)) best = { text, encoding, bad, common };
  }
  if (best && best.common > 0.15) return { text: best.text, encoding: best.encoding, damaged: replacements(best.text) };
  // Anything else: ask chardet (slower), then take the cleanest decode.
  best = null;
  for (const d of chardet.analyse(bytes).slice(0, 3)) {
    const encoding = normaliseName(d.name);
    if (!encoding || !iconv.encodingExists(encoding) || encoding.startsWith('UTF-16')) continue;
    const text = iconv.decode(buffer, encoding);
    const bad = badCharacters(text);
    if (!best || bad < best.bad) best = { text, encoding, bad, common: commonShare(text) };
  }
  if (best && acceptable(best.text) && (best.common > 0 || countHan(best.text) === 0)) return { text: best.text, encoding: best.encoding, damaged: 0 };
  throw notText(file);
}

function readsAsDamagedChinese(text: string): boolean {
  return badCharacters(text) <= text.length * MAX_DAMAGE_SHARE && commonShare(text) > 0.15;
}

/** The warning a damaged decode earns in the import preview. */
export function damageWarning(file: string, damaged: number): string[] {
  if (damaged === 0) return [];
  return [`“${file}”中有 ${damaged} 处字符已损坏，无法识别（显示为 �），请核对原文。 ${damaged} characters of ${file} could not be decoded (shown as �).`];
}

/**
 * Frequent characters of Chinese prose and of 民政 texts, simplified and traditional: a correct
 * decode has many of them, a wrong one (Big5 read as GBK or the reverse) almost none.
 */
const COMMON = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质务京门相科色志身战听音影代包步单委整准广感治商济片备深集至须院县约护村社团组职协福救助养儿童'
    + '這個們來為國說時會對動過種後與關發經實現當進還點從兩學問機間體變頭長開區團職協廣務養兒處員爾',
);

function commonShare(text: string): number {
  let han = 0;
  let common = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    if (COMMON.has(ch)) common++;
  }
  return han === 0 ? 0 : common / han;
}

const HAN = /\p{Script=Han}/gu;

function countHan(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

/**
 * UTF-16 without a BOM: one byte of each pair (the high byte) stays in a narrow band — 0x4E–0x9F
 * for Han, 0x00 for ASCII, 0x20/0x30/0xFF for punctuation — while the other varies freely.
 * GBK, Big5 and UTF-8 never look like that.
 */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  if (bytes.length < 8 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, 8192);
  const narrow = (b: number) => (b >= 0x4e && b <= 0x9f) || b === 0x00 || b === 0x20 || b === 0x30 || b === 0xff;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (!narrow(bytes[i]!)) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.9 && even < pairs * 0.7) return 'UTF-16LE';
  if (even >= pairs * 0.9 && odd < pairs * 0.7) return 'UTF-16BE';
  return null;
}

function normaliseName(name: string): string | null {
  const n = name.toUpperCase();
  if (n === 'GB18030' || n === 'GBK' || n === 'GB2312' || n === 'EUC-CN') return 'GB18030';
  if (n === 'BIG5' || n === 'BIG-5') return 'Big5';
  if (n === 'UTF-16LE' || n === 'UTF-16BE' || n === 'UTF-8') return n;
  if (n.startsWith('ISO-8859') || n.startsWith('WINDOWS-')) return null;
  return null;
}


export function notText(file: string): ImportFailure {
  return new ImportFailure(file, `“${file}”不是可读的文本文件（含有二进制内容或无法识别的编码）。 ${file} is not a text file.`);
}

export function readText(file: string, bytes: Uint8Array): ReadResult {
  const { text, encoding, damaged } = decodeText(file, bytes);
  return { format: 'txt', encoding, lines: textLines(text), warnings: damageWarning(file, damaged) };
}
