import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Converter } from 'opencc-js';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import type { Region } from '../electron/core/model/types.js';
import { bestUnit, tapUnitHomes, type UnitInput } from '../electron/core/import/stages/unitmodel.js';
import { expectedPath, listFixtures, loose } from '../scripts/score-import.js';

const toSimplified = Converter({ from: 't', to: 'cn' });

/** Every single-case tuning page with a unit, read as scripts/fit-units.ts reads it. */
async function pages(): Promise<Array<{ name: string; input: UnitInput; unit: string }>> {
  const out: Array<{ name: string; input: UnitInput; unit: string }> = [];
  for (const fixture of listFixtures('tuning')) {
    const want = JSON.parse(readFileSync(expectedPath(fixture), 'utf8')) as { kind: string; cases?: Array<{ unit?: string | null }> };
    const unit = want.cases?.[0]?.unit;
    if ((want.kind !== 'case' && want.kind !== 'article') || want.cases?.length !== 1 || !unit) continue;
    let home: Region | null = null;
    tapUnitHomes((h) => {
      home ??= h;
    });
    try {
      const c = (await importFile({ name: path.basename(fixture), path: fixture })).cases[0];
      if (!c) continue;
      const paragraphs = c.body.filter((b) => b.type === 'paragraph').map((b) => toSimplified(blocksText([b])));
      out.push({ name: path.basename(fixture), input: { title: toSimplified(c.meta.title ?? ''), subtitle: c.meta.subtitle, paragraphs, home }, unit });
    } finally {
      tapUnitHomes(null);
    }
  }
  return out;
}

/** Pages whose unit the model reads right by itself (its best candidate, clearing its bar). */
function right(all: Array<{ input: UnitInput; unit: string }>, change: (input: UnitInput) => UnitInput): number {
  return all.filter(({ input, unit }) => {
    const best = bestUnit(change(input));
    return best && best.p >= 0.5 && loose(best.name) === loose(unit);
  }).length;
}

const lead = (input: UnitInput, before: string): UnitInput => ({ ...input, paragraphs: input.paragraphs.map((p, i) => (i === 0 ? `${before}${p}` : p)) });

test('unit model: one change of writing at a time leaves the units it reads (69 tuning pages with a unit)', async () => {
  const all = await pages();
  assert.equal(all.length, 69);
  const base = right(all, (x) => x);
  // A news dateline and reporter, a time, a circumstance before the lead; no headline; the lead's first sentence only.
  const figures = {
    base,
    dateline: right(all, (x) => lead(x, '本报讯(记者 王某)')),
    time: right(all, (x) => lead(x, '近日,')),
    circumstance: right(all, (x) => lead(x, '在上级部门的指导下,')),
    noTitle: right(all, (x) => ({ ...x, title: '' })),
  };
  // Bounds at the model refitted on the 51 pages (a renamed body, a community's short form and street, 把 after
  // the subject read): base 48; a lead-in costs nothing, a lost headline four. Re-based when batch 18 joined
  // tuning (59 pages): the model, not refitted on the eight new pages, reads 53; a lost headline costs five.
  // Refitted on the 59 (a Party committee's 社会工作部 an organ, a body's head speaking for it): base 54, a lost headline five.
  // Re-based when batch 19 joined tuning (69 pages): the model, not refitted on the ten new pages, reads 55 (one of
  // them right), a lost headline five. Refitted on the 69 (a community's or a street's own name recurring inside
  // clauses, a street named as the text writes it alone): base 60, a lead-in costs nothing, a lost headline five.
  assert.ok(figures.base >= 60, JSON.stringify(figures));
  assert.ok(figures.dateline >= 60, JSON.stringify(figures));
  assert.ok(figures.time >= 60, JSON.stringify(figures));
  assert.ok(figures.circumstance >= 60, JSON.stringify(figures));
  assert.ok(figures.noTitle >= 55, JSON.stringify(figures));
});
