/**
 * Reads the files of a large import preview on a worker thread and on the calling thread at
 * once: reading, the importer's stages and proofing are most of an import's time and need
 * nothing from the library. Both take the next file from one shared counter (a
 * SharedArrayBuffer), so the work splits by speed: a preview on its own is read on two cores,
 * and while the calling thread is busy elsewhere — `huibian import` commits one batch into the
 * library while the next is read — the worker takes every file until the thread comes back.
 * The list goes to the worker when the preview is called, before its first await; the
 * thread's share waits for the caller's own synchronous work. Workers are kept for the process
 * (their modules, the region index and the compiled code are paid once) and do not keep it
 * alive while idle. Where no worker can start (a bundle without the worker entry), or one
 * stops, the thread reads what is left, with the same outcome.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { previewDraft, type DraftOptions, type DraftOutcome, type DraftSource } from './importDraft.js';
import { decodeDraft, type DraftMessage } from './importTransfer.js';

/**
 * What a worker posts back: one file's outcome (a draft's as JSON, see importTransfer.ts; a
 * review or an error as it is), or that it has taken the last file of a preview.
 */
export type FromImportWorker = { id: number; index: number; outcome: DraftOutcome } | ({ id: number; index: number } & DraftMessage) | { id: number; done: true };

/** What a worker is sent: a preview's files and the counter every reader takes the next from. */
export interface ToImportWorker {
  id: number;
  sources: readonly DraftSource[];
  options: DraftOptions;
  next: Int32Array;
}

interface Job {
  outcome: (index: number, outcome: DraftOutcome) => void;
  done: () => void;
}

interface PoolWorker {
  worker: Worker;
  jobs: Map<number, Job>;
  dead: boolean;
  /** Stops an idle worker: the app's process lives on after an import, its worker's memory need not. */
  idle?: NodeJS.Timeout;
}

/** How long a worker waits for the next preview before it stops (the next one starts it again). */
let idleMs = 60_000;

/**
 * One worker per core the calling thread leaves free, two at most: on two cores one worker and
 * the thread read, and a second worker would pay the importer's start-up (its modules, the
 * region index, the compiled code) again on a core that is not there.
 */
const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism() - 1));

let pool: PoolWorker[] | null = null;
let nextId = 1;

/** Beside the chunk (the CLI's bundle), or in the chunks folder beside the entry (the app's). */
const BUILT_ENTRIES = ['./import-worker.js', './chunks/import-worker.js'];

function startWorker(): Worker | null {
  if (import.meta.url.endsWith('.ts')) {
    // Source run (tests, dev): the worker registers tsx's loader itself (workers do not inherit module hooks).
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./import-worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(boot, { eval: true, execArgv: [] });
  }
  for (const relative of BUILT_ENTRIES) {
    const entry = new URL(relative, import.meta.url);
    if (entry.protocol === 'file:' && existsSync(fileURLToPath(entry))) return new Worker(entry);
  }
  return null;
}

/** A worker that stopped: the previews it was reading finish on the calling thread. */
function stopped(member: PoolWorker): void {
  if (member.dead) return;
  member.dead = true;
  if (pool?.includes(member)) pool = null;
  const jobs = [...member.jobs.values()];
  member.jobs.clear();
  for (const job of jobs) job.done();
}

function workers(): PoolWorker[] | null {
  if (pool) return pool;
  const started: PoolWorker[] = [];
  try {
    for (let i = 0; i < POOL_SIZE; i++) {
      const worker = startWorker();
      if (!worker) break;
      const member: PoolWorker = { worker, jobs: new Map(), dead: false };
      worker.on('message', (m: FromImportWorker) => {
        const job = member.jobs.get(m.id);
        if (!job) return;
        if ('json' in m) return job.outcome(m.index, decodeDraft(m));
        if ('outcome' in m) return job.outcome(m.index, m.outcome);
        member.jobs.delete(m.id);
        if (member.jobs.size === 0) {
          worker.unref();
          member.idle = setTimeout(() => {
            const members = pool;
            if (!members?.includes(member) || members.some((m) => m.jobs.size > 0)) return;
            pool = null;
            for (const m of members) void m.worker.terminate();
          }, idleMs).unref();
        }
        job.done();
      });
      worker.on('error', () => stopped(member));
      worker.on('exit', () => stopped(member));
      worker.unref();
      started.push(member);
    }
  } catch {
    // whatever started still works; none, and the calling thread reads
  }
  pool = started.length ? started : null;
  return pool;
}

/** The machine's CPU times when this module loaded, the start of the window workersPay looks at. */
let since = { at: Date.now(), times: cpuTimes() };

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const c of cpus()) {
    idle += c.times.idle;
    total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
  }
  return { idle, total };
}

/**
 * The oldest window workersPay reads as it stands; an older one (the app, a preview minutes
 * after the last) says nothing of now, and a fresh one is taken, the thread waiting 50 ms for
 * it. A command's batches ask every second or few (`huibian import` asks for the next 100 files
 * while it commits the last), and the time since the last ask is a fair reading of now: with a
 * second as the bound, each batch after the gate had said no (a busy machine) waited 50 ms for
 * a fresh window with the thread blocked — 1,000 drafts at load 12-14, five of them, 222 ms in
 * workersPay (--cpu-prof of the built CLI).
 */
const WINDOW_MAX_MS = 10_000;

/** The shortest window the CPU times are read over (they count in ticks of 10 ms). */
const MIN_WINDOW_MS = 50;

/** workersPay's last answer from a window, for an ask that comes before a new one could be read. */
let lastAnswer: boolean | null = null;

/**
 * Whether a large preview should go to the workers: when they are running, or when the machine
 * has at least half a core idle now — read from the CPU times since this module loaded or the
 * last ask (at least 50 ms, at most WINDOW_MAX_MS), which count this process's own busy thread. With every core busy a worker adds
 * only its start-up and the copying of outcomes: 1,000 drafts on a 2-core machine at load 10
 * took a quarter more CPU and time with it; again with the thread reading one file at a time
 * (readOnThread), at load 11-14 from other users' sessions, workers forced against the one
 * thread: CPU 1.14, wall 1.20 (median of 5 alternating pairs). Linux's scheduler (autogroup)
 * gives a session's threads one weight between them, so a second thread takes no more of a
 * busy machine, and its start-up and copying are paid on top. The 1-minute load average, used before, still
 * counted a command that had just finished: after a LibreOffice conversion on an idle
 * 2-core machine it said "busy" and 1,000 drafts were read on one thread (3.6 s instead of
 * 2.8 s). HUIBIAN_IMPORT_WORKERS=1 always uses them, =0 never.
 */
/** How many asks so far blocked the thread to fill a window: what the gate costs the thread, counted rather than timed. */
let blockedAsks = 0;
export function workersPayBlockedAsks(): number {
  return blockedAsks;
}

export function workersPay(): boolean {
  const forced = process.env.HUIBIAN_IMPORT_WORKERS;
  if (forced === '0' || forced === '1') return forced === '1';
  if (pool !== null) return true;
  const age = Date.now() - since.at;
  if (age > WINDOW_MAX_MS) since = { at: Date.now(), times: cpuTimes() };
  // Asked again at once (`huibian import` asks for its two read-ahead batches back to back): the
  // answer of a moment ago, where a window of its own made each such ask wait 50 ms with the
  // thread blocked once the gate had said no (a busy machine, no pool to answer for it).
  else if (age < MIN_WINDOW_MS && lastAnswer !== null) return lastAnswer;
  const wait = MIN_WINDOW_MS - (Date.now() - since.at);
  if (wait > 0) {
    blockedAsks++;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
  }
  const now = cpuTimes();
  const total = now.total - since.times.total;
  const idleCores = total > 0 ? ((now.idle - since.times.idle) / total) * availableParallelism() : 0;
  since = { at: Date.now(), times: now };
  lastAnswer = availableParallelism() > 1 && idleCores >= 0.5;
  return lastAnswer;
}

/**
 * Every file's outcome, in the order given; null when no worker could start (the caller then
 * reads the files itself).
 */
export function previewDrafts(sources: readonly DraftSource[], options: DraftOptions): Promise<DraftOutcome[]> | null {
  const members = workers();
  if (!members) return null;
  const n = sources.length;
  const out: Array<DraftOutcome | undefined> = new Array(n);
  const next = new Int32Array(new SharedArrayBuffer(4));
  let filled = 0;
  let readersLeft = members.length + 1;
  return new Promise((resolve) => {
    const settle = (index: number, outcome: DraftOutcome) => {
      out[index] = outcome;
      if (++filled === n) resolve(out as DraftOutcome[]);
    };
    /** When the counter is spent and every reader is done, files a stopped worker had taken are read here. */
    const readerDone = async () => {
      if (--readersLeft > 0) return;
      for (let i = 0; i < n; i++) if (out[i] === undefined) settle(i, await previewDraft(sources[i]!, options));
    };
    for (const member of members) {
      clearTimeout(member.idle);
      const id = nextId++;
      member.jobs.set(id, { outcome: settle, done: () => void readerDone() });
      member.worker.ref();
      member.worker.postMessage({ id, sources, options, next } satisfies ToImportWorker);
    }
    readOnThread({ sources, options, next, settle, done: readerDone });
  });
}

/** A preview's files as the calling thread takes them: from the same counter as its workers. */
interface ThreadShare {
  sources: readonly DraftSource[];
  options: DraftOptions;
  next: Int32Array;
  settle: (index: number, outcome: DraftOutcome) => void;
  done: () => Promise<void>;
}

/** The previews the calling thread helps read, oldest first. */
const threadShares: ThreadShare[] = [];
let threadReading = false;

/**
 * The thread's share, after whatever the caller does next without waiting (a commit), and
 * then one file at a time, oldest preview first, going back to the event loop after each: a
 * draft is read synchronously, so a thread that read on would not see the workers' outcomes
 * (messages) until it had taken every file left, nor could the caller commit a finished batch
 * before it. With the read-ahead of `huibian import`, each preview's reader ran in turn to the
 * end of its counter: the thread read the first three batches (1.0 s of 1,000 single-case
 * drafts) before it committed the first, and then had commits left when the worker had read
 * every file (its last 0.4 s idle).
 */
function readOnThread(share: ThreadShare): void {
  threadShares.push(share);
  if (threadReading) return;
  threadReading = true;
  setImmediate(async () => {
    while (threadShares.length) {
      const s = threadShares[0]!;
      const i = Atomics.add(s.next, 0, 1);
      if (i < s.sources.length) {
        s.settle(i, await previewDraft(s.sources[i]!, s.options));
        await new Promise(setImmediate);
        continue;
      }
      threadShares.shift();
      await s.done();
    }
    threadReading = false;
  });
}

/** Whether workers are running, and how long they wait idle before stopping (tests). */
export function importWorkers(idleAfterMs?: number): number {
  if (idleAfterMs !== undefined) idleMs = idleAfterMs;
  return pool?.length ?? 0;
}

/** Stops the workers (tests, shutdown); the next large preview starts new ones. */
export async function stopImportWorkers(): Promise<void> {
  const members = pool ?? [];
  pool = null;
  // An idle worker is unref'd so that it never keeps a process alive, and the promise of a
  // worker that is already on its way out does not keep the event loop turning either: a caller
  // awaiting this with nothing else pending saw its loop empty and the await never return (the
  // pool test right after a preview whose worker had just gone idle). A timer holds the loop
  // until every worker has exited, and bounds the wait should one never say so.
  let hold: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => {
    hold = setTimeout(resolve, 2000);
  });
  try {
    await Promise.race([Promise.all(members.map((m) => m.worker.terminate())), bound]);
  } finally {
    clearTimeout(hold);
  }
}
