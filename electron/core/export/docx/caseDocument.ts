/**
 * One case as the anthology and the feature print it: title block, then its body, inside the
 * bookmark that lets the review reader attribute text (and comments) to the case.
 */
import { BookmarkEnd, BookmarkStart, type FileChild } from 'docx';
import type { CaseDocument } from '../../model/types.js';
import { anchorQuotes } from './anchors.js';
import type { Role } from './styleBook.js';
import { blockChildren, plainRuns, titleRuns } from './blocks.js';
import type { DocxContext } from './context.js';

/** Bookmark name prefix of each document's region (with its index): how the review reader attributes text and comments. */
export const DOC_BOOKMARK_PREFIX = '_HBdoc';

export interface CaseTitleOptions {
  /** Text printed as the heading (the feature prefixes the city). */
  heading: string;
  /** Name of a _Toc bookmark on the heading, for the TOC's hyperlinks and PAGEREFs. */
  tocBookmark?: string;
  titleRole: Role;
  /** Paragraph roles for the subtitle and unit lines; null leaves them out. */
  subtitleRole: Role | null;
  unitRole: Role | null;
  /** The title is the first thing on a new page (the anthology's cases). */
  opensPage?: boolean;
}

export function caseChildren(ctx: DocxContext, doc: CaseDocument, options: CaseTitleOptions): { children: FileChild[]; page: number } {
  ctx.beginDocument(doc.id);
  const docLink = ctx.bookmarkId();
  const docStart = new BookmarkStart(`${DOC_BOOKMARK_PREFIX}${ctx.current!.index}`, docLink);
  const body = anchorQuotes(doc.body, ctx.comments.threadsOf(doc.id));
  const unanchored = ctx.comments.beginDocument(doc.id, body);
  const tocLink = options.tocBookmark ? ctx.bookmarkId() : 0;
  // Threads whose anchor text is gone (edited away) still go out, anchored on the title.
  const starts = unanchored.flatMap((id) => ctx.comments.starts(id));
  const ends = unanchored.flatMap((id) => ctx.comments.ends(id));
  const title = titleRuns(ctx, options.titleRole, options.heading);
  // A title that opens a page takes its space below instead of above: at the top of a page
  // after a section break LibreOffice drops space before (Word keeps it), and the TOC's page
  // numbers must hold in both. The title block keeps its height (spec B.3).
  const titleStyle = ctx.book.get(options.titleRole).style;
  const pitch = ctx.book.bodyPitch * 20;
  const moved = options.opensPage ? { before: 0, after: Math.round((titleStyle.spaceBeforeLines + titleStyle.spaceAfterLines) * pitch) } : undefined;
  const children: FileChild[] = [
    ctx.paragraph(
      options.titleRole,
      [
        docStart,
        ...(options.tocBookmark ? [new BookmarkStart(options.tocBookmark, tocLink)] : []),
        ...starts,
        ...title.children,
        ...(options.tocBookmark ? [new BookmarkEnd(tocLink)] : []),
        ...ends,
      ],
      title.text,
      { props: moved, measureText: title.measure },
    ),
  ];
  const page = ctx.flow.page;
  for (const [role, text] of [
    [options.subtitleRole, doc.meta.subtitle],
    [options.unitRole, doc.meta.unit],
  ] as const) {
    if (!role || !text) continue;
    const runs = plainRuns(ctx, role, text);
    children.push(ctx.paragraph(role, runs.children, runs.text));
  }
  children.push(...blockChildren(ctx, body));
  ctx.endRegionLater([...ctx.comments.endDocument(), new BookmarkEnd(docLink)]);
  ctx.endDocument();
  return { children, page };
}
