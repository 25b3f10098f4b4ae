/**
 * The team threads of the open shared case, as the editor's TeamThreads plugin reads them from
 * the live team document (with where each anchor sits in the text now), for the 批注 panel
 * outside the editor to list beside the library's own threads. Keyed by the library's document
 * id; a panel re-renders only when what it lists changed.
 */
import { useSyncExternalStore } from 'react';
import type { TeamThreadFields } from '../../../electron/core/model/teamDoc.js';

export interface TeamThreadView extends TeamThreadFields {
  /** The words the anchor covers now ('' once deleted); absent when it could not be placed. */
  live?: string;
  /** Characters of the editor's text before the anchor: the thread's place in document order. */
  offset: number | null;
}

interface Entry {
  threads: readonly TeamThreadView[];
  key: string;
  focus: ((threadId: string) => void) | null;
}

const EMPTY: readonly TeamThreadView[] = [];
const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The plugin's latest reading; a reading equal to the last one notifies no one. */
export function publishTeamThreads(documentId: string, threads: TeamThreadView[], focus: (threadId: string) => void): void {
  const key = JSON.stringify(threads);
  const old = entries.get(documentId);
  if (old && old.key === key) {
    old.focus = focus;
    return;
  }
  entries.set(documentId, { threads, key, focus });
  notify();
}

export function clearTeamThreads(documentId: string): void {
  if (entries.delete(documentId)) notify();
}

/** Scrolls the editor to a team thread's words; false when the case's editor is not open. */
export function focusTeamThread(documentId: string, threadId: string): boolean {
  const focus = entries.get(documentId)?.focus;
  if (!focus) return false;
  focus(threadId);
  return true;
}

export function useTeamThreads(documentId: string): readonly TeamThreadView[] {
  return useSyncExternalStore(subscribe, () => entries.get(documentId)?.threads ?? EMPTY);
}

/** Only the ids of the open threads: the tab's count changes less often than the list. */
export function useOpenTeamThreadIds(documentId: string): string {
  return useSyncExternalStore(subscribe, () =>
    (entries.get(documentId)?.threads ?? EMPTY)
      .filter((t) => !t.resolved)
      .map((t) => t.id)
      .join(' '),
  );
}
