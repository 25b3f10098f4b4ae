/**
 * Section properties (page set-up, columns, grid, numbering) and header/footer sets in the
 * `docx` package's section options. Each section of the book is registered with the context's
 * SectionParts (sectionXml.ts), which writes its break and running heads; the package gets the
 * whole body as one section (bookBody).
 */
import { DocumentGridType, Footer, Header, NumberFormat, Paragraph, SectionType, type FileChild, type ISectionOptions, type ISectionPropertiesOptions } from 'docx';
import { mmToTwip } from '../../templates/sizes.js';
import type { DocxContext } from './context.js';
import { paragraphOptions } from './context.js';

export interface HeaderSet<T> {
  default?: T;
  even?: T;
  first?: T;
}

export interface SectionSpec {
  type?: 'nextPage' | 'oddPage' | 'continuous';
  headers?: HeaderSet<Header>;
  footers?: HeaderSet<Footer>;
  titlePg?: boolean;
  pageStart?: number;
  pageFormat?: 'decimal' | 'upperRoman';
  columns?: number;
  /** Column gap in twips. */
  columnGap?: number;
  /** The notice's character grid (GB/T 9704: 22 lines × 28 characters); otherwise a line grid at the body pitch. */
  grid?: { linePitch: number; charSpace: number };
  /** Header and footer distances from the paper edge, twips. */
  headerDistance?: number;
  footerDistance?: number;
  /** Margins in twips when the template's millimetres must be overridden with exact values. */
  margins?: { top: number; right: number; bottom: number; left: number };
}

const TYPES = { nextPage: SectionType.NEXT_PAGE, oddPage: SectionType.ODD_PAGE, continuous: SectionType.CONTINUOUS } as const;

/** One section of the book: its number in the context's SectionParts and its body children (written but for the last). */
export interface BookSection {
  n: number;
  children: FileChild[];
  /** Gone out with the streamed body already; `children` then holds only what the book appends after it. */
  streamed?: boolean;
}

/**
 * A section of the book. Its children may be made as they are asked for (a generator: the
 * 目录's and the indexes' thousands of lines), after the section's properties are registered:
 * each is then written before the next is made, and none waits for the rest of its section.
 */
export function section(ctx: DocxContext, spec: SectionSpec, children: Iterable<FileChild>): BookSection {
  const p = ctx.template.page;
  const m = spec.margins ?? { top: mmToTwip(p.marginTop), right: mmToTwip(p.marginOuter), bottom: mmToTwip(p.marginBottom), left: mmToTwip(p.marginInner) };
  const properties: ISectionPropertiesOptions = {
      type: TYPES[spec.type ?? 'nextPage'],
      titlePage: spec.titlePg || undefined,
      page: {
        size: { width: mmToTwip(p.width), height: mmToTwip(p.height) },
        margin: { ...m, header: spec.headerDistance ?? Math.round(m.top / 2), footer: spec.footerDistance ?? Math.round(m.bottom / 2), gutter: 0 },
        pageNumbers:
          spec.pageStart !== undefined || spec.pageFormat
            ? { start: spec.pageStart, formatType: spec.pageFormat === 'upperRoman' ? NumberFormat.UPPER_ROMAN : spec.pageFormat ? NumberFormat.DECIMAL : undefined }
            : undefined,
      },
      column: spec.columns && spec.columns > 1 ? { count: spec.columns, space: spec.columnGap ?? 425 } : { space: 425 },
      // No character grid outside the notice: exact line pitches carry the layout, and LibreOffice
      // would otherwise round every taller line (titles, photo places) up to whole grid lines.
      grid: spec.grid
        ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: spec.grid.linePitch, charSpace: spec.grid.charSpace }
        : { linePitch: Math.round(ctx.book.bodyPitch * 20) },
  };
  const n = ctx.sections.add(properties, { headers: spec.headers, footers: spec.footers });
  const all = orCarrier(children);
  // A long book's body goes out as it is built (bodyXml.ts); the front matter, built after it, stays.
  if (ctx.body.streaming && !ctx.inFront) {
    ctx.body.streamSection(n, all);
    // Its last child waits in the store (for the next section's break), not here: every section's
    // would stay until the book is built.
    return { n, children: [], streamed: true };
  }
  // Written at once but for the last child, which may carry the break (bookBody): the section's
  // paragraph objects need not live until the whole book is built.
  return { n, children: ctx.body.collectButLast(all) };
}

/** A section needs a paragraph to carry its break: a one-point one never adds a line. */
function* orCarrier(children: Iterable<FileChild>): Generator<FileChild> {
  let any = false;
  for (const c of children) {
    any = true;
    yield c;
  }
  if (!any) yield breakCarrier();
}

/**
 * The body as the package's one section: each section's stretches of written paragraphs made
 * placeholders, every section but the last ending in its break's placeholder (the last one's
 * sectPr ends the body, patch.ts); a streamed body's sections are out already, and stand here as
 * the placeholders of their deflated stretches.
 */
export function bookBody(ctx: DocxContext, sections: readonly BookSection[]): ISectionOptions {
  const children: FileChild[] = [];
  sections.forEach((s, i) => {
    if (s.streamed) {
      // Out already, in order; the last one streamed ends the stream and must end the body.
      if (i === sections.length - 1) for (const c of ctx.body.endStream(s.n, s.children)) children.push(c);
      else if (!sections[i + 1]!.streamed) throw new Error('document part: a section follows the streamed body');
      return;
    }
    for (const c of ctx.body.collect(s.children, i < sections.length - 1 ? s.n : null)) children.push(c);
  });
  const last = sections.at(-1)!.n;
  ctx.body.lastSection = last;
  // The last section's own properties: the package sizes tables by the section it holds.
  return { properties: ctx.sections.propertiesOf(last), children };
}

/** A paragraph whose only job is to end a section (one point high, so it never adds a line or a page). */
export function breakCarrier(): Paragraph {
  return new Paragraph(paragraphOptions({ before: 0, after: 0, line: 20 }));
}

export const header = (children: Paragraph[]): Header => new Header({ children: children.length ? children : [new Paragraph({})] });
export const footer = (children: Paragraph[]): Footer => new Footer({ children: children.length ? children : [new Paragraph({})] });
