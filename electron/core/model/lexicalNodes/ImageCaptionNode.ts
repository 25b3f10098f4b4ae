/**
 * An image with its caption (图注), one block. The caption is kept as model inlines so
 * that marks and comment anchors in imported captions survive.
 */
import type { LexicalNode, NodeKey, SerializedLexicalNode, Spread } from 'lexical';
import { HB_NODE_TYPES } from '../lexical.js';
import { inlineText } from '../text.js';
import type { ImageBlock, Inline } from '../types.js';
import { ViewedDecoratorNode } from './views.js';

export type ImagePayload = Omit<ImageBlock, 'type'>;
export type SerializedImageCaptionNode = Spread<ImagePayload, SerializedLexicalNode>;

export class ImageCaptionNode extends ViewedDecoratorNode {
  __image: ImagePayload;

  static override getType(): string {
    return HB_NODE_TYPES.image;
  }

  protected override viewKind() {
    return 'image' as const;
  }

  static override clone(node: ImageCaptionNode): ImageCaptionNode {
    return new ImageCaptionNode(node.__image, node.__key);
  }

  constructor(image: ImagePayload = {}, key?: NodeKey) {
    super(key);
    this.__image = image;
  }

  static override importJSON(json: SerializedImageCaptionNode): ImageCaptionNode {
    const image: ImagePayload = {};
    if (typeof json.src === 'string') image.src = json.src;
    if (typeof json.width === 'number') image.width = json.width;
    if (typeof json.height === 'number') image.height = json.height;
    if (typeof json.alt === 'string') image.alt = json.alt;
    if (Array.isArray(json.caption)) image.caption = json.caption;
    return new ImageCaptionNode(image).updateFromJSON(json);
  }

  override exportJSON(): SerializedImageCaptionNode {
    return { ...super.exportJSON(), type: HB_NODE_TYPES.image, version: 1, ...this.getLatest().__image };
  }

  setCaption(caption: Inline[]): void {
    const writable = this.getWritable();
    writable.__image = { ...writable.__image, caption };
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return `${inlineText(this.__image.caption)}\n`;
  }
}

export function $createImageCaptionNode(image: ImagePayload): ImageCaptionNode {
  return new ImageCaptionNode(image);
}

export function $isImageCaptionNode(node: LexicalNode | null | undefined): node is ImageCaptionNode {
  return node instanceof ImageCaptionNode;
}
