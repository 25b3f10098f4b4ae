/**
 * An image with its caption (图注), one block. The caption is kept as model inlines so
 * that marks and comment anchors in imported captions survive; editing it in the field
 * below the picture replaces it with plain text. A caption whose photo was not in the
 * draft (no src) shows a placeholder frame.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import { useState, type JSX } from 'react';
import { HB_NODE_TYPES } from '../../../../electron/core/model/lexical.js';
import type { ImageBlock, Inline } from '../../../../electron/core/model/types.js';
import { inlineText } from '../../../../electron/core/model/text.js';

export type ImagePayload = Omit<ImageBlock, 'type'>;
export type SerializedImageCaptionNode = Spread<ImagePayload, SerializedLexicalNode>;

export class ImageCaptionNode extends DecoratorNode<JSX.Element> {
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

  override createDOM(): HTMLElement {
    const figure = document.createElement('div');
    figure.className = 'hb-image';
    return figure;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return `${inlineText(this.__image.caption)}\n`;
  }

  override decorate(): JSX.Element {
    return <ImageView nodeKey={this.__key} image={this.__image} />;
  }
}

function ImageView({ nodeKey, image }: { nodeKey: NodeKey; image: ImagePayload }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const caption = inlineText(image.caption);
  const [draft, setDraft] = useState(caption);
  const commit = () => {
    if (draft === caption) return;
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (node instanceof ImageCaptionNode) node.setCaption(draft ? [{ type: 'text', text: draft }] : []);
    });
  };
  const showable = image.src && /^(data:image\/|blob:)/.test(image.src);
  return (
    <figure className="hb-figure" contentEditable={false}>
      {showable ? <img src={image.src} alt={image.alt ?? caption} /> : <div className="hb-figure-placeholder">图片</div>}
      <figcaption>
        <textarea className="hb-caption-input" rows={1} value={draft} placeholder="图注" aria-label="图注" onChange={(e) => setDraft(e.target.value.replace(/\n/g, ""))} onBlur={commit} />
      </figcaption>
    </figure>
  );
}

export function $createImageCaptionNode(image: ImagePayload): ImageCaptionNode {
  return new ImageCaptionNode(image);
}

export function $isImageCaptionNode(node: LexicalNode | null | undefined): node is ImageCaptionNode {
  return node instanceof ImageCaptionNode;
}
