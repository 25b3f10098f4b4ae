/** Collections: list, read, create, update (sections), delete. */
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

export const collectionHandlers: Pick<
  Handlers<ApiContext>,
  'collections.list' | 'collections.get' | 'collections.create' | 'collections.update' | 'collections.delete' | 'collections.restoreDeleted'
> = {
  'collections.list': (ctx) => ctx.store.listCollections(),
  'collections.get': (ctx, input) => ctx.store.getCollection(input.id),
  'collections.create': (ctx, input) => ctx.store.createCollection(input),
  'collections.update': (ctx, { id, ...patch }) => ctx.store.updateCollection(id, patch),
  'collections.delete': (ctx, input) => ({ ok: true, deletedAt: ctx.store.deleteCollection(input.id) }),
  'collections.restoreDeleted': (ctx, input) => ctx.store.restoreCollection(input.id),
};
