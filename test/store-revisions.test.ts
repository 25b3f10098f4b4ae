/**
 * The revision pruning policy (store/revisions.ts) over months of simulated editing of a real
 * case: explicit saves, status changes and restores are all kept; autosave snapshots are
 * thinned to one per hour after a day, one per day after a month, one per week after a year;
 * an explicit save that changes nothing adds no revision.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Library, setClock } from '../electron/core/store/index.js';
import { paragraph } from '../electron/core/model/text.js';
import { corpusPath } from './fixtures/corpus.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-revisions-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test('months of autosaves are thinned by age; explicit saves and notes stay; unchanged saves add nothing', () => {
  const lines = readFileSync(corpusPath('jining-2020-shortlist.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim().length > 20);
  const start = Date.parse('2025-01-01T08:00:00Z');
  let t = start;
  const restore = setClock(() => new Date(t));
  const file = path.join(tmp, 'year.db');
  let lib = new Library(file);
  try {
    const id = lib.createCase({ title: '儒乡曲阜 诚信救助', category: '社会救助' }, [paragraph(lines[0]!)]);
    const explicitAt: number[] = [];
    // 400 days, a session every other day: autosaves a few minutes apart (each streak shares one row), then an explicit save
    for (let day = 0; day < 400; day += 2) {
      for (let session = 0; session < 2; session++) {
        t = start + day * DAY + session * 5 * HOUR;
        for (let k = 0; k < 4; k++) {
          t += 3 * 60_000;
          lib.saveDocument(id, { body: [paragraph(lines[(day + k) % lines.length]!), paragraph(`第${day}天第${session}次第${k}稿`)], autosave: true });
        }
        t += 60_000;
        lib.saveDocument(id, { body: [paragraph(lines[day % lines.length]!), paragraph(`第${day}天第${session}次定稿`)] });
        explicitAt.push(t);
        // a second explicit save without changes (switching documents) adds nothing
        const before = lib.listRevisions(id).length;
        lib.saveDocument(id, {});
        assert.equal(lib.listRevisions(id).length, before);
        // typing resumes: the next streak's autosave row is separate from the explicit save
        t += 60_000;
        lib.saveDocument(id, { body: [paragraph(`第${day}天第${session}次续写`)], autosave: true });
      }
      if (day === 100) lib.setStatus([id], 'review', { who: '审阅人', reason: '退回修改' });
    }
    // pruning runs after each explicit save (for that document) and when the library opens
    lib.close();
    lib = new Library(file);
    const revisions = lib.listRevisions(id);
    const now = t;
    const explicit = revisions.filter((r) => !r.autosave && !r.note);
    assert.ok(explicit.length >= explicitAt.length, `every explicit save kept (${explicit.length} of ${explicitAt.length})`);
    assert.ok(revisions.some((r) => r.note?.includes('退回修改')), 'the status change is kept');
    const autos = revisions.filter((r) => r.autosave);
    const buckets = new Map<string, number>();
    for (const r of autos) {
      const at = Date.parse(r.createdAt);
      const age = now - at;
      if (age < DAY) continue;
      const width = age < 30 * DAY ? HOUR : age < 365 * DAY ? DAY : 7 * DAY;
      const key = `${width}/${Math.floor(at / width)}`;
      buckets.set(key, (buckets.get(key) ?? 0) + 1);
    }
    assert.deepEqual([...buckets.values()].filter((n) => n > 1), [], 'at most one autosave per hour / day / week by age');
    const sessions = explicitAt.length; // one autosave row per session before pruning (a streak shares one row)
    assert.ok(autos.length < sessions * 0.6, `autosave rows thinned: ${autos.length} left of ${sessions}`);
    assert.equal(lib.integrityCheck(), 'ok');
  } finally {
    lib.close();
    restore();
  }
});
