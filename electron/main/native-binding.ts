/**
 * better-sqlite3 is a native addon, and Electron's ABI differs from Node's: the tests and
 * the `huibian` command load node_modules' Node build, the desktop app loads its own build
 * (made by scripts/start.mjs, or shipped in the package's resources) through better-sqlite3's
 * `nativeBinding` option. The path travels in one environment variable that the store reads.
 */
import path from 'node:path';

export const SQLITE_BINDING_ENV = 'HUIBIAN_SQLITE_BINDING';
/** Where scripts/start.mjs puts the Electron build, relative to the project root. */
export const DEV_BINDING_PATH = path.join('.electron-native', 'better_sqlite3.node');
/** Where electron-builder's extraResources puts it, relative to process.resourcesPath. */
export const PACKAGED_BINDING_PATH = path.join('native', 'better_sqlite3.node');

export interface BindingContext {
  env: NodeJS.ProcessEnv;
  isPackaged: boolean;
  /** process.resourcesPath in the packaged app. */
  resourcesPath: string;
  /** Project root in development (the folder holding package.json). */
  appRoot: string;
  exists: (file: string) => boolean;
}

export type BindingChoice = { ok: true; path: string; source: 'env' | 'packaged' | 'dev' } | { ok: false; message: string };

export function chooseSqliteBinding(ctx: BindingContext): BindingChoice {
  const fromEnv = ctx.env[SQLITE_BINDING_ENV];
  if (fromEnv) {
    return ctx.exists(fromEnv)
      ? { ok: true, path: path.resolve(fromEnv), source: 'env' }
      : { ok: false, message: `${SQLITE_BINDING_ENV}=${fromEnv} does not exist` };
  }
  const candidate = ctx.isPackaged ? path.join(ctx.resourcesPath, PACKAGED_BINDING_PATH) : path.join(ctx.appRoot, DEV_BINDING_PATH);
  if (ctx.exists(candidate)) return { ok: true, path: candidate, source: ctx.isPackaged ? 'packaged' : 'dev' };
  return {
    ok: false,
    message: ctx.isPackaged
      ? `the database driver built for this app is missing (${candidate}); reinstall Huibian`
      : `no better-sqlite3 build for Electron at ${candidate}: start the app with "npm start", which builds it`,
  };
}
