/**
 * The GB/T 9704-2012 notice: exact page set-up and a 22 × 28 document grid, red 发文机关标志
 * and red separator (a paragraph border, never a shape: WPS shows shapes in text boxes blank),
 * title, 主送, body, 附件说明, 署名 and date, attachments on new pages, the 版记 rules at the
 * foot of the last page, and "— 1 —" folios on alternating sides.
 */
import type { NoticeDocument } from '../../model/types.js';
import { mmToPt, mmToTwip } from '../../templates/sizes.js';
import { blocksXml, plainRuns, runProps, titleRuns } from './blocks.js';
import { DOC_BOOKMARK_PREFIX } from './caseDocument.js';
import type { DocxContext } from './context.js';
import { emWidth } from './flow.js';
import { embedImage } from './images.js';
import { anchorQuotes } from './anchors.js';
import { fieldRuns, pPrXml, runXml } from './props.js';
import { addHeaderPart, sectPrXml } from './sections.js';
import { fontsXml } from './styles.js';
import { halfPoints, twips } from './xml.js';

/** 2021-02-03 → 2021年2月3日 (Arabic digits, no padding: §7.3.5.4). */
/** U+3000: the 1-字 indents of the 版记 lines (a paragraph indent would shorten the rules). */
const FULL_SPACE = '\u3000';

export function chineseDate(iso: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso ?? '');
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? null);
}

/** GB/T 9704 page numbers: odd pages right with a 1-字 indent, even pages left. */
function folioFooters(ctx: DocxContext): { odd: string; even: string } {
  const st = ctx.book.get('footer').style;
  const rPr = fontsXml(ctx.book, st, true);
  const indent = twips(Number(ctx.template.options.folioIndentPt ?? st.size));
  const para = (jc: 'left' | 'right') =>
    `<w:p>${pPrXml({ style: ctx.book.get('footer').id, jc, ind: jc === 'right' ? { right: indent, left: 0, firstLine: 0 } : { left: indent, right: 0, firstLine: 0 } })}` +
    runXml(rPr, '— ') +
    fieldRuns(rPr, 'PAGE', '1') +
    runXml(rPr, ' —') +
    '</w:p>';
  return { odd: addHeaderPart(ctx, 'footer', para('right')), even: addHeaderPart(ctx, 'footer', para('left')) };
}

/**
 * The red seal as a floating picture (never a text box) anchored on the 署名 paragraph, centred
 * over the date, its centre a little above the two lines so they sit just below it (§7.3.5.1).
 */
function sealRun(ctx: DocxContext, src: string, dateChars: number): string | null {
  const body = ctx.book.get('normal').style;
  const zi = body.size + ctx.book.charSpacing / 20;
  const size = mmToPt(Number(ctx.template.options.sealDiameterMm ?? 42));
  const centreX = ctx.textWidthPt - 4 * zi - (dateChars * zi) / 2;
  const centreY = body.lineHeight * 0.8;
  const picture = embedImage(ctx, src, undefined, undefined, '印章', { sizePt: { width: size, height: size }, anchor: { x: centreX - size / 2, y: centreY - size / 2 } });
  return picture?.xml ?? null;
}

export function noticeGrid(ctx: DocxContext): { xml: string; charSpace: number; linePitch: number } {
  const body = ctx.book.get('normal').style;
  const chars = ctx.template.page.gridChars ?? 28;
  const linePitch = twips(body.lineHeight);
  // Word's char pitch = default font size + charSpace/4096 pt.
  const charSpace = Math.round((ctx.textWidthPt / chars - body.size) * 4096);
  return { xml: `<w:docGrid w:type="linesAndChars" w:linePitch="${linePitch}" w:charSpace="${charSpace}"/>`, charSpace, linePitch };
}

export function noticeXml(ctx: DocxContext, notice: NoticeDocument): { body: string; documentIds: string[]; pages: number } {
  const meta = notice.meta;
  const pitch = ctx.book.bodyPitch;
  const line = twips(pitch);
  const body = ctx.book.get('normal').style;
  const zi = twips(body.size);
  const width = ctx.fullWidthTwips();
  const opts = ctx.template.options;
  ctx.flow.reset();
  ctx.beginDocument(notice.id);
  const docMark = ctx.bookmark(`${DOC_BOOKMARK_PREFIX}${ctx.current!.index}`);
  const threads = ctx.comments.threadsOf(notice.id);
  // Anchor over body and attachments together (a quote is anchored once), then split back: block count is kept.
  const all = anchorQuotes([...notice.body, ...notice.attachments.flatMap((a) => a.blocks)], threads);
  const noticeBody = all.slice(0, notice.body.length);
  let at = notice.body.length;
  const attachments = notice.attachments.map((a) => ({ ...a, blocks: all.slice(at, (at += a.blocks.length)) }));
  const unanchored = ctx.comments.beginDocument(notice.id, [...noticeBody, ...attachments.flatMap((a) => a.blocks)]);
  let xml = docMark.start;

  if (meta.organ) {
    const st = ctx.book.get('organ').style;
    // Condense a long name so it fits the 版心 on one line (§7.2.4: 醒目、美观、庄重).
    const natural = emWidth(meta.organ) * st.size;
    const scale = Math.max(50, Math.min(100, Math.floor((ctx.textWidthPt / natural) * 100)));
    const top = mmToPt(Number(opts.organTopFromTypeArea ?? 35)) - (st.lineHeight - st.size) / 2;
    const rPr = `${fontsXml(ctx.book, st)}<w:color w:val="${st.color}"/>${scale < 100 ? `<w:w w:val="${scale}"/>` : ''}<w:sz w:val="${halfPoints(st.size)}"/><w:szCs w:val="${halfPoints(st.size)}"/>`;
    xml += ctx.paragraph('organ', { xml: runXml(rPr, meta.organ), text: meta.organ }, { pPr: { before: twips(top) }, measureText: scale < 100 ? meta.organ.slice(0, Math.floor(ctx.textWidthPt / st.size)) : undefined });
  }

  if (meta.docNumber || meta.organ) {
    const red = { sz: Math.round(Number(opts.redLineWidthPt ?? 1) * 8), space: Math.round(mmToPt(Number(opts.redLineGapBelowDocNumberMm ?? 4))), color: ctx.template.colors.accent };
    const number = meta.docNumber ?? '';
    const spacing = { before: meta.organ ? 2 * line : 0 };
    if (meta.signers?.length) {
      // 上行文: 发文字号 left with a 1-字 indent, 签发人 right on the same line, name in 楷体.
      const kai = ctx.book.get('signer').style;
      const runs =
        runXml(runProps(ctx, body, number), number) +
        runXml(runProps(ctx, body, '\t签发人：'), '\t签发人：') +
        runXml(runProps(ctx, kai, meta.signers.join('　')), meta.signers.join('　'));
      xml += ctx.paragraph(
        'docNumber',
        { xml: runs, text: `${number}签发人：${meta.signers.join('　')}` },
        { pPr: { ...spacing, jc: 'left', ind: { left: zi, right: zi, firstLine: 0 }, tabs: [{ val: 'right', pos: width - zi }], borders: { bottom: red } } },
      );
    } else {
      xml += ctx.paragraph('docNumber', plainRuns(ctx, 'docNumber', number), { pPr: { ...spacing, borders: { bottom: red } } });
    }
    if (ctx.measuring) ctx.flow.add(0, pitch, mmToPt(4));
  }

  const starts = unanchored.map((id) => ctx.comments.starts(id)).join('');
  const ends = unanchored.map((id) => ctx.comments.ends(id)).join('');
  const title = titleRuns(ctx, 'title', meta.title);
  xml += ctx.paragraph('title', title, { pPr: { before: meta.organ || meta.docNumber ? 2 * line : 0 }, before: starts, after: ends, measureText: title.measure });

  if (meta.addressees) {
    const text = /[：:]$/.test(meta.addressees) ? meta.addressees : `${meta.addressees}：`;
    xml += ctx.paragraph('addressees', plainRuns(ctx, 'addressees', text), { pPr: { before: line } });
  }

  xml += blocksXml(ctx, noticeBody);

  const titles = meta.attachmentTitles?.length ? meta.attachmentTitles : notice.attachments.map((a) => a.title);
  if (titles.length) {
    const label = '附件：';
    titles.forEach((t, i) => {
      const text = titles.length > 1 ? `${i === 0 ? label : ''}${i + 1}.${t}` : `${label}${t}`;
      const ind = i === 0 ? { left: 5 * zi, hanging: 3 * zi } : { left: 5 * zi, firstLine: 0 };
      xml += ctx.paragraph('attachmentLine', plainRuns(ctx, 'attachmentLine', text), { pPr: { before: i === 0 ? line : 0, ind } });
    });
  }

  const date = chineseDate(meta.date);
  if (meta.issuer || date) {
    const wName = Math.ceil(emWidth(meta.issuer ?? ''));
    const wDate = Math.ceil(emWidth(date ?? ''));
    const seal = meta.sealImage ? sealRun(ctx, meta.sealImage, wDate) : null;
    let rName: number;
    let rDate: number;
    if (seal) {
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
    const wanted = seal ? 2 * line : line;
    const lines = (meta.issuer ? 1 : 0) + (date ? 1 : 0);
    const room = Math.floor((ctx.flow.remaining() + 0.01) / pitch) * line - lines * line;
    const gap = room >= wanted || room < 0 ? wanted : Math.max(0, room);
    if (meta.issuer) {
      const runs = plainRuns(ctx, 'signature', meta.issuer);
      xml += ctx.paragraph('signature', { xml: (seal ?? '') + runs.xml, text: runs.text }, { pPr: { keepNext: Boolean(date), before: gap, ind: { right: rName * zi, firstLine: 0 } } });
    }
    if (date) xml += ctx.paragraph('signature', plainRuns(ctx, 'signature', date), { pPr: { before: meta.issuer ? 0 : gap, ind: { right: rDate * zi, firstLine: 0 } } });
  }
  if (meta.note) xml += ctx.paragraph('note', plainRuns(ctx, 'note', `（${meta.note.replace(/^[（(]|[）)]$/g, '')}）`));

  attachments.forEach((att, i) => {
    const label = attachments.length > 1 ? `附件${i + 1}` : '附件';
    xml += ctx.paragraph('attachmentLabel', plainRuns(ctx, 'attachmentLabel', label), { pPr: { pageBreakBefore: true } });
    const attTitle = titleRuns(ctx, 'attachmentTitle', att.title);
    xml += ctx.paragraph('attachmentTitle', attTitle, { pPr: { before: line }, measureText: attTitle.measure });
    xml += blocksXml(ctx, att.blocks);
  });

  xml += recordXml(ctx, notice);
  const open = ctx.comments.endDocument();
  if (open) xml += `<w:p>${open}</w:p>`;
  xml += docMark.end;
  ctx.endDocument();

  const footers = folioFooters(ctx);
  const empty = addHeaderPart(ctx, 'header', '<w:p/>');
  const grid = noticeGrid(ctx);
  xml += sectPrXml(ctx, {
    headers: { default: empty, even: empty },
    footers: { default: footers.odd, even: footers.even },
    margins: { top: 2098, right: 1474, bottom: 1984, left: 1588 },
    headerDistance: 851,
    footerDistance: mmToTwip(35 - Number(opts.folioDashBelowTypeAreaMm ?? 7) - 2.5),
    grid: grid.xml,
  });
  return { body: xml, documentIds: [notice.id], pages: ctx.flow.page };
}

/**
 * 版记: 抄送 and 印发 lines between a thick first and last rule (thin rules between items),
 * pushed down by our line estimate so the last rule sits on the foot of the 版心 (§7.4.1).
 */
function recordXml(ctx: DocxContext, notice: NoticeDocument): string {
  const meta = notice.meta;
  const printDate = chineseDate(meta.printDate);
  if (!meta.cc && !meta.printer && !printDate) return '';
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
  return items
    .map((it, i) => {
      const first = i === 0;
      const last = i === items.length - 1;
      const borders = { top: first ? thick : undefined, bottom: last ? thick : thin };
      return ctx.paragraph('record', plainRuns(ctx, 'record', it.text), {
        pPr: {
          keepNext: !last,
          pageBreakBefore: first && pageBreak ? true : undefined,
          before: first ? twips(Math.max(0, before)) : 0,
          borders,
          tabs: it.tab ? [{ val: 'right', pos: width }] : undefined,
          ind: { left: 0, right: 0, firstLine: 0, hanging: undefined },
        },
        measureText: it.text.replace('\t', FULL_SPACE),
      });
    })
    .join('');
}
