/**
 * Review comment threads on a document (reviewed DOCX files come back through import: see
 * ../review.ts), and the offline review package (.hbreview): a preview of what merging it
 * would do, then the merge.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import type { ReviewPackage } from '../../team/review.js';
import type { TeamConnection } from '../../team/client.js';
import { LOCKED_STATUSES } from '../../model/schema.js';
import type { CaseMeta } from '../../model/types.js';
import { TeamDocs } from '../../store/ydocs.js';
import { ApiError, type ApiInput } from '../schema.js';
import type { ReviewPackCase } from '../reviewPackSchema.js';

type PackFile = ApiInput<'reviewPack.preview'>['file'];

/** How long a preview or merge waits for the team server before it works on the library's replicas. */
const SERVER_WAIT_MS = 8000;

function packBytes(ctx: ApiContext, file: PackFile): Buffer {
  if (file.data !== undefined) return Buffer.from(file.data, 'base64');
  const p = file.path!;
  let size: number;
  try {
    const stat = statSync(p);
    if (!stat.isFile()) throw new ApiError('invalid-input', `${file.name}：这不是一个文件，请选择 .hbreview 审阅包。`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('not-found', `${file.name}：找不到这个文件，请确认它没有被移动或删除。`);
  }
  if (size > ctx.maxImportBytes) throw new ApiError('invalid-input', `${file.name}：文件过大，不是审阅包。`);
  return readFileSync(p);
}

async function openPack(ctx: ApiContext, file: PackFile): Promise<ReviewPackage> {
  const review = await import('../../team/review.js');
  const bytes = packBytes(ctx, file);
  try {
    return review.readReviewPackage(bytes);
  } catch (error) {
    if (error instanceof review.ReviewPackageError) {
      const hint = path.extname(file.name).toLowerCase() === review.REVIEW_EXTENSION ? '' : `（审阅包的文件名以 ${review.REVIEW_EXTENSION} 结尾）`;
      throw new ApiError('invalid-input', `${file.name}：${error.message}${hint}`);
    }
    throw error;
  }
}

interface Current {
  /** The case's document as the editor has it now: the server's, with the library's replica merged in. */
  docs: Map<string, Y.Doc>;
  /** The live connections, when the server answered (a merge writes into them). */
  conns: Map<string, TeamConnection> | null;
  note?: string;
  close(): void;
}

/** Each linked case's current document, from the team server when it answers in time, else the library's replica. */
async function currentDocs(ctx: ApiContext, links: Map<string, Uint8Array>): Promise<Current> {
  const Yjs = await import('yjs');
  const local = (): Map<string, Y.Doc> => {
    const docs = new Map<string, Y.Doc>();
    for (const [name, state] of links) {
      const doc = new Yjs.Doc();
      Yjs.applyUpdate(doc, state);
      docs.set(name, doc);
    }
    return docs;
  };
  const server = ctx.store.getSetting('team.server');
  const token = ctx.store.getSetting('team.token');
  if (!server || !token) return { docs: local(), conns: null, note: '未设置团队服务器：以本库中的副本为准，合并后在下次打开案例时同步到服务器。', close: () => undefined };
  const { connect, openSocket } = await import('../../team/client.js');
  const socket = openSocket(server);
  const conns = new Map<string, TeamConnection>();
  const close = (): void => {
    for (const c of conns.values()) c.close();
    socket.destroy();
  };
  for (const name of links.keys()) conns.set(name, connect({ url: server, token, name, socket }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      Promise.all([...conns.values()].map((c) => c.ready)),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), SERVER_WAIT_MS))),
    ]);
  } catch (error) {
    close();
    const why = (error as Error).message === 'timeout' ? `${Math.round(SERVER_WAIT_MS / 1000)} 秒内没有响应` : (error as Error).message;
    return { docs: local(), conns: null, note: `无法连接团队服务器 ${server}（${why}）：以本库中的副本为准，合并后在下次打开案例时同步到服务器。`, close: () => undefined };
  } finally {
    clearTimeout(timer);
  }
  const docs = new Map<string, Y.Doc>();
  for (const [name, c] of conns) {
    // A copy for reading: the replica's offline edits join it without reaching the server yet.
    const doc = new Yjs.Doc();
    Yjs.applyUpdate(doc, Yjs.encodeStateAsUpdate(c.doc));
    Yjs.applyUpdate(doc, links.get(name)!);
    docs.set(name, doc);
  }
  return { docs, conns, close };
}

function linksOf(ctx: ApiContext, pkg: ReviewPackage, fileName: string): { teamDocs: TeamDocs; byName: Map<string, { documentId: string; state: Uint8Array }> } {
  const teamDocs = new TeamDocs(ctx.store.db);
  if (!teamDocs.inCollection(pkg.collectionId).length) {
    throw new ApiError(
      'not-found',
      `${fileName}：这个审阅包属于合集「${pkg.collectionTitle}」，本库中没有与团队共享的这份合集。请先在“团队”中共享或拉取该合集，再导入审阅包。`,
    );
  }
  const byName = new Map<string, { documentId: string; state: Uint8Array }>();
  for (const c of pkg.cases) {
    const link = teamDocs.byTeamName(c.name);
    if (link) byName.set(c.name, { documentId: link.documentId, state: link.state });
  }
  return { teamDocs, byName };
}

function isLocked(ctx: ApiContext, documentId: string): boolean {
  const doc = ctx.store.getDocument(documentId).document;
  return doc.kind === 'case' && LOCKED_STATUSES.includes((doc.meta as CaseMeta).status ?? 'draft');
}

export const reviewHandlers: Pick<
  Handlers<ApiContext>,
  'comments.list' | 'comments.add' | 'comments.reply' | 'comments.resolve' | 'comments.delete' | 'reviewPack.preview' | 'reviewPack.merge'
> = {
  'comments.list': (ctx, input) => ctx.store.listComments(input.documentId, input.openOnly),
  'comments.add': (ctx, input) => ctx.store.addComment(input),
  'comments.reply': (ctx, input) => ctx.store.replyComment(input.threadId, input),
  'comments.resolve': (ctx, input) => ctx.store.resolveComment(input.threadId, input.resolved),
  'comments.delete': (ctx, input) => {
    ctx.store.deleteComment(input.threadId);
    return { ok: true };
  },

  'reviewPack.preview': async (ctx, { file }) => {
    const pkg = await openPack(ctx, file);
    const { byName } = linksOf(ctx, pkg, file.name);
    const { previewReviewCase } = await import('../../team/review.js');
    const current = await currentDocs(ctx, new Map([...byName].map(([name, l]) => [name, l.state])));
    try {
      const cases: ReviewPackCase[] = pkg.cases.map((c) => {
        const link = byName.get(c.name);
        const doc = current.docs.get(c.name);
        if (!link || !doc) {
          const title = String(c.doc.getMap('meta').get('title') ?? c.name);
          return { name: c.name, title, documentId: null, locked: false, threads: [], edits: [], meta: [], conflicts: [], changes: [], wrote: {} };
        }
        return { ...previewReviewCase(c.doc, doc, c.name), documentId: link.documentId, locked: isLocked(ctx, link.documentId) };
      });
      return {
        fileName: file.name,
        collectionId: pkg.collectionId,
        collectionTitle: pkg.collectionTitle,
        createdBy: pkg.createdBy,
        createdAt: pkg.createdAt,
        against: current.conns ? 'server' : 'local',
        ...(current.note ? { serverNote: current.note } : {}),
        cases,
      };
    } finally {
      current.close();
      for (const d of current.docs.values()) d.destroy();
    }
  },

  'reviewPack.merge': async (ctx, { file }) => {
    const pkg = await openPack(ctx, file);
    const { teamDocs, byName } = linksOf(ctx, pkg, file.name);
    const title = (c: ReviewPackage['cases'][number]): string => String(c.doc.getMap('meta').get('title') ?? c.name);
    // Refused as a whole before anything is written: nothing half-merged.
    const missing = pkg.cases.filter((c) => !byName.has(c.name));
    if (missing.length) {
      throw new ApiError('not-found', `${file.name}：本库中没有审阅包里的 ${missing.length} 篇案例（${missing.map((c) => `「${title(c)}」`).join('、')}），未合并任何内容。请先在“团队”中拉取该合集。`);
    }
    const locked = pkg.cases.filter((c) => isLocked(ctx, byName.get(c.name)!.documentId));
    if (locked.length) {
      throw new ApiError('locked', `${locked.map((c) => `「${title(c)}」`).join('、')}已定稿或已报送：请先重新打开，再合并审阅包。未合并任何内容。`);
    }
    const Yjs = await import('yjs');
    const { mergeReviewPackage } = await import('../../team/review.js');
    const { yDocToCase } = await import('../../team/casedoc.js');
    const current = await currentDocs(ctx, new Map([...byName].map(([name, l]) => [name, l.state])));
    try {
      // Into the live documents when the server answered (the replica's offline edits go up
      // with them, as a pull does), else into the replicas.
      const target = new Map<string, Y.Doc>();
      for (const c of pkg.cases) {
        const conn = current.conns?.get(c.name);
        if (conn) Yjs.applyUpdate(conn.doc, byName.get(c.name)!.state, 'local-replica');
        target.set(c.name, conn?.doc ?? current.docs.get(c.name)!);
      }
      const merged = mergeReviewPackage(pkg, (name) => target.get(name) ?? null);
      if (current.conns) await Promise.all([...current.conns.values()].map((c) => c.acknowledged()));
      const cases = merged.map((m) => {
        const documentId = byName.get(m.name)!.documentId;
        const doc = target.get(m.name)!;
        teamDocs.put(documentId, m.name, Yjs.encodeStateAsUpdate(doc));
        // The library row follows the team document, as for a pull: search and the writers read it.
        const { document, threads } = yDocToCase(doc);
        const { status: _status, ...meta } = document.meta;
        ctx.store.saveDocument(documentId, { meta, body: document.body, autosave: true });
        const known = new Set(ctx.store.listComments(documentId).map((t) => t.id));
        let threadsAdded = 0;
        for (const t of threads) {
          if (known.has(t.id)) continue;
          ctx.store.addComment({ documentId, id: t.id, quote: t.quote, text: t.suggestion ? `${t.text}（建议改为：${t.suggestion}）` : t.text, author: t.author });
          threadsAdded++;
        }
        return { documentId, name: m.name, title: m.title, changes: m.changes, wrote: m.wrote, threadsAdded };
      });
      return {
        fileName: file.name,
        collectionTitle: pkg.collectionTitle,
        into: current.conns ? 'server' : 'local',
        ...(current.note ? { serverNote: current.note } : {}),
        cases,
      };
    } finally {
      current.close();
    }
  },
};
