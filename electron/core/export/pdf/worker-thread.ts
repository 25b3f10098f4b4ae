/**
 * Entry of the PDF writer's threads. As writePdfInWorker's worker it sets each requested PDF and
 * posts the bytes back (transferred, not copied), or writes it to input.outFile; started with
 * workerData.role 'draw' it is the drawing thread of an export laid out elsewhere (drawWorker.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WriterInput } from '../index.js';

const data = workerData as { role?: string; waiting?: Int32Array } | null;

if (data?.role === 'draw') {
  // Messages wait on the port until serveDrawing listens.
  void import('./drawWorker.js').then(({ serveDrawing }) => serveDrawing(parentPort!, data.waiting!));
} else {
  parentPort!.on('message', async ({ id, input }: { id: number; input: WriterInput }) => {
    try {
      const { writePdf } = await import('./index.js');
      const result = await writePdf({ ...input, onProgress: (fraction, message) => parentPort!.postMessage({ id, type: 'progress', fraction, message }) });
      const bytes = new Uint8Array(result.bytes);
      parentPort!.postMessage({ id, type: 'done', bytes, written: result.written, pages: result.pages, warnings: result.warnings, cases: result.cases }, [bytes.buffer]);
    } catch (error) {
      // path marks a failed write of the output file (runExport names the file for it).
      parentPort!.postMessage({ id, type: 'error', message: (error as Error).message, path: (error as NodeJS.ErrnoException).path });
    }
  });
}
