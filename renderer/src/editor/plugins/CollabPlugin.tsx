/**
 * Team editing of one case: Lexical's own CollaborationPlugin over the Hocuspocus provider,
 * with the reviewer's name in awareness (others see it on their cursor) and a line naming who
 * else has the case open. The case must have been shared (huibian team share); its Yjs
 * document on the server is the source of truth, the local model follows by autosave.
 * While the connection is down the editor keeps working on its Yjs document and the
 * provider merges on reconnect.
 */
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Provider } from '@lexical/yjs';
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import * as Y from 'yjs';
import type { ApiResult } from '../../../../electron/core/api/schema.js';
import { api } from '../../api/client.js';
import { TeamThreads } from './TeamThreads.js';

type Listener = (...args: never[]) => void;

/** Where and as what a shared case joins (the API's team.session). */
export type TeamSession = NonNullable<ApiResult<'team.session'>>;

/** The @lexical/yjs Provider shape over a Hocuspocus provider (its events are named differently). */
function adapt(provider: HocuspocusProvider, socket: HocuspocusProviderWebsocket, beforeConnect: () => void): Provider {
  const wrapped = new Map<Listener, Listener>();
  const hocusEvent = (type: string): string => (type === 'sync' ? 'synced' : type);
  return {
    awareness: provider.awareness as unknown as Provider['awareness'],
    connect: () => {
      // Called once the binding observes the document: what is applied now reaches the editor.
      beforeConnect();
      // Lexical's CollaborationPlugin disconnects and connects again, in one go, whenever the
      // name or colour it was given changes (the reviewer name arriving after the editor
      // opened): a pause, not the end. The socket closed by disconnect() may still be closing
      // now, when its connect() does nothing; wanting a connection makes it reconnect once the
      // close is through (before, disconnect destroyed both and the page stayed on its library
      // replica, never syncing again).
      socket.shouldConnect = true;
      void socket.connect();
      provider.attach();
    },
    // Destroyed when the plugin unmounts (CollabPlugin below), not here.
    disconnect: () => {
      provider.detach();
      socket.disconnect();
    },
    on: (type: string, cb: Listener) => {
      const fn = type === 'sync' ? (((e: { state: boolean }) => (cb as (s: boolean) => void)(e.state)) as Listener) : cb;
      wrapped.set(cb, fn);
      provider.on(hocusEvent(type), fn);
    },
    off: (type: string, cb: Listener) => {
      provider.off(hocusEvent(type), wrapped.get(cb) ?? cb);
      wrapped.delete(cb);
    },
  } as unknown as Provider;
}

/** Open team documents by library document id, so the 元数据 panel's edits reach their meta map. */
const liveDocs = new Map<string, Y.Doc>();

/** The open team document of a shared case (for comments made in its editor). */
export function liveTeamDoc(documentId: string): Y.Doc | null {
  return liveDocs.get(documentId) ?? null;
}

/** Put a metadata patch of a shared case into its team document (no-op for other documents). */
export function publishTeamMeta(documentId: string, patch: Record<string, unknown>): void {
  const doc = liveDocs.get(documentId);
  if (!doc) return;
  const meta = doc.getMap<unknown>('meta');
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || key === 'id' || key === 'kind') continue;
      if (JSON.stringify(meta.get(key) ?? null) !== JSON.stringify(value)) meta.set(key, value);
    }
  });
}

const COLORS = ['#c0392b', '#2471a3', '#1e8449', '#b9770e', '#7d3c98', '#117a65'];

function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return COLORS[h % COLORS.length]!;
}

/** Who else has this case open, from the provider's awareness states. */
function Presence({ provider, me }: { provider: Provider; me: string }): JSX.Element {
  const [names, setNames] = useState<string[]>([]);
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const onStatus = ({ status }: { status: string }): void => setOnline(status === 'connected');
    provider.on('status', onStatus);
    return () => provider.off('status', onStatus);
  }, [provider]);
  useEffect(() => {
    const update = (): void => {
      const all = [...provider.awareness.getStates().values()].map((s) => s?.name).filter((n): n is string => typeof n === 'string' && n.length > 0);
      setNames(all);
    };
    update();
    provider.awareness.on('update', update);
    return () => provider.awareness.off('update', update);
  }, [provider]);
  const others = names.filter((n, i) => n !== me || names.indexOf(n) !== i);
  if (!online) {
    return (
      <div className="team-presence offline" role="status" aria-label="协同编辑">
        与团队服务器的连接已断开：修改保存在本机，重新连接后自动合并
      </div>
    );
  }
  return (
    <div className="team-presence" role="status" aria-label="协同编辑">
      {others.length ? `同时在编辑：${[...new Set(others)].join('、')}` : '协同编辑：只有您在此案例中'}
    </div>
  );
}

export function CollabPlugin({ session, user, readOnly }: { session: TeamSession; user: string | null; readOnly?: boolean }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [provider, setProvider] = useState<Provider | null>(null);
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const name = user ?? '编辑';
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const ready = useRef(false);
  const unlock = useCallback((): void => {
    ready.current = true;
    if (!readOnlyRef.current) editor.setEditable(true);
  }, [editor]);
  /** Every provider and socket the factory made, destroyed when the plugin unmounts. */
  const made = useRef<Array<{ hocus: HocuspocusProvider; socket: HocuspocusProviderWebsocket }>>([]);
  useEffect(
    () => () => {
      for (const { hocus, socket } of made.current.splice(0)) {
        hocus.destroy();
        socket.destroy();
      }
    },
    [],
  );
  const factory = useCallback(
    (id: string, docs: Map<string, Y.Doc>): Provider => {
      let doc = docs.get(id);
      if (!doc) {
        doc = new Y.Doc();
        docs.set(id, doc);
      }
      const ydoc = doc;
      // Retry at least every 2 s: after an outage the editors are back as soon as the server is.
      // Connected by the binding (adapt's connect), not on construction: one socket, one attempt.
      const socket = new HocuspocusProviderWebsocket({ url: session.server, maxDelay: 2000, autoConnect: false });
      const hocus = new HocuspocusProvider({ websocketProvider: socket, name: session.name, document: ydoc, token: session.token });
      made.current.push({ hocus, socket });
      // Registered before anything connects, so the first sync cannot be missed.
      hocus.on('synced', ({ state }: { state: boolean }) => {
        if (state) unlock();
      });
      let restored = false;
      const adapted = adapt(hocus, socket, () => {
        // The library's replica first: offline edits from an earlier session merge on sync.
        if (restored || !session.local) return;
        restored = true;
        Y.applyUpdate(ydoc, Uint8Array.from(atob(session.local), (c) => c.charCodeAt(0)), 'local-replica');
        // With the replica in place the case can be edited before (or without) the server.
        if (ydoc.get('root', Y.XmlText).length > 0) unlock();
      });
      setProvider(adapted);
      setDoc(ydoc);
      return adapted;
    },
    [session.server, session.name, session.token, session.local, unlock],
  );
  useEffect(() => {
    if (!doc) return;
    // A colleague's metadata change (arriving from the server) is saved into this library too.
    liveDocs.set(session.documentId, doc);
    const meta = doc.getMap<unknown>('meta');
    const onMeta = (event: Y.YMapEvent<unknown>): void => {
      if (event.transaction.local || event.transaction.origin === 'local-replica') return;
      const patch: Record<string, unknown> = {};
      for (const key of event.keysChanged) if (key !== 'id' && key !== 'kind') patch[key] = meta.get(key) ?? null;
      if (Object.keys(patch).length) void api('documents.save', { id: session.documentId, meta: patch, autosave: true }).catch(() => undefined);
    };
    meta.observe(onMeta);
    return () => {
      meta.unobserve(onMeta);
      if (liveDocs.get(session.documentId) === doc) liveDocs.delete(session.documentId);
    };
  }, [doc, session.documentId]);
  useEffect(() => {
    if (!doc) return;
    // Keep the library's replica current, a second after typing pauses, and when leaving.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const persist = (): void => {
      timer = null;
      const bytes = Y.encodeStateAsUpdate(doc);
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      void api('team.saveState', { documentId: session.documentId, state: btoa(binary) }).catch(() => undefined);
    };
    const onUpdate = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(persist, 1000);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer) {
        clearTimeout(timer);
        persist();
      }
    };
  }, [doc, session.documentId]);
  useEffect(() => {
    // The team document is the text: nothing is typed until it (or the library's replica) has
    // arrived, whoever else sets the editor editable meanwhile.
    if (!ready.current) editor.setEditable(false);
    return editor.registerEditableListener((editable) => {
      if (editable && !ready.current) editor.setEditable(false);
    });
  }, [editor]);
  return (
    <LexicalCollaboration>
      <CollaborationPlugin id={session.name} providerFactory={factory} shouldBootstrap={false} username={name} cursorColor={colorFor(name)} />
      {provider && <Presence provider={provider} me={name} />}
      {doc && <TeamThreads doc={doc} documentId={session.documentId} />}
    </LexicalCollaboration>
  );
}

/** The team session of a document: undefined while asking, null when it is not shared. */
export function useTeamSession(documentId: string): TeamSession | null | undefined {
  const [session, setSession] = useState<TeamSession | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setSession(undefined);
    api('team.session', { documentId })
      .then((s) => live && setSession(s))
      .catch(() => live && setSession(null));
    return () => {
      live = false;
    };
  }, [documentId]);
  return session;
}
