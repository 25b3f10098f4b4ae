/**
 * PDF writer: the layout engine decides every line and page break, pdfkit draws. Fonts
 * are real CJK faces, embedded and subset; pages are flushed as they are finished, and with
 * `input.outFile` their bytes go to that file as they come.
 */
import PDFDocument from 'pdfkit';
import type { Writer, WriterInput, WriterResult } from '../index.js';
import { PdfCanvas } from './canvas.js';
import type { CaseLayout } from '../report.js';
import { composeAnthology, type OutlineNode } from './anthology.js';
import { composeFeature } from './feature.js';
import { composeNotice } from './notice.js';
import { fileSink, memorySink, type ByteSink } from './sink.js';

import { usesSlicedFaces } from '../../fonts/roles.js';
import { woff2Ready } from '../../fonts/webfont.js';

export { resolveFonts } from '../../fonts/roles.js';
export { writePdfInWorker, stopPdfWorker } from './worker.js';

function metadata(input: WriterInput): { Title: string; Author: string; Subject: string; Keywords?: string } {
  if (input.template.kind === 'notice') {
    const m = input.notice!.meta;
    return { Title: m.title, Author: m.issuer ?? m.organ ?? '', Subject: m.docNumber ? `${m.docNumber} 通知` : '通知' };
  }
  const c = input.bundle!.collection;
  return {
    Title: c.title,
    Author: c.publisher ?? '',
    Subject: input.template.kind === 'feature' ? `${c.title}（专题）` : `${c.title}：民政工作创新案例汇编`,
    Keywords: c.sections.map((s) => s.title).join(', '),
  };
}

export const writePdf: Writer = async (input: WriterInput): Promise<WriterResult> => {
  if (input.template.kind === 'notice' && !input.notice) throw new Error('the notice template needs a notice document');
  if (input.template.kind !== 'notice' && !input.bundle) throw new Error(`the ${input.template.kind} template needs a collection`);
  // The bundled 楷体 is WOFF2: its decoder must be up before the first page is drawn.
  if (usesSlicedFaces()) await woff2Ready();
  const info = metadata(input);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: false,
    compress: true,
    pdfVersion: '1.7',
    displayTitle: true,
    lang: 'zh-CN',
    info: { ...info, Creator: 'Huibian 汇编', Producer: 'Huibian layout engine + PDFKit' },
  } as PDFKit.PDFDocumentOptions);
  const sink = input.outFile ? fileSink(input.outFile) : memorySink();
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => {
      try {
        sink.push(c);
      } catch (error) {
        reject(error as Error);
      }
    });
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  // A failed write rejects `finished` while the book is still being set: handled at the end.
  finished.catch(() => undefined);
  try {
    return await compose(input, doc, finished, sink);
  } catch (error) {
    sink.abort();
    throw error;
  }
};

async function compose(input: WriterInput, doc: PDFKit.PDFDocument, finished: Promise<void>, sink: ByteSink): Promise<WriterResult> {
  const canvas = new PdfCanvas(doc);
  const outline = (doc as unknown as { outline: OutlineNode }).outline;
  const cc = { canvas, outline, onProgress: input.onProgress, cases: [] as CaseLayout[] };
  let pages: number;
  switch (input.template.kind) {
    case 'anthology':
      if (!input.bundle) throw new Error('the anthology template needs a collection');
      pages = await composeAnthology(input.template, input.bundle, cc);
      break;
    case 'feature':
      if (!input.bundle) throw new Error('the feature template needs a collection');
      pages = await composeFeature(input.template, input.bundle, cc);
      break;
    case 'notice':
      if (!input.notice) throw new Error('the notice template needs a notice document');
      pages = await composeNotice(input.template, input.notice, cc);
      break;
  }
  canvas.flush();
  doc.end();
  await finished;
  input.onProgress?.(1, 'done');
  return { ...sink.finish(), pages, cases: cc.cases };
}
