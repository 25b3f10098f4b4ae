/**
 * Huibian's own Lexical nodes for a headless editor in the core. The renderer's classes
 * (renderer/src/editor/nodes) draw with React and the DOM, which the core cannot import;
 * these carry the same type names and the same `__` fields, because @lexical/yjs syncs a
 * node's `__` properties into the Yjs document: a field named differently here would be a
 * different document there.
 */
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { MarkNode } from '@lexical/mark';
import { LinkNode } from '@lexical/link';
import {
  DecoratorNode,
  ElementNode,
  type Klass,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type SerializedLexicalNode,
} from 'lexical';
import { HB_NODE_TYPES } from '../model/lexical.js';
import type { Block, ImageBlock } from '../model/types.js';

type ImagePayload = Omit<ImageBlock, 'type'>;

export class RunInNode extends ElementNode {
  static override getType(): string {
    return HB_NODE_TYPES.runIn;
  }
  static override clone(node: RunInNode): RunInNode {
    return new RunInNode(node.__key);
  }
  static override importJSON(json: SerializedElementNode): RunInNode {
    return new RunInNode().updateFromJSON(json as LexicalUpdateJSON<SerializedElementNode>);
  }
  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.runIn, version: 1 };
  }
  override isInline(): true {
    return true;
  }
  override canBeEmpty(): false {
    return false;
  }
}

/** A decorator that renders nothing: a headless editor never reconciles the DOM. */
abstract class HeadlessDecorator extends DecoratorNode<null> {
  override decorate(): null {
    return null;
  }
}

export class FootnoteNode extends HeadlessDecorator {
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
  static override importJSON(json: SerializedLexicalNode & { blocks?: Block[] }): FootnoteNode {
    return new FootnoteNode(Array.isArray(json.blocks) ? json.blocks : []).updateFromJSON(json);
  }
  override exportJSON(): SerializedLexicalNode & { blocks: Block[] } {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.footnote, version: 1, blocks: this.getLatest().__blocks };
  }
  override isInline(): true {
    return true;
  }
}

export class ImageCaptionNode extends HeadlessDecorator {
  __image: ImagePayload;
  static override getType(): string {
    return HB_NODE_TYPES.image;
  }
  static override clone(node: ImageCaptionNode): ImageCaptionNode {
    return new ImageCaptionNode(node.__image, node.__key);
  }
  constructor(image: ImagePayload = {}, key?: NodeKey) {
    super(key);
    this.__image = image;
  }
  static override importJSON(json: SerializedLexicalNode & ImagePayload): ImageCaptionNode {
    const image: ImagePayload = {};
    if (typeof json.src === 'string') image.src = json.src;
    if (typeof json.width === 'number') image.width = json.width;
    if (typeof json.height === 'number') image.height = json.height;
    if (typeof json.alt === 'string') image.alt = json.alt;
    if (Array.isArray(json.caption)) image.caption = json.caption;
    return new ImageCaptionNode(image).updateFromJSON(json);
  }
  override exportJSON(): SerializedLexicalNode & ImagePayload {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.image, version: 1, ...this.getLatest().__image };
  }
  override isInline(): false {
    return false;
  }
}

export class PageBreakNode extends HeadlessDecorator {
  static override getType(): string {
    return HB_NODE_TYPES.pageBreak;
  }
  static override clone(node: PageBreakNode): PageBreakNode {
    return new PageBreakNode(node.__key);
  }
  static override importJSON(json: SerializedLexicalNode): PageBreakNode {
    return new PageBreakNode().updateFromJSON(json);
  }
  override exportJSON(): SerializedLexicalNode {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.pageBreak, version: 1 };
  }
  override isInline(): false {
    return false;
  }
}

export class ModelBlockNode extends HeadlessDecorator {
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
  static override importJSON(json: SerializedLexicalNode & { block?: Block }): ModelBlockNode {
    return new ModelBlockNode(json.block ?? { type: 'paragraph', content: [] }).updateFromJSON(json);
  }
  override exportJSON(): SerializedLexicalNode & { block: Block } {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.modelBlock, version: 1, block: this.getLatest().__block };
  }
  override isInline(): false {
    return false;
  }
}

/** The same node list as the renderer's EDITOR_NODES, headless. */
export const HEADLESS_NODES: Array<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  MarkNode,
  LinkNode,
  RunInNode,
  FootnoteNode,
  ImageCaptionNode,
  PageBreakNode,
  ModelBlockNode,
];
