/**
 * Import throughput: 1,000 drafts (the corpus cycled), once from memory buffers and once from
 * files in a temp directory. Target: 1,000 drafts in at most 3 s on the 2-core CI machine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { importFile } from '../electron/core/import/index.js';
import { CORPUS_FILES, corpusPath } from '../test/fixtures/corpus.js';

const DRAFTS = 1000;

function report(label: string, seconds: number, bytes: number, drafts: number, target = ''): void {
  console.log(
    `import ${label}: ${drafts} drafts, ${(bytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(2)} s — ` +
      `${Math.round(drafts / seconds)} drafts/s, ${(bytes / 1048576 / seconds).toFixed(1)} MB/s${target}`,
  );
}

export async function run(): Promise<void> {
  const sources = CORPUS_FILES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(corpusPath(name))) }));

  // The first import builds the region index; time it separately so the runs below are steady state.
  let started = performance.now();
  await importFile({ name: sources[0]!.name, bytes: sources[0]!.bytes });
  console.log(`import first draft (builds the GB/T 2260 index): ${(performance.now() - started).toFixed(0)} ms`);

  let bytes = 0;
  started = performance.now();
  for (let i = 0; i < DRAFTS; i++) {
    const src = sources[i % sources.length]!;
    bytes += src.bytes.length;
    const file = await importFile({ name: src.name, bytes: src.bytes });
    if (file.cases.length === 0 && !file.notice) throw new Error(`${src.name} imported empty`);
  }
  report('from memory', (performance.now() - started) / 1000, bytes, DRAFTS, ' (target ≤ 3 s)');

  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-bench-import-'));
  try {
    const paths: Array<{ name: string; path: string; size: number }> = [];
    for (let i = 0; i < DRAFTS; i++) {
      const src = sources[i % sources.length]!;
      const name = `${String(i).padStart(4, '0')}-${src.name}`;
      const p = path.join(dir, name);
      writeFileSync(p, src.bytes);
      paths.push({ name, path: p, size: src.bytes.length });
    }
    bytes = 0;
    started = performance.now();
    for (const p of paths) {
      const file = await importFile({ name: p.name, path: p.path });
      if (file.cases.length === 0 && !file.notice) throw new Error(`${p.name} imported empty`);
      bytes += p.size;
    }
    report('from files', (performance.now() - started) / 1000, bytes, DRAFTS, ' (target ≤ 3 s)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The same drafts as Word files: mammoth and the zip checks dominate.
  const docxSources = await Promise.all(
    sources.slice(0, 4).map(async (src) => {
      const lines = new TextDecoder().decode(src.bytes).split(/\r?\n/u);
      const bytes = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));
      return { name: src.name.replace(/\.txt$/u, '.docx'), bytes: new Uint8Array(bytes) };
    }),
  );
  const docxDrafts = 200;
  bytes = 0;
  started = performance.now();
  for (let i = 0; i < docxDrafts; i++) {
    const src = docxSources[i % docxSources.length]!;
    bytes += src.bytes.length;
    await importFile({ name: src.name, bytes: src.bytes });
  }
  report('DOCX from memory', (performance.now() - started) / 1000, bytes, docxDrafts);

  // Per-format cost of one draft, for profiling.
  for (const src of sources) {
    const n = 50;
    const t = performance.now();
    for (let i = 0; i < n; i++) await importFile({ name: src.name, bytes: src.bytes });
    console.log(`  ${src.name}: ${((performance.now() - t) / n).toFixed(2)} ms per import (${(src.bytes.length / 1024).toFixed(1)} KB)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
