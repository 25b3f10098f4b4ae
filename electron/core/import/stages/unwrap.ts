/**
 * Text copied out of a PDF or an e-mail arrives hard-wrapped: every printed line is a line of
 * its own, cutting paragraphs mid-sentence. When most lines share one width, a line that fills
 * that width is joined to the next one. Drafts with one line per paragraph (the usual case)
 * do not share a width and pass through untouched.
 */
import type { Inline } from '../../model/types.js';
import type { SourceLine } from '../lines.js';

/** Where indentation is missing, a full line ending a sentence is taken as a paragraph end. */
const PARAGRAPH_END = /[。！？!?][”」』）)]?$/u;
const STARTS_BLOCK = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十0-9０-９]{1,3}\s*[)）]|[0-9０-９]{1,3}\s*[.．、](?![0-9０-９])|[一二三四五六七八九十]{1,3}是|附件|——)/u;

/** Cells a line fills in print: full-width characters one each, ASCII half, a paragraph indent two. */
function width(line: SourceLine): number {
  let w = line.indent ? 2 : 0;
  for (const ch of line.text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/** The common printed line width, or null when the lines do not share one. */
export function wrapWidth(lines: SourceLine[]): number | null {
  const widths = lines.filter((l) => l.text && !l.heading && !l.image && !l.table && !l.furniture).map((l) => Math.round(width(l)));
  if (widths.length < 8) return null;
  const counts = new Map<number, number>();
  for (const w of widths) if (w >= 15) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [w, n] of counts) {
    // Lines of the wrap width and one cell either side (punctuation squeezing).
    const near = n + (counts.get(w - 1) ?? 0) + (counts.get(w + 1) ?? 0);
    if (near > bestCount || (near === bestCount && w > best)) {
      best = w;
      bestCount = near;
    }
  }
  if (best === 0 || bestCount < widths.length * 0.35) return null;
  // Nothing may be much wider than the wrap width: a draft with real long paragraphs is not wrapped.
  if (widths.filter((w) => w > best + 2).length > widths.length * 0.05) return null;
  return best;
}

/** Two pieces of one paragraph as one line; styled runs (bold, footnotes) are kept when either piece had them. */
function join(a: SourceLine, b: SourceLine): SourceLine {
  const joined: SourceLine = { text: a.text + b.text };
  if (a.indent) joined.indent = true;
  if (a.inlines || b.inlines) {
    const runs = (l: SourceLine): Inline[] => l.inlines ?? [{ type: 'text', text: l.text }];
    joined.inlines = [...runs(a), ...runs(b)];
  }
  return joined;
}

export function unwrap(lines: SourceLine[]): SourceLine[] {
  const w = wrapWidth(lines);
  if (w === null) return lines;
  // Where paragraphs are indented, an indented line always starts a new one.
  const indented = lines.filter((l) => l.indent).length;
  const usesIndent = indented >= 2 && indented < lines.length * 0.8;
  const out: SourceLine[] = [];
  let current: SourceLine | null = null;
  for (const line of lines) {
    const startsParagraph = (usesIndent && line.indent) || STARTS_BLOCK.test(line.text);
    if (current && !line.image && !line.table && !line.heading && !line.list && !line.furniture && line.text && !startsParagraph) {
      current = join(current, line);
      out[out.length - 1] = current;
    } else {
      out.push(line);
      current = line.text && !line.heading && !line.image && !line.table && !line.list && !line.furniture ? line : null;
    }
    // Keep joining only while the line so far ends on a full printed line.
    const full = width(line) >= w - 1.5;
    if (current && !(full && (usesIndent || !PARAGRAPH_END.test(line.text)))) current = null;
  }
  return out;
}
