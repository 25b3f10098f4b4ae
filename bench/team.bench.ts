/**
 * Team server scale on loopback: update latency (a change made by one client until every
 * other client on that case has it, through the server) and the server process's memory,
 * with 20 clients on one case and with 300 cases × 3 clients. The server runs as its own
 * process over a throwaway PostgreSQL cluster, so its RSS is its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { startPostgres } from '../test/support/postgres.js';
import { connect, type TeamConnection } from '../electron/core/team/client.js';
import { caseToYDoc } from '../electron/core/team/casedoc.js';
import { addUser } from '../electron/core/team/users.js';
import { migrate } from '../electron/core/team/pgstore.js';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function startServer(pgUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'electron/core/cli/team-server-entry.ts'), '--pg', pgUrl, '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (ws:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`team-server exited ${code}`)));
  });
  return { child, url };
}

/** One body of realistic size: 12 paragraphs of ≈250 characters. */
function sampleCase(id: string) {
  const para = '济宁市民政局聚焦困难群众急难愁盼问题，推行社会救助“一门受理、协同办理”，整合部门数据，建立主动发现机制，实现救助对象精准识别、及时救助。'.repeat(4);
  return caseToYDoc(
    { kind: 'case', id, meta: { title: `案例${id}` }, body: Array.from({ length: 12 }, () => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: para }] })) },
    [],
    '基准',
  );
}

/** Make `count` changes, each by a chosen client, and time until all the case's other clients have it. */
async function measure(groups: TeamConnection[][], count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const group = groups[i % groups.length]!;
    const writer = group[i % group.length]!;
    const others = group.filter((c) => c !== writer);
    const marker = `m${i}`;
    const arrived = others.map(
      (c) =>
        new Promise<void>((resolve) => {
          const text = c.doc.getText('bench');
          const check = (): void => {
            if (text.toString().endsWith(marker)) {
              text.unobserve(check);
              resolve();
            }
          };
          text.observe(check);
        }),
    );
    const t0 = performance.now();
    const text = writer.doc.getText('bench');
    text.insert(text.length, marker);
    await Promise.all(arrived);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

async function scenario(label: string, pgUrl: string, token: string, cases: number, perCase: number, updates: number): Promise<void> {
  const { child, url } = await startServer(pgUrl);
  try {
    const base = rssMb(child.pid!);
    const groups: TeamConnection[][] = [];
    const t0 = performance.now();
    for (let c = 0; c < cases; c++) {
      const name = `bench-${label}/case-${c}`;
      const group: TeamConnection[] = [];
      for (let k = 0; k < perCase; k++) group.push(connect({ url, token, name, user: `编辑${k}` }));
      await Promise.all(group.map((g) => g.ready));
      Y.applyUpdate(group[0]!.doc, Y.encodeStateAsUpdate(sampleCase(String(c))));
      await group[0]!.acknowledged();
      groups.push(group);
    }
    const connectMs = performance.now() - t0;
    // Everyone has the body before timing starts.
    await measure(groups, groups.length);
    const times = await measure(groups, updates);
    const rss = rssMb(child.pid!);
    console.log(
      `${label}: ${cases} case(s) × ${perCase} clients (${cases * perCase} connections, opened in ${(connectMs / 1000).toFixed(1)} s): ` +
        `update latency p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms over ${updates} updates; ` +
        `server RSS ${rss.toFixed(0)} MB (idle ${base.toFixed(0)} MB)`,
    );
    for (const g of groups) for (const c of g) c.close();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function run(): Promise<void> {
  const cluster = await startPostgres();
  try {
    const pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
    await migrate(pool);
    const token = await addUser(pool, '基准', ['*']);
    await pool.end();
    await scenario('one-case', cluster.url, token, 1, 20, 400);
    await scenario('many-cases', cluster.url, token, 300, 3, 600);
  } finally {
    cluster.stop();
  }
}
