/**
 * How the desktop editor draws Huibian's nodes. The node classes live in the core so that the
 * renderer's editor and the team server's headless one (@lexical/yjs) register the very same
 * classes: the binding syncs a node's `__` fields into the Yjs document, and two definitions
 * could drift into two documents. What only a screen needs — the DOM element and the React
 * view — the renderer installs here once (renderer/src/editor/nodes); a headless editor never
 * reconciles the DOM, so it installs nothing.
 */
import { DecoratorNode, type LexicalNode } from 'lexical';
import type { FootnoteNode } from './FootnoteNode.js';
import type { ImageCaptionNode } from './ImageCaptionNode.js';
import type { ModelBlockNode } from './ModelBlockNode.js';
import type { PageBreakNode } from './PageBreakNode.js';
import type { RunInNode } from './RunInNode.js';

export interface NodeView<N extends LexicalNode> {
  createDOM(node: N): HTMLElement;
  /** A decorator node's view (React in the renderer); element nodes have none. */
  decorate?(node: N): unknown;
}

export interface NodeViews {
  runIn: NodeView<RunInNode>;
  footnote: NodeView<FootnoteNode>;
  image: NodeView<ImageCaptionNode>;
  pageBreak: NodeView<PageBreakNode>;
  modelBlock: NodeView<ModelBlockNode>;
}

let installed: NodeViews | null = null;

export function installNodeViews(views: NodeViews): void {
  installed = views;
}

/** Only an editor with a root element calls createDOM: reaching it without views is a wiring bug. */
export function createViewDOM<K extends keyof NodeViews>(kind: K, node: Parameters<NodeViews[K]['createDOM']>[0]): HTMLElement {
  if (!installed) throw new Error(`No view for the ${kind} node: a DOM-backed editor must call installNodeViews first`);
  return (installed[kind].createDOM as (n: LexicalNode) => HTMLElement)(node);
}

/** A headless editor's decorators render nothing. */
export function decorateView<K extends keyof NodeViews>(kind: K, node: Parameters<NodeViews[K]['createDOM']>[0]): unknown {
  const decorate = installed?.[kind].decorate as ((n: LexicalNode) => unknown) | undefined;
  return decorate ? decorate(node) : null;
}

type DecoratorKind = Exclude<keyof NodeViews, 'runIn'>;

/** Huibian's decorator nodes: drawn by the view installed for their kind, never updated in place. */
export abstract class ViewedDecoratorNode extends DecoratorNode<unknown> {
  /** A method, not a field: the Yjs binding would sync an own property into the document. */
  protected abstract viewKind(): DecoratorKind;

  override createDOM(): HTMLElement {
    return createViewDOM(this.viewKind(), this as never);
  }

  override updateDOM(): false {
    return false;
  }

  override decorate(): unknown {
    return decorateView(this.viewKind(), this as never);
  }
}
