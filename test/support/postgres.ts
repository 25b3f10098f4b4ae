/**
 * A throwaway PostgreSQL cluster for the team tests and benchmarks: initdb in a temp folder,
 * a free loopback port, the unix socket in that folder, trust auth (only this machine's
 * loopback can reach it), stopped and removed at the end. initdb refuses to run as root, so
 * when we are root (CI) the cluster belongs to `nobody`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** `SHOW server_version` of the running server. */
  version: string;
  bin: string;
  /** Restart on the same data folder (e.g. after a crash test). */
  restart(): void;
  stop(): void;
}

function findBin(): string {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql)');
  const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('no initdb under /usr/lib/postgresql');
  return path.join(base, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = findBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const uid = 65534; // nobody
  if (asRoot) {
    chownSync(dir, uid, uid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'nobody', '--', path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const start = (): void =>
    run('pg_ctl', [
      '-D', data, '-w', '-l', path.join(dir, 'log'), 'start',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`,
    ]);
  const stopNow = (): void => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped
    }
  };
  start();
  // A test process that ends without reaching its after() (a failed before, an uncaught
  // error) still stops its cluster; exit handlers may only run synchronous code, as here.
  let stopped = false;
  const onExit = (): void => {
    if (!stopped) stopNow();
  };
  process.once('exit', onExit);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const version = execFileSync(path.join(bin, 'psql'), ['-At', '-d', url, '-c', 'SHOW server_version'], { encoding: 'utf8' }).trim();
  console.log(`# PostgreSQL ${version} on 127.0.0.1:${port} (${bin})`);
  return {
    url,
    port,
    version,
    bin,
    restart() {
      stopNow();
      start();
    },
    stop() {
      stopped = true;
      process.off('exit', onExit);
      stopNow();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
