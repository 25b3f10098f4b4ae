/**
 * Our own pagination estimate, from the template's numbers (text width, type-area height,
 * each style's size and line pitch). LibreOffice does not refresh TOC fields when it
 * converts, so the TOC's cached page numbers must come from here; the notice uses it to
 * push the 版记 to the foot of the last page.
 */

/** Width of a string in ems of its own size: Han and full-width forms take one, ASCII half. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // ASCII punctuation and spaces are set in the Latin face, about a quarter em wide.
    if (cp < 0x2000) w += cp === 0x0a ? 0 : /[,.:;!'| ]/.test(ch) ? 0.25 : 0.5;
    else if (cp >= 0xff61 && cp <= 0xffdc) w += 0.5;
    else w += 1;
  }
  return w;
}

const NO_START = new Set([...'。，、；：？！”’）》〉」』】〕〗…—%‰℃,.;:?!)]}']);
const NO_END = new Set([...'“‘（《〈「『【〔〖([{']);

/**
 * Greedy line breaking as a word processor does it with kinsoku on: a closing mark that
 * would start a line pulls the previous character down ("推出", what LibreOffice does; Word
 * may squeeze instead, so this errs on the side of more lines), an opening mark never ends a
 * line, and a run of Latin letters or digits is never split.
 */
export function breakLines(text: string, perLine: number, indent = 0): number {
  const chars = [...text];
  if (!chars.length) return 1;
  const widths = chars.map((ch) => emWidth(ch));
  let lines = 0;
  let i = 0;
  let room = perLine - indent;
  while (i < chars.length) {
    lines++;
    let w = 0;
    let j = i;
    while (j < chars.length && w + widths[j]! <= room + 0.001) w += widths[j++]!;
    if (j < chars.length && j > i + 1) {
      let k = j;
      if (NO_START.has(chars[k]!)) k--;
      while (k > i + 1 && NO_END.has(chars[k - 1]!)) k--;
      if (/[A-Za-z0-9]/.test(chars[k]!) && /[A-Za-z0-9]/.test(chars[k - 1]!)) {
        let s = k;
        while (s > i && /[A-Za-z0-9.,%]/.test(chars[s - 1]!)) s--;
        if (s > i) k = s;
      }
      j = Math.max(i + 1, k);
    }
    i = Math.max(j, i + 1);
    room = perLine;
  }
  return lines;
}

export class Flow {
  /** 1-based page number (as printed) of the current page. */
  page = 1;
  /** Points used on the current page. */
  used = 0;

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
    if (this.used > 0 && this.used + needed > this.pageHeightPt + 0.01 && needed <= this.pageHeightPt) this.overflow();
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
   * with widow and orphan control (never one line alone at either end of a page).
   */
  add(lines: number, pitchPt: number, beforePt = 0, afterPt = 0, keepNext = false): void {
    if (keepNext) {
      this.held.push({ height: beforePt + lines * pitchPt + afterPt, place: () => this.placeLines(lines, pitchPt, beforePt, afterPt) });
      return;
    }
    this.arrive(beforePt + lines * pitchPt + afterPt, beforePt + Math.min(lines, 2) * pitchPt);
    this.placeLines(lines, pitchPt, beforePt, afterPt);
  }

  private placeLines(lines: number, pitchPt: number, beforePt: number, afterPt: number): void {
    if (this.used > 0 || this.fresh) this.used += beforePt;
    const fit = Math.max(0, Math.floor((this.pageHeightPt + 0.01 - this.used) / pitchPt));
    if (fit < lines) {
      // Orphan: one line left behind moves over; widow: the page before gives one more.
      let first = fit;
      if (lines - first === 1 && first >= 2) first--;
      if (first === 1) first = 0;
      this.used += first * pitchPt;
      let rest = lines - first;
      this.overflow();
      while (rest > 0) {
        const room = Math.max(1, Math.floor((this.pageHeightPt + 0.01 - this.used) / pitchPt));
        const take = Math.min(room, rest);
        this.used += take * pitchPt;
        rest -= take;
        if (rest > 0) this.overflow();
      }
    } else this.used += lines * pitchPt;
    this.fresh = false;
    this.used = Math.min(this.used + afterPt, this.pageHeightPt);
  }

  private overflow(): void {
    this.page++;
    this.used = 0;
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
    if (this.used > 0 && this.used + heightPt > this.pageHeightPt) this.overflow();
    this.used += Math.min(heightPt, this.pageHeightPt);
    this.fresh = false;
  }

  reset(): void {
    this.page = 1;
    this.used = 0;
    this.fresh = true;
  }

  newPage(): void {
    this.flushHeld();
    this.page++;
    this.used = 0;
    this.fresh = true;
  }

  /** A break unless the current page is still empty (pageBreakBefore at the top of a page does nothing). */
  breakPage(): void {
    this.flushHeld();
    if (this.used > 0) this.newPage();
  }

  /** An odd-page section start: a blank verso is inserted when the next page would be even. */
  oddPage(): void {
    this.breakPage();
    if (this.page % 2 === 0) this.page++;
    this.fresh = true;
  }

  remaining(): number {
    this.flushHeld();
    return this.pageHeightPt - this.used;
  }
}
