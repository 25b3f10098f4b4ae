/**
 * Section breaks and running heads as the DOCX writer writes them (export/docx/sectionXml.ts):
 * one header or footer part per distinct content, however many sections print it, every
 * reference resolving to such a part, and each case section still showing its own 篇 and the
 * book's title (a section without references inherits the one before).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeDocx } from '../electron/core/export/docx/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import { corpusBundle, corpusNotice } from './fixtures/corpus.js';
import { part, unzip } from './docx-helpers.js';

async function parts(input: Parameters<typeof writeDocx>[0]): Promise<Map<string, string>> {
  return unzip((await writeDocx(input)).bytes);
}

/** Header and footer parts by relationship id, and the sectPr of the document part in order. */
function sections(files: Map<string, string>) {
  const rels = part(files, 'word/_rels/document.xml.rels');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship Id="(rId\w+)" Type="[^"]*\/(header|footer)" Target="([^"]+)"\/>/g)) targets.set(m[1]!, part(files, `word/${m[3]}`));
  const doc = part(files, 'word/document.xml');
  const sectPrs = [...doc.matchAll(/<w:sectPr>.*?<\/w:sectPr>/g)].map((m) => m[0]);
  return { targets, sectPrs, doc };
}

function assertShared(files: Map<string, string>, what: string): { refs: number; parts: number } {
  const { targets, sectPrs } = sections(files);
  const contents = [...targets.values()];
  assert.equal(new Set(contents).size, contents.length, `${what}: two header/footer parts hold the same XML`);
  const names = [...files.keys()].filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n));
  assert.equal(names.length, targets.size, `${what}: a header/footer part without a relationship, or the other way round`);
  let refs = 0;
  for (const s of sectPrs)
    for (const m of s.matchAll(/<w:(header|footer)Reference w:type="\w+" r:id="(rId\w+)"\/>/g)) {
      refs++;
      assert.ok(targets.has(m[2]!), `${what}: ${m[1]} reference ${m[2]} points at no part`);
      assert.match(targets.get(m[2]!)!, m[1] === 'header' ? /^<\?xml[^>]*\?><w:hdr / : /^<\?xml[^>]*\?><w:ftr /);
    }
  // The last section's properties end the body, as the schema wants, and only once.
  assert.equal(sections(files).doc.match(/<\/w:sectPr><\/w:body>/g)?.length, 1);
  return { refs, parts: targets.size };
}

test('anthology: one part per distinct running head or folio, shared by the sections that print it', async () => {
  const bundle = await corpusBundle({ copies: 2 });
  const files = await parts({ format: 'docx', template: loadTemplate('anthology'), bundle });
  const { refs, parts: n } = assertShared(files, 'anthology');
  const { targets, sectPrs } = sections(files);
  assert.ok(sectPrs.length > 20, `the book has a section per case (${sectPrs.length})`);
  assert.ok(n < refs / 2, `${n} parts for ${refs} references: the parts are shared`);
  // Each 篇's title heads its cases' odd pages: one header part per 篇, and the book's title once.
  const partTitles = bundle.collection.sections.map((s) => s.title);
  const heads = [...targets.values()].filter((x) => x.includes('<w:hdr ') && /<w:t[^>]*>[^<]+<\/w:t>/.test(x));
  for (const t of partTitles) assert.equal(heads.filter((h) => h.includes(`>${t}篇<`) || h.includes(`>${t}<`)).length, 1, `the running head of ${t}`);
  assert.equal(heads.filter((h) => h.includes(`>${bundle.collection.title}<`)).length, 1, 'the book title head');
});

test('feature and notice: their folios are shared parts too, every reference resolving', async () => {
  const bundle = await corpusBundle();
  assertShared(await parts({ format: 'docx', template: loadTemplate('feature'), bundle }), 'feature');
  assertShared(await parts({ format: 'docx', template: loadTemplate('notice'), notice: await corpusNotice() }), 'notice');
});
