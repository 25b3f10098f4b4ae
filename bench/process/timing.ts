/**
 * Whole-process timing for the benchmarks: a command is started, waited for, and timed from
 * spawn to exit with the monotonic clock, start-up included — what a user waits for. Peak
 * memory is the kernel's own accounting of the finished process (GNU time's %M, the largest
 * resident set of the process and the threads in it), where /usr/bin/time exists.
 *
 * Two commands are compared by running them in turn, A B A B …, so that a machine whose speed
 * drifts (other jobs on a shared 2-core box) slows both alike; medians are quoted.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Command {
  /** How the figure's line names it. */
  label: string;
  argv: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** Untimed set-up before each run (e.g. removing the library an import writes). */
  before?: () => void;
}

export interface Run {
  seconds: number;
  /** Peak resident set in MB; null when /usr/bin/time is not there. */
  peakMB: number | null;
  code: number | null;
  output: string;
}

const GNU_TIME = '/usr/bin/time';
const scratch = mkdtempSync(path.join(tmpdir(), 'huibian-bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let serial = 0;

export function runOnce(command: Command): Promise<Run> {
  command.before?.();
  const memo = path.join(scratch, `${serial++}.txt`);
  const withTime = existsSync(GNU_TIME);
  const argv = withTime ? [GNU_TIME, '-f', '%M', '-o', memo, ...command.argv] : command.argv;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: command.cwd,
      env: { ...process.env, ...command.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let peakMB: number | null = null;
      if (withTime && existsSync(memo)) {
        const kb = Number(readFileSync(memo, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb)) peakMB = kb / 1024;
      }
      resolve({ seconds, peakMB, code, output });
    });
  });
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Figure {
  runs: Run[];
  seconds: number;
  peakMB: number | null;
}

function summarise(runs: Run[], label: string): Figure {
  const failed = runs.find((r) => r.code !== 0);
  if (failed) throw new Error(`${label} exited ${failed.code}: ${failed.output.trim().split('\n').slice(-3).join(' | ')}`);
  const peaks = runs.map((r) => r.peakMB).filter((p): p is number => p !== null);
  return { runs, seconds: median(runs.map((r) => r.seconds)), peakMB: peaks.length ? median(peaks) : null };
}

/** Runs one command `runs` times after one untimed warm-up. */
export async function measure(command: Command, runs: number, warmup = 1): Promise<Figure> {
  for (let i = 0; i < warmup; i++) await runOnce(command);
  const out: Run[] = [];
  for (let i = 0; i < runs; i++) out.push(await runOnce(command));
  return summarise(out, command.label);
}

/** Runs A and B alternately, each `runs` times after a warm-up of each. */
export async function compare(a: Command, b: Command, runs: number, warmup = 1): Promise<{ a: Figure; b: Figure; ratio: number }> {
  for (let i = 0; i < warmup; i++) {
    await runOnce(a);
    await runOnce(b);
  }
  const ra: Run[] = [];
  const rb: Run[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = await runOnce(a);
    const y = await runOnce(b);
    ra.push(x);
    rb.push(y);
    ratios.push(x.seconds / y.seconds);
  }
  return { a: summarise(ra, a.label), b: summarise(rb, b.label), ratio: median(ratios) };
}

export const fmt = (s: number): string => `${s.toFixed(2)} s`;
export const mem = (f: Figure): string => (f.peakMB === null ? '' : `, peak ${Math.round(f.peakMB)} MB`);
