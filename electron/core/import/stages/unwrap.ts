/**
 * Text copied out of a PDF or an e-mail arrives hard-wrapped: every printed line is a line of
 * its own, cutting paragraphs mid-sentence. A printed page has one measure (GB/T 9704 sets an
 * official document at 28 characters a line; an e-mail at 38 or so), so a wrapped paragraph is a
 * run of lines that fill the measure, closed by a shorter one; drafts with one line per paragraph
 * have no such runs (their long lines differ in length) and pass through untouched.
 *
 * Two readings of the measure:
 * - the whole draft was copied from print: most long lines fill one width and none is much wider;
 *   every full line is then joined to the next;
 * - one paragraph was (a page quoting a PDF, or a draft of pasted pieces): two or more
 *   consecutive lines of the same width, cut mid-sentence, and a shorter line ending the run.
 */
import type { Inline } from '../../model/types.js';
import type { SourceLine } from '../lines.js';
import { endsOwnLine } from './notice.js';

/** Where indentation is missing, a full line ending a sentence is taken as a paragraph end. */
const PARAGRAPH_END = /[。！？!?][”」』）)]?$/u;
const STARTS_BLOCK = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十0-9０-９]{1,3}\s*[)）]|[0-9０-９]{1,3}\s*[.．、](?![0-9０-９])|[一二三四五六七八九十]{1,3}是|附件|——)/u;
/**
 * The narrowest measure prose is wrapped at: an official document's 28 characters, a narrow
 * column's 24. A list of names or addresses is narrower, and its items must never be joined.
 */
const MIN_MEASURE = 24;
/** Chinese punctuation a copy set in ASCII (or the reader folded): it still filled a full cell in print. */
const CJK_PUNCT_ASCII = /[,:;!?()]/u;
/** A comma or semicolon inside a line: prose, where a list item (names joined by 、) has none. */
const CLAUSE_INSIDE = /[,，;；](?!$)/u;
const wide = (c: string | undefined): boolean => c !== undefined && c.charCodeAt(0) >= 0x2e80;

/** Cells a line fills in print: full-width characters and Chinese punctuation one each, other ASCII half, a paragraph indent two. */
function width(line: SourceLine): number {
  let w = line.indent ? 2 : 0;
  const chars = [...line.text];
  chars.forEach((ch, i) => {
    if (wide(ch)) w += 1;
    else w += CJK_PUNCT_ASCII.test(ch) && (wide(chars[i - 1]) || wide(chars[i + 1])) ? 1 : 0.5;
  });
  return w;
}

/** Share of a line's characters that are Han: prose, where a copyright or an address line is mostly Latin and digits. */
function hanShare(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return text.length === 0 ? 0 : han / text.length;
}

/** A line the wrap may join: text only, no structure the source declared. */
const plain = (l: SourceLine): boolean => Boolean(l.text) && !l.heading && !l.image && !l.table && !l.list && !l.furniture;

/** The common printed line width of a draft copied from print, or null when the lines do not share one. */
export function wrapWidth(lines: SourceLine[]): number | null {
  const widths = lines.filter(plain).map((l) => Math.round(width(l)));
  if (widths.length < 8) return null;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const near = (w: number) => (counts.get(w) ?? 0) + (counts.get(w - 1) ?? 0) + (counts.get(w + 1) ?? 0);
  let best = 0;
  for (const w of counts.keys()) if (w >= MIN_MEASURE && (near(w) > near(best) || (near(w) === near(best) && w > best))) best = w;
  if (best === 0 || near(best) < 3) return null;
  // Nothing may be much wider: a draft with real long paragraphs is not wrapped.
  const wider = widths.filter((w) => w > best + 2).length;
  if (wider > widths.length * 0.05) return null;
  // The full lines are the bulk of the long ones (a paragraph's last line is shorter, headings and
  // list items shorter still) — or, where short paragraphs and labels outnumber them, they are prose
  // cut mid-clause (a list's items hold no comma) and no line at all is wider.
  const long = widths.filter((w) => w >= MIN_MEASURE / 2).length;
  const prose = lines.filter((l) => plain(l) && Math.abs(Math.round(width(l)) - best) <= 1 && CLAUSE_INSIDE.test(l.text)).length;
  if (near(best) < long * 0.3 && !(prose >= 3 && wider === 0)) return null;
  // Either way some full line holds a mark of running text: a list whose bare names all come to one
  // width (an indent brings guizhou-2023's 22-cell addresses to 24) is never wrapped text.
  const marked = lines.filter((l) => plain(l) && Math.abs(Math.round(width(l)) - best) <= 1 && /[,，;；、。:：](?!$)/u.test(l.text)).length;
  if (marked === 0) return null;
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

/**
 * Lines that end a full printed line inside a paragraph of a draft not wrapped throughout: runs of
 * two or more lines of one width (within a cell and a half: punctuation squeezing, a half-width digit) of at least the narrowest
 * measure, none ending a sentence, mostly Han and one holding a comma inside (prose, not names joined by 、 nor a footer's Latin),
 * followed by a line no wider that continues them.
 */
function localBreaks(lines: SourceLine[], startsParagraph: (l: SourceLine) => boolean): Set<number> {
  const breaks = new Set<number>();
  const widths = lines.map(width);
  const full = (k: number, w: number) =>
    plain(lines[k]!) && Math.abs(widths[k]! - w) <= 1.5 && !PARAGRAPH_END.test(lines[k]!.text) && hanShare(lines[k]!.text) >= 0.5 && !endsOwnLine(lines[k]!.text);
  let i = 0;
  while (i < lines.length) {
    const w = widths[i]!;
    if (w < MIN_MEASURE || !full(i, w)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && full(j + 1, w) && !startsParagraph(lines[j + 1]!)) j++;
    const last = j + 1;
    const closes = last < lines.length && plain(lines[last]!) && widths[last]! <= w + 1 && !startsParagraph(lines[last]!);
    const prose = lines.slice(i, j + 1).some((l) => CLAUSE_INSIDE.test(l.text));
    if (j > i && closes && prose) for (let k = i; k <= j; k++) breaks.add(k);
    i = j + 1;
  }
  return breaks;
}

export function unwrap(lines: SourceLine[]): SourceLine[] {
  // Where paragraphs are indented, an indented line always starts a new one.
  const indented = lines.filter((l) => l.indent).length;
  const usesIndent = indented >= 2 && indented < lines.length * 0.8;
  const startsParagraph = (l: SourceLine) => (usesIndent && Boolean(l.indent)) || STARTS_BLOCK.test(l.text);
  const w = wrapWidth(lines);
  // Which lines end on a full printed line inside their paragraph: the next line continues them.
  let continues: (k: number) => boolean;
  if (w !== null) {
    continues = (k) => {
      const line = lines[k]!;
      // (A document's title and its 主送 end their lines however full: notice.ts endsOwnLine.)
      return width(line) >= w - 1.5 && (usesIndent || !PARAGRAPH_END.test(line.text)) && !endsOwnLine(line.text);
    };
  } else {
    const breaks = localBreaks(lines, startsParagraph);
    if (breaks.size === 0) return lines;
    continues = (k) => breaks.has(k);
  }
  const out: SourceLine[] = [];
  let open = false;
  lines.forEach((line, k) => {
    if (open && plain(line) && !startsParagraph(line)) {
      out[out.length - 1] = join(out[out.length - 1]!, line);
    } else {
      out.push(line);
      if (!plain(line)) {
        open = false;
        return;
      }
    }
    // Keep joining only while the line so far ends on a full printed line.
    open = continues(k);
  });
  return out;
}
