/**
 * The one API table the renderer calls. Each entry names its input schema (zod, checked at
 * every transport: Electron IPC and the loopback HTTP server) and its result type. The
 * renderer imports only the types (`import type`), so no validation code ships to it.
 *
 * Handlers live in handlers/ (one module per area) and are plain functions of (context,
 * input): they run the same under Electron's main process, the loopback server and the tests.
 * All input validation is here; the document model's own schema is model/schema.ts.
 */
import path from 'node:path';
import { z } from 'zod';
import type {
  Block,
  CaseMeta,
  Collection,
  CommentThread,
  HuibianDocument,
  NoticeMeta,
} from '../model/types.js';
import type { ImportedFile, ImportError, ReviewImport } from '../model/imported.js';
import { BlockSchema, ImportMetaPatchSchema, LIMITS, MetaPatchSchema, STATUSES, tooDeep, formatPath } from '../model/schema.js';
import { proofInputs, type ProofResults, type ImportProof } from './proofSchema.js';
import { teamInputs, type TeamResults } from './teamSchema.js';
import { reviewPackInputs, type ReviewPackResults } from './reviewPackSchema.js';

const id = z.string().min(1).max(64);
const ids = z.array(id).min(1).max(5000);
const kind = z.enum(['case', 'notice']);

export const Filters = z
  .object({
    kind: kind.optional(),
    category: z.string().max(64).optional(),
    province: z.string().max(32).optional(),
    city: z.string().max(32).optional(),
    award: z.string().max(64).optional(),
    status: z.enum(STATUSES).optional(),
    year: z.number().int().min(1949).max(2200).optional(),
    organ: z.string().max(64).optional(),
  })
  .strict();
export type Filters = z.infer<typeof Filters>;

/**
 * Largest file import.preview and reviewPack.preview accept by default, in bytes. Here, in the
 * table, so the renderer can refuse a bigger file before it reads it into the page.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A file handed to the importer: a path (Electron, CLI) or its bytes (browser upload). */
export const ImportSource = z
  .object({
    name: z.string().min(1).max(255),
    /** Absolute; a relative one is reported as that file's error, the rest of the batch still reads. */
    path: z.string().max(4096).optional(),
    /** base64 of the file's bytes */
    data: z.string().max(200_000_000).optional(),
    /** This file, if written in 繁體, in simplified characters (the preview's 转换为简体; overrides the batch's choice). */
    convertToSimplified: z.boolean().optional(),
  })
  .strict()
  .refine((f) => Boolean(f.path) !== Boolean(f.data), '文件须给出路径（path）或内容（data）中的一项，且只能一项');

/**
 * A Lexical editor state: its nodes are checked by the converter and the model schema, but
 * its nesting is bounded here, before any recursive code reads it.
 */
const editorState = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const deep = tooDeep(value, LIMITS.depth * 2);
  if (deep) ctx.addIssue({ code: 'custom', path: deep, message: `编辑器内容嵌套超过 ${LIMITS.depth * 2} 层（${formatPath(deep)}…）：请减少列表、引文或表格的嵌套` });
});
/** Metadata patches: only fields of the model, with their types and limits (model/schema.ts). */
const meta = MetaPatchSchema;

/**
 * Export only the cases with these statuses (the composer's default: ['final', 'submitted'],
 * i.e. 定稿 and 已报送); the result's `leftOut` lists the others. Absent: every case.
 */
const statuses = z.array(z.enum(STATUSES)).min(1).max(4).optional();

const collectionTitle = z.string().max(200).refine((t) => t.trim().length > 0, '汇编的标题不能为空');
const year = z.number().int().min(1949, '年份应在 1949–2200 之间').max(2200, '年份应在 1949–2200 之间');

/** A category name: not empty once trimmed, at most 64 characters. */
const categoryName = z.string().max(64).refine((n) => n.trim().length > 0, '业务领域的名称不能为空');

export const apiInputs = {
  'app.info': z.object({}).strict(),
  'settings.get': z.object({}).strict(),
  'settings.set': z.object({ reviewerName: z.string().max(64).optional() }).strict(),

  'collections.list': z.object({}).strict(),
  'collections.get': z.object({ id }).strict(),
  'collections.create': z
    .object({ title: collectionTitle, year: year.optional(), publisher: z.string().max(200).optional() })
    .strict(),
  'collections.update': z
    .object({
      id,
      title: collectionTitle.optional(),
      subtitle: z.string().max(200).nullable().optional(),
      year: year.nullable().optional(),
      publisher: z.string().max(200).nullable().optional(),
      /** The collection's 导语, printed as the anthology's 前言; null or [] clears it. */
      lead: z.array(BlockSchema).max(LIMITS.blocks).nullable().optional(),
      sections: z.array(z.object({ title: categoryName, caseIds: z.array(id).max(LIMITS.blocks) }).strict()).max(LIMITS.list).optional(),
    })
    .strict(),
  /** To the trash with its documents; undone by collections.restoreDeleted. */
  'collections.delete': z.object({ id }).strict(),
  'collections.restoreDeleted': z.object({ id }).strict(),

  'library.tree': z
    .object({ collectionId: id.optional(), groupBy: z.enum(['category', 'city']).default('category'), filters: Filters.optional() })
    .strict(),
  'documents.list': z.object({ collectionId: id.optional(), filters: Filters.optional() }).strict(),
  'documents.get': z.object({ id }).strict(),
  'documents.create': z.object({ kind, collectionId: id.optional(), meta: meta.optional() }).strict(),
  'documents.save': z
    .object({
      id,
      meta: meta.optional(),
      /** Lexical serialized editor state; converted to the model before storing. */
      editorState: editorState.optional(),
      /** For notices: the attachments' editor states, in order. */
      attachments: z.array(z.object({ title: z.string().max(200), editorState }).strict()).max(LIMITS.list).optional(),
      /** The revision the editor started from; a stale one is refused, never silently overwritten. */
      baseRevision: z.number().int().optional(),
      /** Autosave keeps the latest draft without piling up revisions; explicit saves keep one. meta.status is a lifecycle change (see documents.setStatus). */
      autosave: z.boolean().optional(),
    })
    .strict(),
  /** To the trash (undoable: documents.restoreDeleted); trash.empty removes for good. */
  'documents.delete': z.object({ id }).strict(),
  'documents.deleteMany': z.object({ ids }).strict(),
  /** Back from the trash; a source that went there in a merge takes its threads and revisions back from the target (see documents.merge). */
  'documents.restoreDeleted': z.object({ ids }).strict(),
  /** Several documents to another collection (and section), each at the end of its section. */
  'documents.moveMany': z.object({ ids, collectionId: id, category: z.string().max(64).optional() }).strict(),
  /**
   * Two records of one case become one: the source's comments and revisions move to the
   * target, empty fields of the target are filled from the source, `append` adds the source's
   * text after the target's; the source goes to the trash. Restoring the source undoes it: its
   * threads and revisions return, and the target gets its own text back unless edited since.
   */
  'documents.merge': z.object({ targetId: id, sourceId: id, append: z.boolean().optional() }).strict(),
  /**
   * The lifecycle 初稿 (draft) → 修改 (review) → 定稿 (final) → 已报送 (submitted), for one or
   * many cases at once; who is the reviewer name of the settings. Leaving 定稿/已报送 (重新打开)
   * needs a reason. `by` defaults to the reviewer name of the settings (else 编辑). While 定稿/已报送,
   * documents.save, revisions.restore, merges and moves to another section fail with code 'locked'.
   */
  'documents.setStatus': z
    .object({ ids, status: z.enum(STATUSES), reason: z.string().max(500).optional(), by: z.string().min(1).max(64).optional() })
    .strict(),
  'documents.statusHistory': z.object({ id }).strict(),
  /**
   * 新增/延续 of a case: its flag, who decided it (the editor or detection: same unit and a
   * similar title in an earlier collection, store/continuity.ts) and the earlier cases that look
   * alike, best first. Exports print the flag in the indexes (meta.continuesFrom).
   */
  'documents.continuity': z.object({ id }).strict(),
  /**
   * The editor's decision, which detection never overrides: link to an earlier case (延续), unlink
   * (新增), or auto (detection decides again). Refused with 'locked' while the case is 定稿/已报送.
   */
  'documents.setContinuity': z.discriminatedUnion('mode', [
    z.object({ id, mode: z.literal('link'), documentId: id }).strict(),
    z.object({ id, mode: z.literal('unlink') }).strict(),
    z.object({ id, mode: z.literal('auto') }).strict(),
  ]),
  /** How many documents a list would show, and its cases per status (the status filter is ignored for the counts). */
  'documents.counts': z.object({ collectionId: id.optional(), filters: Filters.optional() }).strict(),
  /** Each item with its purgeAt: opening the library removes what has been in the trash over 30 days. */
  'trash.list': z.object({}).strict(),
  'trash.empty': z.object({}).strict(),
  /** Drag and drop in the tree: move to another category (section) and/or position. */
  'documents.move': z
    .object({ id, collectionId: id.optional(), category: z.string().max(64).optional(), beforeId: id.nullable().optional() })
    .strict(),

  'revisions.list': z.object({ documentId: id }).strict(),
  'revisions.restore': z.object({ documentId: id, revisionId: z.number().int() }).strict(),
  /** One revision's metadata and text, for the revisions diff. */
  'revisions.get': z.object({ documentId: id, revisionId: z.number().int() }).strict(),

  'comments.list': z.object({ documentId: id, openOnly: z.boolean().optional() }).strict(),
  'comments.add': z
    .object({ documentId: id, id: id.optional(), quote: z.string().max(10_000), text: z.string().min(1).max(10_000), author: z.string().min(1).max(64) })
    .strict(),
  'comments.reply': z.object({ threadId: id, text: z.string().min(1).max(10_000), author: z.string().min(1).max(64) }).strict(),
  'comments.resolve': z.object({ threadId: id, resolved: z.boolean() }).strict(),
  'comments.delete': z.object({ threadId: id }).strict(),

  'search.query': z.object({ q: z.string().min(1).max(200), collectionId: id.optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),

  'categories.list': z.object({}).strict(),
  'categories.add': z.object({ name: categoryName }).strict(),
  'categories.rename': z.object({ from: z.string().min(1).max(64), to: categoryName }).strict(),
  'categories.delete': z.object({ name: z.string().min(1).max(64) }).strict(),

  'regions.search': z.object({ q: z.string().min(1).max(32), limit: z.number().int().min(1).max(100).optional() }).strict(),
  'regions.children': z.object({ code: z.string().regex(/^\d{6}$/).nullable() }).strict(),

  'import.preview': z
    .object({
      files: z.array(ImportSource).min(1).max(2000),
      /** Write 繁體 drafts in simplified characters (by default they are kept as written). */
      convertToSimplified: z.boolean().optional(),
    })
    .strict(),
  /** The editor corrects a file's shape in the preview: kind, merge, split, a dropped line put back. */
  'import.revise': z
    .object({
      previewId: id,
      file: z.number().int().min(0),
      change: z.discriminatedUnion('op', [
        z.object({ op: z.literal('kind'), kind: z.enum(['single-case', 'case-list', 'notice', 'award-list']) }).strict(),
        /** This case and the next become one (the next one's title a heading in its text). */
        z.object({ op: z.literal('merge'), case: z.number().int().min(0) }).strict(),
        /** The case is cut before its block `block` (counted from 0); the rest is a new case. */
        z.object({ op: z.literal('split'), case: z.number().int().min(0), block: z.number().int().min(1), title: z.string().max(200).optional() }).strict(),
        /** The dropped line `line` goes back at the top of case `case` (without `case`: of the file's notice). */
        z.object({ op: z.literal('restore'), line: z.number().int().min(0), case: z.number().int().min(0).optional() }).strict(),
      ]),
    })
    .strict(),
  /** An award or shortlist file of the preview matched against the library's cases (nothing is written). */
  'import.awards': z.object({ previewId: id, file: z.number().int().min(0), collectionId: id.optional() }).strict(),
  'import.commit': z
    .object({
      previewId: id,
      collectionId: id.optional(),
      /** Import cases the library already holds anyway (by default they are skipped and listed in `duplicates`). */
      allowDuplicates: z.boolean().optional(),
      newCollection: z.object({ title: collectionTitle, year: year.optional() }).strict().optional(),
      /** Editor corrections from the preview: per file index, per case index, metadata patches. */
      edits: z
        .array(z.object({ file: z.number().int().min(0), case: z.number().int().min(0), meta: ImportMetaPatchSchema.optional(), exclude: z.boolean().optional() }).strict())
        .max(LIMITS.blocks)
        .optional(),
      /** Per file index: apply the proofing fixes shown in the preview (the default) or not. */
      proof: z.array(z.object({ file: z.number().int().min(0), accept: z.boolean() }).strict()).max(2000).optional(),
    })
    .strict(),

  'export.run': z
    .object({
      collectionId: id.optional(),
      documentId: id.optional(),
      template: z.enum(['anthology', 'feature', 'notice']),
      format: z.enum(['pdf', 'docx']),
      /** Absolute target path; without it the file goes to the exports folder of the data dir. */
      outPath: z.string().max(4096).refine((p) => path.isAbsolute(p), '请给出完整的保存路径（绝对路径）').optional(),
      /** Caller-chosen id under which `jobs.get` reports this export's progress while it runs. */
      jobId: id.optional(),
      statuses,
    })
    .strict(),
  /** PDF bytes (base64) for the composer's page preview. */
  'export.preview': z
    .object({ collectionId: id.optional(), documentId: id.optional(), template: z.enum(['anthology', 'feature', 'notice']), statuses })
    .strict(),
  'jobs.get': z.object({ id }).strict(),
  ...proofInputs,
  ...teamInputs,
  ...reviewPackInputs,
} as const;

// Shapes that lower layers define and the table hands out unchanged.
export type {
  CollectionSummary,
  ContinuityCandidate,
  ContinuityReport,
  DocSummary,
  Duplicate,
  KnownFile,
  RevisionSummary,
  StatusChange,
  StatusSkip,
  TrashedCollection,
  TrashedDocument,
} from '../store/index.js';
import type {
  CollectionSummary,
  ContinuityReport,
  DocSummary,
  Duplicate,
  KnownFile,
  RevisionSummary,
  StatusChange,
  StatusSkip,
  TrashedCollection,
  TrashedDocument,
} from '../store/index.js';
import type { ExportResult as WriterResult } from '../export/index.js';
import type { CaseStatus } from '../model/types.js';

/** What export.run gives: the writer's result, and the cases a status filter left out. */
export type ExportResult = WriterResult & { leftOut?: LeftOut[] };
export interface LeftOut {
  id: string;
  title: string;
  status: CaseStatus;
}

export type ApiMethod = keyof typeof apiInputs;
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;

export interface TreeGroup {
  key: string;
  label: string;
  count: number;
  /** Cases per status in this group. */
  statusCounts: Record<CaseStatus, number>;
  children: Array<{ key: string; label: string; count: number; items: DocSummary[] }>;
}

export interface DocumentPayload {
  document: HuibianDocument;
  /** Lexical serialized state of the body (for notices: of the main body). */
  editorState: Record<string, unknown>;
  attachments?: Array<{ title: string; editorState: Record<string, unknown> }>;
  revision: number;
  updatedAt: string;
}

export interface SearchHit {
  id: string;
  kind: 'case' | 'notice';
  title: string;
  /** Snippet with hits wrapped in <mark>…</mark>; everything else HTML-escaped. */
  snippet: string;
}

export interface RegionOption {
  code: string;
  name: string;
  /** "山东省 济宁市 曲阜市" */
  path: string;
  level: 'province' | 'city' | 'county';
}

export interface ImportPreview {
  previewId: string;
  files: ImportedFile[];
  errors: ImportError[];
  /** Reviewed DOCX files exported by Huibian: their comments go back onto existing documents on commit. */
  reviews?: Array<{ file: string; review: ReviewImport }>;
  /** Per file: the proofing fixes applied at commit, proposals and sensitive findings, with a summary. */
  proof?: ImportProof;
  /** Cases (by file and case index; case null = the file's notice) the library already holds: commit skips them unless allowDuplicates. */
  duplicates: Duplicate[];
  /** Files whose very bytes the library has imported before, with when and into which collection. */
  knownFiles?: KnownFile[];
}

/** One list item (by its case index in the file) and the library case it matches. */
export interface ImportAwardMatch {
  case: number;
  /** The item's award as the list gives it. */
  award: string | null;
  caseId: string;
  caseTitle: string;
  /** The award the case holds now. */
  caseAward: string | null;
  score: number;
  /** Why, in the editor's words ("标题相近 0.92", "单位相同"). */
  reasons: string[];
}

export interface ImportAwardMatches {
  matched: ImportAwardMatch[];
  /** Plausible but not certain: for the editor to confirm. */
  nearMisses: ImportAwardMatch[];
  /** Case indexes of the items no library case matches. */
  unmatched: number[];
}

export interface ImportCommitResult {
  collectionId: string;
  imported: Array<{ file: string; kind: string; documentIds: string[] }>;
  errors: ImportError[];
  /** What was skipped because the library already holds it. */
  duplicates: Duplicate[];
  /** Per reviewed DOCX: how many comment threads were added or updated on existing documents. */
  reviews?: Array<{ file: string; threadsAdded: number; threadsUpdated: number; repliesAdded: number }>;
}

export interface JobStatus {
  id: string;
  state: 'running' | 'done' | 'failed';
  progress: number;
  message?: string;
  result?: unknown;
}

/** Result type of each method. */
export interface ApiResults extends ProofResults, TeamResults, ReviewPackResults {
  'app.info': { version: string; dataDir: string; transport: 'ipc' | 'http' | 'cli'; templates: string[]; fonts: Array<{ role: string; face: string; file: string; substitute?: boolean; standard?: string; licence?: string; bundled?: boolean }> };
  'settings.get': { reviewerName: string | null };
  'settings.set': { reviewerName: string | null };
  'collections.list': CollectionSummary[];
  'collections.get': Collection;
  'collections.create': Collection;
  'collections.update': Collection;
  'collections.delete': { ok: true; deletedAt: string };
  'collections.restoreDeleted': Collection;
  'library.tree': TreeGroup[];
  'documents.list': DocSummary[];
  'documents.get': DocumentPayload;
  'documents.create': DocumentPayload;
  'documents.save': { revision: number; updatedAt: string; meta: CaseMeta | NoticeMeta };
  'documents.delete': { ok: true; deletedAt: string };
  'documents.deleteMany': { deleted: string[]; deletedAt: string };
  'documents.restoreDeleted': DocSummary[];
  'documents.moveMany': DocSummary[];
  'documents.merge': DocumentPayload;
  'documents.setStatus': { changed: DocSummary[]; skipped: StatusSkip[] };
  'documents.statusHistory': StatusChange[];
  'documents.continuity': ContinuityReport;
  'documents.setContinuity': ContinuityReport;
  'documents.counts': { total: number; byStatus: Record<CaseStatus, number> };
  'trash.list': { documents: TrashedDocument[]; collections: TrashedCollection[] };
  'trash.empty': { purged: number };
  'documents.move': DocSummary;
  'revisions.list': RevisionSummary[];
  'revisions.restore': DocumentPayload;
  'revisions.get': { meta: CaseMeta | NoticeMeta; body: Block[]; attachments: Array<{ title: string; blocks: Block[] }> | null };
  'comments.list': CommentThread[];
  'comments.add': CommentThread;
  'comments.reply': CommentThread;
  'comments.resolve': CommentThread;
  'comments.delete': { ok: true };
  'search.query': SearchHit[];
  'categories.list': string[];
  'categories.add': string[];
  'categories.rename': string[];
  'categories.delete': string[];
  'regions.search': RegionOption[];
  'regions.children': RegionOption[];
  'import.preview': ImportPreview;
  'import.revise': ImportPreview;
  'import.awards': ImportAwardMatches;
  'import.commit': ImportCommitResult;
  'export.run': ExportResult;
  /** `cases` and `overBudget` as export.run reports them: the composer's page budgets. */
  'export.preview': { pdfBase64: string; pages: number; leftOut?: LeftOut[]; cases: ExportResult['cases']; overBudget: ExportResult['overBudget'] };
  'jobs.get': JobStatus;
}

export type ApiResult<M extends ApiMethod> = ApiResults[M];

/** What the renderer sees: one async function per method. */
export type ApiClient = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<M>> };

/** Errors cross the transport as { error: { code, message } }; codes are stable for the UI. */
/** `locked`: the case is 定稿 or 已报送 and must be reopened (documents.setStatus) before it can change; HTTP 409. */
export type ApiErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'locked' | 'import-failed' | 'export-failed' | 'forbidden' | 'internal' | 'proof-blocked';
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
