/**
 * The main-process side of the bridge, as plain functions over their dependencies so that
 * they run (and are tested) without Electron. Each handler first checks who is calling
 * (ipc-guard), then what it is given: the API dispatcher validates every input with the
 * table's zod schema; here, in addition, any file path inside an input must be one the
 * user handed over (dialog, drop) and must pass the file checks.
 */
import path from 'node:path';
import type { ApiReply } from '../preload/channels.js';
import { checkIpcSender, type IpcSenderLike } from './ipc-guard.js';
import {
  checkExportTarget,
  checkImportPath,
  exportFileName,
  withExtension,
  EXPORT_FORMATS,
  IMPORT_EXTENSIONS,
  type ExportFormat,
  type PathGrants,
} from './file-checks.js';

export type Dispatch = (method: string, input: unknown) => Promise<unknown>;

export interface IpcDeps {
  dispatch: Dispatch;
  grants: PathGrants;
  devServerUrl?: string;
  /** Called when a caller is refused, so the refusal leaves a trace in the log. */
  onRefused?: (what: string, reason: string) => void;
}

const API_ERROR_CODES = ['invalid-input', 'not-found', 'conflict', 'import-failed', 'export-failed', 'forbidden', 'internal'];

function fail(code: string, message: string): ApiReply {
  return { ok: false, error: { code, message } };
}

function errorReply(error: unknown): ApiReply {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' && API_ERROR_CODES.includes(e.code) ? e.code : 'internal';
  return fail(code, typeof e.message === 'string' ? e.message : String(error));
}

/** Refuses the input when a path in it was not handed over by the user or is not the right kind of file. */
async function checkPathsIn(method: string, input: unknown, grants: PathGrants): Promise<string | null> {
  if (!input || typeof input !== 'object') return null; // the dispatcher's schema reports the shape
  const record = input as Record<string, unknown>;
  if (method === 'import.preview' && Array.isArray(record.files)) {
    for (const file of record.files as unknown[]) {
      if (!file || typeof file !== 'object') continue;
      const filePath = (file as { path?: unknown }).path;
      if (filePath === undefined) continue;
      if (!grants.has(filePath)) return `import.preview: ${String(filePath)} was not chosen in the open dialog or dropped on the window`;
      const check = await checkImportPath(filePath);
      if (!check.ok) return `import.preview: ${check.reason}`;
    }
  }
  if (method === 'export.run' && record.outPath !== undefined) {
    const format = record.format;
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) return null; // the schema's error follows
    if (!grants.has(record.outPath)) return `export.run: ${String(record.outPath)} was not chosen in the save dialog`;
    const check = await checkExportTarget(record.outPath, format as ExportFormat);
    if (!check.ok) return `export.run: ${check.reason}`;
  }
  return null;
}

export function createApiHandler(deps: IpcDeps) {
  return async (event: IpcSenderLike, method: unknown, input: unknown): Promise<ApiReply> => {
    const sender = checkIpcSender(event, deps.devServerUrl);
    if (!sender.ok) {
      deps.onRefused?.('huibian:api', sender.reason);
      return fail('forbidden', `refused: ${sender.reason}`);
    }
    if (typeof method !== 'string' || method.length === 0 || method.length > 64) return fail('invalid-input', 'method must be a short string');
    const pathProblem = await checkPathsIn(method, input, deps.grants);
    if (pathProblem) {
      deps.onRefused?.(method, pathProblem);
      return fail('forbidden', pathProblem);
    }
    try {
      const result = await deps.dispatch(method, input);
      // The file the app just wrote may be shown in its folder.
      const written = (result as { path?: unknown } | null)?.path;
      if (method === 'export.run' && typeof written === 'string') deps.grants.grant(written);
      return { ok: true, result };
    } catch (error) {
      return errorReply(error);
    }
  };
}

/** The native dialogs, reduced to what the handlers need from Electron's dialog and shell modules. */
export interface DialogPort {
  showOpen(options: { filters: Array<{ name: string; extensions: string[] }> }): Promise<string[]>;
  showSave(options: { defaultPath: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<string | null>;
  showItemInFolder(file: string): void;
  /** Folder the save dialog starts in (Documents). */
  defaultSaveDir(): string;
}

export const OPEN_DRAFT_FILTERS = [
  { name: '案例草稿 (txt, html, docx, doc, md)', extensions: IMPORT_EXTENSIONS.map((ext) => ext.slice(1)) },
  { name: '所有文件', extensions: ['*'] },
];

export interface DialogDeps {
  grants: PathGrants;
  dialogs: DialogPort;
  devServerUrl?: string;
  onRefused?: IpcDeps['onRefused'];
  /** 最近导出: where files chosen in the save dialog are remembered. */
  recent?: { add(file: string): void; list(): Array<{ path: string; at: string }> };
}

export function createDialogHandlers(deps: DialogDeps) {
  const guard = (event: IpcSenderLike, what: string): boolean => {
    const verdict = checkIpcSender(event, deps.devServerUrl);
    if (!verdict.ok) deps.onRefused?.(what, verdict.reason);
    return verdict.ok;
  };
  return {
    async openDrafts(event: IpcSenderLike): Promise<string[]> {
      if (!guard(event, 'openDrafts')) return [];
      const chosen = await deps.dialogs.showOpen({ filters: OPEN_DRAFT_FILTERS });
      for (const file of chosen) deps.grants.grant(file);
      return chosen;
    },

    async saveExport(event: IpcSenderLike, defaultName: unknown, format: unknown): Promise<string | null> {
      if (!guard(event, 'saveExport')) return null;
      if (!EXPORT_FORMATS.includes(format as ExportFormat)) return null;
      const fmt = format as ExportFormat;
      const chosen = await deps.dialogs.showSave({
        defaultPath: path.join(deps.dialogs.defaultSaveDir(), exportFileName(defaultName, fmt)),
        filters: [{ name: fmt === 'pdf' ? 'PDF' : 'Word (DOCX)', extensions: [fmt] }],
      });
      if (!chosen) return null;
      const target = withExtension(chosen, fmt);
      deps.grants.grant(target);
      deps.recent?.add(target);
      return target;
    },

    /** The remembered exports that still exist; each may be revealed in its folder again. */
    async recentExports(event: IpcSenderLike): Promise<Array<{ path: string; at: string }>> {
      if (!guard(event, 'recentExports')) return [];
      const list = deps.recent?.list() ?? [];
      for (const r of list) deps.grants.grant(r.path);
      return list;
    },

    async showInFolder(event: IpcSenderLike, file: unknown): Promise<void> {
      if (!guard(event, 'showInFolder')) return;
      if (typeof file !== 'string' || !deps.grants.has(file)) {
        deps.onRefused?.('showInFolder', `not a file the user chose or the app wrote: ${String(file)}`);
        return;
      }
      deps.dialogs.showItemInFolder(path.resolve(file));
    },

    /**
     * The preload reports a dropped file's real path. webUtils.getPathForFile needs a real
     * File, so the page cannot invent one; whether the file can be imported is checked, with
     * a clear message, when it is.
     */
    async grantDropped(event: IpcSenderLike, file: unknown): Promise<boolean> {
      if (!guard(event, 'grantDropped')) return false;
      if (typeof file !== 'string' || file.length === 0 || file.length > 4096 || file.includes('\0') || !path.isAbsolute(file)) return false;
      deps.grants.grant(file);
      return true;
    },
  };
}
