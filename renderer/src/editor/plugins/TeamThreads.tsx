/**
 * The team document's comment threads in a shared case: each thread's anchor is a pair of
 * Yjs relative positions (core/team/casedoc.ts), resolved here against the live document to
 * the editor's DOM and underlined with the CSS Custom Highlight API (no marks are written
 * into the shared text), and handed to the 批注 panel (teamThreadStore.ts), which lists them
 * with the library's own threads in document order. Replies and 解决/重新打开 are written into
 * the live document (renderer/src/api/threads.ts), so every editor of the case sees them at once.
 *
 * The threads' layout in the document is model/teamDoc.ts, the same module the team server's
 * casedoc.ts writes through; e2e/team.test.ts reads what this file writes back through
 * casedoc's yDocToCase.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useEffect, type JSX } from 'react';
import {
  commentsArray,
  pushThread,
  readThreadMap,
  replyThread,
  setThreadResolved,
  type TeamThreadFields,
  type ThreadAnchor,
} from '../../../../electron/core/model/teamDoc.js';
import * as Y from 'yjs';
import { clearTeamThreads, publishTeamThreads, type TeamThreadView } from '../teamThreadStore.js';

type Thread = TeamThreadFields & Partial<ThreadAnchor>;

const HIGHLIGHT = 'hb-team-comment';

interface CollabChild {
  _key: string;
  _text?: string;
}

/** A relative position → a DOM text point: @lexical/yjs's collab node holds the Lexical keys. */
function domPoint(editor: LexicalEditor, doc: Y.Doc, encoded: Uint8Array): { node: Node; offset: number } | null {
  const abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(encoded), doc);
  const collab = (abs?.type as unknown as { _collabNode?: { _children: CollabChild[] } } | undefined)?._collabNode;
  if (!abs || !collab) return null;
  let index = abs.index;
  for (const child of collab._children) {
    // In the parent's XmlText a text node is its property map (1) and then its characters.
    const size = typeof child._text === 'string' ? child._text.length + 1 : 1;
    if (typeof child._text === 'string' && index <= size && index >= 1) {
      const el = editor.getElementByKey(child._key);
      const text = el?.firstChild;
      if (!text) return null;
      return { node: text, offset: Math.min(index - 1, text.textContent?.length ?? 0) };
    }
    index -= size;
  }
  return null;
}

interface CollabTree {
  _key: string;
  _text?: string;
  _children?: CollabTree[];
  _xmlText?: Y.XmlText;
  _parent?: CollabTree;
  getOffset?: () => number;
}

/** The collab text node of a Lexical key, found from the root the binding hangs on the document. */
function collabText(doc: Y.Doc, key: string): CollabTree | null {
  const root = (doc.get('root', Y.XmlText) as unknown as { _collabNode?: CollabTree })._collabNode;
  const stack = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node._key === key && typeof node._text === 'string') return node;
    for (const child of node._children ?? []) stack.push(child);
  }
  return null;
}

/** A Lexical text point as an encoded Yjs relative position (as @lexical/yjs encodes cursors). */
function relativeAt(doc: Y.Doc, key: string, offset: number, assoc: number): Uint8Array | null {
  const node = collabText(doc, key);
  const parent = node?._parent?._xmlText;
  const start = node?.getOffset?.() ?? -1;
  if (!node || !parent || start < 0) return null;
  return Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(parent, start + 1 + offset, assoc));
}

export interface TeamAnchor {
  anchor: Uint8Array;
  head: Uint8Array;
  quote: string;
}

/** The editor's selection as a thread anchor in the team document; null when nothing is selected. */
export function teamAnchorForSelection(editor: LexicalEditor, doc: Y.Doc): TeamAnchor | null {
  return editor.getEditorState().read(() => {
    const sel = $getSelection();
    if (!$isRangeSelection(sel) || sel.isCollapsed()) return null;
    const [start, end] = sel.isBackward() ? [sel.focus, sel.anchor] : [sel.anchor, sel.focus];
    if (start.type !== 'text' || end.type !== 'text') return null;
    const anchor = relativeAt(doc, start.key, start.offset, 0);
    const head = relativeAt(doc, end.key, end.offset, -1);
    const quote = sel.getTextContent();
    return anchor && head && quote.trim() ? { anchor, head, quote } : null;
  });
}

/** A new thread in the team document, logged in its change list (the layout is model/teamDoc.ts). */
export function addTeamThread(doc: Y.Doc, target: TeamAnchor, id: string, author: string, text: string): void {
  pushThread(doc, { id, author, text, createdAt: new Date().toISOString(), resolved: false, quote: target.quote, suggestion: null, replies: [] }, target);
}

/** A reply under a team thread; false when the thread is gone. */
export const replyTeamThread = replyThread;

/** 解决 or 重新打开 a team thread. */
export const setTeamThreadResolved = setThreadResolved;

function readThreads(doc: Y.Doc): Thread[] {
  return commentsArray(doc)
    .toArray()
    .map((m) => readThreadMap(m));
}

/** Characters of the editor's text before a DOM point: the place of an anchor in document order. */
export function textOffset(root: Node, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const range = document.createRange();
  try {
    range.setStart(root, 0);
    range.setEnd(node, offset);
  } catch {
    return null;
  }
  return range.toString().length;
}

export interface TeamThreadsProps {
  doc: Y.Doc;
  /** The library's id of the case: the 批注 panel reads the threads under it (teamThreadStore.ts). */
  documentId: string;
}

/**
 * Underlines the open threads' words and publishes the threads, each with the words its anchor
 * covers now and its place in the text, for the 批注 panel, which lists them with the library's.
 */
export function TeamThreads({ doc, documentId }: TeamThreadsProps): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const comments = doc.getArray('comments');
    let ranges = new Map<string, Range>();
    const focus = (threadId: string): void => {
      const range = ranges.get(threadId);
      const el = range?.startContainer.parentElement;
      if (!range || !el) return;
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range.cloneRange());
    };
    const paint = (): void => {
      const all = readThreads(doc);
      const root = editor.getRootElement();
      const highlighted: Range[] = [];
      const placed = new Map<string, Range>();
      const views: TeamThreadView[] = all.map(({ anchor, head, ...fields }) => {
        const view: TeamThreadView = { ...fields, offset: null };
        if (!anchor || !head || !root) return view;
        const a = domPoint(editor, doc, anchor);
        const b = domPoint(editor, doc, head);
        if (!a || !b) return view;
        const range = document.createRange();
        try {
          range.setStart(a.node, a.offset);
          range.setEnd(b.node, b.offset);
        } catch {
          return view;
        }
        placed.set(fields.id, range);
        view.live = range.toString();
        view.offset = textOffset(root, a.node, a.offset);
        if (!range.collapsed && !fields.resolved) highlighted.push(range);
        return view;
      });
      ranges = placed;
      publishTeamThreads(documentId, views, focus);
      const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
      const HighlightCtor = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
      if (registry && HighlightCtor) registry.set(HIGHLIGHT, new HighlightCtor(...highlighted));
    };
    paint();
    comments.observeDeep(paint);
    // Text edits move the DOM under the anchors: repaint after the editor has rendered them.
    const off = editor.registerUpdateListener(() => paint());
    return () => {
      comments.unobserveDeep(paint);
      off();
      clearTeamThreads(documentId);
      (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights?.delete(HIGHLIGHT);
    };
  }, [doc, editor, documentId]);
  return <style>{`::highlight(${HIGHLIGHT}) { background-color: rgba(255, 196, 0, 0.35); text-decoration: underline dotted #b9770e; }`}</style>;
}
