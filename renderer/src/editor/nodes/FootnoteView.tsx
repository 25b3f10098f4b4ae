/**
 * A footnote shows as a superscript number (a CSS counter, so numbering follows document
 * order with no bookkeeping). Clicking the number edits the note as plain text.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useState, type JSX } from 'react';
import { FootnoteNode, type NodeView } from '../../../../electron/core/model/lexicalNodes/index.js';
import { blocksText } from '../../../../electron/core/model/text.js';

export const footnoteView: NodeView<FootnoteNode> = {
  createDOM() {
    const sup = document.createElement('sup');
    sup.className = 'hb-footnote';
    return sup;
  },
  decorate: (node) => <FootnoteEditor nodeKey={node.getKey()} text={blocksText(node.__blocks)} />,
};

function FootnoteEditor({ nodeKey, text }: { nodeKey: NodeKey; text: string }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  const save = () => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (node instanceof FootnoteNode) {
        node.setBlocks(draft.split('\n').filter((l) => l.trim()).map((l) => ({ type: 'paragraph', content: [{ type: 'text', text: l }] })));
      }
    });
    setEditing(false);
  };
  return (
    <span className="hb-footnote-ref" title={text}>
      <button type="button" className="hb-footnote-mark" aria-label={`脚注：${text}`} onClick={() => { setDraft(text); setEditing(!editing); }} />
      {editing && (
        <span className="hb-footnote-editor" contentEditable={false}>
          <textarea value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} aria-label="脚注内容" />
          <button type="button" onClick={save}>确定</button>
          <button type="button" onClick={() => setEditing(false)}>取消</button>
        </span>
      )}
    </span>
  );
}
