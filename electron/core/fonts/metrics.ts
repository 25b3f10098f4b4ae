/**
 * Font files opened once per process (fontkit), with per-face caches of advances and
 * coverage: text measurement is the inner loop of the layout engine.
 */
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { FaceFile } from './roles.js';

export interface FaceMetrics {
  key: string;
  file: FaceFile;
  /** Advance in em of a code point; NaN when the face lacks it. */
  advance(cp: number): number;
  has(cp: number): boolean;
  ascent: number;
  descent: number;
}

const opened = new Map<string, FaceMetrics>();

export function faceKey(file: FaceFile): string {
  return file.postscriptName ? `${file.file}#${file.postscriptName}` : file.file;
}

export function faceMetrics(file: FaceFile): FaceMetrics {
  const key = faceKey(file);
  const hit = opened.get(key);
  if (hit) return hit;
  const font: Font = file.postscriptName ? fontkit.openSync(file.file, file.postscriptName) : fontkit.openSync(file.file);
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
