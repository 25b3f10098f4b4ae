/**
 * The release gate's part of the API table: inputs (zod) and results of proof.document,
 * proof.collection, proof.apply and proof.decide. Spread into apiInputs / ApiResults in
 * schema.ts so the table stays one table.
 */
import { z } from 'zod';
import type { ProofReport, GateReport, ProofDecision, FileProof } from '../proof/index.js';
import { LIMITS } from '../model/schema.js';

const id = z.string().min(1).max(64);
/** The editor's unsaved state, proofed and changed in place of the stored text when given. */
const editorState = z.record(z.string(), z.unknown());
const attachments = z.array(z.object({ title: z.string().max(200), editorState }).strict()).max(LIMITS.list);

export const proofInputs = {
  'proof.document': z.object({ id, editorState: editorState.optional(), attachments: attachments.optional() }).strict(),
  'proof.collection': z.object({ collectionId: id }).strict(),
  /**
   * Applies findings by id (from proof.document on the same text), or every fix-severity one
   * with `all: "fix"`. With editorState the result is a new editor state and nothing is saved.
   */
  'proof.apply': z
    .object({
      id,
      findingIds: z.array(z.string().min(1).max(200)).max(100_000).optional(),
      all: z.enum(['fix']).optional(),
      editorState: editorState.optional(),
      attachments: attachments.optional(),
    })
    .strict()
    .refine((v) => Boolean(v.findingIds) !== Boolean(v.all), '请给出要应用的修改（findingIds）或 all: "fix" 中的一项'),
  /** A decision on sensitive data: mask it (the masked form replaces it) or keep it, with a reason. */
  'proof.decide': z
    .object({
      id,
      rule: z.string().min(1).max(64),
      text: z.string().min(1).max(200),
      action: z.enum(['mask', 'keep']),
      reason: z.string().max(500).default(''),
      editorState: editorState.optional(),
      attachments: attachments.optional(),
    })
    .strict()
    .refine((v) => v.action === 'mask' || v.reason.trim().length > 0, '保留敏感信息须写明理由（reason），例如“本人书面同意公开”'),
} as const;

export interface ProofApplyResult {
  applied: string[];
  skipped: string[];
  /** The changed editor state (and attachments) when one was given; otherwise the text was saved. */
  editorState?: Record<string, unknown>;
  attachments?: Array<{ title: string; editorState: Record<string, unknown> }>;
  revision?: number;
  /** Findings on the changed text. */
  report: ProofReport;
}

export interface ProofResults {
  'proof.document': ProofReport;
  'proof.collection': GateReport;
  'proof.apply': ProofApplyResult;
  'proof.decide': ProofApplyResult & { decision: ProofDecision };
}

/** What import.preview adds: per file and case, the fixes, proposals and sensitive findings. */
export type ImportProof = FileProof[];
