/**
 * Worker side of importPool.ts: previews the files it is sent one after another, in the order
 * sent (a preview's batch arrives at once), and posts each outcome back.
 */
import { parentPort } from 'node:worker_threads';
import { previewDraft, type DraftOptions, type DraftSource } from './importDraft.js';

type Request = { id: number; source: DraftSource; options: DraftOptions };

const queue: Request[] = [];
let running = false;

async function drain(): Promise<void> {
  running = true;
  while (queue.length) {
    const { id, source, options } = queue.shift()!;
    parentPort!.postMessage({ id, outcome: await previewDraft(source, options) });
  }
  running = false;
}

parentPort!.on('message', (request: Request) => {
  queue.push(request);
  if (!running) void drain();
});
