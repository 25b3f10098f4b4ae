/**
 * A team client in Node (the CLI, tests, benchmarks): the real Hocuspocus provider over the
 * `ws` package, since Node 20 has no WebSocket of its own. The desktop renderer uses the
 * browser's WebSocket through CollabPlugin instead.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface TeamConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves once the first sync is done; rejects when the server refuses the token. */
  ready: Promise<void>;
  /** Resolves when every local change has been acknowledged by the server. */
  acknowledged(): Promise<void>;
  close(): void;
}

export interface ConnectOptions {
  url: string;
  token: string;
  name: string;
  doc?: Y.Doc;
  /** Share one socket between several documents (Hocuspocus multiplexes them). */
  socket?: HocuspocusProviderWebsocket;
  user?: string;
}

export function openSocket(url: string): HocuspocusProviderWebsocket {
  return new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, maxDelay: 2000 });
}

export function connect(options: ConnectOptions): TeamConnection {
  const doc = options.doc ?? new Y.Doc();
  const socket = options.socket ?? openSocket(options.url);
  const ownSocket = !options.socket;
  let settle: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.name,
    document: doc,
    token: options.token,
    onSynced: () => settle.resolve(),
    onAuthenticationFailed: ({ reason }) => settle.reject(new Error(`服务器拒绝了连接：${reason}`)),
  });
  provider.attach();
  if (options.user) provider.setAwarenessField('user', { name: options.user });
  return {
    doc,
    provider,
    socket,
    ready,
    acknowledged: () =>
      new Promise<void>((resolve) => {
        if (!provider.hasUnsyncedChanges) return resolve();
        const check = (): void => {
          if (provider.hasUnsyncedChanges) return;
          provider.off('unsyncedChanges', check);
          resolve();
        };
        provider.on('unsyncedChanges', check);
      }),
    close() {
      provider.destroy();
      if (ownSocket) socket.destroy();
    },
  };
}
