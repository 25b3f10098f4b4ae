/** A forced page break: a block the writers turn into a new page. */
import { DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode } from 'lexical';
import { HB_NODE_TYPES } from '../lexical.js';
import { createViewDOM, decorateView } from './views.js';

export class PageBreakNode extends DecoratorNode<unknown> {
  static override getType(): string {
    return HB_NODE_TYPES.pageBreak;
  }

  static override clone(node: PageBreakNode): PageBreakNode {
    return new PageBreakNode(node.__key);
  }

  constructor(key?: NodeKey) {
    super(key);
  }

  static override importJSON(json: SerializedLexicalNode): PageBreakNode {
    return $createPageBreakNode().updateFromJSON(json);
  }

  override exportJSON(): SerializedLexicalNode {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.pageBreak, version: 1 };
  }

  override createDOM(): HTMLElement {
    return createViewDOM('pageBreak', this);
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return '\n';
  }

  override decorate(): unknown {
    return decorateView('pageBreak', this);
  }
}

export function $createPageBreakNode(): PageBreakNode {
  return new PageBreakNode();
}

export function $isPageBreakNode(node: LexicalNode | null | undefined): node is PageBreakNode {
  return node instanceof PageBreakNode;
}
