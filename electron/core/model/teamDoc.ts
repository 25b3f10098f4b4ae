/**
 * The layout of a shared case's Yjs document outside its body, written once for every side that
 * writes it: the team server's headless editor (core/team/casedoc.ts), the CLI and review packages
 * through it, and the editor in the renderer (plugins/TeamThreads.tsx), which may import only the
 * model. Two writers of one layout drift apart; here there is one.
 *
 *   'meta'     Y.Map    kind, id and every CaseMeta field (JSON values)
 *   'comments' Y.Array  one Y.Map per thread (below); its anchor is a pair of Yjs relative positions
 *   'people'   Y.Map    Yjs clientID -> user name: who wrote which characters
 *   'changes'  Y.Array  the change list: { by, at, what, detail }
 *
 * A thread's Y.Map: id, author, text, createdAt, resolved, quote, suggestion (optional), anchor and
 * head (encoded relative positions, optional), replies (a Y.Array of CommentReply).
 */
import * as Y from 'yjs';
import type { CommentReply } from './types.js';

export interface ChangeEntry {
  by: string;
  at: string;
  what: 'share' | 'edit' | 'meta' | 'comment' | 'suggest' | 'reply' | 'resolve' | 'reopen' | 'merge';
  detail?: string;
}

/** A thread as the team document holds it (the model's CommentThread less its documentId). */
export interface TeamThreadFields {
  id: string;
  author: string;
  text: string;
  createdAt: string;
  resolved: boolean;
  quote: string;
  suggestion: string | null;
  replies: CommentReply[];
}

export interface ThreadAnchor {
  anchor: Uint8Array;
  head: Uint8Array;
}

const now = (): string => new Date().toISOString();

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}
export function commentsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray('comments');
}
export function changesArray(doc: Y.Doc): Y.Array<ChangeEntry> {
  return doc.getArray('changes');
}

/** Record that this document's clientID writes for `name` (authorship is counted by it). */
export function signIn(doc: Y.Doc, name: string, clientID: number | null = doc.clientID): void {
  if (clientID === null) return;
  const people = doc.getMap<string>('people');
  if (people.get(String(clientID)) !== name) people.set(String(clientID), name);
}

export function logChange(doc: Y.Doc, entry: Omit<ChangeEntry, 'at'>): void {
  changesArray(doc).push([{ ...entry, at: now() }]);
}

/** A thread's Y.Map, to be pushed onto commentsArray. */
export function threadMap(thread: Omit<TeamThreadFields, 'suggestion'> & { suggestion?: string | null }, range: ThreadAnchor | null): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', thread.id);
  map.set('author', thread.author);
  map.set('text', thread.text);
  map.set('createdAt', thread.createdAt);
  map.set('resolved', thread.resolved);
  map.set('quote', thread.quote);
  if (thread.suggestion) map.set('suggestion', thread.suggestion);
  if (range) {
    map.set('anchor', range.anchor);
    map.set('head', range.head);
  }
  const replies = new Y.Array<CommentReply>();
  replies.push(thread.replies.map((r) => ({ ...r })));
  map.set('replies', replies);
  return map;
}

function readReplies(value: unknown): CommentReply[] {
  if (!(value instanceof Y.Array)) return [];
  return (value.toArray() as Array<Partial<CommentReply>>).map((r, i) => ({
    id: String(r.id ?? i),
    author: String(r.author ?? ''),
    text: String(r.text ?? ''),
    createdAt: String(r.createdAt ?? ''),
  }));
}

/** A thread's fields and anchor, read defensively: a peer may have written any JSON. */
export function readThreadMap(map: Y.Map<unknown>): TeamThreadFields & Partial<ThreadAnchor> {
  return {
    id: String(map.get('id')),
    author: String(map.get('author') ?? ''),
    text: String(map.get('text') ?? ''),
    createdAt: String(map.get('createdAt') ?? ''),
    resolved: map.get('resolved') === true,
    quote: String(map.get('quote') ?? ''),
    suggestion: (map.get('suggestion') as string | undefined) ?? null,
    replies: readReplies(map.get('replies')),
    anchor: map.get('anchor') as Uint8Array | undefined,
    head: map.get('head') as Uint8Array | undefined,
  };
}

/** Adds a thread placed at `range`, logged as a comment (or a suggestion) of its author. */
export function pushThread(doc: Y.Doc, thread: TeamThreadFields, range: ThreadAnchor | null): void {
  doc.transact(() => {
    signIn(doc, thread.author);
    commentsArray(doc).push([threadMap(thread, range)]);
    logChange(doc, { by: thread.author, what: thread.suggestion ? 'suggest' : 'comment', detail: `「${thread.quote}」${thread.text}` });
  });
}

function findThread(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  return commentsArray(doc)
    .toArray()
    .find((m) => m.get('id') === id);
}

/** A reply under a thread; false when the thread is gone. */
export function replyThread(doc: Y.Doc, id: string, author: string, text: string): boolean {
  const replies = findThread(doc, id)?.get('replies');
  if (!(replies instanceof Y.Array)) return false;
  doc.transact(() => {
    signIn(doc, author);
    replies.push([{ id: `r-${doc.clientID.toString(36)}-${replies.length}`, author, text, createdAt: now() }]);
    logChange(doc, { by: author, what: 'reply', detail: text });
  });
  return true;
}

/** 解决 (true) or 重新打开 (false) a thread; false when there is no such thread. */
export function setThreadResolved(doc: Y.Doc, id: string, resolved: boolean, by: string): boolean {
  const map = findThread(doc, id);
  if (!map) return false;
  doc.transact(() => {
    signIn(doc, by);
    map.set('resolved', resolved);
    logChange(doc, { by, what: resolved ? 'resolve' : 'reopen', detail: String(map.get('quote') ?? '') });
  });
  return true;
}
