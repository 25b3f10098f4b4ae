/**
 * A page's byline over a reposted document: "【 字体: 稿件来源: 某市民政局 作者: 时间:2021-09-23 11:10:16",
 * "来源：某县人民政府 | 发布时间：2023-05-06". The cleaner drops such a line as page furniture (a font
 * widget opens it), yet its source names the organ that posted the notice and its time the posting
 * date, which a notice copied without its 署名 or information table has nowhere else.
 */
import type { SourceLine } from '../lines.js';
import { findDate } from './dates.js';

export interface Byline {
  /** What the 来源 label names (a bureau, or a website), as printed. */
  source: string | null;
  /** The posting date, ISO. */
  date: string | null;
}

const SOURCE_LABEL = /(?:^|[\s|｜丨【[])(?:稿件|信息|文章|新闻|内容)?来源\s*[:：]\s*([^\s:：|｜丨\]】]{2,30})/u;
const TIME_LABEL = /(?:^|[\s|｜丨【[])(?:发布|发表|更新)?(?:时间|日期)\s*[:：]\s*([0-9０-９]{4}\s*[-年/.]\s*[0-9０-９]{1,2}\s*[-月/.]\s*[0-9０-９]{1,2})/u;
/** The other labels a byline carries beside source and time: more of them, more surely a byline. */
const OTHER_LABEL = /(?:字体|字号|作者|编辑|责任编辑|浏览(?:次数)?|阅读(?:次数)?|点击(?:数|量)?)\s*[:：]/u;

/**
 * The byline in the head of the copy, above its first paragraph (and within its first `within`
 * lines, however long the head): a short line without sentences holding a source label and a time
 * label, or one of them with another byline label (字体, 作者, 浏览…).
 */
export function readByline(lines: SourceLine[], within = 40): Byline | null {
  // (A head may print its time and its source on byline lines of their own: the first of each is read.)
  let found = null as Byline | null;
  for (let i = 0; i < Math.min(lines.length, within); i++) {
    const text = lines[i]!.text;
    // (The page's byline stands over the text: a paragraph ends the head.)
    if (/[。！？]/u.test(text) && text.length >= 30) break;
    if (!text || text.length > 120 || /[。！？]/u.test(text)) continue;
    const source = SOURCE_LABEL.exec(text);
    const time = TIME_LABEL.exec(text);
    if (!source && !time) continue;
    if (!(source && time) && !OTHER_LABEL.test(text)) continue;
    found = { source: found?.source ?? (source ? source[1]! : null), date: found?.date ?? (time ? findDate(time[1]!) : null) };
    if (found.source && found.date) break;
  }
  return found;
}

/**
 * A page may print its source under the text instead ("来源: 某报", "来源：河南省民政厅网站" in the last
 * lines of the copy, alone on a line, under a sentence of text); a repost compiled from it says so first
 * ("来源:综合某局").
 */
const CLOSING_SOURCE = /^(?:稿件|信息|文章|新闻|内容)?来源\s*[:：]\s*(?:综合\s*)?([^\s:：|｜丨]{2,30})$/u;
export function closingSource(lines: SourceLine[], within = 6): string | null {
  for (let i = lines.length - 1, seen = 0; i > 0 && seen < within; i--) {
    const text = lines[i]!.text.trim();
    if (!text) continue;
    seen++;
    const m = CLOSING_SOURCE.exec(text);
    if (m) return lines.slice(0, i).some((l) => /[。！？]/u.test(l.text)) ? m[1]! : null;
  }
  return null;
}
