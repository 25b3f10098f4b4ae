/**
 * Lifecycle calls (issue 10): status changes with a reason, restoring a deleted document.
 * They go through the API table's lifecycle methods; a build of the core without them
 * (an older library server) falls back to what it has.
 */
import { api as typedApi, ApiCallError } from './client.js';
import { blocksText } from '../../../electron/core/model/text.js';
import type { HuibianDocument } from '../../../electron/core/model/types.js';

type Untyped = (method: string, input: unknown) => Promise<unknown>;
const call = typedApi as unknown as Untyped;

function missingMethod(e: unknown): boolean {
  return e instanceof ApiCallError && e.code === 'not-found' && /unknown API method|未知的 API 方法/.test(e.message);
}

export async function setStatus(id: string, status: string, reason?: string): Promise<void> {
  try {
    await call('documents.setStatus', { id, status, ...(reason ? { reason } : {}) });
  } catch (e) {
    if (!missingMethod(e)) throw e;
    await call('documents.save', { id, meta: { status } });
  }
}

export async function restoreDeleted(id: string): Promise<void> {
  await call('documents.restore', { id });
}

/** The plain text of one saved revision (paragraphs on lines), for the revisions diff. */
export async function revisionText(documentId: string, revisionId: number): Promise<string> {
  const p = (await call('revisions.get', { documentId, revisionId })) as { document: HuibianDocument };
  return documentText(p.document);
}

export function documentText(doc: HuibianDocument): string {
  const parts = [blocksText(doc.body)];
  if (doc.kind === 'notice') for (const a of doc.attachments ?? []) parts.push(a.title, blocksText(a.blocks));
  return parts.join('\n');
}
