/** Worker side of writePdfInWorker: sets the PDF and posts the bytes back (transferred, not copied). */
import { parentPort, workerData } from 'node:worker_threads';
import type { WriterInput } from '../index.js';
import { writePdf } from './index.js';

const input = workerData as WriterInput;
try {
  const result = await writePdf({ ...input, onProgress: (fraction, message) => parentPort!.postMessage({ type: 'progress', fraction, message }) });
  const bytes = new Uint8Array(result.bytes);
  parentPort!.postMessage({ type: 'done', bytes, pages: result.pages }, [bytes.buffer]);
} catch (error) {
  parentPort!.postMessage({ type: 'error', message: (error as Error).message });
}
