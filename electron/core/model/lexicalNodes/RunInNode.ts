/**
 * A run-in heading ("一是搭建一个平台。") at the start of a paragraph: an inline element so
 * that its text stays editable, set in the heading face. Text typed at its edges goes into
 * the paragraph, not into the run-in, the way Lexical's links behave.
 */
import { $applyNodeReplacement, ElementNode, type LexicalNode, type LexicalUpdateJSON, type NodeKey, type SerializedElementNode } from 'lexical';
import { HB_NODE_TYPES } from '../lexical.js';
import { createViewDOM } from './views.js';

export type SerializedRunInNode = SerializedElementNode;

export class RunInNode extends ElementNode {
  static override getType(): string {
    return HB_NODE_TYPES.runIn;
  }

  static override clone(node: RunInNode): RunInNode {
    return new RunInNode(node.__key);
  }

  constructor(key?: NodeKey) {
    super(key);
  }

  static override importJSON(json: SerializedRunInNode): RunInNode {
    return $createRunInNode().updateFromJSON(json as LexicalUpdateJSON<SerializedRunInNode>);
  }

  override exportJSON(): SerializedRunInNode {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.runIn, version: 1 };
  }

  override createDOM(): HTMLElement {
    return createViewDOM('runIn', this);
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }
}

export function $createRunInNode(): RunInNode {
  return $applyNodeReplacement(new RunInNode());
}

export function $isRunInNode(node: LexicalNode | null | undefined): node is RunInNode {
  return node instanceof RunInNode;
}
