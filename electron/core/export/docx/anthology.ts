/**
 * The 案例汇编 book: cover, a real TOC field whose cached entries already carry our own
 * page estimate, then per 篇 a divider section (recto, no running head) and a section of
 * cases whose header names the 篇 on odd pages and the book on even pages. Page numbers
 * restart at 1 on the first divider and run on through the book.
 */
import type { CaseDocument, CollectionBundle } from '../../model/types.js';
import { mmToPt, mmToTwip } from '../../templates/sizes.js';
import { inlinesXml, plainRuns, titleRuns } from './blocks.js';
import { caseXml } from './caseDocument.js';
import type { DocxContext } from './context.js';
import { fieldRuns, pPrXml, runXml } from './props.js';
import { addHeaderPart, sectionBreakParagraph, sectPrXml, type SectionSpec } from './sections.js';
import { fontsXml } from './styles.js';
import { esc, twips } from './xml.js';

export interface TocEntry {
  level: 1 | 2;
  text: string;
  page: number;
  bookmark: string;
}

/** 篇 titles as printed: the section's category plus 篇 (as the PDF writer prints them). */
export function partTitle(title: string): string {
  return /篇$/.test(title) ? title : `${title}篇`;
}

export function bundleCases(bundle: CollectionBundle): Map<string, CaseDocument> {
  return bundle.cases instanceof Map ? bundle.cases : new Map(Object.entries(bundle.cases));
}

/** Running heads and folios, shared by every section of the book. */
function furniture(ctx: DocxContext, bookTitle: string) {
  const head = ctx.book.get('header');
  const foot = ctx.book.get('footer');
  const rule = { sz: Math.round(Number(ctx.template.options.runningHeadRuleWidth ?? 0.5) * 8), space: 1 };
  const headPara = (text: string) =>
    `<w:p>${pPrXml({ style: head.id, borders: { bottom: rule } })}${runXml(`${fontsXml(ctx.book, head.style)}`, text)}</w:p>`;
  const folio = (jc: 'left' | 'right' | 'center', fmtNote = '') =>
    `<w:p>${pPrXml({ style: foot.id, jc })}${fieldRuns(fontsXml(ctx.book, foot.style), `PAGE${fmtNote}`, '1')}</w:p>`;
  const empty = '<w:p/>';
  const outer = ctx.template.options.folioPosition !== 'center';
  return {
    emptyHeader: addHeaderPart(ctx, 'header', empty),
    emptyFooter: addHeaderPart(ctx, 'footer', empty),
    bookHeader: addHeaderPart(ctx, 'header', headPara(bookTitle)),
    oddFooter: addHeaderPart(ctx, 'footer', folio(outer ? 'right' : 'center')),
    evenFooter: addHeaderPart(ctx, 'footer', folio(outer ? 'left' : 'center')),
    centerFooter: addHeaderPart(ctx, 'footer', folio('center')),
    partHeader: (title: string) => addHeaderPart(ctx, 'header', headPara(title)),
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

function coverXml(ctx: DocxContext, bundle: CollectionBundle): string {
  const c = bundle.collection;
  const pageH = mmToPt(ctx.template.page.height - ctx.template.page.marginTop - ctx.template.page.marginBottom);
  let xml = ctx.paragraph('title', titleRuns(ctx, 'title', c.title), { pPr: { before: twips(pageH * 0.22) } });
  if (c.subtitle) xml += ctx.paragraph('subtitle', plainRuns(ctx, 'subtitle', c.subtitle));
  const bottom = [c.publisher, c.year ? `${c.year}年` : null].filter(Boolean).join('\n');
  if (bottom) {
    const lines = bottom.split('\n');
    xml += lines
      .map((line, i) => ctx.paragraph('publisher', plainRuns(ctx, 'publisher', line), i === 0 ? { pPr: { before: twips(pageH * 0.45) } } : {}))
      .join('');
  }
  return xml;
}

/**
 * The TOC field: begin/instr/separate in the first entry, cached entries with PAGEREF fields
 * whose results are our page numbers, end after the last entry. Marked dirty so Word and WPS
 * refresh it on open without the update-fields prompt.
 */
export function tocXml(ctx: DocxContext, entries: TocEntry[], levels: number): string {
  const title = ctx.paragraph('tocHeading', plainRuns(ctx, 'tocHeading', ctx.template.options.tocTitle ? String(ctx.template.options.tocTitle) : '目　录'));
  const width = ctx.fullWidthTwips();
  const leader = ctx.template.options.tocLeader === 'none' ? 'none' : 'dot';
  const instr = `TOC \\o "1-${levels}" \\h \\z \\u`;
  const paras = entries.map((e, i) => {
    const role = e.level === 1 ? 'toc1' : 'toc2';
    const st = ctx.book.get(role).style;
    const rPr = fontsXml(ctx.book, st);
    const begin =
      i === 0
        ? `<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> ${esc(instr)} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`
        : '';
    const end = i === entries.length - 1 ? '<w:r><w:fldChar w:fldCharType="end"/></w:r>' : '';
    const link =
      `<w:hyperlink w:anchor="${e.bookmark}" w:history="1">` +
      inlinesXml(ctx, [{ type: 'text', text: e.text }], st).xml +
      `<w:r><w:rPr>${rPr}</w:rPr><w:tab/></w:r>` +
      fieldRuns(rPr, `PAGEREF ${e.bookmark} \\h`, String(e.page)) +
      '</w:hyperlink>';
    return ctx.paragraph(role, { xml: begin + link + end, text: e.text }, { pPr: { tabs: [{ val: 'right', leader, pos: width }] } });
  });
  if (!paras.length) {
    return title + `<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> ${esc(instr)} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
  }
  return title + paras.join('');
}

/** Puts a section break into the last top-level paragraph of `xml` (no extra paragraph, so no stray line or page). */
function attachSection(xml: string, sectPr: string): string {
  const at = xml.lastIndexOf('<w:p>');
  if (at < 0 || xml.indexOf('<w:tbl>', at) >= 0) return xml + sectionBreakParagraph(sectPr);
  const tail = xml.slice(at);
  const withSect = tail.startsWith('<w:p><w:pPr>')
    ? tail.replace('</w:pPr>', `${sectPr}</w:pPr>`)
    : `<w:p><w:pPr>${sectPr}</w:pPr>${tail.slice('<w:p>'.length)}`;
  return xml.slice(0, at) + withSect;
}

export function anthologyXml(
  ctx: DocxContext,
  bundle: CollectionBundle,
): { body: string; documentIds: string[]; pages: number; bodyPages: number; toc: TocEntry[] } {
  const cases = bundleCases(bundle);
  const c = bundle.collection;
  const f = furniture(ctx, c.title);
  const d = distances(ctx);
  const levels = Number(ctx.template.options.tocLevels ?? 2);
  const toc: TocEntry[] = [];
  const documentIds: string[] = [];
  let tocId = 0;

  // Body first: the TOC needs its page numbers.
  ctx.flow.reset();
  const parts: string[] = [];
  const sections = c.sections.filter((s) => s.caseIds.some((id) => cases.has(id)));
  sections.forEach((section, si) => {
    const last = si === sections.length - 1;
    ctx.flow.oddPage();
    const partBookmark = `_Toc${String(++tocId).padStart(9, '0')}`;
    const mark = ctx.bookmark(partBookmark);
    const pageH = ctx.flow.pageHeightPt;
    const title = partTitle(section.title);
    const divider = ctx.paragraph('part', plainRuns(ctx, 'part', title), { pPr: { before: twips(pageH * 0.28) }, before: mark.start, after: mark.end });
    toc.push({ level: 1, text: title, page: ctx.flow.page, bookmark: partBookmark });
    const dividerSect = sectPrXml(ctx, {
      type: 'oddPage',
      titlePg: true,
      headers: { default: f.emptyHeader, even: f.emptyHeader, first: f.emptyHeader },
      footers: { default: f.emptyFooter, even: f.emptyFooter, first: f.emptyFooter },
      pageStart: si === 0 ? 1 : undefined,
      pageFormat: 'decimal',
      ...d,
    });
    // The divider's blank verso is a page of its own section, not an odd-page break before the
    // first case: LibreOffice lays out the page after an inserted blank page with its text
    // starting higher than Word does, which would put the TOC's page numbers off.
    const verso = ctx.template.options.rectoParts !== false;
    const blankSect = sectPrXml(ctx, {
      type: 'nextPage',
      headers: { default: f.emptyHeader, even: f.emptyHeader },
      footers: { default: f.emptyFooter, even: f.emptyFooter },
      ...d,
    });
    parts.push(divider + sectionBreakParagraph(dividerSect) + (verso ? sectionBreakParagraph(blankSect) : ''));

    ctx.flow.newPage();
    if (verso) ctx.flow.newPage();
    const partHeader = f.partHeader(title);
    const ids = section.caseIds.filter((id) => cases.has(id));
    const newPage = ctx.template.options.newPagePerCase !== false;
    ids.forEach((id, ci) => {
      const doc = cases.get(id)!;
      if (ci > 0 && newPage) ctx.flow.breakPage();
      documentIds.push(id);
      const bookmark = `_Toc${String(++tocId).padStart(9, '0')}`;
      const out = caseXml(ctx, doc, { heading: doc.meta.title, tocBookmark: bookmark, titleRole: 'caseTitle', subtitleRole: 'caseSubtitle', unitRole: 'caseUnit', opensPage: newPage || ci === 0 });
      toc.push({ level: 2, text: doc.meta.title, page: out.page, bookmark });
      // A section per case, which starts its new page. Spec B.6 would drop the running head on a
      // case's first page (a distinct first-page header), but LibreOffice then starts the text
      // higher on those pages than Word does, and the TOC's page numbers must hold in both.
      const sect = sectPrXml(ctx, {
        type: ci === 0 || newPage ? 'nextPage' : 'continuous',
        headers: { default: partHeader, even: f.bookHeader },
        footers: { default: f.oddFooter, even: f.evenFooter },
        ...d,
      });
      const final = last && ci === ids.length - 1;
      parts.push(final ? out.xml + sect : attachSection(out.xml, sect));
    });
  });
  const bodyPages = ctx.flow.page;
  // Physical pages: cover, blank verso, the TOC from page 3, a blank to bring the body onto a recto.
  const listed = toc.filter((e) => e.level <= levels);
  const tocHeight =
    ctx.book.get('tocHeading').style.lineHeight +
    listed.reduce((h, e) => {
      const st = ctx.book.get(e.level === 1 ? 'toc1' : 'toc2').style;
      return h + st.lineHeight + st.spaceBeforeLines * ctx.book.bodyPitch;
    }, 0);
  const tocPages = Math.max(1, Math.ceil(tocHeight / ctx.flow.pageHeightPt));
  const bodyStart = 3 + tocPages + ((3 + tocPages) % 2 === 0 ? 1 : 0);
  const pages = bodyStart - 1 + bodyPages;

  // Front matter: cover (no folio) and TOC (roman folios, on a recto), outside the body's pagination.
  const front = ctx.aside(() => {
    const cover = coverXml(ctx, bundle);
    const coverSect = sectPrXml(ctx, {
      headers: { default: f.emptyHeader, even: f.emptyHeader },
      footers: { default: f.emptyFooter, even: f.emptyFooter },
      ...d,
    });
    const tocBody = tocXml(ctx, toc.filter((e) => e.level <= levels), levels);
    const tocSect = sectPrXml(ctx, {
      type: 'oddPage',
      headers: { default: f.emptyHeader, even: f.emptyHeader },
      footers: { default: f.centerFooter, even: f.centerFooter },
      pageStart: 1,
      pageFormat: 'upperRoman',
      ...d,
    });
    return cover + sectionBreakParagraph(coverSect) + tocBody + sectionBreakParagraph(tocSect);
  });
  const body = front + (parts.length ? parts.join('') : sectPrXml(ctx, { ...d }));
  return { body, documentIds, pages, bodyPages, toc };
}
