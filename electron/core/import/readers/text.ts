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

/** Decodes a text file's bytes; throws ImportFailure when they are not text in any supported encoding. */
export function decodeText(file: string, bytes: Uint8Array): { text: string; encoding: string } {
  const bom = bomEncoding(bytes);
  if (bom) {
    const body = bytes.subarray(bom.skip);
    const text = bom.encoding === 'UTF-8' ? new TextDecoder('utf-8').decode(body) : iconv.decode(Buffer.from(body), bom.encoding);
    if (acceptable(text)) return { text, encoding: bom.encoding };
    throw notText(file);
  }
  // Valid UTF-8 is the common case and cannot be mistaken: try it strictly first.
  try {
    const text = utf8.decode(bytes);
    if (acceptable(text)) return { text, encoding: 'UTF-8' };
    throw notText(file);
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
  }
  const candidates: string[] = [];
  // UTF-16 without a BOM shows itself by NUL bytes on one side of each pair (ASCII and newlines).
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) candidates.push(utf16);
  const detected = chardet.analyse(bytes);
  for (const d of detected.slice(0, 4)) candidates.push(d.name);
  // Chinese offices: GB18030 first, Big5 second, whatever chardet says in between.
  for (const fallback of ['GB18030', 'Big5']) if (!candidates.includes(fallback)) candidates.push(fallback);
  let best: { text: string; encoding: string; bad: number; han: number } | null = null;
  for (const name of candidates) {
    const encoding = normaliseName(name);
    if (!encoding || !iconv.encodingExists(encoding)) continue;
    if (encoding.startsWith('UTF-16') && encoding !== utf16) continue;
    const text = iconv.decode(Buffer.from(bytes), encoding);
    const bad = badCharacters(text);
    const han = countHan(text);
    if (!best || bad < best.bad || (bad === best.bad && han > best.han)) best = { text, encoding: displayName(encoding), bad, han };
    if (bad === 0 && han > 0 && (encoding === 'GB18030' || encoding === 'Big5')) break;
  }
  if (best && acceptable(best.text)) return { text: best.text, encoding: best.encoding };
  throw notText(file);
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

function displayName(encoding: string): string {
  return encoding;
}

export function notText(file: string): ImportFailure {
  return new ImportFailure(file, `“${file}”不是可读的文本文件（含有二进制内容或无法识别的编码）。 ${file} is not a text file.`);
}

export function readText(file: string, bytes: Uint8Array): ReadResult {
  const { text, encoding } = decodeText(file, bytes);
  return { format: 'txt', encoding, lines: textLines(text), warnings: [] };
}
