/**
 * What every reader hands to the stages: the draft as a flat list of lines (paragraph-level
 * units) with whatever structure the source format carried. Plain text carries none; HTML,
 * DOCX and Markdown may carry headings, bold runs, images and tables. The stages then work the
 * same for every format, so a draft reads the same whether it came as TXT, DOCX or a web page.
 */
import type { HeadingLevel, Inline, TableBlock } from '../model/types.js';

export interface SourceLine {
  /** Plain text, whitespace and full-width indents trimmed; "" for image- or table-only lines. */
  text: string;
  /** Styled runs when the source had marks (bold); their text equals `text`. */
  inlines?: Inline[];
  /** A heading level the source declared (HTML h1–h4, Word "Heading 1", Markdown #). */
  heading?: HeadingLevel;
  image?: { src?: string; alt?: string; width?: number; height?: number };
  table?: TableBlock;
  /** The raw line began with spaces or a full-width indent (a paragraph start in wrapped text). */
  indent?: boolean;
  /** Page furniture the reader recognised by its markup (<nav>, footers): listed as dropped, in place. */
  furniture?: boolean;
  /** A list item's line (HTML/Word/Markdown lists): `first` marks the line that opens the item. */
  list?: { ordered: boolean; number: number; depth: number; first: boolean };
}

export interface ReadResult {
  format: string;
  encoding?: string;
  lines: SourceLine[];
  warnings: string[];
}

/** Trim ASCII and full-width spaces (U+3000), NBSP and BOM at both ends. */
export function trimLine(value: string): string {
  return value.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/gu, '');
}

/** A paragraph's first-line indent as text sets it (a PDF copy's page break, a form feed, before it). */
const INDENT = /^[\f\v]*(?:[\u3000\u00a0\t]| {2})/u;

/**
 * A full-width indent that a bad re-encoding turned into question marks ("??某某", "??????据悉", and "?"
 * alone on a blank line): a copy of a page in GB2312 read as another charset has U+3000 with no
 * place to go. No paragraph opens on two question marks, so the run is the indent it was.
 */
const LOST_INDENT = /^[ \t\u3000\u00a0]*\?{2,}(?=[^\s?？])/u;
const LOST_BLANK = /^[ \t\u3000\u00a0]*\?+[ \t\u3000\u00a0]*$/u;
/** A line's text with such an indent read back as the full-width spaces it was ("" for a line of "?" alone). */
export function restoreLostIndent(value: string): string {
  return LOST_BLANK.test(value) ? '' : restoreLostIndentStart(value);
}
/** The same at the start of a line's first run (the line may go on in other runs). */
export function restoreLostIndentStart(value: string): string {
  return value.replace(LOST_INDENT, '\u3000\u3000');
}

export function textLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  for (const copied of text.split(/\r\n|\r|\n|\u2028|\u2029/u)) {
    const raw = restoreLostIndent(copied);
    const t = trimLine(raw);
    if (!t) continue;
    // (One ASCII space is a copy's stray, or the space a wrap left at a line's start: an indent is two, a full-width space or a tab.)
    out.push(INDENT.test(raw) ? { text: t, indent: true } : { text: t });
  }
  return out;
}
