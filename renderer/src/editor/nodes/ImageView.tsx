/**
 * An image with its caption field below the picture; editing the field replaces the
 * caption's model inlines with plain text. A caption whose photo was not in the draft
 * (no src) shows a placeholder frame.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useState, type JSX } from 'react';
import { ImageCaptionNode, type ImagePayload, type NodeView } from '../../../../electron/core/model/lexicalNodes/index.js';
import { inlineText } from '../../../../electron/core/model/text.js';

export const imageView: NodeView<ImageCaptionNode> = {
  createDOM() {
    const figure = document.createElement('div');
    figure.className = 'hb-image';
    return figure;
  },
  decorate: (node) => <ImageFigure nodeKey={node.getKey()} image={node.__image} />,
};

function ImageFigure({ nodeKey, image }: { nodeKey: NodeKey; image: ImagePayload }): JSX.Element {
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
