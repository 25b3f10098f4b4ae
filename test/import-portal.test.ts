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
  // Reset when batch 16 (43 files, scored twice unseen at 21/43) was released to tuning at the start of
  // the eighth round: the set then measured 285/314 fully right (90.8 %). Raised at the end of the ninth
  // round, when it measured 307/314 (97.8 %): kind 99.4 %, case count 100 %, title 99.7 %, unit 99.4 %,
  // award 98.3 %, region 99.5 %, category 99.2 %, notice title 100 %, organ 98.2 %, docNumber 100 %,
  // addressees 100 %, date 100 %, furniture 96.4 %. Each floor sits just below; never lowered except when
  // a measured batch is released to tuning (the floors then reset to what the larger set measures).
  fullyRight: 0.97,
  fields: {
    kind: 0.99,
    'case count': 0.995,
    title: 0.99,
    unit: 0.99,
    award: 0.98,
    region: 0.99,
    category: 0.99,
    'notice.title': 0.99,
    'notice.organ': 0.98,
    'notice.docNumber': 0.99,
    'notice.addressees': 0.99,
    'notice.date': 0.99,
    'furniture dropped': 0.96,
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
