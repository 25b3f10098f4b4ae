/** Calling the API table the way the renderer does, for tests that drive more than one library. */
import assert from 'node:assert/strict';
import type { Api } from '../../electron/core/api/index.js';
import { ApiError, type ApiResults } from '../../electron/core/api/schema.js';

export async function call<M extends keyof ApiResults>(api: Api, method: M, input: unknown): Promise<ApiResults[M]> {
  return (await api.dispatch(method, input)) as ApiResults[M];
}

/** The call is refused with an ApiError of `code` (and a message matching `pattern`). */
export async function refused(api: Api, method: string, input: unknown, code: string, pattern?: RegExp): Promise<void> {
  await assert.rejects(api.dispatch(method, input), (e: unknown) => {
    assert.ok(e instanceof ApiError, String(e));
    assert.equal(e.code, code, e.message);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}
