/** The library's views across documents: the tree, the category list and full-text search. */
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import { groupTree } from '../tree.js';

export const libraryHandlers: Pick<
  Handlers<ApiContext>,
  'library.tree' | 'search.query' | 'categories.list' | 'categories.add' | 'categories.rename' | 'categories.delete'
> = {
  'library.tree': (ctx, input) =>
    groupTree(ctx.store.listDocuments({ collectionId: input.collectionId, filters: input.filters }), input.groupBy, ctx.store.listCategories()),
  'search.query': (ctx, input) => ctx.store.search(input.q, { collectionId: input.collectionId, limit: input.limit }),
  'categories.list': (ctx) => ctx.store.listCategories(),
  'categories.add': (ctx, input) => ctx.store.addCategory(input.name),
  'categories.rename': (ctx, input) => ctx.store.renameCategory(input.from, input.to),
  'categories.delete': (ctx, input) => ctx.store.deleteCategory(input.name),
};
