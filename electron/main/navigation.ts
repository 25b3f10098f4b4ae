/**
 * Where the app's window may go. The window only ever shows the bundled UI: every
 * navigation away from it, every redirect and every window.open is refused. Links to the
 * web (a ministry page cited in a case) open in the user's browser, and only when they
 * are plain https/http links to hosts on the allow-list below.
 */
import { APP_HOST, APP_SCHEME } from './app-protocol.js';

/** Hosts whose pages may be opened in the system browser (exact host or a subdomain of it). */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'mca.gov.cn', // 民政部
  'gov.cn', // 中国政府网 and every government site under it
  'zgmzb.com', // 《中国民政》 magazine
  'github.com', // the project's own page (关于)
];

/** True for a page of the app itself: app://huibian/…, or the dev server in development. */
export function isAppPageUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && !url.username && !url.password && !url.port) {
    return true;
  }
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
  }
  return false;
}

/**
 * will-navigate / will-redirect: nothing but reloads of the app's own pages. In-page
 * anchors do not fire will-navigate, so this refuses real page changes only.
 */
export function isAllowedNavigation(target: string, devServerUrl?: string): boolean {
  return isAppPageUrl(target, devServerUrl);
}

/** A link that may be handed to shell.openExternal: http(s), no credentials, allow-listed host. */
export function isAllowedExternalUrl(raw: string, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host || /^[\d.]+$/.test(host) || host.startsWith('[')) return false; // bare IPs: never
  return allowList.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/** setWindowOpenHandler: the app never opens windows of its own; allowed links go to the browser. */
export function decideWindowOpen(target: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isAllowedExternalUrl(target) ? target : null };
}

/**
 * session.webRequest.onBeforeRequest: no remote content. The page loads from app:// only
 * (plus the dev server and its HMR socket in development); data: and blob: never reach the
 * network. Everything else — http(s) to the internet, file://, other custom schemes — is cancelled.
 */
export function isAllowedRequest(raw: string, devServerUrl?: string, teamServer?: string | null): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:') return true;
  if (isAppPageUrl(raw, devServerUrl)) return true;
  const ws = url.protocol === 'ws:' || url.protocol === 'wss:';
  // The team server the user set, WebSocket only (CollabPlugin).
  if (ws && teamServer && URL.canParse(teamServer) && url.origin === new URL(teamServer).origin) return true;
  if (devServerUrl && ws) return url.host === new URL(devServerUrl).host;
  return false;
}
