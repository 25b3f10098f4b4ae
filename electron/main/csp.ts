/**
 * The Content-Security-Policy the app's pages run under. The packaged UI comes from
 * app://huibian, so 'self' means exactly the bundled files: no remote script, no eval, no
 * plugins, no framing. Styles keep 'unsafe-inline' because React and Lexical set style
 * attributes; blob:/data: images cover pasted pictures and the PDF preview's canvases.
 */
export interface CspOptions {
  /** electron-vite's dev server origin (dev only): Vite's HMR needs its websocket. */
  devServerUrl?: string;
  /** The team server the user set (ws:// or wss://): CollabPlugin's WebSocket goes there only. */
  teamServer?: string | null;
}

function teamOrigin(url: string | null | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.protocol === 'ws:' || u.protocol === 'wss:' ? ` ${u.protocol}//${u.host}` : '';
  } catch {
    return '';
  }
}

export function buildCsp(options: CspOptions = {}): string {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : null;
  const devWs = dev ? ` ws://${dev.host}` : '';
  const devOrigin = dev ? ` ${dev.origin}` : '';
  const directives: Array<[string, string]> = [
    ['default-src', "'self'"],
    // Dev only: @vitejs/plugin-react injects an inline refresh preamble. Never eval.
    ['script-src', dev ? `'self' 'unsafe-inline'${devOrigin}` : "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    ['connect-src', `'self'${devOrigin}${devWs}${teamOrigin(options.teamServer)}`],
    ['worker-src', "'self' blob:"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['frame-ancestors', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Parses a policy into directive -> sources, for checks (tests, the e2e) that must not rely on string order. */
export function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** Extra response headers every app page gets alongside the CSP. */
export function securityHeaders(options: CspOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(options),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
