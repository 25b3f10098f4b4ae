/** Editor operations the toolbar and panels call, as `$` functions (run inside editor.update/read). */
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setState,
  type ElementNode,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $wrapSelectionInMarkNode, $isMarkNode, $unwrapMarkNode } from '@lexical/mark';
import { $findMatchingParent } from '@lexical/utils';
import type { ParagraphRole } from '../../../electron/core/model/types.js';
import {
  $createFootnoteNode,
  $createImageCaptionNode,
  $createPageBreakNode,
  $createRunInNode,
  $isRunInNode,
} from '../../../electron/core/model/lexicalNodes/index.js';
import { roleState } from './nodeState.js';

export type BlockKind = 'paragraph' | 'h1' | 'h2' | 'h3' | 'h4' | 'quote';

export function $setBlockKind(kind: BlockKind): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (kind === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
  else if (kind === 'quote') $setBlocksType(selection, () => $createQuoteNode());
  else $setBlocksType(selection, () => $createHeadingNode(kind as HeadingTagType));
}

function $topBlocksOfSelection(): ElementNode[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const blocks = new Set<ElementNode>();
  for (const node of selection.getNodes()) {
    const block = $isElementNode(node) && !node.isInline() ? node : node.getTopLevelElement();
    if (block && $isElementNode(block)) blocks.add(block);
  }
  return [...blocks];
}

export function $setParagraphRole(role: ParagraphRole | null): void {
  for (const block of $topBlocksOfSelection()) {
    if (block.getType() !== 'paragraph' && block.getType() !== 'quote') continue;
    $setState(block, roleState, role ?? undefined);
    block.setFormat(role === 'center' ? 'center' : '');
  }
}

/** Makes the selected text at the start of a paragraph its run-in heading, or undoes it. */
export function $toggleRunIn(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const inside = $findMatchingParent(selection.anchor.getNode(), $isRunInNode);
  if (inside) {
    for (const child of inside.getChildren()) inside.insertBefore(child);
    inside.remove();
    return;
  }
  if (selection.isCollapsed()) return;
  const nodes = selection.extract().filter((n): n is TextNode => $isTextNode(n));
  const first = nodes[0];
  const paragraph = first?.getParent();
  if (!first || !paragraph || paragraph.getType() !== 'paragraph' || paragraph.getFirstChild() !== first) return;
  const runIn = $createRunInNode();
  first.insertBefore(runIn);
  for (const node of nodes) if (node.getParent() === paragraph) runIn.append(node);
}

export function $insertFootnote(text: string): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  selection.insertNodes([$createFootnoteNode([{ type: 'paragraph', content: [{ type: 'text', text }] }])]);
}

export function $insertImage(src: string, caption: string, width?: number, height?: number): void {
  const node = $createImageCaptionNode({ src, caption: caption ? [{ type: 'text', text: caption }] : [], ...(width ? { width } : {}), ...(height ? { height } : {}) });
  $insertNodes([node]);
}

export function $insertPageBreak(): void {
  $insertNodes([$createPageBreakNode()]);
}

/** Wraps the selection in a comment mark with the thread id; returns the quoted text, or null without a selection. */
export function $markSelectionForComment(threadId: string): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
  const quote = selection.getTextContent();
  $wrapSelectionInMarkNode(selection, selection.isBackward(), threadId);
  return quote;
}

/** Removes a thread's marks (the thread was deleted). */
export function $removeCommentMarks(threadId: string): void {
  const visit = (node: LexicalNode) => {
    if ($isMarkNode(node)) {
      if (node.hasID(threadId)) {
        node.deleteID(threadId);
        if (node.getIDs().length === 0) {
          $unwrapMarkNode(node);
          return;
        }
      }
    }
    if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
}
