/**
 * Word and WPS documents: mammoth turns styles into HTML structure (Heading 1 → h1, bold →
 * strong, images → data URIs), and the HTML reader does the rest, so a DOCX reads like the
 * same draft as a web page. The archive is checked for zip bombs before mammoth inflates it.
 */
import { ImportFailure } from '../../model/imported.js';
import type { ReadResult } from '../lines.js';
import { readHtml } from './html.js';
import { verifyInflatedSizes, type ZipLimits, DEFAULT_ZIP_LIMITS } from './zipguard.js';
import { openArchive } from './archive.js';
import { printNumbering } from './docxnumbering.js';

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
  const archive = await openArchive(file, bytes, limits);
  if (!archive.has('word/document.xml')) {
    throw new ImportFailure(file, `“${file}”不是 Word 文档（压缩包中没有 word/document.xml）。 ${file} is a zip archive but not a Word document.`);
  }
  let buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = archive.zip;
  // mammoth inflates every part itself: the streamed check runs first whenever the headers could lie past the limit.
  await verifyInflatedSizes(file, zip as never, archive.entries, limits);
  const numberingXml = archive.has('word/numbering.xml') ? await archive.text('word/numbering.xml') : null;
  const documentXml = numberingXml && /<w:num\b/u.test(numberingXml) ? ((await archive.text('word/document.xml')) ?? '') : '';
  const stylesXml = documentXml ? await archive.text('word/styles.xml') : null;
  // Numbering comes from a paragraph's own numPr or from its style's.
  if (numberingXml && documentXml && (documentXml.includes('<w:numPr') || stylesXml?.includes('<w:numPr'))) {
    const printed = printNumbering(documentXml, numberingXml, stylesXml);
    if (printed) {
      zip.file('word/document.xml', printed);
      buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    }
  }
  let html: string;
  const warnings: string[] = [];
  try {
    // Loaded on first use: ≈90 ms of start-up that no command but an import of Word files needs.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, includeDefaultStyleMap: true });
    html = result.value;
    for (const m of result.messages) if (m.type === 'error') warnings.push(m.message);
  } catch (error) {
    // The parser's own words (xmldom's "[line:undefined]") help nobody: say what to do instead.
    const detail = String((error as Error)?.message ?? '').split('\n')[0]!.replace(/\[?line:\S*\]?/g, '').slice(0, 120).trim();
    throw new ImportFailure(
      file,
      `“${file}”已损坏或不完整，无法作为 Word 文档读取；请用 Word 或 WPS 打开后另存为 .docx 再导入。 ${file} could not be read as a Word document${detail ? ` (${detail})` : ''}.`,
    );
  }
  const read = readHtml(html, 'docx');
  read.warnings.push(...warnings);
  return read;
}
