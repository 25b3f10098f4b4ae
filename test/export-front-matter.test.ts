/**
 * The collection's lead printed as the anthology's 前言 (spec B.4: before the 目录, on pages of
 * its own with Roman folios; the body from 1), read back as a reader gets it: our PDF through
 * pdftotext, the DOCX through LibreOffice. A lead with nothing in it prints nothing.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { corpusBundle } from './fixtures/corpus.js';
import { runExport } from '../electron/core/export/index.js';
import { writeDocx } from '../electron/core/export/docx/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { Block, CollectionBundle } from '../electron/core/model/types.js';
import { nonEmptyLines, part, pdfPageTexts, sofficeToPdf, squash, unzip, workDir } from './docx-helpers.js';

const dir = workDir('front-matter');
let withLead: CollectionBundle;
let blankLead: CollectionBundle;
let noLead: CollectionBundle;

const LEAD: Block[] = [
  { type: 'paragraph', role: 'lead', content: [{ type: 'text', text: '本书收录全省民政系统年度优秀创新案例，按业务领域分篇编排。' }] },
  { type: 'paragraph', content: [{ type: 'text', text: '编者谨向报送案例的各级民政部门致谢。' }] },
];

before(async () => {
  const corpus = await corpusBundle();
  // Two 篇 of the corpus: enough for a 目录, quick for LibreOffice.
  const sections = corpus.collection.sections.slice(0, 2);
  const cases = Object.fromEntries(sections.flatMap((s) => s.caseIds).map((id) => [id, (corpus.cases as Record<string, never>)[id]!]));
  const base = { ...corpus.collection, sections, lead: undefined };
  withLead = { collection: { ...base, lead: LEAD }, cases };
  blankLead = { collection: { ...base, lead: [{ type: 'paragraph', content: [{ type: 'text', text: ' \u3000 ' }] }, { type: 'paragraph', content: [] }] }, cases };
  noLead = { collection: base, cases };
});

const leadText = squash('本书收录全省民政系统年度优秀创新案例');
const startsWith = (page: string, heading: string) => squash(nonEmptyLines(page).slice(0, 2).join('')).startsWith(heading);

test('PDF: the 前言 after the cover, from a recto, with its text and folio I; the 目录 on the next recto; not listed in it', async () => {
  const out = await runExport({ template: 'anthology', format: 'pdf', outPath: path.join(dir, 'lead.pdf'), bundle: withLead });
  const pages = await pdfPageTexts(out.path);
  const at = pages.findIndex((p) => startsWith(p, '前言'));
  assert.equal(at, 2, 'the 前言 on physical page 3, after the cover and its blank verso');
  assert.ok(squash(pages[at]!).includes(leadText) && squash(pages[at]!).includes(squash('编者谨向报送案例的各级民政部门致谢')), 'the lead’s text on the 前言 page');
  assert.equal(nonEmptyLines(pages[at]!).at(-1)!.trim(), 'I', 'Roman folio I');
  const toc = pages.findIndex((p) => startsWith(p, '目录'));
  assert.equal(toc, 4, 'the 目录 on the recto after the 前言 (its verso blank)');
  assert.equal(squash(pages[3]!), '', 'the 前言’s verso is blank');
  assert.ok(!squash(pages[toc]!).includes('前言'), 'the 目录 does not list what comes before it');
  assert.ok(!pages.slice(toc).some((p) => squash(p).includes(leadText)), 'the lead prints once');
  assert.equal(out.pages, pages.length);
});

test('PDF: an empty or blank lead prints no 前言; the 目录 stays on page 3', async () => {
  for (const [name, bundle] of [['blank', blankLead], ['none', noLead]] as const) {
    const out = await runExport({ template: 'anthology', format: 'pdf', outPath: path.join(dir, `${name}.pdf`), bundle });
    const pages = await pdfPageTexts(out.path);
    assert.ok(!pages.some((p) => startsWith(p, '前言')), `${name}: no 前言 page`);
    assert.equal(pages.findIndex((p) => startsWith(p, '目录')), 2, `${name}: the 目录 on page 3`);
  }
});

test('DOCX: the 前言 between the cover and the TOC field, outside the TOC; LibreOffice prints it on folio I and the 目录 on III', async () => {
  const { bytes } = await writeDocx({ format: 'docx', template: loadTemplate('anthology'), bundle: withLead });
  const doc = part(await unzip(new Uint8Array(bytes)), 'word/document.xml');
  const text = (xml: string) => squash(xml.replace(/<[^>]+>/g, ''));
  const prefaceAt = text(doc).indexOf('前言');
  assert.ok(prefaceAt > text(doc).indexOf(squash(withLead.collection.title)), 'after the cover title');
  assert.ok(prefaceAt < text(doc).indexOf('目录'), 'before the 目录');
  assert.ok(text(doc).indexOf(leadText) > prefaceAt && text(doc).indexOf(leadText) < text(doc).indexOf('目录'), 'the lead’s text under its title');
  // Its title carries no outline level, so a TOC refreshed in Word leaves it out.
  const title = /<w:p><w:pPr><w:pStyle w:val="TOCHeading"\/>(?:(?!<\/w:p>).)*前(?:(?!<\/w:p>).)*言(?:(?!<\/w:p>).)*<\/w:p>/.exec(doc)?.[0] ?? '';
  assert.ok(title, 'the 前言 title paragraph');
  assert.doesNotMatch(title, /outlineLvl/);
  // Its section: Roman folios from I; the TOC's section goes on from it.
  const sects = doc.match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
  assert.match(sects[1]!, /<w:pgNumType w:fmt="upperRoman" w:start="1"\/>/);
  assert.match(sects[2]!, /<w:pgNumType w:fmt="upperRoman"\/>/);

  const pages = await pdfPageTexts(await sofficeToPdf(new Uint8Array(bytes), 'front-matter'));
  const at = pages.findIndex((p) => startsWith(p, '前言'));
  assert.ok(at > 0 && squash(pages[at]!).includes(leadText), 'LibreOffice prints the 前言 with its text');
  assert.equal(nonEmptyLines(pages[at]!).at(-1)!.trim(), 'I');
  const toc = pages.findIndex((p) => startsWith(p, '目录'));
  assert.ok(toc > at, '目录 after the 前言');
  assert.equal(nonEmptyLines(pages[toc]!).at(-1)!.trim(), 'III');
});

test('DOCX: an empty or blank lead prints no 前言; the TOC starts the Roman folios', async () => {
  for (const bundle of [blankLead, noLead]) {
    const { bytes } = await writeDocx({ format: 'docx', template: loadTemplate('anthology'), bundle });
    const doc = part(await unzip(new Uint8Array(bytes)), 'word/document.xml');
    assert.ok(!squash(doc.replace(/<[^>]+>/g, '')).includes('前言'));
    const sects = doc.match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
    assert.match(sects[1]!, /<w:pgNumType w:fmt="upperRoman" w:start="1"\/>/, 'the TOC section is the second, from I');
  }
});

test('a lead’s photo the draft did not carry is warned about as the 前言’s, like a case’s', async () => {
  const lead: Block[] = [{ type: 'image', caption: [{ type: 'text', text: '全省创新案例评审会现场' }] }, ...LEAD];
  const out = await runExport({ template: 'anthology', format: 'pdf', outPath: path.join(dir, 'photo.pdf'), bundle: { ...withLead, collection: { ...withLead.collection, lead } } });
  const w = out.warnings.filter((x) => x.kind === 'missing-picture' && x.title === '前言');
  assert.equal(w.length, 1);
  assert.match(w[0]!.message, /缺少图片（前言）：图注为 全省创新案例评审会现场/);
  assert.equal(w[0]!.document, undefined, 'the lead is no document of the library');
  const pages = await pdfPageTexts(out.path);
  assert.ok(squash(pages[2]!).includes('全省创新案例评审会现场'), 'its caption prints alone on the 前言 page');
});
