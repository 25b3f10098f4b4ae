/** One document: read, create, save from the editor, delete, move; its revisions. */
import type { CaseMeta, NoticeMeta } from '../../model/types.js';
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import { payload, toBlocks } from '../payload.js';

export const documentHandlers: Pick<
  Handlers<ApiContext>,
  | 'documents.list'
  | 'documents.get'
  | 'documents.create'
  | 'documents.save'
  | 'documents.delete'
  | 'documents.move'
  | 'documents.deleteMany'
  | 'documents.restoreDeleted'
  | 'documents.moveMany'
  | 'documents.merge'
  | 'documents.setStatus'
  | 'documents.statusHistory'
  | 'documents.continuity'
  | 'documents.setContinuity'
  | 'documents.counts'
  | 'trash.list'
  | 'trash.empty'
  | 'revisions.list'
  | 'revisions.restore'
  | 'revisions.get'
> = {
  'documents.list': (ctx, input) => ctx.store.listDocuments({ collectionId: input.collectionId, filters: input.filters }),
  'documents.get': (ctx, input) => payload(ctx.store.getDocument(input.id)),
  'documents.create': (ctx, input) => {
    const meta = input.meta ?? {};
    if (input.collectionId) ctx.store.getCollection(input.collectionId);
    const id =
      input.kind === 'notice'
        ? ctx.store.createNotice({ meta: { title: '未命名通知', ...meta } as NoticeMeta, body: [], attachments: [] }, input.collectionId ?? null)
        : ctx.store.createCase({ title: '未命名案例', ...meta } as CaseMeta, [], input.collectionId ?? null);
    return payload(ctx.store.getDocument(id));
  },
  'documents.save': (ctx, input) => {
    const body = input.editorState ? toBlocks(input.editorState) : undefined;
    const attachments = input.attachments?.map((a, i) => ({ title: a.title, blocks: toBlocks(a.editorState, `attachments[${i}].editorState`) }));
    const { status, ...meta } = input.meta ?? {};
    const patch = { meta, body, attachments, baseRevision: input.baseRevision, autosave: input.autosave };
    if (status === undefined) return ctx.store.saveDocument(input.id, patch);
    // one transaction: the edit lands before a status that locks it, and a refused status undoes the edit
    return ctx.store.transaction(() => {
      if (body || attachments || Object.keys(meta).length) ctx.store.saveDocument(input.id, patch);
      ctx.store.setStatus([input.id], status, { who: ctx.store.getSetting('reviewerName') ?? '编辑' });
      const after = ctx.store.getDocument(input.id);
      return { revision: after.revision, updatedAt: after.updatedAt, meta: after.document.meta };
    });
  },
  'documents.delete': (ctx, input) => ({ ok: true, deletedAt: ctx.store.deleteDocument(input.id) }),
  'documents.deleteMany': (ctx, input) => ({ deleted: input.ids, deletedAt: ctx.store.deleteDocuments(input.ids) }),
  'documents.restoreDeleted': (ctx, input) => ctx.store.restoreDeleted(input.ids),
  'documents.move': (ctx, { id, ...target }) => ctx.store.moveDocument(id, target),
  'documents.moveMany': (ctx, { ids, ...target }) => ctx.store.moveDocuments(ids, target),
  'documents.merge': (ctx, input) => payload(ctx.store.mergeCases(input.targetId, input.sourceId, { append: input.append })),
  'documents.setStatus': (ctx, input) =>
    ctx.store.setStatus(input.ids, input.status, { who: input.by ?? ctx.store.getSetting('reviewerName') ?? '编辑', reason: input.reason }),
  'documents.statusHistory': (ctx, input) => ctx.store.statusHistory(input.id),
  'documents.continuity': (ctx, input) => ctx.store.continuityReport(input.id),
  'documents.setContinuity': (ctx, { id, ...choice }) => ctx.store.setContinuity(id, choice),
  'documents.counts': (ctx, input) => ({
    total: ctx.store.listDocuments({ collectionId: input.collectionId, filters: input.filters }).length,
    byStatus: ctx.store.statusCounts({ collectionId: input.collectionId, filters: input.filters }),
  }),
  'trash.list': (ctx) => ctx.store.listTrash(),
  'trash.empty': (ctx) => ({ purged: ctx.store.emptyTrash() }),
  'revisions.list': (ctx, input) => ctx.store.listRevisions(input.documentId),
  'revisions.restore': (ctx, input) => payload(ctx.store.restoreRevision(input.documentId, input.revisionId)),
  'revisions.get': (ctx, input) => {
    ctx.store.getDocument(input.documentId);
    const c = ctx.store.revisions.content(input.documentId, input.revisionId);
    return { meta: JSON.parse(c.meta), body: JSON.parse(c.body), attachments: c.attachments ? JSON.parse(c.attachments) : null };
  },
};
