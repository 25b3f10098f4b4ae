/**
 * The bundled faces alone (HUIBIAN_BUNDLED_FONTS=1: as on a machine without CJK fonts): every
 * role resolves, 楷体 comes from LXGW WenKai's WOFF2 slices, and what is set in them is really
 * drawn (pdfkit's own subsetter draws WOFF2 outlines blank, so ink is measured, not assumed),
 * embedded, and reads back as the text set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readFonts, readPages, samplePdf, savePdf, squash } from './pdf-readback.js';

process.env.HUIBIAN_BUNDLED_FONTS = '1';
const { FONT_ROLES, roleFaces, resolveFonts, substituteNotes } = await import('../electron/core/fonts/roles.js');
const { woff2Ready } = await import('../electron/core/fonts/webfont.js');

const TEXT = '民政为民，民政爱民：“淄助你”救助新品牌——2021年';

/** Share of dark pixels in a box of page 1 (pt), rendered at 72 dpi in grey. */
function ink(file: string, box: { x: number; y: number; w: number; h: number }): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', '-x', String(box.x), '-y', String(box.y), '-W', String(box.w), '-H', String(box.h), file]);
  // P5 header: magic, width, height, maxval, each followed by whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const v of pixels) if (v < 128) dark++;
  return dark / pixels.length;
}

test('every role resolves from bundled faces; 楷体 is LXGW WenKai from its slices; stand-ins are named', () => {
  const faces = roleFaces();
  for (const role of FONT_ROLES) assert.equal(faces.get(role)!.bundled, true, `${role}: ${faces.get(role)!.regular.face}`);
  const kai = faces.get('kai')!;
  assert.match(kai.regular.face, /LXGW WenKai/);
  assert.ok(kai.regular.slices && kai.regular.slices.slices.length > 50, 'served from the WOFF2 slices');
  assert.ok(kai.bold?.slices, 'a real bold 楷 from the bold slices');
  assert.equal(kai.substitute, false, 'WenKai is a 楷 design, not a stand-in');
  const notes = substituteNotes();
  assert.ok(notes.some((n) => n.startsWith('仿宋') && n.includes('仿宋_GB2312')), notes.join('; '));
  assert.ok(notes.some((n) => n.startsWith('小标宋') && n.includes('方正小标宋简体')), notes.join('; '));
  assert.ok(resolveFonts().every((f) => f.licence === 'SIL OFL 1.1'), 'every bundled face is OFL');
});

test('楷体 from the slices is drawn, embedded as TrueType and reads back', async () => {
  await woff2Ready();
  const rows = [false, true].map((bold, i) => ({ y: 100 + i * 60 - 16, bold }));
  const pdf = await samplePdf(rows.map((r) => ({ role: 'kai', bold: r.bold, text: TEXT })), { size: 16, top: 100, step: 60 });
  const file = savePdf(pdf, 'kai-slices.pdf');
  const read = readPages(file)[0]!.lines.map((l) => squash(l.text));
  assert.deepEqual(read, [squash(TEXT), squash(TEXT)]);
  const fonts = readFonts(file);
  assert.ok(fonts.some((f) => /LXGWWenKai-Regular/.test(f.name)) && fonts.some((f) => /LXGWWenKai-Bold/.test(f.name)), fonts.map((f) => f.name).join(', '));
  for (const f of fonts) assert.ok(f.emb && f.sub && f.uni && /TrueType/.test(f.type), `${f.name}: ${f.type}`);
  for (const row of rows) {
    const share = ink(file, { x: 40, y: row.y, w: 400, h: 22 });
    assert.ok(share > 0.04, `${row.bold ? 'bold' : 'regular'} 楷 line has ink (${(share * 100).toFixed(1)}% dark)`);
  }
});

test('a notice PDF set in a stand-in for 仿宋 says so; the DOCX names the standard faces and warns of nothing', async () => {
  const { corpusNotice } = await import('./fixtures/corpus.js');
  const { runExport } = await import('../electron/core/export/index.js');
  const JSZip = (await import('jszip')).default;
  const notice = await corpusNotice();
  const dir = path.dirname(savePdf(Buffer.alloc(0), 'x'));
  const pdf = await runExport({ template: 'notice', format: 'pdf', outPath: path.join(dir, 'notice.pdf'), notice });
  const fangsong = pdf.fonts.find((f) => f.role === 'fangsong')!;
  assert.equal(fangsong.substitute, true);
  assert.equal(fangsong.standard, '仿宋_GB2312');
  const warning = pdf.warnings.find((w) => w.kind === 'font-substitute' && w.message.includes('仿宋_GB2312'));
  assert.ok(warning, JSON.stringify(pdf.warnings));
  assert.ok(warning.message.includes(fangsong.face), 'names the face that stood in');

  const docx = await runExport({ template: 'notice', format: 'docx', outPath: path.join(dir, 'notice.docx'), notice });
  assert.deepEqual(docx.warnings.filter((w) => w.kind === 'font-substitute'), []);
  const zip = await JSZip.loadAsync(readFileSync(docx.path));
  const xml = (await zip.file('word/styles.xml')!.async('string')) + (await zip.file('word/document.xml')!.async('string'));
  const eastAsia = new Set([...xml.matchAll(/<w:rFonts[^>]*w:eastAsia="([^"]+)"/g)].map((m) => m[1]!));
  assert.ok(eastAsia.has('仿宋_GB2312') && eastAsia.has('方正小标宋简体'), [...eastAsia].join(', '));
  for (const name of eastAsia) assert.ok(['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体'].includes(name), `DOCX names ${name}`);
});
