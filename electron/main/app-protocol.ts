/**
 * The app:// protocol that serves the built renderer (out/renderer) to the window, instead
 * of file:// (which would give the page the whole disk as its origin). Pure Node: the
 * Electron wiring hands each request to handleAppRequest and returns its Response.
 *
 * Chromium already normalises URLs of standard schemes, but the handler does not rely on
 * it: any URL that tries to leave the folder — `..` plain or percent-encoded, encoded
 * slashes or backslashes, absolute or drive paths, symlinks pointing outside — is refused,
 * never quietly rewritten into something else.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { securityHeaders, type CspOptions } from './csp.js';
import { mimeTypeOf } from '../core/server/mime.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'huibian';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export type AppPathResolution =
  | { ok: true; file: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

export { mimeTypeOf };

/** Raw path part of an app:// URL, before any normalisation by a URL parser. */
function rawPathOf(url: string): string | null {
  const prefix = `${APP_SCHEME}://`;
  if (!url.toLowerCase().startsWith(prefix)) return null;
  const rest = url.slice(prefix.length);
  const slash = rest.indexOf('/');
  const pathAndQuery = slash === -1 ? '/' : rest.slice(slash);
  return pathAndQuery.split(/[?#]/, 1)[0] ?? '/';
}

function refuse(status: 400 | 403 | 404, reason: string): AppPathResolution {
  return { ok: false, status, reason };
}

/** Maps an app:// URL to a file inside rootDir, or says why it will not. */
export async function resolveAppPath(rootDir: string, requestUrl: string): Promise<AppPathResolution> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400, 'malformed URL');
  }
  if (url.protocol !== `${APP_SCHEME}:`) return refuse(400, `not an ${APP_SCHEME}: URL`);
  if (url.hostname !== APP_HOST) return refuse(404, `unknown host "${url.hostname}"`);

  const raw = rawPathOf(requestUrl);
  if (raw === null) return refuse(400, 'malformed URL');
  if (raw.includes('\\')) return refuse(400, 'backslash in path');

  const rawSegments = raw === '/' ? [] : raw.slice(1).split('/');
  const segments: string[] = [];
  for (const [i, rawSegment] of rawSegments.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    if (segment === '') {
      // A trailing slash is harmless; an empty segment elsewhere ("//etc") reads as an absolute path.
      if (i === rawSegments.length - 1 && i > 0) continue;
      return refuse(400, 'absolute or empty path segment');
    }
    if (segment === '.' || segment === '..') return refuse(403, 'path traversal');
    if (/[\\/\0]/.test(segment)) return refuse(400, 'encoded separator or NUL in path');
    if (/^[a-z]:/i.test(segment) || segment.includes(':')) return refuse(400, 'drive or stream name in path');
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  const root = path.resolve(rootDir);
  const candidate = path.join(root, ...segments);
  if (!isInside(root, candidate)) return refuse(403, 'path traversal');

  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fs.realpath(root);
    realFile = await fs.realpath(candidate);
  } catch {
    return refuse(404, 'not found');
  }
  // A symlink inside the folder may point anywhere; only its target counts.
  if (!isInside(realRoot, realFile)) return refuse(403, 'symlink leaves the app folder');
  const stat = await fs.stat(realFile);
  if (!stat.isFile()) return refuse(404, 'not a file');
  return { ok: true, file: realFile };
}

/** True when child is root itself or lies beneath it. */
export function isInside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Serves one request of the app:// protocol (Electron's protocol.handle hands a fetch Request). */
export async function handleAppRequest(rootDir: string, request: Request, csp: CspOptions = {}): Promise<Response> {
  const headers = securityHeaders(csp);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('method not allowed', { status: 405, headers: { ...headers, Allow: 'GET, HEAD' } });
  }
  const resolved = await resolveAppPath(rootDir, request.url);
  if (!resolved.ok) {
    return new Response(resolved.reason, { status: resolved.status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const body = request.method === 'HEAD' ? null : await fs.readFile(resolved.file);
  return new Response(body, {
    status: 200,
    headers: { ...headers, 'Content-Type': mimeTypeOf(resolved.file), 'Cache-Control': 'no-cache' },
  });
}
