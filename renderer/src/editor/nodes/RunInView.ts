/** A run-in heading is a span the stylesheet sets in the heading face. */
import type { NodeView, RunInNode } from '../../../../electron/core/model/lexicalNodes/index.js';

export const runInView: NodeView<RunInNode> = {
  createDOM() {
    const span = document.createElement('span');
    span.className = 'hb-run-in';
    return span;
  },
};
