/**
 * The team commands: the server (`team-server`), its users (`team-user`), publishing and
 * bringing down collections (`team share|pull`), and offline review packages
 * (`review-pack export|merge`).
 */
import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { openLibrary } from './library.js';
import type { Io } from './main.js';

export const TEAM_SERVER_HELP = `usage: huibian team-server --pg URL [--port N] [--host ADDR]

Runs the team server (Hocuspocus, persisted in PostgreSQL) until interrupted.
  --pg URL     PostgreSQL connection string, e.g. postgres://huibian@127.0.0.1/huibian
  --port N     WebSocket port (default 1234; 0 picks a free one)
  --host ADDR  listen address (default 127.0.0.1; put TLS in a reverse proxy, see
               electron/core/team/README.md)
Prints "listening ws://HOST:PORT" once ready.`;

export const TEAM_USER_HELP = `usage: huibian team-user add NAME [--collections A,B] --pg URL
       huibian team-user revoke NAME --pg URL

add prints the new user's token once (only its hash is stored); --collections limits the
user to these collection ids or titles (default: all). revoke refuses the token from now on.`;

export const TEAM_HELP = `usage: huibian team share --db FILE --collection NAME --server URL --token T [--as NAME]
       huibian team pull  --db FILE --collection NAME --server URL --token T

share publishes a library collection (title or id) to the team server; pull brings a team
collection down into the library (new cases created, cases pulled before updated).`;

export const REVIEW_PACK_HELP = `usage: huibian review-pack export --server URL --token T --collection ID [--case ID …] --out FILE.hbreview
       huibian review-pack merge  --server URL --token T FILE.hbreview [--json]
       huibian review-pack show FILE.hbreview [--json]
       huibian review-pack comment FILE.hbreview --case ID --quote TEXT --text TEXT [--suggest TEXT] --as NAME

export writes the chosen cases (default: all) of a team collection with their Yjs state and a
checksum. A reviewer needs neither library nor server: show prints each case's text and
comments, comment anchors a comment (or, with --suggest, a proposed wording) on the first
occurrence of TEXT and saves the file. merge applies a returned package on the server: edits
made meanwhile are kept, and it prints who did what.`;

class Usage extends Error {}

type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

function args(argv: string[], options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>): { values: Values; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values as Values, positionals: r.positionals };
  } catch (error) {
    throw new Usage((error as Error).message);
  }
}

function need(value: unknown, flag: string): string {
  if (typeof value !== 'string' || !value) throw new Usage(`缺少 ${flag}`);
  return value;
}

async function guarded(io: Io, help: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Usage) {
      io.err(`${error.message}\n\n${help}`);
      return 2;
    }
    io.err((error as Error).message);
    return 1;
  }
}

export async function cmdTeamServer(argv: string[], io: Io): Promise<number> {
  return await guarded(io, TEAM_SERVER_HELP, async () => {
    const { values } = args(argv, { pg: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } });
    if (values.help) return (io.out(TEAM_SERVER_HELP), 0);
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
  });
}

export async function cmdTeamUser(argv: string[], io: Io): Promise<number> {
  return await guarded(io, TEAM_USER_HELP, async () => {
    const { values, positionals } = args(argv, { pg: { type: 'string' }, collections: { type: 'string' } });
    if (values.help) return (io.out(TEAM_USER_HELP), 0);
    const [action, name] = positionals;
    if ((action !== 'add' && action !== 'revoke') || !name) throw new Usage('需要 add NAME 或 revoke NAME');
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
  });
}

export async function cmdTeam(argv: string[], io: Io): Promise<number> {
  return await guarded(io, TEAM_HELP, async () => {
    const { values, positionals } = args(argv, {
      db: { type: 'string' },
      collection: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
      as: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.help) return (io.out(TEAM_HELP), 0);
    const action = positionals[0];
    if (action !== 'share' && action !== 'pull') throw new Usage('需要 share 或 pull');
    const remote = { server: need(values.server, '--server'), token: need(values.token, '--token') };
    const collection = need(values.collection, '--collection');
    const api = openLibrary(values.db as string | undefined);
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
  });
}

export async function cmdReviewPack(argv: string[], io: Io): Promise<number> {
  return await guarded(io, REVIEW_PACK_HELP, async () => {
    const { values, positionals } = args(argv, {
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
    if (values.help) return (io.out(REVIEW_PACK_HELP), 0);
    const [action, input] = positionals;
    if (action === 'show' || action === 'comment') return await reviewOffline(action, need(input, 'FILE.hbreview'), values, io);
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
      if (action === 'merge') {
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
      }
      throw new Usage('需要 export 或 merge');
    } finally {
      for (const c of opened) c.close();
      socket.destroy();
    }
  });
}

/** The reviewer's side of a package: no library, no server. */
async function reviewOffline(action: 'show' | 'comment', file: string, values: Values, io: Io): Promise<number> {
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
