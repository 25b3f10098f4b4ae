/**
 * PDF writer: the layout engine decides every line and page break, pdfkit draws. Fonts
 * are real CJK faces, embedded and subset; pages are flushed as they are finished, and with
 * `input.outFile` their bytes go to that file as they come.
 */
// Before pdfkit: packages it and fontkit load and never need here wait until called.
import './lazyDeps.js';
import PDFDocument from 'pdfkit';
import type { Writer, WriterInput, WriterResult } from '../index.js';
import { PdfCanvas } from './canvas.js';
import type { CaseLayout } from '../report.js';
import { composeAnthology, type OutlineNode } from './anthology.js';
import { composeFeature } from './feature.js';
import { composeNotice } from './notice.js';
import { fileSink, memorySink, writeThrough } from './sink.js';
import { drawOffThread, openDrawSession } from './drawWorker.js';

import { usesSlicedFaces } from '../../fonts/roles.js';
import { woff2Ready } from '../../fonts/webfont.js';

export { resolveFonts } from '../../fonts/roles.js';
export { writePdfInWorker, stopPdfWorker } from './worker.js';
export { stopDrawWorker } from './drawWorker.js';

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
  const options = {
    autoFirstPage: false,
    bufferPages: false,
    compress: true,
    pdfVersion: '1.7',
    displayTitle: true,
    lang: 'zh-CN',
    info: { ...info, Creator: 'Huibian 汇编', Producer: 'Huibian layout engine + PDFKit' },
  } as PDFKit.PDFDocumentOptions;
  // With HUIBIAN_PDF_DRAW_WORKER=1 a book is drawn on a thread of its own while this one lays it out (drawWorker.ts).
  const remote = drawOffThread(input.template.kind === 'anthology' && caseCount(input) >= MIN_CASES_OFF_THREAD) ? openDrawSession(options, input.outFile, usesSlicedFaces()) : null;
  if (remote) {
    try {
      // The recorder takes every call the composers make of a PdfCanvas.
      const canvas = remote.canvas as unknown as PdfCanvas;
      return await compose(input, canvas, remote.outline, () => remote.finish());
    } catch (error) {
      remote.abort();
      throw error;
    }
  }
  const doc = new PDFDocument(options);
  const sink = input.outFile ? fileSink(input.outFile) : memorySink();
  const finished = writeThrough(doc, sink);
  // A failed write rejects `finished` while the book is still being set: handled at the end.
  finished.catch(() => undefined);
  try {
    const canvas = new PdfCanvas(doc);
    return await compose(input, canvas, canvas.outline, async () => {
      canvas.flush();
      doc.end();
      await finished;
      return sink.finish();
    });
  } catch (error) {
    sink.abort();
    throw error;
  }
};

/** Below this many cases the drawing thread's start costs more than it saves. */
const MIN_CASES_OFF_THREAD = 8;

function caseCount(input: WriterInput): number {
  const cases = input.bundle?.cases;
  return !cases ? 0 : cases instanceof Map ? cases.size : Object.keys(cases).length;
}

async function compose(input: WriterInput, canvas: PdfCanvas, outline: OutlineNode, end: () => Promise<{ bytes: Buffer; written?: number }>): Promise<WriterResult> {
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
  const out = await end();
  input.onProgress?.(1, 'done');
  return { ...out, pages, cases: cc.cases };
}
