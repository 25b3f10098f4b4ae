/**
 * The team document's comment threads in a shared case: each thread's anchor is a pair of
 * Yjs relative positions (core/team/casedoc.ts), resolved here against the live document to
 * the editor's DOM and underlined with the CSS Custom Highlight API (no marks are written
 * into the shared text), and listed under the editor with who said what.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useEffect, useState, type JSX } from 'react';
import * as Y from 'yjs';

interface Thread {
  id: string;
  author: string;
  text: string;
  quote: string;
  suggestion: string | null;
  resolved: boolean;
  anchor?: Uint8Array;
  head?: Uint8Array;
}

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

/** A new thread in the team document (the layout of core/team/casedoc.ts), logged in its change list. */
export function addTeamThread(doc: Y.Doc, target: TeamAnchor, id: string, author: string, text: string): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('author', author);
    map.set('text', text);
    map.set('createdAt', new Date().toISOString());
    map.set('resolved', false);
    map.set('quote', target.quote);
    map.set('anchor', target.anchor);
    map.set('head', target.head);
    map.set('replies', new Y.Array());
    doc.getArray<Y.Map<unknown>>('comments').push([map]);
    doc.getMap<string>('people').set(String(doc.clientID), author);
    doc.getArray('changes').push([{ by: author, at: new Date().toISOString(), what: 'comment', detail: `「${target.quote}」${text}` }]);
  });
}

function readThreads(doc: Y.Doc): Thread[] {
  return doc
    .getArray<Y.Map<unknown>>('comments')
    .toArray()
    .map((m) => ({
      id: String(m.get('id')),
      author: String(m.get('author') ?? ''),
      text: String(m.get('text') ?? ''),
      quote: String(m.get('quote') ?? ''),
      suggestion: (m.get('suggestion') as string | undefined) ?? null,
      resolved: m.get('resolved') === true,
      anchor: m.get('anchor') as Uint8Array | undefined,
      head: m.get('head') as Uint8Array | undefined,
    }));
}

export function TeamThreads({ doc }: { doc: Y.Doc }): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [threads, setThreads] = useState<Thread[]>([]);
  useEffect(() => {
    const comments = doc.getArray('comments');
    const paint = (): void => {
      const all = readThreads(doc);
      setThreads(all);
      const ranges: Range[] = [];
      for (const t of all) {
        if (t.resolved || !t.anchor || !t.head) continue;
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
        if (!range.collapsed) ranges.push(range);
      }
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
  const open = threads.filter((t) => !t.resolved);
  if (!open.length) return null;
  return (
    <div className="team-threads" aria-label="团队审阅意见">
      <style>{`::highlight(${HIGHLIGHT}) { background-color: rgba(255, 196, 0, 0.35); text-decoration: underline dotted #b9770e; }`}</style>
      {open.map((t) => (
        <div key={t.id} className="team-thread" data-thread={t.id}>
          <b>{t.author}</b>：「{t.quote}」{t.text}
          {t.suggestion ? `（建议改为：${t.suggestion}）` : ''}
        </div>
      ))}
    </div>
  );
}
