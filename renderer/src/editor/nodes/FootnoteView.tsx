/**
 * Lexical has no footnote: this inline decorator holds the note's model blocks verbatim and
 * shows a superscript number (a CSS counter, so numbering follows document order with no
 * bookkeeping). Clicking the number edits the note as plain text.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import { useState, type JSX } from 'react';
import { HB_NODE_TYPES } from '../../../../electron/core/model/lexical.js';
import type { Block } from '../../../../electron/core/model/types.js';
import { blocksText } from '../../../../electron/core/model/text.js';

export type SerializedFootnoteNode = Spread<{ blocks: Block[] }, SerializedLexicalNode>;

export class FootnoteNode extends DecoratorNode<JSX.Element> {
  __blocks: Block[];

  static override getType(): string {
    return HB_NODE_TYPES.footnote;
  }

  static override clone(node: FootnoteNode): FootnoteNode {
    return new FootnoteNode(node.__blocks, node.__key);
  }

  constructor(blocks: Block[] = [], key?: NodeKey) {
    super(key);
    this.__blocks = blocks;
  }

  static override importJSON(json: SerializedFootnoteNode): FootnoteNode {
    return new FootnoteNode(Array.isArray(json.blocks) ? json.blocks : []).updateFromJSON(json);
  }

  override exportJSON(): SerializedFootnoteNode {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.footnote, version: 1, blocks: this.getLatest().__blocks };
  }

  getBlocks(): Block[] {
    return this.getLatest().__blocks;
  }

  setBlocks(blocks: Block[]): void {
    this.getWritable().__blocks = blocks;
  }

  override createDOM(): HTMLElement {
    const sup = document.createElement('sup');
    sup.className = 'hb-footnote';
    return sup;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): true {
    return true;
  }

  /** Notes are not running text: 字数 and search see the body only. */
  override getTextContent(): string {
    return '';
  }

  override decorate(): JSX.Element {
    return <FootnoteView nodeKey={this.__key} text={blocksText(this.__blocks)} />;
  }
}

function FootnoteView({ nodeKey, text }: { nodeKey: NodeKey; text: string }): JSX.Element {
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

export function $createFootnoteNode(blocks: Block[]): FootnoteNode {
  return new FootnoteNode(blocks);
}

export function $isFootnoteNode(node: LexicalNode | null | undefined): node is FootnoteNode {
  return node instanceof FootnoteNode;
}
