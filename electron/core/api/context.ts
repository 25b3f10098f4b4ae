/**
 * What every API handler runs against: the open library, the data folder, which transport
 * carried the call, the import previews waiting for a commit, and running export jobs.
 */
import type { Library } from '../store/index.js';
import type { ImportedFile, ImportError, ReviewImport } from '../model/imported.js';
import type { FileProof, FixedFile } from '../proof/index.js';
import { MAX_IMPORT_BYTES, type JobStatus } from './schema.js';

export interface PendingPreview {
  files: ImportedFile[];
  reviews: Array<{ file: string; review: ReviewImport }>;
  /** Per file, its text after the proofing fixes the preview showed: commit stores it as is. */
  fixed?: FixedFile[];
  /** What the preview showed beside the files (import.revise returns the preview again). */
  errors?: ImportError[];
  proofs?: FileProof[];
  expires: number;
}

/** Previews live until committed or for this long: long enough to review a batch, short enough not to hoard memory. */
export const PREVIEW_TTL_MS = 30 * 60 * 1000;
export const MAX_PREVIEWS = 20;

export class PreviewCache {
  private readonly entries = new Map<string, PendingPreview>();

  constructor(private readonly ttlMs = PREVIEW_TTL_MS) {}

  put(id: string, files: ImportedFile[], reviews: PendingPreview['reviews'], fixed?: FixedFile[], shown?: Pick<PendingPreview, 'errors' | 'proofs'>): void {
    this.sweep();
    while (this.entries.size >= MAX_PREVIEWS) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    this.entries.set(id, { files, reviews, ...(fixed ? { fixed } : {}), ...shown, expires: Date.now() + this.ttlMs });
  }

  /** The preview, left in place for a commit (its time starts again: the editor is at work on it). */
  peek(id: string): PendingPreview | null {
    this.sweep();
    const entry = this.entries.get(id) ?? null;
    if (entry) entry.expires = Date.now() + this.ttlMs;
    return entry;
  }

  take(id: string): PendingPreview | null {
    this.sweep();
    const entry = this.entries.get(id) ?? null;
    this.entries.delete(id);
    return entry;
  }

  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  private sweep(): void {
    const t = Date.now();
    for (const [id, entry] of this.entries) if (entry.expires <= t) this.entries.delete(id);
  }
}

export interface ApiContext {
  store: Library;
  dataDir: string;
  transport: 'ipc' | 'http' | 'cli';
  previews: PreviewCache;
  jobs: Map<string, JobStatus>;
  /** Largest file import.preview accepts, in bytes. */
  maxImportBytes: number;
}

export const DEFAULT_MAX_IMPORT_BYTES = MAX_IMPORT_BYTES;
