/**
 * The loopback server: the renderer in a plain browser (development, e2e tests) talks to
 * the same API table as under Electron. Bound to 127.0.0.1 only, on a random port, and
 * guarded by a random token the page reads from a <meta> tag; Host is checked against
 * DNS rebinding; static files are confined to the built renderer and served with a strict CSP.
 */
import { mimeTypeOf } from './mime.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createApi, type Api } from '../api/index.js';
import { errorPayload } from '../api/dispatch.js';
import { ApiError } from '../api/schema.js';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' wss: ws://127.0.0.1:* ws://localhost:*; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** JSON bodies above this are refused; base64 imports of the API's own limit fit below it. */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;

export interface ServerOptions {
  dataDir: string;
  port?: number;
  host?: '127.0.0.1';
  /** Built renderer to serve; defaults to out/renderer under the working directory. */
  staticDir?: string | null;
  /** Reuse an API (tests); otherwise one is created on dataDir and closed with the server. */
  api?: Api;
  maxBodyBytes?: number;
  /**
   * Let callers name files on disk (import.preview paths, export.run outPath). Off by default:
   * a browser page can only upload bytes and download from /files/, so a script that got hold
   * of the token still cannot read or overwrite arbitrary files through the server.
   */
  allowPaths?: boolean;
}

export interface RunningServer {
  url: string;
  token: string;
  port: number;
  api: Api;
  close(): Promise<void>;
}


const STATUS: Record<string, number> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  locked: 409,
  'import-failed': 422,
  'export-failed': 500,
  internal: 500,
};

function baseHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
    ...extra,
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, baseHeaders({ 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) }));
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

function tokensEqual(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new ApiError('invalid-input', `request body larger than ${limit} bytes`);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      // drain without keeping it, so the client receives the 413 instead of a reset
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) return;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** Why an input is refused on this transport (a file path the page could not have chosen), or null. */
export function pathProblem(method: string, input: unknown): string | null {
  if (!input || typeof input !== 'object') return null;
  const record = input as Record<string, unknown>;
  if (method === 'import.preview' && Array.isArray(record.files) && record.files.some((f) => f && typeof f === 'object' && 'path' in f)) {
    return 'import.preview: over HTTP, send the file bytes (data), not a path';
  }
  if (method === 'export.run' && record.outPath !== undefined) {
    return 'export.run: over HTTP, exports go to the exports folder and are fetched from /files/; outPath is not accepted';
  }
  return null;
}

/** Resolves a URL path inside `root`, or null when it would leave it. */
export function confinedPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const target = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  if (target !== base && !target.startsWith(base + path.sep)) return null;
  return target;
}

async function serveStatic(
  res: http.ServerResponse,
  staticDir: string,
  urlPath: string,
  token: string,
  method: string,
): Promise<void> {
  const wanted = urlPath === '/' ? '/index.html' : urlPath;
  const file = confinedPath(staticDir, wanted);
  if (!file) return sendError(res, 403, 'forbidden', 'path outside the application folder');
  let real: string;
  try {
    // symlinks must not lead out of the folder either
    real = await fs.realpath(file);
    const realRoot = await fs.realpath(staticDir);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return sendError(res, 403, 'forbidden', 'path outside the application folder');
    const stat = await fs.stat(real);
    if (!stat.isFile()) throw new Error('not a file');
  } catch {
    // client-side routes fall back to the app shell; missing assets are 404
    if (!path.extname(wanted)) return serveStatic(res, staticDir, '/index.html', token, method);
    return sendError(res, 404, 'not-found', `no such file: ${wanted}`);
  }
  const type = mimeTypeOf(real);
  if (path.basename(real) === 'index.html') {
    const html = injectToken(await fs.readFile(real, 'utf8'), token);
    res.writeHead(200, baseHeaders({ 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(html)) }));
    res.end(method === 'HEAD' ? undefined : html);
    return;
  }
  const stat = await fs.stat(real);
  res.writeHead(200, baseHeaders({ 'Content-Type': type, 'Content-Length': String(stat.size) }));
  if (method === 'HEAD') return void res.end();
  createReadStream(real).pipe(res);
}

/** Puts the token into the page as a meta tag (the CSP forbids inline scripts). */
export function injectToken(html: string, token: string): string {
  const meta = `<meta name="huibian-token" content="${token}">`;
  const cleaned = html.replace(/<meta\s+name=["']huibian-token["'][^>]*>\s*/gi, '');
  if (/<head[^>]*>/i.test(cleaned)) return cleaned.replace(/<head[^>]*>/i, (m) => `${m}\n    ${meta}`);
  return `${meta}\n${cleaned}`;
}

async function serveExport(res: http.ServerResponse, dataDir: string, name: string, method: string): Promise<void> {
  const exportsDir = path.join(dataDir, 'exports');
  const file = confinedPath(exportsDir, name);
  if (!file || path.dirname(file) !== path.resolve(exportsDir)) return sendError(res, 403, 'forbidden', 'only files of the exports folder are served');
  let stat;
  try {
    stat = await fs.lstat(file);
  } catch {
    return sendError(res, 404, 'not-found', `no exported file ${path.basename(file)}`);
  }
  if (!stat.isFile()) return sendError(res, 403, 'forbidden', 'not a regular file');
  const base = path.basename(file);
  res.writeHead(
    200,
    baseHeaders({
      'Content-Type': mimeTypeOf(base),
      'Content-Length': String(stat.size),
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(base)}`,
    }),
  );
  if (method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('the loopback server listens on 127.0.0.1 only');
  const api = options.api ?? createApi({ dataDir: options.dataDir, transport: 'http' });
  const ownsApi = !options.api;
  const dataDir = api.context.dataDir;
  const staticDir = options.staticDir === null ? null : path.resolve(options.staticDir ?? path.join(process.cwd(), 'out', 'renderer'));
  const token = randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let port = 0;

  const server = http.createServer(async (req, res) => {
    try {
      // DNS rebinding: a page on another name resolved to 127.0.0.1 must not reach us
      const hostHeader = req.headers.host ?? '';
      if (hostHeader !== `127.0.0.1:${port}` && hostHeader !== `localhost:${port}`) {
        return sendError(res, 403, 'forbidden', 'unexpected Host header');
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const method = req.method ?? 'GET';

      if (url.pathname.startsWith('/api/')) {
        if (method !== 'POST') {
          res.setHeader('Allow', 'POST');
          return sendError(res, 405, 'invalid-input', 'the API takes POST only');
        }
        const given = req.headers['x-huibian-token'];
        if (!tokensEqual(Array.isArray(given) ? given[0] : given, token)) return sendError(res, 403, 'forbidden', 'missing or wrong token');
        const origin = req.headers.origin;
        if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
          return sendError(res, 403, 'forbidden', 'cross-origin request refused');
        }
        const type = String(req.headers['content-type'] ?? '');
        if (type && !type.startsWith('application/json')) return sendError(res, 415, 'invalid-input', 'send application/json');
        let input: unknown;
        try {
          const body = await readBody(req, maxBody);
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch (error) {
          if (error instanceof ApiError) {
            res.setHeader('Connection', 'close');
            return sendError(res, 413, error.code, error.message);
          }
          return sendError(res, 400, 'invalid-input', 'the body is not valid JSON');
        }
        const name = decodeURIComponent(url.pathname.slice('/api/'.length));
        const refused = options.allowPaths ? null : pathProblem(name, input);
        if (refused) return sendError(res, 403, 'forbidden', refused);
        try {
          const result = await api.dispatch(name, input);
          return sendJson(res, 200, { result });
        } catch (error) {
          const payload = errorPayload(error);
          return sendJson(res, STATUS[payload.error.code] ?? 500, payload);
        }
      }

      if (method !== 'GET' && method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return sendError(res, 405, 'invalid-input', 'method not allowed');
      }
      if (url.pathname.startsWith('/files/')) {
        if (!tokensEqual(url.searchParams.get('token'), token)) return sendError(res, 403, 'forbidden', 'missing or wrong token');
        return await serveExport(res, dataDir, url.pathname.slice('/files/'.length), method);
      }
      if (!staticDir) return sendError(res, 404, 'not-found', 'no renderer is served by this server');
      return await serveStatic(res, staticDir, url.pathname, token, method);
    } catch (error) {
      if (!res.headersSent) sendError(res, 500, 'internal', (error as Error).message);
      else res.destroy();
    }
  });
  server.requestTimeout = 10 * 60 * 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    port,
    api,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownsApi) api.close();
    },
  };
}
