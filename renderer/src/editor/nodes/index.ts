/**
 * The case editor's nodes are the core's (electron/core/model/lexicalNodes), shared with the
 * team server's headless editor; this folder holds only what the screen adds — each node's
 * DOM element and React view — installed when the editor's node list is first imported.
 */
import { EDITOR_NODES, installNodeViews } from '../../../../electron/core/model/lexicalNodes/index.js';
import { footnoteView } from './FootnoteView.js';
import { imageView } from './ImageView.js';
import { modelBlockView } from './ModelBlockView.js';
import { pageBreakView } from './PageBreakView.js';
import { runInView } from './RunInView.js';

installNodeViews({ runIn: runInView, footnote: footnoteView, image: imageView, pageBreak: pageBreakView, modelBlock: modelBlockView });

export { EDITOR_NODES };
