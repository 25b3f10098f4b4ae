/**
 * Durability of the library under a crash: the loopback server (a real `npm run serve`
 * process) is killed with SIGKILL while a client streams autosaves and explicit saves at it,
 * with a save in flight; after each restart the file passes `PRAGMA integrity_check` and every
 * save the client had been acknowledged is there (the last one as the current text, each
 * explicit one as a revision). Kill points are drawn from a seeded generator.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { blocksToLexical } from '../electron/core/model/lexical.js';
import { blocksText, paragraph } from '../electron/core/model/text.js';
import type { Block } from '../electron/core/model/types.js';
import { revisionText } from '../electron/core/store/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-kill-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Server {
  child: ChildProcess;
  port: number;
  token: string;
}

function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/server/cli.ts', '--data-dir', dataDir, '--port', '0', '--static', path.join(tmp, 'no-renderer')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const url = /^url (\S+)$/m.exec(out);
      const token = /^token (\S+)$/m.exec(out);
      if (url && token) resolve({ child, port: Number(new URL(url[1]!).port), token: token[1]! });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before it listened: ${err}`)));
  });
}

function call<T>(server: Server, method: string, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'content-type': 'application/json', 'x-huibian-token': server.token, host: `127.0.0.1:${server.port}` },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          const body = JSON.parse(text) as { result?: T; error?: { message: string } };
          if (body.error) reject(new Error(body.error.message));
          else resolve(body.result as T);
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

/** mulberry32: the same kill points on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const body = (text: string): Block[] => [paragraph('民政工作创新案例：社区养老服务站覆盖全部街道。'), paragraph(text)];

test('SIGKILL during a stream of autosaves loses no acknowledged save and leaves the file sound', async () => {
  const dataDir = path.join(tmp, 'data');
  const random = seeded(20261201);
  let server = await startServer(dataDir);
  const created = await call<{ document: { id: string } }>(server, 'documents.create', { kind: 'case', meta: { title: '断电测试案例' } });
  const id = created.document.id;
  const explicit: string[] = [];
  let last = '';
  let inFlight = '';
  let saves = 0;
  const ROUNDS = 3;
  for (let round = 0; round < ROUNDS; round++) {
    const killAfter = 10 + Math.floor(random() * 30);
    for (let i = 0; i < killAfter; i++) {
      const text = `第 ${round} 轮第 ${i} 次保存：${'字'.repeat(1 + Math.floor(random() * 400))}`;
      const autosave = i % 7 !== 6;
      await call(server, 'documents.save', { id, editorState: blocksToLexical(body(text)), autosave });
      saves++;
      last = text;
      if (!autosave) explicit.push(text);
    }
    // one more save goes out, and the process dies while it is on its way or being written
    inFlight = `第 ${round} 轮未确认的保存`;
    const pending = call(server, 'documents.save', { id, editorState: blocksToLexical(body(inFlight)), autosave: true }).catch(() => null);
    await new Promise((r) => setTimeout(r, Math.floor(random() * 6)));
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGKILL');
    await exited;
    await pending;

    server = await startServer(dataDir);
    const file = path.join(dataDir, 'huibian.db');
    const raw = new Database(file, { readonly: true });
    try {
      assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok', `round ${round}: integrity`);
      const bodies = (raw.prepare('SELECT body FROM revisions WHERE document_id = ?').all(id) as Array<{ body: Buffer | string }>).map((r) =>
        blocksText(JSON.parse(revisionText(r.body)!) as Block[]),
      );
      for (const text of explicit) assert.ok(bodies.some((b) => b.includes(text)), `round ${round}: explicit save "${text.slice(0, 12)}" kept as a revision`);
    } finally {
      raw.close();
    }
    const now = await call<{ document: { body: Block[] } }>(server, 'documents.get', { id });
    const current = blocksText(now.document.body);
    assert.ok(current.includes(last) || current.includes(inFlight), `round ${round}: the last acknowledged save (or the one in flight) is the text`);
  }
  server.child.kill('SIGTERM');
  assert.ok(saves > 30 && explicit.length > 3);
});
