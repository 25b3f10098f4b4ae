/**
 * The API as one object for a transport: Electron's main process and the loopback server
 * both call `createApi` and hand `dispatch` the method name and raw input.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createDispatcher, type Dispatch } from './dispatch.js';
import { handlers, withStoreErrors } from './handlers/index.js';
import { DEFAULT_MAX_IMPORT_BYTES, PreviewCache, type ApiContext } from './context.js';
import { Library, libraryPath } from '../store/index.js';

export type { ApiContext } from './context.js';
export type { Dispatch } from './dispatch.js';

export interface CreateApiOptions {
  dataDir: string;
  transport: 'ipc' | 'http' | 'cli';
  /** Library file; defaults to <dataDir>/huibian.db. */
  dbPath?: string;
  /** better-sqlite3 addon built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  maxImportBytes?: number;
}

export interface Api {
  dispatch: Dispatch;
  context: ApiContext;
  close(): void;
}

export function createApi(options: CreateApiOptions): Api {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const store = new Library(options.dbPath ?? libraryPath(dataDir), { nativeBinding: options.nativeBinding });
  const context: ApiContext = {
    store,
    dataDir,
    transport: options.transport,
    previews: new PreviewCache(),
    jobs: new Map(),
    maxImportBytes: options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES,
  };
  return {
    dispatch: createDispatcher(context, withStoreErrors(handlers)),
    context,
    close: () => store.close(),
  };
}
