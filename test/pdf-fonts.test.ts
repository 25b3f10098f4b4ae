/**
 * Every face that serves a role sets a sample page whose text reads back unchanged
 * (pdfkit garbles some CJK fonts, so each face is proven, not assumed), fonts are
 * embedded and subset, and characters a face lacks go to a fallback face.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { latinFaces, resolveFonts, roleFaces, FONT_ROLES } from '../electron/core/fonts/roles.js';
import { faceFor } from '../electron/core/layout/faces.js';
import { layoutParagraph } from '../electron/core/layout/paragraph.js';
import { readFonts, readPages, samplePdf, savePdf, squash } from './pdf-readback.js';

const SAMPLE = '民政为民，民政爱民：“10+1+N”模式——2021年《归路》（电影）养老服务、社会救助……ABC xyz 93.35%';

test('resolveFonts names a real file for every role (and says which faces stand in)', () => {
  const fonts = resolveFonts();
  for (const role of FONT_ROLES) {
    const entry = fonts.find((f) => f.role === role);
    assert.ok(entry, `no face for ${role}`);
    assert.ok(existsSync(entry.file), `${role}: ${entry.file} missing`);
    assert.match(entry.file, /\.(ttf|ttc)$/i, 'TrueType outlines only');
  }
  const faces = roleFaces();
  // No free 仿宋/小标宋 exists on Linux: a stand-in must be named as such.
  if (process.platform === 'linux') {
    assert.equal(faces.get('fangsong')!.substitute, true);
    assert.match(faces.get('xiaobiaosong')!.regular.face, /substitute/);
  }
});

test('every role and weight reads back exactly what was set', async () => {
  const lines = FONT_ROLES.flatMap((role) => [false, true].map((bold) => ({ role, bold, text: SAMPLE })));
  const file = savePdf(await samplePdf(lines), 'faces.pdf');
  const pages = readPages(file);
  // Faces of different heights on one baseline may read as pieces of lines: regroup by row.
  const rowsOf: Array<{ y: number; parts: Array<{ x: number; text: string }> }> = [];
  for (const l of pages[0]!.lines) {
    const row = rowsOf.find((r) => Math.abs(r.y - l.yMin) < 8);
    if (row) row.parts.push({ x: l.xMin, text: l.text });
    else rowsOf.push({ y: l.yMin, parts: [{ x: l.xMin, text: l.text }] });
  }
  const read = rowsOf.sort((a, b) => a.y - b.y).map((r) => squash(r.parts.sort((a, b) => a.x - b.x).map((p) => p.text).join('')));
  assert.equal(read.length, lines.length);
  for (const [i, l] of lines.entries()) assert.equal(read[i], squash(l.text), `${l.role}${l.bold ? ' bold' : ''}`);
  for (const f of readFonts(file)) {
    assert.ok(f.emb && f.sub && f.uni, `${f.name}: emb ${f.emb} sub ${f.sub} uni ${f.uni}`);
    assert.match(f.type, /TrueType/);
  }
});

test('digits and Latin go to the Latin face, quotes to a face that sets them full-width, missing glyphs to a fallback', () => {
  // Whatever Latin faces this machine has (Liberation here; the serif's own Latin glyphs without it).
  const digit = faceFor('song', false, '2'.codePointAt(0)!);
  assert.equal(digit.metrics.file.file, latinFaces(false).regular.file, 'digits in the Latin face');
  assert.equal(faceFor('hei', false, 'A'.codePointAt(0)!).metrics.file.file, latinFaces(true).regular.file, 'sans Latin for 黑体');
  assert.equal(faceFor('song', true, 'A'.codePointAt(0)!).metrics.file.file, latinFaces(false).bold.file, 'bold Latin for bold runs');
  assert.equal(faceFor('song', false, '中'.codePointAt(0)!).metrics.file.file, roleFaces().get('song')!.regular.file, 'Han in the role face');
  for (const role of FONT_ROLES) {
    const q = faceFor(role, false, 0x201c);
    assert.ok(q.metrics.advance(0x201c) >= 0.9, `${role}: “ is full-width in ${q.metrics.file.face}`);
  }
  // A rare character (䶮, CJK Ext-A) the role's face may lack is still set from some face that has it.
  const rare = 0x4dae;
  const choice = faceFor('kai', false, rare);
  assert.ok(choice.metrics.has(rare) || !resolveFonts().length, `no face has U+4DAE (${choice.metrics.file.face})`);
});

test('a character no face has prints as 〓 and still reads back as itself (ActualText)', async () => {
  const text = '地名𠀀与䶮字和𪚥字照常排版';
  const [line] = layoutParagraph({ runs: [{ text, style: { role: 'song', size: 12 } }], measure: 500, align: 'left' });
  for (const g of line!.glyphs) {
    if (g.actual !== undefined) assert.equal(g.cp, 0x3013, 'missing characters show the 缺字 mark');
    else assert.ok(g.face.has(g.cp), `U+${g.cp.toString(16)} set from a face that has it`);
  }
  assert.equal(line!.text, text);
  const file = savePdf(await samplePdf([{ role: 'song', bold: false, text }]), 'rare.pdf');
  assert.equal(squash(readPages(file)[0]!.lines.map((l) => l.text).join('')), text);
});
