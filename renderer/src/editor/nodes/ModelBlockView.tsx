/**
 * The fallback that keeps any model block Lexical cannot hold (a list item of several
 * paragraphs, a quote holding a table) verbatim, shown read-only, so a save never drops
 * imported content.
 */
import { DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { HB_NODE_TYPES } from '../../../../electron/core/model/lexical.js';
import type { Block } from '../../../../electron/core/model/types.js';
import { blocksText } from '../../../../electron/core/model/text.js';

export type SerializedModelBlockNode = Spread<{ block: Block }, SerializedLexicalNode>;

export class ModelBlockNode extends DecoratorNode<JSX.Element> {
  __block: Block;

  static override getType(): string {
    return HB_NODE_TYPES.modelBlock;
  }

  static override clone(node: ModelBlockNode): ModelBlockNode {
    return new ModelBlockNode(node.__block, node.__key);
  }

  constructor(block: Block = { type: 'paragraph', content: [] }, key?: NodeKey) {
    super(key);
    this.__block = block;
  }

  static override importJSON(json: SerializedModelBlockNode): ModelBlockNode {
    return new ModelBlockNode(json.block).updateFromJSON(json);
  }

  override exportJSON(): SerializedModelBlockNode {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.modelBlock, version: 1, block: this.getLatest().__block };
  }

  override createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'hb-model-block';
    return div;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return `${blocksText([this.__block])}\n`;
  }

  override decorate(): JSX.Element {
    return (
      <div className="hb-model-block-view" title="此内容在编辑器中只读，导出时保持原样">
        {blocksText([this.__block])
          .split('\n')
          .map((line, i) => (
            <p key={i}>{line}</p>
          ))}
      </div>
    );
  }
}

export function $isModelBlockNode(node: LexicalNode | null | undefined): node is ModelBlockNode {
  return node instanceof ModelBlockNode;
}
