/** A block Lexical cannot hold, shown read-only: its text, one paragraph a line. */
import type { ModelBlockNode, NodeView } from '../../../../electron/core/model/lexicalNodes/index.js';
import { blocksText } from '../../../../electron/core/model/text.js';

export const modelBlockView: NodeView<ModelBlockNode> = {
  createDOM() {
    const div = document.createElement('div');
    div.className = 'hb-model-block';
    return div;
  },
  decorate: (node) => (
    <div className="hb-model-block-view" title="此内容在编辑器中只读，导出时保持原样">
      {blocksText([node.__block])
        .split('\n')
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
    </div>
  ),
};
