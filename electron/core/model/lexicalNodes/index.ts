/**
 * Every node class a case editor registers — Lexical's own plus Huibian's (see ../lexical.ts)
 * — one list for the renderer's editor and the team server's headless one.
 */
import type { Klass, LexicalNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { MarkNode } from '@lexical/mark';
import { LinkNode } from '@lexical/link';
import { RunInNode } from './RunInNode.js';
import { FootnoteNode } from './FootnoteNode.js';
import { ImageCaptionNode } from './ImageCaptionNode.js';
import { PageBreakNode } from './PageBreakNode.js';
import { ModelBlockNode } from './ModelBlockNode.js';

export const EDITOR_NODES: Array<Klass<LexicalNode>> = [
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

export * from './RunInNode.js';
export * from './FootnoteNode.js';
export * from './ImageCaptionNode.js';
export * from './PageBreakNode.js';
export * from './ModelBlockNode.js';
export { installNodeViews, type NodeView, type NodeViews } from './views.js';
