/** The editor's side of a document: model ↔ Lexical state, converted at the API boundary. */
import { blocksToLexical, lexicalToBlocks, MalformedState } from '../model/lexical.js';
import type { Block } from '../model/types.js';
import type { StoredDocument } from '../store/index.js';
import { ApiError, type DocumentPayload } from './schema.js';

export function payload(stored: StoredDocument): DocumentPayload {
  const doc = stored.document;
  const out: DocumentPayload = {
    document: doc,
    editorState: blocksToLexical(doc.body) as unknown as Record<string, unknown>,
    revision: stored.revision,
    updatedAt: stored.updatedAt,
  };
  if (doc.kind === 'notice') {
    out.attachments = doc.attachments.map((a) => ({ title: a.title, editorState: blocksToLexical(a.blocks) as unknown as Record<string, unknown> }));
  }
  return out;
}

/** Blocks of an editor state; a state the converter cannot read is refused naming where. */
export function toBlocks(state: Record<string, unknown>, where = 'editorState'): Block[] {
  try {
    return lexicalToBlocks(state);
  } catch (error) {
    if (!(error instanceof MalformedState)) throw error;
    // the converter's message names the node path inside the state, e.g. root.children[2].children[0]
    throw new ApiError('invalid-input', `${where}: 编辑器内容无法读取（${error.message}）：请重新载入文档后再编辑。`);
  }
}
