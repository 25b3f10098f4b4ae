/**
 * One case as the anthology and the feature print it: title block, then its body, wrapped
 * in the bookmark that lets the review reader attribute text (and comments) to the case.
 */
import type { CaseDocument } from '../../model/types.js';
import { blocksXml, plainRuns, titleRuns } from './blocks.js';
import type { DocxContext } from './context.js';
import type { Role } from './styles.js';
import { anchorQuotes } from './anchors.js';

export const DOC_BOOKMARK_PREFIX = '_HBdoc';

export interface CaseTitleOptions {
  /** Text printed as the heading (the feature prefixes the city). */
  heading: string;
  /** Name of a _Toc bookmark to put on the heading, for the TOC's hyperlinks and PAGEREFs. */
  tocBookmark?: string;
  titleRole: Role;
  /** Paragraph roles for the subtitle and unit lines; null leaves them out. */
  subtitleRole: Role | null;
  unitRole: Role | null;
  /** The title is the first thing on a new page (the anthology's cases). */
  opensPage?: boolean;
}

export function caseXml(ctx: DocxContext, doc: CaseDocument, options: CaseTitleOptions): { xml: string; page: number } {
  ctx.beginDocument(doc.id);
  const docMark = ctx.bookmark(`${DOC_BOOKMARK_PREFIX}${ctx.current!.index}`);
  const body = anchorQuotes(doc.body, ctx.comments.threadsOf(doc.id));
  const unanchored = ctx.comments.beginDocument(doc.id, body);
  const toc = options.tocBookmark ? ctx.bookmark(options.tocBookmark) : null;
  // Threads whose anchor text is gone (edited away) still go out, anchored on the title.
  const starts = unanchored.map((id) => ctx.comments.starts(id)).join('');
  const ends = unanchored.map((id) => ctx.comments.ends(id)).join('');
  const title = titleRuns(ctx, options.titleRole, options.heading);
  // A title that opens a page takes its space below instead of above: at the top of a page
  // after a section break LibreOffice drops space before (Word keeps it), and the TOC's page
  // numbers must hold in both. The title block keeps its height (spec B.3).
  const titleStyle = ctx.book.get(options.titleRole).style;
  const pitch = ctx.book.bodyPitch * 20;
  const moved = options.opensPage ? { before: 0, after: Math.round((titleStyle.spaceBeforeLines + titleStyle.spaceAfterLines) * pitch) } : undefined;
  let xml = ctx.paragraph(options.titleRole, title, {
    pPr: moved,
    before: docMark.start + (toc?.start ?? '') + starts,
    after: (toc?.end ?? '') + ends,
    measureText: title.measure,
  });
  const page = ctx.flow.page;
  if (options.subtitleRole && doc.meta.subtitle) xml += ctx.paragraph(options.subtitleRole, plainRuns(ctx, options.subtitleRole, doc.meta.subtitle));
  if (options.unitRole && doc.meta.unit) xml += ctx.paragraph(options.unitRole, plainRuns(ctx, options.unitRole, doc.meta.unit));
  xml += blocksXml(ctx, body);
  const open = ctx.comments.endDocument();
  if (open) xml += `<w:p>${open}</w:p>`;
  xml += docMark.end;
  ctx.endDocument();
  return { xml, page };
}
