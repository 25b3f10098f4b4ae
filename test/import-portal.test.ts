/**
 * Real portal pages (test/fixtures/portal/tuning) through the real importer, scored against
 * the extractions written by hand before any rule (scripts/score-import.ts). This test only
 * guards that the scorer runs and reports every document; the floors below start at zero and
 * are raised by whoever makes the importer better, never lowered. The held-out set is not
 * scored here: it is for the closing measurement only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listFixtures, scoreSet } from '../scripts/score-import.js';

/** Share of tuning documents fully right, and of each field, that must not regress. */
const FLOOR = {
  // Set when batch 14 (42 files, scored once unseen at 17/42) was released to tuning: the set then
  // measured 203/228 fully right; kind and case count 96 %, title 92 %, unit 83 %, award 86 %,
  // region 90 %, category 93 %, notice fields 93 % or more, furniture 94 %. Each floor sits just below,
  // and goes up as the sixth round's general models land. Headlines by features (stages/title.ts) and
  // furniture by features: 221/228 fully right, title 97.0 %, furniture 97.7 % (99.3 % with the head's date and the foot's link lists).
  fullyRight: 0.98, // 226/228 at the end of the sixth round's award-list work (shanghai-2019's and xining's regions left)
  fields: {
    kind: 0.99, // award lists by the organisation-name grammar and stated honours (sixth round): 227/228
    'case count': 0.99,
    title: 0.96,
    unit: 0.99, // units by the organisation grammar, the home division and unit columns: 143/143
    award: 0.99, // awards as the verb's object, out of their wrappers, and a single case's stated honour: 559/560
    region: 0.99, // 676/682 with the street, home, notice and list work of the sixth round
    category: 0.93,
    'notice.title': 0.97,
    'notice.organ': 0.99,
    'notice.docNumber': 0.99,
    'notice.addressees': 0.99,
    'notice.date': 0.97,
    'furniture dropped': 0.99,
  } as Record<string, number>,
};

test('portal: the scorer imports and reports every tuning document', async () => {
  const fixtures = listFixtures('tuning');
  assert.ok(fixtures.length >= 25, `tuning fixtures present (${fixtures.length})`);
  const score = await scoreSet('tuning');
  assert.equal(score.documents, fixtures.length, 'one report per fixture');
  assert.equal(score.perDocument.length, fixtures.length);
  for (const d of score.perDocument) {
    assert.ok(d.checks > 0, `${d.name}: scored at least one field`);
    assert.equal(d.error, undefined, `${d.name}: imported without an error`);
  }
  for (const field of ['kind', 'case count', 'title', 'region', 'category', 'notice.title']) {
    assert.ok(score.fields[field] && score.fields[field].total > 0, `field ${field} scored`);
  }
  assert.ok(score.fullyRight / score.documents >= FLOOR.fullyRight, `fully right ${score.fullyRight}/${score.documents}`);
  for (const [field, floor] of Object.entries(FLOOR.fields)) {
    const f = score.fields[field]!;
    assert.ok(f.right / f.total >= floor, `${field} ${f.right}/${f.total} below ${floor}`);
  }
});
