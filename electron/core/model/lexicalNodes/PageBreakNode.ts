/** A forced page break: a block the writers turn into a new page. */
import type { LexicalNode, NodeKey, SerializedLexicalNode } from 'lexical';
import { HB_NODE_TYPES } from '../lexical.js';
import { ViewedDecoratorNode } from './views.js';

export class PageBreakNode extends ViewedDecoratorNode {
  static override getType(): string {
    return HB_NODE_TYPES.pageBreak;
  }

  protected override viewKind() {
    return 'pageBreak' as const;
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

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return '\n';
  }
}

export function $createPageBreakNode(): PageBreakNode {
  return new PageBreakNode();
}

export function $isPageBreakNode(node: LexicalNode | null | undefined): node is PageBreakNode {
  return node instanceof PageBreakNode;
}
