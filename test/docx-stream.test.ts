/**
 * A long anthology's DOCX body is deflated as it is built (export/docx/bodyXml.ts, deflated.ts):
 * once the sections are built the writer holds no case's paragraphs as text, only the front
 * matter's, and the manifest's document entries are deflated too; the package still reads back
 * whole, every case's text in the document part, every document in the manifest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anthologySections } from '../electron/core/export/docx/anthology.js';
import { DocxContext } from '../electron/core/export/docx/context.js';
import { writeDocx } from '../electron/core/export/docx/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import { blocksText } from '../electron/core/model/text.js';
import type { CaseDocument, CollectionBundle } from '../electron/core/model/types.js';
import { corpusBundle } from './fixtures/corpus.js';
import { part, unzip } from './docx-helpers.js';

const casesOf = (b: CollectionBundle): CaseDocument[] => (b.cases instanceof Map ? [...b.cases.values()] : Object.values(b.cases));

test('the anthology body goes out deflated as it is built: no case paragraph is held as text', async () => {
  const bundle = await corpusBundle({ copies: 3 });
  const template = loadTemplate('anthology');
  const ctx = new DocxContext(template);
  anthologySections(ctx, bundle);
  assert.ok(ctx.body.streaming, 'the anthology streams its body');
  assert.equal(ctx.snapshot.length, 0, 'no document snapshot kept: each went out as its manifest entry');
  const held = ctx.body.runs.flat().join('');
  const cases = casesOf(bundle);
  assert.ok(cases.length >= 20, 'enough cases for the check to mean something');
  // A sentence from each case's body (the 目录 holds their titles, not their text).
  // From each case's last paragraph: its title and opening may stand in the 目录 or the 前言.
  const sentences = cases
    .map((c) => blocksText(c.body.filter((b) => b.type === 'paragraph').slice(-1)).split(/[^\u4e00-\u9fff]+/).find((s) => s.length >= 10))
    .filter((s): s is string => Boolean(s));
  assert.ok(sentences.length >= cases.length / 2);
  for (const s of sentences) assert.ok(!held.includes(s), `held as text: ${s}`);

  const parts = await unzip((await writeDocx({ template, bundle, format: 'docx' })).bytes);
  const doc = part(parts, 'word/document.xml').replace(/<[^>]+>/g, '');
  for (const s of sentences) assert.ok(doc.includes(s), `in the document part: ${s}`);
  const manifest = part(parts, 'customXml/item1.xml');
  const json = JSON.parse(manifest.replace(/^[^]*?<hb:manifest[^>]*>/, '').replace(/<\/hb:manifest>\s*$/, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&')) as { documents: Array<{ id: string; index: number }> };
  assert.deepEqual(
    json.documents.map((d) => d.index),
    json.documents.map((_, i) => i),
  );
  assert.equal(json.documents.length, cases.length);
});

test('a section made from a generator writes each child before the later ones are made (a long 目录 or index)', async () => {
  const { section } = await import('../electron/core/export/docx/sections.js');
  const { plainRuns } = await import('../electron/core/export/docx/blocks.js');
  const ctx = new DocxContext(loadTemplate('anthology'));
  const writtenWhenMaking: string[] = [];
  function* entries() {
    for (let i = 0; i < 6; i++) {
      writtenWhenMaking.push(ctx.body.runs.flat().join(''));
      yield ctx.paragraph('toc1', plainRuns(ctx, 'toc1', `条目${i}号`).children, `条目${i}号`);
    }
  }
  const built = ctx.front(() => section(ctx, {}, entries()));
  // Made lazily: when the sixth entry is made the first ones are out as XML already.
  assert.doesNotMatch(writtenWhenMaking[0]!, /条目/);
  assert.match(writtenWhenMaking[5]!, /条目0号.*条目1号/);
  assert.doesNotMatch(writtenWhenMaking[5]!, /条目5号/);
  // All but the last (which may carry the section's break) written, in order; the last kept for bookBody.
  assert.match(ctx.body.runs.flat().join(''), /条目0号.*条目1号.*条目2号.*条目3号.*条目4号/);
  assert.equal(built.children.length, 2, 'the written run and the last entry');
});
