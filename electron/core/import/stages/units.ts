/**
 * The innovating unit of a case where drafts print it outside a form: a bracketed or dashed
 * organ after the title ("强国复兴有我·典型风采展播 ——许昌市民政局", "…新模式（某区民政局）"),
 * a ◉-marked or labelled line under the title ("◉某省民政厅", "供稿：某市民政局",
 * "申报单位：…"), or the page's 来源 when it names an organ. The unit also gives the region
 * where the text does not (index.ts resolves it).
 */
import type { SourceLine } from '../lines.js';

/** Organ names: a place or body, then the kind of organ. */
export const ORGAN = /^[\u4e00-\u9fa5（）()·]{2,30}(?:民政局|民政厅|民政部|局|厅|委员会|委|办公室|办|政府|中心|院|馆|站|所|协会|联合会|街道办事处|街道|社区|社会保障局|服务中心|福利院|殡仪馆|救助站)$/u;
const AFTER_TITLE = /^(.+?)\s*(?:——|--|—|[（(])\s*([\u4e00-\u9fa5（）()·]{3,30}?)\s*[)）]?\s*$/u;
const UNIT_LINE = /^(?:[◉●◎]\s*|(?:供稿|供稿单位|来源|信息来源|申报单位|报送单位|推荐单位|创新单位|实施单位)\s*[:：]\s*)(\S[^:：]{1,40})$/u;

/** A title with an organ dashed or bracketed after it: the bare title and the unit. */
export function unitAfterTitle(title: string): { title: string; unit: string } | null {
  const m = AFTER_TITLE.exec(title);
  if (!m || !ORGAN.test(m[2]!) || m[1]!.length < 4) return null;
  return { title: m[1]!.trim(), unit: m[2]! };
}

/** A unit line among the first lines of a case: its index and the unit. */
export function unitLine(lines: SourceLine[]): { at: number; unit: string } | null {
  for (let i = 0; i < Math.min(lines.length, 3); i++) {
    const m = UNIT_LINE.exec(lines[i]!.text);
    if (m && ORGAN.test(m[1]!.trim())) return { at: i, unit: m[1]!.trim() };
  }
  return null;
}

export function isOrgan(text: string | null | undefined): boolean {
  // "民政部网站" is a website, not the organ that did the work.
  return Boolean(text && ORGAN.test(text) && !/网站$|网$/u.test(text));
}
