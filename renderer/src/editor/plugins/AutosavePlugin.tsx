/**
 * Autosave: every change marks the document 未保存; after a pause it is saved as an
 * autosave (no new revision). Saves run one at a time, each from the revision the last one
 * returned, so the store can refuse a stale write instead of overwriting silently.
 * Nothing is saved mid-composition (an IME candidate is not text yet).
 *
 * A failed save is retried (2 s, 4 s, … up to 30 s) while the text stays unsaved, so the
 * 保存失败 badge clears by itself once the cause is gone. When the page goes away (reload,
 * tab or window closed) unsaved text is sent at once with a keepalive request that outlives
 * the page.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import { HISTORY_MERGE_TAG, type EditorState } from 'lexical';

export type SaveState = 'saved' | 'saving' | 'dirty' | 'error';

export interface SaveOptions {
  /** The page is going away: send with fetch keepalive and without waiting for a save in flight. */
  unloading?: boolean;
}

export interface AutosaveProps {
  delayMs?: number;
  /** Performs the save of this editor state; resolves when stored. */
  save: (state: EditorState, autosave: boolean, options?: SaveOptions) => Promise<void>;
  onState: (state: SaveState, error?: unknown) => void;
  /** Receives a function that saves now (explicit save, Ctrl+S, before leaving). */
  registerFlush: (flush: (autosave: boolean) => Promise<void>) => void;
}

const RETRY_MS = [2000, 4000, 8000, 15000, 30000];

export function AutosavePlugin({ delayMs = 800, save, onState, registerFlush }: AutosaveProps): null {
  const [editor] = useLexicalComposerContext();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);
  const failures = useRef(0);
  const running = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    const schedule = (ms: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (editor.isComposing()) return schedule(delayMs);
        void flush(true);
      }, ms);
    };
    const flush = (autosave: boolean): Promise<void> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!dirty.current && autosave) return running.current;
      running.current = running.current.then(async () => {
        if (!dirty.current && autosave) return;
        dirty.current = false;
        onState('saving');
        try {
          await save(editor.getEditorState(), autosave);
          failures.current = 0;
          onState(dirty.current ? 'dirty' : 'saved');
        } catch (error) {
          dirty.current = true;
          onState('error', error);
          schedule(RETRY_MS[Math.min(failures.current++, RETRY_MS.length - 1)]!);
        }
      });
      return running.current;
    };
    registerFlush(flush);
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      // Loading the document (applied with the history-merge tag, as Lexical's OnChangePlugin
      // also assumes), selection moves and DOM-only updates change nothing to store.
      if (prevEditorState.isEmpty() || tags.has(HISTORY_MERGE_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
      dirty.current = true;
      onState('dirty');
      failures.current = 0;
      schedule(delayMs);
    });
    const onLeave = (event: Event) => {
      if (!dirty.current) return;
      dirty.current = false;
      if (timer.current) clearTimeout(timer.current);
      const state = editor.getEditorState();
      // Started synchronously, inside the event: a request begun later would die with the page.
      void save(state, true, { unloading: true }).catch(() => undefined);
      // Too large for a keepalive request (pictures): ask the browser to hold the page while it goes.
      if (event.type === 'beforeunload' && JSON.stringify(state.toJSON()).length > 60_000) event.preventDefault();
    };
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    const onFlushAll = (e: Event) => {
      (e as CustomEvent<{ waits: Array<Promise<void>> }>).detail?.waits.push(flush(true));
    };
    window.addEventListener('huibian:flush', onFlushAll);
    return () => {
      unregister();
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('huibian:flush', onFlushAll);
      if (timer.current) clearTimeout(timer.current);
      if (dirty.current) void flush(true);
    };
  }, [editor, delayMs, save, onState, registerFlush]);
  return null;
}
