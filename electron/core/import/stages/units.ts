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
const UNIT_LINE = /^(?:[◉●◎]\s*|(?:供稿|供稿单位|来源|信息来源|申报单位|报送单位|上报单位|推荐单位|创新单位|实施单位|投稿单位|撰稿单位)\s*[:：]\s*)(\S[^:：]{1,40})$/u;
/** A speaker's line under a feature's head: "某市民政局局长张三", "某省民政厅党组书记、厅长李四". */
const SPEAKER_LINE = /^([\u4e00-\u9fa5（）()]{2,30}?(?:民政局|民政厅|局|厅|委员会|政府|办事处))(?:党组书记|党委书记|[、，,\s])*(?:副?(?:局长|厅长|主任|书记|区长|县长|市长|镇长|部长))[\s·]*[\u4e00-\u9fa5·]{2,4}$/u;
/** An organ alone on the line under the title: a place, then the kind of body. */
const BARE_ORGAN = /^[\u4e00-\u9fa5（）()·]{1,26}(?:省|市|县|区|州|盟|旗|镇|乡|街道)[\u4e00-\u9fa5（）()·]{0,12}(?:民政局|民政厅|局|厅|政府|办事处|委员会|中心|院)$/u;
/** An organ opening a case's sentence as its subject: "某市民政局在…", "某区民政局聚焦…". */
const SUBJECT_ORGAN = /^(?:(?:本报讯|本网讯|[\u4e00-\u9fa5]{2,8}[0-9０-９]{1,2}月[0-9０-９]{1,2}日[电讯])?\s*(?:[(（][^()（）]{0,30}[)）])?\s*)(?:近年来|近期|近日|日前|今年以来|[0-9０-９]{4}年(?:以来)?)?[,，]?\s*([\u4e00-\u9fa5]{2,20}?(?:省|市|县|区|州|旗)[\u4e00-\u9fa5]{0,12}?民政(?:局|厅))(?=在|以|通过|坚持|聚焦|围绕|立足|积极|大力|深入|创新|探索|着力|紧扣|持续|始终|不断|把|将|针对|按照|结合|主动|全面|率先|牢固|切实|推出|推行|开展|实施|出台|建立|打造|启动|[,，])/u;

/** A title with an organ dashed or bracketed after it: the bare title and the unit. */
export function unitAfterTitle(title: string): { title: string; unit: string } | null {
  const m = AFTER_TITLE.exec(title);
  if (!m || !ORGAN.test(m[2]!) || m[1]!.length < 4) return null;
  return { title: m[1]!.trim(), unit: m[2]! };
}

/**
 * A unit line among the first lines of a case, or a labelled one (上报单位：…) at its foot:
 * its index and the unit. A speaker's line ("某市民政局局长张三") or an organ alone under the
 * title name the unit too; the speaker's line stays in the text (it says who speaks).
 */
export function unitLine(lines: SourceLine[]): { at: number; unit: string; keep?: boolean } | null {
  const head = Math.min(lines.length, 3);
  for (let i = 0; i < head; i++) {
    const text = lines[i]!.text.trim();
    const m = UNIT_LINE.exec(text);
    if (m && ORGAN.test(m[1]!.trim())) return { at: i, unit: m[1]!.trim() };
    const speaker = SPEAKER_LINE.exec(text);
    if (speaker && text.length <= 36) return { at: i, unit: speaker[1]!, keep: true };
    if (i < 2 && text.length <= 30 && BARE_ORGAN.test(text) && isOrgan(text)) return { at: i, unit: text };
  }
  for (let i = Math.max(head, lines.length - 3); i < lines.length; i++) {
    const m = UNIT_LINE.exec(lines[i]!.text.trim());
    // Only a labelled line at the foot: a bare 来源 there is the page's, not the unit.
    if (m && !/^(?:来源|信息来源)/u.test(lines[i]!.text.trim()) && ORGAN.test(m[1]!.trim())) return { at: i, unit: m[1]!.trim() };
  }
  return null;
}

/** The organ that entered the work for the award: "某区民政局申报的…项目". */
const APPLICANT_ORGAN = /([\u4e00-\u9fa5]{2,20}?(?:省|市|县|区|州|旗)[\u4e00-\u9fa5]{0,12}?(?:民政局|民政厅))(?:申报|报送|选送|推荐)的/u;

/** The organ a case's opening sentences have as their subject ("某市民政局聚焦…") or name as the applicant, if any. */
export function unitFromOpening(paragraphs: string[]): string | null {
  for (const p of paragraphs.slice(0, 2)) {
    const m = SUBJECT_ORGAN.exec(p.trim()) ?? APPLICANT_ORGAN.exec(p);
    if (m) return m[1]!;
  }
  return null;
}

export function isOrgan(text: string | null | undefined): boolean {
  // "民政部网站" is a website, not the organ that did the work.
  return Boolean(text && ORGAN.test(text) && !/网站$|网$/u.test(text));
}
