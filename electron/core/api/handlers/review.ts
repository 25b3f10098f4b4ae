/** Review comment threads on a document. (Reviewed DOCX files come back through import: see ../review.ts.) */
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

export const reviewHandlers: Pick<
  Handlers<ApiContext>,
  'comments.list' | 'comments.add' | 'comments.reply' | 'comments.resolve' | 'comments.delete'
> = {
  'comments.list': (ctx, input) => ctx.store.listComments(input.documentId, input.openOnly),
  'comments.add': (ctx, input) => ctx.store.addComment(input),
  'comments.reply': (ctx, input) => ctx.store.replyComment(input.threadId, input),
  'comments.resolve': (ctx, input) => ctx.store.resolveComment(input.threadId, input.resolved),
  'comments.delete': (ctx, input) => {
    ctx.store.deleteComment(input.threadId);
    return { ok: true };
  },
};
