/**
 * Library size after a simulated year of editing: the feature's and the Jining shortlist's
 * cases (real corpus text), 250 working days, four cases edited a day in two sessions each
 * (a streak of autosaves, then an explicit save on leaving the case, half of them carrying the
 * last words typed), a status change now and then. Run once with
 * the revision pruning policy (store/revisions.ts) and once without, and print both sizes.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Library, setClock } from '../electron/core/store/index.js';
import type { Block } from '../electron/core/model/types.js';
import { importCorpus } from '../test/fixtures/corpus.js';

const DAYS = 250;
const PER_DAY = 3;
const HOUR = 3_600_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The body with one paragraph retyped: what an editing session leaves. */
function edited(body: Block[], step: number): Block[] {
  const out = structuredClone(body);
  const i = step % Math.max(1, out.length);
  const block = out[i];
  if (block?.type === 'paragraph') block.content = [...block.content, { type: 'text', text: `（第${step}次修改）` }];
  else out.push({ type: 'paragraph', content: [{ type: 'text', text: `补充说明第${step}条。` }] });
  return out;
}

async function simulate(prune: boolean): Promise<{ mb: number; baseMb: number; revisions: number; saves: number; seconds: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-year-'));
  const file = path.join(dir, 'year.db');
  const start = Date.parse('2025-01-06T08:30:00Z');
  let t = start;
  const restore = setClock(() => new Date(t));
  const began = performance.now();
  let lib = new Library(file, { pruneRevisions: prune });
  let saves = 0;
  try {
    const files = [await importCorpus('zhongguominzheng-2022-02-feature.txt'), await importCorpus('jining-2020-shortlist.txt')];
    const ids = lib.commitImport(files).imported.flatMap((f) => f.documentIds);
    lib.db.pragma('wal_checkpoint(TRUNCATE)');
    const baseMb = statSync(file).size / 1048576;
    const random = rng(7);
    for (let day = 0; day < DAYS; day++) {
      // five working days a week
      const date = start + (Math.floor(day / 5) * 7 + (day % 5)) * 24 * HOUR;
      for (let n = 0; n < PER_DAY; n++) {
        const id = ids[Math.floor(random() * ids.length)]!;
        for (let session = 0; session < 2; session++) {
          t = date + (n * 2 + session * 4) * HOUR;
          let body = lib.getDocument(id).document.body;
          for (let k = 0; k < 3; k++) {
            t += 2 * 60_000;
            body = edited(body, day * 100 + n * 10 + k);
            lib.saveDocument(id, { body, autosave: true });
            saves++;
          }
          t += 60_000;
          // leaving the case saves explicitly: with the last words typed, or with nothing new
          lib.saveDocument(id, random() < 0.5 ? { body: edited(body, day * 100 + n * 10 + 9) } : {});
          saves++;
        }
      }
      if (day % 20 === 19) lib.setStatus([ids[day % ids.length]!], 'review', { who: '审阅人' });
    }
    lib.close();
    t += 24 * HOUR;
    lib = new Library(file, { pruneRevisions: prune });
    lib.db.pragma('wal_checkpoint(TRUNCATE)');
    const revisions = (lib.db.prepare('SELECT COUNT(*) AS n FROM revisions').get() as { n: number }).n;
    lib.db.exec('VACUUM');
    lib.close();
    return { mb: statSync(file).size / 1048576, baseMb, revisions, saves, seconds: (performance.now() - began) / 1000 };
  } finally {
    restore();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  for (const prune of [true, false]) {
    const r = await simulate(prune);
    console.log(
      `a year of editing (${DAYS} days × ${PER_DAY} cases × 2 sessions, ${r.saves} saves), ${prune ? 'with the pruning policy' : 'without pruning'}: ` +
        `${r.mb.toFixed(1)} MB after VACUUM (${r.baseMb.toFixed(1)} MB as imported), ${r.revisions} revisions (${r.seconds.toFixed(1)} s)`,
    );
  }
}
