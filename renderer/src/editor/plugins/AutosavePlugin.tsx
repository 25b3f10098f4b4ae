/**
 * Autosave: every change marks the document 未保存; after a pause it is saved as an
 * autosave (no new revision). Saves run one at a time, each from the revision the last one
 * returned, so the store can refuse a stale write instead of overwriting silently.
 * Nothing is saved mid-composition (an IME candidate is not text yet).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import { HISTORY_MERGE_TAG, type EditorState } from 'lexical';

export type SaveState = 'saved' | 'saving' | 'dirty' | 'error';

export interface AutosaveProps {
  delayMs?: number;
  /** Performs the save of this editor state; resolves when stored. */
  save: (state: EditorState, autosave: boolean) => Promise<void>;
  onState: (state: SaveState, message?: string) => void;
  /** Receives a function that saves now (explicit save, Ctrl+S, before leaving). */
  registerFlush: (flush: (autosave: boolean) => Promise<void>) => void;
}

export function AutosavePlugin({ delayMs = 800, save, onState, registerFlush }: AutosaveProps): null {
  const [editor] = useLexicalComposerContext();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);
  const running = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
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
          onState(dirty.current ? 'dirty' : 'saved');
        } catch (error) {
          dirty.current = true;
          onState('error', (error as Error).message);
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
      if (timer.current) clearTimeout(timer.current);
      const schedule = () => {
        timer.current = setTimeout(() => {
          if (editor.isComposing()) return schedule();
          void flush(true);
        }, delayMs);
      };
      schedule();
    });
    return () => {
      unregister();
      if (timer.current) clearTimeout(timer.current);
      if (dirty.current) void flush(true);
    };
  }, [editor, delayMs, save, onState, registerFlush]);
  return null;
}
