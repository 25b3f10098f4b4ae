/**
 * Section properties (page set-up, columns, grid, numbering) and header/footer parts.
 * A section's w:sectPr closes it: the writers attach it to the section's last paragraph,
 * or put it last in w:body for the final section.
 */
import type { DocxContext } from './context.js';
import { REL } from './context.js';
import { mmToTwip } from '../../templates/sizes.js';
import { XML_DECL, W_NS } from './xml.js';

export interface HeaderSet {
  default?: string;
  even?: string;
  first?: string;
}

export interface SectionSpec {
  type?: 'nextPage' | 'oddPage' | 'evenPage' | 'continuous';
  headers?: HeaderSet;
  footers?: HeaderSet;
  titlePg?: boolean;
  pageStart?: number;
  pageFormat?: 'decimal' | 'lowerRoman' | 'upperRoman';
  columns?: number;
  /** Column gap in twips. */
  columnGap?: number;
  /** Whole w:docGrid element; defaults to a line grid at the body pitch. */
  grid?: string;
  /** Header and footer distances from the paper edge, twips. */
  headerDistance?: number;
  footerDistance?: number;
  /** Margins in twips when the template's millimetres must be overridden with exact values. */
  margins?: { top: number; right: number; bottom: number; left: number };
}

export function sectPrXml(ctx: DocxContext, spec: SectionSpec): string {
  const p = ctx.template.page;
  const refs = (kind: 'header' | 'footer', set?: HeaderSet) =>
    set
      ? (['default', 'even', 'first'] as const)
          .filter((k) => set[k])
          .map((k) => `<w:${kind}Reference w:type="${k}" r:id="${set[k]}"/>`)
          .join('')
      : '';
  const m = spec.margins ?? {
    top: mmToTwip(p.marginTop),
    right: mmToTwip(p.marginOuter),
    bottom: mmToTwip(p.marginBottom),
    left: mmToTwip(p.marginInner),
  };
  const header = spec.headerDistance ?? Math.round(m.top / 2);
  const footer = spec.footerDistance ?? Math.round(m.bottom / 2);
  const pgNum =
    spec.pageStart !== undefined || spec.pageFormat
      ? `<w:pgNumType${spec.pageFormat ? ` w:fmt="${spec.pageFormat}"` : ''}${spec.pageStart !== undefined ? ` w:start="${spec.pageStart}"` : ''}/>`
      : '';
  const cols = spec.columns && spec.columns > 1 ? `<w:cols w:num="${spec.columns}" w:space="${spec.columnGap ?? 425}"/>` : '<w:cols w:space="425"/>';
  // No grid outside the notice: exact line pitches carry the layout, and LibreOffice would
  // otherwise round every taller line (titles, photo places) up to whole grid lines.
  const grid = spec.grid ?? `<w:docGrid w:linePitch="${Math.round(ctx.book.bodyPitch * 20)}"/>`;
  return (
    '<w:sectPr>' +
    refs('header', spec.headers) +
    refs('footer', spec.footers) +
    `<w:type w:val="${spec.type ?? 'nextPage'}"/>` +
    `<w:pgSz w:w="${mmToTwip(p.width)}" w:h="${mmToTwip(p.height)}"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${header}" w:footer="${footer}" w:gutter="0"/>` +
    pgNum +
    cols +
    (spec.titlePg ? '<w:titlePg/>' : '') +
    grid +
    '</w:sectPr>'
  );
}



/** Adds a header or footer part holding `paragraphs` and returns its relationship id. */
export function addHeaderPart(ctx: DocxContext, kind: 'header' | 'footer', paragraphs: string): string {
  const name = `${kind}${ctx.parts.size + 1}.xml`;
  const root = kind === 'header' ? 'w:hdr' : 'w:ftr';
  ctx.parts.set(name, `${XML_DECL}<${root} ${W_NS}>${paragraphs || '<w:p/>'}</${root}>`);
  return ctx.rel(kind === 'header' ? REL.header : REL.footer, name);
}

/** A paragraph whose only job is to carry a section break (kept one point high so it never adds a line). */
export function sectionBreakParagraph(sectPr: string): string {
  return `<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>${sectPr}</w:pPr></w:p>`;
}
