/**
 * The renderer's one way to the core: the API table, over the Electron bridge when it is
 * there, otherwise over the loopback HTTP server (browser, dev, e2e). Components call
 * `api('documents.get', {id})` and never know which transport ran.
 */
import type { ApiInput, ApiMethod, ApiResult } from '../../../electron/core/api/schema.js';
import type { HuibianBridge } from '../../../electron/preload/bridge-types.js';

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export function bridge(): HuibianBridge | undefined {
  return (window as { huibian?: HuibianBridge }).huibian;
}

/** The loopback server injects its session token into the page it serves. */
export function httpToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="huibian-token"]')?.content ?? '';
}

/** Requests smaller than this may use fetch keepalive (the browser's limit is 64 KiB per page). */
const KEEPALIVE_MAX = 60_000;

export async function api<M extends ApiMethod>(method: M, input: ApiInput<M>, options: { keepalive?: boolean } = {}): Promise<ApiResult<M>> {
  const b = bridge();
  if (b) {
    try {
      return (await b.call(method, input)) as ApiResult<M>;
    } catch (error) {
      const e = error as Error & { code?: string };
      throw new ApiCallError(e.code ?? 'internal', e.message);
    }
  }
  let response: Response;
  const body = JSON.stringify(input ?? {});
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-huibian-token': httpToken() },
      body,
      // A save sent as the page goes away must outlive it.
      keepalive: Boolean(options.keepalive) && new Blob([body]).size < KEEPALIVE_MAX,
    });
  } catch (error) {
    throw new ApiCallError('internal', `无法连接本地服务：${(error as Error).message}`);
  }
  let payload: { result?: unknown; error?: { code: string; message: string } };
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    throw new ApiCallError('internal', `本地服务返回了无法解析的内容（HTTP ${response.status}）`);
  }
  if (payload.error) throw new ApiCallError(payload.error.code, payload.error.message);
  return payload.result as ApiResult<M>;
}

/** Where an exported file can be fetched in the browser transport. */
export function downloadUrl(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return `/files/${encodeURIComponent(name)}?token=${encodeURIComponent(httpToken())}`;
}

/** File bytes to base64 for `import.preview` over HTTP. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Import sources for files the user picked or dropped: a path inside Electron, bytes in a browser. */
export async function importSources(
  files: File[],
  onProgress?: (done: number, total: number) => void,
): Promise<Array<{ name: string; path?: string; data?: string }>> {
  const b = bridge();
  const out: Array<{ name: string; path?: string; data?: string }> = [];
  // One file at a time keeps memory flat for large batches and lets the UI count.
  for (const [i, file] of files.entries()) {
    const path = b?.pathForFile(file);
    out.push(path ? { name: file.name, path } : { name: file.name, data: await fileToBase64(file) });
    onProgress?.(i + 1, files.length);
  }
  return out;
}
