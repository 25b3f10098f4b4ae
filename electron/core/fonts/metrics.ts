/**
 * Font files opened once per process (fontkit), with per-face caches of advances and
 * coverage: text measurement is the inner loop of the layout engine.
 */
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { FaceFile } from './roles.js';
import { fontBytes, woff2Decoder } from './webfont.js';

export interface FaceMetrics {
  key: string;
  file: FaceFile;
  /** Advance in em of a code point; NaN when the face lacks it. */
  advance(cp: number): number;
  has(cp: number): boolean;
  ascent: number;
  descent: number;
  /**
   * For a face split into slices (the bundled 楷体): the slice face that holds a code point,
   * which is what the PDF embeds. Absent on ordinary faces, which hold their own glyphs.
   */
  part?(cp: number): FaceMetrics;
}

const opened = new Map<string, FaceMetrics>();

export function faceKey(file: FaceFile): string {
  return file.postscriptName ? `${file.file}#${file.postscriptName}` : file.file;
}

export function faceMetrics(file: FaceFile): FaceMetrics {
  const key = faceKey(file);
  const hit = opened.get(key);
  if (hit) return hit;
  if (file.slices) return slicedMetrics(file, key);
  const font: Font = file.postscriptName
    ? fontkit.openSync(file.file, file.postscriptName)
    : // fontkit decodes WOFF2 with a JavaScript Brotli (≈50 ms a slice); the WebAssembly decoder is ~10× faster.
      file.file.endsWith('.woff2') && woff2Decoder()
      ? fontkit.create(fontBytes(file.file))
      : fontkit.openSync(file.file);
  const upm = font.unitsPerEm;
  const advances = new Map<number, number>();
  const metrics: FaceMetrics = {
    key,
    file,
    ascent: font.ascent / upm,
    descent: font.descent / upm,
    has(cp) {
      return !Number.isNaN(metrics.advance(cp));
    },
    advance(cp) {
      let a = advances.get(cp);
      if (a === undefined) {
        a = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth / upm : NaN;
        advances.set(cp, a);
      }
      return a;
    },
  };
  opened.set(key, metrics);
  return metrics;
}

/** A sliced face: each character is measured in, and drawn from, the slice whose range holds it. */
function slicedMetrics(file: FaceFile, key: string): FaceMetrics {
  const set = file.slices!;
  const sliceMetrics = (cp: number): FaceMetrics | null => {
    const slice = set.sliceFor(cp);
    return slice ? faceMetrics({ face: file.face, file: slice.file }) : null;
  };
  // Vertical metrics are the design's, the same in every slice: read them from the slice of 中.
  const probe = sliceMetrics(0x4e2d) ?? faceMetrics({ face: file.face, file: set.slices[0]!.file });
  const metrics: FaceMetrics = {
    key,
    file,
    ascent: probe.ascent,
    descent: probe.descent,
    has: (cp) => sliceMetrics(cp)?.has(cp) ?? false,
    advance: (cp) => sliceMetrics(cp)?.advance(cp) ?? NaN,
    part: (cp) => sliceMetrics(cp) ?? probe,
  };
  opened.set(key, metrics);
  return metrics;
}
