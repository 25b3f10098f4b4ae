/**
 * Paste from Word, WPS and web pages: their HTML is cleaned to model-shaped tags before
 * Lexical imports it. Copies from Huibian itself (Lexical's own clipboard format, which
 * keeps comment marks and footnotes) are left to Lexical.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $generateNodesFromDOM } from '@lexical/html';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { cleanClipboardHtml } from '../pasteClean.js';

export function PastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = (event as ClipboardEvent).clipboardData;
          if (!data) return false;
          const types = Array.from(data.types);
          if (types.includes('application/x-lexical-editor')) return false;
          const html = data.getData('text/html');
          if (!html) return false;
          event.preventDefault();
          const clean = cleanClipboardHtml(html);
          editor.update(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const dom = new DOMParser().parseFromString(clean, 'text/html');
            $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, dom), selection);
          });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
