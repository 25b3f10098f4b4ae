/**
 * import.preview reads files without writing anything; import.commit writes a preview (with
 * the editor's corrections) into the library. A reviewed DOCX exported by Huibian is not a
 * draft: its comments go back onto the documents they were made on.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ImportedFile, ImportError, ReviewImport } from '../../model/imported.js';
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import { applyReview } from '../review.js';
import type { FileProof, FixedFile } from '../../proof/importing.js';
import { previewDraft, type DraftOptions, type DraftOutcome, type DraftSource } from './importDraft.js';
import { previewDrafts, workersPay } from './importPool.js';
import { importRevisions } from './proof.js';
import { matchPreviewAwards, reviseImport } from './importRevise.js';
import { ApiError, type ApiInput, type ImportPreview } from '../schema.js';
import { caseFingerprint } from '../../store/fingerprint.js';

function megabytes(bytes: number): string {
  return bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;
}

/** Synchronous, as the read after it: an awaited stat per file left the thread idle between drafts. */
function checkedImportPath(p: string, maxBytes: number): void {
  const name = path.basename(p);
  if (!path.isAbsolute(p)) throw new ApiError('invalid-input', `${p}：请给出文件的完整路径（绝对路径）。`);
  let stat;
  try {
    stat = statSync(p);
  } catch {
    throw new ApiError('not-found', `${name}：找不到这个文件，请确认它没有被移动或删除。`);
  }
  if (!stat.isFile()) throw new ApiError('invalid-input', `${name}：这不是一个普通文件，请选择文件而不是文件夹。`);
  if (stat.size > maxBytes) {
    throw new ApiError(
      'invalid-input',
      `${name}：文件有 ${megabytes(stat.size)}，超过 ${megabytes(maxBytes)} 的上限：请拆分后再导入。`,
    );
  }
}

/**
 * The importer writes its warnings and failures as a Chinese sentence followed by an English one
 * ("…未导入。 x.txt is empty."): the user is shown the Chinese (app and command alike), the English
 * is kept as the error's `detail` for logs and `--json`.
 */
export function userMessage(text: string): { message: string; detail?: string } {
  // The note starts after a Chinese sentence's end and a space, and is English words to the end
  // (it may open with the file's name, "空白.txt is empty.").
  for (const cut of text.matchAll(/[。）)」”]\s+/gu)) {
    const rest = text.slice(cut.index + cut[0].length);
    if (/[。！？；，]/u.test(rest) || !/[A-Za-z]{2,}\s+[A-Za-z]{2,}/u.test(rest)) continue;
    if (!/[\u4e00-\u9fff]/u.test(text.slice(0, cut.index))) break;
    return { message: text.slice(0, cut.index + 1), detail: rest };
  }
  return { message: text };
}

/** Below this many files a preview reads on its own thread: starting the import workers costs more than a few drafts. */
const POOL_MIN_FILES = 16;

async function previewEach(sources: readonly DraftSource[], options: DraftOptions): Promise<DraftOutcome[]> {
  const out: DraftOutcome[] = [];
  for (const source of sources) out.push(await previewDraft(source, options));
  return out;
}

/**
 * Applies the editor's metadata corrections from the preview to the imported files; returns
 * them with the cases whose metadata changed ("file/case").
 */
function applyEdits(files: ImportedFile[], edits: ApiInput<'import.commit'>['edits']): { files: ImportedFile[]; edited: Set<string> } {
  const edited = new Set<string>();
  if (!edits?.length) return { files, edited };
  const out = files.map((f) => ({ ...f, cases: f.cases.map((c) => ({ ...c, meta: { ...c.meta } })) }));
  for (const edit of edits) {
    const file = out[edit.file];
    const c = file?.cases[edit.case];
    if (!file || !c) throw new ApiError('invalid-input', `edits：第 ${edit.file + 1} 个文件里没有第 ${edit.case + 1} 个案例，请重新预览后再导入。`);
    if (edit.meta) {
      // a title changed in the preview changes the fingerprint stored: the draft's is kept beside it
      if (edit.meta.title !== undefined && edit.meta.title !== c.meta.title) c.drafted ??= [caseFingerprint(c.meta.title ?? '', c.body)];
      Object.assign(c.meta, edit.meta);
      edited.add(`${edit.file}/${edit.case}`);
    }
  }
  return { files: out, edited };
}

/** Leaves out the cases the editor excluded in the preview. */
function applyExclusions(files: ImportedFile[], edits: ApiInput<'import.commit'>['edits']): ImportedFile[] {
  const excluded = new Set((edits ?? []).filter((e) => e.exclude).map((e) => `${e.file}/${e.case}`));
  if (!excluded.size) return files;
  return files.map((f, fi) => ({ ...f, cases: f.cases.filter((_, ci) => !excluded.has(`${fi}/${ci}`)) }));
}

export const importHandlers: Pick<Handlers<ApiContext>, 'import.preview' | 'import.revise' | 'import.awards' | 'import.commit'> = {
  'import.revise': (ctx, input) => reviseImport(ctx, input),
  'import.awards': (ctx, input) => matchPreviewAwards(ctx, input),
  'import.preview': async (ctx, input) => {
    const files: ImportedFile[] = [];
    const errors: ImportError[] = [];
    const reviews: Array<{ file: string; review: ReviewImport }> = [];
    const proofs: FileProof[] = [];
    const fixes: FixedFile[] = [];
    // Paths and sizes are checked here, in order; reading, the importer and proofing run per file (importDraft.ts), on workers for a large batch.
    const checked: Array<{ source: DraftSource } | { error: string }> = input.files.map((source) => {
      try {
        if (source.path) {
          checkedImportPath(source.path, ctx.maxImportBytes);
          return { source: { name: source.name, path: source.path, ...(source.convertToSimplified !== undefined ? { convertToSimplified: source.convertToSimplified } : {}) } };
        }
        const buffer = Buffer.from(source.data!, 'base64');
        if (buffer.byteLength > ctx.maxImportBytes) {
          throw new ApiError('invalid-input', `文件有 ${megabytes(buffer.byteLength)}，超过 ${megabytes(ctx.maxImportBytes)} 的上限：请拆分后再导入。`);
        }
        return { source: { name: source.name, bytes: buffer, ...(source.convertToSimplified !== undefined ? { convertToSimplified: source.convertToSimplified } : {}) } };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    });
    const sources = checked.flatMap((c) => ('source' in c ? [c.source] : []));
    const options = { maxBytes: ctx.maxImportBytes, convertToSimplified: input.convertToSimplified };
    // Handed to the workers before the first await: a caller that commits meanwhile does not hold them up.
    const outcomes = await ((sources.length >= POOL_MIN_FILES && workersPay() ? previewDrafts(sources, options) : null) ?? previewEach(sources, options));
    let next = 0;
    checked.forEach((c, i) => {
      const name = input.files[i]!.name;
      const outcome: DraftOutcome = 'source' in c ? outcomes[next++]! : { kind: 'error', message: c.error };
      if (outcome.kind === 'error') {
        const { message, detail } = userMessage(outcome.message);
        errors.push({ file: name, message: message.includes(name) ? message : `${name}: ${message}`, ...(detail ? { detail } : {}) });
      } else if (outcome.kind === 'review') {
        reviews.push({ file: name, review: outcome.review });
      } else {
        // numbered in place: a copy would read the proof's cases, which a worker's outcome parses only when they are read (importTransfer.ts)
        outcome.proof.file = files.length;
        proofs.push(outcome.proof);
        fixes.push(outcome.fixed);
        outcome.file.warnings = outcome.file.warnings.map((w) => userMessage(w).message);
        files.push(outcome.file);
      }
    });
    const previewId = randomUUID();
    if (files.length || reviews.length) ctx.previews.put(previewId, files, reviews, fixes, { errors, proofs });
    const out: ImportPreview = { previewId, files, errors, duplicates: ctx.store.importDuplicates(files) };
    const known = ctx.store.importKnownFiles(files);
    if (known.length) out.knownFiles = known;
    if (reviews.length) out.reviews = reviews;
    out.proof = proofs;
    return out;
  },
  'import.commit': (ctx, input) => {
    const pending = ctx.previews.take(input.previewId);
    if (!pending) throw new ApiError('not-found', '这次导入预览已过期或已经导入过：请重新选择文件预览后再导入。');
    // The fixes the preview showed go in with each case's insert (its second revision), in the
    // batch's one transaction: saving them afterwards, a transaction and a reindex per case, made
    // 1,000 single-case drafts take 26 s instead of 3.
    const { files: edited, edited: touched } = applyEdits(pending.files, input.edits);
    const { files: fixed, revised } = importRevisions(edited, pending.fixed, touched, input.proof);
    const files = applyExclusions(fixed, input.edits);
    const result = ctx.store.commitImport(files, { collectionId: input.collectionId, newCollection: input.newCollection, allowDuplicates: input.allowDuplicates, revised });
    const reviews = pending.reviews.map((r) => ({ file: r.file, ...applyReview(ctx.store, r.review) }));
    if (result.imported.length === 0 && reviews.length === 0 && result.errors.length) {
      throw new ApiError('import-failed', result.errors.map((e) => `${e.file}: ${e.message}`).join('; '));
    }
    return {
      collectionId: result.collectionId ?? '',
      imported: result.imported,
      errors: result.errors,
      duplicates: result.duplicates,
      ...(reviews.length ? { reviews } : {}),
    };
  },
};
