/**
 * The magazine feature: 栏目 tag, headline across the page, subtitle, credits and lead in a
 * one-column section, then the cases running on in two columns (no page per case), with the
 * city as the case heading and folios at the outer corners beside the magazine name.
 */
import { PageNumber, TextRun, type FileChild } from 'docx';
import type { CollectionBundle } from '../../model/types.js';
import type { CaseLayout } from '../report.js';
import { mmToTwip } from '../../templates/sizes.js';
import { bundleCases, titleOf } from '../parts.js';
import { blockChildren, fonts, plainRuns, textRun } from './blocks.js';
import { caseChildren } from './caseDocument.js';
import type { DocxContext } from './context.js';
import { breakCarrier, footer, header, section, type SectionSpec, type BookSection } from './sections.js';

export function featureSections(ctx: DocxContext, bundle: CollectionBundle): { sections: BookSection[]; documentIds: string[]; pages: number; cases: CaseLayout[] } {
  const c = bundle.collection;
  const cases = bundleCases(bundle);
  const opts = ctx.template.options;
  const p = ctx.template.page;
  ctx.flow.reset();

  const opener: FileChild[] = [];
  const line = (role: 'sectionTag' | 'title' | 'subtitle' | 'credits', text: string, borders?: { bottom: { sz: number; space: number; color: string } }) =>
    opener.push(ctx.paragraph(role, plainRuns(ctx, role, text).children, text, borders ? { props: { borders } } : {}));
  if (opts.sectionTag) line('sectionTag', String(opts.sectionTag), { bottom: { sz: 6, space: 1, color: ctx.template.colors.accent } });
  line('title', c.title);
  if (c.subtitle) line('subtitle', c.subtitle.startsWith('——') ? c.subtitle : `——${c.subtitle}`);
  const credits = Object.entries(c.credits ?? {})
    .map(([k, v]) => `${k}：${v}`)
    .join('　');
  if (credits) line('credits', credits);
  if (c.lead?.length) opener.push(...blockChildren(ctx, c.lead, 'lead'));

  const foot = ctx.book.get('footer');
  const name = String(opts.folioText ?? '');
  const width = ctx.fullWidthTwips();
  const folio = (pageFirst: boolean) => {
    const page = new TextRun({ font: fonts(ctx.book, foot.style), children: [PageNumber.CURRENT] });
    const label = textRun(ctx.book, foot.style, pageFirst ? `\t${name}` : `${name}\t`);
    return footer([ctx.aside(() => ctx.paragraph('footer', pageFirst ? [page, label] : [label, page], '', { props: { jc: 'left', tabs: [{ val: 'right', pos: width }] } }))]);
  };
  const furniture = (): Pick<SectionSpec, 'headers' | 'footers' | 'headerDistance' | 'footerDistance'> => {
    const empty = header([]);
    return {
      headers: { default: empty, even: empty },
      footers: { default: folio(false), even: folio(true) },
      headerDistance: mmToTwip(p.marginTop / 2),
      footerDistance: mmToTwip(p.marginBottom / 2),
    };
  };

  const documentIds: string[] = [];
  const body: FileChild[] = [];
  ctx.columns = Math.max(2, p.columns);
  ctx.flow.setColumns(ctx.columns);
  // Our estimate of where each case runs (the PDF's comes from its own layout): from the page its
  // heading lands on (the heading moves with the paragraph it keeps with) to the page it ends on.
  const spans: Array<{ id: string; title: string; start: { page: number }; end: number }> = [];
  for (const part of c.sections) {
    for (const id of part.caseIds) {
      const doc = cases.get(id);
      if (!doc) continue;
      documentIds.push(id);
      const city = doc.meta.heading?.trim();
      const heading = city ? `${city}：${doc.meta.title}` : doc.meta.title;
      ctx.flow.owner = id;
      const start = ctx.flow.mark();
      body.push(...caseChildren(ctx, doc, { heading, titleRole: 'caseTitle', subtitleRole: null, unitRole: 'caseUnit' }).children);
      spans.push({ id, title: titleOf(doc), start, end: ctx.flow.page });
    }
  }
  ctx.flow.close();
  ctx.columns = 1;
  const layouts: CaseLayout[] = spans.map((s) => {
    const layout: CaseLayout = { document: s.id, title: s.title, firstPage: s.start.page, pages: Math.max(1, s.end - s.start.page + 1) };
    const feet = [...new Set(ctx.flow.headingsAtFoot.filter((h) => h.owner === s.id).map((h) => h.page))];
    if (feet.length) layout.headingsAtFoot = feet;
    return layout;
  });
  const columns = { columns: Math.max(2, p.columns), columnGap: mmToTwip(p.columnGap || 6.8) };
  const sections = [section(ctx, { ...furniture(), type: 'nextPage', columns: 1 }, opener)];
  // Word balances the columns above a continuous section break: an empty one-column section
  // after the cases evens out the last page (template option balanceLastPage).
  if (opts.balanceLastPage !== false) {
    sections.push(section(ctx, { ...furniture(), type: 'continuous', ...columns }, [...body, ...ctx.takePendingEnds(), breakCarrier()]));
    sections.push(section(ctx, { ...furniture(), type: 'continuous', columns: 1 }, [breakCarrier()]));
  } else sections.push(section(ctx, { ...furniture(), type: 'continuous', ...columns }, [...body, ...ctx.takePendingEnds()]));
  return { sections, documentIds, pages: ctx.flow.page, cases: layouts };
}
