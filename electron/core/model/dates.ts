/**
 * 成文日期 as GB/T 9704 §7.3.5.4 prints it: Arabic numerals, year, month and day in full, no
 * zero padding ("2021-03-05" → "2021年3月5日"). One formatter for the PDF notice, the DOCX
 * notice and the renderer's notice form, so the three never print a date differently. Pure.
 */

/** ISO date → "2021年3月5日"; a value that is not an ISO date comes back as it was, empty → null. */
export function chineseDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** Accepts "2021年3月5日", "2021.3.5", "2021/03/05" or ISO; returns ISO or null. */
export function parseChineseDate(value: string): string | null {
  const m = /^\s*(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?\s*$/u.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
