/**
 * The offline review package (.hbreview) in the API table: read one and show what merging it
 * would do, then merge it into the library's shared cases (and the team server when it is
 * reachable). Spread into apiInputs / ApiResults in schema.ts.
 */
import path from 'node:path';
import { z } from 'zod';
import type { ChangeEntry } from '../team/casedoc.js';
import type { ReviewCasePreview } from '../team/review.js';

/** A .hbreview by path (the desktop shell, a dropped file) or by its bytes (a browser's file input). */
const ReviewPackFile = z
  .object({
    name: z.string().min(1).max(255),
    path: z.string().max(4096).refine((p) => path.isAbsolute(p), '请给出审阅包的完整路径（绝对路径）').optional(),
    /** base64 of the file's bytes */
    data: z.string().max(200_000_000).optional(),
  })
  .strict()
  .refine((f) => Boolean(f.path) !== Boolean(f.data), '审阅包须给出路径（path）或内容（data）中的一项，且只能一项');

export const reviewPackInputs = {
  /** What merging would bring, per case, against the current text; writes nothing. */
  'reviewPack.preview': z.object({ file: ReviewPackFile }).strict(),
  /**
   * Merge: the reviewer's Yjs updates into each case's team document (on the server when it
   * is reachable, always into the library's replica), the library rows following. Refused
   * as a whole, before anything is written, when a case is missing here or locked (定稿/已报送).
   */
  'reviewPack.merge': z.object({ file: ReviewPackFile }).strict(),
} as const;

export interface ReviewPackCase extends ReviewCasePreview {
  /** The library document the case merges into; null when this library does not have it. */
  documentId: string | null;
  /** 定稿/已报送 here: the merge is refused until it is reopened. */
  locked: boolean;
}

export interface ReviewPackPreview {
  fileName: string;
  collectionId: string;
  collectionTitle: string;
  createdBy: string;
  createdAt: string;
  /** Where the current text came from: the team server, or this library's replica (server not set or not reachable). */
  against: 'server' | 'local';
  /** Why the server was not used, when it was not. */
  serverNote?: string;
  cases: ReviewPackCase[];
}

export interface ReviewPackMerged {
  fileName: string;
  collectionTitle: string;
  /** Merged into the team server's documents too (others see it live), or only into this library. */
  into: 'server' | 'local';
  serverNote?: string;
  cases: Array<{ documentId: string; name: string; title: string; changes: ChangeEntry[]; wrote: Record<string, number>; threadsAdded: number }>;
}

export interface ReviewPackResults {
  'reviewPack.preview': ReviewPackPreview;
  'reviewPack.merge': ReviewPackMerged;
}
