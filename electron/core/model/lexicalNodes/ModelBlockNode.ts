/**
 * The fallback that keeps any model block Lexical cannot hold (a list item of several
 * paragraphs, a quote holding a table) verbatim, shown read-only, so a save never drops
 * imported content.
 */
import type { LexicalNode, NodeKey, SerializedLexicalNode, Spread } from 'lexical';
import { HB_NODE_TYPES } from '../lexical.js';
import { blocksText } from '../text.js';
import type { Block } from '../types.js';
import { ViewedDecoratorNode } from './views.js';

export type SerializedModelBlockNode = Spread<{ block: Block }, SerializedLexicalNode>;

export class ModelBlockNode extends ViewedDecoratorNode {
  __block: Block;

  static override getType(): string {
    return HB_NODE_TYPES.modelBlock;
  }

  protected override viewKind() {
    return 'modelBlock' as const;
  }

  static override clone(node: ModelBlockNode): ModelBlockNode {
    return new ModelBlockNode(node.__block, node.__key);
  }

  constructor(block: Block = { type: 'paragraph', content: [] }, key?: NodeKey) {
    super(key);
    this.__block = block;
  }

  static override importJSON(json: SerializedModelBlockNode): ModelBlockNode {
    return new ModelBlockNode(json.block ?? { type: 'paragraph', content: [] }).updateFromJSON(json);
  }

  override exportJSON(): SerializedModelBlockNode {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.modelBlock, version: 1, block: this.getLatest().__block };
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return `${blocksText([this.__block])}\n`;
  }
}

export function $isModelBlockNode(node: LexicalNode | null | undefined): node is ModelBlockNode {
  return node instanceof ModelBlockNode;
}
