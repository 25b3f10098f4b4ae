/**
 * DOCX writer: the model and a template in, a .docx that Word and WPS users take for their
 * own out. Written as OOXML directly rather than through the `docx` package (9.15 does write
 * commentsExtended with w15:paraIdParent and w15:done): its TOC carries no cached entries or
 * page numbers, which LibreOffice and a field-update-refusing user then see empty; we need
 * the cached TOC hyperlinks/PAGEREFs on per-heading bookmarks, per-case region bookmarks,
 * the export manifest part, exact control of pPr/sectPr for the GB/T 9704 grid; and plain
 * string building keeps a 500-page book well under a second.
 */
import type { Writer } from '../index.js';
import { anthologyXml } from './anthology.js';
import { DOC_BOOKMARK_PREFIX } from './caseDocument.js';
import { DocxContext } from './context.js';
import { featureXml } from './feature.js';
import { noticeXml } from './notice.js';
import { packageDocx } from './package.js';

export const writeDocx: Writer = async (input) => {
  const { template } = input;
  const ctx = new DocxContext(template, input.comments ?? {});
  input.onProgress?.(0.05, '排版');
  let out: { body: string; documentIds: string[]; pages: number };
  let title: string;
  if (template.kind === 'notice') {
    if (!input.notice) throw new Error('the notice template needs a notice document');
    out = noticeXml(ctx, input.notice);
    title = input.notice.meta.title;
  } else {
    if (!input.bundle) throw new Error(`the ${template.kind} template needs a collection`);
    out = template.kind === 'anthology' ? anthologyXml(ctx, input.bundle) : featureXml(ctx, input.bundle);
    title = input.bundle.collection.title;
  }
  input.onProgress?.(0.6, '打包');
  const bytes = await packageDocx(ctx, {
    body: out.body,
    title,
    documentIds: out.documentIds,
    bookmarkPrefix: DOC_BOOKMARK_PREFIX,
    evenAndOddHeaders: true,
    mirrorMargins: template.kind !== 'notice',
  });
  input.onProgress?.(1, '完成');
  return { bytes, pages: out.pages };
};

export { DOC_BOOKMARK_PREFIX } from './caseDocument.js';
export { MANIFEST_NS, type ExportManifest } from './package.js';
