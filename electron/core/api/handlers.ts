/**
 * Every method of the API table as a plain function of (context, validated input). The
 * same functions run under Electron IPC, the loopback server and the tests.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from './dispatch.js';
import {
  ApiError,
  type ApiResults,
  type DocumentPayload,
  type ImportPreview,
  type JobStatus,
  type TreeGroup,
} from './schema.js';
import type { ApiContext } from './context.js';
import { StoreError, type StoredDocument, type DocSummary } from '../store/index.js';
import type {
  Block,
  CaseDocument,
  CaseMeta,
  CollectionBundle,
  CommentThread,
  HuibianDocument,
  NoticeDocument,
  NoticeMeta,
} from '../model/types.js';
import type { ImportedFile, ImportError, ReviewImport } from '../model/imported.js';
import { GENERAL_CATEGORY } from '../model/categories.js';
import { runExport, type ExportFormat } from '../export/index.js';
import { TEMPLATE_IDS } from '../templates/load.js';
import { applyReview } from './review.js';
import * as lazy from './lazy.js';
import { appVersion } from './version.js';

type Ctx = ApiContext;

// ------------------------------------------------------------------ helpers

async function payload(stored: StoredDocument): Promise<DocumentPayload> {
  const { blocksToLexical } = await lazy.lexical();
  const doc = stored.document;
  const out: DocumentPayload = {
    document: doc,
    editorState: blocksToLexical(doc.body) as unknown as Record<string, unknown>,
    revision: stored.revision,
    updatedAt: stored.updatedAt,
  };
  if (doc.kind === 'notice') {
    out.attachments = doc.attachments.map((a) => ({ title: a.title, editorState: blocksToLexical(a.blocks) as unknown as Record<string, unknown> }));
  }
  return out;
}

/** Metadata patches arrive as loose JSON; keep only fields of the model with plausible types. */
const META_STRING_FIELDS = new Set([
  'title', 'subtitle', 'heading', 'category', 'unit', 'award', 'date', 'authors', 'sourceFile', 'status',
  'organ', 'docNumber', 'addressees', 'issuer', 'note', 'cc', 'printer', 'printDate', 'sealImage',
]);
function cleanMeta(meta: Record<string, unknown> | undefined): Partial<CaseMeta & NoticeMeta> {
  if (!meta) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (META_STRING_FIELDS.has(key)) {
      if (value !== null && typeof value !== 'string') throw new ApiError('invalid-input', `meta.${key} must be text or null`);
      if (key === 'title' && (typeof value !== 'string' || !value.trim())) throw new ApiError('invalid-input', 'meta.title must not be empty');
      if (key === 'status' && !['draft', 'review', 'final'].includes(value as string)) {
        throw new ApiError('invalid-input', 'meta.status must be draft, review or final');
      }
      if (key === 'sealImage' && value && !/^data:image\/(png|jpeg);base64,/.test(value as string)) {
        throw new ApiError('invalid-input', 'meta.sealImage must be a PNG or JPEG data: URI');
      }
      out[key] = value;
    } else if (key === 'year') {
      if (value !== null && !(Number.isInteger(value) && (value as number) >= 1949 && (value as number) <= 2200)) {
        throw new ApiError('invalid-input', 'meta.year must be a year');
      }
      out[key] = value;
    } else if (key === 'region') {
      if (value !== null && (typeof value !== 'object' || Array.isArray(value))) throw new ApiError('invalid-input', 'meta.region must be an object');
      if (value) {
        const r = value as Record<string, unknown>;
        for (const k of ['province', 'city', 'county', 'code']) {
          if (r[k] !== undefined && r[k] !== null && typeof r[k] !== 'string') throw new ApiError('invalid-input', `meta.region.${k} must be text`);
        }
        out[key] = { province: r.province ?? null, city: r.city ?? null, county: r.county ?? null, code: r.code ?? null };
      } else out[key] = null;
    } else if (key === 'signers' || key === 'attachmentTitles') {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ApiError('invalid-input', `meta.${key} must be a list of text`);
      out[key] = value;
    } else if (key === 'categoryExplanation') {
      if (!Array.isArray(value)) throw new ApiError('invalid-input', 'meta.categoryExplanation must be a list');
      out[key] = value;
    } else {
      throw new ApiError('invalid-input', `meta.${key} is not a field of a case or notice`);
    }
  }
  return out as Partial<CaseMeta & NoticeMeta>;
}

async function toBlocks(state: Record<string, unknown>): Promise<Block[]> {
  const { lexicalToBlocks } = await lazy.lexical();
  try {
    return lexicalToBlocks(state);
  } catch (error) {
    throw new ApiError('invalid-input', `editorState: ${(error as Error).message}`);
  }
}

function groupTree(items: DocSummary[], groupBy: 'category' | 'city', categories: string[]): TreeGroup[] {
  const groups = new Map<string, { label: string; children: Map<string, { label: string; items: DocSummary[] }> }>();
  const add = (key: string, label: string, childKey: string, childLabel: string, item: DocSummary) => {
    if (!groups.has(key)) groups.set(key, { label, children: new Map() });
    const g = groups.get(key)!;
    if (!g.children.has(childKey)) g.children.set(childKey, { label: childLabel, items: [] });
    g.children.get(childKey)!.items.push(item);
  };
  const cityOf = (d: DocSummary) => d.region?.city ?? d.region?.province ?? '未定地区';
  // list order is already category order, then division-code order inside each section
  for (const d of items) {
    if (d.kind === 'notice') {
      add('notice', '通知', d.organ ?? '通知', d.organ ?? '通知', d);
    } else if (groupBy === 'category') {
      const cat = d.category ?? GENERAL_CATEGORY;
      add(`category:${cat}`, cat, `city:${cityOf(d)}`, cityOf(d), d);
    } else {
      const cat = d.category ?? GENERAL_CATEGORY;
      add(`city:${cityOf(d)}`, cityOf(d), `category:${cat}`, cat, d);
    }
  }
  let out = [...groups.entries()].map(([key, g]) => {
    const children = [...g.children.entries()].map(([ck, c]) => ({ key: `${key}/${ck}`, label: c.label, count: c.items.length, items: c.items }));
    return { key, label: g.label, count: children.reduce((n, c) => n + c.count, 0), children };
  });
  if (groupBy === 'category') {
    // empty categories still show, so that cases can be dropped into them
    const present = new Set(out.map((g) => g.key));
    for (const cat of categories) if (!present.has(`category:${cat}`)) out.push({ key: `category:${cat}`, label: cat, count: 0, children: [] });
    const rank = (key: string) => (key === 'notice' ? 1e6 : (categories.indexOf(key.slice('category:'.length)) + 1 || 1e5));
    out = out.sort((a, b) => rank(a.key) - rank(b.key));
  } else {
    const code = (g: TreeGroup) => g.children[0]?.items[0]?.region?.code ?? 'z';
    out = out.sort((a, b) => (a.key === 'notice' ? 1 : 0) - (b.key === 'notice' ? 1 : 0) || code(a).localeCompare(code(b)));
  }
  return out;
}

async function checkedImportPath(p: string, maxBytes: number): Promise<void> {
  if (!path.isAbsolute(p)) throw new ApiError('invalid-input', `${p}: give an absolute path`);
  let stat;
  try {
    stat = await fs.stat(p);
  } catch {
    throw new ApiError('not-found', `${path.basename(p)}: no such file`);
  }
  if (!stat.isFile()) throw new ApiError('invalid-input', `${path.basename(p)}: not a regular file`);
  if (stat.size > maxBytes) {
    throw new ApiError('invalid-input', `${path.basename(p)}: ${(stat.size / 1048576).toFixed(1)} MB is larger than the ${Math.round(maxBytes / 1048576)} MB limit`);
  }
}

function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
  const clean = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 80);
  return clean.replace(/^\.+/, '') || 'export';
}

interface ResolvedExport {
  bundle?: CollectionBundle;
  notice?: NoticeDocument;
  comments: Record<string, CommentThread[]>;
  title: string;
}

function resolveExport(ctx: Ctx, input: { collectionId?: string; documentId?: string; template: string }): ResolvedExport {
  const { store } = ctx;
  if (input.template === 'notice') {
    if (!input.documentId) throw new ApiError('invalid-input', 'the notice template needs documentId (a notice)');
    const doc = store.getDocument(input.documentId).document;
    if (doc.kind !== 'notice') throw new ApiError('invalid-input', `document ${input.documentId} is a case, not a notice`);
    return { notice: doc, comments: store.commentsFor([doc.id]), title: doc.meta.title };
  }
  if (input.collectionId) {
    const bundle = store.bundle(input.collectionId);
    if (input.documentId) {
      // one case of the collection, e.g. for a preview while editing
      const only = (bundle.cases as Record<string, CaseDocument>)[input.documentId];
      if (!only) throw new ApiError('not-found', `case ${input.documentId} is not in collection ${input.collectionId}`);
      return singleCase(ctx, only, bundle);
    }
    if (Object.keys(bundle.cases).length === 0) throw new ApiError('invalid-input', `collection "${bundle.collection.title}" holds no cases yet`);
    return { bundle, comments: store.commentsFor(Object.keys(bundle.cases)), title: bundle.collection.title };
  }
  if (input.documentId) {
    const doc = store.getDocument(input.documentId);
    if (doc.document.kind !== 'case') throw new ApiError('invalid-input', `document ${input.documentId} is a notice: use the notice template`);
    const base = doc.collectionId ? store.bundle(doc.collectionId) : null;
    return singleCase(ctx, doc.document, base);
  }
  throw new ApiError('invalid-input', `the ${input.template} template needs collectionId (or documentId of a case)`);
}

function singleCase(ctx: Ctx, doc: CaseDocument, base: CollectionBundle | null): ResolvedExport {
  const collection = {
    ...(base?.collection ?? { id: 'single', title: doc.meta.title }),
    title: base?.collection.title ?? doc.meta.title,
    sections: [{ title: doc.meta.category ?? GENERAL_CATEGORY, caseIds: [doc.id] }],
  };
  return { bundle: { collection, cases: { [doc.id]: doc } }, comments: ctx.store.commentsFor([doc.id]), title: doc.meta.title };
}

function countPdfPages(bytes: Buffer): number {
  const matches = bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return matches ? matches.length : 0;
}

function exportFailure(error: unknown): never {
  if (error instanceof ApiError) throw error;
  if (error instanceof StoreError) throw error;
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ERR_MODULE_NOT_FOUND') {
    throw new ApiError('export-failed', `this export format is not available in this build yet (${e.message.split('\n')[0]})`);
  }
  throw new ApiError('export-failed', e instanceof Error ? e.message : String(error));
}

/** Applies the editor's corrections from the preview to the imported files. */
function applyEdits(
  files: ImportedFile[],
  edits: Array<{ file: number; case: number; meta?: Record<string, unknown>; exclude?: boolean }> | undefined,
): ImportedFile[] {
  if (!edits?.length) return files;
  const out = files.map((f) => ({ ...f, cases: f.cases.map((c) => ({ ...c, meta: { ...c.meta } })) }));
  const excluded = new Set<string>();
  for (const edit of edits) {
    const file = out[edit.file];
    const c = file?.cases[edit.case];
    if (!file || !c) throw new ApiError('invalid-input', `edits: no case ${edit.case} in file ${edit.file}`);
    if (edit.meta) Object.assign(c.meta, cleanMeta(edit.meta));
    if (edit.exclude) excluded.add(`${edit.file}/${edit.case}`);
  }
  return out.map((f, fi) => ({ ...f, cases: f.cases.filter((_, ci) => !excluded.has(`${fi}/${ci}`)) }));
}

// ------------------------------------------------------------------ the table

export const handlers: Handlers<Ctx> = {
  'app.info': async (ctx) => {
    let fonts: ApiResults['app.info']['fonts'] = [];
    try {
      fonts = (await lazy.fonts()).resolveFonts();
    } catch {
      // a machine without the fonts still opens the library; the composer warns on export
    }
    return { version: appVersion(), dataDir: ctx.dataDir, transport: ctx.transport, templates: [...TEMPLATE_IDS], fonts };
  },
  'settings.get': (ctx) => ({ reviewerName: ctx.store.getSetting('reviewerName') }),
  'settings.set': (ctx, input) => {
    if (input.reviewerName !== undefined) ctx.store.setSetting('reviewerName', input.reviewerName.trim() || null);
    return { reviewerName: ctx.store.getSetting('reviewerName') };
  },

  'collections.list': (ctx) => ctx.store.listCollections(),
  'collections.get': (ctx, input) => ctx.store.getCollection(input.id),
  'collections.create': (ctx, input) => ctx.store.createCollection(input),
  'collections.update': (ctx, { id, ...patch }) => ctx.store.updateCollection(id, patch),
  'collections.delete': (ctx, input) => {
    ctx.store.deleteCollection(input.id);
    return { ok: true };
  },

  'library.tree': (ctx, input) =>
    groupTree(ctx.store.listDocuments({ collectionId: input.collectionId, filters: input.filters }), input.groupBy, ctx.store.listCategories()),
  'documents.list': (ctx, input) => ctx.store.listDocuments({ collectionId: input.collectionId, filters: input.filters }),
  'documents.get': async (ctx, input) => payload(ctx.store.getDocument(input.id)),
  'documents.create': async (ctx, input) => {
    const meta = cleanMeta(input.meta);
    if (input.collectionId) ctx.store.getCollection(input.collectionId);
    const id =
      input.kind === 'notice'
        ? ctx.store.createNotice({ meta: { title: '未命名通知', ...meta } as NoticeMeta, body: [], attachments: [] }, input.collectionId ?? null)
        : ctx.store.createCase({ title: '未命名案例', ...meta } as CaseMeta, [], input.collectionId ?? null);
    return payload(ctx.store.getDocument(id));
  },
  'documents.save': async (ctx, input) => {
    const meta = cleanMeta(input.meta);
    const body = input.editorState ? await toBlocks(input.editorState) : undefined;
    const attachments = input.attachments
      ? await Promise.all(input.attachments.map(async (a) => ({ title: a.title, blocks: await toBlocks(a.editorState) })))
      : undefined;
    return ctx.store.saveDocument(input.id, { meta, body, attachments, baseRevision: input.baseRevision, autosave: input.autosave });
  },
  'documents.delete': (ctx, input) => {
    ctx.store.deleteDocument(input.id);
    return { ok: true };
  },
  'documents.move': (ctx, { id, ...target }) => ctx.store.moveDocument(id, target),

  'revisions.list': (ctx, input) => ctx.store.listRevisions(input.documentId),
  'revisions.restore': async (ctx, input) => payload(ctx.store.restoreRevision(input.documentId, input.revisionId)),

  'comments.list': (ctx, input) => ctx.store.listComments(input.documentId, input.openOnly),
  'comments.add': (ctx, input) => ctx.store.addComment(input),
  'comments.reply': (ctx, input) => ctx.store.replyComment(input.threadId, input),
  'comments.resolve': (ctx, input) => ctx.store.resolveComment(input.threadId, input.resolved),
  'comments.delete': (ctx, input) => {
    ctx.store.deleteComment(input.threadId);
    return { ok: true };
  },

  'search.query': (ctx, input) => ctx.store.search(input.q, { collectionId: input.collectionId, limit: input.limit }),

  'categories.list': (ctx) => ctx.store.listCategories(),
  'categories.add': (ctx, input) => ctx.store.addCategory(input.name),
  'categories.rename': (ctx, input) => ctx.store.renameCategory(input.from, input.to),
  'categories.delete': (ctx, input) => ctx.store.deleteCategory(input.name),

  'regions.search': async (_ctx, input) => (await lazy.regions()).searchRegions(input.q, input.limit ?? 20),
  'regions.children': async (_ctx, input) => (await lazy.regions()).childRegions(input.code),

  'import.preview': async (ctx, input) => {
    const { importFile } = await lazy.importer();
    const files: ImportedFile[] = [];
    const errors: ImportError[] = [];
    const reviews: Array<{ file: string; review: ReviewImport }> = [];
    for (const source of input.files) {
      try {
        let bytes: Uint8Array | undefined;
        if (source.path) {
          await checkedImportPath(source.path, ctx.maxImportBytes);
        } else {
          const buffer = Buffer.from(source.data!, 'base64');
          if (buffer.byteLength > ctx.maxImportBytes) throw new ApiError('invalid-input', `larger than the ${Math.round(ctx.maxImportBytes / 1048576)} MB limit`);
          bytes = buffer;
        }
        if (/\.docx$/i.test(source.name)) {
          const review = await readReview(bytes ?? (await fs.readFile(source.path!)));
          if (review) {
            reviews.push({ file: source.name, review });
            continue;
          }
        }
        files.push(await importFile({ name: source.name, path: source.path, bytes }, { maxBytes: ctx.maxImportBytes }));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push({ file: source.name, message: message.includes(source.name) ? message : `${source.name}: ${message}` });
      }
    }
    const previewId = randomUUID();
    if (files.length || reviews.length) ctx.previews.put(previewId, files, reviews);
    const out: ImportPreview = { previewId, files, errors };
    if (reviews.length) out.reviews = reviews;
    return out;
  },
  'import.commit': (ctx, input) => {
    const pending = ctx.previews.take(input.previewId);
    if (!pending) throw new ApiError('not-found', 'this import preview has expired or was already committed: preview the files again');
    const files = applyEdits(pending.files, input.edits);
    const result = ctx.store.commitImport(files, { collectionId: input.collectionId, newCollection: input.newCollection });
    const reviews = pending.reviews.map((r) => ({ file: r.file, ...applyReview(ctx.store, r.review) }));
    if (result.imported.length === 0 && reviews.length === 0 && result.errors.length) {
      throw new ApiError('import-failed', result.errors.map((e) => `${e.file}: ${e.message}`).join('; '));
    }
    return { collectionId: result.collectionId ?? '', imported: result.imported, errors: result.errors, ...(reviews.length ? { reviews } : {}) };
  },

  'export.run': async (ctx, input) => {
    const resolved = resolveExport(ctx, input);
    let outPath: string;
    if (input.outPath) {
      if (!path.isAbsolute(input.outPath)) throw new ApiError('invalid-input', 'outPath must be an absolute path');
      outPath = input.outPath;
    } else {
      const dir = path.join(ctx.dataDir, 'exports');
      await fs.mkdir(dir, { recursive: true });
      outPath = path.join(dir, `${safeFileName(resolved.title)}.${input.format}`);
    }
    const job: JobStatus | null = input.jobId ? { id: input.jobId, state: 'running', progress: 0 } : null;
    if (job) ctx.jobs.set(job.id, job);
    try {
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
      if (job) Object.assign(job, { state: 'done', progress: 1, result });
      return result;
    } catch (error) {
      if (job) Object.assign(job, { state: 'failed', message: (error as Error).message });
      exportFailure(error);
    }
  },
  'export.preview': async (ctx, input) => {
    const resolved = resolveExport(ctx, input);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'huibian-preview-'));
    try {
      const result = await runExport({
        template: input.template,
        format: 'pdf',
        outPath: path.join(dir, 'preview.pdf'),
        bundle: resolved.bundle,
        notice: resolved.notice,
        comments: resolved.comments,
      });
      const bytes = await fs.readFile(result.path);
      return { pdfBase64: bytes.toString('base64'), pages: result.pages ?? countPdfPages(bytes) };
    } catch (error) {
      exportFailure(error);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  },
  'jobs.get': (ctx, input) => {
    const job = ctx.jobs.get(input.id);
    if (!job) throw new ApiError('not-found', `no job ${input.id}`);
    return { ...job };
  },
};

async function readReview(bytes: Uint8Array): Promise<ReviewImport | null> {
  let reader;
  try {
    reader = await lazy.reviewReader();
  } catch {
    return null; // without the review reader a DOCX imports as a draft
  }
  return reader.readReviewedDocx(bytes);
}

/** Store refusals become API errors with the same code; everything else stays as it is. */
export function withStoreErrors(table: Handlers<Ctx>): Handlers<Ctx> {
  const wrapped: Record<string, unknown> = {};
  for (const [method, handler] of Object.entries(table)) {
    wrapped[method] = async (ctx: Ctx, input: unknown) => {
      try {
        return await (handler as (c: Ctx, i: unknown) => unknown)(ctx, input);
      } catch (error) {
        if (error instanceof StoreError) throw new ApiError(error.code, error.message);
        throw error;
      }
    };
  }
  return wrapped as Handlers<Ctx>;
}

export type { HuibianDocument };
