/** The GB/T 9704 document grid of the DOCX notice (22 lines × 28 characters) in Word's units. */
import type { Template } from '../../templates/schema.js';
import type { StyleBook } from './styleBook.js';
import { twips } from './xml.js';

/** The document grid: the body's line pitch and, for 28 characters a line, Word's char pitch = default size + charSpace/4096 pt. */
export function noticeGridValues(book: StyleBook, template: Template, textWidthPt: number): { linePitch: number; charSpace: number } {
  const body = book.get('normal').style;
  const chars = template.page.gridChars ?? 28;
  return { linePitch: twips(body.lineHeight), charSpace: Math.round((textWidthPt / chars - body.size) * 4096) };
}
