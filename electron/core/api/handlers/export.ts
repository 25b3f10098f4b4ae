/** export.run writes a PDF or DOCX of a collection, a case or a notice; export.preview returns PDF bytes for the composer. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GENERAL_CATEGORY } from '../../model/categories.js';
import { STATUS_LABELS } from '../../model/schema.js';
import type { CaseDocument, CaseStatus, CollectionBundle, CommentThread, NoticeDocument } from '../../model/types.js';
import type { ExportFormat } from '../../export/index.js';
import { StoreError } from '../../store/index.js';
import { exportBundle, withMeta } from '../../store/bundleCases.js';
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import { ApiError, type JobStatus, type LeftOut } from '../schema.js';
import { exportGate } from './proof.js';

/** The writers, loaded by the first export rather than with the table (the library's other calls never need them). */
const exporter = () => import('../../export/index.js');

function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
  const clean = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 80);
  return clean.replace(/^\.+/, '') || 'export';
}

export interface ResolvedExport {
  bundle?: CollectionBundle;
  notice?: NoticeDocument;
  comments: Record<string, CommentThread[]>;
  title: string;
  leftOut?: LeftOut[];
}

/** Keeps the cases whose status is in `statuses`, in order; lists the others. */
function byStatus(bundle: CollectionBundle, statuses: readonly CaseStatus[]): { bundle: CollectionBundle; leftOut: LeftOut[] } {
  const all = bundle.cases as Record<string, CaseDocument>;
  const keep = (id: string) => statuses.includes(all[id]?.meta.status ?? 'draft');
  const leftOut: LeftOut[] = [];
  const cases: Record<string, CaseDocument> = {};
  const sections = bundle.collection.sections
    .map((s) => {
      for (const id of s.caseIds) {
        if (keep(id)) cases[id] = all[id]!;
        else leftOut.push({ id, title: all[id]?.meta.title ?? id, status: all[id]?.meta.status ?? 'draft' });
      }
      return { ...s, caseIds: s.caseIds.filter(keep) };
    })
    .filter((s) => s.caseIds.length);
  return { bundle: { collection: { ...bundle.collection, sections }, cases }, leftOut };
}

function resolveExport(
  ctx: ApiContext,
  input: { collectionId?: string; documentId?: string; template: string; statuses?: CaseStatus[] },
): ResolvedExport {
  const { store } = ctx;
  if (input.template === 'notice') {
    if (!input.documentId) throw new ApiError('invalid-input', 'documentId：通知模板需要选择一篇通知。');
    const doc = store.getDocument(input.documentId).document;
    if (doc.kind !== 'notice') throw new ApiError('invalid-input', `documentId：所选文档是案例（case），不是通知：请选择一篇通知，或改用汇编模板。`);
    return { notice: doc, comments: store.commentsFor([doc.id]), title: doc.meta.title };
  }
  if (input.collectionId) {
    const bundle = exportBundle(store, input.collectionId);
    if (input.documentId) {
      // one case of the collection, e.g. for a preview while editing
      const only = (bundle.cases as Record<string, CaseDocument>)[input.documentId];
      if (!only) throw new ApiError('not-found', `这个案例不在汇编“${bundle.collection.title}”中：请刷新后重试。`);
      return singleCase(ctx, only, bundle);
    }
    if (Object.keys(bundle.cases).length === 0) throw new ApiError('invalid-input', `汇编“${bundle.collection.title}”中还没有案例：请先导入案例。`);
    if (input.statuses) {
      const chosen = byStatus(bundle, input.statuses);
      if (Object.keys(chosen.bundle.cases).length === 0) {
        const labels = input.statuses.map((s) => STATUS_LABELS[s]).join('、');
        throw new ApiError('invalid-input', `statuses：汇编“${bundle.collection.title}”中没有${labels}的案例：请先把案例设为${labels}，或选择导出全部案例。`);
      }
      return { bundle: chosen.bundle, comments: store.commentsFor(Object.keys(chosen.bundle.cases)), title: bundle.collection.title, leftOut: chosen.leftOut };
    }
    return { bundle, comments: store.commentsFor(Object.keys(bundle.cases)), title: bundle.collection.title };
  }
  if (input.documentId) {
    const doc = store.getDocument(input.documentId);
    if (doc.document.kind !== 'case') throw new ApiError('invalid-input', `documentId：所选文档是通知：请改用通知模板。`);
    const base = doc.collectionId ? exportBundle(store, doc.collectionId) : null;
    return singleCase(ctx, doc.document, base);
  }
  throw new ApiError('invalid-input', `collectionId：${input.template} 模板需要选择一个汇编（或一个案例 documentId）。`);
}

function singleCase(ctx: ApiContext, doc: CaseDocument, base: CollectionBundle | null): ResolvedExport {
  const collection = {
    ...(base?.collection ?? { id: 'single', title: doc.meta.title }),
    title: base?.collection.title ?? doc.meta.title,
    sections: [{ title: doc.meta.category ?? GENERAL_CATEGORY, caseIds: [doc.id] }],
  };
  return { bundle: { collection, cases: { [doc.id]: doc } }, comments: ctx.store.commentsFor([doc.id]), title: doc.meta.title };
}

/**
 * 新增/延续 for the indexes: every case's meta.continuesFrom as the store decides it now (the
 * editor's link or unlink, else detection) — a link prints 延续, null 新增, absent no flag (no
 * earlier collection). Copies: the library's rows are not touched.
 */
export function withContinuity(ctx: ApiContext, resolved: ResolvedExport): ResolvedExport {
  if (!resolved.bundle) return resolved;
  const all = resolved.bundle.cases as Record<string, CaseDocument>;
  const flags = ctx.store.continuityFlags(Object.keys(all));
  const cases: Record<string, CaseDocument> = {};
  for (const [id, doc] of Object.entries(all)) {
    const { continuesFrom: _stored, ...meta } = doc.meta;
    const flag = flags.get(id);
    cases[id] = withMeta(doc, flag === undefined ? meta : { ...meta, continuesFrom: flag });
  }
  return { ...resolved, bundle: { ...resolved.bundle, cases } };
}

function countPdfPages(bytes: Buffer): number {
  const matches = bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return matches ? matches.length : 0;
}

function exportFailure(error: unknown): never {
  if (error instanceof ApiError || error instanceof StoreError) throw error;
  throw new ApiError('export-failed', error instanceof Error ? error.message : String(error));
}

export const exportHandlers: Pick<Handlers<ApiContext>, 'export.run' | 'export.preview'> = {
  'export.run': async (ctx, input) => {
    const resolved = withContinuity(ctx, resolveExport(ctx, input));
    // The release gate: undecided sensitive data stops the export before anything is written.
    const gate = exportGate(ctx, resolved);
    let outPath: string;
    if (input.outPath) {
      outPath = input.outPath;
    } else {
      const dir = path.join(ctx.dataDir, 'exports');
      await fs.mkdir(dir, { recursive: true });
      outPath = path.join(dir, `${safeFileName(resolved.title)}.${input.format}`);
    }
    const job: JobStatus | null = input.jobId ? { id: input.jobId, state: 'running', progress: 0 } : null;
    if (job) ctx.jobs.set(job.id, job);
    try {
      const { runExport } = await exporter();
      const result = await runExport({
        template: input.template,
        format: input.format as ExportFormat,
        outPath,
        bundle: resolved.bundle,
        notice: resolved.notice,
        comments: resolved.comments,
        // Off this thread, so that jobs.get can report progress while the book is set.
        inWorker: ctx.transport !== 'cli',
        onProgress: (fraction, message) => {
          if (job) Object.assign(job, { progress: Math.max(0, Math.min(1, fraction)), message });
        },
      });
      result.warnings.push(...gate);
      const out = resolved.leftOut ? { ...result, leftOut: resolved.leftOut } : result;
      if (job) Object.assign(job, { state: 'done', progress: 1, result: out });
      return out;
    } catch (error) {
      if (job) Object.assign(job, { state: 'failed', message: (error as Error).message });
      exportFailure(error);
    }
  },
  'export.preview': async (ctx, input) => {
    const resolved = withContinuity(ctx, resolveExport(ctx, input));
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'huibian-preview-'));
    try {
      const { runExport } = await exporter();
      const result = await runExport({
        template: input.template,
        format: 'pdf',
        outPath: path.join(dir, 'preview.pdf'),
        bundle: resolved.bundle,
        notice: resolved.notice,
        comments: resolved.comments,
      });
      const bytes = await fs.readFile(result.path);
      return {
        pdfBase64: bytes.toString('base64'),
        pages: result.pages ?? countPdfPages(bytes),
        cases: result.cases,
        overBudget: result.overBudget,
        ...(resolved.leftOut ? { leftOut: resolved.leftOut } : {}),
      };
    } catch (error) {
      exportFailure(error);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  },
};
