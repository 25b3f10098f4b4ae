/**
 * The main thread's handle on the API host worker (api-host.ts): a Dispatch that posts each
 * call to the worker and resolves with its answer. Errors come back as objects carrying the
 * API's `code`, so the IPC layer passes them on unchanged. If the worker dies (a crash in a
 * native writer), pending calls fail with a clear message and the next call starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { ApiHostOptions, HostReply, HostRequest } from './api-host.js';

export type Dispatch = (method: string, input: unknown) => Promise<unknown>;

export interface ApiHost {
  dispatch: Dispatch;
  close(): Promise<void>;
  /** The worker's thread id (tests). */
  readonly threadId: number;
}

export class ApiHostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface HostEntry {
  /** The worker script: the built api-host.js, or api-host.ts when running from sources under tsx. */
  url: URL;
}

/** Where the worker script is: next to this module, built (.js) or in the sources (.ts). */
export function defaultHostEntry(moduleUrl: string = import.meta.url): HostEntry {
  return { url: new URL(moduleUrl.endsWith('.ts') ? './api-host.ts' : './api-host.js', moduleUrl) };
}

/**
 * Node 20 does not carry tsx's loader into worker threads (`execArgv: ['--import', 'tsx']`
 * fails with "Unknown file extension .ts"), so a TypeScript entry gets a tiny bootstrap that
 * registers tsx inside the worker first.
 */
function newWorker(entry: HostEntry, workerData: unknown): Worker {
  if (!entry.url.pathname.endsWith('.ts')) return new Worker(entry.url, { workerData });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.url.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function spawnHost(options: ApiHostOptions, entry: HostEntry): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = newWorker(entry, options);
    const onMessage = (m: HostReply) => {
      if (m.type === 'ready') {
        cleanup();
        resolve(worker);
      } else if (m.type === 'failed') {
        cleanup();
        reject(new Error(m.message));
      }
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`the API worker exited (code ${code}) before it was ready`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

export async function startApiHost(options: ApiHostOptions, entry: HostEntry = defaultHostEntry()): Promise<ApiHost> {
  let worker: Worker | null = null;
  let starting: Promise<Worker> | null = null;
  let closed = false;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const attach = (w: Worker): Worker => {
    w.on('message', (m: HostReply) => {
      if (m.type !== 'result') return;
      const call = pending.get(m.id);
      if (!call) return;
      pending.delete(m.id);
      if (m.ok) call.resolve(m.result);
      else call.reject(new ApiHostError(m.error.code, m.error.message));
    });
    const fail = (why: string) => {
      if (worker === w) worker = null;
      for (const [id, call] of pending) {
        pending.delete(id);
        call.reject(new ApiHostError('internal', why));
      }
    };
    w.on('error', (e) => fail(`the API worker failed: ${e.message}`));
    w.on('exit', (code) => {
      if (!closed) fail(`the API worker stopped (exit code ${code}); the call was not completed`);
    });
    return w;
  };

  const ensure = async (): Promise<Worker> => {
    if (worker) return worker;
    starting ??= spawnHost(options, entry).then(
      (w) => {
        starting = null;
        worker = attach(w);
        return w;
      },
      (e: unknown) => {
        starting = null;
        throw e;
      },
    );
    return starting;
  };

  const first = attach(await spawnHost(options, entry));
  worker = first;

  return {
    threadId: first.threadId,
    async dispatch(method, input) {
      if (closed) throw new ApiHostError('internal', 'the API is closed');
      const w = await ensure();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          w.postMessage({ type: 'call', id, method, input } satisfies HostRequest);
        } catch (error) {
          pending.delete(id);
          reject(new ApiHostError('invalid-input', `input cannot be sent: ${(error as Error).message}`));
        }
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      const w = worker;
      worker = null;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage({ type: 'close' } satisfies HostRequest);
      // The library closes cleanly in the worker; if it hangs, do not keep the app from quitting.
      const timer = setTimeout(() => void w.terminate(), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
