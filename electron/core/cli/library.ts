/**
 * The library a command works on — `--db FILE`, or the user's own library where the app keeps
 * it — opened through the API table with the CLI's transport, as every command does. The table
 * is imported here, when a command opens the library, so `--help` and a usage error never load it.
 */
import path from 'node:path';
import type { Api } from '../api/index.js';
import type { ApiResults } from '../api/schema.js';
import { defaultDataDir, libraryPath } from '../store/paths.js';

export async function openLibrary(db: string | undefined): Promise<Api> {
  const file = path.resolve(db ?? libraryPath(defaultDataDir()));
  const { createApi } = await import('../api/index.js');
  return createApi({ dataDir: path.dirname(file), dbPath: file, transport: 'cli' });
}

export async function call<M extends keyof ApiResults>(api: Api, method: M, input: unknown): Promise<ApiResults[M]> {
  return (await api.dispatch(method, input)) as ApiResults[M];
}
