/**
 * Paragraph and run property builders that emit children in the order the OOXML schema
 * requires: Word refuses (or "repairs") a file whose pPr/rPr children are out of order.
 */
import { esc } from './xml.js';

export interface Border {
  val?: string;
  /** Eighths of a point. */
  sz: number;
  /** Points between border and text. */
  space?: number;
  color?: string;
}

export interface PPr {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  numId?: number;
  borders?: { top?: Border; bottom?: Border; left?: Border; right?: Border };
  /** Background fill (hex RGB). */
  shading?: string;
  tabs?: Array<{ val: 'left' | 'right' | 'center'; pos: number; leader?: 'dot' | 'none' }>;
  snapToGrid?: boolean;
  /** twips */
  before?: number;
  after?: number;
  line?: number;
  /** Single (auto) line spacing instead of the style's exact pitch: pictures need it or Word clips them. */
  autoLine?: boolean;
  ind?: { left?: number; right?: number; firstLine?: number; firstLineChars?: number; hanging?: number };
  jc?: 'left' | 'center' | 'right' | 'both' | 'distribute';
  outline?: number;
  /** Raw run properties for the paragraph mark. */
  markRPr?: string;
  sectPr?: string;
}

function border(name: string, b: Border): string {
  return `<w:${name} w:val="${b.val ?? 'single'}" w:sz="${b.sz}" w:space="${b.space ?? 1}" w:color="${b.color ?? 'auto'}"/>`;
}

export function pPrXml(p: PPr): string {
  const out: string[] = [];
  if (p.style) out.push(`<w:pStyle w:val="${p.style}"/>`);
  if (p.keepNext) out.push('<w:keepNext/>');
  if (p.keepLines) out.push('<w:keepLines/>');
  if (p.pageBreakBefore !== undefined) out.push(p.pageBreakBefore ? '<w:pageBreakBefore/>' : '<w:pageBreakBefore w:val="0"/>');
  if (p.numId !== undefined) out.push(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${p.numId}"/></w:numPr>`);
  if (p.borders) {
    const b = p.borders;
    out.push(
      '<w:pBdr>' +
        (b.top ? border('top', b.top) : '') +
        (b.left ? border('left', b.left) : '') +
        (b.bottom ? border('bottom', b.bottom) : '') +
        (b.right ? border('right', b.right) : '') +
        '</w:pBdr>',
    );
  }
  if (p.shading) out.push(`<w:shd w:val="clear" w:color="auto" w:fill="${p.shading}"/>`);
  if (p.tabs?.length) {
    out.push('<w:tabs>' + p.tabs.map((t) => `<w:tab w:val="${t.val}"${t.leader ? ` w:leader="${t.leader}"` : ''} w:pos="${Math.round(t.pos)}"/>`).join('') + '</w:tabs>');
  }
  if (p.snapToGrid !== undefined) out.push(p.snapToGrid ? '<w:snapToGrid/>' : '<w:snapToGrid w:val="0"/>');
  if (p.before !== undefined || p.after !== undefined || p.line !== undefined || p.autoLine) {
    out.push(
      '<w:spacing' +
        (p.before !== undefined ? ` w:before="${Math.round(p.before)}"` : '') +
        (p.after !== undefined ? ` w:after="${Math.round(p.after)}"` : '') +
        (p.autoLine ? ' w:line="240" w:lineRule="auto"' : p.line !== undefined ? ` w:line="${Math.round(p.line)}" w:lineRule="exact"` : '') +
        '/>',
    );
  }
  if (p.ind) {
    const i = p.ind;
    out.push(
      '<w:ind' +
        (i.left !== undefined ? ` w:left="${Math.round(i.left)}"` : '') +
        (i.right !== undefined ? ` w:right="${Math.round(i.right)}"` : '') +
        (i.firstLineChars !== undefined ? ` w:firstLineChars="${Math.round(i.firstLineChars)}"` : '') +
        (i.firstLine !== undefined ? ` w:firstLine="${Math.round(i.firstLine)}"` : '') +
        (i.hanging !== undefined ? ` w:hanging="${Math.round(i.hanging)}"` : '') +
        '/>',
    );
  }
  if (p.jc) out.push(`<w:jc w:val="${p.jc}"/>`);
  if (p.outline !== undefined) out.push(`<w:outlineLvl w:val="${p.outline}"/>`);
  if (p.markRPr) out.push(`<w:rPr>${p.markRPr}</w:rPr>`);
  if (p.sectPr) out.push(p.sectPr);
  return out.length ? `<w:pPr>${out.join('')}</w:pPr>` : '';
}

/** A run of text; tabs become w:tab so that leaders and right tabs work. */
export function runXml(rPr: string, text: string): string {
  const pieces = text.split('\t');
  let inner = '';
  pieces.forEach((piece, i) => {
    if (i > 0) inner += '<w:tab/>';
    if (piece) inner += `<w:t xml:space="preserve">${esc(piece)}</w:t>`;
  });
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${inner}</w:r>`;
}

/** A simple field (PAGE, PAGEREF …) with its cached result, as begin/instr/separate/result/end runs. */
export function fieldRuns(rPr: string, instr: string, cached: string, dirty = false): string {
  const r = rPr ? `<w:rPr>${rPr}</w:rPr>` : '';
  return (
    `<w:r>${r}<w:fldChar w:fldCharType="begin"${dirty ? ' w:dirty="true"' : ''}/></w:r>` +
    `<w:r>${r}<w:instrText xml:space="preserve"> ${esc(instr)} </w:instrText></w:r>` +
    `<w:r>${r}<w:fldChar w:fldCharType="separate"/></w:r>` +
    runXml(rPr, cached) +
    `<w:r>${r}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}
