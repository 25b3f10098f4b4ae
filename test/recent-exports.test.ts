/** 最近导出 (electron/main/recent-exports.ts): newest first, no duplicates, capped, vanished files left out. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addRecentExport, readRecentExports, RECENT_MAX, recentExportsFile } from '../electron/main/recent-exports.js';

test('recent exports: newest first, one entry per file, at most RECENT_MAX, files that are gone left out, bad JSON read as empty', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-recent-'));
  try {
    const file = recentExportsFile(dir);
    assert.deepEqual(readRecentExports(file), [], 'no file yet');
    const a = path.join(dir, 'a.pdf');
    const b = path.join(dir, 'b.docx');
    writeFileSync(a, '%PDF');
    writeFileSync(b, 'PK');
    addRecentExport(file, a, new Date('2026-12-01T10:00:00Z'));
    addRecentExport(file, b, new Date('2026-12-01T11:00:00Z'));
    addRecentExport(file, a, new Date('2026-12-01T12:00:00Z'));
    assert.deepEqual(readRecentExports(file).map((r) => [path.basename(r.path), r.at]), [
      ['a.pdf', '2026-12-01T12:00:00.000Z'],
      ['b.docx', '2026-12-01T11:00:00.000Z'],
    ]);
    rmSync(b);
    assert.deepEqual(readRecentExports(file).map((r) => path.basename(r.path)), ['a.pdf'], 'a deleted file drops out');
    for (let i = 0; i < RECENT_MAX + 5; i++) addRecentExport(file, path.join(dir, `n${i}.pdf`));
    assert.equal(readRecentExports(file, () => true).length, RECENT_MAX);
    writeFileSync(file, '{not json');
    assert.deepEqual(readRecentExports(file), []);
    writeFileSync(file, JSON.stringify([{ path: 'relative.pdf', at: 'x' }, { nope: 1 }]));
    assert.deepEqual(readRecentExports(file, () => true), [], 'only absolute paths with a time');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
