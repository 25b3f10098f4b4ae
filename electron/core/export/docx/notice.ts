/**
 * The GB/T 9704-2012 notice: exact page set-up and a 22 × 28 document grid, red 发文机关标志
 * and red separator (a paragraph border, never a shape: WPS shows shapes in text boxes blank),
 * title, 主送, body, 附件说明, 署名 and date, attachments on new pages, the 版记 rules at the
 * foot of the last page, and "— 1 —" folios on alternating sides.
 */
import { BookmarkEnd, BookmarkStart, PageNumber, TextRun, type FileChild } from 'docx';
import type { NoticeDocument } from '../../model/types.js';
import { mmToPt, mmToTwip } from '../../templates/sizes.js';
import { anchorQuotes } from './anchors.js';
import { DOC_BOOKMARK_PREFIX } from './caseDocument.js';
import { emWidth } from './pageEstimate.js';
import { chineseDate } from '../../model/dates.js';
import { organMark } from '../../model/notice.js';
import { noticeGridValues } from './noticeGrid.js';
import { halfPoints, twips } from './xml.js';
import { blockChildren, fonts, picture, plainRuns, textRun, titleRuns } from './blocks.js';
import type { Piece, DocxContext } from './context.js';
import { footer, header, section, type BookSection } from './sections.js';

/** U+3000: the 1-字 indents of the 版记 lines (a paragraph indent would shorten the rules). */
const FULL_SPACE = '\u3000';

/** GB/T 9704 page numbers: odd pages right with a 1-字 indent, even pages left, as "— n —". */
function folioFooter(ctx: DocxContext, jc: 'left' | 'right') {
  const st = ctx.book.get('footer').style;
  const indent = twips(Number(ctx.template.options.folioIndentPt ?? st.size));
  const run = (children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]>) => new TextRun({ font: fonts(ctx.book, st, true), children });
  const ind = jc === 'right' ? { right: indent, left: 0, firstLine: 0 } : { left: indent, right: 0, firstLine: 0 };
  return footer([ctx.aside(() => ctx.paragraph('footer', [run(['— ']), run([PageNumber.CURRENT]), run([' —'])], '', { props: { jc, ind } }))]);
}

/**
 * The red seal as a floating picture (never a text box) anchored on the 署名 paragraph, centred
 * over the date, its centre a little above the two lines so they sit just below it (§7.3.5.1).
 */
function seal(ctx: DocxContext, src: string, dateChars: number): Piece | null {
  const body = ctx.book.get('normal').style;
  const zi = body.size + ctx.book.charSpacing / 20;
  const size = mmToPt(Number(ctx.template.options.sealDiameterMm ?? 42));
  const centreX = ctx.textWidthPt - 4 * zi - (dateChars * zi) / 2;
  const centreY = body.lineHeight * 0.8;
  return picture(ctx, src, undefined, undefined, '印章', { sizePt: { width: size, height: size }, anchor: { x: centreX - size / 2, y: centreY - size / 2 } })?.run ?? null;
}

export function noticeSections(ctx: DocxContext, notice: NoticeDocument): { sections: BookSection[]; documentIds: string[]; pages: number } {
  const meta = notice.meta;
  const pitch = ctx.book.bodyPitch;
  const line = twips(pitch);
  const body = ctx.book.get('normal').style;
  const zi = twips(body.size);
  const width = ctx.fullWidthTwips();
  const opts = ctx.template.options;
  ctx.flow.reset();
  ctx.beginDocument(notice.id);
  const docLink = ctx.bookmarkId();
  const docStart = new BookmarkStart(`${DOC_BOOKMARK_PREFIX}${ctx.current!.index}`, docLink);
  const threads = ctx.comments.threadsOf(notice.id);
  // Anchor over body and attachments together (a quote is anchored once), then split back: block count is kept.
  const all = anchorQuotes([...notice.body, ...notice.attachments.flatMap((a) => a.blocks)], threads);
  const noticeBody = all.slice(0, notice.body.length);
  let at = notice.body.length;
  const attachments = notice.attachments.map((a) => ({ ...a, blocks: all.slice(at, (at += a.blocks.length)) }));
  const unanchored = ctx.comments.beginDocument(notice.id, [...noticeBody, ...attachments.flatMap((a) => a.blocks)]);
  const out: FileChild[] = [];
  /** The document bookmark starts in the first paragraph, whichever it is. */
  let lead: Piece[] = [docStart];
  const take = () => {
    const l = lead;
    lead = [];
    return l;
  };

  const organ = organMark(meta);
  if (organ) {
    const st = ctx.book.get('organ').style;
    // Condense a long name so it fits the 版心 on one line (§7.2.4: 醒目、美观、庄重).
    const natural = emWidth(organ) * st.size;
    const scale = Math.max(50, Math.min(100, Math.floor((ctx.textWidthPt / natural) * 100)));
    const top = mmToPt(Number(opts.organTopFromTypeArea ?? 35)) - (st.lineHeight - st.size) / 2;
    const run = textRun(ctx.book, st, organ, undefined, undefined, { color: st.color, scale: scale < 100 ? scale : undefined, size: halfPoints(st.size) });
    out.push(
      ctx.paragraph('organ', [...take(), run], organ, {
        props: { before: twips(top) },
        measureText: scale < 100 ? organ.slice(0, Math.floor(ctx.textWidthPt / st.size)) : undefined,
      }),
    );
  }

  if (meta.docNumber || organ) {
    const red = { sz: Math.round(Number(opts.redLineWidthPt ?? 1) * 8), space: Math.round(mmToPt(Number(opts.redLineGapBelowDocNumberMm ?? 4))), color: ctx.template.colors.accent };
    const number = meta.docNumber ?? '';
    const before = organ ? 2 * line : 0;
    if (meta.signers?.length) {
      // 上行文: 发文字号 left with a 1-字 indent, 签发人 right on the same line, name in 楷体.
      const kai = ctx.book.get('signer').style;
      const names = meta.signers.join('　');
      const runs = [textRun(ctx.book, body, number), textRun(ctx.book, body, '\t签发人：'), textRun(ctx.book, kai, names)];
      out.push(
        ctx.paragraph('docNumber', [...take(), ...runs], `${number}签发人：${names}`, {
          props: { before, jc: 'left', ind: { left: zi, right: zi, firstLine: 0 }, tabs: [{ val: 'right', pos: width - zi }], borders: { bottom: red } },
        }),
      );
    } else {
      out.push(ctx.paragraph('docNumber', [...take(), ...plainRuns(ctx, 'docNumber', number).children], number, { props: { before, borders: { bottom: red } } }));
    }
    if (ctx.measuring) ctx.flow.add(0, pitch, mmToPt(4));
  }

  const starts = unanchored.flatMap((id) => ctx.comments.starts(id));
  const ends = unanchored.flatMap((id) => ctx.comments.ends(id));
  const title = titleRuns(ctx, 'title', meta.title);
  out.push(ctx.paragraph('title', [...take(), ...starts, ...title.children, ...ends], title.text, { props: { before: organ || meta.docNumber ? 2 * line : 0 }, measureText: title.measure }));

  if (meta.addressees) {
    const text = /[：:]$/.test(meta.addressees) ? meta.addressees : `${meta.addressees}：`;
    out.push(ctx.paragraph('addressees', plainRuns(ctx, 'addressees', text).children, text, { props: { before: line } }));
  }

  out.push(...blockChildren(ctx, noticeBody));

  const titles = meta.attachmentTitles?.length ? meta.attachmentTitles : notice.attachments.map((a) => a.title);
  titles.forEach((t, i) => {
    const text = titles.length > 1 ? `${i === 0 ? '附件：' : ''}${i + 1}.${t}` : `附件：${t}`;
    const ind = i === 0 ? { left: 5 * zi, hanging: 3 * zi } : { left: 5 * zi, firstLine: 0 };
    out.push(ctx.paragraph('attachmentLine', plainRuns(ctx, 'attachmentLine', text).children, text, { props: { before: i === 0 ? line : 0, ind } }));
  });

  const date = chineseDate(meta.date);
  if (meta.issuer || date) {
    const wName = Math.ceil(emWidth(meta.issuer ?? ''));
    const wDate = Math.ceil(emWidth(date ?? ''));
    const stamp = meta.sealImage ? seal(ctx, meta.sealImage, wDate) : null;
    let rName: number;
    let rDate: number;
    if (stamp) {
      // With a seal (§7.3.5.1): the date 4 字 from the right, the name centred over it, the seal over both.
      rDate = 4;
      rName = Math.max(0, 4 + (wDate - wName) / 2);
    } else {
      // Without a seal (§7.3.5.2): 署名 with a 2-字 right indent, the date 2 字 further right than the name starts.
      rName = 2;
      rDate = wName - wDate;
      if (rDate < 2) {
        rDate = 2;
        rName = 4 + wDate - wName;
      }
    }
    // Not enough room left (§7.3.5.5): close the gap rather than let the date (or the seal) go over alone.
    const wanted = stamp ? 2 * line : line;
    const lines = (meta.issuer ? 1 : 0) + (date ? 1 : 0);
    const room = Math.floor((ctx.flow.remaining() + 0.01) / pitch) * line - lines * line;
    const gap = room >= wanted || room < 0 ? wanted : Math.max(0, room);
    if (meta.issuer) {
      out.push(
        ctx.paragraph('signature', [...(stamp ? [stamp] : []), ...plainRuns(ctx, 'signature', meta.issuer).children], meta.issuer, {
          props: { keepNext: Boolean(date), before: gap, ind: { right: rName * zi, firstLine: 0 } },
        }),
      );
    }
    if (date) out.push(ctx.paragraph('signature', plainRuns(ctx, 'signature', date).children, date, { props: { before: meta.issuer ? 0 : gap, ind: { right: rDate * zi, firstLine: 0 } } }));
  }
  if (meta.note) {
    const text = `（${meta.note.replace(/^[（(]|[）)]$/g, '')}）`;
    out.push(ctx.paragraph('note', plainRuns(ctx, 'note', text).children, text));
  }

  attachments.forEach((att, i) => {
    const label = attachments.length > 1 ? `附件${i + 1}` : '附件';
    out.push(ctx.paragraph('attachmentLabel', plainRuns(ctx, 'attachmentLabel', label).children, label, { props: { pageBreakBefore: true } }));
    const attTitle = titleRuns(ctx, 'attachmentTitle', att.title);
    out.push(ctx.paragraph('attachmentTitle', attTitle.children, attTitle.text, { props: { before: line }, measureText: attTitle.measure }));
    out.push(...blockChildren(ctx, att.blocks));
  });

  out.push(...record(ctx, notice));
  ctx.endRegionLater([...ctx.comments.endDocument(), new BookmarkEnd(docLink)]);
  out.push(...ctx.takePendingEnds());
  ctx.endDocument();

  const empty = header([]);
  const grid = noticeGridValues(ctx.book, ctx.template, ctx.textWidthPt);
  const sections = [
    section(
      ctx,
      {
        headers: { default: empty, even: empty },
        footers: { default: folioFooter(ctx, 'right'), even: folioFooter(ctx, 'left') },
        margins: { top: 2098, right: 1474, bottom: 1984, left: 1588 },
        headerDistance: 851,
        footerDistance: mmToTwip(35 - Number(opts.folioDashBelowTypeAreaMm ?? 7) - 2.5),
        grid,
      },
      out,
    ),
  ];
  return { sections, documentIds: [notice.id], pages: ctx.flow.page };
}

/**
 * 版记: 抄送 and 印发 lines between a thick first and last rule (thin rules between items),
 * pushed down by our line estimate so the last rule sits on the foot of the 版心 (§7.4.1).
 */
function record(ctx: DocxContext, notice: NoticeDocument): FileChild[] {
  const meta = notice.meta;
  const printDate = chineseDate(meta.printDate);
  if (!meta.cc && !meta.printer && !printDate) return [];
  const st = ctx.book.get('record').style;
  const opts = ctx.template.options;
  const thick = { sz: Math.round(Number(opts.recordThickPt ?? 1) * 8), space: 1 };
  const thin = { sz: Math.round(Number(opts.recordThinPt ?? 0.7) * 8), space: 1 };
  const items: Array<{ text: string; tab?: boolean }> = [];
  if (meta.cc) items.push({ text: `${FULL_SPACE}抄送：${meta.cc.replace(/。$/, '')}。` });
  if (meta.printer || printDate) items.push({ text: `${FULL_SPACE}${meta.printer ?? ''}\t${printDate ? `${printDate}印发` : ''}${FULL_SPACE}`, tab: true });
  const lines = items.reduce((n, it) => n + ctx.flow.lines(it.text.replace('\t', FULL_SPACE), st.size), 0);
  const height = lines * st.lineHeight + 2;
  let before = ctx.flow.remaining() - height - st.lineHeight;
  let pageBreak = false;
  if (before < 0) {
    pageBreak = true;
    before = ctx.flow.pageHeightPt - height - st.lineHeight;
  }
  const width = ctx.fullWidthTwips();
  return items.map((it, i) => {
    const first = i === 0;
    const last = i === items.length - 1;
    return ctx.paragraph('record', plainRuns(ctx, 'record', it.text).children, it.text, {
      props: {
        keepNext: !last,
        pageBreakBefore: first && pageBreak ? true : undefined,
        before: first ? twips(Math.max(0, before)) : 0,
        borders: { top: first ? thick : undefined, bottom: last ? thick : thin },
        tabs: it.tab ? [{ val: 'right', pos: width }] : undefined,
        ind: { left: 0, right: 0, firstLine: 0 },
      },
      measureText: it.text.replace('\t', FULL_SPACE),
    });
  });
}
