/**
 * Reads the files of a large import preview on worker threads: reading, the importer's stages
 * and proofing are most of an import's time and need nothing from the library. Every file is
 * handed out when the preview is called, before its first await, so the workers read a batch
 * while the calling thread is still busy — `huibian import` commits one batch into the library
 * while the next is read. The workers are kept for the process (their modules, the
 * region index and the compiled code are paid once) and do not keep it alive while idle. Where
 * no worker can start (a bundle without the worker entry), or one stops, its files are read on
 * the calling thread, with the same outcome.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { previewDraft, type DraftOptions, type DraftOutcome, type DraftSource } from './importDraft.js';

interface Job {
  resolve: (outcome: DraftOutcome) => void;
  source: DraftSource;
  options: DraftOptions;
}

interface PoolWorker {
  worker: Worker;
  jobs: Map<number, Job>;
  dead: boolean;
}

/**
 * One worker per core the calling thread leaves free, two at most: on two cores one worker reads
 * while the thread commits, and a second would only pay the importer's start-up (its modules, the
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

/** A worker that stopped: its files are read here instead. */
function stopped(member: PoolWorker): void {
  member.dead = true;
  if (pool?.includes(member)) pool = null;
  const jobs = [...member.jobs.values()];
  member.jobs.clear();
  for (const job of jobs) void previewDraft(job.source, job.options).then(job.resolve);
}

function workers(): PoolWorker[] | null {
  if (pool) return pool;
  const started: PoolWorker[] = [];
  try {
    for (let i = 0; i < POOL_SIZE; i++) {
      const worker = startWorker();
      if (!worker) break;
      const member: PoolWorker = { worker, jobs: new Map(), dead: false };
      worker.on('message', ({ id, outcome }: { id: number; outcome: DraftOutcome }) => {
        const job = member.jobs.get(id);
        if (!job) return;
        member.jobs.delete(id);
        if (member.jobs.size === 0) worker.unref();
        job.resolve(outcome);
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

function send(member: PoolWorker, source: DraftSource, options: DraftOptions): Promise<DraftOutcome> {
  if (member.dead) return previewDraft(source, options);
  return new Promise((resolve) => {
    const id = nextId++;
    member.jobs.set(id, { resolve, source, options });
    member.worker.ref();
    member.worker.postMessage({ id, source, options });
  });
}

/**
 * Every file's outcome, in the order given. The files are dealt out in turn as this is called
 * (each worker reads its own in order); null when no worker could start.
 */
export function previewDrafts(sources: readonly DraftSource[], options: DraftOptions): Promise<DraftOutcome[]> | null {
  const members = workers();
  if (!members) return null;
  return Promise.all(sources.map((source, i) => send(members[i % members.length]!, source, options)));
}

/** Stops the workers (tests, shutdown); the next large preview starts new ones. */
export async function stopImportWorkers(): Promise<void> {
  const members = pool ?? [];
  pool = null;
  await Promise.all(members.map((m) => m.worker.terminate()));
}
