/**
 * The 案例汇编 book through the `docx` package: cover, a real TOC field whose cached entries
 * carry our own page estimate (PAGEREF results), then per 篇 a divider section (recto, no
 * running head), its blank verso, and a section per case whose header names the 篇 on odd
 * pages and the book on even pages. Page numbers restart at 1 on the first divider.
 */
import { BookmarkEnd as BookmarkEndPiece, BookmarkStart as BookmarkStartPiece, Footer, Header, PageNumber, TextRun, type FileChild, type Paragraph } from 'docx';
import type { CollectionBundle } from '../../model/types.js';
import { mmToPt, mmToTwip } from '../../templates/sizes.js';
import { twips } from './xml.js';
import { bundleCases, partTitle, titleOf } from '../parts.js';
import { backMatter, type BackMatterPart } from '../indexes.js';
import { frontMatter, type FrontMatterPart } from '../frontMatter.js';
import { blocksText } from '../../model/text.js';
import type { CaseLayout } from '../report.js';
import { blockChildren } from './blocks.js';
import { fonts, plainRuns, textRun, titleRuns } from './blocks.js';
import { caseChildren } from './caseDocument.js';
import { fieldEnd, fieldRuns, fieldStart, tabRun } from './fields.js';
import { internalLink } from './bodyXml.js';
import { manifestEntry, ZIP_LEVEL } from './patch.js';
import type { DocxContext } from './context.js';
import { breakCarrier, footer, header, section, type SectionSpec, type BookSection } from './sections.js';

export interface TocEntry {
  level: 1 | 2;
  text: string;
  page: number;
  bookmark: string;
}

/** Running heads and folios of the book's sections (one part per distinct one, sectionXml.ts). */
function furniture(ctx: DocxContext, bookTitle: string) {
  const head = ctx.book.get('header');
  const foot = ctx.book.get('footer');
  const rule = { sz: Math.round(Number(ctx.template.options.runningHeadRuleWidth ?? 0.5) * 8), space: 1 };
  const headPara = (text: string): Paragraph[] => [ctx.aside(() => ctx.paragraph('header', [textRun(ctx.book, head.style, text)], text, { props: { borders: { bottom: rule } } }))];
  const folio = (jc: 'left' | 'right' | 'center'): Footer =>
    footer([ctx.aside(() => ctx.paragraph('footer', [new TextRun({ font: fonts(ctx.book, foot.style), children: [PageNumber.CURRENT] })], '', { props: { jc } }))]);
  const outer = ctx.template.options.folioPosition !== 'center';
  // One object per distinct head or folio, however many sections print it: SectionParts writes
  // a part once per object it has not seen (and once per distinct XML).
  const once = <T>(make: () => T): (() => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };
  const partHeads = new Map<string, Header>();
  const empty = once(() => ({ header: header([]), footer: footer([]) }));
  return {
    empty,
    bookHeader: once(() => header(headPara(bookTitle))),
    partHeader: (title: string): Header => {
      let h = partHeads.get(title);
      if (!h) partHeads.set(title, (h = header(headPara(title))));
      return h;
    },
    oddFooter: once(() => folio(outer ? 'right' : 'center')),
    evenFooter: once(() => folio(outer ? 'left' : 'center')),
    centerFooter: once(() => folio('center')),
  };
}

function distances(ctx: DocxContext): Pick<SectionSpec, 'headerDistance' | 'footerDistance'> {
  const p = ctx.template.page;
  const o = ctx.template.options;
  return {
    headerDistance: mmToTwip(Math.max(4, p.marginTop - Number(o.runningHeadOffset ?? 9) - 4)),
    footerDistance: mmToTwip(Math.max(4, p.marginBottom - Number(o.folioOffset ?? 7) - 3)),
  };
}

function cover(ctx: DocxContext, bundle: CollectionBundle): Paragraph[] {
  const c = bundle.collection;
  const pageH = mmToPt(ctx.template.page.height - ctx.template.page.marginTop - ctx.template.page.marginBottom);
  const title = titleRuns(ctx, 'title', c.title);
  const out = [ctx.paragraph('title', title.children, title.text, { props: { before: twips(pageH * 0.22) } })];
  if (c.subtitle) out.push(ctx.paragraph('subtitle', plainRuns(ctx, 'subtitle', c.subtitle).children, c.subtitle));
  const bottom = [c.publisher, c.year ? `${c.year}年` : null].filter((l): l is string => Boolean(l));
  bottom.forEach((line, i) => out.push(ctx.paragraph('publisher', plainRuns(ctx, 'publisher', line).children, line, i === 0 ? { props: { before: twips(pageH * 0.45) } } : {})));
  return out;
}

/**
 * The TOC field with its cached entries: each a hyperlink to the heading's bookmark with a
 * PAGEREF whose cached result is our own page estimate (LibreOffice does not refresh TOC fields
 * when it converts; the package's TableOfContents writes no PAGEREFs). The field begins in the
 * first entry and ends in the last, as Word writes it.
 */
function* toc(ctx: DocxContext, entries: TocEntry[], levels: number): Generator<FileChild> {
  const titleText = ctx.template.options.tocTitle ? String(ctx.template.options.tocTitle) : '目　录';
  const title = ctx.paragraph('tocHeading', plainRuns(ctx, 'tocHeading', titleText).children, titleText);
  const leader = ctx.template.options.tocLeader === 'none' ? 'none' : 'dot';
  const width = ctx.fullWidthTwips();
  const instruction = `TOC \\o "1-${levels}" \\h \\z \\u`;
  yield title;
  if (!entries.length) {
    yield ctx.paragraph('toc1', [...fieldStart(instruction), fieldEnd()], '');
    return;
  }
  // Made one at a time as the section writes them: a 4,550-case book's entries as paragraphs at once were some 10 MB.
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const role = e.level === 1 ? 'toc1' : 'toc2';
    const st = ctx.book.get(role).style;
    const font = fonts(ctx.book, st);
    const link = internalLink(e.bookmark, [textRun(ctx.book, st, e.text), tabRun(font), ...fieldRuns(font, `PAGEREF ${e.bookmark} \\h`, String(e.page))]);
    const pieces = [...(i === 0 ? fieldStart(instruction) : []), link, ...(i === entries.length - 1 ? [fieldEnd()] : [])];
    yield ctx.paragraph(role, pieces, e.text, { props: { tabs: [{ val: 'right', leader, pos: width }] } });
  }
}

export function anthologySections(ctx: DocxContext, bundle: CollectionBundle): { sections: BookSection[]; documentIds: string[]; pages: number; cases: CaseLayout[] } {
  const cases = bundleCases(bundle);
  const c = bundle.collection;
  const f = furniture(ctx, c.title);
  const d = distances(ctx);
  const levels = Number(ctx.template.options.tocLevels ?? 2);
  const entries: TocEntry[] = [];
  const documentIds: string[] = [];
  /** Each case's bookmark and estimated first page: the indexes' PAGEREF fields point there. */
  const marks = new Map<string, { bookmark: string; page: number }>();
  const layouts: CaseLayout[] = [];
  let tocId = 0;
  const none = () => {
    const e = f.empty();
    return { headers: { default: e.header, even: e.header }, footers: { default: e.footer, even: e.footer } };
  };

  // Body first: the TOC needs its page numbers. It goes out deflated as it is built (bodyXml.ts),
  // so a 5,000-page book's XML is never held; the front matter, built after it, goes before it.
  ctx.flow.reset();
  if (ctx.writeBody) {
    ctx.body.startStream(ZIP_LEVEL, (k) => ctx.sections.sectPr(k));
    ctx.streamSnapshots(ZIP_LEVEL, manifestEntry);
  }
  const body: BookSection[] = [];
  const parts = c.sections.filter((s) => s.caseIds.some((id) => cases.has(id)));
  parts.forEach((part, si) => {
    ctx.flow.oddPage();
    const partBookmark = `_Toc${String(++tocId).padStart(9, '0')}`;
    const link = ctx.bookmarkId();
    const title = partTitle(part.title);
    const pageH = ctx.flow.pageHeightPt;
    const divider = ctx.paragraph('part', [new BookmarkStartPiece(partBookmark, link), ...plainRuns(ctx, 'part', title).children, new BookmarkEndPiece(link)], title, {
      props: { before: twips(pageH * 0.28) },
    });
    entries.push({ level: 1, text: title, page: ctx.flow.page, bookmark: partBookmark });
    const e = f.empty();
    body.push(
      section(
        ctx,
        {
          type: 'oddPage',
          titlePg: true,
          headers: { default: e.header, even: e.header, first: e.header },
          footers: { default: e.footer, even: e.footer, first: e.footer },
          pageStart: si === 0 ? 1 : undefined,
          pageFormat: 'decimal',
          ...d,
        },
        [divider],
      ),
    );
    // The divider's blank verso is a page of its own section, not an odd-page break before the
    // first case: LibreOffice lays out the page after an inserted blank page with its text
    // starting higher than Word does, which would put the TOC's page numbers off.
    const verso = ctx.template.options.rectoParts !== false;
    if (verso) body.push(section(ctx, { type: 'nextPage', ...none(), ...d }, [breakCarrier()]));
    ctx.flow.newPage();
    if (verso) ctx.flow.newPage();

    const ids = part.caseIds.filter((id) => cases.has(id));
    const newPage = ctx.template.options.newPagePerCase !== false;
    ids.forEach((id, ci) => {
      const doc = cases.get(id)!;
      if (ci > 0 && newPage) ctx.flow.breakPage();
      documentIds.push(id);
      const bookmark = `_Toc${String(++tocId).padStart(9, '0')}`;
      ctx.flow.owner = id;
      const out = caseChildren(ctx, doc, { heading: doc.meta.title, tocBookmark: bookmark, titleRole: 'caseTitle', subtitleRole: 'caseSubtitle', unitRole: 'caseUnit', opensPage: newPage || ci === 0 });
      entries.push({ level: 2, text: doc.meta.title, page: out.page, bookmark });
      marks.set(id, { bookmark, page: out.page });
      // Our estimate of its extent (the PDF's count comes from its own layout).
      const layout: CaseLayout = { document: id, title: titleOf(doc), firstPage: out.page, pages: Math.max(1, ctx.flow.page - out.page + 1) };
      if (layout.pages > 1 && ctx.flow.linesOnPage < 3) layout.lastPageLines = ctx.flow.linesOnPage;
      layouts.push(layout);
      // A section per case, which starts its new page. Spec B.6 would drop the running head on a
      // case's first page, but LibreOffice then starts the text higher on those pages than Word
      // does, and the TOC's page numbers must hold in both.
      body.push(
        section(
          ctx,
          {
            type: ci === 0 || newPage ? 'nextPage' : 'continuous',
            // The part's first case names its running heads and folios; the cases after it inherit
            // them (a section without references keeps the previous section's), so a 300-case book
            // carries a few parts per 篇 rather than four per case.
            ...(ci === 0 ? { headers: { default: f.partHeader(title), even: f.bookHeader() }, footers: { default: f.oddFooter(), even: f.evenFooter() } } : {}),
            ...d,
          },
          out.children,
        ),
      );
    });
  });
  ctx.flow.owner = null;
  // Back matter: the indexes and tables, each on a new page (the first on a recto), listed in the 目录.
  backMatter(ctx.template, bundle).forEach((part, i) => {
    const recto = i === 0 && ctx.template.options.rectoParts !== false;
    if (recto) ctx.flow.oddPage();
    else ctx.flow.breakPage();
    const bookmark = `_Toc${String(++tocId).padStart(9, '0')}`;
    entries.push({ level: 1, text: part.title, page: ctx.flow.page, bookmark });
    body.push(
      section(
        ctx,
        { type: recto ? 'oddPage' : 'nextPage', headers: { default: f.partHeader(part.title), even: f.bookHeader() }, footers: { default: f.oddFooter(), even: f.evenFooter() }, ...d },
        backMatterChildren(ctx, part, bookmark, marks),
      ),
    );
  });
  ctx.flow.close();
  // Headings the estimate leaves at a page foot (a page break or the case's end right after them).
  for (const layout of layouts) {
    const feet = [...new Set(ctx.flow.headingsAtFoot.filter((h) => h.owner === layout.document).map((h) => h.page))];
    if (feet.length) layout.headingsAtFoot = feet;
  }
  // The last case's region ends at body level after its last paragraph (the final section's break is no paragraph).
  const tail = ctx.takePendingEnds();
  if (body.length) body[body.length - 1] = { ...body[body.length - 1]!, children: [...body[body.length - 1]!.children, ...tail] };
  const bodyPages = ctx.flow.page;
  // Physical pages: cover, blank verso, the TOC from page 3, a blank to bring the body onto a recto.
  const listed = entries.filter((e) => e.level <= levels);
  const tocHeight =
    ctx.book.get('tocHeading').style.lineHeight +
    listed.reduce((h, e) => {
      const st = ctx.book.get(e.level === 1 ? 'toc1' : 'toc2').style;
      return h + st.lineHeight + st.spaceBeforeLines * ctx.book.bodyPitch;
    }, 0);
  const tocPages = Math.max(1, Math.ceil(tocHeight / ctx.flow.pageHeightPt));
  // The 前言 from page 3, each part from a recto; the TOC on the recto after it.
  const prefaces = frontMatter(ctx.template, bundle);
  let tocFrom = 3;
  for (const part of prefaces) tocFrom += frontPages(ctx, part) + ((tocFrom + frontPages(ctx, part)) % 2 === 0 ? 1 : 0);
  const bodyStart = tocFrom + tocPages + ((tocFrom + tocPages) % 2 === 0 ? 1 : 0);
  const pages = bodyStart - 1 + bodyPages;

  // Front matter: cover (no folio) and TOC (roman folios, on a recto), outside the body's pagination.
  const front = ctx.front(() => {
    const tocFooter = () => f.centerFooter();
    const empty = f.empty();
    return [
      section(ctx, { ...none(), ...d }, cover(ctx, bundle)),
      ...prefaces.map((part, i) =>
        section(
          ctx,
          { type: 'oddPage', headers: { default: empty.header, even: empty.header }, footers: { default: tocFooter(), even: tocFooter() }, pageStart: i === 0 ? 1 : undefined, pageFormat: 'upperRoman', ...d },
          frontChildren(ctx, part),
        ),
      ),
      section(
        ctx,
        // Roman folios from I: on the 前言 when there is one, the TOC going on from it.
        { type: 'oddPage', headers: { default: empty.header, even: empty.header }, footers: { default: tocFooter(), even: tocFooter() }, pageStart: prefaces.length ? undefined : 1, pageFormat: 'upperRoman', ...d },
        // The break in a paragraph of its own: LibreOffice turns the TOC field into an index and
        // drops a section break inside its last entry, and with it the TOC page's folio.
        tocAndCarrier(ctx, listed, levels),
      ),
    ];
  });
  return { sections: [...front, ...(body.length ? body : [section(ctx, d, [])])], documentIds, pages, cases: layouts };
}

function* tocAndCarrier(ctx: DocxContext, entries: TocEntry[], levels: number): Generator<FileChild> {
  yield* toc(ctx, entries, levels);
  yield breakCarrier();
}

/** A front-matter part (前言): its title in the TOC heading's style (no outline level: Word's TOC leaves it out), then its blocks. */
function frontChildren(ctx: DocxContext, part: FrontMatterPart): FileChild[] {
  return [ctx.paragraph('tocHeading', plainRuns(ctx, 'tocHeading', part.title).children, part.title), ...blockChildren(ctx, part.blocks)];
}

/** Pages a front-matter part takes, by the body's measure (the report's page count only). */
function frontPages(ctx: DocxContext, part: FrontMatterPart): number {
  const body = ctx.book.get('normal').style;
  const lines = part.blocks.reduce((n, b) => n + ctx.flow.lines(blocksText([b]), body.size, 2), 0);
  return Math.max(1, Math.ceil((ctx.book.get('tocHeading').style.lineHeight + lines * ctx.book.bodyPitch) / ctx.flow.pageHeightPt));
}

/**
 * One back-matter part: its title (bookmarked for the 目录), then the index lines or the tables.
 * A case's page is a PAGEREF to the case's bookmark whose cached result is our estimate; outside a
 * TOC field LibreOffice and Word compute it from their own layout, so the printed number is the
 * folio where the case opens in the application that prints it.
 */
function* backMatterChildren(ctx: DocxContext, part: BackMatterPart, bookmark: string, marks: Map<string, { bookmark: string; page: number }>): Generator<FileChild> {
  const id = ctx.bookmarkId();
  // Outline level 1, as the 篇 titles have: Word refreshes the TOC field on open and must keep this entry.
  const title = ctx.paragraph('tocHeading', [new BookmarkStartPiece(bookmark, id), ...plainRuns(ctx, 'tocHeading', part.title).children, new BookmarkEndPiece(id)], part.title, { props: { outline: 0 } });
  yield title;
  if (!part.lines) {
    yield* blockChildren(ctx, part.blocks ?? []);
    return;
  }
  const width = ctx.fullWidthTwips();
  const group = ctx.book.get('indexHeading').style;
  const entry = ctx.book.get('index1').style;
  // One line's paragraph at a time, each written before the next is made (section()).
  for (const l of part.lines) {
    const mark = l.caseId ? marks.get(l.caseId) : undefined;
    const st = l.caseId ? entry : group;
    const left = twips(l.level * st.size);
    const ind = { left, hanging: 0, firstLine: 0, firstLineChars: 0 };
    if (!mark) {
      // Groups under the top level are set in the entry size, in the group's face; each stays with what follows.
      const runs = l.level === 0 ? plainRuns(ctx, 'indexHeading', l.text).children : [textRun(ctx.book, { ...entry, role: group.role }, l.text)];
      yield ctx.paragraph('indexHeading', runs, l.text, { props: { keepNext: true, ind, ...(l.level > 0 ? { before: 0 } : {}) } });
      continue;
    }
    const font = fonts(ctx.book, entry);
    const link = internalLink(mark.bookmark, [textRun(ctx.book, entry, l.text), tabRun(font), ...fieldRuns(font, `PAGEREF ${mark.bookmark} \\h`, String(mark.page))]);
    yield ctx.paragraph('index1', [link], l.text, { props: { tabs: [{ val: 'right', leader: 'dot', pos: width }], ind } });
  }
}
