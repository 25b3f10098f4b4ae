/**
 * How far V8 lets the heap grow while a long book is exported. Such an export allocates fast
 * and keeps little (the live heap of a 5,000-page PDF stays under 60 MB), but V8 sizes the old
 * space from the allocation rate as well as from what survives, and lets garbage and the
 * external buffers it holds pile up to two or three times the live size before it collects: the
 * peak then grew with the book although what the export holds does not. A fixed growing factor
 * (V8's --heap-growing-percent, read at every collection, so it can be set while the process
 * runs) keeps the peak near the live size, for some more collections.
 *
 * Only for long books (LONG_BOOK_CASES): a short one's export is left to V8's own choice and
 * pays nothing. The flag is process-wide: it is held from the moment the store reads a long
 * book for an export (store/bundleCases.ts, before the release gate reads every body) or an
 * export of one starts, and put back to V8's own choice (0) when no export is left running.
 *
 * A leaf module (node:v8 alone), so the store and the writers can both use it.
 * HUIBIAN_HEAP_GROWING_PERCENT overrides the figure; 0 leaves V8's default (a timing can set one
 * against the other).
 */
import { setFlagsFromString } from 'node:v8';

/** Measured on 1,992- and 4,952-page anthologies: see the commit that set it. */
const GROWING_PERCENT = 20;

/** A book of this many cases is long: the store reads it case by case, and its export gets the budget. */
export const LONG_BOOK_CASES = 1000;

let running = 0;
let held = false;

function percent(): number {
  const given = process.env.HUIBIAN_HEAP_GROWING_PERCENT;
  const n = given === undefined || given === '' ? NaN : Number(given);
  return Number.isInteger(n) && n >= 0 ? n : GROWING_PERCENT;
}

/** Holds the budget from now until the end of the exports under way (or of the next one). */
export function holdHeapBudget(): void {
  if (held) return;
  const p = percent();
  if (p === 0) return;
  setFlagsFromString(`--heap-growing-percent=${p}`);
  held = true;
}

/** True while the budget is held (tests). */
export function heapBudgetHeld(): boolean {
  return held;
}

/** Runs an export, under the budget when its book is long; V8's own growth back once no export is left running. */
export async function withHeapBudget<T>(long: boolean, run: () => Promise<T>): Promise<T> {
  running++;
  if (long) holdHeapBudget();
  try {
    return await run();
  } finally {
    if (--running === 0 && held) {
      setFlagsFromString('--heap-growing-percent=0');
      held = false;
    }
  }
}
