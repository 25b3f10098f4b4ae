/**
 * LXGW WenKai 霞鹜文楷 (SIL OFL 1.1), the bundled 楷体: npm carries it only as a web font, ≈97
 * WOFF2 slices per weight with a CSS file naming each slice's unicode-range. A role served from
 * it looks up the slice of each character (metrics.ts opens slices lazily, so a book that sets
 * a few hundred 楷 characters opens a handful). pdfkit's subsetter reads TrueType glyph tables
 * only and draws WOFF2 outlines blank, so a slice is decompressed to TrueType (wawoff2: Google's
 * woff2 decoder as WebAssembly) before pdfkit embeds it; copy and search keep working because
 * pdfkit still writes its ToUnicode map.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface FontSlice {
  file: string;
}

/** A face split into slices by character ranges. */
export interface SliceSet {
  /** The CSS file the ranges were read from (shown as the face's file). */
  css: string;
  slices: FontSlice[];
  /** The slice holding a code point, or null when none does. */
  sliceFor(cp: number): FontSlice | null;
}

const resolveFrom = createRequire(import.meta.url);
const sets = new Map<string, SliceSet | null>();

/** Parses `src: url(...)` and `unicode-range` of each @font-face block. */
function parseCss(css: string, dir: string): { slices: FontSlice[]; ranges: Array<[number, number, number]> } {
  const slices: FontSlice[] = [];
  const ranges: Array<[number, number, number]> = [];
  for (const block of css.split('@font-face').slice(1)) {
    const src = /src:\s*url\(['"]?([^'")]+\.woff2)['"]?\)/.exec(block);
    const range = /unicode-range:\s*([^;}]+)/.exec(block);
    if (!src || !range) continue;
    const index = slices.push({ file: path.join(dir, src[1]!) }) - 1;
    for (const part of range[1]!.split(',')) {
      const m = /U\+([0-9a-f]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
      if (m) ranges.push([parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16), index]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return { slices, ranges };
}

/** The slices of LXGW WenKai in one weight, or null when the package is not installed. */
export function wenkaiSlices(weight: 'regular' | 'bold'): SliceSet | null {
  if (sets.has(weight)) return sets.get(weight)!;
  let set: SliceSet | null = null;
  try {
    const dir = path.dirname(resolveFrom.resolve('lxgw-wenkai-webfont/package.json'));
    const css = path.join(dir, `lxgwwenkai-${weight}.css`);
    const { slices, ranges } = parseCss(readFileSync(css, 'utf8'), dir);
    if (slices.length) {
      set = {
        css,
        slices,
        sliceFor(cp) {
          let lo = 0;
          let hi = ranges.length - 1;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const r = ranges[mid]!;
            if (cp < r[0]) hi = mid - 1;
            else if (cp > r[1]) lo = mid + 1;
            else return slices[r[2]]!;
          }
          return null;
        },
      };
    }
  } catch {
    set = null;
  }
  sets.set(weight, set);
  return set;
}

type Binding = typeof import('wawoff2/build/decompress_binding.js').default;
let binding: Binding | null = null;
let loading: Promise<void> | null = null;

/**
 * Loads the WOFF2 decoder (its WebAssembly compiles asynchronously). The PDF writer awaits
 * this before drawing whenever a sliced face serves a role; elsewhere it is never loaded.
 */
export function woff2Ready(): Promise<void> {
  if (binding) return Promise.resolve();
  loading ??= (async () => {
    // The package's own entry awaits the runtime; decoding nothing through it (which fails
    // once the runtime is up) is the one documented way to know the binding is ready.
    const { decompress } = resolveFrom('wawoff2') as { decompress(data: Uint8Array): Promise<Uint8Array> };
    await decompress(new Uint8Array(0)).catch(() => undefined);
    binding = resolveFrom('wawoff2/build/decompress_binding.js') as Binding;
  })();
  return loading;
}

const decoded = new Map<string, Buffer>();

/** Whether WOFF2 files can be decoded synchronously now (woff2Ready has resolved). */
export const woff2Decoder = (): boolean => binding !== null;

/** A font file's bytes as pdfkit can embed them: WOFF2 decompressed to TrueType (kept: metrics and the PDF both read it). */
export function fontBytes(file: string): Buffer {
  if (!file.endsWith('.woff2')) return readFileSync(file);
  const hit = decoded.get(file);
  if (hit) return hit;
  if (!binding) throw new Error(`字体 ${path.basename(file)} 是 WOFF2 格式，解码器尚未载入（内部错误：应先等待 woff2Ready()）`);
  const ttf = binding.decompress(readFileSync(file));
  if (!ttf) throw new Error(`字体文件 ${file} 已损坏，无法解码；请删除 node_modules 后重新执行 npm ci`);
  // A copy: the binding may hand back a view of its WebAssembly memory, which the next call reuses.
  const bytes = Buffer.from(ttf);
  decoded.set(file, bytes);
  return bytes;
}
