/**
 * The offline review package (.hbreview): the Yjs state of chosen cases with the collection
 * id and a checksum, gzip-compressed JSON. A reviewer opens it without a library, comments,
 * suggests and edits (casedoc.ts), saves it and sends it back; merging applies the
 * reviewer's Yjs updates to the editor's documents, so edits made meanwhile on either side
 * are both kept and anchors (relative positions) stay on their text.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { diffArrays } from 'diff';
import * as Y from 'yjs';
import type { CommentReply } from '../model/types.js';
import { blocksText } from '../model/text.js';
import { attribution, changesArray, metaMap, yDocToCase, type ChangeEntry } from './casedoc.js';

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
    cases: file.cases.map((c, i) => {
      // A package whose checksum holds can still carry a case a faulty tool wrote: named, not an internal error.
      const which = typeof c?.title === 'string' && c.title ? `「${c.title}」` : `第 ${i + 1} 个`;
      if (typeof c?.name !== 'string' || typeof c.state !== 'string') throw new ReviewPackageError(`审阅包已损坏：其中${which}案例缺少内容，整个审阅包未读取`);
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, new Uint8Array(Buffer.from(c.state, 'base64')));
      } catch {
        throw new ReviewPackageError(`审阅包已损坏：其中${which}案例的内容无法读取，整个审阅包未读取`);
      }
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

// ---------------------------------------------------------------------------------------
// preview before merging

export interface PreviewThread {
  id: string;
  author: string;
  text: string;
  /** The words it sits on after merging (as the reviewer saw them when they differ: `conflict`). */
  quote: string;
  suggestion: string | null;
  resolved: boolean;
  /** True for a thread the package brings; false for an existing one it replies to or resolves. */
  isNew: boolean;
  /** Replies the package brings. */
  replies: CommentReply[];
  /** The package changes its resolved state. */
  resolvedChanged: boolean;
}

/** One changed passage of the body, current text → text after merging (a paragraph per line). */
export interface PreviewEdit {
  before: string;
  after: string;
}

export interface ReviewConflict {
  kind: 'text' | 'anchor-changed' | 'anchor-deleted' | 'meta';
  /** Chinese, for the editor: what both sides changed and what the merge keeps. */
  message: string;
}

export interface ReviewCasePreview {
  name: string;
  title: string;
  threads: PreviewThread[];
  edits: PreviewEdit[];
  meta: Array<{ field: string; before: unknown; after: unknown }>;
  conflicts: ReviewConflict[];
  /** Change-list entries the package brings. */
  changes: ChangeEntry[];
  /** Characters of the body each person wrote that the current document does not have. */
  wrote: Record<string, number>;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

const META_LABELS: Record<string, string> = { title: '标题', subtitle: '副标题', region: '地区', category: '业务领域', unit: '创新单位', award: '奖项', year: '年度', status: '状态' };
const shown = (v: unknown): string => (v === null || v === undefined || v === '' ? '空' : typeof v === 'string' ? v : JSON.stringify(v));

const lines = (blocks: Parameters<typeof blocksText>[0]): string[] => blocksText(blocks).split('\n');
const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * What merging one case of a package into `current` would do, without touching `current`:
 * the threads, replies and resolutions it brings, the body passages it changes (current text
 * against the merged text), metadata it changes, and the conflicts — passages and metadata
 * both sides changed, and comments whose words were edited or deleted meanwhile. The merge
 * keeps both sides' edits (Yjs), so a conflict is something to read, not a loss.
 */
export function previewReviewCase(pkgDoc: Y.Doc, current: Y.Doc, name: string): ReviewCasePreview {
  const before = copyOf(current);
  const merged = copyOf(current);
  const vector = Y.encodeStateVector(before);
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(pkgDoc, vector));
  const now = yDocToCase(before);
  const after = yDocToCase(merged);
  const theirs = yDocToCase(pkgDoc);
  const conflicts: ReviewConflict[] = [];

  // Body: passages that change, and of those the ones the editor changed too since the export
  // (the merged passage is then neither the editor's nor the reviewer's).
  const edits: PreviewEdit[] = [];
  const reviewerLines = new Set(lines(theirs.document.body));
  const parts = diffArrays(lines(now.document.body), lines(after.document.body));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) continue;
    const removed = part.removed ? part.value : [];
    const next = part.removed ? parts[i + 1] : undefined;
    const added = part.added ? part.value : next?.added ? next.value : [];
    if (next?.added) i++;
    const edit = { before: removed.join('\n'), after: added.join('\n') };
    edits.push(edit);
    if (removed.length && added.some((l) => !reviewerLines.has(l))) {
      conflicts.push({ kind: 'text', message: `双方都改动了「${short(edit.before)}」：合并后两边的改动都保留，请核对这一段。` });
    }
  }

  // Metadata: a field each side wrote since the export is a conflict (a map keeps one value:
  // the merge adopts one of them), named with the value kept and the one not adopted.
  const meta: ReviewCasePreview['meta'] = [];
  const nowMeta = now.document.meta as unknown as Record<string, unknown>;
  const afterMeta = after.document.meta as unknown as Record<string, unknown>;
  const theirMeta = theirs.document.meta as unknown as Record<string, unknown>;
  const currentVector = Y.decodeStateVector(vector);
  const packageVector = Y.decodeStateVector(Y.encodeStateVector(pkgDoc));
  const wroteField = (doc: Y.Doc, field: string, other: Map<number, number>): boolean => {
    // Y.Map keeps each key's live item in _map: its id says who wrote the value, and when.
    const item = (metaMap(doc) as unknown as { _map: Map<string, { id: Y.ID }> })._map.get(field);
    return Boolean(item) && item!.id.clock >= (other.get(item!.id.client) ?? 0);
  };
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const field of new Set([...Object.keys(nowMeta), ...Object.keys(afterMeta), ...Object.keys(theirMeta)])) {
    if (!same(nowMeta[field], afterMeta[field])) meta.push({ field, before: nowMeta[field] ?? null, after: afterMeta[field] ?? null });
    if (!wroteField(pkgDoc, field, currentVector) || !wroteField(current, field, packageVector) || same(nowMeta[field], theirMeta[field])) continue;
    const label = META_LABELS[field] ?? field;
    const kept = same(afterMeta[field], theirMeta[field]) ? { value: theirMeta[field], who: '审阅人的', lost: nowMeta[field], whose: '编辑的' } : { value: nowMeta[field], who: '编辑的', lost: theirMeta[field], whose: '审阅人的' };
    conflicts.push({ kind: 'meta', message: `「${label}」双方都改了：合并后采用${kept.who}「${shown(kept.value)}」，${kept.whose}「${shown(kept.lost)}」未采用。` });
  }

  const threads: PreviewThread[] = [];
  for (const t of after.threads) {
    const was = now.threads.find((x) => x.id === t.id);
    const seen = new Set(was?.replies.map((r) => r.id) ?? []);
    const replies = t.replies.filter((r) => !seen.has(r.id));
    const resolvedChanged = Boolean(was) && was!.resolved !== t.resolved;
    if (was && !replies.length && !resolvedChanged) continue;
    const reviewerSaw = theirs.threads.find((x) => x.id === t.id);
    threads.push({ id: t.id, author: t.author, text: t.text, quote: t.quote, suggestion: t.suggestion ?? null, resolved: t.resolved, isNew: !was, replies, resolvedChanged });
    if (!reviewerSaw || was) continue;
    if (t.detached && !reviewerSaw.detached) {
      conflicts.push({ kind: 'anchor-deleted', message: `${t.author}的意见所指的「${short(reviewerSaw.quote)}」已被删除：意见保留，标为原文已删除。` });
    } else if (!t.detached && !reviewerSaw.detached && t.quote !== reviewerSaw.quote) {
      conflicts.push({ kind: 'anchor-changed', message: `${t.author}的意见所指的「${short(reviewerSaw.quote)}」已改为「${short(t.quote)}」${t.suggestion ? '，修改建议针对的是原来的文字' : ''}。` });
    }
  }

  const known = new Set(changesArray(before).toArray().map((e) => JSON.stringify(e)));
  const changes = changesArray(merged)
    .toArray()
    .filter((e) => !known.has(JSON.stringify(e)));
  const wrote = Object.fromEntries(attribution(merged, vector));
  before.destroy();
  merged.destroy();
  return { name, title: String(metaMap(current).get('title') ?? '') || after.document.meta.title, threads, edits, meta, conflicts, changes, wrote };
}
