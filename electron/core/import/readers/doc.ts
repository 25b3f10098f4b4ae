/**
 * Legacy Word 97–2003 (.doc) files through word-extractor: text only (no styles), which the
 * stages treat like a plain-text draft.
 */
import { ImportFailure } from '../../model/imported.js';
import { textLines, type ReadResult } from '../lines.js';

export async function readDoc(file: string, bytes: Uint8Array): Promise<ReadResult> {
  // Loaded on first use, like mammoth: only an import of .doc files needs it.
  const { default: WordExtractor } = await import('word-extractor');
  const extractor = new WordExtractor();
  try {
    const doc = await extractor.extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode: false keeps curly quotes and dashes as the author typed them.
    const text = withoutWordMarks(doc.getBody({ filterUnicode: false }));
    return { format: 'doc', lines: textLines(text), warnings: [] };
  } catch (error) {
    throw new ImportFailure(file, `“${file}”无法作为 Word 97–2003 文档读取（${(error as Error).message}）。 ${file} could not be read as a .doc file.`);
  }
}

/** Word's in-text marks: vertical tab and page break end lines; other control characters are residue. */
function withoutWordMarks(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    if (c === 0x0b || c === 0x0c) out += '\n';
    else if (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) out += ch;
  }
  return out;
}
