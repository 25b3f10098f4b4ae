/**
 * Worker side of importPool.ts: for each preview it is sent, in the order sent, takes the next
 * file from the preview's shared counter until none is left (the calling thread takes from the
 * same counter), posting each outcome back, then says it is done.
 */
import { parentPort } from 'node:worker_threads';
import { previewDraft } from './importDraft.js';
import type { FromImportWorker, ToImportWorker } from './importPool.js';

const queue: ToImportWorker[] = [];
let running = false;

const post = (message: FromImportWorker) => parentPort!.postMessage(message);

async function drain(): Promise<void> {
  running = true;
  while (queue.length) {
    const { id, sources, options, next } = queue.shift()!;
    for (let i = Atomics.add(next, 0, 1); i < sources.length; i = Atomics.add(next, 0, 1)) post({ id, index: i, outcome: await previewDraft(sources[i]!, options) });
    post({ id, done: true });
  }
  running = false;
}

parentPort!.on('message', (request: ToImportWorker) => {
  queue.push(request);
  if (!running) void drain();
});
