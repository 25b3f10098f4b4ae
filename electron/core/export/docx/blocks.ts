/**
 * Model blocks and inlines → `docx` paragraphs, tables and pictures. Looks come from the
 * paragraph styles; runs carry only their two faces (East Asian and Latin, with the East Asian
 * hint on curly quotes), the marks the author set, and comment anchors.
 */
import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  ImageRun,
  PageBreak,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  TextWrappingType,
  UnderlineType,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  AlignmentType,
  HorizontalPositionRelativeFrom,
  VerticalPositionRelativeFrom,
  type FileChild,
  type IFontAttributesProperties,
  type ParagraphChild,
} from 'docx';
import type { Block, ImageBlock, Inline, Mark, ParagraphBlock, TableBlock } from '../../model/types.js';
import { blocksText, nestedNotesInline } from '../../model/text.js';
import type { TextStyle } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';
import { decodeDataUri } from '../../layout/images.js';
import { missingPictureMode, PLACEHOLDER_LABEL, placeholderHeight } from '../pictures.js';
import type { Role, StyleBook } from './styleBook.js';
import { balanceTitle } from './titles.js';
import { twips } from './xml.js';
import { keyedRun } from './plainRun.js';
import { paragraphOptions, type ListRef, type Piece, type DocxContext } from './context.js';

export interface Runs {
  children: Piece[];
  text: string;
}

const CURLY = /[\u2018\u2019\u201C\u201D]/;

/** Both faces of a run; `hint` makes Word give ambiguous quotes the CJK face. */
export function fonts(book: StyleBook, style: TextStyle, hint = false): IFontAttributesProperties {
  return { ascii: book.latin, hAnsi: book.latin, eastAsia: book.face(style), cs: book.latin, ...(hint ? { hint: 'eastAsia' } : {}) };
}

/** Everything a run's options are made of: the faces, the marks, the character style and extras. */
function lookKey(book: StyleBook, style: TextStyle, hint: boolean, marks?: readonly Mark[], charStyle?: string, extra: { color?: string; scale?: number; size?: number; position?: string } = {}): string {
  return `${book.latin}|${book.face(style)}|${hint}|${marks?.join(',') ?? ''}|${charStyle ?? ''}|${extra.color ?? ''}|${extra.scale ?? ''}|${extra.size ?? ''}|${extra.position ?? ''}`;
}

/** The key of a run in a style's faces and nothing else (most runs of a book), made once: a string made anew is hashed anew at every lookup. */
const plainKeys = new WeakMap<StyleBook, WeakMap<TextStyle, [string, string]>>();

function plainKey(book: StyleBook, style: TextStyle, hint: boolean): string {
  let byStyle = plainKeys.get(book);
  if (!byStyle) plainKeys.set(book, (byStyle = new WeakMap()));
  let keys = byStyle.get(style);
  if (!keys) byStyle.set(style, (keys = [lookKey(book, style, false), lookKey(book, style, true)]));
  return keys[hint ? 1 : 0];
}

/** A run of text with its faces and marks; tabs become w:tab so leaders and right tabs work. */
export function textRun(book: StyleBook, style: TextStyle, text: string, marks?: readonly Mark[], charStyle?: string, extra: { color?: string; scale?: number; size?: number; position?: `${number}pt` } = {}): TextRun {
  const hint = CURLY.test(text);
  const makeOptions = () => ({
    style: charStyle,
    font: fonts(book, style, hint),
    bold: marks?.includes('bold') || undefined,
    boldComplexScript: marks?.includes('bold') || undefined,
    italics: marks?.includes('italic') || undefined,
    italicsComplexScript: marks?.includes('italic') || undefined,
    strike: marks?.includes('strike') || undefined,
    underline: marks?.includes('underline') ? { type: UnderlineType.SINGLE } : undefined,
    superScript: marks?.includes('sup') || undefined,
    subScript: !marks?.includes('sup') && marks?.includes('sub') ? true : undefined,
    color: extra.color,
    scale: extra.scale,
    size: extra.size,
    sizeComplexScript: extra.size,
    position: extra.position,
  });
  if (!text.includes('\t')) {
    const plain = !marks?.length && !charStyle && extra.color === undefined && extra.scale === undefined && extra.size === undefined && extra.position === undefined;
    return keyedRun(plain ? plainKey(book, style, hint) : lookKey(book, style, hint, marks, charStyle, extra), makeOptions, text);
  }
  const children: Array<string | Tab> = [];
  text.split('\t').forEach((piece, i) => {
    if (i > 0) children.push(new Tab());
    if (piece) children.push(piece);
  });
  return new TextRun({ ...makeOptions(), children });
}

/**
 * Splits text so curly quotes get their own hinted runs: w:hint applies to a whole run, and
 * a hint on Latin words next to the quotes would move them to the CJK face too.
 */
function textRuns(ctx: DocxContext, style: TextStyle, text: string, marks?: readonly Mark[], charStyle?: string): TextRun[] {
  if (!CURLY.test(text) || !/[A-Za-z0-9]/.test(text)) return [textRun(ctx.book, style, text, marks, charStyle)];
  return text
    .split(/([\u2018\u2019\u201C\u201D]+)/)
    .filter(Boolean)
    .map((piece) => textRun(ctx.book, style, piece, marks, charStyle));
}

export function plainRuns(ctx: DocxContext, role: Role, text: string, marks?: Mark[]): Runs {
  return { children: [textRun(ctx.book, ctx.book.get(role).style, text, marks)], text };
}

/** A title broken into balanced lines (titles.ts) with breaks between them; the text stays whole. */
export function titleRuns(ctx: DocxContext, role: Role, title: string): Runs & { measure: string } {
  const style = ctx.book.get(role).style;
  const perLine = Math.floor(ctx.twipsWidth() / 20 / (style.size + ctx.book.charSpacing / 20));
  const lines = balanceTitle(title, perLine);
  const inlines: Inline[] = lines.flatMap((line, i) => (i === 0 ? [{ type: 'text' as const, text: line }] : [{ type: 'break' as const }, { type: 'text' as const, text: line }]));
  return { ...inlineRuns(ctx, inlines, style), measure: lines.join('\n') };
}

export function inlineRuns(ctx: DocxContext, inlines: readonly Inline[] | undefined, style: TextStyle, charStyle?: string): Runs {
  const children: Piece[] = [];
  let text = '';
  for (const inline of inlines ?? []) {
    switch (inline.type) {
      case 'text': {
        // Most inlines carry no comment and no curly quote beside Latin text: no arrays made for them.
        const commented = inline.comments !== undefined && inline.comments.length > 0;
        if (commented) children.push(...ctx.comments.before(inline));
        if (CURLY.test(inline.text)) children.push(...textRuns(ctx, style, inline.text, inline.marks, charStyle));
        else children.push(textRun(ctx.book, style, inline.text, inline.marks, charStyle));
        if (commented) children.push(...ctx.comments.after(inline));
        text += inline.text.includes('\t') ? inline.text.replace(/\t/g, '') : inline.text;
        break;
      }
      case 'break':
        children.push(new TextRun({ break: 1 }));
        break;
      case 'footnote': {
        // A table in a note is kept (Word and LibreOffice set one there); the package types notes as paragraphs only.
        const body = ctx.aside(() => blockChildren(ctx, nestedNotesInline(inline.blocks), 'footnote')).filter((c) => c instanceof Paragraph || c instanceof Table) as Paragraph[];
        children.push(new FootnoteReferenceRun(ctx.footnote(body.length ? body : [new Paragraph({ style: ctx.book.get('footnote').id })])));
        break;
      }
      case 'link': {
        const inner = inlineRuns(ctx, inline.children, style, 'Hyperlink');
        if (/^https?:|^mailto:/i.test(inline.href)) children.push(new ExternalHyperlink({ link: inline.href, children: inner.children as unknown as ParagraphChild[] }));
        else children.push(...inner.children);
        text += inner.text;
        break;
      }
    }
  }
  return { children, text };
}

const PARAGRAPH_ROLE: Record<NonNullable<ParagraphBlock['role']>, Role> = {
  body: 'normal',
  lead: 'lead',
  byline: 'byline',
  note: 'note',
  center: 'center',
};

/**
 * Builds blocks. `role` overrides the body role for every plain paragraph (notes, table
 * cells, quotes); headings keep their heading roles except inside notes and cells.
 */
export function blockChildren(ctx: DocxContext, blocks: readonly Block[], role?: Role): FileChild[] {
  const out: FileChild[] = [];
  for (const block of blocks) out.push(...blockChild(ctx, block, role));
  return out;
}

function blockChild(ctx: DocxContext, block: Block, role: Role | undefined, numbering?: ListRef): FileChild[] {
  switch (block.type) {
    case 'heading': {
      const r: Role = role ?? (`h${block.level}` as Role);
      const runs = inlineRuns(ctx, block.content, ctx.book.get(r).style);
      return [ctx.paragraph(r, runs.children, runs.text, numbering ? { props: { numbering } } : {})];
    }
    case 'paragraph':
      return [paragraph(ctx, block, role ?? PARAGRAPH_ROLE[block.role ?? 'body'], numbering)];
    case 'list':
      return list(ctx, block, role);
    case 'quote':
      return blockChildren(ctx, block.blocks, role ?? 'quote');
    case 'table':
      return table(ctx, block);
    case 'image':
      return image(ctx, block);
    case 'pageBreak':
      if (ctx.measuring) ctx.flow.breakPage();
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function paragraph(ctx: DocxContext, block: ParagraphBlock, role: Role, numbering?: ListRef): Paragraph {
  const st = ctx.book.get(role).style;
  const runIn = block.runIn?.length
    ? inlineRuns(ctx, block.runIn, ctx.template.styles.runIn ?? st, ctx.template.styles.runIn ? 'HBRunIn' : undefined)
    : { children: [], text: '' };
  const content = inlineRuns(ctx, block.content, st);
  return ctx.paragraph(role, [...runIn.children, ...content.children], runIn.text + content.text, numbering ? { props: { numbering } } : {});
}

function list(ctx: DocxContext, block: Extract<Block, { type: 'list' }>, role: Role | undefined): FileChild[] {
  const numbering = ctx.list(block.ordered ? (block.style ?? 'decimal') : 'bullet', block.start ?? 1);
  const out: FileChild[] = [];
  for (const item of block.items) {
    let first = true;
    for (const b of item) {
      const numbered = first && (b.type === 'paragraph' || b.type === 'heading');
      out.push(...blockChild(ctx, b, role, numbered ? numbering : undefined));
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

/** Word's default left and right cell margin (0.08 in), in twips; and the hairline one for very narrow columns. */
const CELL_MARGIN = 115;
const NARROW_CELL_MARGIN = 15;

const emptyCell = (width: number, merged: boolean) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, verticalMerge: merged ? VerticalMergeType.CONTINUE : undefined, children: [new Paragraph({})] });

function table(ctx: DocxContext, block: TableBlock): FileChild[] {
  const columns = Math.max(1, ...block.rows.map((row) => row.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
  const widths = gridWidths(ctx, block, columns);
  const tableStyle = ctx.book.get('table').style;
  // Columns too narrow for Word's cell margins and a character (thirty of them in a magazine
  // column) get hairline margins: LibreOffice prints nothing in a cell without room for text.
  const margin = Math.min(...widths) < 2 * CELL_MARGIN + tableStyle.size * 20 ? NARROW_CELL_MARGIN : CELL_MARGIN;
  // Cells covered by a rowSpan from above: column index → rows still to cover.
  const covered = new Array<number>(columns).fill(0);
  const rows: TableRow[] = [];
  let estimate = 0;
  for (const row of block.rows) {
    let col = 0;
    const cells: TableCell[] = [];
    let rowHeight = tableStyle.lineHeight;
    const continuations = () => {
      while (col < columns && covered[col]! > 0) {
        covered[col]!--;
        cells.push(emptyCell(widths[col]!, true));
        col++;
      }
    };
    for (const cell of row) {
      continuations();
      if (col >= columns) break;
      const span = Math.min(cell.colSpan ?? 1, columns - col);
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const rowSpan = cell.rowSpan ?? 1;
      if (rowSpan > 1) for (let c = col; c < col + span; c++) covered[c] = rowSpan - 1;
      // Headings in a cell, and everything in a header cell, go out with the bold mark.
      const blocks = emboldened(cell.blocks, cell.header === true);
      const content = ctx.inCell(width - 2 * margin, () => blockChildren(ctx, blocks, 'table'));
      // Each paragraph-like block of the cell (in its lists, quotes, nested tables too) on lines of its own, and its pictures.
      const contentPt = (width - 2 * margin) / 20;
      rowHeight = Math.max(rowHeight, ctx.flow.lines(blocksText(cell.blocks), tableStyle.size, 0, contentPt) * tableStyle.lineHeight + picturesHeight(cell.blocks, contentPt));
      cells.push(
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          verticalMerge: rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          children: content.length ? (content as Array<Paragraph | Table>) : [new Paragraph({})],
        }),
      );
      col += span;
    }
    continuations();
    for (; col < columns; col++) cells.push(emptyCell(widths[col]!, false));
    rows.push(new TableRow({ tableHeader: row.every((c) => c.header) || undefined, children: cells }));
    estimate += rowHeight + 2;
  }
  if (ctx.measuring) ctx.flow.add(Math.ceil(estimate / tableStyle.lineHeight), tableStyle.lineHeight);
  const total = widths.reduce((a, b) => a + b, 0);
  return [
    new Table({
      style: 'TableGrid',
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      alignment: AlignmentType.CENTER,
      layout: TableLayoutType.FIXED,
      ...(margin !== CELL_MARGIN ? { margins: { left: margin, right: margin, top: 0, bottom: 0 } } : {}),
      rows,
    }),
    // Word needs a paragraph between two adjacent tables; a small one keeps them apart.
    new Paragraph({ style: ctx.book.get('table').id, ...paragraphOptions({ line: 120, before: 0, after: 0 }) }),
  ];
}

/** Height (pt) of the pictures among these blocks at `widthPt`, as picture() sizes them: for the page estimate of a table row. */
function picturesHeight(blocks: readonly Block[], widthPt: number): number {
  let h = 0;
  const walk = (list: readonly Block[]): void => {
    for (const b of list) {
      if (b.type === 'image' && b.src) {
        const d = decodeDataUri(b.src);
        if (!d) continue;
        const w = ((b.width ?? d.width) * 72) / 96;
        const ph = ((b.height ?? d.height) * 72) / 96;
        h += w > widthPt ? (ph * widthPt) / w : ph;
      } else if (b.type === 'list') b.items.forEach(walk);
      else if (b.type === 'quote') walk(b.blocks);
      else if (b.type === 'table') for (const row of b.rows) for (const c of row) walk(c.blocks);
    }
  };
  walk(blocks);
  return h;
}

/**
 * A cell's blocks as the PDF sets them: all in the table style, headings in bold, and in a header
 * cell everything bold (lists and quotes included; a nested table keeps its own header cells).
 */
function emboldened(blocks: readonly Block[], all: boolean): Block[] {
  const bold = (inlines: Inline[]): Inline[] =>
    inlines.map((i) => (i.type === 'text' && !i.marks?.includes('bold') ? { ...i, marks: [...(i.marks ?? []), 'bold' as Mark] } : i));
  return blocks.map((b): Block => {
    if (b.type === 'heading') return { ...b, content: bold(b.content) };
    if (!all) return b.type === 'list' ? { ...b, items: b.items.map((item) => emboldened(item, false)) } : b.type === 'quote' ? { ...b, blocks: emboldened(b.blocks, false) } : b;
    if (b.type === 'paragraph') return { ...b, content: bold(b.content) };
    if (b.type === 'list') return { ...b, items: b.items.map((item) => emboldened(item, true)) };
    if (b.type === 'quote') return { ...b, blocks: emboldened(b.blocks, true) };
    return b;
  });
}

const EMU_PER_PT = 12700;

export interface Placement {
  /** Size in points; default from the model or the image header, scaled to the column. */
  sizePt?: { width: number; height: number };
  /** Float over the text (a seal): offsets in points from the left margin and the paragraph's top. */
  anchor?: { x: number; y: number };
}

/**
 * A picture given as a data: URI: inline (never a text box: WPS shows those blank), or floating
 * without wrap for the notice's seal. 96 dpi pixels → points, never wider than the column.
 */
export function picture(ctx: DocxContext, src: string, width?: number, height?: number, alt?: string, placement: Placement = {}): { run: ImageRun; heightPt: number } | null {
  const decoded = decodeDataUri(src);
  if (!decoded) return null;
  const px = width && height ? { width, height } : decoded;
  const maxW = ctx.twipsWidth() / 20;
  let w = placement.sizePt?.width ?? (px.width * 72) / 96;
  let h = placement.sizePt?.height ?? (px.height * 72) / 96;
  if (!placement.sizePt && w > maxW) {
    h = (h * maxW) / w;
    w = maxW;
  }
  const a = placement.anchor;
  const run = new ImageRun({
    type: decoded.type,
    data: decoded.data,
    // The package takes pixels at 96 dpi.
    transformation: { width: (w * 96) / 72, height: (h * 96) / 72 },
    altText: { name: alt ?? '图片', description: alt ?? '', title: alt ?? '' },
    floating: a
      ? {
          horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: Math.round(a.x * EMU_PER_PT) },
          verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: Math.round(a.y * EMU_PER_PT) },
          wrap: { type: TextWrappingType.NONE },
          allowOverlap: true,
          behindDocument: false,
        }
      : undefined,
  } as ConstructorParameters<typeof ImageRun>[0]);
  return { run, heightPt: a ? 0 : h };
}

function image(ctx: DocxContext, block: ImageBlock): FileChild[] {
  const out: FileChild[] = [];
  const pic = block.src ? picture(ctx, block.src, block.width, block.height, block.alt) : null;
  if (pic) {
    out.push(ctx.paragraph('center', [pic.run], '', { props: { keepNext: true, autoLine: true }, heightPt: pic.heightPt }));
  } else if (block.caption?.length && missingPictureMode(ctx.template) === 'placeholder') {
    // A caption whose photo was not in the draft keeps a box marked 图片待补 only where the
    // template asks for it (pictures.ts), of the height the PDF writer gives it, so both
    // files paginate alike; by default the caption prints alone.
    const kind = ctx.template.kind;
    const h = placeholderHeight(ctx.template, kind === 'notice' ? 4 * ctx.book.bodyPitch : mmToPt(kind === 'feature' ? 38 : 45));
    const e = { sz: 4, space: 0, color: 'A6A6A6' };
    const caption = ctx.book.get('caption').style;
    out.push(
      // Word and LibreOffice set text at the foot of an exact line: the label is raised to the middle.
      ctx.paragraph('center', [textRun(ctx.book, caption, PLACEHOLDER_LABEL, undefined, undefined, { color: '808080', position: `${Math.round(h / 2 - caption.size * 0.5)}pt` })], PLACEHOLDER_LABEL, {
        props: { keepNext: true, borders: { top: e, bottom: e, left: e, right: e }, shading: 'F2F2F2', line: twips(h), before: twips(ctx.book.bodyPitch / 2), after: twips(2), ind: { firstLine: 0, firstLineChars: 0 } },
        heightPt: h,
      }),
    );
  }
  if (block.caption?.length) {
    const runs = inlineRuns(ctx, block.caption, ctx.book.get('caption').style);
    out.push(ctx.paragraph('caption', runs.children, runs.text));
  } else if (block.alt && pic) {
    const runs = plainRuns(ctx, 'caption', block.alt);
    out.push(ctx.paragraph('caption', runs.children, runs.text));
  }
  return out;
}
