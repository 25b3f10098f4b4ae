/**
 * The offline review package (.hbreview): the Yjs state of chosen cases with the collection
 * id and a checksum, gzip-compressed JSON. A reviewer opens it without a library, comments,
 * suggests and edits (casedoc.ts), saves it and sends it back; merging applies the
 * reviewer's Yjs updates to the editor's documents, so edits made meanwhile on either side
 * are both kept and anchors (relative positions) stay on their text.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { attribution, changesArray, metaMap, type ChangeEntry } from './casedoc.js';

export const REVIEW_FORMAT = 'huibian-review';
export const REVIEW_EXTENSION = '.hbreview';

export interface ReviewCase {
  /** Team document name, `<collectionId>/<caseId>`. */
  name: string;
  doc: Y.Doc;
}

export interface ReviewPackage {
  collectionId: string;
  collectionTitle: string;
  createdAt: string;
  createdBy: string;
  cases: ReviewCase[];
}

interface PackageFile {
  format: typeof REVIEW_FORMAT;
  version: 1;
  collectionId: string;
  collectionTitle: string;
  createdAt: string;
  createdBy: string;
  cases: Array<{ name: string; title: string; state: string }>;
  checksum: string;
}

export class ReviewPackageError extends Error {}

function checksumOf(file: Omit<PackageFile, 'checksum'>): string {
  return createHash('sha256').update(JSON.stringify({ ...file, checksum: undefined })).digest('hex');
}

export function writeReviewPackage(pkg: ReviewPackage): Buffer {
  const body: Omit<PackageFile, 'checksum'> = {
    format: REVIEW_FORMAT,
    version: 1,
    collectionId: pkg.collectionId,
    collectionTitle: pkg.collectionTitle,
    createdAt: pkg.createdAt,
    createdBy: pkg.createdBy,
    cases: pkg.cases.map((c) => ({
      name: c.name,
      title: String(metaMap(c.doc).get('title') ?? ''),
      state: Buffer.from(Y.encodeStateAsUpdate(c.doc)).toString('base64'),
    })),
  };
  return gzipSync(Buffer.from(JSON.stringify({ ...body, checksum: checksumOf(body) }), 'utf8'));
}

/** Open a package on its own (no library needed); a damaged or altered file is refused. */
export function readReviewPackage(data: Buffer): ReviewPackage {
  let file: PackageFile;
  try {
    file = JSON.parse(gunzipSync(data).toString('utf8')) as PackageFile;
  } catch {
    throw new ReviewPackageError('不是有效的审阅包（.hbreview）文件');
  }
  if (file.format !== REVIEW_FORMAT || file.version !== 1 || !Array.isArray(file.cases)) {
    throw new ReviewPackageError('不是有效的审阅包（.hbreview）文件');
  }
  const { checksum, ...body } = file;
  if (checksum !== checksumOf(body)) throw new ReviewPackageError('审阅包校验失败：文件已损坏或被改动');
  return {
    collectionId: file.collectionId,
    collectionTitle: file.collectionTitle,
    createdAt: file.createdAt,
    createdBy: file.createdBy,
    cases: file.cases.map((c) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(Buffer.from(c.state, 'base64')));
      return { name: c.name, doc };
    }),
  };
}

export interface MergedCase {
  name: string;
  title: string;
  /** Change-list entries the package brought (who did what, when). */
  changes: ChangeEntry[];
  /** Characters of the body each person wrote that the target did not have before. */
  wrote: Record<string, number>;
}

/**
 * Merge a package into the editor's documents (`target` gives the document for a name, e.g.
 * a provider's doc connected to the team server); returns what arrived, per case.
 */
export function mergeReviewPackage(pkg: ReviewPackage, target: (name: string) => Y.Doc | null): MergedCase[] {
  const out: MergedCase[] = [];
  for (const c of pkg.cases) {
    const doc = target(c.name);
    if (!doc) throw new ReviewPackageError(`合集中找不到审阅包里的案例：${c.name}`);
    const before = Y.encodeStateVector(doc);
    const seen = new Set(changesArray(doc).toArray().map((e) => JSON.stringify(e)));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(c.doc, before), 'review-merge');
    const changes = changesArray(doc)
      .toArray()
      .filter((e) => !seen.has(JSON.stringify(e)));
    out.push({ name: c.name, title: String(metaMap(doc).get('title') ?? ''), changes, wrote: Object.fromEntries(attribution(doc, before)) });
  }
  return out;
}
