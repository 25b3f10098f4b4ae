/**
 * The magazine feature: 栏目 tag, headline across the page, subtitle, credits and lead in a
 * one-column section, then the cases running on in two columns (no page per case), with the
 * city as the case heading and folios at the outer corners beside the magazine name.
 */
import type { CollectionBundle } from '../../model/types.js';
import { mmToTwip } from '../../templates/sizes.js';
import { blocksXml, plainRuns } from './blocks.js';
import { bundleCases } from './anthology.js';
import { caseXml } from './caseDocument.js';
import type { DocxContext } from './context.js';
import { fieldRuns, pPrXml, runXml } from './props.js';
import { addHeaderPart, sectionBreakParagraph, sectPrXml } from './sections.js';
import { fontsXml } from './styles.js';

export function featureXml(ctx: DocxContext, bundle: CollectionBundle): { body: string; documentIds: string[]; pages: number } {
  const c = bundle.collection;
  const cases = bundleCases(bundle);
  const opts = ctx.template.options;
  const p = ctx.template.page;
  ctx.flow.reset();

  let opener = '';
  if (opts.sectionTag) opener += ctx.paragraph('sectionTag', plainRuns(ctx, 'sectionTag', String(opts.sectionTag)), { pPr: { borders: { bottom: { sz: 6, space: 1, color: ctx.template.colors.accent } } } });
  opener += ctx.paragraph('title', plainRuns(ctx, 'title', c.title));
  if (c.subtitle) opener += ctx.paragraph('subtitle', plainRuns(ctx, 'subtitle', c.subtitle.startsWith('——') ? c.subtitle : `——${c.subtitle}`));
  const credits = Object.entries(c.credits ?? {})
    .map(([k, v]) => `${k}：${v}`)
    .join('　');
  if (credits) opener += ctx.paragraph('credits', plainRuns(ctx, 'credits', credits));
  if (c.lead?.length) opener += blocksXml(ctx, c.lead, 'lead');

  const foot = ctx.book.get('footer');
  const rPr = fontsXml(ctx.book, foot.style);
  const width = ctx.fullWidthTwips();
  const name = String(opts.folioText ?? '');
  const folio = (pageFirst: boolean) =>
    `<w:p>${pPrXml({ style: foot.id, jc: 'left', tabs: [{ val: 'right', pos: width }] })}` +
    (pageFirst ? fieldRuns(rPr, 'PAGE', '1') + runXml(rPr, `\t${name}`) : runXml(rPr, `${name}\t`) + fieldRuns(rPr, 'PAGE', '1')) +
    '</w:p>';
  const odd = addHeaderPart(ctx, 'footer', folio(false));
  const even = addHeaderPart(ctx, 'footer', folio(true));
  const empty = addHeaderPart(ctx, 'header', '<w:p/>');
  const furniture = {
    headers: { default: empty, even: empty },
    footers: { default: odd, even },
    headerDistance: mmToTwip(p.marginTop / 2),
    footerDistance: mmToTwip(p.marginBottom / 2),
  };
  const openerSect = sectPrXml(ctx, { ...furniture, type: 'nextPage', columns: 1 });

  const documentIds: string[] = [];
  let body = '';
  ctx.columns = Math.max(2, p.columns);
  for (const section of c.sections) {
    for (const id of section.caseIds) {
      const doc = cases.get(id);
      if (!doc) continue;
      documentIds.push(id);
      const city = doc.meta.heading?.trim();
      const heading = city ? `${city}：${doc.meta.title}` : doc.meta.title;
      body += caseXml(ctx, doc, { heading, titleRole: 'caseTitle', subtitleRole: null, unitRole: 'caseUnit' }).xml;
    }
  }
  ctx.columns = 1;
  const colsSect = sectPrXml(ctx, {
    ...furniture,
    type: 'continuous',
    columns: Math.max(2, p.columns),
    columnGap: mmToTwip(p.columnGap || 6.8),
  });
  // Word balances the columns above a continuous section break: an empty one-column section
  // after the cases evens out the last page (template option balanceLastPage).
  const balance = opts.balanceLastPage !== false;
  const tail = balance ? sectionBreakParagraph(colsSect) + sectPrXml(ctx, { ...furniture, type: 'continuous', columns: 1 }) : colsSect;
  return { body: opener + sectionBreakParagraph(openerSect) + body + tail, documentIds, pages: ctx.flow.page };
}
