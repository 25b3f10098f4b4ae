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
  // Reset when batch 17 (43 files, scored unseen at 18/43 at the start and 20/43 at the end of the ninth
  // round) was released to tuning at the start of the tenth: the set then measured 327/357 fully right
  // (91.6 %): kind 96.9 %, case count 97.8 %, title 98.4 %, unit 96.5 %, award 97.0 %, region 98.2 %,
  // category 99.1 %, notice title 100 %, organ 96.8 %, docNumber 97.2 %, addressees 98.7 %, date 98.1 %,
  // furniture 95.6 %. Each floor sits just below; never lowered except when a measured batch is released
  // to tuning (the floors then reset to what the larger set measures).
  // Raised at the end of the tenth round, when it measured 349/357 (97.8 %): kind 99.2 %, case count 100 %,
  // title 99.6 %, unit 100 %, award 98.2 %, region 99.8 %, category 99.6 %, notice title, organ, docNumber,
  // addressees and date 100 %, furniture 97.5 %.
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
    'notice.organ': 0.99,
    'notice.docNumber': 0.99,
    'notice.addressees': 0.99,
    'notice.date': 0.99,
    'furniture dropped': 0.97,
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
