/**
 * The 批注 tab of an open case: the library's threads and the live team document's, merged in
 * document order (threadList.ts) and listed by CommentsPanel; replies and 解决 go where each
 * thread lives (api/threads.ts). Its own component, so a team thread moving as text is typed
 * re-renders the list and not the whole document view.
 */
import { useEffect, useMemo, useState, type JSX } from 'react';
import { $getRoot, $isElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { $isMarkNode } from '@lexical/mark';
import type { CommentThread } from '../../../electron/core/model/types.js';
import { focusTeamThread, useTeamThreads } from '../editor/teamThreadStore.js';
import { textOffset } from '../editor/plugins/TeamThreads.js';
import { canDelete, deleteThread, replyToThread, setThreadResolved } from '../api/threads.js';
import { CommentsPanel } from './CommentsPanel.js';
import { mergeThreads, quoteOffset, showHomes, type PanelThread } from './threadList.js';

export interface ThreadsTabProps {
  documentId: string;
  library: CommentThread[];
  orphaned: ReadonlySet<string>;
  editor: LexicalEditor | null;
  shared: boolean;
  reviewerName: string | null;
  /** Reads the library's threads again after a change. */
  reload: () => Promise<unknown>;
  /** Scrolls to a library thread's marks. */
  focusLibrary: (threadId: string) => void;
  /** A thread of the library was deleted: its marks go too. */
  onDeleted: (threadId: string) => void;
  onChanged: () => void;
  onError?: (error: unknown, context?: { action: string; subject?: string }) => void;
}

/**
 * Where each library thread's first mark starts in the editor's text; in a shared case, whose
 * text carries no marks, where its words stand (threadList.quoteOffset).
 */
function markOffsets(editor: LexicalEditor, library: readonly CommentThread[], shared: boolean): Map<string, number> {
  const out = new Map<string, number>();
  const root = editor.getRootElement();
  if (!root) return out;
  if (shared) {
    const text = root.textContent ?? '';
    for (const t of library) {
      const at = quoteOffset(text, t.quote);
      if (at !== null) out.set(t.id, at);
    }
    return out;
  }
  editor.getEditorState().read(() => {
    const visit = (node: LexicalNode): void => {
      if ($isMarkNode(node)) {
        const el = editor.getElementByKey(node.getKey());
        const at = el ? textOffset(root, el, 0) : null;
        if (at !== null) for (const id of node.getIDs()) if (!out.has(id)) out.set(id, at);
      }
      if ($isElementNode(node)) node.getChildren().forEach(visit);
    };
    visit($getRoot());
  });
  return out;
}

const sameOffsets = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

export function ThreadsTab(props: ThreadsTabProps): JSX.Element {
  const team = useTeamThreads(props.documentId);
  const [offsets, setOffsets] = useState<ReadonlyMap<string, number>>(new Map());
  const { editor } = props;
  useEffect(() => {
    if (!editor) return;
    const read = () => setOffsets((old) => {
      const next = markOffsets(editor, props.library, props.shared);
      return sameOffsets(old, next) ? old : next;
    });
    read();
    return editor.registerUpdateListener(read);
  }, [editor, props.library, props.shared]);
  const threads = useMemo(() => mergeThreads(props.library, offsets, props.orphaned, team), [props.library, offsets, props.orphaned, team]);
  const author = props.reviewerName ?? '审阅人';
  const after = async (t: PanelThread) => {
    if (t.inLibrary) await props.reload();
    props.onChanged();
  };
  return (
    <CommentsPanel
      threads={threads}
      showHomes={showHomes(threads, props.shared)}
      reviewerName={props.reviewerName}
      onFocus={(t) => (t.home === 'team' ? focusTeamThread(props.documentId, t.id) : props.focusLibrary(t.id))}
      onReply={async (t, text) => {
        await replyToThread(props.documentId, t, text, author);
        await after(t);
      }}
      onResolve={async (t, resolved) => {
        await setThreadResolved(props.documentId, t, resolved, author);
        await after(t);
      }}
      canDelete={canDelete}
      onDelete={async (t) => {
        await deleteThread(t);
        props.onDeleted(t.id);
        await after(t);
      }}
      onError={props.onError}
    />
  );
}
