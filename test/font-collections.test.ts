/**
 * A face inside a font collection (.ttc) is found by reading the collection's header and its
 * members' name tables only (roles.ts collectionHas): every member fontkit finds when it opens
 * the whole file is found, and a name no member has is not. Run on the collections this machine
 * has (Debian's WenQuanYi Zen Hei and AR PL UKai, Windows' and macOS's own); none: nothing to check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { collectionHas } from '../electron/core/fonts/roles.js';

const COLLECTIONS = [
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/arphic/ukai.ttc',
  'C:\\Windows\\Fonts\\simsun.ttc',
  '/System/Library/Fonts/Supplemental/Songti.ttc',
].filter((f) => existsSync(f));

test('every member of a collection is found by its PostScript name, and no other name is', { skip: COLLECTIONS.length === 0 && 'no .ttc on this machine' }, () => {
  for (const file of COLLECTIONS) {
    const members = (fontkit.openSync(file).fonts ?? []).map((f) => f.postscriptName);
    assert.ok(members.length >= 1, `${file}: fontkit reads no member`);
    for (const name of members) assert.equal(collectionHas(file, name), true, `${file}: ${name} not found`);
    assert.equal(collectionHas(file, `${members[0]}-NoSuchFace`), false, `${file}: a name no member has was found`);
  }
});

test('a collection cut short before its name tables throws (usable() then counts the face as missing)', { skip: COLLECTIONS.length === 0 && 'no .ttc on this machine' }, () => {
  const file = COLLECTIONS[0]!;
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-ttc-'));
  try {
    const cut = path.join(dir, 'cut.ttc');
    // The header and the members' directories, but not the name tables they point at.
    writeFileSync(cut, readFileSync(file).subarray(0, 4096));
    const name = fontkit.openSync(file).fonts![0]!.postscriptName;
    assert.throws(() => collectionHas(cut, name), /truncated/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
