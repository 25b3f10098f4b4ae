/**
 * The preload: the only code that can reach both the page and Electron. It runs sandboxed
 * (one CommonJS file, `require('electron')` only) and exposes exactly one object,
 * window.huibian, whose functions forward to fixed IPC channels — never ipcRenderer itself,
 * never a generic "send anything" door.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { BridgeApiError, HuibianBridge, MenuCommand } from './bridge-types.js';
import { CHANNELS, type ApiReply } from './channels.js';

/** Grants for dropped files travel ahead of the API call that uses them. */
const pendingGrants = new Set<Promise<unknown>>();

async function settleGrants(): Promise<void> {
  if (pendingGrants.size > 0) await Promise.allSettled([...pendingGrants]);
}

/**
 * What `call` rejects with. A plain object on purpose: the contextBridge rebuilds real Error
 * objects from their message alone, so a thrown Error would reach the page without `code`.
 */
function bridgeError(code: string, message: string): BridgeApiError {
  return { name: 'ApiError', code, message, toString: () => `ApiError [${code}]: ${message}` };
}

const bridge: HuibianBridge = {
  async call(method, input) {
    if (typeof method !== 'string') throw bridgeError('invalid-input', 'method must be a string');
    await settleGrants();
    const reply = (await ipcRenderer.invoke(CHANNELS.api, method, input)) as ApiReply;
    if (reply.ok) return reply.result;
    throw bridgeError(reply.error.code, reply.error.message);
  },
  dialogs: {
    openDrafts: () => ipcRenderer.invoke(CHANNELS.openDrafts) as Promise<string[]>,
    saveExport: (defaultName, format) => ipcRenderer.invoke(CHANNELS.saveExport, String(defaultName), format) as Promise<string | null>,
    recentExports: () => ipcRenderer.invoke(CHANNELS.recentExports) as Promise<Array<{ path: string; at: string }>>,
  },
  onBeforeClose(handler) {
    if (typeof handler !== 'function') throw new TypeError('onBeforeClose needs a function');
    const wrapped = (): void => {
      void Promise.resolve()
        .then(handler)
        .catch(() => undefined)
        .finally(() => ipcRenderer.send(CHANNELS.flushed));
    };
    ipcRenderer.on(CHANNELS.flushRequest, wrapped);
    return () => {
      ipcRenderer.removeListener(CHANNELS.flushRequest, wrapped);
    };
  },
  async showInFolder(file) {
    await settleGrants();
    await ipcRenderer.invoke(CHANNELS.showInFolder, String(file));
  },
  pathForFile(file) {
    // Throws for non-File values; returns '' for Files built in JS (no file on disk behind them).
    const found = webUtils.getPathForFile(file);
    if (found) {
      const grant = ipcRenderer.invoke(CHANNELS.grantDropped, found).finally(() => pendingGrants.delete(grant));
      pendingGrants.add(grant);
    }
    return found;
  },
  onMenu(listener) {
    if (typeof listener !== 'function') throw new TypeError('onMenu needs a function');
    const wrapped = (_event: IpcRendererEvent, command: unknown): void => {
      if (typeof command === 'string') listener(command as MenuCommand);
    };
    ipcRenderer.on(CHANNELS.menu, wrapped);
    return () => {
      ipcRenderer.removeListener(CHANNELS.menu, wrapped);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('huibian', bridge);
