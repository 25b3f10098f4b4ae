/**
 * One case as one Yjs document, and its conversion to and from the model:
 *
 *   'root'     Y.XmlText   the body, through @lexical/yjs (see body.ts)
 *   'meta'     Y.Map       kind, id and every CaseMeta field (JSON values)
 *   'comments' Y.Array     one Y.Map per thread; its anchor is a pair of Yjs relative
 *                          positions in the body, so concurrent edits never move it off its text
 *   'people'   Y.Map       Yjs clientID -> user name: who wrote which characters
 *   'changes'  Y.Array     the change list: { by, at, what, detail }
 *
 * The layout outside the body (meta, comments, people, changes) is model/teamDoc.ts, shared with
 * the renderer's editor. The model JSON stays the derived form: search and the writers read
 * `yDocToCase`.
 */
import { $getAnchorAndFocusForUserState, type Binding, type UserState } from '@lexical/yjs';
import { $wrapSelectionInMarkNode } from '@lexical/mark';
import { $createRangeSelection, $getRoot, type TextNode } from 'lexical';
import * as Y from 'yjs';
import { blocksToLexical, lexicalToBlocks, type SerializedNodeJSON, type SerializedEditorStateJSON } from '../model/lexical.js';
import type { CaseDocument, CaseMeta, CommentThread } from '../model/types.js';
import { bodyBlocks, editBody, readBody, setBodyState } from './body.js';
import {
  changesArray,
  commentsArray,
  logChange,
  metaMap,
  pushThread,
  readThreadMap,
  replyThread,
  setThreadResolved,
  signIn,
  threadMap,
  type ChangeEntry,
} from '../model/teamDoc.js';

export interface TeamThread extends CommentThread {
  /** A reviewer's proposed wording for the anchored text, when the thread is a suggestion. */
  suggestion?: string | null;
  /** True when the anchored text has been deleted since. */
  detached?: boolean;
}

export type { ChangeEntry };
export { changesArray, commentsArray, logChange, metaMap, signIn };

export function setMeta(doc: Y.Doc, meta: Partial<CaseMeta>): void {
  const map = metaMap(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(meta)) {
      if (value === undefined) map.delete(key);
      else if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
    }
  });
}

// ---------------------------------------------------------------------------------------
// anchors

/** Text nodes of a serialized Lexical tree in document order, with the mark ids above each. */
function jsonTextRuns(node: SerializedNodeJSON, ids: string[], out: Array<{ length: number; ids: string[] }>): void {
  if (node.type === 'text' && typeof node.text === 'string') out.push({ length: node.text.length, ids });
  const here = node.type === 'mark' && Array.isArray(node.ids) ? [...ids, ...(node.ids as string[])] : ids;
  for (const child of node.children ?? []) jsonTextRuns(child, here, out);
}

/** The same tree with every mark node replaced by its children. */
function withoutMarks(node: SerializedNodeJSON): SerializedNodeJSON {
  if (!node.children) return node;
  const children: SerializedNodeJSON[] = [];
  for (const child of node.children) {
    const clean = withoutMarks(child);
    if (clean.type === 'mark') children.push(...(clean.children ?? []));
    else children.push(clean);
  }
  return { ...node, children };
}

/** Global text offset -> a point in one of the editor's text nodes. */
function pointAt(nodes: TextNode[], offset: number, preferEnd: boolean): { node: TextNode; offset: number } | null {
  let at = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const size = node.getTextContentSize();
    const inside = preferEnd ? offset <= at + size : offset < at + size;
    if (inside && offset >= at) return { node, offset: offset - at };
    at += size;
  }
  const last = nodes[nodes.length - 1];
  return last && offset === at ? { node: last, offset: last.getTextContentSize() } : null;
}

/** A Yjs relative position for a point in a text node (as @lexical/yjs encodes cursors). */
function relativeAt(binding: Binding, key: string, offset: number, assoc: number): Uint8Array | null {
  const collab = binding.collabNodeMap.get(key);
  if (!collab || !('_text' in collab)) return null;
  const start = collab.getOffset();
  if (start < 0) return null;
  const rel = Y.createRelativePositionFromTypeIndex(collab._parent._xmlText, start + 1 + offset, assoc);
  return Y.encodeRelativePosition(rel);
}

/** Anchor [start, end) of the body's flat text: start sticks to its character, end to the one before. */
function anchorRange(binding: Binding, start: number, end: number): { anchor: Uint8Array; head: Uint8Array } | null {
  const nodes = $getRoot().getAllTextNodes();
  const a = pointAt(nodes, start, false);
  const b = pointAt(nodes, end, true);
  if (!a || !b) return null;
  const anchor = relativeAt(binding, a.node.getKey(), a.offset, 0);
  const head = relativeAt(binding, b.node.getKey(), b.offset, -1);
  return anchor && head ? { anchor, head } : null;
}

// ---------------------------------------------------------------------------------------
// model -> Yjs

/** Fill an empty document with a case from the model; its comment marks become thread anchors. */
export function fillFromCase(doc: Y.Doc, kase: CaseDocument, threads: readonly CommentThread[], by: string): void {
  signIn(doc, by);
  const json = blocksToLexical(kase.body);
  const runs: Array<{ length: number; ids: string[] }> = [];
  jsonTextRuns(json.root, [], runs);
  const ranges = new Map<string, { start: number; end: number }>();
  let at = 0;
  for (const run of runs) {
    for (const id of run.ids) {
      const r = ranges.get(id);
      if (r) r.end = at + run.length;
      else ranges.set(id, { start: at, end: at + run.length });
    }
    at += run.length;
  }
  doc.transact(() => {
    metaMap(doc).set('kind', 'case');
    metaMap(doc).set('id', kase.id);
    setMeta(doc, kase.meta);
  });
  // Not inside a transaction of ours: a remote update makes the whole transaction remote,
  // and Yjs would then renew this document's clientID.
  signIn(doc, by, setBodyState(doc, { root: withoutMarks(json.root) } as SerializedEditorStateJSON));
  readBody(doc, ({ editor, binding }) => {
    editor.read(() => {
      const maps = threads.map((t) => {
        const r = ranges.get(t.id);
        return threadMap(t, r ? anchorRange(binding, r.start, r.end) : null);
      });
      if (maps.length) commentsArray(doc).push(maps);
    });
  });
  logChange(doc, { by, what: 'share', detail: kase.meta.title });
}

export function caseToYDoc(kase: CaseDocument, threads: readonly CommentThread[], by: string): Y.Doc {
  const doc = new Y.Doc();
  fillFromCase(doc, kase, threads, by);
  return doc;
}

// ---------------------------------------------------------------------------------------
// Yjs -> model

function readThread(map: Y.Map<unknown>, documentId: string): TeamThread & { anchor?: Uint8Array; head?: Uint8Array } {
  return { ...readThreadMap(map), documentId };
}

/** The case in the model, its comment anchors as mark ids on the runs, and its threads. */
export function yDocToCase(doc: Y.Doc): { document: CaseDocument; threads: TeamThread[] } {
  const meta = metaMap(doc).toJSON() as Record<string, unknown>;
  const id = String(meta.id ?? '');
  const { kind: _kind, id: _id, ...rest } = meta;
  const raw = commentsArray(doc).toArray().map((m) => readThread(m, id));
  const threads: TeamThread[] = [];
  const body = readBody(doc, ({ editor, binding }) => {
    editor.update(
      () => {
        // Every anchor to a flat text offset first: wrapping one range in marks splits text
        // nodes, after which the binding's map no longer matches the editor's nodes.
        const nodes = $getRoot().getAllTextNodes();
        const starts = new Map<string, number>();
        let at = 0;
        for (const n of nodes) {
          starts.set(n.getKey(), at);
          at += n.getTextContentSize();
        }
        const flat = nodes.map((n) => n.getTextContent()).join('');
        const ranges = raw.map((t) => {
          if (!t.anchor || !t.head) return null;
          const user = { anchorPos: Y.decodeRelativePosition(t.anchor), focusPos: Y.decodeRelativePosition(t.head) } as unknown as UserState;
          const p = $getAnchorAndFocusForUserState(binding, user);
          const a = p.anchorKey ? starts.get(p.anchorKey) : undefined;
          const f = p.focusKey ? starts.get(p.focusKey) : undefined;
          if (a === undefined || f === undefined) return null;
          const from = a + p.anchorOffset;
          const to = f + p.focusOffset;
          return from < to ? { from, to } : null;
        });
        raw.forEach((t, i) => {
          const { anchor: _a, head: _h, ...thread } = t;
          const r = ranges[i];
          if (!r) {
            threads.push({ ...thread, detached: true });
            return;
          }
          const current = $getRoot().getAllTextNodes();
          const a = pointAt(current, r.from, false);
          const b = pointAt(current, r.to, true);
          if (!a || !b) {
            threads.push({ ...thread, detached: true });
            return;
          }
          const sel = $createRangeSelection();
          sel.anchor.set(a.node.getKey(), a.offset, 'text');
          sel.focus.set(b.node.getKey(), b.offset, 'text');
          thread.quote = flat.slice(r.from, r.to);
          $wrapSelectionInMarkNode(sel, false, thread.id);
          threads.push(thread);
        });
      },
      { discrete: true },
    );
    return lexicalToBlocks(editor.getEditorState().toJSON());
  });
  return { document: { kind: 'case', id, meta: { title: '', ...rest } as CaseMeta, body }, threads };
}


// ---------------------------------------------------------------------------------------
// review actions

export interface NewThread {
  /** Text to anchor on: its first occurrence in the body (or the `occurrence`-th, from 0). */
  quote: string;
  occurrence?: number;
  author: string;
  text: string;
  suggestion?: string;
  id?: string;
}

/** Comment (or suggest a new wording) on a passage of the body; false when the text is not there. */
export function addThread(doc: Y.Doc, input: NewThread): TeamThread | null {
  signIn(doc, input.author);
  const meta = metaMap(doc);
  const thread: TeamThread = {
    id: input.id ?? `c-${doc.clientID.toString(36)}-${Date.now().toString(36)}-${commentsArray(doc).length}`,
    documentId: String(meta.get('id') ?? ''),
    quote: input.quote,
    author: input.author,
    text: input.text,
    createdAt: new Date().toISOString(),
    resolved: false,
    replies: [],
    suggestion: input.suggestion ?? null,
  };
  const placed = readBody(doc, ({ editor, binding }) =>
    editor.read(() => {
      const text = $getRoot()
        .getAllTextNodes()
        .map((n) => n.getTextContent())
        .join('');
      let from = -1;
      for (let i = 0; i <= (input.occurrence ?? 0); i++) {
        from = text.indexOf(input.quote, from + 1);
        if (from < 0) return null;
      }
      return anchorRange(binding, from, from + input.quote.length);
    }),
  );
  if (!placed) return null;
  pushThread(doc, { ...thread, suggestion: thread.suggestion ?? null }, placed);
  return thread;
}

export { replyThread };

export function resolveThread(doc: Y.Doc, id: string, by: string): boolean {
  return setThreadResolved(doc, id, true, by);
}

/** Reopen a resolved thread (重新打开); false when there is no such thread. */
export function reopenThread(doc: Y.Doc, id: string, by: string): boolean {
  return setThreadResolved(doc, id, false, by);
}

/** Edit the body as `by` (a Lexical update against the current body), logged in the change list. */
export function editAs(doc: Y.Doc, by: string, detail: string, fn: Parameters<typeof editBody>[1]): void {
  const writer = editBody(doc, fn);
  doc.transact(() => {
    signIn(doc, by);
    signIn(doc, by, writer);
    logChange(doc, { by, what: 'edit', detail });
  });
}

/**
 * Who wrote the body's live characters: counts per user name (unknown clients by id), only
 * those inserted after `since` (a state vector) when given.
 */
export function attribution(doc: Y.Doc, since?: Uint8Array): Map<string, number> {
  const people = doc.getMap<string>('people');
  const floor = since ? Y.decodeStateVector(since) : new Map<number, number>();
  const counts = new Map<string, number>();
  const walk = (type: Y.AbstractType<unknown>): void => {
    let item = type._start;
    while (item) {
      if (!item.deleted) {
        const content = item.content;
        if (content instanceof Y.ContentString && item.id.clock + item.length > (floor.get(item.id.client) ?? 0)) {
          const fresh = Math.min(item.length, item.id.clock + item.length - (floor.get(item.id.client) ?? 0));
          const name = people.get(String(item.id.client)) ?? `#${item.id.client}`;
          counts.set(name, (counts.get(name) ?? 0) + fresh);
        } else if (content instanceof Y.ContentType) walk(content.type as Y.AbstractType<unknown>);
      }
      item = item.right;
    }
  };
  walk(doc.get('root', Y.XmlText) as unknown as Y.AbstractType<unknown>);
  return counts;
}

export { bodyBlocks };
