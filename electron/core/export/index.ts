/**
 * One entry for every writer. It owns what all writers share: the template lookup and the
 * rule that a failed export never leaves a broken file behind (write beside the target,
 * then rename), with a clear message when the target cannot be written.
 */
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import type { CollectionBundle, CommentThread, NoticeDocument } from '../model/types.js';
import { loadTemplate } from '../templates/load.js';
import type { Template } from '../templates/schema.js';
import { LONG_BOOK_CASES, withHeapBudget } from '../heapBudget.js';
import { missingPictureWarnings } from './pictures.js';
import { fontUses, fontWarnings, layoutWarnings, overBudget, type CaseLayout, type ExportWarning, type FontUse, type OverBudget } from './report.js';

export type { CaseLayout, ExportWarning, FontUse, OverBudget } from './report.js';

export type ExportFormat = 'pdf' | 'docx';

export interface ExportRequest {
  /** Template id (anthology, feature, notice) or a path to a user's template file. */
  template: string;
  format: ExportFormat;
  outPath: string;
  /** For anthology and feature. */
  bundle?: CollectionBundle;
  /** For notice. */
  notice?: NoticeDocument;
  /** Review threads by document id; the DOCX writer turns them into Word comments. */
  comments?: Record<string, CommentThread[]>;
  onProgress?: (fraction: number, message?: string) => void;
  /**
   * Run the writer on a worker thread where it has one (PDF), so the calling thread keeps
   * answering while a long book is set: progress polls, other API calls.
   */
  inWorker?: boolean;
}

export interface WriterInput extends Omit<ExportRequest, 'template' | 'outPath' | 'inWorker'> {
  template: Template;
  /**
   * A file the writer may write the document to as it goes (a long PDF is then never held
   * whole in memory); it then reports `written` and leaves `bytes` empty.
   */
  outFile?: string;
}

export interface WriterResult {
  bytes: Uint8Array | Buffer;
  /** Bytes written to `input.outFile` when the writer wrote the file itself. */
  written?: number;
  pages?: number;
  /** What the writer saw that a person should check (missing pictures, layout flags). */
  warnings?: ExportWarning[];
  /** Per case where it opens and how many pages it takes (books and features). */
  cases?: CaseLayout[];
}

/** Each writer is a function of the model and a template to the file's bytes. */
export type Writer = (input: WriterInput) => Promise<WriterResult>;

export interface ExportResult {
  path: string;
  bytes: number;
  pages?: number;
  ms: number;
  template: string;
  format: ExportFormat;
  /** Faces the file uses per role, with the stand-ins named. */
  fonts: FontUse[];
  /** To look at before printing; the release gate appends its findings here. */
  warnings: ExportWarning[];
  cases: CaseLayout[];
  overBudget: OverBudget[];
}

async function writerFor(format: ExportFormat, inWorker: boolean): Promise<Writer> {
  if (format === 'pdf' && inWorker) return (await import('./pdf/worker.js')).writePdfInWorker;
  if (format === 'pdf') return (await import('./pdf/index.js')).writePdf;
  if (format === 'docx') return (await import('./docx/index.js')).writeDocx;
  throw new Error(`unknown export format "${format as string}": choose pdf or docx`);
}

/** Runs one export: the template, the writer, the file written beside the target and renamed; a long book's under the heap budget (heapBudget.ts). */
export function runExport(request: ExportRequest): Promise<ExportResult> {
  const cases = request.bundle?.cases;
  const count = !cases ? 0 : cases instanceof Map ? cases.size : Object.keys(cases).length;
  return withHeapBudget(count >= LONG_BOOK_CASES, () => exportOnce(request));
}

async function exportOnce(request: ExportRequest): Promise<ExportResult> {
  const started = performance.now();
  const template = loadTemplate(request.template);
  if (template.kind === 'notice' && !request.notice) throw new Error('the notice template needs a notice document');
  if (template.kind !== 'notice' && !request.bundle) throw new Error(`the ${template.kind} template needs a collection`);
  const target = path.resolve(request.outPath);
  await assertWritable(target);
  const writer = await writerFor(request.format, request.inWorker ?? false);
  const { inWorker: _inWorker, outPath: _outPath, ...input } = request;
  const temp = `${target}.${process.pid}.${Date.now()}.part`;
  let result: WriterResult;
  try {
    result = await writer({ ...input, template, outFile: temp });
  } catch (error) {
    await fs.rm(temp, { force: true });
    // The writer writing the file itself: a failed write says which file, as below.
    if ((error as NodeJS.ErrnoException).path === temp) throw new Error(`无法写入 ${target}：${(error as Error).message.replaceAll(temp, target)}`);
    throw error;
  }
  try {
    if (result.written === undefined) await fs.writeFile(temp, result.bytes);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw new Error(`无法写入 ${target}：${(error as Error).message}`);
  }
  const fonts = await fontUses(template, request.format);
  const cases = result.cases ?? [];
  const over = overBudget(cases, (id) => pageBudget(template, request.bundle, id));
  return {
    path: target,
    bytes: result.written ?? result.bytes.byteLength,
    pages: result.pages,
    ms: Math.round(performance.now() - started),
    template: template.id,
    format: request.format,
    fonts,
    warnings: [
      ...(request.format === 'pdf' ? fontWarnings(template, fonts) : []),
      ...missingPictureWarnings(template, request),
      ...layoutWarnings(cases, over),
      ...(result.warnings ?? []),
    ],
    cases,
    overBudget: over,
  };
}

/** A case's page budget: its own (meta.pageBudget) or the template's (options.pageBudget); null for none. */
export function pageBudget(template: Template, bundle: CollectionBundle | undefined, documentId: string): number | null {
  const cases = bundle?.cases;
  const doc = cases instanceof Map ? cases.get(documentId) : cases?.[documentId];
  const own = doc?.meta.pageBudget;
  if (typeof own === 'number' && own > 0) return own;
  const budget = template.options.pageBudget;
  return typeof budget === 'number' && budget > 0 ? budget : null;
}

async function assertWritable(target: string): Promise<void> {
  const dir = path.dirname(target);
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) throw new Error('not a folder');
    await fs.access(dir, fsConstants.W_OK);
  } catch (error) {
    throw new Error(`无法写入 ${target}：文件夹 ${dir} 不存在或没有写权限（${(error as Error).message}）；请换一个保存位置`);
  }
  try {
    const stat = await fs.stat(target);
    if (stat.isDirectory()) throw new Error(`无法写入 ${target}：同名的文件夹已存在；请换一个文件名`);
    await fs.access(target, fsConstants.W_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error instanceof Error && error.message.startsWith('无法写入') ? error : new Error(`无法写入 ${target}：${(error as Error).message}（文件可能正被其他程序打开）`);
    }
  }
}
