/**
 * Lifecycle calls (issue 10) as the UI uses them: status changes with a reason, undoing a
 * deletion, the text of a saved revision for the diff.
 */
import { api } from './client.js';
import { blocksText } from '../../../electron/core/model/text.js';
import type { Block, CaseStatus } from '../../../electron/core/model/types.js';

export async function setStatus(ids: string | string[], status: string, reason?: string): Promise<void> {
  await api('documents.setStatus', { ids: Array.isArray(ids) ? ids : [ids], status: status as CaseStatus, ...(reason ? { reason } : {}) });
}

export async function restoreDeleted(ids: string | string[]): Promise<void> {
  await api('documents.restoreDeleted', { ids: Array.isArray(ids) ? ids : [ids] });
}

/** The plain text of one saved revision (paragraphs on lines), for the revisions diff. */
export async function revisionText(documentId: string, revisionId: number): Promise<string> {
  const r = await api('revisions.get', { documentId, revisionId });
  return documentText(r.body, r.attachments);
}

export function documentText(body: Block[], attachments?: Array<{ title: string; blocks: Block[] }> | null): string {
  const parts = [blocksText(body)];
  for (const a of attachments ?? []) parts.push(a.title, blocksText(a.blocks));
  return parts.join('\n');
}
