/**
 * The team document's comment threads in a shared case: each thread's anchor is a pair of
 * Yjs relative positions (core/team/casedoc.ts), resolved here against the live document to
 * the editor's DOM and underlined with the CSS Custom Highlight API (no marks are written
 * into the shared text), and listed under the editor with who said what. Replies and
 * 解决/重新打开 are written into the live document, so every editor of the case sees them at
 * once; resolved threads fold away behind 显示已解决.
 *
 * The threads' layout in the document is model/teamDoc.ts, the same module the team server's
 * casedoc.ts writes through; e2e/team.test.ts reads what this file writes back through
 * casedoc's yDocToCase.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useEffect, useState, type JSX } from 'react';
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

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export interface TeamThreadsProps {
  doc: Y.Doc;
  /** Who replies and resolves: the reviewer name (the same name as on the cursor). */
  author: string;
}

export function TeamThreads({ doc, author }: TeamThreadsProps): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [threads, setThreads] = useState<Thread[]>([]);
  // The words each anchor covers now ('' once they are deleted), when it could be placed in the page.
  const [live, setLive] = useState<ReadonlyMap<string, string>>(new Map());
  const [showResolved, setShowResolved] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  useEffect(() => {
    const comments = doc.getArray('comments');
    const paint = (): void => {
      const all = readThreads(doc);
      setThreads(all);
      const ranges: Range[] = [];
      const words = new Map<string, string>();
      for (const t of all) {
        if (!t.anchor || !t.head) continue;
        const a = domPoint(editor, doc, t.anchor);
        const b = domPoint(editor, doc, t.head);
        if (!a || !b) continue;
        const range = document.createRange();
        try {
          range.setStart(a.node, a.offset);
          range.setEnd(b.node, b.offset);
        } catch {
          continue;
        }
        words.set(t.id, range.toString());
        if (!range.collapsed && !t.resolved) ranges.push(range);
      }
      setLive(words);
      const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
      const HighlightCtor = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
      if (registry && HighlightCtor) registry.set(HIGHLIGHT, new HighlightCtor(...ranges));
    };
    paint();
    comments.observeDeep(paint);
    // Text edits move the DOM under the anchors: repaint after the editor has rendered them.
    const off = editor.registerUpdateListener(() => paint());
    return () => {
      comments.unobserveDeep(paint);
      off();
      (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights?.delete(HIGHLIGHT);
    };
  }, [doc, editor]);
  const resolvedCount = threads.filter((t) => t.resolved).length;
  const shown = threads.filter((t) => showResolved || !t.resolved);
  if (!threads.length) return null;
  const reply = (id: string): void => {
    const text = drafts[id]?.trim();
    if (!text) return;
    if (replyTeamThread(doc, id, author, text)) setDrafts((d) => ({ ...d, [id]: '' }));
  };
  return (
    <section className="team-threads" aria-label="团队审阅意见">
      <style>{`::highlight(${HIGHLIGHT}) { background-color: rgba(255, 196, 0, 0.35); text-decoration: underline dotted #b9770e; }`}</style>
      <header className="team-threads-head">
        <span>团队审阅意见（未解决 {threads.length - resolvedCount}）</span>
        {resolvedCount > 0 && (
          <label className="check">
            <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> 显示已解决（{resolvedCount}）
          </label>
        )}
      </header>
      {shown.map((t) => (
        <article key={t.id} className={`team-thread${t.resolved ? ' resolved' : ''}`} data-thread={t.id}>
          <div className="team-thread-text">
            <b>{t.author}</b>：「{live.get(t.id) || t.quote}」{t.text}
            {t.suggestion ? `（建议改为：${t.suggestion}）` : ''}
            {live.get(t.id) === '' ? <span className="muted">（原文已删除）</span> : live.has(t.id) && live.get(t.id) !== t.quote ? <span className="muted">（原为「{t.quote}」）</span> : null}
            {t.resolved && <span className="tag">已解决</span>}
          </div>
          {t.replies.map((r) => (
            <div key={r.id} className="team-reply">
              <b>{r.author}</b> <span className="muted">{when(r.createdAt)}</span>：{r.text}
            </div>
          ))}
          <form
            className="reply-form"
            onSubmit={(e) => {
              e.preventDefault();
              reply(t.id);
            }}
          >
            <input
              value={drafts[t.id] ?? ''}
              onChange={(e) => setDrafts((d) => ({ ...d, [t.id]: e.target.value }))}
              placeholder={`以 ${author} 的身份回复`}
              aria-label={`回复 ${t.author} 的意见`}
            />
            <button type="submit" disabled={!drafts[t.id]?.trim()}>回复</button>
            <button type="button" onClick={() => setTeamThreadResolved(doc, t.id, !t.resolved, author)}>{t.resolved ? '重新打开' : '解决'}</button>
          </form>
        </article>
      ))}
    </section>
  );
}
