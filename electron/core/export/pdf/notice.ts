/**
 * 通知 per GB/T 9704-2012: red 版头 (organ name 35 mm below the 版心 top, red rule 4 mm
 * under the 发文字号), title, 主送机关, body on the 22-line × 28-字 grid, 附件说明,
 * 署名 and date, attachments on new pages, 版记 anchored to the 版心 foot of the last
 * page, folios "— n —" 7 mm below the 版心 (odd right, even left, 1-字 indent).
 */
import type { Block, NoticeDocument } from '../../model/types.js';
import { chineseDate } from '../../model/dates.js';
import { organMark } from '../../model/notice.js';
import { PLACEHOLDER_LABEL, placeholderHeight } from '../pictures.js';
import type { Template } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';
import { applyKeeps, blockItems, noteItems, paragraphItems, runStyle, type BlockContext, type ResolvedStyle } from '../../layout/blocks.js';
import { baselineIn, lineItems, paginate, type FilledFrame, type FlowItem, type Frame } from '../../layout/flow.js';
import { layoutParagraph, measureText, type LaidLine } from '../../layout/paragraph.js';
import type { ComposeContext } from './anthology.js';
import { balancedTitle, geometry, oneLine, option, styleBook } from './styles.js';
import { drawPlaced } from './draw.js';
import { decodeImage } from '../../layout/images.js';

function shift(line: LaidLine, dx: number): LaidLine {
  return { ...line, glyphs: line.glyphs.map((g) => ({ ...g, x: g.x + dx })), right: line.right + dx };
}

export async function composeNotice(template: Template, notice: NoticeDocument, cc: ComposeContext): Promise<number> {
  const styles = styleBook(template);
  const g = geometry(template);
  const { canvas } = cc;
  const m = notice.meta;
  const body = styles.get('body');
  const pitch = body.pitch;
  const gridLines = template.page.gridLines ?? 22;
  const gridChars = template.page.gridChars ?? 28;
  const tracking = (g.measure - gridChars * body.size) / (gridChars - 1);
  const autoSpace = option(template, 'autoSpaceDigits', false);
  const zi = body.size;
  const lineTop = (k: number) => g.top + k * pitch;

  const ctx: BlockContext = {
    styles,
    measure: g.measure,
    tracking,
    autoSpace,
    midShrink: false,
    trimLineStart: false,
    maxImageHeight: g.depth * 0.5,
    placeholderHeight: placeholderHeight(template, pitch * 4),
    placeholderLabel: PLACEHOLDER_LABEL,
    notes: [],
  };
  const para = (text: string, style: ResolvedStyle, opts: Parameters<typeof paragraphItems>[3] = {}) =>
    paragraphItems([{ text, style: runStyle(style) }], style, ctx, opts);
  const blank = (): FlowItem => ({ kind: 'line', line: { glyphs: [], size: zi, right: 0, final: true, text: '' }, x: 0, pitch, noBreakBefore: true });
  /** A display title (pitch ≠ grid) followed by a spacer back onto the grid. */
  const displayTitle = (text: string, style: ResolvedStyle, tag: string): FlowItem[] => {
    const lines = balancedTitle([{ text, style: runStyle(style) }], g.measure - 4 * zi, style.size, autoSpace).map((l) => shift(l, 2 * zi));
    const items: FlowItem[] = lineItems(lines, 0, style.pitch, { keepTogether: true, tag });
    const h = lines.length * style.pitch;
    items.push({ kind: 'space', height: Math.ceil(h / pitch - 0.01) * pitch - h, noBreakBefore: true });
    return items;
  };

  // ── 版头 (page 1, drawn directly) ──
  const organ = organMark(m);
  const organStyle = styles.get('organ');
  const organTop = g.top + mmToPt(option(template, 'organTopFromTypeArea', 35));
  let organSize = organStyle.size;
  const natural = measureText([{ text: organ, style: runStyle(organStyle) }], 0, false);
  if (natural > g.measure) organSize = (organStyle.size * g.measure) / natural;
  const organLine = layoutParagraph({ runs: [{ text: organ, style: { ...runStyle(organStyle), size: organSize } }], measure: g.measure, align: 'center' })[0];
  let y = organTop + organSize; // bottom of the organ's em box
  y += 2 * pitch; // 空二行
  const docNumberStyle = styles.get('docNumber');
  const docNumberLine = m.docNumber ? oneLine(m.docNumber, docNumberStyle, 1e6, autoSpace) : null;
  // 签发人 (upward documents, §7.2.6): label in 仿宋, names in 楷体, two per line, aligned under
  // the first name, 1-字 right indent; the 发文字号 moves left (1-字 indent) onto the last line.
  const signers = (m.signers ?? []).filter(Boolean);
  const signerRows: LaidLine[] = [];
  if (signers.length) {
    const label = runStyle(docNumberStyle);
    const name = runStyle(styles.get('signer'));
    const labelW = measureText([{ text: '签发人：', style: label }], 0, false);
    for (let k = 0; k < signers.length; k += 2) {
      const names = signers.slice(k, k + 2).join('\u3000');
      const runs = k === 0 ? [{ text: '签发人：', style: label }, { text: names, style: name }] : [{ text: names, style: name }];
      const line = layoutParagraph({ runs, measure: 1e6, align: 'left', autoSpace: false })[0]!;
      signerRows.push(k === 0 ? line : shift(line, labelW));
    }
    const widest = Math.max(...signerRows.map((l) => l.right));
    signerRows.forEach((l, k) => (signerRows[k] = shift(l, g.measure - zi - widest)));
    y += (signerRows.length - 1) * pitch;
  }
  const docNumberBaseline = baselineIn(y, pitch, docNumberStyle.size);
  const redY = m.docNumber ? docNumberBaseline + docNumberStyle.size * 0.12 + mmToPt(option(template, 'redLineGapBelowDocNumberMm', 4)) : y - pitch / 2;
  // Title after two blank lines below the red rule, on the grid.
  const titleLine = Math.ceil((redY + 2 * pitch - g.top) / pitch - 0.01);

  const items: FlowItem[] = [];
  items.push(...displayTitle(m.title, styles.get('title'), 'title'));
  items.push(blank());
  if (m.addressees) items.push(...para(`${m.addressees.replace(/[:：]$/, '')}：`, styles.get('addressees'), { indent: 0, align: 'justify' }));
  items.push(...blockItems(notice.body, ctx));
  // 附件说明: one blank line, 2-字 indent, hanging under the first name.
  const titles = m.attachmentTitles?.length ? m.attachmentTitles : notice.attachments.map((a) => a.title);
  if (titles.length) {
    items.push({ ...blank(), noBreakBefore: false });
    const st = styles.get('attachmentLine');
    titles.forEach((t, k) => {
      const label = k === 0 ? '附件：' : '\u3000\u3000\u3000';
      const num = titles.length > 1 ? `${k + 1}.` : '';
      const hang = 2 * zi + measureText([{ text: `附件：${num}`, style: runStyle(st) }], tracking, autoSpace) + tracking;
      items.push(...paragraphItems([{ text: `${label}${num}${t.replace(/^《(.*)》$/, '$1')}`, style: runStyle(st) }], st, ctx, { indent: 2 * zi, hangIndent: hang, align: 'left' }));
    });
  }
  // 署名 and 成文日期 without a seal (§7.3.5.2).
  const sig = styles.get('signature');
  const date = chineseDate(m.date);
  const seal = m.sealImage ? decodeImage(m.sealImage) : null;
  if (m.issuer || date) {
    const nameW = m.issuer ? measureText([{ text: m.issuer, style: runStyle(sig) }], 0, autoSpace) : 0;
    const dateW = date ? measureText([{ text: date, style: runStyle(sig) }], 0, autoSpace) : 0;
    let nameX: number;
    let dateX: number;
    if (seal) {
      // With a seal (§7.3.5.1): date with a 4-字 right indent, 署名 centred over it; room for the seal above.
      items.push({ ...blank(), noBreakBefore: true }, { ...blank(), noBreakBefore: true });
      dateX = g.measure - 4 * zi - dateW;
      nameX = dateX + (dateW - nameW) / 2;
    } else if (nameW >= dateW) {
      items.push({ ...blank(), noBreakBefore: true });
      // 署名 with a 2-字 right indent; the date starts 2 字 further right (§7.3.5.2).
      nameX = g.measure - 2 * zi - nameW;
      dateX = nameX + 2 * zi;
    } else {
      items.push({ ...blank(), noBreakBefore: true });
      // A date longer than the name takes the 2-字 right indent; the name keeps the 2-字 offset.
      dateX = g.measure - 2 * zi - dateW;
      nameX = dateX - 2 * zi;
    }
    if (m.issuer) items.push({ kind: 'line', line: shift(oneLine(m.issuer, sig, 1e6, autoSpace), nameX), x: 0, pitch, noBreakBefore: true, tag: 'issuer' });
    if (date) items.push({ kind: 'line', line: shift(oneLine(date, sig, 1e6, autoSpace), dateX), x: 0, pitch, noBreakBefore: true, tag: 'date' });
    if (seal) {
      // The seal presses on 署名 and date, which fall slightly below its centre; drawn over the text.
      const d = mmToPt(option(template, 'sealDiameterMm', 42));
      const w = (d * seal.width) / Math.max(seal.width, seal.height);
      const h = (d * seal.height) / Math.max(seal.width, seal.height);
      const cx = dateX + dateW / 2;
      items.push({
        kind: 'box',
        height: 0,
        noBreakBefore: true,
        draw: (p, x, yAfter) => p.image(seal.data, x + cx - w / 2, yAfter - pitch * 1.15 - h / 2, w, h),
      });
    }
  }
  if (m.note) items.push(...para(`（${m.note}）`, styles.get('note'), { indent: 2 * zi }));
  items.push(...noteItems(ctx));
  for (const [k, a] of notice.attachments.entries()) {
    items.push({ kind: 'break', scope: 'page' });
    const label = notice.attachments.length > 1 ? `附件${k + 1}` : '附件';
    items.push(...para(label, styles.get('attachmentLabel'), { indent: 0, tag: `attachment:${k}` }));
    items.push(blank());
    items.push(...displayTitle(a.title, styles.get('attachmentTitle'), `attachment-title:${k}`));
    items.push(blank());
    items.push(...blockItems(a.blocks as Block[], ctx));
    items.push(...noteItems(ctx));
  }
  applyKeeps(items);

  // ── Flow on the grid; frames collected (a notice is short) so the 版记 can anchor to the last page. ──
  const frames: FilledFrame[] = [];
  let pages = 0;
  const frameOf = (page: number): Frame => {
    const first = page === 1;
    const k = first ? titleLine : 0;
    return { page, column: 0, x: g.inner, y: lineTop(k), width: g.measure, height: (gridLines - k) * pitch };
  };
  paginate(items, () => frameOf(++pages), (f) => frames.push(f));
  if (!frames.length) pages = 1;

  // 版记: rules and lines from the 版心 foot upward.
  const record = styles.get('record');
  const recordLines: Array<{ label: string; text: string; right?: string }> = [];
  if (m.cc) recordLines.push({ label: '抄送：', text: `${m.cc.replace(/。$/, '')}。` });
  const printer = m.printer ?? m.issuer ?? m.organ;
  const printDate = chineseDate(m.printDate ?? m.date);
  if (printer || printDate) recordLines.push({ label: '', text: printer ?? '', right: printDate ? `${printDate}印发` : undefined });
  const last = frames[frames.length - 1];
  const usedLines = last ? Math.ceil((last.frame.y - g.top + last.used) / pitch - 0.01) : titleLine;
  const recordItems = layRecord(record, g.measure, recordLines);
  const recordRows = recordItems.reduce((n, it) => n + it.lines.length, 0);
  let recordPage = recordRows && usedLines + recordRows > gridLines ? pages + 1 : pages;
  // A 版记 on a page of its own goes on the back of a leaf (an even page), after a blank page if
  // need be; then neither the blank nor the 版记 page carries a folio (§7.5).
  const unnumbered = new Set<number>();
  if (recordRows && recordPage > pages && recordPage % 2 === 1 && option(template, 'recordOnEvenPage', true)) {
    unnumbered.add(recordPage);
    recordPage++;
    unnumbered.add(recordPage);
  }
  const total = Math.max(pages, recordPage, 1);

  for (let p = 1; p <= total; p++) {
    canvas.addPage(g.width, g.height);
    if (p === 1) {
      cc.outline.addItem(m.title);
      if (organLine) canvas.drawLine(organLine, g.inner, organTop + organSize * 0.88);
      if (docNumberLine) canvas.drawLine(shift(docNumberLine, signerRows.length ? zi : (g.measure - docNumberLine.right) / 2), g.inner, docNumberBaseline);
      signerRows.forEach((l, k) => canvas.drawLine(l, g.inner, docNumberBaseline - (signerRows.length - 1 - k) * pitch));
      canvas.rule(g.inner, redY, g.inner + g.measure, redY, option(template, 'redLineWidthPt', 1), template.colors.accent);
    }
    for (const f of frames.filter((fr) => fr.frame.page === p)) {
      drawPlaced(canvas, f);
      for (const it of f.items) if (it.item.tag?.startsWith('attachment:')) cc.outline.addItem(`附件：${notice.attachments[Number(it.item.tag.slice(11))]?.title ?? ''}`);
    }
    if (p === recordPage && recordRows) drawRecord(canvas, template, g.inner, g.measure, g.top + gridLines * pitch, pitch, record, recordItems);
    if (!unnumbered.has(p)) drawFolio(canvas, template, g, p);
  }
  return total;
}

interface RecordItem {
  lines: LaidLine[];
  right: LaidLine | null;
}

/** 版记 items laid out: 1-字 indents both sides, wrapped names aligned after the colon (§7.4.2). */
function layRecord(style: ResolvedStyle, measure: number, items: Array<{ label: string; text: string; right?: string }>): RecordItem[] {
  const zi = style.size;
  return items.map((l) => {
    const right = l.right ? oneLine(l.right, style, 1e6, false) : null;
    const labelW = l.label ? oneLine(l.label, style, 1e6, false).right : 0;
    const lines = layoutParagraph({
      runs: [{ text: `${l.label}${l.text}`, style: runStyle(style) }],
      measure: measure - 2 * zi - (right ? right.right + zi : 0),
      indent: 0,
      hangIndent: labelW,
      align: 'left',
      autoSpace: false,
    });
    return { lines, right };
  });
}

function drawRecord(canvas: ComposeContext['canvas'], template: Template, x: number, measure: number, bottom: number, pitch: number, style: ResolvedStyle, items: RecordItem[]): void {
  const thick = option(template, 'recordThickPt', 1);
  const thin = option(template, 'recordThinPt', 0.7);
  const zi = style.size;
  const rows = items.reduce((n, it) => n + it.lines.length, 0);
  const top = bottom - rows * pitch;
  canvas.rule(x, top, x + measure, top, thick, template.colors.rule);
  let y = top;
  items.forEach((it, k) => {
    it.lines.forEach((line, i) => {
      const base = baselineIn(y, pitch, style.size);
      canvas.drawLine(line, x + zi, base);
      if (i === it.lines.length - 1 && it.right) canvas.drawLine(it.right, x + measure - zi - it.right.right, base);
      y += pitch;
    });
    if (k < items.length - 1) canvas.rule(x, y, x + measure, y, thin, template.colors.rule);
  });
  canvas.rule(x, bottom, x + measure, bottom, thick, template.colors.rule);
}

function drawFolio(canvas: ComposeContext['canvas'], template: Template, g: ReturnType<typeof geometry>, page: number): void {
  const st = styleBook(template).get('folio');
  const line = oneLine(`— ${page} —`, st, 1e6, false);
  const indent = option(template, 'folioIndentPt', 14);
  const typeBottom = g.top + g.depth;
  // The dash of "— n —" (about 0.3 em above the baseline) sits 7 mm below the 版心.
  const baseline = typeBottom + mmToPt(option(template, 'folioDashBelowTypeAreaMm', 7)) + st.size * 0.3;
  const x = page % 2 === 1 ? g.inner + g.measure - indent - line.right : g.inner + indent;
  canvas.drawLine(line, x, baseline);
}
