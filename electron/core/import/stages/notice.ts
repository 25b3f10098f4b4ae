/**
 * Notices (通知, 通报, 意见, 决定…): title, 主送 line ending in a colon, body, issuer and date
 * lines, then any attachment. Optional 版头 lines (发文机关标志, 发文字号) before the title and
 * 抄送/印发 lines at the end are read when present.
 */
import type { Block, NoticeAttachment, NoticeDocument, NoticeMeta } from '../../model/types.js';
import type { SourceLine } from '../lines.js';
import { DATE_ONLY, findDate } from './dates.js';
import { structure } from './structure.js';

export const NOTICE_TITLE = /(?:通知|通报|意见|决定|批复|公告|通告|请示|报告|决议|命令|纪要|函)$/u;
const ADDRESSEES = /^[^。！？]{2,200}[:：]$/u;
const ORGAN = /^[\u4e00-\u9fa5（）()]{2,40}文件$/u;
const DOC_NUMBER = /^([\u4e00-\u9fa5]{1,12})\s*[〔[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(\d{1,4})\s*号$/u;
const ISSUER = /^[\u4e00-\u9fa5（）()、\s]{2,40}$/u;
const ATTACHMENT_NOTE = /^附件\s*[:：]\s*(?:\d+\s*[.．、]\s*)?(.+)$/u;
const ATTACHMENT_ITEM = /^\d+\s*[.．、]\s*(.+)$/u;
const CC = /^抄送\s*[:：]\s*(.+?)。?$/u;
const PRINTER = /^(.+?)\s+(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$/u;
const NOTE = /^[（(]\s*(此件[^（）()]*|[^（）()]{2,40}(?:公开发布|依申请公开|不予公开)[^（）()]*)\s*[)）]$/u;
const ATTACHMENT_HEAD = /^附件\s*\d*\s*$/u;

export interface NoticeShape {
  titleAt: number;
  addresseesAt: number;
  issuerAt: number;
}

/** Where the parts of a notice are, or null when the draft is not one. */
export function noticeShape(lines: SourceLine[]): NoticeShape | null {
  let titleAt = -1;
  for (let i = 0; i < Math.min(lines.length, 5); i++) {
    const t = lines[i]!.text;
    if (ORGAN.test(t) || DOC_NUMBER.test(t) || !t) continue;
    if (NOTICE_TITLE.test(t) && t.length <= 80 && !/[。！？]/u.test(t)) titleAt = i;
    break;
  }
  if (titleAt < 0) return null;
  const addresseesAt = titleAt + 1;
  const a = lines[addresseesAt]?.text ?? '';
  if (!ADDRESSEES.test(a)) return null;
  for (let i = addresseesAt + 2; i < lines.length; i++) {
    if (DATE_ONLY.test(lines[i]!.text) && ISSUER.test(lines[i - 1]!.text)) return { titleAt, addresseesAt, issuerAt: i - 1 };
  }
  return null;
}

export function readNotice(lines: SourceLine[], shape: NoticeShape, sourceFile: string): Omit<NoticeDocument, 'id'> {
  const meta: NoticeMeta = { title: lines[shape.titleAt]!.text, sourceFile };
  for (let i = 0; i < shape.titleAt; i++) {
    const t = lines[i]!.text;
    if (ORGAN.test(t)) meta.organ = t;
    const n = DOC_NUMBER.exec(t);
    if (n) meta.docNumber = `${n[1]}〔${n[2]}〕${n[3]}号`;
  }
  meta.addressees = lines[shape.addresseesAt]!.text.replace(/[:：]$/u, '');
  const issuer = lines[shape.issuerAt]!.text.replace(/\s+/gu, '');
  meta.issuer = issuer;
  meta.date = findDate(lines[shape.issuerAt + 1]!.text);
  meta.year = meta.date ? Number(meta.date.slice(0, 4)) : null;
  meta.organ ??= issuer;

  const bodyLines: SourceLine[] = [];
  const attachmentTitles: string[] = [];
  let listingAttachments = false;
  for (let i = shape.addresseesAt + 1; i < shape.issuerAt; i++) {
    const line = lines[i]!;
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
