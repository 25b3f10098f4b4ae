/** GB/T 9704 numbers the notice's writer needs, independent of how the document is built. */
import type { Template } from '../../../templates/schema.js';
import type { StyleBook } from '../styles.js';
import { twips } from '../xml.js';

/** 2021-02-03 → 2021年2月3日 (Arabic digits, no padding: §7.3.5.4). */
export function chineseDate(iso: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso ?? '');
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? null);
}

/** The document grid: the body's line pitch and, for 28 characters a line, Word's char pitch = default size + charSpace/4096 pt. */
export function noticeGridValues(book: StyleBook, template: Template, textWidthPt: number): { linePitch: number; charSpace: number } {
  const body = book.get('normal').style;
  const chars = template.page.gridChars ?? 28;
  return { linePitch: twips(body.lineHeight), charSpace: Math.round((textWidthPt / chars - body.size) * 4096) };
}
