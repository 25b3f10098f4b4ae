/**
 * Reply, 解决 / 重新打开 and 删除 on a listed 批注, wherever it lives: a library thread through
 * the API table; a team thread into the live team document (so every editor of the case sees
 * it at once) and, where the library keeps a copy of it, into that copy too, so the DOCX export
 * and the review package read the same state. The panel calls these and knows no storage.
 */
import { api } from './client.js';
import { liveTeamDoc } from '../editor/plugins/CollabPlugin.js';
import { replyTeamThread, setTeamThreadResolved } from '../editor/plugins/TeamThreads.js';
import type { PanelThread } from '../components/threadList.js';
import { UserFacingError } from './errors.js';

function teamDoc(documentId: string, thread: PanelThread) {
  const doc = liveTeamDoc(documentId);
  if (!doc) throw new UserFacingError(`协作批注“${thread.quote.slice(0, 20)}”所在的团队文档还没有打开：请等案例与团队服务器同步后再试，您写的内容仍在输入框中。`);
  return doc;
}

export async function replyToThread(documentId: string, thread: PanelThread, text: string, author: string): Promise<void> {
  if (thread.home === 'team') {
    if (!replyTeamThread(teamDoc(documentId, thread), thread.id, author, text)) throw new UserFacingError(`协作批注“${thread.quote.slice(0, 20)}”已被他人删除，回复没有写入；您写的内容仍在输入框中。`);
    if (!thread.inLibrary) return;
  }
  await api('comments.reply', { threadId: thread.id, text, author });
}

export async function setThreadResolved(documentId: string, thread: PanelThread, resolved: boolean, by: string): Promise<void> {
  if (thread.home === 'team') {
    if (!setTeamThreadResolved(teamDoc(documentId, thread), thread.id, resolved, by)) throw new UserFacingError(`协作批注“${thread.quote.slice(0, 20)}”已被他人删除。`);
    if (!thread.inLibrary) return;
  }
  await api('comments.resolve', { threadId: thread.id, resolved });
}

/** Only a thread of this library alone can be deleted: a team thread belongs to every editor of the case. */
export function canDelete(thread: PanelThread): boolean {
  return thread.home === 'library';
}

export async function deleteThread(thread: PanelThread): Promise<void> {
  if (!canDelete(thread)) throw new UserFacingError('协作批注属于团队中每位编辑，不能在本机删除；可以将它标为“解决”。');
  await api('comments.delete', { threadId: thread.id });
}
