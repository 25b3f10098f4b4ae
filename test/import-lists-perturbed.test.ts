/**
 * Award lists under the ways unseen copies differ from the tuning pages: every tuning award list (.txt) is
 * read as copied and again with one typographic change, and the lists whose items (title and award) change
 * from the first reading are counted. The changes are those pages differ by, not by what they say: items
 * numbered or not, brackets and colons full or half width, the page in traditional characters (opencc-js,
 * the converter the importer reads traditional pages back with), and item lines run together two to a
 * line with a space. Measured in the eighth round (lists of 348eaaf → now): items numbered 3/11 → 0/11
 * (numbered addresses, and items under a place or list heading, kept their numbers or were lost), item numbers
 * dropped 1/1 → 0/1 (an entry's title over its authors over its units), run together 2/8 → 1/8 (bodies spaced
 * two to a line that the organisation grammar knows but the old end list did not), brackets 0/57, traditional
 * 1/59, the longest line hard-wrapped as a PDF copy wraps it (scripts/perturb.ts hardWrap) 8/56 → 4/56. The
 * bounds sit at the later figures: a rule that makes the reading depend on one typography fails here.
 * (Held-out pages are never read here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { importFile } from '../electron/core/import/index.js';
import { listFixtures, loose } from '../scripts/score-import.js';
import { hardWrap } from '../scripts/perturb.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const kindOf = (file: string): string => JSON.parse(readFileSync(file.replace(/\.txt$/u, '.expected.json'), 'utf8')).kind;
const lists = listFixtures('tuning')
  .filter((f) => f.endsWith('.txt') && !/gb18030/u.test(f) && kindOf(f) === 'award-list')
  .map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8') }));

const toTraditional = Converter({ from: 'cn', to: 't' });
/** A list item's own mark: "1.", "1、", "（1）", "(1)". */
const NUMBER = /^(\s*)(?:[0-9]{1,3}\s*[.．、]|[（(]\s*[0-9]{1,3}\s*[)）])\s*(?=\S)/u;

/** What a reading lists: each item's title and award, compared as the scorer compares them. */
async function items(name: string, text: string): Promise<string[]> {
  const file = await importFile({ name, bytes: enc(text) });
  if (file.kind !== 'award-list') return [`kind ${file.kind}`];
  return file.cases.map((c) => `${loose(c.meta.title)}|${loose(c.meta.award)}`).sort();
}

/** The lines that are an item's title alone in the first reading (not a table's cells, copied with bars or tabs). */
function itemLines(lines: string[], titles: Set<string>): number[] {
  return lines.flatMap((l, k) => (titles.has(loose(l)) && !/[|｜\t]/u.test(l) ? [k] : []));
}

type Make = (lines: string[], titles: Set<string>) => string[] | null;

const VARIANTS: Record<string, { bound: number; make: Make }> = {
  'item numbers dropped': {
    bound: 0,
    // (Only items' marks: a numbered group heading, "1、慈善楷模", keeps its own.)
    make: (ls, titles) => {
      const own = (l: string) => NUMBER.test(l) && titles.has(loose(l.replace(NUMBER, '')));
      return ls.filter(own).length < 3 ? null : ls.map((l) => (own(l) ? l.replace(NUMBER, '$1') : l));
    },
  },
  'items numbered': {
    bound: 0,
    make: (ls, titles) => {
      const at = itemLines(ls, titles);
      if (at.length < 3) return null;
      // (Marked apart from the page's own numbered headings, "1、慈善楷模", as pages number two levels.)
      const mark = ls.some((l) => NUMBER.test(l)) ? (n: number) => `（${n}）` : (n: number) => `${n}.`;
      const out = [...ls];
      at.forEach((k, n) => (out[k] = `${mark(n + 1)}${ls[k]!.trim()}`));
      return out;
    },
  },
  'brackets and colons half width': {
    bound: 0,
    make: (ls) => (ls.some((l) => /[（）：]/u.test(l)) ? ls.map((l) => l.replace(/（/gu, '(').replace(/）/gu, ')').replace(/：/gu, ':')) : null),
  },
  'brackets and colons full width': {
    bound: 0,
    make: (ls) => (ls.some((l) => /[():]/u.test(l)) ? ls.map((l) => l.replace(/\(/gu, '（').replace(/\)/gu, '）').replace(/:(?!\/\/)/gu, '：')) : null),
  },
  // (jiangsu-2021 reads the same items; its 朱恩馀 comes back 朱恩余 through 餘, the converters' round trip.)
  'traditional characters': { bound: 1, make: (ls) => ls.map((l) => toTraditional(l)) },
  // A PDF copy's hard wrap of the longest line, a list's row of names as often as not ("…井陉县、正定" / "县、…").
  'the longest line hard-wrapped at 38': {
    bound: 4,
    make: (ls) => {
      let at = -1;
      ls.forEach((l, k) => {
        if (l.trim().length > 80 && !/[|｜\t]/u.test(l) && (at < 0 || l.trim().length > ls[at]!.trim().length)) at = k;
      });
      return at < 0 ? null : [...ls.slice(0, at), ...hardWrap(ls[at]!.trim()), ...ls.slice(at + 1)];
    },
  },
  // (xinjiang-2016's lines already set a place label and its community apart with a space: "乌苏市 新市区街道…社区".)
  'item lines run together with a space': {
    bound: 1,
    make: (ls, titles) => {
      const at = new Set(itemLines(ls, titles));
      const pairs = [...at].filter((k) => at.has(k + 1));
      if (pairs.length < 2) return null;
      const out: string[] = [];
      for (let k = 0; k < ls.length; k++) {
        if (at.has(k) && at.has(k + 1)) {
          out.push(`${ls[k]!.trim()} ${ls[k + 1]!.trim()}`);
          k++;
        } else out.push(ls[k]!);
      }
      return out;
    },
  },
};

test('award lists read the same items whatever their typography (bounds at the measured figures)', async () => {
  const first = new Map<string, string[]>();
  for (const { name, text } of lists) first.set(name, await items(name, text));
  const report: string[] = [];
  const failures: string[] = [];
  for (const [variant, { bound, make }] of Object.entries(VARIANTS)) {
    const changed: string[] = [];
    let tried = 0;
    for (const { name, text } of lists) {
      const before = first.get(name)!;
      const titles = new Set(before.map((it) => it.split('|')[0]!));
      const lines = make(text.split(/\r?\n/u), titles);
      if (!lines) continue;
      tried++;
      const after = await items(name, lines.join('\n'));
      // The traditional copy's titles are compared in simplified (loose), as the scorer does.
      if (after.join('\n') !== before.join('\n')) changed.push(name);
    }
    report.push(`${variant}: ${changed.length}/${tried} (bound ${bound})${changed.length ? `: ${changed.join(', ')}` : ''}`);
    if (tried === 0) failures.push(`${variant}: no tuning list to try`);
    if (changed.length > bound) failures.push(`${variant}: ${changed.length}/${tried} lists read differently (bound ${bound}): ${changed.join(', ')}`);
  }
  process.stdout.write(`# ${report.join('\n# ')}\n`);
  assert.deepEqual(failures, []);
});
