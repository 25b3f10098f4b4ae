/**
 * The release gate in the API: proofing a document (stored or as the editor has it) or a
 * collection, applying findings, recording decisions on sensitive data; and the calls other
 * areas make — the gate before export.run, the proof and fixes of import.preview and commit.
 */
import { blocksToLexical } from '../../model/lexical.js';
import type { Block, CaseMeta, CollectionBundle, HuibianDocument, NoticeDocument } from '../../model/types.js';
import type { ImportedFile } from '../../model/imported.js';
import type { ExportWarning } from '../../export/report.js';
import {
  applyFindings,
  applyFixes,
  blockingMessage,
  decisionsFor,
  gateWarnings,
  libraryFindingsCache,
  previewProofAndFixes,
  proofCollection,
  proofDocument,
  recordDecision,
  type GateReport,
  type FileProof,
  type FixedFile,
} from '../../proof/index.js';
import type { RevisedText } from '../../store/index.js';
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import { toBlocks } from '../payload.js';
import { ApiError } from '../schema.js';
import type { ProofApplyResult } from '../proofSchema.js';

type EditorInput = { id: string; editorState?: Record<string, unknown>; attachments?: Array<{ title: string; editorState: Record<string, unknown> }> };

/** The document as stored, or with the editor's unsaved body and attachments in its place. */
function working(ctx: ApiContext, input: EditorInput): { doc: HuibianDocument; fromEditor: boolean } {
  const doc = ctx.store.getDocument(input.id).document;
  if (!input.editorState) return { doc, fromEditor: false };
  const body = toBlocks(input.editorState);
  if (doc.kind === 'notice') {
    const atts = input.attachments?.map((a, i) => ({ title: a.title, blocks: toBlocks(a.editorState, `attachments[${i}].editorState`) })) ?? doc.attachments;
    return { doc: { ...doc, body, attachments: atts }, fromEditor: true };
  }
  return { doc: { ...doc, body }, fromEditor: true };
}

function decisions(ctx: ApiContext, id: string) {
  return decisionsFor(ctx.store.db, [id]).get(id) ?? [];
}

/** Hands the changed document back to the editor, or saves it as a revision. */
function finish(ctx: ApiContext, input: EditorInput, changed: HuibianDocument, fromEditor: boolean, applied: string[], skipped: string[]): ProofApplyResult {
  const report = proofDocument(changed, { decisions: decisions(ctx, input.id) });
  if (fromEditor) {
    const out: ProofApplyResult = { applied, skipped, report, editorState: blocksToLexical(changed.body) as unknown as Record<string, unknown> };
    if (changed.kind === 'notice') out.attachments = changed.attachments.map((a) => ({ title: a.title, editorState: blocksToLexical(a.blocks) as unknown as Record<string, unknown> }));
    return out;
  }
  if (!applied.length) return { applied, skipped, report };
  const saved = ctx.store.saveDocument(input.id, {
    meta: changed.meta,
    body: changed.body,
    ...(changed.kind === 'notice' ? { attachments: changed.attachments } : {}),
  });
  return { applied, skipped, report, revision: saved.revision };
}

export const proofHandlers: Pick<Handlers<ApiContext>, 'proof.document' | 'proof.collection' | 'proof.apply' | 'proof.decide'> = {
  'proof.document': (ctx, input) => proofDocument(working(ctx, input).doc, { decisions: decisions(ctx, input.id) }),
  'proof.collection': (ctx, input) => {
    const docs = ctx.store.listDocuments({ collectionId: input.collectionId }).map((d) => ctx.store.getDocument(d.id).document);
    return proofCollection(docs, decisionsFor(ctx.store.db, docs.map((d) => d.id)), libraryFindingsCache(ctx.store.db));
  },
  'proof.apply': (ctx, input) => {
    const { doc, fromEditor } = working(ctx, input);
    if (input.all === 'fix') {
      const { document, fixes } = applyFixes(doc);
      return finish(ctx, input, document, fromEditor, fixes.map((f) => f.id), []);
    }
    const wanted = new Set(input.findingIds);
    const found = proofDocument(doc).findings.filter((f) => wanted.has(f.id));
    const missing = [...wanted].filter((w) => !found.some((f) => f.id === w));
    const result = applyFindings(doc, found);
    return finish(ctx, input, result.document, fromEditor, result.applied, [...result.skipped, ...missing]);
  },
  'proof.decide': (ctx, input) => {
    const { doc, fromEditor } = working(ctx, input);
    const targets = proofDocument(doc).findings.filter((f) => f.rule === input.rule && f.text === input.text);
    if (!targets.length) throw new ApiError('not-found', `文中已没有“${input.text}”：请重新校对后再决定。`);
    if (input.action === 'mask' && targets.some((f) => f.suggestion === null)) {
      throw new ApiError('invalid-input', `“${input.text}”无法自动遮盖：请在正文中删去或改写后重新校对。`);
    }
    const decision = { rule: input.rule, text: input.text, action: input.action, reason: input.reason.trim() || '已遮盖', decidedAt: new Date().toISOString() };
    recordDecision(ctx.store.db, input.id, decision);
    if (input.action === 'keep') return { ...finish(ctx, input, doc, fromEditor, [], []), decision };
    const result = applyFindings(doc, targets);
    return { ...finish(ctx, input, result.document, fromEditor, result.applied, result.skipped), decision };
  },
};

/** Thrown by the gate before an export: carries the report for `huibian export --json`. */
export class ProofBlockedError extends ApiError {
  constructor(readonly report: GateReport, message: string) {
    super('proof-blocked', message);
  }
}

/**
 * export.run's gate: the whole rule book on what is exported. Undecided sensitive findings
 * stop the export; everything else becomes warnings of the export report.
 */
export function exportGate(ctx: ApiContext, what: { bundle?: CollectionBundle; notice?: NoticeDocument }): ExportWarning[] {
  const cases = what.bundle ? (what.bundle.cases instanceof Map ? [...what.bundle.cases.values()] : Object.values(what.bundle.cases)) : [];
  const docs: HuibianDocument[] = [...cases, ...(what.notice ? [what.notice] : [])];
  // A feature prints the collection's 导语 too: it is proofed as a document of its own.
  const collection = what.bundle?.collection;
  if (collection?.lead?.length) docs.push({ kind: 'case', id: `${collection.id}:lead`, meta: { title: `${collection.title}（导语）` }, body: collection.lead });
  // Findings are kept per document: a repeated export proofs only what changed since (proof/cache.ts).
  const report = proofCollection(docs, decisionsFor(ctx.store.db, docs.map((d) => d.id)), libraryFindingsCache(ctx.store.db));
  const titles = new Map(docs.map((d) => [d.id, d.meta.title]));
  if (report.blocking.length) throw new ProofBlockedError(report, blockingMessage(report, titles));
  return gateWarnings(report, titles);
}

/** import.preview's addition: what proofing will change in each file and case, and the fixed text to keep with the preview. */
export function importProof(files: readonly ImportedFile[]): { proofs: FileProof[]; fixed: FixedFile[] } {
  return previewProofAndFixes(files);
}

/**
 * import.commit's addition: the fix-severity findings the preview computed, for every document
 * of each file whose proof was accepted (all by default; `choices` rejects per file index of the
 * preview), as the text the store writes as each document's second revision (the text as
 * drafted stays the first). A case whose metadata the editor corrected in the preview is proofed
 * again with the correction. A feature's 导语 becomes the collection's lead, which has no
 * revisions: it is replaced by its fixed text.
 */
export function importRevisions(
  files: readonly ImportedFile[],
  fixed: readonly FixedFile[] | undefined,
  edited: ReadonlySet<string>,
  choices: ReadonlyArray<{ file: number; accept: boolean }> = [],
): { files: ImportedFile[]; revised: Map<object, RevisedText> } {
  const rejected = new Set(choices.filter((c) => !c.accept).map((c) => c.file));
  const revised = new Map<object, RevisedText>();
  const out = files.map((file, fi) => {
    if (rejected.has(fi)) return file;
    const kept = fixed?.[fi];
    file.cases.forEach((c, ci) => {
      const fix = kept && !edited.has(`${fi}/${ci}`) ? kept.cases[ci] : fixedCase(c.meta, c.body);
      if (fix) revised.set(c, fix);
    });
    if (file.notice) {
      const fix = kept ? kept.notice : fixedNotice(file.notice);
      if (fix) revised.set(file.notice, fix);
    }
    const lead = kept ? kept.lead : file.info.lead?.length ? fixedCase({ title: '' }, file.info.lead)?.body : null;
    return lead ? { ...file, info: { ...file.info, lead } } : file;
  });
  return { files: out, revised };
}

function fixedCase(meta: CaseMeta, body: Block[]): RevisedText | null {
  const { document, fixes } = applyFixes({ kind: 'case', id: 'import', meta, body });
  return fixes.length ? { meta: document.meta, body: document.body } : null;
}

function fixedNotice(notice: Omit<NoticeDocument, 'id'>): RevisedText | null {
  const { document, fixes } = applyFixes({ id: 'import', ...notice });
  return fixes.length && document.kind === 'notice' ? { meta: document.meta, body: document.body, attachments: document.attachments } : null;
}
