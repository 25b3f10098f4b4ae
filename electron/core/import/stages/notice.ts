/**
 * Notices (通知, 通报, 意见, 决定…): title, 主送 line ending in a colon, body, issuer and date
 * lines, then any attachment. Optional 版头 lines (发文机关标志, 发文字号) before the title and
 * 抄送/印发 lines at the end are read when present.
 */
import type { Block, NoticeAttachment, NoticeDocument, NoticeMeta } from '../../model/types.js';
import type { SourceLine } from '../lines.js';
import { DATE_ONLY, findDate, halfWidthDigits } from './dates.js';
import { structure } from './structure.js';

export const NOTICE_TITLE = /(?:通知|通报|意见|决定|批复|公告|通告|请示|报告|决议|命令|纪要|函)$/u;
const ADDRESSEES = /^[^。！？]{2,200}[:：]$/u;
const ORGAN = /^[\u4e00-\u9fa5（）()]{2,40}文件$/u;
const DOC_NUMBER = /^([\u4e00-\u9fa5]{1,12})\s*[〔[［(（【]\s*([0-9０-９]{4})\s*[〕\]］)）】]\s*([0-9０-９]{1,4})\s*号$/u;
/** Upward documents put 发文字号 and 签发人 on one line: "济民呈〔2021〕3号  签发人：张三" (often with full-width spaces). */
const DOC_NUMBER_WITH_SIGNER = /^(\S+?[〔[［(（【]\s*[0-9０-９]{4}\s*[〕\]］)）】]\s*[0-9０-９]{1,4}\s*号)[\s\u3000]+签\s*发\s*人\s*[:：]\s*(.+)$/u;
const SIGNERS = /^签\s*发\s*人\s*[:：]\s*(.+)$/u;
const ISSUER = /^[\u4e00-\u9fa5（）()、\s]{2,40}$/u;
const ATTACHMENT_NOTE = /^附件\s*[:：]\s*(?:[0-9０-９]+\s*[.．、]\s*)?(.+)$/u;
const ATTACHMENT_ITEM = /^[0-9０-９]+\s*[.．、]\s*(.+)$/u;
const CC = /^抄送\s*[:：]\s*(.+?)。?$/u;
const PRINTER = /^(.+?)\s+([0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)\s*印发$/u;
const NOTE = /^[（(]\s*(此件[^（）()]*|[^（）()]{2,40}(?:公开发布|依申请公开|不予公开)[^（）()]*)\s*[)）]$/u;
const ORGAN_NAME = /^[\u4e00-\u9fa5（）()]{2,24}(?:局|厅|部|委|办|委员会|办公室|政府|中心|院|会|室|处|科|所|站|馆|社|团|联合会|街道办事处)$/u;
const ATTACHMENT_HEAD = /^附件\s*[0-9０-９]*\s*$/u;

export interface NoticeShape {
  titleAt: number;
  /** Lines the title takes (long titles are often broken in two). */
  titleLines: number;
  /** -1 when the notice has no 主送 line (公告, 通告). */
  addresseesAt: number;
  issuerAt: number;
}

/** Kinds that are addressed to the public and so carry no 主送 line. */
const PUBLIC_KINDS = /(?:公告|通告|决定|命令|意见)$/u;

/** Where the parts of a notice are, or null when the draft is not one. */
export function noticeShape(lines: SourceLine[]): NoticeShape | null {
  let titleAt = -1;
  let titleLines = 1;
  for (let i = 0; i < Math.min(lines.length, 5); i++) {
    const t = lines[i]!.text;
    if (ORGAN.test(t) || DOC_NUMBER.test(t) || SIGNERS.test(t) || DOC_NUMBER_WITH_SIGNER.test(t) || !t) continue;
    const plain = (v: string) => v.length <= 80 && !/[。！？:：]/u.test(v);
    if (NOTICE_TITLE.test(t) && plain(t)) titleAt = i;
    else {
      // "曲阜市民政局关于印发《…》" + "的通知"
      const next = lines[i + 1]?.text ?? '';
      if (plain(t) && NOTICE_TITLE.test(next) && plain(next) && (t + next).length <= 90 && /关于|转发|印发/u.test(t)) {
        titleAt = i;
        titleLines = 2;
      }
    }
    break;
  }
  if (titleAt < 0) return null;
  const title = lines
    .slice(titleAt, titleAt + titleLines)
    .map((l) => l.text)
    .join('');
  let addresseesAt = titleAt + titleLines;
  if (!ADDRESSEES.test(lines[addresseesAt]?.text ?? '')) {
    if (!PUBLIC_KINDS.test(title)) return null;
    addresseesAt = -1;
  }
  const from = (addresseesAt >= 0 ? addresseesAt : titleAt + titleLines - 1) + 2;
  for (let i = from; i < lines.length; i++) {
    if (DATE_ONLY.test(lines[i]!.text) && ISSUER.test(lines[i - 1]!.text)) return { titleAt, titleLines, addresseesAt, issuerAt: i - 1 };
  }
  return null;
}

function bodyStart(shape: NoticeShape): number {
  return shape.addresseesAt >= 0 ? shape.addresseesAt + 1 : shape.titleAt + shape.titleLines;
}

export function readNotice(lines: SourceLine[], shape: NoticeShape, sourceFile: string): Omit<NoticeDocument, 'id'> {
  const title = lines
    .slice(shape.titleAt, shape.titleAt + shape.titleLines)
    .map((l) => l.text)
    .join('');
  const meta: NoticeMeta = { title, sourceFile };
  for (let i = 0; i < shape.titleAt; i++) {
    const t = lines[i]!.text;
    if (ORGAN.test(t)) meta.organ = t;
    const both = DOC_NUMBER_WITH_SIGNER.exec(t);
    const n = DOC_NUMBER.exec(both ? both[1]! : t);
    if (n) meta.docNumber = `${n[1]}〔${halfWidthDigits(n[2]!)}〕${halfWidthDigits(n[3]!)}号`;
    const signers = both ? both[2]! : SIGNERS.exec(t)?.[1];
    if (signers) meta.signers = signers.split(/[\s\u3000、,，]+/u).filter(Boolean);
  }
  meta.addressees = shape.addresseesAt >= 0 ? lines[shape.addresseesAt]!.text.replace(/[:：]$/u, '') : null;
  // Joint notices sign with several organs, one per line, right above the date.
  let firstIssuer = shape.issuerAt;
  while (firstIssuer - 1 > bodyStart(shape) && ORGAN_NAME.test(lines[firstIssuer - 1]!.text) && ORGAN_NAME.test(lines[firstIssuer]!.text)) firstIssuer--;
  const issuers = lines.slice(firstIssuer, shape.issuerAt + 1).map((l) => l.text.replace(/\s+/gu, ''));
  const issuer = issuers.join('、');
  meta.issuer = issuer;
  meta.date = findDate(lines[shape.issuerAt + 1]!.text);
  meta.year = meta.date ? Number(meta.date.slice(0, 4)) : null;
  meta.organ ??= issuers[0]!;

  const bodyLines: SourceLine[] = [];
  const attachmentTitles: string[] = [];
  let listingAttachments = false;
  for (let i = bodyStart(shape); i < firstIssuer; i++) {
    const line = lines[i]!;
    if (/^附件\s*[:：]$/u.test(line.text)) {
      // "附件:" alone, its titles numbered on the lines below.
      listingAttachments = true;
      continue;
    }
    const note = ATTACHMENT_NOTE.exec(line.text);
    if (note) {
      attachmentTitles.push(stripTitle(note[1]!));
      listingAttachments = true;
      continue;
    }
    const item = listingAttachments ? ATTACHMENT_ITEM.exec(line.text) : null;
    if (item) {
      attachmentTitles.push(stripTitle(item[1]!));
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
  for (let i = shape.issuerAt + 2; i < lines.length; i++) {
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
  const attachments = splitAttachments(rest, attachmentTitles);
  if (attachmentTitles.length === 0) attachmentTitles.push(...attachments.map((a) => a.title));
  meta.attachmentTitles = attachmentTitles;
  const body = structure(bodyLines, { captions: false, sentenceRunIns: false }).body;
  return { kind: 'notice', meta, body, attachments };
}

function stripTitle(value: string): string {
  return value.trim().replace(/^《(.+)》$/u, '$1');
}

function splitAttachments(rest: SourceLine[], titles: string[]): NoticeAttachment[] {
  const out: NoticeAttachment[] = [];
  let i = 0;
  while (i < rest.length) {
    // "附件1" / "附件" marker lines before an attachment's title.
    while (i < rest.length && ATTACHMENT_HEAD.test(rest[i]!.text)) i++;
    if (i >= rest.length) break;
    const title = rest[i]!.text;
    i++;
    const start = i;
    while (i < rest.length && !ATTACHMENT_HEAD.test(rest[i]!.text)) i++;
    const known = titles.find((t) => t === title);
    const blocks: Block[] = structure(rest.slice(start, i), { captions: false, sentenceRunIns: false }).body;
    out.push({ title: known ?? title, blocks });
  }
  return out;
}
