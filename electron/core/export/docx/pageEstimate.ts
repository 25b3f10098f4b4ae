/**
 * Our own pagination estimate, from the template's numbers (text width, type-area height,
 * each style's size and line pitch). LibreOffice does not refresh TOC fields when it
 * converts, so the TOC's cached page numbers must come from here; the notice uses it to
 * push the 版记 to the foot of the last page.
 */

/** ASCII set in the Latin face at about a quarter em: punctuation and spaces (by code). */
const QUARTER = new Uint8Array(128);
for (const ch of ",.:;!'| ") QUARTER[ch.charCodeAt(0)] = 1;

/** Width in ems of one character by its code point: Han and full-width forms take one, ASCII half. */
function charWidth(cp: number): number {
  if (cp < 0x2000) return cp === 0x0a ? 0 : cp < 128 && QUARTER[cp] ? 0.25 : 0.5;
  if (cp >= 0xff61 && cp <= 0xffdc) return 0.5;
  return 1;
}

/** Width of a string in ems of its own size: Han and full-width forms take one, ASCII half. */
export function emWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    w += charWidth(cp);
  }
  return w;
}

const codes = (s: string): Set<number> => new Set([...s].map((c) => c.codePointAt(0)!));
const NO_START = codes('。，、；：？！”’）》〉」』】〕〗…—%‰℃,.;:?!)]}');
const NO_END = codes('“‘（《〈「『【〔〖([{');

const isAlnum = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
/** What a Latin word or a number may hold: letters, digits and . , % */
const inWord = (cp: number): boolean => isAlnum(cp) || cp === 0x2e || cp === 0x2c || cp === 0x25;

/**
 * Code points and widths of the text being broken, reused from paragraph to paragraph: the
 * estimate measures every paragraph of a book, and arrays of one-character strings per
 * paragraph were most of its time and garbage.
 */
let cps = new Uint32Array(1024);
let widths = new Float64Array(1024);

/**
 * Greedy line breaking as a word processor does it with kinsoku on: a closing mark that
 * would start a line pulls the previous character down ("推出", what LibreOffice does; Word
 * may squeeze instead, so this errs on the side of more lines), an opening mark never ends a
 * line, and a run of Latin letters or digits is never split.
 */
export function breakLines(text: string, perLine: number, indent = 0): number {
  if (cps.length < text.length) {
    cps = new Uint32Array(text.length * 2);
    widths = new Float64Array(text.length * 2);
  }
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    cps[n] = cp;
    widths[n++] = charWidth(cp);
  }
  if (!n) return 1;
  let lines = 0;
  let i = 0;
  let room = perLine - indent;
  while (i < n) {
    lines++;
    let w = 0;
    let j = i;
    while (j < n && w + widths[j]! <= room + 0.001) w += widths[j++]!;
    if (j < n && j > i + 1) {
      let k = j;
      if (NO_START.has(cps[k]!)) k--;
      while (k > i + 1 && NO_END.has(cps[k - 1]!)) k--;
      if (isAlnum(cps[k]!) && isAlnum(cps[k - 1]!)) {
        let s = k;
        while (s > i && inWord(cps[s - 1]!)) s--;
        if (s > i) k = s;
      }
      j = Math.max(i + 1, k);
    }
    i = Math.max(j, i + 1);
    room = perLine;
  }
  return lines;
}

/** A heading left as the last thing of a page or column, by printed page, with the case it belongs to. */
export interface HeadingAtFoot {
  page: number;
  owner: string | null;
}

export class Flow {
  /** 1-based page number (as printed) of the current page. */
  page = 1;
  /** Points used on the current page (from its top, also in the second column). */
  used = 0;
  /** The document being measured: a heading left at a page foot is reported against it. */
  owner: string | null = null;
  /** Headings whose keep with the next paragraph could not be met (a page break or a chain taller than a page after them). */
  headingsAtFoot: HeadingAtFoot[] = [];
  /** Lines of text placed on the current page (pictures are not lines). */
  linesOnPage = 0;

  /** Text columns of the current section; a continuous section in columns starts them where the page is. */
  private columns = 1;
  private column = 0;
  private columnTop = 0;
  /** The last thing placed in this frame was a heading. */
  private footHeading: HeadingAtFoot | null = null;
  /** Marks waiting for the next content to land (mark()). */
  private marks: Array<{ page: number }> = [];

  constructor(
    readonly pageHeightPt: number,
    readonly textWidthPt: number,
  ) {}

  /** Lines a paragraph of `text` takes at `sizePt` with a first-line indent of `indentChars`. */
  lines(text: string, sizePt: number, indentChars = 0, widthPt = this.textWidthPt): number {
    const perLine = Math.max(1, Math.floor(widthPt / sizePt + 0.001));
    const segments = text.split('\n');
    let lines = 0;
    for (const [i, seg] of segments.entries()) lines += breakLines(seg, perLine, i === 0 ? indentChars : 0);
    return lines;
  }

  /**
   * The text runs on in `n` columns from here: the first row of columns takes what is left of
   * the page (Word starts a continuous section's columns under what precedes them), later pages
   * their full height.
   */
  setColumns(n: number): void {
    this.flushHeld();
    this.columns = Math.max(1, Math.floor(n));
    this.column = 0;
    this.columnTop = this.used;
  }

  /**
   * The page the next content lands on, known once it is placed: a heading held with the
   * paragraph after it may still move to the next page or column.
   */
  mark(): { page: number } {
    const m = { page: this.page };
    this.marks.push(m);
    return m;
  }

  private landed(): void {
    for (const m of this.marks) m.page = this.page;
    this.marks = [];
  }

  /** True at the top of a page started by a break (space before is kept there, not after an overflow). */
  private fresh = true;

  /** Paragraphs kept with the next one (headings, a photo's place before its caption), not yet placed. */
  private held: Array<{ height: number; place: () => void }> = [];

  /**
   * Holds a keep-with-next item until the next one arrives; then the chain moves to a new page
   * together when the next item's first lines would not fit after it (as Word and LibreOffice do).
   */
  private arrive(height: number, firstLinesHeight: number): void {
    if (!this.held.length) return;
    const chain = this.held;
    this.held = [];
    const needed = chain.reduce((h, c) => h + c.height, 0) + firstLinesHeight;
    if (this.used > this.columnTop && this.used + needed > this.pageHeightPt + 0.01 && needed <= this.pageHeightPt - this.columnTop) this.overflow();
    for (const c of chain) c.place();
    void height;
  }

  private flushHeld(): void {
    const chain = this.held;
    this.held = [];
    for (const c of chain) c.place();
  }

  /**
   * Adds a paragraph line by line, so a long paragraph runs over to the next page as in Word,
   * with widow and orphan control (never one line alone at either end of a page). A heading
   * left last in its frame is recorded in headingsAtFoot.
   */
  add(lines: number, pitchPt: number, beforePt = 0, afterPt = 0, keepNext = false, heading = false): void {
    const owner = this.owner;
    if (keepNext) {
      this.held.push({ height: beforePt + lines * pitchPt + afterPt, place: () => this.placeLines(lines, pitchPt, beforePt, afterPt, heading ? owner : undefined) });
      return;
    }
    this.arrive(beforePt + lines * pitchPt + afterPt, beforePt + Math.min(lines, 2) * pitchPt);
    this.placeLines(lines, pitchPt, beforePt, afterPt, heading ? owner : undefined);
  }

  /** `heading`: the owner of a heading being placed (undefined for other paragraphs). */
  private placeLines(lines: number, pitchPt: number, beforePt: number, afterPt: number, heading?: string | null): void {
    if (this.used > this.columnTop || this.fresh) this.used += beforePt;
    const fit = Math.max(0, Math.floor((this.pageHeightPt + 0.01 - this.used) / pitchPt));
    if (fit < lines) {
      // Orphan: one line left behind moves over; widow: the page before gives one more.
      let first = fit;
      if (lines - first === 1 && first >= 2) first--;
      if (first === 1) first = 0;
      if (first > 0) {
        this.landed();
        this.footHeading = null;
      }
      this.used += first * pitchPt;
      this.linesOnPage += first;
      let rest = lines - first;
      this.overflow();
      this.landed();
      while (rest > 0) {
        const room = Math.max(1, Math.floor((this.pageHeightPt + 0.01 - this.used) / pitchPt));
        const take = Math.min(room, rest);
        this.used += take * pitchPt;
        this.linesOnPage += take;
        rest -= take;
        if (rest > 0) this.overflow();
      }
    } else {
      this.landed();
      this.used += lines * pitchPt;
      this.linesOnPage += lines;
    }
    this.footHeading = heading !== undefined ? { page: this.page, owner: heading } : null;
    this.fresh = false;
    this.used = Math.min(this.used + afterPt, this.pageHeightPt);
  }

  /** The frame ends: a heading last in it is left at its foot. */
  private endFrame(): void {
    if (this.footHeading) this.headingsAtFoot.push(this.footHeading);
    this.footHeading = null;
  }

  private overflow(): void {
    this.endFrame();
    if (++this.column < this.columns) this.used = this.columnTop;
    else {
      this.page++;
      this.linesOnPage = 0;
      this.column = 0;
      this.columnTop = 0;
      this.used = 0;
    }
    this.fresh = false;
  }

  /** Fixed-height item (a picture), moved whole to the next page when it does not fit. */
  addBlock(heightPt: number, keepNext = false): void {
    if (keepNext) {
      this.held.push({ height: heightPt, place: () => this.placeBlock(heightPt) });
      return;
    }
    this.arrive(heightPt, heightPt);
    this.placeBlock(heightPt);
  }

  private placeBlock(heightPt: number): void {
    if (this.used > this.columnTop && this.used + heightPt > this.pageHeightPt) this.overflow();
    this.landed();
    this.footHeading = null;
    this.used += Math.min(heightPt, this.pageHeightPt - this.columnTop);
    this.fresh = false;
  }

  reset(): void {
    this.page = 1;
    this.used = 0;
    this.fresh = true;
    this.owner = null;
    this.headingsAtFoot = [];
    this.held = [];
    this.marks = [];
    this.footHeading = null;
    this.linesOnPage = 0;
    this.columns = 1;
    this.column = 0;
    this.columnTop = 0;
  }

  newPage(): void {
    this.flushHeld();
    this.endFrame();
    this.page++;
    this.linesOnPage = 0;
    this.used = 0;
    this.column = 0;
    this.columnTop = 0;
    this.fresh = true;
  }

  /** A break unless the current page is still empty (pageBreakBefore at the top of a page does nothing). */
  breakPage(): void {
    this.flushHeld();
    if (this.used > this.columnTop || this.column > 0) this.newPage();
  }

  /** An odd-page section start: a blank verso is inserted when the next page would be even. */
  oddPage(): void {
    this.breakPage();
    if (this.page % 2 === 0) this.page++;
    this.fresh = true;
  }

  /** The end of the flow: what is held is placed, and a heading last on the last page is left at its foot. */
  close(): void {
    this.flushHeld();
    this.endFrame();
  }

  remaining(): number {
    this.flushHeld();
    return this.pageHeightPt - this.used;
  }
}
