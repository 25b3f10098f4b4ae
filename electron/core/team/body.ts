/**
 * A case body inside its Yjs document, through Lexical's own binding (@lexical/yjs, V1 — the
 * layout @lexical/react's CollaborationPlugin uses, under the root name 'root'), driven by a
 * headless Lexical editor. Nothing here writes Yjs structures by hand: whatever the desktop
 * editor writes, this reads, and the other way round.
 *
 * Every operation builds a mirror: a fresh Y.Doc bound to a fresh editor, filled from the
 * case's state (the binding only learns a document through its events), then edited; the
 * mirror's own updates are applied to the case document. The mirror writes under its own
 * clientID (Yjs renews a document's clientID when a remote update carries it), so editing
 * functions return that id for the caller to record whose it is (casedoc.ts `people`).
 */
import { createHeadlessEditor } from '@lexical/headless';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import { blocksToLexical, lexicalToBlocks, type SerializedEditorStateJSON } from '../model/lexical.js';
import { EDITOR_NODES } from '../model/lexicalNodes/index.js';
import type { Block } from '../model/types.js';

/** CollaborationPlugin's default root shared type. */
export const BODY_ROOT = 'root';

/** The binding wants a provider for cursors; a headless mirror has no peers to show. */
function quietProvider(): Provider {
  const noop = (): void => {};
  return {
    awareness: {
      getLocalState: () => null,
      getStates: () => new Map(),
      off: noop,
      on: noop,
      setLocalState: noop,
      setLocalStateField: noop,
    },
    connect: noop,
    disconnect: noop,
    off: noop,
    on: noop,
  } as unknown as Provider;
}

export interface BodyMirror {
  editor: LexicalEditor;
  binding: Binding;
  doc: Y.Doc;
}

/** Lexical updates from Yjs events are queued; a discrete no-op update commits them now. */
function flush(editor: LexicalEditor): void {
  editor.update(() => {}, { discrete: true });
}

function mirrorOf(source: Y.Doc, listen: boolean): { mirror: BodyMirror; updates: Uint8Array[]; dispose: () => void } {
  const doc = new Y.Doc();
  const editor = createHeadlessEditor({ namespace: 'huibian-team', nodes: EDITOR_NODES, onError: (e) => { throw e; } });
  const binding = createYjsBinding({ editor, id: 'mirror', doc, docMap: new Map([['mirror', doc]]) });
  const provider = quietProvider();
  const root = binding.root.getSharedType();
  const onYjs = (events: Array<Y.YEvent<Y.XmlText>>, tx: Y.Transaction): void => {
    if (tx.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false);
  };
  root.observeDeep(onYjs as never);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  flush(editor);
  const updates: Uint8Array[] = [];
  const offs: Array<() => void> = [() => root.unobserveDeep(onYjs as never)];
  if (listen) {
    offs.push(
      editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
        if (tags.has('collaboration')) return;
        syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
      }),
    );
    const onUpdate = (u: Uint8Array): void => {
      updates.push(u);
    };
    doc.on('update', onUpdate);
    offs.push(() => doc.off('update', onUpdate));
  }
  return {
    mirror: { editor, binding, doc },
    updates,
    dispose: () => {
      for (const off of offs) off();
      doc.destroy();
    },
  };
}

function applyMirror(source: Y.Doc, updates: Uint8Array[], origin: unknown): void {
  Y.applyUpdate(source, Y.mergeUpdates(updates), origin);
}

/** Read the body: run `fn` against a headless editor holding the document's current body. */
export function readBody<T>(source: Y.Doc, fn: (mirror: BodyMirror) => T): T {
  const { mirror, dispose } = mirrorOf(source, false);
  try {
    return fn(mirror);
  } finally {
    dispose();
  }
}

/**
 * Edit the body through Lexical: `fn` runs inside a discrete editor update; the resulting
 * Yjs changes are applied to `source` in one transaction with `origin`.
 */
export function editBody(source: Y.Doc, fn: (mirror: BodyMirror) => void, origin: unknown = 'huibian'): number | null {
  const { mirror, updates, dispose } = mirrorOf(source, true);
  try {
    mirror.editor.update(() => fn(mirror), { discrete: true });
    if (!updates.length) return null;
    applyMirror(source, updates, origin);
    return mirror.doc.clientID;
  } finally {
    dispose();
  }
}

/** The body as model blocks. */
export function bodyBlocks(source: Y.Doc): Block[] {
  return readBody(source, ({ editor }) => lexicalToBlocks(editor.getEditorState().toJSON()));
}

/** Replace the whole body with `blocks` (the first share of a case, or a save from the model). */
export function setBodyBlocks(source: Y.Doc, blocks: Block[], origin?: unknown): number | null {
  return setBodyState(source, blocksToLexical(blocks), origin);
}

/** Replace the whole body with a serialized Lexical state. */
export function setBodyState(source: Y.Doc, json: SerializedEditorStateJSON, origin?: unknown): number | null {
  const { mirror, updates, dispose } = mirrorOf(source, true);
  try {
    const state = mirror.editor.parseEditorState(JSON.stringify(json));
    mirror.editor.setEditorState(state);
    flush(mirror.editor);
    if (!updates.length) return null;
    applyMirror(source, updates, origin ?? 'huibian');
    return mirror.doc.clientID;
  } finally {
    dispose();
  }
}
