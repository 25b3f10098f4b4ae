/**
 * One file of an import preview, from bytes to what the preview shows: a reviewed DOCX exported
 * by Huibian (its comments), or the draft read into the model with its proof and fixed text.
 * The same function runs on the API's thread and in the import workers (importPool.ts), so a
 * preview reads alike either way.
 */
import { promises as fs } from 'node:fs';
import type { ImportedFile, ReviewImport } from '../../model/imported.js';
import { previewProofAndFixes, type FileProof, type FixedFile } from '../../proof/importing.js';

export interface DraftSource {
  name: string;
  path?: string;
  bytes?: Uint8Array;
  /** Overrides DraftOptions.convertToSimplified for this file. */
  convertToSimplified?: boolean;
}

export interface DraftOptions {
  maxBytes: number;
  convertToSimplified?: boolean;
}

export type DraftOutcome =
  | { kind: 'review'; review: ReviewImport }
  /** `proof.file` is 0: the caller numbers it by the file's place in the preview. */
  | { kind: 'file'; file: ImportedFile; proof: FileProof; fixed: FixedFile }
  | { kind: 'error'; message: string };

// The importers (HTML readers, Word and Markdown parsers) load with the first import, not with
// every command; the promise is kept, since each import() call goes through the module loader
// again (13 µs per file compiled, far more through tsx's loader hooks in a source run).
let importer: Promise<typeof import('../../import/index.js')> | undefined;
let reviewReader: Promise<typeof import('../../import/review/index.js')> | undefined;

export async function previewDraft(source: DraftSource, options: DraftOptions): Promise<DraftOutcome> {
  try {
    if (/\.docx$/i.test(source.name)) {
      const { readReviewedDocx } = await (reviewReader ??= import('../../import/review/index.js'));
      const review = await readReviewedDocx(source.bytes ?? (await fs.readFile(source.path!)));
      if (review) return { kind: 'review', review };
    }
    const { importFile } = await (importer ??= import('../../import/index.js'));
    const file = await importFile({ name: source.name, path: source.path, bytes: source.bytes }, { maxBytes: options.maxBytes, convertToSimplified: source.convertToSimplified ?? options.convertToSimplified });
    const { proofs, fixed } = previewProofAndFixes([file]);
    return { kind: 'file', file, proof: proofs[0]!, fixed: fixed[0]! };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
