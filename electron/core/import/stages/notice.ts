/**
 * Notices (通知, 通报, 意见, 决定…): title, 主送 line ending in a colon, body, issuer and date
 * lines, then any attachment. Optional 版头 lines (发文机关标志, 发文字号) before the title and
 * 抄送/印发 lines at the end are read when present.
 */
import type { Block, NoticeAttachment, NoticeDocument, NoticeMeta } from '../../model/types.js';
import type { SourceLine } from '../lines.js';
import { CUT_DATE, DATE_ONLY, DATE_TEXT, findDate, halfWidthDigits, isDateLine, isoDate } from './dates.js';
import { structure } from './structure.js';
import { readInfoTable, type InfoTable } from './infotable.js';
import { closingSource, readByline, type Byline } from './byline.js';
import { ISSUER_NAME } from './orgnames.js';
import { docNumberCode, regionFromDocNumber } from '../../regions/index.js';

const ORGAN = /^[\u4e00-\u9fa5（）()]{2,40}文件$/u;
/**
 * The 发文字号's one grammar: the organ's 代字, the year in 〔〕 (typed as [], ［］ or 【】, and in a line
 * or field of its own also as ()), the serial number and 号: "鲁民函〔2021〕11号", "某民发(2023)5号".
 * GB/T 9704 puts nothing between the year and the serial; older and regional numbers put a 字 word
 * or 第 there ("民(1988)农字22号", "某民〔1995〕字第12号", "某政〔1990〕第3号"), kept as printed.
 */
const NUMBER_OPEN = '〔[［【';
const NUMBER_CLOSE = '〕\\]］】';
const NUMBER_INFIX = '(?:[\\u4e00-\\u9fa5]{0,3}字)?第?';
const numberGrammar = (parens: boolean) =>
  `([\\u4e00-\\u9fa5]{1,12})\\s*[${NUMBER_OPEN}${parens ? '(（' : ''}]\\s*([0-9０-９]{4})\\s*[${NUMBER_CLOSE}${parens ? ')）' : ''}]\\s*${NUMBER_INFIX}\\s*([0-9０-９]{1,4})\\s*[号號]`;
/** The 字 word or 第 a matched number carries between its year and serial (empty in GB/T 9704's form). */
const INFIX_AT_END = new RegExp(`[${NUMBER_CLOSE})）]\\s*(${NUMBER_INFIX})\\s*[0-9０-９]{1,4}\\s*[号號]$`, 'u');
function numberInfix(matched: string): string {
  return INFIX_AT_END.exec(matched)?.[1] ?? '';
}
/** A line that is a 发文字号. */
const DOC_NUMBER = new RegExp(`^${numberGrammar(true)}$`, 'u');
/** Upward documents put 发文字号 and 签发人 on one line: "济民呈〔2021〕3号  签发人：张三" (often with full-width spaces). */
const DOC_NUMBER_WITH_SIGNER = new RegExp(`^(${numberGrammar(true)})[\\s\\u3000]+签\\s*发\\s*人\\s*[:：]\\s*(.+)$`, 'u');
const SIGNERS = /^签\s*发\s*人\s*[:：]\s*(.+)$/u;
const ISSUER = /^[\u4e00-\u9fa5（）()、\s]{2,40}$/u;
/**
 * "附件：…", "附件1：…", "附：《…》": the forms a notice lists what it attaches in. (A page may mark the
 * note as a link, ">>附件:…", as it marks its breadcrumbs and related links, or label it so: "附件链接:…",
 * "附件下载:…", a portal's words for the files it attaches.)
 */
// (Older documents number them in words, "附件一：", "附一：", as they number their sections.)
const ATTACHMENT_NOTE = /^(?:[>》»]{1,2}\s*)?附(?:件\s*[0-9０-９]*|件?\s*[一二三四五六七八九十]{1,3}|件(?:链接|下载))?\s*[:：]\s*(?:[0-9０-９]+\s*[.．、]\s*)?(.+)$/u;
const ATTACHMENT_ITEM = /^[.．。、\s]*[0-9０-９]+\s*[.．、]\s*(.+)$/u;
const CC = /^抄送\s*[:：]\s*(.+?)。?$/u;
const PRINTER = /^(.+?)\s+([0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)\s*印发$/u;
const NOTE = /^[（(]\s*(此件[^（）()]*|[^（）()]{2,40}(?:公开发布|依申请公开|不予公开)[^（）()]*)\s*[)）]$/u;
/** An organ's name in its shape: the one grammar of orgnames.ts, which signatures, headers and 主送 share. */
const ORGAN_NAME = ISSUER_NAME;
/** Organs of government and of the Party that issue documents, as a byline's source must be to stand for the organ. */
const GOVERNMENT_ORGAN = /(?:局|厅|部|委员会|委|办公室|办|政府|办事处)$/u;
const ATTACHMENT_HEAD = /^附件\s*(?:[0-9０-９]*|[一二三四五六七八九十]{1,3})\s*$/u;
/** A seal's note after a signing organ: "某县民政局（盖章）", "某县民政局(印)". */
const SEAL_NOTE = /\s*[(（]\s*(?:盖章|公章|印|章|签章|签字盖章)\s*[)）]\s*$/u;

/**
 * The bracketed line collections print under a title: its date, its number, or both, and the act
 * ("(1997年3月26日鄂政发〔1997〕019号)", "（2010年5月1日省人民政府令第12号公布）"). The date is the 成文日期.
 */
// (The number may come first, "(民(1988)农字22号 1988年7月17日)", and carry its year in the brackets
// a line of its own may type: inside the outer ones, only as a year's.)
const DATED_HEAD = new RegExp(`^\\s*[(（]\\s*(${DATE_TEXT})?\\s*((?:[^()（）\\s]|[(（][0-9０-９]{4}[)）]){0,30}?)\\s*(${DATE_TEXT})?\\s*(?:公布|发布|印发|通过|施行|起施行)?\\s*[)）]\\s*$`, 'u');
function datedHead(text: string): { date: string | null; number: string | null } | null {
  const m = DATED_HEAD.exec(text);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  const number = m[2] && DOC_NUMBER_FIELD.test(m[2]) ? m[2] : null;
  // Only a date, a number, or a 令 ("省人民政府令第12号"): other words in brackets are a note.
  if (m[2] && !number && !/令第[0-9０-９一二三四五六七八九十百]+号$/u.test(m[2])) return null;
  const date = m[1] || m[3] ? findDate(m[1] ?? m[3]!) : null;
  if (!date && !number) return null;
  return { date, number };
}

/** A 发文机关标志 "某某局文件": the words before 文件 must be organs ("省级部门文件" is a portal's column). */
/** A 发文字号 printed in brackets on its own line ("(苏民人[2006]63号)"), without them. */
function unwrapNumber(text: string): string {
  // Or after its label, alone on its line where no table is ("文号：某民发〔2022〕5号", "发文字号某政函〔2004〕42号").
  const labelled = /^\s*(?:发文字号|发文文号|文件编号|文件字号|文号|字号)\s*[:：]?\s*(\S.{3,29})$/u.exec(text);
  if (labelled && DOC_NUMBER.test(labelled[1]!)) return labelled[1]!;
  const m = /^\s*[(（]\s*(.{4,30}?)\s*[)）]\s*$/u.exec(text);
  return m && DOC_NUMBER.test(m[1]!) ? m[1]! : text;
}

/**
 * A 发文字号 line that lost its closing bracket and 号 in the copy ("某民发〔20242" for 某民发〔2024〕2号): the
 * number's grammar fixes where the year ends (four digits after the opening bracket), so the serial is
 * what follows. Only a line of its own in the document's head is read so.
 */
const DAMAGED_NUMBER = new RegExp(`^([\\u4e00-\\u9fa5]{1,12})\\s*[${NUMBER_OPEN}]\\s*((?:19|20)[0-9]{2})([0-9]{1,4})$`, 'u');
function damagedNumber(text: string): string | null {
  const m = DAMAGED_NUMBER.exec(halfWidthDigits(text.trim()));
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : null;
}

function isOrganMark(text: string): boolean {
  if (!ORGAN.test(text)) return false;
  return organNames(text.replace(/文件$/u, '')) !== null;
}

/** One organ or several spaced apart ("中共某市委 某市人民政府"): the names, or null when a part is no organ. */
function organNames(text: string): string[] | null {
  const parts = text.trim().split(/[\s\u3000、]+/u).filter(Boolean);
  if (parts.length === 0 || parts.length > 4) return null;
  return parts.every((p) => ORGAN_NAME.test(p)) ? parts : null;
}

/**
 * Where a joint 版头 of three or more organs one to a line ends (blank lines between them and around): the
 * number of lines it takes at the copy's head, 0 when the copy opens otherwise.
 */
function jointOrgansAt(lines: SourceLine[]): number {
  let organs = 0;
  let end = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (!t) continue;
    if (!organNames(t) || /[\s\u3000]/u.test(t)) break;
    organs++;
    end = i + 1;
  }
  return organs >= 3 ? end : 0;
}

export interface NoticeShape {
  /** -1 when the title was not copied (it stayed in the page's header). */
  titleAt: number;
  /** Lines the title takes (long titles are often broken in two). */
  titleLines: number;
  /** -1 when the notice has no 主送 line (公告, 通告) or it was not copied. */
  addresseesAt: number;
  /** Lines the 主送 takes when it wraps (one when absent). */
  addresseesLines?: number;
  /** The 署名 line above the date; -1 when the copy has none. */
  issuerAt: number;
  /** The 成文日期 line; -1 when none. */
  dateAt: number;
  /** Where the body starts. */
  bodyFrom: number;
  /** Header lines read as metadata (发文字号, 版头, the information table), never body. */
  header: Set<number>;
  info: InfoTable | null;
  /** The page's byline (来源, 时间), read before cleaning drops it. */
  byline: Byline | null;
  /** The lines the indexes above count, when the copy ran the notice's parts together (see `unflatten`). */
  lines?: SourceLine[];
  /** The 成文日期 under the 署名 printed as bare digits ("2017919"), when they split one way only. */
  digitDate?: string;
  /** A document reprinted under a news page's headline and lead (see `reprinted`): its title as the lead quotes it. */
  quotedTitle?: string;
  /** The reprint's wrapper: the page's own headline and the lead's paragraphs above the document. */
  wrapper?: { headline: string | null; lead: SourceLine[] };
}

/**
 * A copy that lost its line breaks runs a notice's parts into its paragraphs: the title into the
 * first ("关于…的公告 为适应…。"), the 署名 and 成文日期 with the 附件 after them into the last ("…负责解释。
 * 某乡人民政府 2018年5月15日 附件: 某某征集表 姓名: …"). Each part is found by its own grammar (a title
 * naming its kind after 关于, an organ over a full date after a sentence's end, a document's name after
 * 附件:) at a space, and set on a line of its own, as the printed notice has it. The same lines when
 * nothing was run together.
 */
function unflatten(lines: SourceLine[]): SourceLine[] {
  let out: SourceLine[] | null = null;
  const put = (i: number, parts: string[]) => {
    out ??= lines.slice(0, i);
    out.push(...parts.map((text) => ({ text })));
  };
  let opening = true;
  let last = lines.length - 1;
  while (last > 0 && !lines[last]!.text) last--;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    const titled = line.table || line.image || !t ? null : opening ? titleRunOn(t) : null;
    // (A copy flattened whole runs the 署名 and date on after the title's paragraph as well.)
    const closing = (v: string) => signatureRunOn(v) ?? (i === last ? dateRunOn(v) : null);
    const parts = titled ? [titled[0]!, ...(closing(titled[1]!) ?? [titled[1]!])] : null;
    const plain = !parts && !line.table && !line.image && t.length > 12;
    const signed = plain ? closing(t) : null;
    if (t) opening &&= !/[。！？]/u.test(t) && i < 12;
    if (parts ?? signed) put(i, (parts ?? signed)!);
    else if (out) (out as SourceLine[]).push(line);
  }
  return out ?? lines;
}

/**
 * The 成文日期 under a 署名, or a 署名 with its date, that cleaning lifted as the page's date or byline
 * ("阳新县民政局" over "2024-06-19", "某县民政局 2024-06-19", as a portal prints a date): put back, once
 * a sentence of body stands above. (Cleaning
 * keeps the lines it does not drop, so a line of the copy is found among the lines before it.)
 */
function restoreLifted(lines: SourceLine[], raw: SourceLine[]): SourceLine[] {
  const kept = new Set(lines);
  const at = new Map(raw.map((l, k) => [l, k]));
  let out: SourceLine[] | null = null;
  let body = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (out) out.push(line);
    if (/[。！？]/u.test(line.text)) body = true;
    const k = at.get(line);
    if (!body || k === undefined) continue;
    let next = k + 1;
    while (next < raw.length && !raw[next]!.text.trim()) next++;
    // The date under the organ line, or the organ and the date on one line ("某县民政局 2024-06-19").
    const lifted = raw[next];
    if (!lifted || kept.has(lifted)) continue;
    const t = lifted.text.trim();
    // (A notice without a 署名 ends on the date alone, right under its last sentence, as the copy's last line.)
    const closesCopy = (/[。！？]$/u.test(line.text.trim()) || CONTACT_LINE.test(line.text.trim())) && raw.slice(next + 1).every((l) => !l.text.trim());
    // (Or both 署名 and date were lifted, an organ over an ISO date reading as a byline: "某市民政局" / "2022-06-30".)
    let date = next + 1;
    while (date < raw.length && !raw[date]!.text.trim()) date++;
    const dated = raw[date];
    const both = /[。！？]$/u.test(line.text.trim()) && Boolean(dated) && !kept.has(dated!) && organNames(t.replace(SEAL_NOTE, '')) !== null && isDateLine(dated!.text.trim());
    if (both) {
      out ??= lines.slice(0, i + 1);
      out.push({ text: t }, { text: dated!.text.trim() });
      continue;
    }
    if (!(isDateLine(t) && (organNames(line.text.replace(SEAL_NOTE, '')) || closesCopy)) && !signedLine(t, false)) continue;
    out ??= lines.slice(0, i + 1);
    out.push({ text: t });
  }
  return out ?? lines;
}

/** A notice's contact line over its date ("联系人：…", "联系电话：…"), which 通知 print last when they sign with the date alone. */
const CONTACT_LABEL = String.raw`(?:联系人|联系电话|联系方式|咨询电话|电话)\s*[:：]`;
const CONTACT_LINE = new RegExp(`^${CONTACT_LABEL}`, 'u');

/**
 * A title broken over lines ("常山县人民政府办公室关于印发《常山县提升" / "“助老三件事”…实施办法》的通知")
 * whose first line cleaning took for the page's head, keeping only the line that ends on the kind word:
 * the lines above it the copy printed are put back when, with it, they make a title that opens as one
 * does (关于, 转发, 印发 or an organ before them) and none ends on a kind word itself.
 */
function restoreTitleHead(lines: SourceLine[], raw: SourceLine[]): SourceLine[] {
  const kept = new Set(lines);
  const at = new Map(raw.map((l, k) => [l, k]));
  for (let i = 0, seen = 0; i < lines.length && seen < 12; i++) {
    const t = closeUp(lines[i]!.text.trim());
    if (!t) continue;
    seen++;
    if (/[。！？]/u.test(t)) break;
    if (t.length > 60 || /[:：]/u.test(t) || !WEAK_TITLE.test(t.replace(DRAFT_NOTE, '')) || opensTitle(t)) continue;
    const k = at.get(lines[i]!);
    if (k === undefined) return lines;
    const head: SourceLine[] = [];
    for (let j = k - 1; j >= 0 && head.length < 3; j--) {
      const v = closeUp(raw[j]!.text.trim());
      if (!v) continue;
      if (kept.has(raw[j]!) || v.length > 40 || /[。！？:：|｜]/u.test(v) || WEAK_TITLE.test(v)) break;
      head.unshift({ text: v });
      if (opensTitle(v)) {
        const joined = head.map((l) => l.text).join('') + t;
        return joined.length <= 120 && STRONG_TITLE.test(joined.replace(DRAFT_NOTE, '')) ? [...lines.slice(0, i), ...head, ...lines.slice(i)] : lines;
      }
    }
    return lines;
  }
  return lines;
}
/** A title's first line: it opens at 关于 (转发, 印发, 批转), or names its organ before them. */
function opensTitle(t: string): boolean {
  return /^(?:关于|转发|印发|批转)/u.test(t) || titleOrgan(t) !== null;
}

/** "关于征集新镇名的公告 为适应…。": the title and the paragraph it was run into, or null. */
function titleRunOn(text: string): string[] | null {
  for (const m of text.matchAll(/[\s\u3000]+/gu)) {
    if (m.index! > 100) break;
    const head = text.slice(0, m.index);
    const rest = text.slice(m.index! + m[0].length);
    if (/[。！？:：，,]/u.test(head)) break;
    // (The paragraph may be the opening alone, ending on its colon: "…现就有关事项通知如下:".)
    if (STRONG_TITLE.test(head) && /[。！？]|(?:如下|下列)[:：]$/u.test(rest) && rest.length >= 30) return [head, rest];
  }
  return null;
}

/**
 * "…负责解释。 某乡人民政府 2018年5月15日 附件: 某某表 …": the paragraph, the 署名, the date and what
 * follows, or null. The organs are the words right before a full date (followed by a space or the
 * line's end), each an organ's name, back to a space or a sentence's end; something must precede them.
 */
const RUN_ON_DATE = new RegExp(`[\\s\\u3000]*(${DATE_TEXT})(?=[\\s\\u3000]|$)`, 'gu');
const LAST_WORD = /(?:^|[\s\u3000]|(?<=[。！？；;]))([^\s\u3000。！？；;]+)$/u;
function signatureRunOn(text: string): string[] | null {
  for (const m of text.matchAll(RUN_ON_DATE)) {
    if (!DATE_ONLY.test(m[1]!.replace(/\s+/gu, ''))) continue;
    let before = text.slice(0, m.index).trimEnd();
    const organs: string[] = [];
    while (organs.length < 4) {
      const w = LAST_WORD.exec(before);
      const name = w?.[1]?.replace(SEAL_NOTE, '');
      if (!name || !ORGAN_NAME.test(name)) break;
      organs.unshift(name);
      before = before.slice(0, before.length - w![1]!.length);
      // An organ right after a sentence's end is the first of them.
      if (!/[\s\u3000]$/u.test(before)) break;
      before = before.trimEnd();
    }
    // (What precedes is the body: a sentence ended, or a paragraph run on.)
    if (!organs.length || !(/[。！？；;]$/u.test(before) || before.length >= 20)) continue;
    const after = text.slice(m.index! + m[0].length).trim();
    return [...noteRunOn(before), organs.join(' '), m[1]!, ...attachmentRunOn(after)].filter(Boolean);
  }
  return null;
}

/**
 * The 附件说明 between the body's last sentence and the 署名 (GB/T 9704), run on with them: "…新台阶。
 * 附件:1.某某名单 2.某某名单" → the body, the note, and each further numbered item on a line of its own.
 */
const NOTE_RUN_ON = /^(.*[。！？])[\s\u3000]*(附件\s*[0-9０-９]*\s*[:：]\s*\S.*)$/u;
function noteRunOn(before: string): string[] {
  const m = NOTE_RUN_ON.exec(before);
  return m ? [m[1]!, ...m[2]!.split(/[\s\u3000]+(?=[0-9０-９]+\s*[.．、])/u)] : [before];
}

/**
 * A notice printed without a 署名 (a 公告 on a law database, a portal's body copy) ends on its 成文日期
 * alone; a copy that lost the line break sets it after the last sentence ("…调整服务时间和方式。2020年2月4日", "…方式。 2020-02-04").
 * Only on the copy's last line: a date after a sentence inside the body is the body's.
 */
const TRAILING_DATE = new RegExp(`^(.*[。！？])[\\s\\u3000]*(${DATE_TEXT}|[0-9０-９]{4}-[0-9０-９]{1,2}-[0-9０-９]{1,2})$`, 'u');
function dateRunOn(text: string): string[] | null {
  const m = TRAILING_DATE.exec(text) ?? CONTACT_DATE.exec(text);
  return m && DATE_ONLY.test(m[2]!.replace(/\s+/gu, '')) ? [m[1]!, m[2]!] : null;
}
/**
 * Or after the contact line a notice may close on ("联系电话:3288298 2024-10-12"), even with no space between
 * (the date's four-digit year is the last four digits before its 年: "联系电话:32882982024年10月12日").
 */
const CONTACT_DATE = new RegExp(`^(${CONTACT_LABEL}.*?)[\\s\\u3000]*([0-9０-９]{4}\\s*年\\s*[0-9０-９]{1,2}\\s*月\\s*[0-9０-９]{1,2}\\s*日|[0-9０-９]{4}-[0-9０-９]{1,2}-[0-9０-９]{1,2})$`, 'u');

/** "附件: 某某征集表 姓名: 单位:": the 附件 mark, the attachment's name (a document's title) and its text. */
function attachmentRunOn(text: string): string[] {
  const m = /^(附件\s*[0-9０-９]*)\s*[:：]\s*(\S.*)$/u.exec(text);
  if (!m) return [text];
  for (const gap of m[2]!.matchAll(/[\s\u3000]+/gu)) {
    const name = m[2]!.slice(0, gap.index);
    if (documentTitle(name)) return [m[1]!, name, m[2]!.slice(gap.index! + gap[0].length)];
  }
  return [m[1]!, m[2]!];
}

/** A column's name the page prints before a headline ("【通知公告】关于…"): no part of the title. */
const COLUMN_PREFIX = /^\s*【[\u4e00-\u9fa5]{2,8}】\s*(?=\S)/u;
const COLUMN_LABEL = /^(?:通知|通报|公告|通告|公示|决定|文件|政策|动态|规划|计划|要闻){2,}$/u;
/** Kinds that are addressed to the public and so carry no 主送 line. */
const PUBLIC_KINDS = /(?:公告|公示|通告|决定|命令|意见)$/u;
/** A title named 公告 or 通告 as its 文种, not a headline reporting one posted. */
const PUBLIC_TITLE = /(?<!发布|发出|张贴|贴出|下发)(?:公告|通告)$/u;
/** The basis an official text cites for what it does: the law or document, in 《》 (GB/T 9704's 依据). */
const CITED_BASIS = /(?:根据|依据|按照|遵照)[^。！？《]{0,20}《[^《》]{2,60}》/u;
/** "关于…的通知", "…印发…的通知", "转发…": a notice by its title alone. */
const STRONG_TITLE = /(?:关于|转发|印发|批转)[^。！？]{2,}(?:通知|通报|意见|决定|批复|函|公告|公示|通告|请示|报告|决议|命令|纪要|倡议书)$/u;
/** Titles of official documents that need one more sign (a 发文字号, 主送, a signature) to count. */
const WEAK_TITLE = /(?:通知|通报|意见|决定|批复|公告|公示|通告|请示|报告|决议|命令|纪要|函|规则|办法|规定|细则|方案|要点|条例|规划|纲要|倡议书)$/u;
/** A posting date after the title on a portal: "…的通知 ( 2026-01-30 )". */
const DRAFT_NOTE = /\s*[(（](?:试行|暂行|征求意见稿|修订稿|修订|草案|送审稿|讨论稿|代拟稿)[)）]$/u;
const SERIAL_NOTE = /\s*[(（]\s*(?:[0-9０-９]{4}\s*年\s*)?第\s*[0-9０-９一二三四五六七八九十百]+\s*[号期]\s*[)）]$/u;
const TITLE_DATE = /\s*[(（]\s*[0-9０-９]{4}\s*[-年./]\s*[0-9０-９]{1,2}\s*[-月./]\s*[0-9０-９]{1,2}\s*日?\s*[)）]\s*$/u;
/** 发文字号 anywhere in a line: "鲁民函〔2021〕11号", "常民发〔2023〕2号", "沪民办发〔2026〕2 号". */
export const DOC_NUMBER_ANY = new RegExp(numberGrammar(false), 'u');
/** In the table's 发文字号 field the year may also stand in parentheses, as copies type 〔〕 ("某民发(2023)5号"). */
const DOC_NUMBER_FIELD = new RegExp(numberGrammar(true), 'u');
/**
 * Organ words a 主送 line ends its items with. (The people's organisations and committees a 通知 is sent
 * to as well: 残联, 妇联, 工商联, 科协, 管委会, 居委会, 协会, 工会.)
 */
const ADDRESSEE_ITEM = /(?:局|厅|部|委|办|政府|部门|单位|处室|科室|机关|委员会|办公室|街道|乡镇|镇街|组织|企业|学校|医院|各处|各单位|[委协商工]会|联合会|[残妇侨文]联|工商联|科协|[)）])$/u;
/**
 * The performative sentence of a document addressed to the public (公告, 公示, 通告, 征集公告): "现予以公示",
 * "现向社会进行公告", "现将…向社会公示", "有关事项公告如下", "特此公告", "公示期为…". It makes a copy taken from
 * its body (no title, no 主送, no signature) a notice: no write-up or news report announces itself.
 */
const PUBLIC_FORMULA = /现(?:将[^。！？]{1,40}?)?(?:向社会(?:各界)?)?(?:进行|予以?)?(?:公告|公示|通告)|(?<![已将拟并再正])予以(?:公告|公示)(?=[,，。；;])|(?:^|[。！？，,；;])(?:现将|现就|特)?[^。！？]{0,30}?(?:公告|通告|公示)如下|特此(?:公告|公示|通告)|公示期(?:为|自)/u;
/**
 * Words every alternative of PUBLIC_FORMULA, and of NOTICE_FORMULA, holds: a line without them cannot match, and is
 * spared the formula's lazy runs tried at each of its characters (a report's long paragraphs, on every draft).
 */
const PUBLIC_WORD = /公[告示]|通告/u;
const NOTICE_WORD = /你们|如下|特此|此复|执行/u;
/**
 * The performative sentences of a document issued to organs: its opening ("现将《…》印发给你们", "现就…通知如下",
 * "现批复如下", "现将有关事项函复如下") and its close ("特此通知", "特此批复", "此复", "请遵照执行").
 */
const NOTICE_FORMULA = /(?:现将|现就|特将|现)[^。！？]{0,60}?(?:(?:印发|转发)给?你们|(?:通知|通报|批复|答复|函复|决定)如下)|特此(?:通知|通报|批复|函复|函告)|(?:^|[。！？])\s*此复。?$|请(?:认真)?(?:遵照|贯彻)执行/u;
/** The opening sentence of a 印发 or 转发 notice's body: a document handed to its addressees. */
const HANDS_OVER = /^(?:经[^。！？]{1,20}(?:同意|研究)[,，]\s*)?现将[^。！？]{2,120}?(?:印发|转发)给?你们/u;
/** Dates at the start of a line, the rest being something else (a forwarded document run on). */
const SIGNED_DATE = new RegExp(`^(\\S.*?)[\\s\\u3000]*(${DATE_TEXT}|[0-9０-９]{4}\\s*[-./／]\\s*[0-9０-９]{1,2}\\s*[-./／]\\s*[0-9０-９]{1,2})$`, 'u');
/** The organ and a date the copy cut short where it ends ("某镇人民政府 2021年1"). */
const SIGNED_CUT = /^(\S.*?)[\s\u3000]+([0-9０-９]{4}\s*年\S{0,6})$/u;

/**
 * A 署名 line with its 成文日期: the organs and the date on one line, spaced apart or set close
 * ("某县民政局 2023年6月26日", "某省民政厅办公室2024年5月29日"), or, on the copy's last line, the
 * organs over a date cut short ("某镇人民政府 2021年1"; the date is then unknown).
 */
function signedLine(text: string, last: boolean): { issuer: string; date: string | null } | null {
  if (text.length > 60) return null;
  const m = SIGNED_DATE.exec(text);
  // (Sealed: "某县民政局（盖章） 2023年6月26日".)
  if (m && organNames(m[1]!.replace(SEAL_NOTE, '')) && isDateLine(m[2]!)) return { issuer: m[1]!, date: m[2]! };
  const cut = last ? SIGNED_CUT.exec(text) : null;
  if (cut && organNames(cut[1]!.replace(SEAL_NOTE, '')) && CUT_DATE.test(cut[2]!)) return { issuer: cut[1]!, date: null };
  return null;
}
const DATE_LEAD = /^([0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)\s+\S/u;

/** A 主送 line: organs separated by commas, ending in a colon (or in an organ, as portals often drop it). */
/** The public as a document addresses it: "全县广大市民朋友：", "居民和朋友们：", "各位村民：". */
const PUBLIC_ADDRESSEES = /^(?:各位|全体|广大|亲爱的|尊敬的|全[省市县区镇乡村])?[\u4e00-\u9fa5]{0,8}(?:市民|居民|村民|群众|朋友|网友|家长|同胞)(?:们)?\s*[:：]$/u;

export function isAddressees(text: string): boolean {
  const t = text.replace(/\s*[|｜]\s*$/u, '');
  if (t.length < 3 || t.length > 200 || /[。！？]/u.test(t)) return false;
  const colon = /[:：]$/u.test(t);
  const bare = t.replace(/[:：]$/u, '');
  if (/[:：]/u.test(bare)) return false;
  const items = addresseeItems(bare);
  const organs = items.filter((x) => ADDRESSEE_ITEM.test(x) || /^各/u.test(x)).length;
  // "祖庵、渭丰、涝店、石井镇人民政府:": short place names sharing the last item's organ.
  const shared = items.length >= 2 && ADDRESSEE_ITEM.test(items.at(-1)!) && items.slice(0, -1).every((x) => /^[\u4e00-\u9fa5]{1,6}$/u.test(x) && !ADDRESSEE_ITEM.test(x));
  if (colon) return (organs >= 1 && organs >= items.length / 2) || shared;
  // Without its colon: organs only, opening with 各 ("各县（市、区）民政局"), several, or one short that ends
  // in an organ word ("各位居民" alone is a greeting's line, not a 主送).
  return organs === items.length && /^各/u.test(bare) && (items.length >= 2 || (bare.length <= 30 && ADDRESSEE_ITEM.test(bare)));
}

/**
 * The items of a 主送 line: split at its commas, 、 and semicolons outside brackets ("县（市、区）民政局" is
 * one), and where a copy ran two items together without their comma, at a 各 after an organ word
 * ("省级有关单位各市、县（市、区）民政局").
 */
function addresseeItems(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let item = '';
  for (const ch of text) {
    if (/[(（]/u.test(ch)) depth++;
    else if (/[)）]/u.test(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,，、;；]/u.test(ch)) {
      out.push(item);
      item = '';
    } else item += ch;
  }
  out.push(item);
  return out.flatMap((x) => x.split(/(?<=(?:单位|部门|机关|机构|局|厅|委|办|政府))(?=各)/u)).map((x) => x.trim()).filter(Boolean);
}

/**
 * A long 主送 wraps over two or three lines ("各设区市民政局,平潭综合实验区社会事业局,厅机关各处(室、" /
 * "局),各直属单位:"). From the line found, the lines before it and after it belong to it while the break
 * falls inside the list (a line ending on a separator or an open bracket, or mid-item, not on an
 * organ word), no line is a sentence, and the whole still reads as a 主送: where it starts and how
 * many lines it takes.
 */
const ITEM_BREAK = /[,，、;；(（]$/u;
function wrappedAddressees(lines: SourceLine[], at: number, from: number, header: Set<number>): [number, number] {
  let first = at;
  let last = at;
  let text = lines[at]!.text.trim();
  const open = (v: string) => (v.match(/[(（]/gu)?.length ?? 0) > (v.match(/[)）]/gu)?.length ?? 0);
  while (last - first < 2 && !/[:：]$/u.test(text)) {
    const v = lines[last + 1]?.text.trim() ?? '';
    if (!v || header.has(last + 1) || /[。！？]/u.test(v) || v.length > 150 || !isAddressees(text + v)) break;
    // (Broken mid-item, the next line ends the list with its colon.)
    if (!ITEM_BREAK.test(text) && !open(text) && !(/[:：]$/u.test(v) && v.length <= 60)) break;
    text += v;
    last++;
  }
  while (last - first < 2 && first - 1 >= from) {
    const v = lines[first - 1]!.text.trim();
    if (!v || header.has(first - 1) || /[。！？:：]/u.test(v) || v.length > 150 || WEAK_TITLE.test(v)) break;
    // (Broken mid-item, the line above must open the list as a 主送 does, with 各, or be a list itself: a
    // label or a number over a 主送 is no part of it.)
    if (!ITEM_BREAK.test(v) && !open(v) && (ADDRESSEE_ITEM.test(v) || !(/^各/u.test(v) || /[、,，]/u.test(v)))) break;
    if (!isAddressees(v + text)) break;
    text = v + text;
    first--;
  }
  return [first, last - first + 1];
}

/**
 * A line an official document always ends where it is printed, however full: its title ("…关于…的通知",
 * no sentence in it), its 主送 ending in the colon and its 附件说明 naming a document. A hard-wrapped copy (unwrap.ts) joins a line that
 * fills the measure to the next; these it must not, or the title runs into the 主送 and the 主送 into the body.
 */
export function endsOwnLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 100 || /[。！？]/u.test(t)) return false;
  if (/[:：]$/u.test(t)) return isAddressees(t);
  // (And its 附件说明, "附件:某某名单", a document's name after the mark.)
  const note = ATTACHMENT_NOTE.exec(t);
  if (note) return documentTitle(note[1]!);
  // (A 公告 or 通告 titled without 关于, "某市公开征集…名称公告", as well: no clause of a sentence ends on its kind word.)
  const bare = t.replace(DRAFT_NOTE, '').replace(SERIAL_NOTE, '');
  return STRONG_TITLE.test(bare) || (PUBLIC_TITLE.test(bare) && !/[，,、；;]/u.test(bare));
}

/** The 主送 line's text and the body that portals run on after it: "各…单位: 2022年,全市…". */
function addresseesRunOn(text: string): { addressees: string; rest: string } | null {
  const m = /^([^。！？:：]{3,200}?[:：])\s+(\S.*)$/u.exec(text);
  if (!m || !isAddressees(m[1]!)) return null;
  return { addressees: m[1]!, rest: m[2]! };
}

/** A centred heading set with a space between characters ("国 务 院 办 公 厅 关 于 暂 停"), closed up. */
function closeUp(text: string): string {
  return SPACED_OUT.test(text) ? text.replace(/[ \t\u3000]+/gu, '') : text;
}
const SPACED_OUT = /^(?:[\u4e00-\u9fa5][ \t\u3000]+){3,}[\u4e00-\u9fa5]$/u;

/** An organ named relative to the issuer's own level, without its place ("省民政厅", "市发展改革委"). */
const RELATIVE_ORGAN = /^(?:省|市|县|区|州|盟|旗)[\u4e00-\u9fa5]/u;

/** The (first) organ a title names before 关于 ("西安市鄠邑区人民政府关于…"), or null. */
function titleOrgan(title: string): string | null {
  const m = /^([\u4e00-\u9fa5（）() ]{2,60}?)(?:关于|转发|印发|批转)/u.exec(title.replace(/[\s\u3000]+/gu, ' ').trim());
  if (!m) return null;
  // A joint title names several: the first is the organ, as the first of several signatures is.
  const names = organNames(m[1]!);
  return names ? names[0]! : null;
}

/**
 * A 公告, 公示 or 通告 is issued by publishing it (GB/T 9704 文种: addressed to the public, it has no 主送 to
 * be sent to): a copy that carries no 成文日期 of its own (the copy stopped at the 署名, or the portal printed
 * none) is dated by its posting, as the page prints it. Not a 通知 or 决定, sent to organs and posted later,
 * and not where the document's number names another year (a 公告 reposted a year on). The posting must
 * fall inside what the text announces: on or before the last day it names (the 公示期's or the call's
 * end, "至2024年7月26日止"), in that year. Of the page's dates (its byline's, then the date lines cleaning
 * took as the page's, a repost's among them) the first that does is taken; none, where the text names no
 * day. (The 版记's 印发 date is the printing's, no day the text names.)
 */
export function postedDate(meta: Pick<NoticeMeta, 'title' | 'date' | 'docNumber'>, posted: (string | null)[], pageLines: readonly string[], text: string): string | null {
  if (meta.date) return null;
  if (!/(?:公告|公示|通告)$/u.test(meta.title.replace(DRAFT_NOTE, '').replace(SERIAL_NOTE, ''))) return null;
  const own = text.split('\n').filter((l) => !PRINTER.test(l.trim())).join('\n');
  const named = [...halfWidthDigits(own).matchAll(/([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日/gu)].map((m) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
  const last = named.sort().at(-1);
  if (!last) return null;
  const numbered = meta.docNumber ? /[0-9]{4}/u.exec(halfWidthDigits(meta.docNumber))?.[0] : null;
  const fits = (d: string | null | undefined): d is string => Boolean(d) && d! <= last && d!.slice(0, 4) === last.slice(0, 4) && (!numbered || numbered === d!.slice(0, 4));
  // (A page's date line: short, no sentence; "22.07.2019 17:41" as aggregators print the day first.)
  const lineDate = (l: string) => (l.length > 90 || /[。！？]/u.test(l) ? null : (findDate(l) ?? dayFirst(l)));
  return [...posted, ...pageLines.map(lineDate)].find(fits) ?? null;
}
function dayFirst(line: string): string | null {
  const m = /(?:^|\s)([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})(?=\s|$)/u.exec(halfWidthDigits(line));
  return m ? findDate(`${m[3]}-${m[2]}-${m[1]}`) : null;
}

/**
 * The government a title names by its level word alone ("市政府关于…", "县人民政府关于…": the short form
 * GB/T 9704 allows for 某市人民政府), named in full from the notice's own division at that level; null
 * when the title names it otherwise or the division at that level is not known.
 */
export function levelGovernment(title: string, region: { province: string | null; city: string | null; county: string | null } | null): string | null {
  const m = /^(省|市|县|区)(?:人民)?政府(?=关于|转发|印发|批转)/u.exec(title.replace(/[\s\u3000]+/gu, ''));
  if (!m || !region) return null;
  const level = m[1]!;
  // (A municipality's city is the province itself: 北京市.)
  const place = level === '省' ? region.province : level === '市' ? (region.county ? null : (region.city ?? (/市$/u.test(region.province ?? '') ? region.province : null))) : region.county;
  return place && place.endsWith(level) ? `${place}人民政府` : null;
}

/**
 * A document's full title names its organ before 关于 (GB/T 9704: 发文机关 + 关于 + 事由 + 文种), as the
 * portal's information table registers it ("琼海市人民政府 关于印发…的通知"); a page setting the organ
 * as a 版头 line prints its headline from 关于 on. The table's title is the document's when it is the
 * headline with only the organ (or joint organs) before it; any other difference is the table's own
 * wording, and the headline stands.
 */
function organTitle(headline: string, registered: string | undefined): string | null {
  if (!registered || !/^(?:关于|转发|印发|批转)/u.test(headline)) return null;
  const full = registered.replace(/[\s\u3000]+/gu, ' ').trim();
  const bare = headline.replace(/[\s\u3000]+/gu, '');
  if (!full.replace(/\s+/gu, '').endsWith(bare)) return null;
  // (Cut where the headline starts in the registered title, spaces aside.)
  let k = full.length;
  for (let n = 0; n < bare.length && k > 0; ) if (full[--k] !== ' ') n++;
  const organs = organNames(full.slice(0, k));
  return organs ? `${organs.join(' ')}${headline}` : null;
}

/** The 版头's organ line right over a 发文字号 line at the head of the copy, or -1. */
function bannerAt(lines: SourceLine[], header: Set<number>): number {
  const text = (k: number) => unwrapNumber(lines[k]!.text.replace(/\s*[|｜]+\s*$/u, ''));
  let prev = -1;
  for (let k = 0, seen = 0; k < lines.length && seen < 8; k++) {
    if (!lines[k]!.text.trim()) continue;
    seen++;
    if (header.has(k) && DOC_NUMBER.test(text(k))) return prev >= 0 && (isOrganMark(text(prev)) || organNames(text(prev))) ? prev : -1;
    prev = k;
  }
  return -1;
}

/** A headline a page cut short with an ellipsis ("关于开展…工作……"): the page's, never part of a title. */
function cutShort(t: string): boolean {
  return /(?:…|\.{3}|。。。)$/u.test(t.trim());
}

/** A line that is one name in 《》 and nothing else, without them; any other line as it is. */
function unquoteName(text: string): string {
  const m = /^\s*《([^《》]{2,100})》\s*$/u.exec(text);
  return m ? m[1]! : text;
}

function titleText(lines: SourceLine[], shape: NoticeShape): string {
  return unquoteName(lines
    .slice(shape.titleAt, shape.titleAt + shape.titleLines)
    .map((l) => closeUp(l.text))
    .join('')
    .replace(COLUMN_PREFIX, ''))
    // A title copied from a table keeps tabs where the page set spaces (between joint organs).
    .replace(/[ \u3000]*\t[\t \u3000]*/gu, ' ')
    .replace(/\s*[|｜]+\s*$/u, '')
    .replace(TITLE_DATE, '')
    .replace(new RegExp(`\\s*[(（]\\s*${DOC_NUMBER_ANY.source}\\s*[)）]$`, 'u'), '')
    .replace(new RegExp(`\\s+${DOC_NUMBER_ANY.source}$`, 'u'), '')
    .trim();
}

/** Where the parts of a notice are, or null when the draft is not one. */
export function noticeShape(copied: SourceLine[], raw?: SourceLine[]): NoticeShape | null {
  const lines = unflatten(raw ? restoreLifted(restoreTitleHead(copied, raw), raw) : copied);
  // The table is read from the lines before cleaning as well: cleaning lifts date lines out as page metadata.
  const own = readInfoTable(lines);
  const before = raw ? readInfoTable(raw) : null;
  const info = own || before ? { fields: { ...(before?.fields ?? {}), ...(own?.fields ?? {}) }, lines: own?.lines ?? new Set<number>() } : null;
  const header = new Set<number>(info?.lines ?? []);
  let docNumber = Boolean(info?.fields['发文字号'] && DOC_NUMBER_FIELD.test(info.fields['发文字号']));
  // A joint document's 版头 names its issuing organs one to a line (GB/T 9704 7.2.2: 联合行文时… 发文机关标志
  // 可以并用联合发文机关名称), as many as there are organs: its head is the dozen lines under them.
  const organsOver = jointOrgansAt(lines);
  for (let i = 0; i < organsOver; i++) if (lines[i]!.text.trim()) header.add(i);
  // 版头, 发文字号 and 签发人 lines above or below the title.
  for (let i = 0; i < Math.min(lines.length, organsOver + 12); i++) {
    const t = unwrapNumber(lines[i]!.text.replace(/\s*[|｜]+\s*$/u, ''));
    if (isOrganMark(t) || DOC_NUMBER.test(t) || SIGNERS.test(t) || DOC_NUMBER_WITH_SIGNER.test(t) || (i > 0 && damagedNumber(t))) {
      header.add(i);
      if (!isOrganMark(t)) docNumber = true;
    }
  }
  let titleAt = -1;
  let titleLines = 1;
  let strong = false;
  // Whether two lines next to each other in the copy stood apart on the page: a line cleaning took
  // (a byline, a widget) was printed between them.
  const rawAt = raw ? new Map(raw.map((l, k) => [l, k])) : null;
  const copiedSet = new Set(lines);
  const setApart = (a: number, b: number): boolean => {
    const x = rawAt?.get(lines[a]!);
    const y = rawAt?.get(lines[b]!);
    if (x === undefined || y === undefined) return false;
    for (let k = x + 1; k < y; k++) if (raw![k]!.text.trim() && !copiedSet.has(raw![k]!)) return true;
    return false;
  };
  // Joint documents put every issuing organ before 关于: such a title may run to two hundred characters.
  const plain = (v: string) => (v.length <= 100 || (v.length <= 240 && /关于/u.test(v) && WEAK_TITLE.test(v))) && !/[。！？:：]/u.test(v);
  for (let i = 0; i < Math.min(lines.length, organsOver + 12); i++) {
    if (header.has(i)) continue;
    const raw = lines[i]!.text;
    if (!raw) continue;
    const t = raw.replace(TITLE_DATE, '').replace(/\s*[|｜]+\s*$/u, '').replace(COLUMN_PREFIX, '');
    const withNumber = /[〔[［【]/u.test(t) ? DOC_NUMBER_ANY.exec(t) : null;
    // The number may follow the title in brackets ("…的通知（某民发〔2023〕12号）").
    const bare = withNumber && withNumber.index > 0 ? t.slice(0, withNumber.index).replace(/\s*[(（]\s*$/u, '').trim() : t;
    // A draft's status after its kind word ("…的通知（征求意见稿）", "…管理办法（试行）"), or a 公告's serial
    // number ("…的公告（第3号）", "（2023年第1号）"), is part of the title.
    // A document published under its name in 《》 on its own line ("《某市…实施方案》") is titled by that name.
    const kinded = unquoteName(bare).replace(DRAFT_NOTE, '').replace(SERIAL_NOTE, '');
    // A column label made of kind words only ("通知公告", "公示公告") names the page's column, not a document
    // (a kind word alone may end a title broken over lines).
    if (COLUMN_LABEL.test(kinded)) continue;
    if (plain(bare) && WEAK_TITLE.test(kinded)) {
      titleAt = i;
      strong = STRONG_TITLE.test(kinded) || /^[\u4e00-\u9fa5（）()]{2,40}(?:关于|转发|印发)/u.test(bare);
      if (withNumber && withNumber.index > 0) docNumber = true;
      break;
    }
    // "曲阜市民政局关于印发《…》" + "的通知"
    const next = (lines[i + 1]?.text ?? '').replace(TITLE_DATE, '');
    if (plain(t) && WEAK_TITLE.test(next) && plain(next) && (t + next).length <= 100 && /关于|转发|印发/u.test(t) && !cutShort(t) && !setApart(i, i + 1)) {
      titleAt = i;
      titleLines = 2;
      strong = true;
      break;
    }
    // Past the head of the page: a sentence, or a 主送 line, means the title was not copied.
    // (Not a sentence above the 版头 or 发文字号: GB/T 9704 prints the title under them, so what stands
    // above is the page's own, a site's blurb over the document it carries.)
    if (isAddressees(t) || addresseesRunOn(t)) break;
    if (/[。！？]/u.test(t) && ![...header].some((h) => h > i)) break;
  }
  // A headline naming the document by its kind alone ("某区清明节暂停祭扫服务通告") right over a title that
  // names it as GB/T 9704 titles one, by its subject after 关于 ("某区民政局关于暂停祭扫服务的通知"): the page's
  // headline (a site retitles what it reposts), over the document's own title.
  if (titleAt >= 0 && titleLines === 1 && !strong) {
    let k = titleAt + 1;
    while (k < lines.length && !lines[k]!.text.trim()) k++;
    const own = (v: string) => plain(v) && STRONG_TITLE.test(v) && /^[\u4e00-\u9fa5（）()]{0,40}关于/u.test(v);
    const t = k < lines.length && !header.has(k) ? lines[k]!.text.trim().replace(TITLE_DATE, '') : '';
    // (Its title may be broken over two lines, as a long one is centred.)
    const two = t && !WEAK_TITLE.test(t) && k + 1 < lines.length && !header.has(k + 1) ? t + lines[k + 1]!.text.trim().replace(TITLE_DATE, '') : '';
    const lines2 = t && own(t) ? 1 : two && own(two) && two.length <= 100 ? 2 : 0;
    if (lines2 && !/关于/u.test(lines[titleAt]!.text)) {
      titleAt = k;
      titleLines = lines2;
      strong = true;
    }
  }
  // The page's headline over the document's own title, the same words (a byline between them): the
  // title is the document's, where its head (number, dated line, 主送) follows.
  if (titleAt >= 0 && titleLines === 1) {
    // (The document's may carry its number or date after it: "…的通知 常民发〔2023〕2号".)
    const words = (k: number) => lines[k]!.text.replace(TITLE_DATE, '').replace(new RegExp(`[\\s(（]*${DOC_NUMBER_ANY.source}[)）]?\\s*$`, 'u'), '').replace(/[\s\u3000]+/gu, '');
    const same = (k: number) => words(k) === words(titleAt);
    for (let k = titleAt + 1, seen = 0; k < lines.length && seen < 4; k++) {
      if (!lines[k]!.text.trim() || header.has(k)) continue;
      if (same(k)) {
        titleAt = k;
        break;
      }
      if (/[。！？]/u.test(lines[k]!.text)) break;
      seen++;
    }
  }
  // A long title broken over several centred lines ("关于开展…工作" / "创新案例评选活动的" / "通知"):
  // the short lines above the kind word belong to it when they start at 关于 (or 转发, 印发).
  if (titleAt > 0 && titleLines === 1) {
    // The first line may name the organ before 关于, and may be spaced out ("国 务 院 办 公 厅 关 于 暂 停").
    const opens = (t: string) => /^(?:关于|转发|印发|批转)/u.test(t) || titleOrgan(t) !== null;
    let from = titleAt;
    while (from > 0 && titleAt - from < 3) {
      const t = closeUp(lines[from - 1]!.text);
      if (!t || header.has(from - 1) || t.length > 40 || /[。！？:：]/u.test(t) || WEAK_TITLE.test(t)) break;
      // A headline cut short ("关于开展…工作……") is the page's; so is a line the page set apart from the
      // title by one cleaning took out (its date and source line under the headline).
      if (cutShort(t) || setApart(from - 1, from)) break;
      from--;
      if (opens(t)) break;
    }
    const joined = lines.slice(from, titleAt + 1).map((l) => closeUp(l.text)).join('');
    if (from < titleAt && opens(closeUp(lines[from]!.text)) && joined.length <= 120) {
      titleLines = titleAt + 1 - from;
      titleAt = from;
      strong = true;
    }
  }
  // The issuing organs printed alone right above a title that starts at 关于 ("中共某市委 某市人民政府"):
  // the 发文机关, as a 版头 is.
  // Under the 发文字号, or named short ("省民政厅 省发展改革委", as no 版头 names them), they are the
  // title's first line instead: the 版头 stands above the number, and a joint title opens with its organs.
  if (titleAt > 0 && /^关于/u.test(lines[titleAt]!.text)) {
    let above = titleAt - 1;
    while (above > 0 && !lines[above]!.text) above--;
    // (Not a site's name over its breadcrumb, which cleaning took out between them.)
    const organs = !header.has(above) && !setApart(above, titleAt) ? organNames(lines[above]!.text) : null;
    if (organs) {
      let over = above - 1;
      while (over > 0 && !lines[over]!.text) over--;
      const underNumber = over >= 0 && header.has(over) && DOC_NUMBER.test(unwrapNumber(lines[over]!.text.replace(/\s*[|｜]+\s*$/u, '')));
      const short = organs.every((o) => RELATIVE_ORGAN.test(o));
      if (above === titleAt - 1 && (underNumber || short)) {
        titleAt = above;
        titleLines++;
      } else header.add(above);
    }
  }
  let afterTitle = titleAt >= 0 ? titleAt + titleLines : 0;
  // A collection's dated line right under the title is the header's: its number and 成文日期.
  // (Under the title printed again, as a page heads its copy with the headline over the document's.)
  if (titleAt >= 0) {
    const words = (v: string) => v.replace(/[\s\u3000]+/gu, '');
    const titleWords = words(lines.slice(titleAt, titleAt + titleLines).map((l) => l.text).join(''));
    let k = afterTitle;
    while (k < lines.length && (!lines[k]!.text || words(lines[k]!.text) === titleWords)) k++;
    const head = k < lines.length ? datedHead(lines[k]!.text) : null;
    if (head) {
      header.add(k);
      if (head.number) docNumber = true;
      afterTitle = k + 1;
    }
  }
  let addresseesAt = -1;
  for (let i = afterTitle, first = true; i < Math.min(lines.length, afterTitle + 8); i++) {
    if (header.has(i) || !lines[i]!.text) continue;
    const t = lines[i]!.text;
    // (A titled document to the public, a 倡议书 or a notice to residents, may address them as its 主送
    // does organs, on the line right under its title: "全县广大市民朋友：", "居民和朋友们：".)
    if (isAddressees(t) || addresseesRunOn(t) || (first && titleAt >= 0 && PUBLIC_ADDRESSEES.test(t.trim()))) {
      addresseesAt = i;
      break;
    }
    first = false;
    if (/[。！？]/u.test(t) && t.length > 30) break;
  }
  // Neither a title nor a 主送 at the head: the document may be reprinted further down, under a news
  // page's headline and lead.
  const reprint = titleAt < 0 && addresseesAt < 0 ? reprinted(lines, header) : null;
  if (reprint) addresseesAt = reprint.addresseesAt;
  let addresseesLines = 1;
  if (addresseesAt >= 0 && !reprint) [addresseesAt, addresseesLines] = wrappedAddressees(lines, addresseesAt, afterTitle, header);
  // Header lines under the 主送 are another document's, the one a 转发 notice forwards after its 落款
  // (its 版头, number, table): the body's, not this notice's head.
  if (addresseesAt >= 0) for (const h of [...header]) if (h > addresseesAt) header.delete(h);
  const bodyFrom = Math.max(afterTitle, addresseesAt + addresseesLines, ...[...header].filter((h) => h < afterTitle + 10).map((h) => h + 1));
  // 署名 and 成文日期: the first date-only line under an issuer line after the body has begun.
  let issuerAt = -1;
  let dateAt = -1;
  let lastLine = lines.length - 1;
  while (lastLine > 0 && (!lines[lastLine]!.text || isRecordLine(lines[lastLine]!.text))) lastLine--;
  for (let i = bodyFrom + 1; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.length > 30 && !/^[0-9０-９]{4}\s*年/u.test(t)) continue;
    // The signature and the date on one line.
    if (signedLine(t, i === lastLine)) {
      issuerAt = i;
      dateAt = i;
      break;
    }
    if (t.length <= 30 && isDateLine(t)) {
      // Under an organ line it is the 署名 and 成文日期; alone after the body, the 成文日期 only.
      // (A document's name listed under "附件:" right above the date is the attachment, not the 署名.)
      if (ISSUER.test(lines[i - 1]!.text) && !documentTitle(lines[i - 1]!.text)) issuerAt = i - 1;
      dateAt = i;
      break;
    }
    if (dateAt < 0 && DATE_LEAD.test(t) && i > bodyFrom) {
      dateAt = i;
      break;
    }
  }
  // The sentences only an issuing document has: "现将《…》印发给你们", "特此通知".
  // (Its close stands last, right above the 署名: looked for there as well as in the opening lines.)
  const closeAt = issuerAt >= 0 ? issuerAt : dateAt >= 0 ? dateAt : lines.length;
  const closing4 = lines.slice(bodyFrom, closeAt).filter((l) => l.text).slice(-3);
  // An attachment note ("附件：1.…名单") right above the 落款 is a document's as well: GB/T 9704 sets it
  // between the body and the signature, where a report or a write-up ends on a sentence.
  // (The opening read by characters as well: a copy hard-wrapped from print cuts "现就…通知如下" over lines.)
  const voiced = (t: string) => NOTICE_WORD.test(t) && NOTICE_FORMULA.test(t);
  const formula = [...lines.slice(bodyFrom, bodyFrom + 6), ...closing4].some((l) => voiced(l.text)) || voiced(openingText(lines, bodyFrom, 240)) || (issuerAt >= 0 && attachmentNoteAbove(lines, bodyFrom, issuerAt));
  // (Only for a copy that starts at a sentence: a copy headed by a title that is no notice's, such as
  // "某县民政局2023年工作总结", is a report signed and dated as reports are.)
  const headed = titleAt < 0 && headline(lines, header);
  const closing = !headed && closingSignature(lines, bodyFrom, issuerAt, dateAt);
  const announces = lines.slice(bodyFrom, bodyFrom + 6).some((l) => PUBLIC_WORD.test(l.text) && PUBLIC_FORMULA.test(l.text));
  const announcing = !headed && titleAt < 0 && announces;
  // A copy whose first sentence hands the readers a document ("现将《…》转发你们", "…印发给你们") speaks
  // as only a 印发 or 转发 notice does to its addressees (in tuning, every page with that sentence is one:
  // 16 sites), with or without the title it left in the page's header.
  const firstBody = lines.find((l, k) => k >= bodyFrom && !header.has(k) && l.text.trim())?.text.trim() ?? '';
  const handsOver = titleAt < 0 && HANDS_OVER.test(firstBody);
  // A copy opening on a conferring decision's own first paragraph ("为表彰…，（根据…，）某某决定授予…", "为鼓励
  // 先进…，民政部决定，命名…") is the 表彰决定, as a news report of it is not: the report narrates
  // ("近日决定"). In tuning every such opening is the decision's (5 sites; the one report says 近日).
  // (And so is one whose opening decides in the organ's own voice, "经局党组研究，决定对…".)
  const opening = titleAt < 0 ? openingText(lines, bodyFrom, 700) : '';
  const confers = titleAt < 0 && (conferringOpening(opening) || decidingSentence(opening));
  // A normative text set out in articles (a 条例, 办法, 细则 or 规则 reposted without its 印发 notice) is a
  // document, whoever posted it; copied from its first article without its title, it opens with them.
  const articles = articled(lines, bodyFrom);
  const opensWithArticles = articles && titleAt < 0 && POLICY_HEAD.test(firstBody);
  // A copy whose title stayed in the page's header may still open with the document's 版头: the organ
  // alone over its 发文字号 on a line of its own ("中共某市委 某市人民政府" / "某党发〔2015〕21号"), as no
  // report opens (in tuning, every copy with such a number line at its head is a notice or the award
  // list a notice confers: 20 and 2).
  const bannerLine = titleAt < 0 ? bannerAt(lines, header) : -1;
  const banner = bannerLine >= 0;
  if (banner) header.add(bannerLine);
  // A portal registering the page with a 发文字号 in its information table has registered a document (a
  // news item or a write-up has none to register: in tuning the 12 pages whose table holds one are notices).
  const registeredNumber = Boolean(info?.fields['发文字号'] && DOC_NUMBER_FIELD.test(info.fields['发文字号']));
  if (titleAt < 0 && addresseesAt < 0 && !(formula && issuerAt >= 0) && !closing && !announcing && !opensWithArticles && !banner && !handsOver && !confers && !registeredNumber) return null;
  // (A titled 公告 or 公示 says what it is in its opening as a 通知 does: "现将有关事项公告如下".)
  const signs = [docNumber, addresseesAt >= 0, issuerAt >= 0 || dateAt >= 0, Boolean(info && Object.keys(info.fields).length >= 2), formula || announces, articles, banner].filter(Boolean).length;
  const title = titleAt >= 0 ? lines.slice(titleAt, titleAt + titleLines).map((l) => l.text).join('') : '';
  if (titleAt >= 0) {
    // A title whose 文种 is 公告 or 通告 (not one a headline says was posted, "…发布公告") over an opening
    // that cites the law it acts on ("根据《地名管理条例》", as 5 of tuning's 9 titled 公告/通告 do, of 5
    // sites) and directs its readers (征集, 请…于, 须于) is the public document itself, signed or not. (A
    // title alone over directions may be a headline: the basis is the document's own sign.)
    // (Its opening read by characters, not lines: a copy hard-wrapped from print breaks it into many.)
    const opening = PUBLIC_TITLE.test(title.replace(TITLE_DATE, '')) ? openingText(lines, bodyFrom, 600) : '';
    const publicTitle = Boolean(opening) && CITED_BASIS.test(opening) && noticeVoice(opening);
    if (!strong && signs === 0 && !publicTitle) return null;
    // The old rule still holds for notices without 主送: a public kind, or a signature; or a policy
    // document (方案, 办法, 规划 …) the portal registers with its information table, which opens as one does.
    const registered = Boolean(info && Object.keys(info.fields).length >= 2) && policyOpening(lines, bodyFrom);
    if (!strong && addresseesAt < 0 && !PUBLIC_KINDS.test(title.replace(TITLE_DATE, '')) && issuerAt < 0 && !docNumber && !registered && !articles) return null;
  } else if (signs < 2 && !closing && !announcing && !opensWithArticles && !handsOver && !confers) return null;
  // No date under the signature (cut from the copy, or printed as bare digits the cleaner took):
  // an organ line right after the last sentence of the body, ending the copy or followed only by
  // the title of the document it issues, is the 署名. (Only once the draft is known to be a notice:
  // a case write-up may end on its bureau's name too.)
  if (issuerAt < 0 && dateAt < 0) issuerAt = undatedIssuer(lines, bodyFrom);
  // A 成文日期 that lost its 年, 月 and 日 on the page ("2017919" under the 署名; the cleaner takes such a
  // line out of the copy): read where its digits split into one month and day only.
  const digitDate = issuerAt >= 0 && dateAt < 0 ? bareDigitDate(rawAt?.get(lines[issuerAt]!), raw, lines, issuerAt) : null;
  const reprintParts = reprint ? { ...(reprint.title ? { quotedTitle: reprint.title } : {}), wrapper: { headline: reprint.headline, lead: reprint.lead } } : {};
  return { titleAt, titleLines, addresseesAt, ...(addresseesLines > 1 ? { addresseesLines } : {}), issuerAt, dateAt, bodyFrom, header, info, byline: pageByline(raw ?? copied), ...(lines !== copied ? { lines } : {}), ...(digitDate ? { digitDate } : {}), ...reprintParts };
}

/**
 * The line under the 署名 (in the page as copied, before cleaning) when it is a date printed as digits
 * alone, "2017919" or "2023626": year, month and day where only one split of the digits after the year
 * gives a month and a day ("2023111" may be 1月11日 or 11月1日: none).
 */
const DIGIT_DATE = /^((?:19|20)[0-9]{2})([0-9]{2,4})$/u;
function bareDigitDate(rawIssuer: number | undefined, raw: SourceLine[] | undefined, lines: SourceLine[], issuerAt: number): string | null {
  const after = (from: SourceLine[], k: number) => {
    let next = k + 1;
    while (next < from.length && !from[next]!.text.trim()) next++;
    return from[next]?.text.trim() ?? '';
  };
  const m = DIGIT_DATE.exec(halfWidthDigits(raw && rawIssuer !== undefined ? after(raw, rawIssuer) : after(lines, issuerAt)));
  if (!m) return null;
  const digits = m[2]!;
  const reads = [1, 2]
    .filter((k) => digits.length - k >= 1 && digits.length - k <= 2)
    .map((k) => isoDate(Number(m[1]), Number(digits.slice(0, k)), Number(digits.slice(k))))
    .filter((d): d is string => d !== null);
  return reads.length === 1 ? reads[0]! : null;
}

/** The page's byline over the text; its source, when the head names none, from a 来源 line closing the copy. */
function pageByline(lines: SourceLine[]): Byline | null {
  const head = readByline(lines);
  if (head?.source) return head;
  const source = closingSource(lines);
  return source ? { source, date: head?.date ?? null } : head;
}

/**
 * How a policy document opens, and a case write-up (a narrative of what a unit did) does not: its
 * purpose clause ("…结合我市实际,制定本方案。"), its first article (第一条, 第一章 总则) or the standard first
 * heading of a plan (一、总体要求 / 指导思想 / 工作目标 / 基本原则 / 适用范围).
 */
const POLICY_PURPOSE = /(?:制定|编制|修订)本(?:方案|办法|细则|规定|规则|规划|意见|要点|制度|标准|指引|纲要)|特制定本/u;
const POLICY_HEAD = /^(?:第一条|第一章\s*总\s*则|[一1][、.．]\s*(?:总体要求|指导思想|工作目标|目标任务|基本原则|适用范围|总\s*则))/u;
function policyOpening(lines: SourceLine[], bodyFrom: number): boolean {
  let seen = 0;
  for (let i = bodyFrom; i < lines.length && seen < 6; i++) {
    const t = lines[i]!.text.trim();
    if (!t) continue;
    seen++;
    if (POLICY_PURPOSE.test(t) || POLICY_HEAD.test(t)) return true;
  }
  return false;
}

/**
 * A document reprinted inside a news page (a portal's or a paper's story about a 批复 or 通知): the
 * page's headline and lead, often closed by an introduction ("具体内容如下:", "全文如下:"), then the
 * document as issued: its 主送 on a line of its own ending in a colon, the body, and its 落款 (the
 * organ over the 成文日期, or the two on one line). The notice is the document; the headline and the
 * lead are the page's. The document's title, when the reprint leaves it out, is the name the lead
 * quotes ("发布“某省人民政府关于…的批复”", 《…》): the last such name above the 主送 that reads as a
 * document's title (STRONG_TITLE). Null unless the 主送, a sentence of body and the 落款 are all found.
 */
const QUOTED_NAME = /[“"《「]([^“”"《》「」\n]{6,120})[”"“》」]/gu;
interface Reprint {
  addresseesAt: number;
  title: string | null;
  headline: string | null;
  lead: SourceLine[];
}
function reprinted(lines: SourceLine[], header: Set<number>): Reprint | null {
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (header.has(i) || !/[:：]$/u.test(t) || !isAddressees(t)) continue;
    let body = false;
    let closed = false;
    for (let j = i + 1; j < lines.length && !closed; j++) {
      const v = lines[j]!.text.trim();
      if (!v) continue;
      if (/[。！？]/u.test(v) && v.length >= 20) body = true;
      else if (body && (signedLine(v, false) || (isDateLine(v) && organNames(lines[j - 1]!.text.replace(SEAL_NOTE, ''))))) closed = true;
    }
    if (!closed) return null;
    let title: string | null = null;
    let first = -1;
    const lead: SourceLine[] = [];
    for (let k = 0; k < i; k++) {
      const v = lines[k]!.text.trim();
      if (!v || header.has(k)) continue;
      if (first < 0) first = k;
      for (const m of v.matchAll(QUOTED_NAME)) if (STRONG_TITLE.test(m[1]!)) title = m[1]!;
      // The lead's paragraphs; the short lines between headline and document are the page's widgets.
      if (k !== first && /[。！？]/u.test(v) && v.length >= 20) lead.push(lines[k]!);
    }
    // The reprint may keep the document's own title, on its line right above the 主送.
    let above = i - 1;
    while (above > first && !lines[above]!.text.trim()) above--;
    const own = above > first ? lines[above]!.text.trim().replace(/[\s\u3000]+/gu, '') : '';
    if (own.length <= 100 && !/[。！？:：]/u.test(own) && STRONG_TITLE.test(own)) title = own;
    const headline = first >= 0 && isHeadlineText(lines[first]!.text.trim()) ? lines[first]!.text.trim() : null;
    // A teaser the page prints above the story (its opening cut short) repeats a later paragraph's start.
    const kept = lead.filter((l, n) => !lead.slice(n + 1).some((m) => m.text.trim().slice(0, 24) === l.text.trim().slice(0, 24)));
    return { addresseesAt: i, title, headline, lead: kept };
  }
  return null;
}
/** A news headline: a short line that is no sentence, no 主送 and no organ's name alone. */
function isHeadlineText(t: string): boolean {
  return t.length >= 6 && t.length <= 80 && !/[。？]$/u.test(t) && !/[，,；;:：、]$/u.test(t) && !organNames(t) && !isAddressees(t);
}

/**
 * Whether the text is set out in articles, as only normative documents are (条例, 办法, 细则, 规定, 规则):
 * lines opening with 第一条 and then 第二条 (a 章 heading may stand between them). A report quoting a
 * rule cites one article inside its sentences ("根据…第一条规定"), never line after line in sequence.
 * In tuning every copy that does so is a notice or the rules it issues (dongguan-2005, lianghe,
 * qionghai-2023, xinyang-2025, xizang-2023, yunnan-2023: six sites).
 */
const ARTICLE = /^\s*第\s*([一二三四五六七八九十百零〇]+|[0-9０-９]+)\s*条(?=[\s\u3000]|[\u4e00-\u9fa5“《(（])/u;
function articled(lines: SourceLine[], from: number): boolean {
  let want = 1;
  for (let i = from; i < lines.length && want <= 2; i++) {
    const m = ARTICLE.exec(lines[i]!.text);
    if (!m) continue;
    const n = /^[0-9０-９]+$/u.test(m[1]!) ? Number(halfWidthDigits(m[1]!)) : m[1] === '一' ? 1 : m[1] === '二' ? 2 : 0;
    if (n === want) want++;
    else if (n === 1) want = 2;
  }
  return want > 2;
}

/**
 * The 落款 closing a copy that has neither title nor 主送 (copied from its first sentence): an organ
 * alone on a line over the 成文日期, the two last lines of the copy, under a body of several
 * paragraphs. Write-ups and news end on a source, an author or a sentence, not on a dated organ.
 */
/** Whether the copy opens with a headline (a short line without sentence punctuation) rather than a sentence. */
function headline(lines: SourceLine[], header: Set<number>): boolean {
  for (let i = 0; i < lines.length; i++) {
    if (header.has(i)) continue;
    const t = lines[i]!.text.trim();
    if (!t) continue;
    // (A column label the cleaner left, "通知公告", is too short to be a title.) A headline may hold a
    // colon or a comma ("北京:民意点对点 打通…", "是“临时的家”,也是“回家的桥”"), but ends on none, and
    // is neither a sentence nor a 主送.
    return t.length >= 8 && t.length <= 60 && !/[。！？]/u.test(t) && !/[，,；;:：、]$/u.test(t) && !organNames(t) && !isAddressees(t);
  }
  return false;
}

/** Whether an attachment note ("附件：…", its further items numbered under it) stands right above the 署名. */
function attachmentNoteAbove(lines: SourceLine[], bodyFrom: number, issuerAt: number): boolean {
  let k = issuerAt - 1;
  while (k > bodyFrom && (!lines[k]!.text.trim() || ATTACHMENT_ITEM.test(lines[k]!.text))) k--;
  return k > bodyFrom && (ATTACHMENT_NOTE.test(lines[k]!.text.trim()) || /^附件\s*[:：]$/u.test(lines[k]!.text.trim()));
}

/** A line of the 版记 under the 落款: 抄送, the 印发 line ("某局办公室 2024年6月20日印发"), a note ("（此件公开发布）"). */
function isRecordLine(text: string): boolean {
  const t = text.trim();
  return CC.test(t) || PRINTER.test(t) || NOTE.test(t) || /^[━─—_＿=＝-]{6,}$/u.test(t);
}

function closingSignature(lines: SourceLine[], bodyFrom: number, issuerAt: number, dateAt: number): boolean {
  // (The organ over the date, or the two on one line.)
  if (issuerAt < 0 || (dateAt !== issuerAt + 1 && dateAt !== issuerAt)) return false;
  // (Only the 版记 may follow: 抄送, the 印发 line, a note on its publication.)
  for (let i = dateAt + 1; i < lines.length; i++) if (lines[i]!.text && !isRecordLine(lines[i]!.text)) return false;
  // (A seal's note after the organ, "（盖章）", is no part of its name.)
  const issuer = (dateAt === issuerAt ? (signedLine(lines[issuerAt]!.text, true)?.issuer ?? '') : lines[issuerAt]!.text).replace(SEAL_NOTE, '').trim();
  if (!organNames(issuer) || !/(?:政府|办事处|委员会|办公室|局|厅|委|办)$/u.test(issuer)) return false;
  const paragraphs = lines.slice(bodyFrom, issuerAt).filter((l) => l.text.length >= 20).length;
  return paragraphs >= 3 && noticeVoice(lines.slice(bodyFrom, issuerAt).map((l) => l.text).join('\n'));
}

/**
 * Whether a body speaks as a notice does, asking and directing its readers (请…于, 务必, 应当, 不得, 欢迎…参与,
 * 征集, 公示期, 如下:, 现将, 特此, 各…要), more than it narrates as a report does (近日, 记者, 据悉, 了解到, 上午,
 * 表示). Fitted on tuning: untitled notices signing a 落款 say two such things or more (3 and 4 in galutu-2024,
 * jiangsu-2022, yangxin-2024, batches 11, 13, 14: any two of them put the bar at 2 or 3, which passes the
 * third), write-ups that end on their bureau and a date mostly none (a dated 落款 under 43 of 193 tuning
 * reports read them as notices; 0–2 such words, fewer than their narration, in all but one).
 */
const DIRECTIVE = /请[^。]{0,20}(?:于|在|按|认真|及时|务必|各)|务必|应当|不得|须于|欢迎[^。]{0,20}(?:参与|参加|提出)|征集|公示期|如下[:：]|现将|现就|特此|各[^。，]{1,12}(?:要|应|须)/gu;
const NARRATIVE = /近日|日前|记者|据悉|据了解|了解到|报道|今年以来|截至目前|上午|下午|获悉|介绍|表示|说[,，:：]|笔者/gu;
/** A 表彰决定's purpose clause reaching its decision in the first paragraph, in the decision's voice (no report's). */
const CONFERRING_OPENING = /^为了?(?:表彰|表扬|激励|鼓励|弘扬|树立)[^\n]{0,600}?决定[,，]?\s*(?:授予|命名|表彰|给予|追授|对)/u;
const NARRATES = new RegExp(NARRATIVE.source, 'u');
function conferringClause(text: string): string | null {
  const m = CONFERRING_OPENING.exec(text);
  return m && !NARRATES.test(m[0]) ? m[0] : null;
}
function conferringOpening(text: string): boolean {
  return conferringClause(text) !== null;
}
/**
 * A decision spoken by its own organ: "（依据《…》，）经局党组研究，决定对…", "经研究，决定…" (the 决定's and
 * 通报's formula, GB/T 9704 文种: the organ deliberated and decides, in the present). A report narrates it
 * ("近日，经研究决定…", "记者了解到"). In tuning the three copies with it (3 sites) are documents, no other page has it.
 */
const DECIDES = /经[^。！？，,]{0,12}研究[，,]\s*(?:现)?决定/u;
function decidingSentence(text: string): boolean {
  return text.split(/(?<=[。！？])/u).some((sentence) => DECIDES.test(sentence) && !NARRATES.test(sentence));
}
/** The organ a conferring opening makes the subject of its decision: the clause's words before 决定, when an organ's. */
function decidingOrgan(text: string): string | null {
  const clause = conferringClause(text);
  if (!clause) return null;
  const subject = clause.replace(/决定[,，]?\s*\S{1,2}$/u, '').split(/[，,。；;：:]/u).pop()!.trim();
  const first = organNames(subject)?.[0] ?? subject;
  return ORGAN_NAME.test(first) && GOVERNMENT_ORGAN.test(first) ? first : null;
}

/** The first characters of the body from its first line, lines joined as a wrapped paragraph's are. */
function openingText(lines: SourceLine[], from: number, chars: number): string {
  let out = '';
  for (let k = from; k < lines.length && out.length < chars; k++) out += lines[k]!.text.trim();
  return out.slice(0, chars);
}

function noticeVoice(text: string): boolean {
  const directs = text.match(DIRECTIVE)?.length ?? 0;
  return directs >= 2 && directs > (text.match(NARRATIVE)?.length ?? 0);
}

function undatedIssuer(lines: SourceLine[], bodyFrom: number): number {
  let prev = '';
  for (let i = bodyFrom; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t) continue;
    // (Or under the 附件说明, which GB/T 9704 sets between the body's last sentence and the 署名.)
    if (i > bodyFrom && (/[。！？]$/u.test(prev) || attachmentNoteAbove(lines, bodyFrom, i)) && t.length <= 36 && organNames(t.replace(SEAL_NOTE, ''))) {
      let next = i + 1;
      while (next < lines.length && !lines[next]!.text) next++;
      const after = lines[next]?.text ?? '';
      // Ends the copy, or the next line is a document title (short, no sentence punctuation; perhaps
      // broken over two lines) with text under it.
      const docTitle = (v: string) => v.length <= 60 && !/[。！？，,:：]/u.test(v) && WEAK_TITLE.test(v);
      const ends = !after || lines.slice(next).every((l) => !l.text || isRecordLine(l.text));
      if (ends || (docTitle(after) && next + 1 < lines.length) || (docTitle(after + (lines[next + 1]?.text ?? '')) && next + 2 < lines.length)) return i;
    }
    prev = t;
  }
  return -1;
}

function docNumberOf(text: string, pattern = DOC_NUMBER_ANY): string | null {
  const n = pattern.exec(text);
  // (A label the copy glued to the number, "文号：发文字号国函〔2004〕42号", is no part of its 代字.)
  const code = n ? n[1]!.replace(NUMBER_LABEL, '') || n[1]! : '';
  return n ? `${code}〔${halfWidthDigits(n[2]!)}〕${numberInfix(n[0])}${halfWidthDigits(n[3]!)}${text.slice(n.index + n[0].length - 1, n.index + n[0].length)}` : null;
}
const NUMBER_LABEL = /^(?:发文字号|发文文号|发布文号|文件编号|文件字号|文号|字号)/u;

export function readNotice(copied: SourceLine[], shape: NoticeShape, sourceFile: string): Omit<NoticeDocument, 'id'> {
  const lines = shape.lines ?? copied;
  const fields = shape.info?.fields ?? {};
  // A copy that starts below the title may still carry it in the information table (标题：…).
  const printed = shape.titleAt >= 0 ? titleText(lines, shape) : shape.quotedTitle ?? '';
  const title = printed ? (organTitle(printed, fields['标题']) ?? printed) : WEAK_TITLE.test(fields['标题'] ?? '') ? fields['标题']!.replace(/\s+/gu, '') : '';
  const meta: NoticeMeta = { title, sourceFile };
  if (fields['发文字号']) meta.docNumber = docNumberOf(fields['发文字号'], DOC_NUMBER_FIELD);
  let headDate: string | null = null;
  for (const i of [...shape.header].sort((a, b) => a - b)) {
    const t = unwrapNumber(lines[i]!.text.replace(/\s*[|｜]+\s*$/u, ''));
    if (isOrganMark(t)) meta.organ = t;
    else if (!meta.organ && organNames(t) && i < (shape.titleAt >= 0 ? shape.titleAt : shape.bodyFrom)) meta.organ = t.trim().replace(/[\s\u3000]+/gu, ' ');
    const dated = datedHead(t);
    if (dated) {
      if (dated.number && !meta.docNumber) meta.docNumber = docNumberOf(dated.number, DOC_NUMBER_FIELD);
      headDate ??= dated.date;
      continue;
    }
    const both = DOC_NUMBER_WITH_SIGNER.exec(t);
    const n = DOC_NUMBER.exec(both ? both[1]! : t);
    if (n && !meta.docNumber) meta.docNumber = `${n[1]}〔${halfWidthDigits(n[2]!)}〕${numberInfix(n[0])}${halfWidthDigits(n[3]!)}号`;
    if (!meta.docNumber) meta.docNumber = damagedNumber(t) ?? undefined;
    const signers = both ? both[5]! : SIGNERS.exec(t)?.[1];
    if (signers) meta.signers = signers.split(/[\s\u3000、,，]+/u).filter(Boolean);
  }
  if (!meta.docNumber && shape.titleAt >= 0) meta.docNumber = docNumberOf(lines.slice(shape.titleAt, shape.titleAt + shape.titleLines).map((l) => l.text).join(''));
  if (!meta.docNumber) delete meta.docNumber;
  let runOn: SourceLine | null = null;
  if (shape.addresseesAt >= 0) {
    // (A long 主送 wraps over lines: they are read as the one line it is.)
    const wrapped = lines.slice(shape.addresseesAt, shape.addresseesAt + (shape.addresseesLines ?? 1));
    const line = { text: wrapped.map((l) => l.text.trim()).join('') };
    const split = isAddressees(line.text) ? null : addresseesRunOn(line.text);
    const text = (split ? split.addressees : line.text).replace(/\s*[|｜]+\s*$/u, '');
    meta.addressees = text.replace(/[:：]$/u, '');
    if (split) runOn = { text: split.rest.replace(/\s*[|｜]+\s*$/u, '') };
  } else meta.addressees = null;
  // Joint notices sign with several organs, one per line, right above the date.
  let firstIssuer = shape.issuerAt;
  if (shape.issuerAt >= 0) {
    // (The last of them may carry the date: "某县财政局2023年6月26日".)
    const signer = (i: number) => (i === shape.dateAt ? (signedLine(lines[i]!.text, true)?.issuer ?? '') : lines[i]!.text).replace(SEAL_NOTE, '').trim();
    while (firstIssuer - 1 > shape.bodyFrom && ORGAN_NAME.test(signer(firstIssuer - 1)) && ORGAN_NAME.test(signer(firstIssuer))) firstIssuer--;
    // Several organs may also sign on one line, spaced apart ("某县民政局    某县财政局": kept apart by one
    // space, as the organ line over a joint title is); an organ's seal
    // note ("（盖章）", "（印）") is no part of its name.
    const issuers = lines
      .slice(firstIssuer, shape.issuerAt + 1)
      .map((_, k) => signer(firstIssuer + k) || lines[firstIssuer + k]!.text.trim())
      .map((t) => organNames(t)?.join(' ') ?? t.replace(/\s+/gu, ''));
    // Each organ apart by a space, as organs signing on one line are.
    meta.issuer = issuers.join(' ');
  }
  // The organ as the title names it before 关于 (the portal's table often abbreviates it: "县政府办"),
  // else the first signing organ, without the state's name before a ministry ("中华人民共和国民政部").
  // A title naming it short ("省民政厅 省发展改革委关于…") leaves the organ to the signature's full name.
  const named0 = !meta.organ && title ? titleOrgan(title) : null;
  if (named0 && !(RELATIVE_ORGAN.test(named0) && meta.issuer)) meta.organ = named0;
  if (!meta.organ && meta.issuer) meta.organ = meta.issuer.split(' ')[0]!.replace(/^中华人民共和国(?=\S{2,}[部委局署行院])/u, '');
  if (!meta.organ) delete meta.organ;
  const dateLine = shape.dateAt >= 0 ? lines[shape.dateAt]!.text : '';
  const leadDate = DATE_LEAD.exec(dateLine);
  meta.date = (shape.dateAt >= 0 ? findDate(leadDate ? leadDate[1]! : dateLine) : null) ?? shape.digitDate ?? headDate ?? (fields['成文日期'] ? findDate(fields['成文日期']) : null) ?? (fields['发文日期'] ? findDate(fields['发文日期']) : null);
  meta.year = meta.date ? Number(meta.date.slice(0, 4)) : null;
  // The portal's 发文机构 names the organ when the copy has no 版头 or signature; "县政府网站" names no organ.
  const infoOrgan = fields['发文机构'];
  if (!meta.organ && infoOrgan && ORGAN_NAME.test(infoOrgan) && !/网站|门户|网$/u.test(infoOrgan)) meta.organ = infoOrgan;
  // A 表彰决定 copied from its first paragraph names the organ as the subject of its decision ("…，珠海市人民政府决定授予…").
  const decider = meta.organ ? null : decidingOrgan(openingText(lines, shape.bodyFrom, 700));
  if (decider) meta.organ = decider;
  // Then the 代字 of the number, which abbreviates the organ (as the byline's department does not: "社会组织管理局").
  if (!meta.organ && meta.docNumber) {
    // Only a found organ is set: a key holding undefined would not survive a worker's JSON round trip.
    const fromNumber = organFromNumber(meta.docNumber, lines.map((l) => l.text).join('\n'));
    if (fromNumber) meta.organ = fromNumber;
  }
  // Last, the page's byline: a government organ as its 来源 posted the notice (a newspaper, a 社 or a website did not issue it).
  const posted = shape.byline?.source;
  if (!meta.organ && posted && ORGAN_NAME.test(posted) && GOVERNMENT_ORGAN.test(posted)) meta.organ = posted;
  let bodyEnd = shape.issuerAt >= 0 ? firstIssuer : shape.dateAt >= 0 ? shape.dateAt : lines.length;
  // "印发《X》的通知" / "现将《X》印发给你们": X printed after the notice is its attachment.
  const named = namedAttachments(lines, shape, title);
  if (shape.dateAt < 0 && named.length) bodyEnd = Math.min(bodyEnd, named[0]!.at);

  const bodyLines: SourceLine[] = [];
  const attachmentTitles: string[] = [];
  let listingAttachments = false;
  if (runOn) bodyLines.push(runOn);
  for (let i = shape.bodyFrom; i < bodyEnd; i++) {
    const line = lines[i]!;
    // The information table and 版头 lines are metadata; a title repeated over the body is the page's.
    if (shape.header.has(i) || (title && line.text === title)) continue;
    if (/^附件\s*[:：]$/u.test(line.text)) {
      // "附件:" alone, its titles numbered on the lines below.
      listingAttachments = true;
      continue;
    }
    const note = ATTACHMENT_NOTE.exec(line.text);
    if (note) {
      // (A copy that lost the note's line breaks runs its numbered items on: "附件:1.某某名单 2.某某表".)
      for (const item of note[1]!.split(/[\s\u3000]+(?=[0-9０-９]{1,2}\s*[.．、]\s*\S)/u)) attachmentTitles.push(stripTitle(ATTACHMENT_ITEM.exec(item)?.[1] ?? item));
      listingAttachments = true;
      continue;
    }
    const item = listingAttachments ? ATTACHMENT_ITEM.exec(line.text) : null;
    if (item) {
      attachmentTitles.push(stripTitle(item[1]!));
      continue;
    }
    // Under "附件:" alone, one attachment may be named without a number: a line that reads as a document's title.
    if (listingAttachments && attachmentTitles.length === 0 && documentTitle(line.text)) {
      attachmentTitles.push(stripTitle(line.text));
      continue;
    }
    // A long name wrapped onto the next line (GB/T 9704 7.3.5: 回行时与上一行附件名称的首字对齐): the line before
    // does not end as a document's title, the two together do.
    const last = attachmentTitles.at(-1);
    const wrapped = listingAttachments && last !== undefined && line.text.trim().length <= 40 && !/[。！？:：]/u.test(line.text);
    if (wrapped && !documentTitle(last!) && documentTitle(last! + line.text.trim())) {
      attachmentTitles[attachmentTitles.length - 1] = stripTitle(last! + line.text.trim());
      continue;
    }
    listingAttachments = false;
    const n = NOTE.exec(line.text);
    if (n) {
      meta.note = n[1]!;
      continue;
    }
    bodyLines.push(line);
  }

  // After the date: the attachment(s), then 抄送 and 印发 lines.
  const rest: SourceLine[] = [];
  if (leadDate) rest.push({ text: dateLine.slice(leadDate[1]!.length).trim() });
  for (let i = shape.dateAt >= 0 ? shape.dateAt + 1 : lines.length; i < lines.length; i++) {
    const t = lines[i]!.text;
    const cc = CC.exec(t);
    if (cc) {
      meta.cc = cc[1]!;
      continue;
    }
    const p = PRINTER.exec(t);
    if (p) {
      meta.printer = p[1]!;
      meta.printDate = findDate(p[2]!);
      continue;
    }
    const n = NOTE.exec(t);
    if (n && !meta.note) {
      meta.note = n[1]!;
      continue;
    }
    rest.push(lines[i]!);
  }
  if (shape.dateAt < 0 && named.length) rest.push(...lines.slice(named[0]!.at));
  const known = attachmentTitles.length ? attachmentTitles : named.map((n) => n.title);
  // After the date, text is an attachment only when the notice lists or names it, a 附件 mark heads
  // it, or its first line reads as a document's title; otherwise it is what the page printed under
  // the notice (a browser note, a contact line), kept at the end of the body for the editor.
  const firstRest = rest.find((l) => l.text.trim())?.text.trim() ?? '';
  // (The mark may carry the title on its line, "附件1：某某名单", as a page sets the attachment's head.)
  // (Not a first-level section heading, "一、某某办事指南", "（一）…": the issued text set out from its first
  // section, its title left off the copy, is no attachment the notice names.)
  const sectionHead = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）])/u.test(firstRest);
  const attached = known.length > 0 || rest.some((l) => ATTACHMENT_HEAD.test(l.text)) || !firstRest || (documentTitle(firstRest) && !sectionHead) || headedAttachment(firstRest) !== null;
  if (!attached) bodyLines.push(...rest);
  const attachments = attached ? splitAttachments(rest, known) : [];
  if (attachmentTitles.length === 0) attachmentTitles.push(...(named.length ? named.map((n) => n.title) : attachments.map((a) => a.title)));
  meta.attachmentTitles = attachmentTitles;
  const body = structure(bodyLines, { captions: false, sentenceRunIns: false }).body;
  return { kind: 'notice', meta, body, attachments };
}

/**
 * The organ a 发文字号's 代字 names (the issuing organ's abbreviation, GB/T 9704), for a copy that
 * names it nowhere else: the State Council's and the ministry's codes (国发, 国办函, 民发, 民办函), and a
 * province's, its one-character name and the organ's kind (吉民发 → 吉林省民政厅, 豫政办发 → 河南省人民政府
 * 办公厅) when the copy speaks as a province does (全省 more often than 全市: a city's code may open
 * with the same character, 苏 for 苏州 as for 江苏). A city's or county's code is left alone: its
 * level word and often its place are not in the code.
 */
const NATIONAL_CODES: Array<[RegExp, string]> = [
  [/^国办[发函]$/u, '国务院办公厅'],
  [/^国[发函]$/u, '国务院'],
  [/^民办[发函]$/u, '民政部办公厅'],
  [/^民[发函]$/u, '民政部'],
];
const PROVINCE_KINDS: Array<[RegExp, string]> = [
  [/^民办[发函]/u, '民政厅办公室'],
  [/^民[发函文复规电]/u, '民政厅'],
  [/^政办[发函]/u, '人民政府办公厅'],
  [/^政[发函]/u, '人民政府'],
];
function organFromNumber(docNumber: string, text: string): string | null {
  const code = docNumberCode(docNumber);
  if (!code) return null;
  const national = NATIONAL_CODES.find(([re]) => re.test(code));
  if (national) return national[1];
  const kind = PROVINCE_KINDS.find(([re]) => re.test(code.slice(1)));
  const place = kind ? regionFromDocNumber(docNumber) : null;
  if (!kind || !place?.province || place.city) return null;
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  if (count(/全省|我省|本省/gu) <= count(/全市|我市|本市/gu)) return null;
  return `${place.province}${kind[1]}`;
}

/** What documents issued or attached are called: the kinds of official documents, lists, tables and forms. */
const DOCUMENT_WORD = /(?:名单|名录|一览表|汇总表|统计表|登记表|申报表|申请表|推荐表|报名表|评分表|表|清单|目录|指南|指引|标准|说明|流程图?|要求|明细|范本|模板|格式|样式|案例|论文|汇编|计划|任务分工|责任分工|分工)$/u;
/** A line that reads as a document's title: short, no sentence or label punctuation, named by its kind (or in 《》). */
function documentTitle(text: string): boolean {
  const t = stripTitle(text.replace(/^[0-9０-９]+\s*[.．、]\s*/u, ''));
  if (t.length < 4 || t.length > 80 || /[。！？，,:：;；]/u.test(t)) return false;
  return WEAK_TITLE.test(t.replace(DRAFT_NOTE, '')) || DOCUMENT_WORD.test(t.replace(DRAFT_NOTE, '')) || /^《.+》$/u.test(text.trim());
}

function stripTitle(value: string): string {
  // Portals link attachments as files: "1.2020年全省民政工作创新案例.docx".
  return value.trim().replace(/\.(?:docx?|wps|pdf|xlsx?|et|ofd|zip|rar|txt)$/iu, '').replace(/^《(.+)》$/u, '$1');
}

/** Titles quoted in the notice's title or opening sentences that reappear as a line (or two) after it. */
function namedAttachments(lines: SourceLine[], shape: NoticeShape, title: string): Array<{ title: string; at: number }> {
  const opening = [title, ...lines.slice(shape.bodyFrom, shape.bodyFrom + 3).map((l) => l.text)].join('\n');
  const out: Array<{ title: string; at: number }> = [];
  for (const m of opening.matchAll(/《([^《》]{2,60})》/gu)) {
    const name = m[1]!;
    if (out.some((o) => o.title === name)) continue;
    // Pages drop the quotation marks inside a name ("提升“助老三件事”服务能力" printed 提升助老三件事服务能力),
    // and a name quoted inside a quoted name (《落实〈某规划〉实施方案》) takes 《》 again when it stands alone.
    const bare = (v: string) => v.replace(/[\s“”‘’"'「」《》〈〉]+/gu, '');
    const want = bare(name);
    for (let i = shape.bodyFrom; i < lines.length; i++) {
      const t = bare(lines[i]!.text);
      const two = t + bare(lines[i + 1]?.text ?? '');
      if (t === want || (t.length >= 4 && two === want)) {
        // The name as the page prints it (over one line or two).
        const printed = t === want ? lines[i]!.text.trim() : `${lines[i]!.text.trim()}${lines[i + 1]!.text.trim()}`;
        if (!out.some((o) => o.at === i)) out.push({ title: printed.replace(/\s+/gu, '') !== name.replace(/\s+/gu, '') ? printed : name, at: i });
        break;
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** An attachment's head with its mark and title on one line ("附件1：某某名单", "附一：某某决定"): the title. */
function headedAttachment(text: string): string | null {
  const m = ATTACHMENT_NOTE.exec(text.trim());
  return m && documentTitle(m[1]!) ? stripTitle(m[1]!) : null;
}

function splitAttachments(rest: SourceLine[], titles: string[]): NoticeAttachment[] {
  const out: NoticeAttachment[] = [];
  let i = 0;
  const starts = (t: string) => ATTACHMENT_HEAD.test(t) || headedAttachment(t) !== null;
  while (i < rest.length) {
    // "附件1" / "附件" marker lines before an attachment's title.
    while (i < rest.length && ATTACHMENT_HEAD.test(rest[i]!.text)) i++;
    if (i >= rest.length) break;
    let title = headedAttachment(rest[i]!.text) ?? rest[i]!.text;
    i++;
    // A long attachment title broken over two lines.
    const joined = `${title}${rest[i]?.text ?? ''}`.replace(/\s+/gu, '');
    const split = titles.find((t) => t.replace(/\s+/gu, '') === joined);
    if (split && i < rest.length) {
      title = split;
      i++;
    }
    const start = i;
    while (i < rest.length && !starts(rest[i]!.text)) i++;
    const known = titles.find((t) => t === title);
    const blocks: Block[] = structure(rest.slice(start, i), { captions: false, sentenceRunIns: false }).body;
    out.push({ title: known ?? title, blocks });
  }
  return out;
}
