/**
 * The API table: every method as a plain function of (context, validated input), one module
 * per area. The same functions run under Electron IPC, the loopback server and the tests.
 */
import { StoreError } from '../../store/index.js';
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import { ApiError } from '../schema.js';
import { appHandlers } from './app.js';
import { collectionHandlers } from './collections.js';
import { documentHandlers } from './documents.js';
import { exportHandlers } from './export.js';
import { importHandlers } from './import.js';
import { libraryHandlers } from './library.js';
import { reviewHandlers } from './review.js';
import { proofHandlers } from './proof.js';
import { teamHandlers } from './team.js';

export const handlers: Handlers<ApiContext> = {
  ...appHandlers,
  ...collectionHandlers,
  ...libraryHandlers,
  ...documentHandlers,
  ...reviewHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...proofHandlers,
  ...teamHandlers,
};

/** Store refusals become API errors with the same code; everything else stays as it is. */
export function withStoreErrors(table: Handlers<ApiContext>): Handlers<ApiContext> {
  const wrapped: Record<string, unknown> = {};
  for (const [method, handler] of Object.entries(table)) {
    wrapped[method] = async (ctx: ApiContext, input: unknown) => {
      try {
        return await (handler as (c: ApiContext, i: unknown) => unknown)(ctx, input);
      } catch (error) {
        if (error instanceof StoreError) throw new ApiError(error.code, error.message);
        throw error;
      }
    };
  }
  return wrapped as Handlers<ApiContext>;
}
