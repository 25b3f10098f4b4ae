/** Worker side of writePdfInWorker: sets each requested PDF and posts the bytes back (transferred, not copied), or writes it to input.outFile. */
import { parentPort } from 'node:worker_threads';
import type { WriterInput } from '../index.js';
import { writePdf } from './index.js';

parentPort!.on('message', async ({ id, input }: { id: number; input: WriterInput }) => {
  try {
    const result = await writePdf({ ...input, onProgress: (fraction, message) => parentPort!.postMessage({ id, type: 'progress', fraction, message }) });
    const bytes = new Uint8Array(result.bytes);
    parentPort!.postMessage({ id, type: 'done', bytes, written: result.written, pages: result.pages, warnings: result.warnings, cases: result.cases }, [bytes.buffer]);
  } catch (error) {
    // path marks a failed write of the output file (runExport names the file for it).
    parentPort!.postMessage({ id, type: 'error', message: (error as Error).message, path: (error as NodeJS.ErrnoException).path });
  }
});
