/**
 * Model blocks and inlines → WordprocessingML. Looks come from paragraph styles; runs carry
 * only their two faces (East Asian and Latin), the marks the author set, and comment anchors.
 */
import type { Block, ImageBlock, Inline, Mark, ParagraphBlock, TableBlock } from '../../model/types.js';
import type { TextStyle } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';
import type { DocxContext, ListStyle } from './context.js';
import { REL } from './context.js';
import { embedImage } from './images.js';
import { pPrXml, runXml } from './props.js';
import { fontsXml, type Role } from './styles.js';
import { balanceTitle } from './titles.js';
import { esc, twips } from './xml.js';

export interface Runs {
  xml: string;
  text: string;
}

const CURLY = /[\u2018\u2019\u201C\u201D]/;

function marksXml(marks: readonly Mark[] | undefined): { head: string; tail: string } {
  if (!marks?.length) return { head: '', tail: '' };
  let head = '';
  let tail = '';
  if (marks.includes('bold')) head += '<w:b/><w:bCs/>';
  if (marks.includes('italic')) head += '<w:i/><w:iCs/>';
  if (marks.includes('strike')) head += '<w:strike/>';
  if (marks.includes('underline')) tail += '<w:u w:val="single"/>';
  if (marks.includes('sup')) tail += '<w:vertAlign w:val="superscript"/>';
  else if (marks.includes('sub')) tail += '<w:vertAlign w:val="subscript"/>';
  return { head, tail };
}

/** rPr for a run: optional character style, both faces (with the East Asian hint for curly quotes), marks. */
export function runProps(ctx: DocxContext, style: TextStyle, text: string, marks?: readonly Mark[], charStyle?: string): string {
  const m = marksXml(marks);
  return `${charStyle ? `<w:rStyle w:val="${charStyle}"/>` : ''}${fontsXml(ctx.book, style, CURLY.test(text))}${m.head}${m.tail}`;
}

/** A title broken into balanced lines (titles.ts) with w:br between them; the text stays whole. */
export function titleRuns(ctx: DocxContext, role: Role, title: string): Runs & { measure: string } {
  const style = ctx.book.get(role).style;
  const perLine = Math.floor(ctx.twipsWidth() / 20 / (style.size + ctx.book.charSpacing / 20));
  const lines = balanceTitle(title, perLine);
  const inlines: Inline[] = lines.flatMap((line, i) => (i === 0 ? [{ type: 'text' as const, text: line }] : [{ type: 'break' as const }, { type: 'text' as const, text: line }]));
  return { ...inlinesXml(ctx, inlines, style), measure: lines.join('\n') };
}

export function plainRuns(ctx: DocxContext, role: Role, text: string, marks?: Mark[]): Runs {
  const style = ctx.book.get(role).style;
  return { xml: runXml(runProps(ctx, style, text, marks), text), text };
}

/**
 * Splits text so curly quotes get their own hinted runs: w:hint applies to a whole run, and
 * a hint on Latin words next to the quotes would move them to the CJK face too.
 */
function textRuns(ctx: DocxContext, style: TextStyle, text: string, marks?: readonly Mark[], charStyle?: string): string {
  if (!CURLY.test(text) || !/[A-Za-z0-9]/.test(text)) return runXml(runProps(ctx, style, text, marks, charStyle), text);
  return text
    .split(/([\u2018\u2019\u201C\u201D]+)/)
    .filter(Boolean)
    .map((piece) => runXml(runProps(ctx, style, piece, marks, charStyle), piece))
    .join('');
}

export function inlinesXml(ctx: DocxContext, inlines: readonly Inline[] | undefined, style: TextStyle, charStyle?: string): Runs {
  let xml = '';
  let text = '';
  for (const inline of inlines ?? []) {
    switch (inline.type) {
      case 'text': {
        xml += ctx.comments.before(inline);
        xml += textRuns(ctx, style, inline.text, inline.marks, charStyle);
        xml += ctx.comments.after(inline);
        text += inline.text.replace(/\t/g, '');
        break;
      }
      case 'break':
        xml += '<w:r><w:br/></w:r>';
        break;
      case 'footnote': {
        const id = ctx.footnotes.length + 1;
        const body = ctx.aside(() => blocksXml(ctx, inline.blocks, 'footnote'));
        // The reference mark goes first in the note's first paragraph, as Word writes it.
        const withRef = body.replace(/(<w:p>(?:<w:pPr>.*?<\/w:pPr>)?)/, `$1<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>`);
        ctx.footnotes.push(`<w:footnote w:id="${id}">${withRef || '<w:p/>'}</w:footnote>`);
        xml += `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
        break;
      }
      case 'link': {
        const inner = inlinesXml(ctx, inline.children, style, 'Hyperlink');
        if (/^https?:|^mailto:/i.test(inline.href)) {
          const rid = ctx.rel(REL.hyperlink, inline.href, true);
          xml += `<w:hyperlink r:id="${rid}" w:history="1">${inner.xml}</w:hyperlink>`;
        } else xml += inner.xml;
        text += inner.text;
        break;
      }
    }
  }
  return { xml, text };
}

const PARAGRAPH_ROLE: Record<NonNullable<ParagraphBlock['role']>, Role> = {
  body: 'normal',
  lead: 'lead',
  byline: 'byline',
  note: 'note',
  center: 'center',
};

/**
 * Writes blocks. `role` overrides the body role for every plain paragraph (notes, table
 * cells, quotes); headings keep their heading roles except inside notes and cells.
 */
export function blocksXml(ctx: DocxContext, blocks: readonly Block[], role?: Role): string {
  let out = '';
  for (const block of blocks) out += blockXml(ctx, block, role);
  return out;
}

function blockXml(ctx: DocxContext, block: Block, role: Role | undefined, numId?: number): string {
  switch (block.type) {
    case 'heading': {
      const r: Role = role ?? (`h${block.level}` as Role);
      const st = ctx.book.get(r).style;
      return ctx.paragraph(r, inlinesXml(ctx, block.content, st), numId ? { pPr: { numId } } : {});
    }
    case 'paragraph':
      return paragraphXml(ctx, block, role ?? PARAGRAPH_ROLE[block.role ?? 'body'], numId);
    case 'list':
      return listXml(ctx, block, role);
    case 'quote':
      return blocksXml(ctx, block.blocks, role ?? 'quote');
    case 'table':
      return tableXml(ctx, block);
    case 'image':
      return imageXml(ctx, block);
    case 'pageBreak':
      if (ctx.measuring) ctx.flow.breakPage();
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
  }
}

function paragraphXml(ctx: DocxContext, block: ParagraphBlock, role: Role, numId?: number): string {
  const st = ctx.book.get(role).style;
  let runs: Runs = { xml: '', text: '' };
  if (block.runIn?.length) {
    const runInStyle = ctx.template.styles.runIn ?? st;
    runs = inlinesXml(ctx, block.runIn, runInStyle, ctx.template.styles.runIn ? 'HBRunIn' : undefined);
  }
  const content = inlinesXml(ctx, block.content, st);
  return ctx.paragraph(role, { xml: runs.xml + content.xml, text: runs.text + content.text }, numId ? { pPr: { numId } } : {});
}

function listXml(ctx: DocxContext, block: Extract<Block, { type: 'list' }>, role: Role | undefined): string {
  const style: ListStyle = block.ordered ? (block.style ?? 'decimal') : 'bullet';
  const numId = ctx.list(style, block.start ?? 1);
  let out = '';
  for (const item of block.items) {
    let first = true;
    for (const b of item) {
      const numbered = first && (b.type === 'paragraph' || b.type === 'heading');
      out += blockXml(ctx, b, role, numbered ? numId : undefined);
      if (numbered) first = false;
    }
  }
  return out;
}

/** Grid column widths in twips, from the model's relative widths (WPS lays tables out by the grid). */
function gridWidths(ctx: DocxContext, block: TableBlock, columns: number): number[] {
  const total = ctx.twipsWidth();
  const rel = block.columnWidths?.length === columns ? block.columnWidths : new Array<number>(columns).fill(1);
  const sum = rel.reduce((a, b) => a + (b > 0 ? b : 0), 0) || columns;
  return rel.map((w) => Math.floor((total * (w > 0 ? w : sum / columns)) / sum));
}

function tableXml(ctx: DocxContext, block: TableBlock): string {
  const columns = Math.max(1, ...block.rows.map((row) => row.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
  const widths = gridWidths(ctx, block, columns);
  const tableStyle = ctx.book.get('table').style;
  // Cells covered by a rowSpan from above: column index → rows still to cover.
  const covered = new Array<number>(columns).fill(0);
  let rowsXml = '';
  let estimate = 0;
  for (const row of block.rows) {
    let col = 0;
    let cellsXml = '';
    let rowLines = 1;
    const emitContinuations = () => {
      while (col < columns && covered[col]! > 0) {
        covered[col]!--;
        cellsXml += `<w:tc><w:tcPr><w:tcW w:w="${widths[col]}" w:type="dxa"/><w:vMerge/></w:tcPr><w:p/></w:tc>`;
        col++;
      }
    };
    for (const cell of row) {
      emitContinuations();
      if (col >= columns) break;
      const span = Math.min(cell.colSpan ?? 1, columns - col);
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const rowSpan = cell.rowSpan ?? 1;
      if (rowSpan > 1) for (let c = col; c < col + span; c++) covered[c] = rowSpan - 1;
      const content = ctx.inCell(() => blocksXml(ctx, cell.blocks, 'table'));
      const text = cell.blocks.map((b) => (b.type === 'paragraph' ? b.content.map((i) => (i.type === 'text' ? i.text : '')).join('') : '')).join('');
      rowLines = Math.max(rowLines, ctx.flow.lines(text, tableStyle.size, 0, width / 20 - 11));
      const bold = cell.header ? content.replace(/<w:rPr>(<w:rStyle[^>]*\/>)?(<w:rFonts[^>]*\/>)(?!<w:b\/>)/g, '<w:rPr>$1$2<w:b/><w:bCs/>') : content;
      cellsXml +=
        `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : ''}<w:vAlign w:val="center"/></w:tcPr>` +
        (bold || '<w:p/>') +
        '</w:tc>';
      col += span;
    }
    emitContinuations();
    for (; col < columns; col++) cellsXml += `<w:tc><w:tcPr><w:tcW w:w="${widths[col]}" w:type="dxa"/></w:tcPr><w:p/></w:tc>`;
    const isHeader = row.every((c) => c.header);
    rowsXml += `<w:tr>${isHeader ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cellsXml}</w:tr>`;
    estimate += rowLines * tableStyle.lineHeight + 2;
  }
  if (ctx.measuring) ctx.flow.add(Math.ceil(estimate / tableStyle.lineHeight), tableStyle.lineHeight);
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rowsXml}</w:tbl>` +
    // Word needs a paragraph between two adjacent tables; a small one keeps them apart.
    `<w:p>${pPrXml({ style: ctx.book.get('table').id, line: 120, before: 0, after: 0 })}</w:p>`
  );
}

function imageXml(ctx: DocxContext, block: ImageBlock): string {
  let out = '';
  const picture = block.src ? embedImage(ctx, block.src, block.width, block.height, block.alt) : null;
  if (picture) {
    out += ctx.paragraph('center', { xml: picture.xml, text: '' }, { pPr: { keepNext: true, autoLine: true, snapToGrid: false }, heightPt: picture.heightPt });
  } else {
    // A caption whose photo was not in the draft keeps the photo's place: a grey box of the
    // height the PDF writer gives it (template option, else 45 mm in the book, 38 in the
    // magazine, four lines in a notice), so both files paginate alike.
    if (block.caption?.length) {
      const kind = ctx.template.kind;
      const mm = ctx.template.options.photoPlaceholderHeightMm;
      const h = mm !== undefined ? mmToPt(Number(mm)) : kind === 'notice' ? 4 * ctx.book.bodyPitch : mmToPt(kind === 'feature' ? 38 : 45);
      const edge = { sz: 4, space: 0, color: 'C8C8C8' };
      out += ctx.paragraph(
        'center',
        { xml: '', text: '' },
        {
          pPr: { keepNext: true, borders: { top: edge, bottom: edge, left: edge, right: edge }, shading: 'E6E6E6', line: twips(h), before: twips(ctx.book.bodyPitch / 2), after: twips(2), ind: { firstLine: 0, firstLineChars: 0 } },
          heightPt: h,
        },
      );
    }
  }
  if (block.caption?.length) {
    const st = ctx.book.get('caption').style;
    out += ctx.paragraph('caption', inlinesXml(ctx, block.caption, st));
  } else if (block.alt && picture) {
    out += ctx.paragraph('caption', plainRuns(ctx, 'caption', block.alt));
  }
  return out;
}

export { esc };
