/**
 * Template styles resolved for the layout engine: sizes in pt, spacing in pt (the
 * template counts it in body-grid lines), and helpers shared by the three templates.
 */
import type { Template } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';
import type { ResolvedStyle, StyleBook } from '../../layout/blocks.js';
import { layoutParagraph, type LaidLine, type StyledText } from '../../layout/paragraph.js';
import { runStyle } from '../../layout/blocks.js';

export function styleBook(template: Template): StyleBook {
  const body = template.styles.body;
  const grid = body?.lineHeight ?? 17.5;
  const cache = new Map<string, ResolvedStyle>();
  return {
    has: (name) => name in template.styles,
    get(name) {
      const hit = cache.get(name);
      if (hit) return hit;
      const s = template.styles[name] ?? body;
      if (!s) throw new Error(`template ${template.id} has no "${name}" style and no body style`);
      const r: ResolvedStyle = {
        role: s.role,
        size: s.size,
        bold: s.bold,
        color: s.color,
        align: s.align,
        indentChars: s.indentChars,
        pitch: s.lineHeight,
        spaceBefore: s.spaceBeforeLines * grid,
        spaceAfter: s.spaceAfterLines * grid,
      };
      cache.set(name, r);
      return r;
    },
  };
}

export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  inner: number;
  outer: number;
  /** Type area. */
  measure: number;
  depth: number;
}

export function geometry(template: Template): PageGeometry {
  const p = template.page;
  // options.trim names one of options.trimPresets ("A4", "16开") to override the page size.
  const presets = (template.options.trimPresets ?? {}) as Record<string, [number, number]>;
  const preset = typeof template.options.trim === 'string' ? presets[template.options.trim] : undefined;
  const width = mmToPt(preset?.[0] ?? p.width);
  const height = mmToPt(preset?.[1] ?? p.height);
  const top = mmToPt(p.marginTop);
  const bottom = mmToPt(p.marginBottom);
  const inner = mmToPt(p.marginInner);
  const outer = mmToPt(p.marginOuter);
  return { width, height, top, bottom, inner, outer, measure: width - inner - outer, depth: height - top - bottom };
}

export function option<T>(template: Template, key: string, fallback: T): T {
  const v = template.options[key];
  return v === undefined || v === null ? fallback : (v as T);
}

/** One-line text in a style (running heads, folios, labels). */
export function oneLine(text: string, style: ResolvedStyle, measure = 1e6, autoSpace = true): LaidLine {
  return layoutParagraph({ runs: [{ text, style: runStyle(style) }], measure, align: 'left', autoSpace })[0] ?? { glyphs: [], size: style.size, right: 0, final: true, text: '' };
}

/**
 * A centred display title broken into balanced lines (GB/T 9704 §7.3.1 and the book's
 * case titles): longer upper line, words kept whole by the line breaker.
 */
export function balancedTitle(runs: StyledText[], measure: number, size: number, autoSpace = true): LaidLine[] {
  let lines = layoutParagraph({ runs, measure, align: 'center', autoSpace, keepWords: true });
  if (lines.length > 1) {
    const total = lines.reduce((s, l) => s + (l.right - (l.glyphs[0]?.x ?? 0)), 0);
    const target = Math.min(measure, total / lines.length + size * 1.5);
    const retry = layoutParagraph({ runs, measure: target, align: 'center', autoSpace, keepWords: true });
    if (retry.length === lines.length) {
      // Centre the balanced lines on the full measure.
      const shift = (measure - target) / 2;
      lines = retry.map((l) => ({ ...l, glyphs: l.glyphs.map((g) => ({ ...g, x: g.x + shift })), right: l.right + shift }));
    }
  }
  return lines;
}
