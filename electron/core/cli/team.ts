/**
 * The team commands: the server (`team-server`), its users (`team-user`), publishing and
 * bringing down collections (`team share|pull`), and offline review packages
 * (`review-pack export|merge`).
 */
import { promises as fs } from 'node:fs';
import { openLibrary } from './library.js';
import { showHelp } from './help.js';
import type { Io } from './io.js';
import { parseCommand, UsageError, type Options, type Values } from './usage.js';

/** The command's options parsed, and `need(value, flag)` refusing a missing one as its usage error. */
function args(command: string, argv: string[], options: Options): { values: Values; positionals: string[]; need: (value: unknown, flag: string) => string } {
  const need = (value: unknown, flag: string): string => {
    if (typeof value !== 'string' || !value) throw new UsageError(command, `缺少 ${flag}`);
    return value;
  };
  return { ...parseCommand(command, argv, options), need };
}

/** Usage errors exit 2 (printed by main); any other failure is printed here and exits 1. */
async function guarded(run: () => Promise<number>, io: Io): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.err((error as Error).message);
    return 1;
  }
}

export async function cmdTeamServer(argv: string[], io: Io): Promise<number> {
  return await guarded(async () => {
    const { values, need } = args('team-server', argv, { pg: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } });
    if (values.help) return showHelp('team-server', io);
    const { startTeamServer } = await import('../team/server.js');
    const server = await startTeamServer({
      pgUrl: need(values.pg, '--pg'),
      port: values.port === undefined ? 1234 : Number(values.port),
      host: (values.host as string | undefined) ?? '127.0.0.1',
    });
    io.out(`listening ${server.url}`);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.stop();
    return 0;
  }, io);
}

export async function cmdTeamUser(argv: string[], io: Io): Promise<number> {
  return await guarded(async () => {
    const { values, positionals, need } = args('team-user', argv, { pg: { type: 'string' }, collections: { type: 'string' } });
    if (values.help) return showHelp('team-user', io);
    const [action, name] = positionals;
    if (action !== 'add' && action !== 'revoke') throw new UsageError('team-user', action ? `没有“${action}”这个操作：请写 add NAME 或 revoke NAME` : '请写 add NAME 或 revoke NAME');
    if (!name) throw new UsageError('team-user', `${action} 后面缺少用户名 NAME`);
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: need(values.pg, '--pg'), max: 2 });
    try {
      const { migrate } = await import('../team/pgstore.js');
      const users = await import('../team/users.js');
      await migrate(pool);
      if (action === 'add') {
        const collections = typeof values.collections === 'string' ? values.collections.split(',').map((s) => s.trim()).filter(Boolean) : [];
        const token = await users.addUser(pool, name, collections);
        io.out(token);
        io.err(`已创建用户「${name}」；令牌只显示这一次，请妥善转交。`);
        return 0;
      }
      if (!(await users.revokeUser(pool, name))) {
        io.err(`没有有效用户「${name}」`);
        return 1;
      }
      io.err(`已吊销用户「${name}」的令牌`);
      return 0;
    } finally {
      await pool.end();
    }
  }, io);
}

export async function cmdTeam(argv: string[], io: Io): Promise<number> {
  return await guarded(async () => {
    const { values, positionals, need } = args('team', argv, {
      db: { type: 'string' },
      collection: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
      as: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.help) return showHelp('team', io);
    const action = positionals[0];
    if (action !== 'share' && action !== 'pull') throw new UsageError('team', action ? `没有“${action}”这个操作：请写 share 或 pull` : '请写 share 或 pull');
    const remote = { server: need(values.server, '--server'), token: need(values.token, '--token') };
    const collection = need(values.collection, '--collection');
    const api = await openLibrary(values.db as string | undefined);
    try {
      const sync = await import('../team/sync.js');
      if (action === 'share') {
        const who = (values.as as string | undefined) ?? (await sync.remoteCollections(remote)).user;
        const r = await sync.shareCollection(api, collection, remote, who);
        if (values.json) io.out(JSON.stringify(r));
        else io.out(`已共享「${r.title}」（${r.collectionId}）：新上传 ${r.shared.length} 篇，服务器已有 ${r.existing.length} 篇`);
      } else {
        const r = await sync.pullCollection(api, collection, remote);
        if (values.json) io.out(JSON.stringify(r));
        else io.out(`已拉取「${r.title}」：新建 ${r.created.length} 篇，更新 ${r.updated.length} 篇`);
      }
      return 0;
    } finally {
      api.close();
    }
  }, io);
}

export async function cmdReviewPack(argv: string[], io: Io): Promise<number> {
  return await guarded(async () => {
    const { values, positionals, need } = args('review-pack', argv, {
      server: { type: 'string' },
      token: { type: 'string' },
      collection: { type: 'string' },
      case: { type: 'string', multiple: true },
      out: { type: 'string' },
      json: { type: 'boolean' },
      quote: { type: 'string' },
      text: { type: 'string' },
      suggest: { type: 'string' },
      as: { type: 'string' },
    });
    if (values.help) return showHelp('review-pack', io);
    const [action, input] = positionals;
    if (action !== 'export' && action !== 'merge' && action !== 'show' && action !== 'comment') {
      throw new UsageError('review-pack', action ? `没有“${action}”这个操作：请写 export、merge、show 或 comment` : '请写 export、merge、show 或 comment');
    }
    if (action === 'show' || action === 'comment') return await reviewOffline(action, need(input, 'FILE.hbreview'), values, need, io);
    const server = need(values.server, '--server');
    const token = need(values.token, '--token');
    const review = await import('../team/review.js');
    const { connect, openSocket } = await import('../team/client.js');
    const socket = openSocket(server);
    const opened: Array<ReturnType<typeof connect>> = [];
    const open = async (name: string) => {
      const c = connect({ url: server, token, name, socket });
      opened.push(c);
      await c.ready;
      return c;
    };
    try {
      if (action === 'export') {
        const id = need(values.collection, '--collection');
        const manifest = await open(id);
        const info = manifest.doc.getMap('collection');
        const chosen = (values.case as string[] | undefined) ?? [...manifest.doc.getMap('cases').keys()];
        const cases = [];
        for (const caseId of chosen) cases.push({ name: `${id}/${caseId}`, doc: (await open(`${id}/${caseId}`)).doc });
        const { remoteCollections } = await import('../team/sync.js');
        const me = (await remoteCollections({ server, token })).user;
        const out = need(values.out, '--out');
        await fs.writeFile(
          out,
          review.writeReviewPackage({ collectionId: id, collectionTitle: String(info.get('title') ?? id), createdAt: new Date().toISOString(), createdBy: me, cases }),
        );
        io.out(`已导出审阅包 ${out}（${cases.length} 篇）`);
        return 0;
      }
      // merge
      const pkg = review.readReviewPackage(await fs.readFile(need(input, 'FILE.hbreview')));
      const conns = new Map<string, Awaited<ReturnType<typeof open>>>();
      for (const c of pkg.cases) conns.set(c.name, await open(c.name));
      const merged = review.mergeReviewPackage(pkg, (name) => conns.get(name)?.doc ?? null);
      await Promise.all([...conns.values()].map((c) => c.acknowledged()));
      if (values.json) io.out(JSON.stringify(merged));
      else
        for (const m of merged) {
          io.out(`「${m.title}」`);
          for (const ch of m.changes) io.out(`  ${ch.at.slice(0, 16).replace('T', ' ')} ${ch.by} ${ch.what}${ch.detail ? `：${ch.detail}` : ''}`);
          for (const [who, n] of Object.entries(m.wrote)) io.out(`  ${who} 写入 ${n} 字`);
        }
      return 0;
    } finally {
      for (const c of opened) c.close();
      socket.destroy();
    }
  }, io);
}

/** The reviewer's side of a package: no library, no server. */
async function reviewOffline(action: 'show' | 'comment', file: string, values: Values, need: (value: unknown, flag: string) => string, io: Io): Promise<number> {
  const review = await import('../team/review.js');
  const { addThread, yDocToCase } = await import('../team/casedoc.js');
  const { blocksText } = await import('../model/text.js');
  const pkg = review.readReviewPackage(await fs.readFile(file));
  if (action === 'show') {
    const cases = pkg.cases.map((c) => ({ name: c.name, ...yDocToCase(c.doc) }));
    if (values.json) {
      io.out(JSON.stringify({ collectionId: pkg.collectionId, collectionTitle: pkg.collectionTitle, cases }));
      return 0;
    }
    io.out(`审阅包「${pkg.collectionTitle}」，${pkg.createdBy} 于 ${pkg.createdAt.slice(0, 10)} 导出，${cases.length} 篇`);
    for (const c of cases) {
      io.out(`\n[${c.document.id}] ${c.document.meta.title}`);
      io.out(blocksText(c.document.body));
      for (const t of c.threads) io.out(`  · ${t.author}：「${t.quote}」${t.text}${t.suggestion ? `（建议改为：${t.suggestion}）` : ''}${t.detached ? '（原文已删除）' : ''}`);
    }
    return 0;
  }
  // --case repeats for export; a comment goes on one case.
  const caseId = need(Array.isArray(values.case) ? values.case[0] : values.case, '--case');
  const target = pkg.cases.find((c) => c.name.endsWith(`/${caseId}`) || c.name === caseId);
  if (!target) throw new Error(`审阅包中没有案例 ${caseId}`);
  const thread = addThread(target.doc, {
    quote: need(values.quote, '--quote'),
    author: need(values.as, '--as'),
    text: need(values.text, '--text'),
    suggestion: typeof values.suggest === 'string' ? values.suggest : undefined,
  });
  if (!thread) {
    io.err(`正文中找不到「${String(values.quote)}」`);
    return 1;
  }
  await fs.writeFile(file, review.writeReviewPackage(pkg));
  io.out(`已添加${thread.suggestion ? '修改建议' : '批注'}（${thread.id}），审阅包已保存`);
  return 0;
}
