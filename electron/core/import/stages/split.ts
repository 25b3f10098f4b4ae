/**
 * Stages 2 and 3: recognise what kind of draft this is and split a multi-case draft into its
 * cases. Case starts are found by their shape, not by position: a place label and a title on
 * one line ("济南 “泉社彤行”品牌…"), a place line followed by a title line, or a title block
 * (title, optional subtitle) right before a form's fields ("创新单位:"). Award group headings
 * ("拟入选优秀创新案例") set the award of the cases that follow them.
 */
import type { DraftKind } from '../../model/imported.js';
import type { SourceLine } from '../lines.js';
import { isCaption } from './captions.js';
import { isPlaceOnly, splitPlaceLabel } from './placelabel.js';
import type { CleanInfo } from './clean.js';
import { META_FIELD, SECTION_LABEL, SECTION_NAME } from './structure.js';
import { DEFAULT_CATEGORIES, GENERAL_CATEGORY } from '../../model/categories.js';
import { findMentions } from '../../regions/index.js';
import { awardFromText } from './lists.js';
import { NEWS_DATELINE } from './title.js';

/** Words that make a first line the title of a whole list or feature, not of a case. */
const COLLECTION_TITLE = /名单|公示|汇编|选登|选编|案例集|一览|目录|评选结果|入选|入围|案例展示|案例展播|典型案例|系列报道|品牌推介|经验推介|申报表|申报书|推荐表|汇总表|登记表/u;

/** A page title that announces a list of awarded or selected cases. */
const LIST_TITLE = /名单|十大|十佳|百佳|入选|揭晓|评选结果|获奖|出炉/u;

export const AWARD_GROUP =
  /^(?:拟|建议)?(?:入选|入围|推荐|确定|评为|评选为)?[\u4e00-\u9fa5]{0,10}?(?:优秀|入围|入选|提名|优胜|[一二三特]等奖|金奖|银奖|铜奖|十佳)[\u4e00-\u9fa5]{0,10}(?:案例|奖|项目|名单|单位)$/u;
const NUMBERED_HEAD = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十0-9０-９]{1,3}\s*[)）]|[0-9０-９]{1,3}\s*[.．、](?![0-9０-９]))/u;
const SUBTITLE_DASH = /^(?:——|--|—)\s*\S/u;

/**
 * The subtitle a headline carries after its dash on the same line (主题——副题), or null: both halves
 * a phrase of four characters or more. A research title's scope ("——以雅安市民政工作为例", "——基于…的调查")
 * is the title's own words, no subtitle.
 */
function inlineSubtitle(title: string): string | null {
  const m = /^(.{4,}?)\s*(?:——|--)\s*([^—-]{4,})$/u.exec(title.trim());
  if (!m || /^(?:以|基于|对|关于)/u.test(m[2]!) || /[。！？]/u.test(m[2]!)) return null;
  return m[2]!.trim();
}
/** "【济南】“泉社彤行”品牌…" */
const BRACKET_LABEL = /^[【[［〔]\s*([^】\]］〕]{2,20}?)\s*[】\]］〕]\s*(\S.*)$/u;
/** "济南市：“泉社彤行”品牌…" — a case start only when the draft uses the form at least twice. */
const COLON_LABEL = /^([^:：\s]{2,16})\s*[:：]\s*(\S.*)$/u;
/** "案例一：…", "典型案例3 …", "案例1" on its own line. */
const CASE_NUMBER = /^(?:典型|创新|优秀)?案例\s*[一二三四五六七八九十百0-9０-９]{1,4}\s*(?:[:：、.．]\s*|\s+|$)(.*)$/u;
/** A compilation's part heading tagged with the case's number: "深化“放管服”改革篇(案例21)". */
const CASE_TAG = /^[^。！？]{0,40}?[（(]\s*(?:典型|创新|优秀)?案例\s*[一二三四五六七八九十百0-9０-９]{1,4}\s*[)）]$/u;

export interface CaseDraft {
  heading: string | null;
  title: string;
  subtitle: string | null;
  award: string | null;
  /** A taxonomy area named by a group heading above the case ("一、社会救助类"). */
  groupCategory: string | null;
  groupHeading: string | null;
  /** The unit printed with the case's head (a list item's "（某区民政局）"). */
  unit?: string | null;
  lines: SourceLine[];
}

export interface SplitResult {
  kind: DraftKind;
  title: string | null;
  subtitle: string | null;
  /** Lines between the draft's title and its first case (a feature's lead, a news intro). */
  lead: SourceLine[];
  cases: CaseDraft[];
}

const CATEGORY_NAMES = DEFAULT_CATEGORIES.filter((c) => c !== GENERAL_CATEGORY).join('|');
/** "一、社会救助类", "养老服务领域（5个）": a heading that files the cases after it under one area. */
const CATEGORY_GROUP = new RegExp(`^(${CATEGORY_NAMES})(?:类|领域|方面|工作)?(?:创新)?(?:案例)?$`, 'u');
const GROUP_COUNT = /\s*[（(]\s*[0-9０-９]+\s*[个项篇]?\s*[)）]$/u;

interface Group {
  award?: string;
  category?: string;
  heading: string;
}

/** A group heading (award level or business area) over the cases that follow, or null. */
function groupOf(line: SourceLine): Group | null {
  if (line.image || line.table || line.text.length > 30) return null;
  const bare = line.text.replace(NUMBERED_HEAD, '').replace(GROUP_COUNT, '').trim();
  if (!bare || /[。！？，,:：]/u.test(bare)) return null;
  if (AWARD_GROUP.test(bare)) return { award: bare, heading: line.text };
  const area = CATEGORY_GROUP.exec(bare);
  if (area) return { category: area[1]!, heading: line.text };
  return null;
}

export function isTitleish(line: SourceLine | undefined): boolean {
  if (!line || line.image || line.table) return false;
  const t = line.text;
  if (t.length < 2 || t.length > 50) return false;
  if (/[。！？；;，,、:：]$/u.test(t) || /[。！？]/u.test(t)) return false;
  if (META_FIELD.test(t) || SECTION_LABEL.test(t) || NUMBERED_HEAD.test(t)) return false;
  return true;
}

function isForm(line: SourceLine | undefined): boolean {
  return Boolean(line && (META_FIELD.test(line.text) || SECTION_LABEL.test(line.text)));
}

/** A place label and title in any of the written forms (space, brackets, colon). */
function placeAndTitle(text: string): { label: string; title: string } | null {
  const bracket = BRACKET_LABEL.exec(text);
  if (bracket && isPlaceOnly(bracket[1]!)) return { label: bracket[1]!, title: bracket[2]!.trim() };
  const colon = COLON_LABEL.exec(text);
  if (colon && isPlaceOnly(colon[1]!)) return { label: colon[1]!, title: colon[2]!.trim() };
  return splitPlaceLabel(text);
}

interface Start {
  at: number;
  /** Lines the case head uses (title, subtitle, label). */
  span: number;
  heading: string | null;
  title: string;
  subtitle: string | null;
  style: 'label' | 'colon' | 'numbered' | 'place-line' | 'form' | 'title-sub' | 'styled' | 'place-title' | 'marked';
}

function findStart(lines: SourceLine[], i: number, styledLevel: number | null, collection = false): Start | null {
  const line = lines[i]!;
  const text = line.text;
  const next = lines[i + 1];
  const numberedCase = line.image || line.table || text.length > 60 ? null : CASE_NUMBER.exec(text);
  if (numberedCase) {
    const rest = numberedCase[1]!.trim();
    if (rest && !/[。！？]/u.test(rest)) {
      const inner = placeAndTitle(rest);
      return { at: i, span: 1, heading: inner?.label ?? null, title: inner?.title ?? rest, subtitle: null, style: 'numbered' };
    }
    if (!rest && isTitleish(next)) return { at: i, span: 2, heading: null, title: next!.text, subtitle: null, style: 'numbered' };
  }
  if (!line.image && !line.table && CASE_TAG.test(text) && isTitleish(next) && !CASE_TAG.test(next!.text)) {
    return { at: i, span: 2, heading: null, title: next!.text, subtitle: null, style: 'numbered' };
  }
  // "(一)新会区:以“启超家风”赋能…": a numbered section headed by its place.
  const numberedPlace = !line.image && !line.table && text.length <= 60 && !/[。！？]/u.test(text) ? NUMBERED_HEAD.exec(text) : null;
  if (numberedPlace) {
    const inner = placeAndTitle(text.slice(numberedPlace[0].length).trim());
    if (inner && inner.title.length >= 4) return { at: i, span: 1, heading: inner.label, title: inner.title, subtitle: null, style: 'numbered' };
  }
  // Under a collection's title ("…典型案例"), a place-bearing title line over a paragraph, numbered
  // or not ("晋江市推行生态安葬新模式", "（一）南安市建设公益性公墓"): a case's head (when repeated).
  if (collection && !line.image && !line.table) {
    const num = NUMBERED_HEAD.exec(text);
    const bare = num ? text.slice(num[0].length).trim() : text;
    const paragraph = next && !next.image && !next.table && (next.text.length >= 40 || /[。！？]$/u.test(next.text));
    const mention = findMentions(bare.slice(0, 12))[0];
    if (paragraph && bare.length >= 6 && bare.length <= 50 && !/[。！？；;，,:：]/u.test(bare) && mention && mention.start === 0 && !SECTION_NAME.test(bare)) {
      return { at: i, span: 1, heading: null, title: bare, subtitle: null, style: 'place-title' };
    }
  }
  if (!isTitleish(line) || AWARD_GROUP.test(text) || SECTION_NAME.test(text)) return null;
  const bracket = BRACKET_LABEL.exec(text);
  if (bracket && isPlaceOnly(bracket[1]!)) {
    return { at: i, span: 1, heading: bracket[1]!, title: bracket[2]!.trim(), subtitle: null, style: 'label' };
  }
  const labelled = splitPlaceLabel(text);
  if (labelled && !isCaption(text)) {
    return { at: i, span: 1, heading: labelled.label, title: labelled.title, subtitle: null, style: 'label' };
  }
  const colon = COLON_LABEL.exec(text);
  if (colon && isPlaceOnly(colon[1]!)) {
    return { at: i, span: 1, heading: colon[1]!, title: colon[2]!.trim(), subtitle: null, style: 'colon' };
  }
  // A case's place line names a city or county; a community or township address is the text's.
  if (isPlaceOnly(text) && !/(?:社区|街道|村|镇|乡)$/u.test(text) && isTitleish(next) && !isPlaceOnly(next!.text)) {
    const sub = lines[i + 2];
    const hasSub = isTitleish(sub) && (SUBTITLE_DASH.test(sub!.text) || isForm(lines[i + 3]));
    return { at: i, span: hasSub ? 3 : 2, heading: text, title: next!.text, subtitle: hasSub ? sub!.text : null, style: 'place-line' };
  }
  if (isForm(next)) return { at: i, span: 1, heading: null, title: text, subtitle: null, style: 'form' };
  if (isTitleish(next) && !AWARD_GROUP.test(next!.text) && isForm(lines[i + 2])) {
    return { at: i, span: 2, heading: null, title: text, subtitle: next!.text, style: 'form' };
  }
  // "济宁泗水“1443工作法”" over "呵护农村孤困儿童成长", then the text: a place-bearing title and its subtitle.
  const after = lines[i + 2];
  if (
    isTitleish(next) &&
    findMentions(text).length > 0 &&
    !isPlaceOnly(next!.text) &&
    !splitPlaceLabel(next!.text) &&
    !BRACKET_LABEL.test(next!.text) &&
    !CASE_NUMBER.test(next!.text) &&
    !isCaption(next!.text) &&
    groupOf(next!) === null &&
    after &&
    !after.image &&
    (after.text.length >= 60 || /[。！？]$/u.test(after.text))
  ) {
    return { at: i, span: 2, heading: null, title: text, subtitle: next!.text, style: 'title-sub' };
  }
  // A title of one to three short lines over its unit marked ◉ and then the text ("规范地名管理" / "弘扬地名文化" /
  // "为推进乡村全面振兴“铸魂赋能”" / "◉四川省民政厅" / …): a compilation's piece, its unit left for the unit reader.
  const above = i > 0 ? lines[i - 1] : undefined;
  if (!(above && isTitleish(above) && above.text.length <= 30)) {
    for (let n = 1; n <= 3; n++) {
      const block = lines.slice(i, i + n);
      if (block.length < n || !block.every((l) => isTitleish(l) && l.text.length <= 30)) break;
      const mark = lines[i + n];
      const text1 = lines[i + n + 1];
      if (mark && !mark.image && /^[◉●◎]\s*\S/u.test(mark.text) && mark.text.length <= 40 && text1 && !text1.image && (text1.text.length >= 40 || /[。！？]$/u.test(text1.text))) {
        return { at: i, span: n, heading: null, title: block.map((l) => l.text.trim()).join(' '), subtitle: null, style: 'marked' };
      }
    }
  }
  // Styled headings head cases when they read like case titles, not like a single case's own
  // sections ("背景", "工作成效"): long enough, or naming a place, or quoting a brand.
  if (styledLevel !== null && line.heading === styledLevel && (text.length >= 9 || /[“”"《]/u.test(text) || findMentions(text).length > 0)) {
    const hasSub = isTitleish(next) && SUBTITLE_DASH.test(next!.text);
    return { at: i, span: hasSub ? 2 : 1, heading: null, title: text, subtitle: hasSub ? next!.text : null, style: 'styled' };
  }
  return null;
}

/** The heading level a styled source uses for its cases: the top level used at least twice after the first line. */
function styledCaseLevel(lines: SourceLine[]): number | null {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const h = lines[i]!.heading;
    if (h && !SECTION_NAME.test(lines[i]!.text) && !NUMBERED_HEAD.test(lines[i]!.text)) counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const levels = [...counts.entries()].filter(([, n]) => n >= 2).map(([l]) => l).sort();
  return levels[0] ?? null;
}

/** A short line without punctuation between a headline and the story's dateline is the headline's 副题. */
function isNewsSubtitle(line: SourceLine, next: SourceLine | undefined): boolean {
  const t = line.text;
  if (line.image || line.table || t.length < 4 || t.length > 30 || /[，,。、：:；;！？]/u.test(t) || NUMBERED_HEAD.test(t) || SECTION_NAME.test(t)) return false;
  return Boolean(next && NEWS_DATELINE.test(next.text));
}

/** Titles longer than a case heading still count at the top of a single article. */
/**
 * Where the one case of a headless feature begins: the first paragraph, within the first few, that
 * opens with a city or county as its subject ("济南市聚焦…"), after paragraphs that speak of the
 * collection itself (its cases counted). -1 when the draft reads otherwise.
 */
function headlessCaseAt(lines: SourceLine[]): number {
  const paragraphs = lines.slice(0, 4);
  if (!paragraphs.some((l) => /案例[0-9０-９一二三四五六七八九十百]+个|[0-9０-９]+个[\u4e00-\u9fa5]{0,6}案例/u.test(l.text))) return -1;
  for (let k = 1; k < paragraphs.length; k++) {
    const t = lines[k]!.text;
    if (t.length < 40 || /案例[0-9０-９一二三四五六七八九十百]+个|[0-9０-９]+个[\u4e00-\u9fa5]{0,6}案例/u.test(t)) continue;
    const m = findMentions(t.slice(0, 12));
    if (m.length && m[0]!.start === 0 && m[0]!.places.some((p) => p.level !== 'province')) return k;
  }
  return -1;
}

function articleTitleAt(lines: SourceLine[]): number {
  const first = lines[0];
  if (
    first &&
    !first.image &&
    !first.table &&
    !isForm(first) &&
    first.text.length >= 2 &&
    first.text.length <= 80 &&
    // A headline may exclaim or ask ("养老有了“时间银行”！"); a sentence ends in 。.
    !/。/u.test(first.text) &&
    (!/[！？!?]/u.test(first.text) || (first.text.length <= 40 && (first.text.match(/[！？!?]/gu) ?? []).length <= 2)) &&
    !/[，,、:：；;]$/u.test(first.text)
  ) {
    return 0;
  }
  // Else the first title-like line before any paragraph: a short line after the text (a dangling
  // related-topic fragment) is no headline, and the page was copied without one.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (isTitleish(l)) return i;
    if (l.text.length > 40 || /[。！？]/u.test(l.text)) return -1;
  }
  return -1;
}

/** A portal column printed before a headline ("【民政动态】…", "新闻发布丨…"); a place label is kept. */
const COLUMN_PREFIX = /^(?:[【[]\s*([^】\]]{2,8}?)\s*[】\]]|([\u4e00-\u9fa5]{2,6})\s*[丨｜|])\s*(?=\S)/u;

/** What a browser's page title or a portal adds after a headline: "_部门动态_某市人民政府", " - 某某新闻网", "（组图）". */
const SITE_SUFFIX = /(?:(?:\s*[_｜|]\s*[^_｜|\s]{2,20}?(?:网|网站|政府|门户|动态|新闻|要闻|资讯|民政局|民政厅|频道|首页))+|\s+[-－]\s+[\u4e00-\u9fa5]{2,12}(?:网|报|台|政府|频道)|\s*[（(](?:图|组图|附图|多图|视频|图文)[)）])$/u;

function withoutColumnPrefix(raw: string): string {
  const stripped = raw.replace(SITE_SUFFIX, '').trim();
  const title = stripped.length >= 6 ? stripped : raw;
  const m = COLUMN_PREFIX.exec(title);
  if (!m) return title;
  const label = (m[1] ?? m[2])!;
  const rest = title.slice(m[0].length);
  return isPlaceOnly(label) || rest.length < 6 ? title : rest;
}

export function splitDraft(lines: SourceLine[], info: CleanInfo): SplitResult {
  const styled = styledCaseLevel(lines);
  const starts: Start[] = [];
  const groupsAt = new Map<number, Group>();
  const collectionTitle = COLLECTION_TITLE.test(lines[0]?.text ?? '') && isTitleish(lines[0]);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    const group = i > 0 || lines.length === 1 ? groupOf(lines[i]!) : null;
    if (group) {
      groupsAt.set(i, group);
      continue;
    }
    // The draft's own title is never a case start, unless it heads a form.
    if (i === 0 && (COLLECTION_TITLE.test(t) || (!isForm(lines[1]) && !isForm(lines[2])))) continue;
    const s = findStart(lines, i, styled, collectionTitle);
    if (s) {
      starts.push(s);
      i += s.span - 1;
    }
  }
  // The colon form ("济南市：…") and a title over a subtitle also head single articles: they mark cases only when repeated.
  // A collection's page whose copy kept only its first section still heads that section so.
  const collectionPage = COLLECTION_TITLE.test(lines[0]?.text ?? '') && starts.length === 1;
  for (const style of ['colon', 'title-sub', 'place-title'] as const) {
    if (starts.filter((s) => s.style === style).length >= 2) continue;
    if (collectionPage && style === 'title-sub') continue;
    for (let k = starts.length - 1; k >= 0; k--) if (starts[k]!.style === style) starts.splice(k, 1);
  }
  const magazine = Boolean(info.publication || info.credits || info.keywords);
  const labelStarts = starts.filter((s) => s.style === 'label' || s.style === 'colon').length;
  const formStarts = starts.filter((s) => s.style === 'form').length;
  let kind: DraftKind;
  if (starts.length >= 2 && (magazine || (labelStarts >= 3 && formStarts === 0 && groupsAt.size === 0))) kind = 'feature';
  else if (starts.length >= 2) kind = 'case-list';
  else kind = 'single-case';
  // One case under a lead, headed the way lists head their cases (a place, a number, a collection's
  // page): a list or feature of which only the first case was copied. So is a magazine feature.
  const only = starts.length === 1 ? starts[0]! : null;
  const placeHeaded = only && (only.style === 'label' || only.style === 'place-line' || only.style === 'numbered' || only.style === 'marked' || (only.style === 'title-sub' && collectionPage));
  const leadBefore = only ? lines.slice(0, only.at).some((l) => l.text.length > 40) : false;
  let oneOfMany = Boolean(placeHeaded && leadBefore);
  if (starts.length <= 1 && info.credits && (info.credits['策划'] || info.credits['执行'] || info.credits['统筹'])) {
    kind = 'feature';
    oneOfMany = starts.length === 1;
  }

  // The draft's title block: its first title-like line and a "——" subtitle under it.
  const firstStart = starts[0]?.at ?? lines.length;
  let title: string | null = null;
  let subtitle: string | null = null;
  let leadFrom = 0;
  if (kind !== 'single-case' || starts.length === 0 || oneOfMany) {
    if (isTitleish(lines[0]) && firstStart > 0) {
      title = lines[0]!.text;
      leadFrom = 1;
      if (lines[1] && firstStart > 1 && SUBTITLE_DASH.test(lines[1].text) && lines[1].text.length <= 60) {
        subtitle = lines[1].text;
        leadFrom = 2;
      }
    }
  }
  if (oneOfMany) kind = kind === 'feature' ? 'feature' : 'case-list';
  if (kind === 'single-case' || (kind === 'feature' && starts.length === 0)) {
    if (starts.length === 1) {
      // One case under the page's own title (a news page reporting one form-style case).
      const s = starts[0]!;
      const before = [...groupsAt.entries()].filter(([at]) => at < s.at).map(([, g]) => g);
      const award = before.filter((g) => g.award).pop()?.award ?? null;
      const area = before.filter((g) => g.category).pop() ?? null;
      const hasTitle = s.at > 0 && isTitleish(lines[0]);
      const leadStart = hasTitle ? 1 : 0;
      return {
        kind,
        title: hasTitle ? lines[0]!.text : null,
        subtitle: null,
        lead: lines.slice(leadStart, s.at).filter((_, k) => !groupsAt.has(k + leadStart)),
        cases: [
          { heading: s.heading, title: s.title, subtitle: s.subtitle, award, groupCategory: area?.category ?? null, groupHeading: area?.heading ?? null, lines: lines.slice(s.at + s.span) },
        ],
      };
    }
    // A feature whose case lost its heading (a picture on the page): the feature's lead about the
    // collection ("…确定优秀创新案例39个。") comes first, the case from the paragraph a place opens.
    const headless = kind === 'feature' && starts.length === 0 ? headlessCaseAt(lines) : -1;
    if (headless > 0) {
      return {
        kind,
        title: null,
        subtitle: null,
        lead: lines.slice(0, headless),
        cases: [{ heading: null, title: '', subtitle: null, award: null, groupCategory: null, groupHeading: null, lines: lines.slice(headless) }],
      };
    }
    // One article: its first line when that reads as a title (long titles included), else the first title-like line.
    const at = articleTitleAt(lines);
    const caseTitle = at >= 0 ? withoutColumnPrefix(lines[at]!.text) : '';
    let from = at + 1;
    let caseSubtitle: string | null = null;
    if (at >= 0 && lines[from] && SUBTITLE_DASH.test(lines[from]!.text) && lines[from]!.text.length <= 60) {
      caseSubtitle = lines[from]!.text;
      from++;
    } else if (at >= 0 && lines[from] && isNewsSubtitle(lines[from]!, lines[from + 1])) {
      // A news headline's 副题 without a dash, right above the dateline ("本报讯…").
      caseSubtitle = lines[from]!.text;
      from++;
    } else if (at >= 0) {
      // 主题——副题 printed on one line ("街道“二人转”的新唱法——北京开创基层治理新格局"): the words after the
      // dash are the subtitle; the headline is printed whole.
      caseSubtitle = inlineSubtitle(caseTitle);
    }
    return {
      kind,
      title: caseTitle || null,
      subtitle: caseSubtitle,
      lead: at > 0 ? lines.slice(0, at) : [],
      cases: [{ heading: null, title: caseTitle, subtitle: caseSubtitle, award: null, groupCategory: null, groupHeading: null, lines: lines.slice(Math.max(0, from)) }],
    };
  }
  const lead = lines.slice(leadFrom, firstStart).filter((_, k) => !groupsAt.has(k + leadFrom));
  const cases: CaseDraft[] = [];
  // A page announcing a list ("…十大创新案例揭晓", "…入选名单") confers its name on the cases it presents,
  // where no group heading above them names a grade.
  const listAward = title && title.length <= 60 && LIST_TITLE.test(title) ? awardFromText([title]) : null;
  let award: string | null = null;
  let area: Group | null = null;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    for (const [at, g] of groupsAt) {
      if (at < s.at && (k === 0 || at > starts[k - 1]!.at)) {
        if (g.award) award = g.award;
        if (g.category) area = g;
      }
    }
    const end = k + 1 < starts.length ? starts[k + 1]!.at : lines.length;
    const body: SourceLine[] = [];
    for (let i = s.at + s.span; i < end; i++) if (!groupsAt.has(i)) body.push(lines[i]!);
    cases.push({ heading: s.heading, title: s.title, subtitle: s.subtitle, award: award ?? listAward, groupCategory: area?.category ?? null, groupHeading: area?.heading ?? null, lines: body });
  }
  return { kind, title, subtitle, lead, cases };
}
