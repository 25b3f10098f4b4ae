/**
 * The heap budget (electron/core/heapBudget.ts) is held for a long book's export only, from the
 * first hold (the store reading a long book, or the export starting) until no export is left
 * running, and HUIBIAN_HEAP_GROWING_PERCENT=0 turns it off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heapBudgetHeld, holdHeapBudget, withHeapBudget } from '../electron/core/heapBudget.js';

test('held through a long book\'s export and the ones running beside it, not for a short book', async () => {
  assert.equal(heapBudgetHeld(), false);
  await withHeapBudget(false, async () => assert.equal(heapBudgetHeld(), false, 'a short book pays nothing'));
  let release!: () => void;
  const long = withHeapBudget(true, () => new Promise<void>((r) => (release = r)));
  assert.equal(heapBudgetHeld(), true);
  // A short export ending while the long one runs leaves the budget held.
  await withHeapBudget(false, async () => undefined);
  assert.equal(heapBudgetHeld(), true);
  release();
  await long;
  assert.equal(heapBudgetHeld(), false, 'V8\'s own growth back once no export runs');
  // The store's hold (a long book read for an export) lasts until that export ends.
  holdHeapBudget();
  assert.equal(heapBudgetHeld(), true);
  await withHeapBudget(true, async () => assert.equal(heapBudgetHeld(), true));
  assert.equal(heapBudgetHeld(), false);
});

test('HUIBIAN_HEAP_GROWING_PERCENT=0 turns the budget off', async () => {
  process.env.HUIBIAN_HEAP_GROWING_PERCENT = '0';
  try {
    await withHeapBudget(true, async () => assert.equal(heapBudgetHeld(), false));
  } finally {
    delete process.env.HUIBIAN_HEAP_GROWING_PERCENT;
  }
});
