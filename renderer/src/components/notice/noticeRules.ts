/** GB/T 9704-2012 field rules the notice form enforces as the user types. Pure. */

/** 发文字号: the year goes in 〔〕, whatever brackets were typed ("鲁民函[2021]11号" → "鲁民函〔2021〕11号"). */
export function normalizeDocNumber(value: string): string {
  return value.replace(/[[【（(［〔﹝]\s*((?:19|20|21)\d{2})\s*[\]】）)］〕﹞]/gu, '〔$1〕').replace(/\s+/g, '');
}

/** 成文日期 in Arabic numerals without zero padding: "2021-03-05" → "2021年3月5日". */
export function formatNoticeDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso ?? '');
  if (!m) return '';
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Accepts "2021年3月5日", "2021.3.5", "2021/03/05" or ISO; returns ISO or null. */
export function parseNoticeDate(value: string): string | null {
  const m = /^\s*(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?\s*$/u.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
