/** A forced page break: a block the writers turn into a new page; shown as a labelled rule. */
import { DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode } from 'lexical';
import type { JSX } from 'react';
import { HB_NODE_TYPES } from '../../../../electron/core/model/lexical.js';

export class PageBreakNode extends DecoratorNode<JSX.Element> {
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
    const div = document.createElement('div');
    div.className = 'hb-page-break';
    return div;
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

  override decorate(): JSX.Element {
    return <span className="hb-page-break-label">分页符</span>;
  }
}

export function $createPageBreakNode(): PageBreakNode {
  return new PageBreakNode();
}

export function $isPageBreakNode(node: LexicalNode | null | undefined): node is PageBreakNode {
  return node instanceof PageBreakNode;
}
