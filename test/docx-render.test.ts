/**
 * The DOCX as LibreOffice renders it (headless, private fontconfig mapping the government
 * font names): the files open, the TOC's cached page numbers are the folios the cases really
 * land on, the notice holds 22 lines a page with folios on alternating sides, the feature runs
 * in two columns, and page counts stay near our own PDF of the same content.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeDocx } from '../electron/core/export/docx/index.js';
import { writePdf } from '../electron/core/export/pdf/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import { readFileSync } from 'node:fs';
import type { CaseDocument, CollectionBundle, CommentThread, NoticeDocument } from '../electron/core/model/types.js';
import { corpusBundle, corpusNotice } from './fixtures/corpus.js';
import { bookTemplate, nonEmptyLines, pdfLineBoxes, pdfPageTexts, sofficeToPdf, squash, unzip, part } from './docx-helpers.js';

const casesOf = (b: CollectionBundle): CaseDocument[] => (b.cases instanceof Map ? [...b.cases.values()] : Object.values(b.cases));

let bundle: CollectionBundle;
let notice: NoticeDocument;
const docx: Record<string, Uint8Array> = {};
const pages: Record<string, string[]> = {};
const estimate: Record<string, number> = {};
const pdfPath: Record<string, string> = {};

before(async () => {
  bundle = await corpusBundle();
  // One case made three times as long, so that continuation pages (with running heads) occur.
  const first = casesOf(bundle)[0]!;
  bundle = { collection: bundle.collection, cases: Object.fromEntries(casesOf(bundle).map((c) => [c.id, c === first ? { ...c, body: [...c.body, ...c.body, ...c.body] } : c])) };
  notice = await corpusNotice();
  for (const t of ['anthology', 'feature', 'notice'] as const) {
    const out = await writeDocx({ format: 'docx', template: t === 'anthology' ? await bookTemplate() : loadTemplate(t), ...(t === 'notice' ? { notice } : { bundle }) });
    docx[t] = new Uint8Array(out.bytes);
    estimate[t] = out.pages ?? 0;
  }
  // Two at a time: the machine has two cores, and each soffice gets its own profile.
  const [a, f] = await Promise.all([sofficeToPdf(docx.anthology!, 'anthology'), sofficeToPdf(docx.feature!, 'feature')]);
  const n = await sofficeToPdf(docx.notice!, 'notice');
  Object.assign(pdfPath, { anthology: a, feature: f, notice: n });
  pages.anthology = await pdfPageTexts(a);
  pages.feature = await pdfPageTexts(f);
  pages.notice = await pdfPageTexts(n);
});

/** The number printed at the foot of a page, if its last line is one (— n — or n). */
function folio(page: string): number | null {
  const last = nonEmptyLines(page).pop() ?? '';
  const m = /^(?:—\s*)?(\d+)(?:\s*—)?$/.exec(last);
  return m ? Number(m[1]) : null;
}

test('anthology: the TOC entries carry the folios the cases really start on in LibreOffice', async () => {
  const book = pages.anthology!;
  assert.ok(book.length > 10, 'book.length > 10');
  const doc = part(await unzip(docx.anthology!), 'word/document.xml');
  const entries = [...doc.matchAll(/<w:pStyle w:val="TOC2"\/>.*?<\/w:p>/g)].map((m) => {
    const text = [...m[0].split('<w:tab/>')[0]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    const page = Number(/<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>(\d+)<\/w:t>/.exec(m[0])![1]);
    return { text, page };
  });
  assert.equal(entries.length, casesOf(bundle).length);
  // The TOC page(s) show the cached numbers (LibreOffice does not update fields on conversion).
  const tocText = squash(book.slice(1, 3).join(''));
  for (const e of entries) assert.ok(tocText.includes(squash(e.text).slice(0, 8)), `TOC misses ${e.text}`);
  // The 前言 (the corpus collection's lead) before it, from folio I; the TOC on the next recto, III.
  const preface = book.find((p) => squash(p).startsWith('前言'));
  assert.ok(preface && squash(preface).includes('民生无小事') && nonEmptyLines(preface).at(-1) === 'I', `前言 page with its folio I: ${nonEmptyLines(preface ?? '').at(-1)}`);
  // Its page keeps its own page style: the roman folio at the foot (lost when the section break sits in the last entry).
  const tocPage = book.find((p) => squash(p).startsWith('目录'));
  assert.ok(book.indexOf(tocPage!) > book.indexOf(preface), '目录 after the 前言');
  assert.ok(tocPage && nonEmptyLines(tocPage).at(-1) === 'III', `TOC page without its folio III: ${nonEmptyLines(tocPage ?? '').at(-1)}`);
  let checked = 0;
  for (const e of entries) {
    const key = squash(e.text).slice(0, 10);
    const at = book.findIndex((p, i) => i > 2 && nonEmptyLines(p).slice(1, 3).some((l) => squash(l).startsWith(key)));
    assert.ok(at > 0, `case "${e.text}" not found as a page-top heading`);
    assert.equal(folio(book[at]!), e.page, `"${e.text}": TOC says ${e.page}, LibreOffice prints it on folio ${folio(book[at]!)}`);
    // The running head above the title: the 篇 on odd pages, the book on even pages.
    const head = squash(nonEmptyLines(book[at]!)[0]!);
    assert.ok(e.page % 2 === 1 ? /篇$/.test(head) : head === squash(bundle.collection.title), `running head on ${e.page}: ${head}`);
    checked++;
  }
  assert.equal(checked, entries.length);
  // Continuation pages carry the same running heads.
  const starts = new Set(entries.map((e) => e.page));
  let continued = 0;
  for (const p of book.slice(2)) {
    const n = folio(p);
    const lines = nonEmptyLines(p);
    if (n === null || starts.has(n) || lines.length < 3) continue;
    const head = squash(lines[0]!);
    assert.ok(n % 2 === 1 ? /篇$/.test(head) : head === squash(bundle.collection.title), `running head on ${n}: ${head}`);
    continued++;
  }
  assert.ok(continued >= 2, 'some case runs over pages');
});

test('anthology: page count near our own PDF of the same content', async () => {
  const pdf = await writePdf({ format: 'pdf', template: await bookTemplate(), bundle });
  const lastFolio = Math.max(...pages.anthology!.map((p) => folio(p) ?? 0));
  // Both count physical pages (cover, TOC and blank versos included); LibreOffice leaves the blanks out of its PDF.
  const pdfPages = pdf.pages!;
  console.log(`anthology pages: DOCX estimate ${estimate.anthology} physical, LibreOffice last folio ${lastFolio} (${pages.anthology!.length} printed pages), PDF writer ${pdfPages} physical`);
  // Before the body: cover, blank, 前言 (one page), blank, TOC, blank.
  assert.equal(estimate.anthology! - 6, lastFolio, 'our estimate of the body pages is what LibreOffice prints');
  assert.ok(Math.abs(pdfPages - estimate.anthology!) <= Math.max(4, pdfPages * 0.2), `DOCX ${estimate.anthology} pages vs PDF ${pdfPages}`);
});

test('notice: 22 lines per full page, title and headings where they belong, folios on alternating sides', async () => {
  const doc = pages.notice!;
  assert.ok(doc.length >= 3, 'doc.length >= 3');
  const counts = doc.map((p) => nonEmptyLines(p).length - 1);
  assert.ok(counts.every((n) => n <= 22), `a page holds more than 22 lines: ${counts.join(',')}`);
  // Pages short of 22 are keep rules at work (a heading kept with its paragraph, widow control).
  assert.ok(counts.filter((n) => n === 22).length >= 3, `full pages should hold 22 lines: ${counts.join(',')}`);
  // The grid: on a full page the lines sit 28.95 pt apart, 22 of them inside the 225 mm 版心 (top 37 mm, left 28 mm).
  const full = counts.findIndex((n) => n === 22) + 1;
  const boxes = (await pdfLineBoxes(pdfPath.notice!, full)).slice(0, 22);
  const pitches = boxes.slice(1).map((b, i) => b.y - boxes[i]!.y);
  assert.ok(pitches.every((d) => Math.abs(d - 28.95) < 0.2), `line pitch on page ${full}: ${pitches.map((d) => d.toFixed(2)).join(',')}`);
  const mm = 72 / 25.4;
  assert.ok(boxes[0]!.y >= 37 * mm - 1 && boxes[21]!.y + 16 <= (37 + 225) * mm + 1, 'the 22 lines fit the 版心');
  assert.ok(boxes.every((b) => b.x >= 28 * mm - 1), 'text starts at the 28 mm binding margin');
  const first = nonEmptyLines(doc[0]!);
  assert.equal(squash(first[0]!), notice.meta.organ);
  assert.ok(squash(first.slice(1, 4).join('')).startsWith(squash(notice.meta.title)), 'title right under the red line');
  assert.ok(squash(first.join('')).includes(`${notice.meta.addressees}：`.replace(/\s/g, '')), 'squash(first.join(\'\')).includes(`${notice.meta.addressees}：`.replace(/\\s/g, \'\'))');
  // The attachment starts a new page with 附件 on its first line and its title after it.
  const att = doc.findIndex((p) => squash(nonEmptyLines(p)[0] ?? '') === '附件');
  assert.ok(att > 0, 'att > 0');
  assert.equal(squash(nonEmptyLines(doc[att]!)[1]!), squash(notice.attachments[0]!.title));
  // Level-1 headings (一、…) begin lines of their own.
  const headings = doc.flatMap((p) => nonEmptyLines(p)).filter((l) => /^[一二三四五六七八九十]+、/.test(l));
  assert.ok(headings.length >= 5, `only ${headings.length} level-1 headings found`);
  // Folios: "— n —", odd pages to the right, even pages to the left.
  doc.forEach((p, i) => {
    const raw = p.split('\n').filter((l) => l.trim()).pop()!;
    assert.match(raw.trim(), new RegExp(`^—\\s*${i + 1}\\s*—$`));
    const indent = raw.length - raw.trimStart().length;
    if ((i + 1) % 2 === 1) assert.ok(indent > 20, `odd folio not on the right: "${raw}"`);
    else assert.ok(indent < 5, `even folio not on the left: "${raw}"`);
  });
  const pdf = await writePdf({ format: 'pdf', template: loadTemplate('notice'), notice });
  console.log(`notice pages: DOCX estimate ${estimate.notice}, LibreOffice ${doc.length}, PDF writer ${pdf.pages}`);
  assert.ok(Math.abs(doc.length - pdf.pages!) <= 2, 'Math.abs(doc.length - pdf.pages!) <= 2');
});

test('feature: headline on the first page, cases in two columns', async () => {
  const doc = pages.feature!;
  assert.ok(doc.length >= 3, 'doc.length >= 3');
  assert.ok(squash(doc[0]!).includes(squash(bundle.collection.title)), 'squash(doc[0]!).includes(squash(bundle.collection.title))');
  // In -layout text two columns show as lines with text on both sides of a wide gap.
  const twoColumn = doc.slice(1, -1).flatMap((p) => nonEmptyLines(p)).filter((l) => /\S\s{4,}\S/.test(l) && l.length > 40);
  assert.ok(twoColumn.length > 50, `only ${twoColumn.length} two-column lines`);
  const pdf = await writePdf({ format: 'pdf', template: loadTemplate('feature'), bundle });
  console.log(`feature pages: DOCX/LibreOffice ${doc.length}, PDF writer ${pdf.pages}`);
  assert.ok(Math.abs(doc.length - pdf.pages!) <= 3, 'Math.abs(doc.length - pdf.pages!) <= 3');
});

test('comments open in LibreOffice and reach its PDF as notes (comment and reply)', async () => {
  const quote = notice.attachments[0]!.title.slice(0, 6);
  const thread: CommentThread = {
    id: 't1',
    documentId: notice.id,
    quote,
    author: '王审稿',
    text: '请核实标题',
    createdAt: '2024-05-01T08:00:00Z',
    resolved: false,
    replies: [{ id: 'r1', author: '李编辑', text: '已核实', createdAt: '2024-05-02T08:00:00Z' }],
  };
  const out = await writeDocx({ format: 'docx', template: loadTemplate('notice'), notice, comments: { [notice.id]: [thread] } });
  const pdf = await sofficeToPdf(new Uint8Array(out.bytes), 'notice-comments', 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}');
  const raw = readFileSync(pdf).toString('latin1');
  assert.equal((raw.match(/\/Subtype\s*\/Text\b/g) ?? []).length, 2);
  assert.equal((await pdfPageTexts(pdf)).length, pages.notice!.length, 'comments do not change the pagination');
});
