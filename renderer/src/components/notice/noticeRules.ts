/** GB/T 9704-2012 field rules the notice form enforces as the user types. Pure. */
import { chineseDate, parseChineseDate } from '../../../../electron/core/model/dates.js';

/** 发文字号: the year goes in 〔〕, whatever brackets were typed ("鲁民函[2021]11号" → "鲁民函〔2021〕11号"). */
export function normalizeDocNumber(value: string): string {
  return value.replace(/[[【（(［〔﹝]\s*((?:19|20|21)\d{2})\s*[\]】）)］〕﹞]/gu, '〔$1〕').replace(/\s+/g, '');
}

/** 成文日期: the core's one formatter ("2021-03-05" → "2021年3月5日"), empty for no date. */
export const formatNoticeDate = (iso: string | null | undefined): string => chineseDate(iso) ?? '';

export { parseChineseDate as parseNoticeDate };
