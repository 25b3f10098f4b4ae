/**
 * The release gate on a 350-case collection (the corpus cases copied to 350+), as export.run
 * runs it: proofCollection over every case, with the decisions table read per case, without
 * and with the library's cache of findings (first and repeated export). Target under 1 s.
 * For reference, the two libraries measured for the job on the same text: autocorrect-node's
 * format() and zhlint's run(), which each see plain strings only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { corpusBundle } from '../test/fixtures/corpus.js';
import { applyFixes, decisionsFor, libraryFindingsCache, proofCollection } from '../electron/core/proof/index.js';
import { segments } from '../electron/core/proof/segments.js';
import { Library } from '../electron/core/store/index.js';
import type { CaseDocument } from '../electron/core/model/types.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, fn: () => void): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    ms.push(performance.now() - started);
  }
  return median(ms);
}

export async function run(): Promise<void> {
  const one = await corpusBundle();
  const perCopy = Object.keys(one.cases).length;
  const bundle = await corpusBundle({ copies: Math.ceil(350 / perCopy) });
  const drafts = Object.values(bundle.cases) as CaseDocument[];
  const fixed = drafts.map((d) => applyFixes(d).document as CaseDocument);
  const chars = drafts.reduce((n, d) => n + segments(d).reduce((m, s) => m + s.text.length, 0), 0);
  console.log(`proof: ${drafts.length} cases, ${(chars / 1000).toFixed(0)}k characters`);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-bench-proof-'));
  const store = new Library(path.join(dir, 'bench.db'));
  try {
    let findings = 0;
    const asDrafted = time(5, () => {
      findings = proofCollection(drafts, decisionsFor(store.db, drafts.map((d) => d.id))).findings.length;
    });
    console.log(`proof: gate on the drafts as written       median ${asDrafted.toFixed(0)} ms (${findings} findings)  target < 1000 ms`);
    const afterImport = time(5, () => {
      findings = proofCollection(fixed, decisionsFor(store.db, fixed.map((d) => d.id))).findings.length;
    });
    console.log(`proof: gate at export, fixes applied       median ${afterImport.toFixed(0)} ms (${findings} findings)  target < 1000 ms`);
    // As export.run runs it: findings kept in the library's proof_cache. The first export of a
    // library proofs every case and writes the rows; a repeated one of an unchanged library reads them.
    const empty: number[] = [];
    for (let i = 0; i < 5; i++) {
      store.db.exec('DELETE FROM proof_cache');
      const started = performance.now();
      proofCollection(fixed, decisionsFor(store.db, fixed.map((d) => d.id)), libraryFindingsCache(store.db));
      empty.push(performance.now() - started);
    }
    console.log(`proof: gate at export, cache empty (first export)  median ${median(empty).toFixed(0)} ms`);
    let cached = 0;
    const repeated = time(5, () => {
      cached = proofCollection(fixed, decisionsFor(store.db, fixed.map((d) => d.id)), libraryFindingsCache(store.db)).cached;
    });
    console.log(`proof: gate at export, repeated export of the unchanged cases  median ${repeated.toFixed(0)} ms (${cached}/${fixed.length} cases from the cache)`);
    const fixing = time(3, () => {
      for (const d of drafts) applyFixes(d);
    });
    console.log(`proof: applying every fix (import commit)  median ${fixing.toFixed(0)} ms`);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const texts = drafts.map((d) => segments(d).map((s) => s.text).join('\n'));
  const require = createRequire(import.meta.url);
  const autocorrect = require('autocorrect-node') as { format(text: string): string };
  console.log(`proof: reference autocorrect-node format() median ${time(3, () => texts.forEach((t) => autocorrect.format(t))).toFixed(0)} ms (plain strings)`);
  try {
    const zhlint = (await import('zhlint')) as { run(text: string, options?: unknown): unknown };
    console.log(`proof: reference zhlint run()              median ${time(1, () => texts.forEach((t) => zhlint.run(t))).toFixed(0)} ms (plain strings)`);
  } catch (error) {
    console.log(`proof: zhlint not measured: ${(error as Error).message}`);
  }
}
