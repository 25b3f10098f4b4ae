/**
 * One list of a case's 批注 in document order: the library's threads (anchored by comment marks
 * on the text) and, in a shared case, the team document's (anchored by Yjs positions). Sharing
 * copies the library's threads into the team document and a pull copies them back, under the
 * same ids: such a thread is listed once, as the team's, whose copy is the live one.
 */
import type { CommentReply, CommentThread } from '../../../electron/core/model/types.js';
import type { TeamThreadView } from '../editor/teamThreadStore.js';

/** Where a thread lives: this library only (本机), or the team document every editor sees (协作). */
export type ThreadHome = 'library' | 'team';

export const HOME_LABEL: Record<ThreadHome, string> = { library: '本机', team: '协作' };

export interface PanelThread {
  id: string;
  home: ThreadHome;
  /** A team thread the library holds a copy of: a reply or 解决 goes to both. */
  inLibrary: boolean;
  /** The words commented on, as they were. */
  quote: string;
  /** The words the anchor covers now, where that differs ('' once deleted). */
  current?: string;
  author: string;
  text: string;
  suggestion: string | null;
  createdAt: string;
  resolved: boolean;
  replies: CommentReply[];
  /** Its words are no longer in the text (kept, labelled 原文已删除). */
  orphaned: boolean;
  /** Characters of text before its anchor; null when it has no place (listed last). */
  offset: number | null;
}

export function mergeThreads(
  library: readonly CommentThread[],
  libraryOffsets: ReadonlyMap<string, number>,
  orphaned: ReadonlySet<string>,
  team: readonly TeamThreadView[],
): PanelThread[] {
  const libraryIds = new Set(library.map((t) => t.id));
  const teamIds = new Set(team.map((t) => t.id));
  const out: PanelThread[] = [];
  for (const t of team) {
    const moved = t.live !== undefined && t.live !== '' && t.live !== t.quote;
    out.push({
      id: t.id,
      home: 'team',
      inLibrary: libraryIds.has(t.id),
      quote: t.quote,
      ...(moved || t.live === '' ? { current: t.live } : {}),
      author: t.author,
      text: t.text,
      suggestion: t.suggestion,
      createdAt: t.createdAt,
      resolved: t.resolved,
      replies: t.replies,
      orphaned: t.live === '',
      offset: t.offset,
    });
  }
  for (const t of library) {
    if (teamIds.has(t.id)) continue;
    out.push({
      id: t.id,
      home: 'library',
      inLibrary: true,
      quote: t.quote,
      author: t.author,
      text: t.text,
      suggestion: null,
      createdAt: t.createdAt,
      resolved: t.resolved,
      replies: t.replies,
      orphaned: orphaned.has(t.id),
      offset: orphaned.has(t.id) ? null : (libraryOffsets.get(t.id) ?? null),
    });
  }
  return sortByAnchor(out);
}

/** Document order; threads without a place after the others, oldest first. */
export function sortByAnchor<T extends { offset: number | null; createdAt: string }>(threads: T[]): T[] {
  return [...threads].sort((a, b) => {
    if (a.offset !== null && b.offset !== null && a.offset !== b.offset) return a.offset - b.offset;
    if ((a.offset === null) !== (b.offset === null)) return a.offset === null ? 1 : -1;
    return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
  });
}

/** The 本机/协作 tags matter only where both kinds can be met: a shared case with threads of this library only. */
export function showHomes(threads: readonly PanelThread[], shared: boolean): boolean {
  return shared && threads.some((t) => t.home === 'library');
}

/**
 * Where a library thread's words stand in a shared case's text (characters before them), or null.
 * A shared case's text is the team document, which carries no comment marks: the threads the
 * library alone holds (a reviewed DOCX, a thread made before sharing was set up on this machine)
 * can only be found there by their words. Whitespace is ignored, as a quote across paragraphs
 * has a line break that the text between paragraphs does not.
 */
export function quoteOffset(text: string, quote: string): number | null {
  if (!quote.trim()) return null;
  const at = text.indexOf(quote);
  if (at >= 0) return at;
  const bare = quote.replace(/\s+/g, '');
  if (!bare) return null;
  const found = text.indexOf(bare);
  return found >= 0 ? found : null;
}
