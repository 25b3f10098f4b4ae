/**
 * Word and WPS documents: mammoth turns styles into HTML structure (Heading 1 → h1, bold →
 * strong, images → data URIs), and the HTML reader does the rest, so a DOCX reads like the
 * same draft as a web page. The archive is checked for zip bombs before mammoth inflates it.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ImportFailure } from '../../model/imported.js';
import type { ReadResult } from '../lines.js';
import { readHtml } from './html.js';
import { checkZip, corrupt, verifyInflatedSizes, type ZipLimits, DEFAULT_ZIP_LIMITS } from './zipguard.js';

/** WPS and older Word files name their headings in Chinese or as "heading N" in lower case. */
const STYLE_MAP = [
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='heading 1'] => h1:fresh",
  "p[style-name='heading 2'] => h2:fresh",
  "p[style-name='heading 3'] => h3:fresh",
  "p[style-name='heading 4'] => h4:fresh",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

export async function readDocx(file: string, bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ReadResult> {
  const entries = checkZip(file, bytes, limits);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportFailure(file, `“${file}”不是 Word 文档（压缩包中没有 word/document.xml）。 ${file} is a zip archive but not a Word document.`);
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    throw corrupt(file);
  }
  await verifyInflatedSizes(file, zip as never, entries, limits);
  let html: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, includeDefaultStyleMap: true });
    html = result.value;
    for (const m of result.messages) if (m.type === 'error') warnings.push(m.message);
  } catch (error) {
    throw new ImportFailure(file, `“${file}”无法读取：${(error as Error).message}。 ${file} could not be read as a Word document.`);
  }
  const read = readHtml(html, 'docx');
  read.warnings.push(...warnings);
  return read;
}
