/**
 * Pictures in a case: a real PNG scaled into the measure with its caption on the same
 * page right under it, a caption without a picture (listed as a warning; printed alone, or
 * under a box marked 图片待补 when the template keeps one), and a page-break hint honoured.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import JSZip from 'jszip';
import { runExport } from '../electron/core/export/index.js';
import path from 'node:path';
import { writePdf } from '../electron/core/export/pdf/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { Block, CaseDocument, CollectionBundle } from '../electron/core/model/types.js';
import { readPages, savePdf, squash } from './pdf-readback.js';
import { pictureBody, pictureBundle } from './fixtures/pictures.js';

test('a picture with its caption, a caption without a picture, a page break hint', async () => {
  const body: Block[] = [
    ...(await pictureBody('pictures')),
    { type: 'pageBreak' },
    { type: 'paragraph', content: [{ type: 'text', text: '分页之后的第一段文字。' }] },
  ];
  const bundle = pictureBundle(body);
  const out = await writePdf({ template: loadTemplate('anthology'), format: 'pdf', bundle });
  const file = savePdf(out.bytes, 'pictures.pdf');
  const pages = readPages(file);

  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  assert.equal(list.length, 1, 'one embedded picture');
  const imagePage = Number(list[0]!.trim().split(/\s+/)[0]);
  const captionPage = pages.findIndex((p) => p.lines.some((l) => squash(l.text) === '工作人员入户走访困难群众')) + 1;
  assert.equal(captionPage, imagePage, 'caption on the picture’s page');
  const placeholder = pages.findIndex((p) => p.lines.some((l) => squash(l.text).includes('社区志愿者为老人理发')));
  assert.ok(placeholder >= 0, 'placeholder caption set');
  const after = pages.findIndex((p) => p.lines.some((l) => squash(l.text) === '分页之后的第一段文字。'));
  assert.ok(after > placeholder, 'text after the break on a later page');
  const bodyLines = pages[after]!.lines.filter((l) => !/^\d+$/.test(squash(l.text)) && l.yMin > 60);
  assert.equal(squash(bodyLines[0]!.text), '分页之后的第一段文字。', 'the break starts a new page');
  // The caption sits under the picture: the picture is drawn before it in the text order of its page.
  const capLine = pages[captionPage - 1]!.lines.find((l) => squash(l.text) === '工作人员入户走访困难群众')!;
  const before = pages[captionPage - 1]!.lines.filter((l) => l.yMax < capLine.yMin);
  const gap = capLine.yMin - Math.max(...before.map((l) => l.yMax));
  assert.ok(gap > 40, `room for the picture above the caption (${gap.toFixed(0)} pt)`);
});

test('footnotes become numbered notes after the case; tables set their cells with rules, a list in a cell and a rowSpan on the column grid', async () => {
  const body: Block[] = [
    { type: 'paragraph', content: [{ type: 'text', text: '全市建成社区养老服务中心' }, { type: 'footnote', blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '数据来源：市民政局2021年统计。' }] }] }, { type: 'text', text: '一百二十处。' }] },
    {
      type: 'table',
      columnWidths: [1, 2],
      rows: [
        [{ header: true, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '项目' }] }] }, { header: true, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '数量' }] }] }],
        [{ rowSpan: 2, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '养老服务中心' }] }] }, { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '120处' }] }] }],
        [{ blocks: [{ type: 'list', ordered: true, style: 'paren-decimal', items: [[{ type: 'paragraph', content: [{ type: 'text', text: '城区八十处' }] }], [{ type: 'paragraph', content: [{ type: 'text', text: '农村四十处' }] }]] }] }],
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: '表后正文。' }] },
  ];
  const doc: CaseDocument = { kind: 'case', id: 'fn', meta: { title: '注释与表格' }, body };
  const bundle: CollectionBundle = { collection: { id: 'c', title: '测试汇编', sections: [{ title: '综合', caseIds: ['fn'] }] }, cases: { fn: doc } };
  const out = await writePdf({ template: loadTemplate('anthology'), format: 'pdf', bundle });
  const file = savePdf(out.bytes, 'notes.pdf');
  const lines = readPages(file).flatMap((p) => p.lines.map((l) => ({ ...l, t: squash(l.text) })));
  const call = lines.find((l) => l.t.startsWith('全市建成社区养老服务中心'))!;
  assert.match(call.t, /中心①一百二十处。/, 'note call ① in the text');
  const note = lines.find((l) => l.t === '①数据来源：市民政局2021年统计。');
  assert.ok(note && note.yMin > call.yMax, 'the note follows the text, numbered');
  const cells = ['项目', '数量', '养老服务中心', '120处'].map((t) => lines.find((l) => l.t === t));
  assert.ok(cells.every(Boolean), 'every cell read back');
  assert.ok(cells[1]!.xMin > cells[0]!.xMin + 80 && Math.abs(cells[0]!.yMin - cells[1]!.yMin) < 1, 'cells side by side in their columns');
  assert.ok(cells[2]!.yMin > cells[0]!.yMax, 'rows one under another');
  // The third row's only cell goes to the second column: the first is held by 养老服务中心's rowSpan.
  const items = ['（1）城区八十处', '（2）农村四十处'].map((t) => lines.find((l) => l.t === t));
  assert.ok(items.every(Boolean), `the list in a cell is set, numbered: ${lines.map((l) => l.t).join('|')}`);
  // (An opening bracket at a line start gives up its blank half: up to half an em left of the column's text.)
  assert.ok(items.every((l) => l!.xMin > cells[2]!.xMax && Math.abs(l!.xMin - cells[3]!.xMin) < 5), `the list sits in the second column, under 120处: ${items.map((l) => l!.xMin)} vs ${cells[3]!.xMin}`);
  assert.ok(items[0]!.yMin > cells[3]!.yMax && items[1]!.yMin > items[0]!.yMax, 'its items one under another, below the row above');
  const mid = (l: { yMin: number; yMax: number }) => (l.yMin + l.yMax) / 2;
  assert.ok(mid(cells[2]!) > cells[3]!.yMax && mid(cells[2]!) < mid(items[1]!), 'the spanning cell is centred on the two rows it spans, not set in the first');
  const after = lines.find((l) => l.t === '表后正文。')!;
  assert.ok(after.yMin > items[1]!.yMax && note!.yMin > after.yMax, 'text after the table, notes last');
});

test('edge cases still export: an empty collection, an untitled empty case, a token longer than the line', async () => {
  const empty: CollectionBundle = { collection: { id: 'e', title: '空汇编', sections: [] }, cases: {} };
  for (const t of ['anthology', 'feature']) {
    const r = await writePdf({ template: loadTemplate(t), format: 'pdf', bundle: empty });
    assert.ok((r.pages ?? 0) >= 1 && Buffer.from(r.bytes).subarray(0, 5).toString() === '%PDF-', t);
  }
  const long = `编号${'A1'.repeat(200)}之后的文字`;
  const bundle: CollectionBundle = {
    collection: { id: 'e', title: '边界', sections: [{ title: '综合', caseIds: ['a', 'gone', 'b'] }] },
    cases: {
      a: { kind: 'case', id: 'a', meta: { title: '' }, body: [] },
      b: { kind: 'case', id: 'b', meta: { title: '长编号' }, body: [{ type: 'paragraph', content: [{ type: 'text', text: long }] }] },
    },
  };
  const out = await writePdf({ template: loadTemplate('anthology'), format: 'pdf', bundle });
  const pages = readPages(savePdf(out.bytes, 'edge.pdf'));
  const text = squash(pages.flatMap((p) => p.lines.map((l) => l.text)).join(''));
  assert.ok(text.includes('（无标题）'), 'an untitled case is listed and set');
  assert.ok(text.includes(squash(long)), 'the long token is set whole, broken only where it must');
  for (const p of pages) for (const l of p.lines) assert.ok(l.xMax <= p.width - 20, `line runs off the page: ${l.text.slice(0, 20)}`);
});

test('a caption whose photo is missing: a warning in both formats; printed alone by default, under a marked box where the template keeps one', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-missing-'));
  const body: Block[] = [
    { type: 'paragraph', content: [{ type: 'text', text: '照片之前的一段正文。' }] },
    { type: 'image', caption: [{ type: 'text', text: '社区志愿者为老人理发' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '照片之后的一段正文。' }] },
  ];
  const doc: CaseDocument = { kind: 'case', id: 'miss', meta: { title: '缺图案例' }, body };
  const bundle: CollectionBundle = { collection: { id: 'c', title: '测试汇编', sections: [{ title: '综合', caseIds: ['miss'] }] }, cases: { miss: doc } };
  const keep = path.join(dir, 'keep.json');
  const base = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../templates/anthology.json'), 'utf8')) as { id: string; options: Record<string, unknown> };
  writeFileSync(keep, JSON.stringify({ ...base, id: 'keep', options: { ...base.options, missingPictures: 'placeholder' } }));

  const gapOf = (file: string): { gap: number; text: string } => {
    const lines = readPages(file).flatMap((p) => p.lines.map((l) => ({ ...l, t: squash(l.text) })));
    const caption = lines.find((l) => l.t === '社区志愿者为老人理发')!;
    const before = lines.find((l) => l.t === '照片之前的一段正文。')!;
    return { gap: caption.yMin - before.yMax, text: lines.map((l) => l.t).join('') };
  };
  for (const [template, kept] of [['anthology', false], [keep, true]] as const) {
    const pdf = await runExport({ template, format: 'pdf', outPath: path.join(dir, `${kept}.pdf`), bundle });
    const docx = await runExport({ template, format: 'docx', outPath: path.join(dir, `${kept}.docx`), bundle });
    for (const r of [pdf, docx]) {
      const w = r.warnings.filter((x) => x.kind === 'missing-picture');
      assert.equal(w.length, 1, `${r.format}: ${JSON.stringify(r.warnings)}`);
      assert.equal(w[0]!.document, 'miss');
      assert.ok(w[0]!.message.includes('社区志愿者为老人理发') && w[0]!.message.includes('缺图案例'), w[0]!.message);
    }
    const { gap, text } = gapOf(pdf.path);
    const xml = (await (await JSZip.loadAsync(readFileSync(docx.path))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    if (kept) {
      assert.ok(gap > 100, `a box keeps the photo's place (${gap.toFixed(0)} pt)`);
      assert.ok(text.includes('图片待补') && xml.includes('图片待补'), 'the box says what it is, in both formats');
    } else {
      assert.ok(gap < 40, `no empty box: the caption follows the text (${gap.toFixed(0)} pt)`);
      assert.ok(!text.includes('图片待补') && !xml.includes('图片待补'));
    }
  }
});
