/** A forced page break shows as a labelled rule. */
import type { NodeView, PageBreakNode } from '../../../../electron/core/model/lexicalNodes/index.js';

export const pageBreakView: NodeView<PageBreakNode> = {
  createDOM() {
    const div = document.createElement('div');
    div.className = 'hb-page-break';
    return div;
  },
  decorate: () => <span className="hb-page-break-label">分页符</span>,
};
