/**
 * The face metrics read a character's glyph id from the face's cmap (not through fontkit's
 * glyphForCodePoint, whose glyph objects load unicode-properties): for every face a book can set
 * (each role's regular and bold, the Latin faces, the fallbacks) the ids and advances are the
 * ones fontkit's own API gives, for characters the face has and characters it lacks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fontkit from 'fontkit';
import { fallbackFaces, latinFaces, roleFaces, type FaceFile } from '../electron/core/fonts/roles.js';
import { faceMetrics } from '../electron/core/fonts/metrics.js';

// Han, CJK and Latin punctuation, digits, a combining mark, an Extension B character, a private-use one.
const SAMPLE = '民政为民，民政爱民：“10+1+N”模式——2021年《归路》（电影）养老服务、社会救助……ABC xyz 93.35%é\u0301\u{20000}\u{F0000}〓';

function faces(): FaceFile[] {
  const out = new Map<string, FaceFile>();
  const add = (f: FaceFile | null | undefined) => {
    if (f && !f.slices) out.set(`${f.file}#${f.postscriptName ?? ''}`, f);
  };
  for (const r of roleFaces().values()) {
    add(r.regular);
    add(r.bold);
  }
  for (const sans of [false, true]) {
    const l = latinFaces(sans);
    add(l.regular);
    add(l.bold);
  }
  for (const f of fallbackFaces()) add(f);
  return [...out.values()];
}

test('glyph ids and advances from the cmap are fontkit glyphForCodePoint’s, face by face', () => {
  const previous = process.env.HUIBIAN_FONT_CACHE;
  // The face as its file holds it (a cached copy has the same cmap, but this compares with the file).
  process.env.HUIBIAN_FONT_CACHE = '0';
  try {
    const list = faces();
    assert.ok(list.length >= 3, `only ${list.length} faces found`);
    let missing = 0;
    for (const file of list) {
      const m = faceMetrics(file);
      const font = fontkit.openSync(file.file, file.postscriptName);
      for (const ch of SAMPLE) {
        const cp = ch.codePointAt(0)!;
        const want = font.glyphForCodePoint(cp);
        const got = m.glyph(cp);
        assert.equal(got.id, want.id, `${file.file} U+${cp.toString(16)}: glyph id`);
        assert.equal(got.advance, want.id === 0 ? 0 : want.advanceWidth, `${file.file} U+${cp.toString(16)}: advance`);
        assert.equal(m.has(cp), want.id !== 0);
        if (want.id === 0) missing++;
      }
    }
    // The sample holds characters some face lacks, so the id-0 path is compared too.
    assert.ok(missing > 0);
  } finally {
    if (previous === undefined) delete process.env.HUIBIAN_FONT_CACHE;
    else process.env.HUIBIAN_FONT_CACHE = previous;
  }
});
