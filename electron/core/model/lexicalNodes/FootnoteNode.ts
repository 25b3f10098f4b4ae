/**
 * Lexical has no footnote: this inline decorator holds the note's model blocks verbatim (the
 * renderer shows a superscript number that opens the note for editing).
 */
import type { LexicalNode, NodeKey, SerializedLexicalNode, Spread } from 'lexical';
import { HB_NODE_TYPES } from '../lexical.js';
import type { Block } from '../types.js';
import { ViewedDecoratorNode } from './views.js';

export type SerializedFootnoteNode = Spread<{ blocks: Block[] }, SerializedLexicalNode>;

export class FootnoteNode extends ViewedDecoratorNode {
  __blocks: Block[];

  static override getType(): string {
    return HB_NODE_TYPES.footnote;
  }

  protected override viewKind() {
    return 'footnote' as const;
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

  override isInline(): true {
    return true;
  }

  /** Notes are not running text: 字数 and search see the body only. */
  override getTextContent(): string {
    return '';
  }
}

export function $createFootnoteNode(blocks: Block[]): FootnoteNode {
  return new FootnoteNode(blocks);
}

export function $isFootnoteNode(node: LexicalNode | null | undefined): node is FootnoteNode {
  return node instanceof FootnoteNode;
}
