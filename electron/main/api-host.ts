/**
 * Worker-thread entry that hosts the API (createApi: the library, importers, writers) off
 * the Electron main thread. The main thread only routes windows, menus and IPC; an import
 * of hundreds of drafts or a 1,000-page export runs here and never freezes the UI.
 * Messages: {id, method, input} in; {id, ok, result | error:{code,message}} out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createApi } from '../core/api/index.js';

export interface ApiHostOptions {
  dataDir: string;
  /** better-sqlite3 built for the runtime (Electron's ABI in the app). */
  nativeBinding?: string;
}

export type HostRequest = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close' };
export type HostReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; ok: true; result: unknown }
  | { type: 'result'; id: number; ok: false; error: { code: string; message: string } };

const port = parentPort;
if (!port) throw new Error('api-host runs only as a worker thread');
const options = workerData as ApiHostOptions;

let api: ReturnType<typeof createApi>;
try {
  api = createApi({ dataDir: options.dataDir, transport: 'ipc', nativeBinding: options.nativeBinding });
  port.postMessage({ type: 'ready' } satisfies HostReply);
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies HostReply);
  process.exit(1);
}

port.on('message', async (message: HostRequest) => {
  if (message.type === 'close') {
    api.close();
    port.close();
    return;
  }
  let reply: HostReply;
  try {
    reply = { type: 'result', id: message.id, ok: true, result: await api.dispatch(message.method, message.input) };
  } catch (error) {
    const e = (error ?? {}) as { code?: unknown; message?: unknown };
    reply = {
      type: 'result',
      id: message.id,
      ok: false,
      error: { code: typeof e.code === 'string' ? e.code : 'internal', message: typeof e.message === 'string' ? e.message : String(error) },
    };
  }
  try {
    port.postMessage(reply);
  } catch (error) {
    // A result that cannot be cloned is a bug in a handler; the caller still gets an answer.
    port.postMessage({ type: 'result', id: message.id, ok: false, error: { code: 'internal', message: `result not transferable: ${(error as Error).message}` } } satisfies HostReply);
  }
});
