/**
 * The innovating unit of a case where drafts print it outside a form: a bracketed or dashed
 * organ after the title ("强国复兴有我·典型风采展播 ——许昌市民政局", "…新模式（某区民政局）"),
 * a ◉-marked or labelled line under the title ("◉某省民政厅", "供稿：某市民政局",
 * "申报单位：…"), or the page's 来源 when it names an organ. The unit also gives the region
 * where the text does not (index.ts resolves it).
 */
import type { SourceLine } from '../lines.js';
import { findMentions } from '../../regions/index.js';

/** Organ names: a place or body, then the kind of organ. */
export const ORGAN = /^[\u4e00-\u9fa5（）()·]{2,30}(?:民政局|民政厅|民政部|局|厅|委员会|委|办公室|办|政府|中心|院|馆|站|所|协会|联合会|街道办事处|街道|社区|社会保障局|服务中心|福利院|殡仪馆|救助站)$/u;
const AFTER_TITLE = /^(.+?)\s*(?:——|--|—|[（(])\s*([\u4e00-\u9fa5（）()·]{3,30}?)\s*[)）]?\s*$/u;
// A table-cell bar copied after the value ("上报单位:包河区民政局 |") is no part of it.
const UNIT_LINE = /^(?:[◉●◎]\s*|(?:供稿|供稿单位|来源|信息来源|申报单位|报送单位|上报单位|推荐单位|创新单位|实施单位|投稿单位|撰稿单位)\s*[:：]\s*)(\S[^:：|｜]{1,40}?)\s*[|｜]?\s*$/u;
/**
 * A unit label among the cells of a metadata row, its value after a colon or only spaces
 * ("来源 灵武市民政局 解读单位 灵武市民政局"). Only labels that name the unit count: a 来源 is the page's.
 */
const UNIT_CELL = /(?:^|[\s|｜])(?:供稿单位|申报单位|报送单位|上报单位|推荐单位|创新单位|实施单位|投稿单位|撰稿单位|解读单位|起草单位)\s*[:：]?\s*([\u4e00-\u9fa5（）()·]{3,30}?)(?=$|[\s|｜])/u;
/** A dashed subtitle naming the body whose work it reports: "——某县某镇退役军人服务站工作纪实", "——某街道的实践". */
const DASHED_SUBTITLE = /^(?:——|--|—)\s*([\u4e00-\u9fa5（）()·]{3,30}?)(?:工作纪实|工作侧记|纪实|侧记|的实践与探索|的探索与实践|的实践|的探索|实践|探索|的做法|做法|经验|的故事|风采)$/u;
/** A speaker's line under a feature's head: "某市民政局局长张三", "某省民政厅党组书记、厅长李四". */
const SPEAKER_LINE = /^([\u4e00-\u9fa5（）()]{2,30}?(?:民政局|民政厅|局|厅|委员会|政府|办事处))(?:党组书记|党委书记|[、，,\s])*(?:副?(?:局长|厅长|主任|书记|区长|县长|市长|镇长|部长))[\s·]*[\u4e00-\u9fa5·]{2,4}$/u;
/** An organ alone on the line under the title: a place, then the kind of body. */
const BARE_ORGAN = /^[\u4e00-\u9fa5（）()·]{1,26}(?:省|市|县|区|州|盟|旗|镇|乡|街道)[\u4e00-\u9fa5（）()·]{0,12}(?:民政局|民政厅|局|厅|政府|办事处|委员会|中心|院)$/u;
/** The bodies whose own work a case reports: a 民政 bureau or department, or (优抚安置) a veterans' affairs one. */
const WORKING_ORGAN = String.raw`[\u4e00-\u9fa5]{2,20}?(?:省|市|县|区|州|旗|盟)[\u4e00-\u9fa5]{0,12}?(?:民政|退役军人事务)(?:局|厅)`;
/**
 * What may come before a sentence's subject: an outlet's dateline ("本报讯", "某某网4月4日讯",
 * "中国报道讯"), a bracketed reporter, a purpose clause ("为探索…，"), a time ("2025年8月20日",
 * "近年来", "今年以来"), each with or without its comma.
 */
const SENTENCE_LEAD = String.raw`(?:(?:本报讯|本网讯|[\u4e00-\u9fa5]{2,8}?(?:[0-9０-９]{1,2}月[0-9０-９]{1,2}日)?[电讯])\s*)?(?:[(（][^()（）]{0,30}[)）]\s*)?(?:为[^。；;！？!?]{2,90}?[,，]\s*)?(?:(?:近年来|近期|近日|日前|今年以来|[0-9０-９]{4}年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?(?:以来)?|[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?(?:以来)?)[,，]?\s*)?`;
/**
 * An organ opening a case's sentence as its subject: "某市民政局在…", "某区民政局聚焦…",
 * "2025年8月20日，某县民政局联合…". A subject is followed by what it does, not by a word that
 * makes the organ a modifier or one of several (局长某某, 的, 、, 和, 相关负责人).
 */
const SUBJECT_ORGAN = new RegExp(
  String.raw`^${SENTENCE_LEAD}(${WORKING_ORGAN})(?![\u4e00-\u9fa5]{0,2}(?:局长|厅长|主任|书记|负责人|工作人员|干部|党组|机关|所属|下属|官网|网站|公众号)|(?:婚姻登记|救助管理|儿童福利|社会福利)?(?:处|站|院|中心)|[\u4e00-\u9fa5]{2,6}(?:科|股|处|办公室)|的|和|与|及|、|等|[(（])(?=[\u4e00-\u9fa5，,])`,
  'u',
);

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
    if (m && isOrgan(m[1]!.trim())) return { at: i, unit: m[1]!.trim() };
    // A row of metadata cells stays in the text (its other cells are not the unit's to drop).
    const cell = UNIT_CELL.exec(text);
    if (cell && isOrgan(cell[1]!)) return { at: i, unit: cell[1]!, keep: true };
    // The subtitle stays: it is the title's second half.
    const dashed = DASHED_SUBTITLE.exec(text);
    if (dashed && isOrgan(dashed[1]!)) return { at: i, unit: dashed[1]!, keep: true };
    const speaker = SPEAKER_LINE.exec(text);
    if (speaker && text.length <= 36) return { at: i, unit: speaker[1]!, keep: true };
    if (i < 2 && text.length <= 30 && BARE_ORGAN.test(text) && isOrgan(text)) return { at: i, unit: text };
  }
  for (let i = Math.max(head, lines.length - 3); i < lines.length; i++) {
    const m = UNIT_LINE.exec(lines[i]!.text.trim());
    // Only a labelled line at the foot: a bare 来源 there is the page's, not the unit.
    if (m && !/^(?:来源|信息来源)/u.test(lines[i]!.text.trim()) && isOrgan(m[1]!.trim())) return { at: i, unit: m[1]!.trim() };
  }
  return null;
}

/** The organ that entered the work for the award: "某区民政局申报的…项目". */
const APPLICANT_ORGAN = new RegExp(String.raw`(${WORKING_ORGAN})(?:申报|报送|选送|推荐)的`, 'u');

/**
 * How far into a case its subject organ may first open a paragraph: a page's own lead or a series
 * label can come first ("社会救助领域优秀创新实践案例介绍(一)", a paragraph on the problem), and the
 * bureau then opens the account of what it did.
 */
const OPENING_PARAGRAPHS = 4;

/** The organ a case's opening sentences have as their subject ("某市民政局聚焦…") or name as the applicant, if any. */
export function unitFromOpening(paragraphs: string[]): string | null {
  // Labels between paragraphs (a series label, a short heading) do not count as paragraphs read.
  const read = paragraphs.filter((p) => p.length >= 30 || /[。！？]/u.test(p)).slice(0, OPENING_PARAGRAPHS);
  for (const p of read) {
    const m = SUBJECT_ORGAN.exec(p.trim()) ?? APPLICANT_ORGAN.exec(p);
    // A unit's name begins with its place; words before it ("当天", "同时") are not part of it.
    if (m && findMentions(m[1]!)[0]?.start === 0) return withoutProvince(m[1]!);
  }
  return null;
}

/**
 * Prose names a county or city bureau with its province for readers elsewhere ("四川省开江县民政局");
 * the unit is the bureau's own name (开江县民政局). A province's own organs keep theirs.
 */
const PROVINCE_PREFIX = /^(?:[\u4e00-\u9fa5]{2,3}省|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区)(?=[\u4e00-\u9fa5]{2,}?(?:市|县|区|州|旗|盟))/u;

function withoutProvince(organ: string): string {
  return organ.replace(PROVINCE_PREFIX, '');
}

/**
 * "县民政局", "州退役军人事务局": an organ named relative to the page (its level word and its kind,
 * no place) says whose site it is, not which body; it names no unit.
 */
const RELATIVE_ORGAN = /^[省市县区州盟旗镇乡](?:民政|退役军人|人民政府|政府|委|办|财政|残联|妇联|团委|救助|社会|福利|殡|老龄|应急|卫健|教育|公安|司法)/u;

export function isOrgan(text: string | null | undefined): boolean {
  // "民政部网站" is a website, not the organ that did the work.
  return Boolean(text && ORGAN.test(text) && !/网站$|网$/u.test(text) && !RELATIVE_ORGAN.test(text));
}
