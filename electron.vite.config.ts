import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const PDF_WORKER = resolve('electron/core/export/pdf/worker-thread.ts');
const IMPORT_WORKER = resolve('electron/core/api/handlers/import-worker.ts');

// Main and preload are Node/Electron bundles; the renderer is a plain web build that the
// loopback server can serve to Chromium for development and e2e tests.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // The API's worker thread (electron/main/api-client.ts starts it from beside index.js).
          'api-host': resolve('electron/main/api-host.ts'),
          // The PDF writer's worker (new URL('./worker-thread.js', import.meta.url) beside its chunk).
          ...(existsSync(PDF_WORKER) ? { 'chunks/worker-thread': PDF_WORKER } : {}),
          // The import preview's worker (importPool.ts looks beside its chunk and in chunks/).
          ...(existsSync(IMPORT_WORKER) ? { 'chunks/import-worker': IMPORT_WORKER } : {}),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ESM or split chunks: one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
