/** Shows each paragraph's model role (导语, 署名, 附注…) as a data attribute, styled in CSS. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getState, ParagraphNode } from 'lexical';
import { QuoteNode } from '@lexical/rich-text';
import { useEffect } from 'react';
import { mergeRegister } from '@lexical/utils';
import { roleState } from '../nodeState.js';

export function RolePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const listener = (mutations: Map<string, 'created' | 'updated' | 'destroyed'>) => {
      editor.getEditorState().read(() => {
        for (const [key, kind] of mutations) {
          if (kind === 'destroyed') continue;
          const node = $getNodeByKey(key);
          const el = editor.getElementByKey(key);
          if (!node || !el) continue;
          const role = $getState(node, roleState);
          if (role) el.dataset.role = role;
          else delete el.dataset.role;
        }
      });
    };
    return mergeRegister(
      editor.registerMutationListener(ParagraphNode, listener, { skipInitialization: false }),
      editor.registerMutationListener(QuoteNode, listener, { skipInitialization: false }),
    );
  }, [editor]);
  return null;
}
