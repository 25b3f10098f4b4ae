/**
 * The one door into the API table, shared by Electron's IPC handler and the loopback HTTP
 * server: look up the method, validate its input with the table's schema, run the handler,
 * and turn every failure into an ApiError with a stable code. Transports add only their
 * own checks (sender origin, token).
 */
import type { z } from 'zod';
import { apiInputs, ApiError, type ApiMethod, type ApiResults } from './schema.js';
import { formatPath, zodChinese } from '../model/schema.js';

export type Handlers<Ctx> = {
  [M in ApiMethod]: (ctx: Ctx, input: z.output<(typeof apiInputs)[M]>) => Promise<ApiResults[M]> | ApiResults[M];
};

export type Dispatch = (method: string, input: unknown) => Promise<unknown>;

export function isApiMethod(method: string): method is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiInputs, method);
}

export function createDispatcher<Ctx>(ctx: Ctx, handlers: Handlers<Ctx>): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) throw new ApiError('not-found', `没有名为“${method}”的接口方法：请更新汇编到最新版本。`);
    const parsed = apiInputs[method].safeParse(input ?? {}, { error: zodChinese });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError('invalid-input', `${method}: ${formatPath(issue?.path ?? []) || 'input'}: ${issue?.message}`);
    }
    const handler = handlers[method] as (ctx: Ctx, input: unknown) => unknown;
    try {
      return await handler(ctx, parsed.data);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError('internal', error instanceof Error ? error.message : String(error));
    }
  };
}

/** Serialised form of an error on any transport. */
export function errorPayload(error: unknown): { error: { code: string; message: string } } {
  if (error instanceof ApiError) return { error: { code: error.code, message: error.message } };
  return { error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}
