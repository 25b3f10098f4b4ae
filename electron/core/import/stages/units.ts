/**
 * The innovating unit of a case where drafts print it outside a form: a bracketed or dashed
 * organ after the title ("强国复兴有我·典型风采展播 ——许昌市民政局", "…新模式（某区民政局）"),
 * a ◉-marked or labelled line under the title ("◉某省民政厅", "供稿：某市民政局",
 * "申报单位：…"), or the page's 来源 when it names an organ. The unit also gives the region
 * where the text does not (index.ts resolves it).
 */
import type { SourceLine } from '../lines.js';
import type { Region } from '../../model/types.js';
import { findMentions } from '../../regions/index.js';
import { observeUnitHome, unitFromModel, VISITS_AFTER } from './unitmodel.js';
import { KINDS, UNIT_KINDS, UNIT_NAME, endsInBody, isMediaName, kindAlternation, parseOrgName, withOwnPlace } from './orgnames.js';

/** Organ names: a place or body, then the kind of organ (orgnames' vocabulary of kinds). */
export const ORGAN = UNIT_NAME;

/** A name in an organ's shape whose end is a body's kind, not a word's ("…新格局", "办公厅" alone). */
function organShaped(text: string): boolean {
  return ORGAN.test(text) && endsInBody(text, UNIT_KINDS);
}
// An opened bracket must close the line: a title with a place in brackets mid-way
// ("…开发区(新市区)银川路…社区") names no unit after it.
const AFTER_TITLE = /^(.+?)\s*(?:(?:——|--|—)\s*([\u4e00-\u9fa5（）()·]{3,30}?)|[（(]\s*([\u4e00-\u9fa5（）()·]{3,30}?)\s*[)）])\s*$/u;
// A table-cell bar copied after the value ("上报单位:包河区民政局 |") is no part of it.
const UNIT_LINE = /^(?:[◉●◎]\s*|(?:——|--|—)\s*(?=[\u4e00-\u9fa5（）()·]{4,30}$)|(?:供稿|供稿单位|来源|信息来源|申报单位|报送单位|上报单位|推荐单位|选送单位|创新单位|实施单位|投稿单位|撰稿单位|作者单位)\s*[:：]\s*)(\S[^:：|｜]{1,40}?)\s*[|｜]?\s*$/u;
/**
 * A unit label among the cells of a metadata row, its value after a colon or only spaces
 * ("来源 灵武市民政局 解读单位 灵武市民政局"). Only labels that name the unit count: a 来源 is the page's.
 */
const UNIT_CELL = /(?:^|[\s|｜])(?:供稿单位|申报单位|报送单位|上报单位|推荐单位|创新单位|实施单位|投稿单位|撰稿单位|解读单位|起草单位)\s*[:：]?\s*([\u4e00-\u9fa5（）()·]{3,30}?)(?=$|[\s|｜])/u;
/** A dashed subtitle naming the body whose work it reports: "——某县某镇退役军人服务站工作纪实", "——某街道的实践". */
const DASHED_SUBTITLE = /^(?:——|--|—)\s*([\u4e00-\u9fa5（）()·]{3,30}?)(?:工作纪实|工作侧记|纪实|侧记|的实践与探索|的探索与实践|的实践|的探索|实践|探索|的做法|做法|经验|的故事|风采)$/u;
/** A speaker's line under a feature's head: "某市民政局局长张三", "某省民政厅党组书记、厅长李四". */
const SPEAKER_LINE = /^([\u4e00-\u9fa5（）()]{2,30}?(?:民政局|民政厅|局|厅|委员会|政府|办事处))(?:党组书记|党委书记|[、，,\s])*(?:副?(?:局长|厅长|主任|书记|区长|县长|市长|镇长|部长))[\s·]*[\u4e00-\u9fa5·]{2,4}$/u;
/** An author's line under the title, the organ and its writers ("某县民政局 张三 李四"). */
const ORGAN_AUTHORS = /^([\u4e00-\u9fa5（）()·]{4,30}?)[\s\u3000]+[\u4e00-\u9fa5·]{2,4}(?:[\s\u3000、,，]+[\u4e00-\u9fa5·]{2,4}){0,3}$/u;
/** An organ alone on the line under the title: a place, then the kind of body (an organ, a centre, a home). */
const BARE_ORGAN = new RegExp(String.raw`^[\u4e00-\u9fa5（）()·]{1,26}(?:省|市|县|区|州|盟|旗|镇|乡|街道)[\u4e00-\u9fa5（）()·]{0,12}${kindAlternation([...KINDS.government, '中心', '院'])}$`, 'u');
/**
 * The civil-affairs service bodies a case is often about, which do the work themselves (orgnames'
 * civil kinds). A name of one begins with its place (a division, or a town/street) and ends in its kind.
 */
const SERVICE_KIND = kindAlternation(KINDS.civil);
/**
 * A working body named by its level word alone ("区民政局", "市救助管理站", "州救助管理站"): the
 * document's own, written out with its home division (orgnames.withOwnPlace) or not taken.
 */
const RELATIVE_WORKING = String.raw`(?:我|本)?[省市县区州旗盟](?:民政|退役军人事务)(?:局|厅)|(?:我|本)?[市县区州旗盟]${SERVICE_KIND}`;
/**
 * A character inside a body's name between its place and its kind: not where a sentence goes on past
 * an organ to its staff or to where they went ("某县民政局局长某某到敬老院", "某局工作人员赴福利院").
 */
const NAME_MIDDLE = String.raw`(?:(?!局长|厅长|站长|院长|主任|书记|负责人|工作人员|干部|前往|走进|深入)[^\P{Script=Han}到赴在和与及的])`;
/**
 * The bodies whose own work a case reports: a 民政 bureau or department, (优抚安置) a veterans' affairs
 * one, or a service body of either, its name led by a division or a town ("某县救助管理站", "某镇…工作站").
 */
const WORKING_ORGAN = String.raw`(?:[\u4e00-\u9fa5]{2,20}?(?:省|市|县|区|州|旗|盟)[\u4e00-\u9fa5]{0,12}?(?:民政|退役军人事务)(?:局|厅)|[\u4e00-\u9fa5]{2,20}?(?:省|市|县|区|州|旗|盟|镇|乡|街道)${NAME_MIDDLE}{0,12}?${SERVICE_KIND}|${RELATIVE_WORKING})`;
/**
 * What may come before a sentence's subject: an outlet's dateline ("本报讯", "某某网4月4日讯",
 * "中国报道讯"), a bracketed reporter, a purpose clause ("为探索…，"), a time ("2025年8月20日",
 * "近年来", "今年以来"), a circumstance ("在县委县政府的坚强领导下，"), each with or without its comma.
 */
const SENTENCE_LEAD = String.raw`(?:(?:本报讯|本网讯|[\u4e00-\u9fa5]{2,8}?(?:[0-9０-９]{1,2}月[0-9０-９]{1,2}日)?[电讯])\s*)?(?:[(（][^()（）]{0,30}[)）]\s*)?(?:为[^。；;！？!?]{2,90}?[,，]\s*)?(?:自[^。；;！？!?，,]{2,40}?以来[,，]\s*)?(?:(?:近年来|近期|近日|日前|今年以来|[0-9０-９]{4}年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?(?:以来)?|[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?(?:以来)?)[,，]?\s*)?(?:在[^。；;！？!?，,]{2,40}?(?:下|中)[,，]\s*)?`;
/**
 * An organ opening a case's sentence as its subject: "某市民政局在…", "某区民政局聚焦…",
 * "2025年8月20日，某县民政局联合…". A subject is followed by what it does, not by a word that
 * makes the organ a modifier or one of several (局长某某, 的, 、, 和, 相关负责人).
 */
const SUBJECT_ORGAN = new RegExp(
  String.raw`^${SENTENCE_LEAD}(${WORKING_ORGAN})(?![\u4e00-\u9fa5]{0,2}(?:局长|厅长|主任|书记|负责人|工作人员|干部|党组|机关|所属|下属|官网|网站|公众号)|(?:婚姻登记|救助管理|儿童福利|社会福利)?(?:处|站|院|中心)|[\u4e00-\u9fa5]{2,6}(?:科|股|处|办公室)|的|和|与|及|、|等|[(（])(?=[\u4e00-\u9fa5，,])`,
  'u',
);

/**
 * The organ a paragraph's first sentence has as its subject: at its start, or opening a later clause
 * of it after circumstances the lead does not foresee ("寒冬将至,为推进…,按照…部署,某站即日起启动…",
 * "近日,人社部、民政部发布《…》,某市民政局获…"). Only a clause's first words are a subject: an organ
 * inside a clause (按照某局部署, 由某局推荐) is not. Later clauses count only in the lead paragraph
 * (`clauses`): further down they tell details ("当天,某区民政局婚姻登记处设置了…"). The match's index is
 * the paragraph's.
 */
function subjectOrgan(paragraph: string, clauses: boolean): RegExpExecArray | null {
  const sentence = /^[^。！？!?]*/u.exec(paragraph)![0];
  for (let at = 0; at < sentence.length; ) {
    const m = SUBJECT_ORGAN.exec(paragraph.slice(at));
    if (m && placedOrgan(m[1]!)) {
      m.index += at;
      return m;
    }
    if (!clauses) break;
    const comma = sentence.slice(at).search(/[，,；;]/u);
    if (comma < 0) break;
    at += comma + 1;
    while (/\s/u.test(sentence[at] ?? '')) at++;
  }
  return null;
}

/**
 * A unit's name begins with its place (a division, or a town for a service body) or is a level-word
 * name of the document's own body; words before the place ("当天", "按照") are not part of a name.
 */
function placedOrgan(name: string): boolean {
  return isRelative(name) || findMentions(name)[0]?.start === 0 || (/^[\u4e00-\u9fa5]{2,4}(?:镇|乡|街道)/u.test(name) && SERVICE_END.test(name));
}

/**
 * A title with an organ dashed or bracketed after it, or a body's name before its work's quoted name
 * (unitBeforeTitle): the bare title and the unit.
 */
export function unitAfterTitle(title: string): { title: string; unit: string } | null {
  const m = AFTER_TITLE.exec(title);
  const unit = m?.[2] ?? m?.[3];
  if (!m || !unit || !organShaped(unit) || m[1]!.length < 4) return unitBeforeTitle(title);
  return { title: m[1]!.trim(), unit };
}

/** A body's name, then its work's name in quotes or 《》 to the end: "某县慈善协会“某某项目”". */
const BEFORE_QUOTED = /^([\u4e00-\u9fa5（）()·]{4,30}?)\s*(?:“([^“”]*(?:‘[^‘’]*’[^“”]*)*)”|《([^《》]+)》)$/u;

/**
 * A title that is a unit's name and its work's in quotes ("某省慈善总会“‘某某’关爱项目”", as lists name
 * entries in a sentence): the unit, and the work's name without the quotes. The name must read as an
 * organisation led by its place (orgnames' grammar); a place alone before a quoted slogan is a title.
 */
export function unitBeforeTitle(title: string): { title: string; unit: string } | null {
  const m = BEFORE_QUOTED.exec(title.trim());
  const work = (m?.[2] ?? m?.[3])?.trim();
  const org = m ? parseOrgName(m[1]) : null;
  if (!m || !work || work.length < 4 || !org || (org.placed !== 'division' && org.placed !== 'town')) return null;
  return { title: work.replace(/‘([^‘’]*)’/gu, '“$1”'), unit: m[1]! };
}

/**
 * A unit line among the first lines of a case, or a labelled one (上报单位：…) at its foot:
 * its index and the unit. A speaker's line ("某市民政局局长张三") or an organ alone under the
 * title name the unit too; the speaker's line stays in the text (it says who speaks).
 */
export function unitLine(lines: SourceLine[], home?: Region | null): { at: number; unit: string; keep?: boolean } | null {
  observeUnitHome(home);
  const head = Math.min(lines.length, 3);
  for (let i = 0; i < head; i++) {
    const text = lines[i]!.text.trim();
    const m = UNIT_LINE.exec(text);
    const labelled = m ? ownOrgan(m[1]!.trim(), home) : null;
    if (labelled) return { at: i, unit: labelled };
    // A row of metadata cells stays in the text (its other cells are not the unit's to drop).
    const cell = UNIT_CELL.exec(text);
    const celled = cell ? ownOrgan(cell[1]!, home) : null;
    if (celled) return { at: i, unit: celled, keep: true };
    // The subtitle stays: it is the title's second half.
    const dashed = DASHED_SUBTITLE.exec(text);
    if (dashed && isOrgan(dashed[1]!)) return { at: i, unit: dashed[1]!, keep: true };
    const speaker = SPEAKER_LINE.exec(text);
    if (speaker && text.length <= 36) return { at: i, unit: speaker[1]!, keep: true };
    if (i < 2 && text.length <= 30 && BARE_ORGAN.test(text) && isOrgan(text)) return { at: i, unit: text };
    // A kicker naming the body by its level word ("州救助管理站" over a prefecture paper's headline).
    const own = i < 2 && isRelative(text) ? withOwnPlace(text, home) : null;
    if (own) return { at: i, unit: own };
    // The writers' line stays in the text: the names are the authors'.
    const authors = i < 2 && text.length <= 40 ? ORGAN_AUTHORS.exec(text) : null;
    if (authors && isOrgan(authors[1]!) && findMentions(authors[1]!)[0]?.start === 0) return { at: i, unit: authors[1]!, keep: true };
  }
  for (let i = Math.max(head, lines.length - 3); i < lines.length; i++) {
    const m = UNIT_LINE.exec(lines[i]!.text.trim());
    // Only a labelled line at the foot: a bare 来源 there is the page's, not the unit.
    const labelled = m && !/^(?:来源|信息来源)/u.test(lines[i]!.text.trim()) ? ownOrgan(m[1]!.trim(), home) : null;
    if (labelled) return { at: i, unit: labelled };
  }
  return null;
}

const SERVICE_END = new RegExp(`${SERVICE_KIND}$`, 'u');
/** A cheap first look: every service body's kind ends in one of these. */
const SERVICE_HINT = /[站院心处馆所办]/u;
/** A place-led run of characters ending in a service body's kind (its start is trimmed by bodyName). */
const SERVICE_BODY = new RegExp(String.raw`[\u4e00-\u9fa5]{2,26}?${SERVICE_KIND}`, 'gu');
/** A body named as what was chosen ("某站入选…", "某院获评…", "被命名为"): the awarded body, not the one that chose it. */
const AWARDED = new RegExp(String.raw`([\u4e00-\u9fa5]{2,26}?(?:${SERVICE_KIND}|民政局|退役军人事务局|社区|街道办事处|街道|村委会|居委会))(?:成功|再次|首次)?(?:入选|获评|被评为|被命名为|被确定为|被授予|荣获)`, 'u');
/** What a superior does to others' work: publishing results, naming, commending ("省民政厅日前公布…评选结果"). */
const CONFERS = /^[\u4e00-\u9fa5]{0,4}?(?:公布|发布|印发|下发|通报|命名|评选|遴选|认定|表彰|授予|确定|公示)/u;
/** Words before a place that are not part of a name: "我区", "该县", "全市", a time ("12年来", "当天"). */
const BEFORE_NAME = /^(?:[我该全本](?:省|市|区|县|州|旗|盟|镇|乡)|年来|当天|当日|今年|近年来|日前|近日|同时|其中|由|在|经|从|对|向|与|和|及)+/u;

/**
 * The name of a body found in running text, from its place on: words before the place go
 * ("我区下管镇…站" → "下管镇…站"), and so does a province written for outside readers
 * ("安徽省肥东县救助管理站", "江苏镇江市救助管理站"). Null when the name does not begin with a place.
 */
export function bodyName(raw: string): string | null {
  let name = raw.replace(BEFORE_NAME, '');
  const mentions = findMentions(name);
  const first = mentions[0];
  const town = /^[\u4e00-\u9fa5]{2,4}(?:镇|乡|街道)/u.test(name);
  if (first && (first.start === 0 || (!town && first.start <= 4 && !/[的了是将把被和与及、]/u.test(name.slice(0, first.start))))) {
    name = name.slice(first.start);
    // The province before a city or county ("江苏镇江市…"): readers elsewhere need it, the name does not.
    const next = mentions[1];
    if (first.places.every((pl) => pl.level === 'province') && next && next.start === first.end && next.places.some((pl) => pl.level !== 'province')) {
      name = name.slice(first.end - first.start);
    }
  } else if (!town) return null;
  name = withoutProvince(name);
  return name.length >= 5 && isOrgan(name) ? name : null;
}

/** The body a title or the opening sentence says was chosen ("下管镇未成年人保护工作站入选省级典型案例"). */
function awardedBody(texts: string[]): string | null {
  for (const t of texts) {
    const sentence = /^[^。！？]{0,160}/u.exec(t)?.[0] ?? '';
    if (!/入选|获评|被评为|被命名为|被确定为|被授予|荣获/u.test(sentence)) continue;
    for (const clause of sentence.split(/[，,；;：:]/u)) {
      const m = AWARDED.exec(clause);
      const name = m ? bodyName(m[1]!) : null;
      if (name) return name;
    }
  }
  return null;
}

/**
 * A service body the head of a case keeps naming (in the title and the opening paragraphs, twice at
 * least, as the subject, as its staff's or its head's body, "肥东县救助管理站副站长…", "…站的工作人员"):
 * the text is about its work.
 */
function repeatedBody(texts: string[]): string | null {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const seen = new Set<string>();
    if (!SERVICE_HINT.test(t)) continue;
    for (const m of t.matchAll(SERVICE_BODY)) {
      const name = bodyName(m[0]);
      if (name) seen.add(name);
    }
    for (const n of seen) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 1;
  for (const [n, c] of counts) {
    if (c > most) {
      best = n;
      most = c;
    } else if (c === most && best) best = null;
  }
  return best;
}

/** The organ a reporter had the news from ("记者从某县民政局获悉", "…了解到"): it reports its own work. */
const INFORMANT_ORGAN = new RegExp(String.raw`(?:记者|笔者)(?:近日|日前|昨日|昨天|今天|今日)?从(${WORKING_ORGAN})(?:获悉|了解到|得悉|获知)`, 'u');
/**
 * How far into a case its subject organ may first open a paragraph: a page's own lead or a series
 * label can come first ("社会救助领域优秀创新实践案例介绍(一)", a paragraph on the problem), and the
 * bureau then opens the account of what it did.
 */
const OPENING_PARAGRAPHS = 4;

/**
 * The organ a case's opening sentences have as their subject ("某市民政局聚焦…"), if any; before
 * that, the body the title or the opening sentence says was chosen (a superior that "公布" the
 * results is not the unit), and after it the organ a reporter had the news from and a service body
 * the title and the opening paragraphs keep naming. (A headline led by the organ, an applicant's
 * "某局申报的", a dashed organ-alone subtitle are the unit model's and unitLine's: the model reads the
 * headline's subject among its features, unitLine the dashed line.)
 */
export function unitFromOpening(paragraphs: string[], title = '', home?: Region | null): string | null {
  // Labels between paragraphs (a series label, a short heading) do not count as paragraphs read.
  const read = paragraphs.filter((p) => p.length >= 30 || /[。！？]/u.test(p)).slice(0, OPENING_PARAGRAPHS);
  const awarded = awardedBody([title, ...read.slice(0, 1)].filter(Boolean));
  // A round-up of several provinces' organs ("山东省民政厅决定…天津市民政局同样宣布…青海省民政厅强调…") reports on
  // many: the one that happens to open a paragraph is no more its unit than the others (the unit model's peers).
  const roundUp = provincesOfOrgans(read.join('\n')) >= 3;
  for (const p of roundUp ? [] : read) {
    const m = subjectOrgan(p.trim(), p === read[0]);
    if (!m || !placedOrgan(m[1]!)) continue;
    // A body coming to the text's own division ("某市民政局到我县调研") is a visitor, as the unit model reads it.
    if (VISITS_AFTER.test(p.trim().slice(m.index + m[0].length))) continue;
    const relative = isRelative(m[1]);
    // A subject that publishes or confers ("省民政厅日前公布…,某站入选") chose the unit; it is not the unit.
    if (awarded && CONFERS.test(p.slice(m.index + m[0].length))) return awarded;
    const name = relative ? withOwnPlace(m[1]!, home) : ownName(withoutProvince(m[1]!), paragraphs);
    if (name) return name;
  }
  if (awarded) return awarded;
  const informant = read.length ? INFORMANT_ORGAN.exec(/^[^。！？]{0,120}/u.exec(read[0]!)?.[0] ?? '') : null;
  if (informant && findMentions(informant[1]!)[0]?.start === 0) return withoutProvince(informant[1]!);
  const informed = informant && isRelative(informant[1]) ? withOwnPlace(informant[1]!, home) : null;
  if (informed) return informed;
  return repeatedBody([title, ...read.slice(0, 3)].filter(Boolean));
}

/** A civil-affairs or veterans' organ led by its division in full ("山东省民政厅", "天津市民政局"). */
const PROVINCIAL_ORGAN = /[\u4e00-\u9fa5]{2,16}?(?:民政厅|民政局|退役军人事务厅|退役军人事务局)/gu;

/** How many provinces the organs a text names lie in. */
function provincesOfOrgans(text: string): number {
  const provinces = new Set<string>();
  for (const m of text.matchAll(PROVINCIAL_ORGAN)) {
    const lead = findMentions(m[0])[0];
    if (!lead?.full || lead.start !== 0) continue;
    const own = new Set(lead.places.map((p) => (p.level === 'province' ? p.name : p.province?.name)).filter(Boolean));
    if (own.size === 1) provinces.add([...own][0]!);
  }
  return provinces.size;
}

/**
 * An organ in brackets closing the text ("…惠及137名儿童。(施秉县民政局)"): the body that sent it
 * in, as "（某市民政局供稿）" on a line of its own is. Only after a sentence's end, and only an organ
 * whose name begins with its place.
 */
const CLOSING_ORGAN = /[。！？”][\s\u3000]*[(（]\s*([\u4e00-\u9fa5]{4,30}?)\s*(?:供稿|供图|报送|提供|撰稿)?\s*[)）]\s*$/u;

export function unitFromClosing(paragraphs: string[], home?: Region | null): string | null {
  const last = paragraphs[paragraphs.length - 1];
  const m = last ? CLOSING_ORGAN.exec(last) : null;
  if (m && isRelative(m[1])) return withOwnPlace(m[1]!, home);
  if (!m || !isOrgan(m[1]!) || findMentions(m[1]!)[0]?.start !== 0) return null;
  return withoutProvince(m[1]!);
}

/**
 * The unit a case's text gives when nothing printed with its head does: its closing organ, else the
 * unit model's best candidate, else its opening's.
 */
export function unitFromText(paragraphs: string[], title = '', subtitle?: string | null, home?: Region | null): string | null {
  return (
    // A subtitle that is an organ's name alone ("——某县民政局"): the dashed line under the title unitLine
    // reads, taken by the title stage as the title's second line.
    subtitleOrgan(subtitle, home) ??
    unitFromClosing(paragraphs, home) ??
    // The candidate the fitted scorer ranks first (unitmodel.ts), when it beats "no unit", for a text
    // like those it was fitted on (a list's item, its name alone, is the lists' to give a unit); the
    // opening's rules where it abstains. (On the tuning pages, left out a batch at a time, the two
    // never disagree; the model is the one measured on pages it was not fitted on.)
    (paragraphs.length ? unitFromModel({ title, subtitle, paragraphs, home }) : null) ??
    unitFromOpening(paragraphs, title, home)
  );
}

function subtitleOrgan(subtitle: string | null | undefined, home?: Region | null): string | null {
  const name = subtitle?.trim().replace(/^(?:——|--|—)\s*/u, '');
  if (!name || name === subtitle?.trim() || name.length < 4 || name.length > 30) return null;
  const own = ownOrgan(name, home);
  return own && (isRelative(name) || findMentions(own)[0]?.start === 0) ? withoutProvince(own) : null;
}

/**
 * An organ as a label or a byline gives it: its own name, or one named by its level word alone
 * ("供稿：区民政局", "（县民政局供稿）") written out with the document's home division.
 */
export function ownOrgan(text: string | null | undefined, home?: Region | null): string | null {
  if (!text) return null;
  if (isOrgan(text)) return text;
  return isRelative(text) ? withOwnPlace(text, home) : null;
}

/** A working body named by its level word alone ("区民政局", "州救助管理站"). */
function isRelative(name: string | undefined): boolean {
  return Boolean(name && new RegExp(`^(?:${RELATIVE_WORKING})$`, 'u').test(name) && parseOrgName(name)?.placed === 'relative');
}

/**
 * The name a text itself uses for a body it first writes out with its city ("郑州市金水区民政局",
 * then "金水区民政局先后…"): the shorter form, when the text uses it on its own too.
 */
function ownName(name: string, paragraphs: string[]): string {
  const mentions = findMentions(name);
  const [city, county] = mentions;
  if (!city || !county || city.start !== 0 || county.start !== city.end || !city.places.some((p) => p.level === 'city') || !county.places.some((p) => p.level === 'county')) return name;
  const short = name.slice(county.start);
  const text = paragraphs.join('\n');
  for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + 1)) {
    if (!text.slice(Math.max(0, at - city.text.length), at).endsWith(city.text)) return short;
  }
  return name;
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
const RELATIVE_ORGAN = /^(?:我|本)?[省市县区州盟旗镇乡](?:民政|退役军人|人民政府|政府|委|办|财政|残联|妇联|团委|救助|社会|福利|殡|老龄|应急|卫健|教育|公安|司法)/u;

export function isOrgan(text: string | null | undefined): boolean {
  // "民政部网站" is a website, not the organ that did the work; a media centre or a paper reports it.
  return Boolean(text && organShaped(text) && !isMediaName(text) && !RELATIVE_ORGAN.test(text));
}
