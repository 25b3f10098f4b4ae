/**
 * The 批注 panel's one list (renderer/src/components/threadList.ts): a thread the library and
 * the team document both hold is listed once, as the team's, with the library's copy noted;
 * threads follow their anchors in the text, those without a place last and oldest first;
 * 本机/协作 is shown only in a shared case that also holds threads of this library alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeThreads, showHomes } from '../renderer/src/components/threadList.js';
import type { CommentThread } from '../electron/core/model/types.js';
import type { TeamThreadView } from '../renderer/src/editor/teamThreadStore.js';

const lib = (id: string, quote: string, createdAt: string): CommentThread => ({ id, documentId: 'd', quote, author: '甲', text: `${quote}？`, createdAt, resolved: false, replies: [] });
const team = (id: string, quote: string, offset: number | null, live?: string): TeamThreadView => ({ id, quote, author: '乙', text: `${quote}？`, createdAt: '2026-01-01T00:00:00Z', resolved: false, suggestion: null, replies: [], offset, ...(live !== undefined ? { live } : {}) });

test('one entry per thread, the team copy winning; document order; unplaced last, oldest first', () => {
  const library = [lib('a', '台账', '2026-01-03T00:00:00Z'), lib('shared', '受理', '2026-01-01T00:00:00Z'), lib('gone', '旧词', '2026-01-02T00:00:00Z'), lib('lost', '别处', '2026-01-01T00:00:00Z')];
  const offsets = new Map([['a', 40], ['shared', 5]]);
  const orphaned = new Set(['gone', 'lost']);
  const merged = mergeThreads(library, offsets, orphaned, [team('shared', '受理', 12, '受理'), team('t2', '济宁', 0, '济宁市'), team('t3', '删了', null, '')]);
  assert.deepEqual(merged.map((t) => [t.id, t.home, t.offset]), [['t2', 'team', 0], ['shared', 'team', 12], ['a', 'library', 40], ['t3', 'team', null], ['lost', 'library', null], ['gone', 'library', null]]);
  const shared = merged.find((t) => t.id === 'shared')!;
  assert.equal(shared.inLibrary, true, 'a reply goes to the library copy too');
  assert.equal(merged.find((t) => t.id === 't2')!.inLibrary, false);
  // The words as they are now, where they moved; deleted words are an orphan.
  assert.equal(merged.find((t) => t.id === 't2')!.current, '济宁市');
  assert.equal(shared.current, undefined);
  assert.equal(merged.find((t) => t.id === 't3')!.orphaned, true);
});

test('本机/协作 only where it tells something', () => {
  const onlyTeam = mergeThreads([lib('x', '词', '2026-01-01T00:00:00Z')], new Map(), new Set(), [team('x', '词', 1)]);
  assert.equal(showHomes(onlyTeam, true), false, 'every thread is the team’s: nothing to tell apart');
  const both = mergeThreads([lib('y', '词', '2026-01-01T00:00:00Z')], new Map([['y', 3]]), new Set(), [team('x', '词', 1)]);
  assert.equal(showHomes(both, true), true);
  assert.equal(showHomes(mergeThreads([lib('y', '词', '2026-01-01T00:00:00Z')], new Map(), new Set(), []), false), false, 'a case not shared: all are this library’s');
});
