/**
 * DOCX writer built with the `docx` package (the product's fixed stack): the model and a
 * template in, a .docx Word and WPS users take for their own out. What the package cannot
 * express is done afterwards on the packed zip, in patch.ts, each patch with its reason.
 */
import { Document, Paragraph } from 'docx';
import type { Writer } from '../index.js';
import type { CaseLayout } from '../report.js';
import { DOC_BOOKMARK_PREFIX } from './caseDocument.js';
import { anthologySections } from './anthology.js';
import { textRun } from './blocks.js';
import { DocxContext } from './context.js';
import { featureSections } from './feature.js';
import { noticeSections } from './notice.js';
import { numberingOptions } from './numbering.js';
import { packageParts, patchPackage } from './patch.js';
import { stylesOptions } from './styles.js';
import { bookBody, type BookSection } from './sections.js';
import { fileSink } from '../pdf/sink.js';

export { DOC_BOOKMARK_PREFIX } from './caseDocument.js';
export { MANIFEST_NS, type ExportManifest } from './manifest.js';

/** Word keeps only the first 255 characters of a text property it re-saves: the id list also goes out in numbered pieces. */
const PROPERTY_PIECE = 240;

function customProperties(ids: string[], templateId: string, now: string): Array<{ name: string; value: string }> {
  const json = JSON.stringify(ids);
  const props = [
    { name: 'HuibianDocumentIds', value: json },
    { name: 'HuibianTemplate', value: templateId },
    { name: 'HuibianExportedAt', value: now },
    { name: 'HuibianBookmarkPrefix', value: DOC_BOOKMARK_PREFIX },
  ];
  if (json.length > PROPERTY_PIECE) for (let i = 0, n = 1; i < json.length; i += PROPERTY_PIECE, n++) props.push({ name: `HuibianDocumentIds_${n}`, value: json.slice(i, i + PROPERTY_PIECE) });
  return props;
}

export const writeDocx: Writer = async (input) => {
  const { template } = input;
  const ctx = new DocxContext(template, input.comments ?? {});
  input.onProgress?.(0.05, '排版');
  let out: { sections: BookSection[]; documentIds: string[]; pages: number; cases?: CaseLayout[] };
  let title: string;
  if (template.kind === 'notice') {
    if (!input.notice) throw new Error('the notice template needs a notice document');
    out = noticeSections(ctx, input.notice);
    title = input.notice.meta.title;
  } else {
    if (!input.bundle) throw new Error(`the ${template.kind} template needs a collection`);
    out = template.kind === 'anthology' ? anthologySections(ctx, input.bundle) : featureSections(ctx, input.bundle);
    title = input.bundle.collection.title;
  }
  input.onProgress?.(0.6, '打包');
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const commentStyle = ctx.book.get('commentText');
  const doc = new Document({
    title,
    creator: 'Huibian',
    lastModifiedBy: 'Huibian',
    styles: stylesOptions(ctx.book),
    numbering: numberingOptions(ctx.book, ctx.listFormats.values()),
    footnotes: ctx.footnotes,
    comments: {
      children: ctx.comments.options((text) =>
        text.split(/\n+/).map((p) => new Paragraph({ style: commentStyle.id, children: [textRun(ctx.book, commentStyle.style, p)] })),
      ),
    },
    customProperties: customProperties(out.documentIds, template.id, now),
    evenAndOddHeaderAndFooters: true,
    defaultTabStop: 420,
    compatibility: {
      spaceForUnderline: true,
      balanceSingleByteDoubleByteWidth: true,
      doNotLeaveBackslashAlone: true,
      underlineTrailingSpaces: true,
      doNotExpandShiftReturn: true,
      adjustLineHeightInTable: true,
      useFELayout: true,
    },
    sections: [bookBody(ctx, out.sections)],
  });
  const options = { ctx, now, mirrorMargins: template.kind !== 'notice' };
  const parts = await packageParts(doc);
  if (!input.outFile) {
    const bytes = await patchPackage(parts, options);
    input.onProgress?.(1, '完成');
    return { bytes, pages: out.pages, cases: out.cases };
  }
  // Into the export's file entry by entry (zip.ts zipInto): the package is never held whole.
  const sink = fileSink(input.outFile);
  try {
    await patchPackage(parts, options, (b) => sink.push(b));
  } catch (error) {
    sink.abort();
    throw error;
  }
  const { bytes, written } = sink.finish();
  input.onProgress?.(1, '完成');
  return { bytes, written, pages: out.pages, cases: out.cases };
};
