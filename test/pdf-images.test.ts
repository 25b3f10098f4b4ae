/**
 * Pictures in a case: a real PNG scaled into the measure with its caption on the same
 * page right under it, a caption without a picture set under a grey placeholder, and a
 * page-break hint honoured.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusBundle } from './fixtures/corpus.js';
import { writePdf } from '../electron/core/export/pdf/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { Block, CaseDocument, CollectionBundle } from '../electron/core/model/types.js';
import { readPages, savePdf, squash } from './pdf-readback.js';

test('a picture with its caption, a placeholder for a caption without a picture, a page break hint', async () => {
  const corpus = await corpusBundle();
  const source = (Object.values(corpus.cases) as CaseDocument[])[0]!;
  // A real PNG: page 1 of a notice PDF rendered by poppler.
  const notice = await writePdf({ template: loadTemplate('notice'), format: 'pdf', notice: { kind: 'notice', id: 'n', meta: { title: '关于开展测试的通知', issuer: '某市民政局', date: '2021-02-03' }, body: [], attachments: [] } });
  const pdf = savePdf(notice.bytes, 'n.pdf');
  execFileSync('pdftoppm', ['-png', '-r', '30', '-singlefile', pdf, path.join(path.dirname(pdf), 'pic')]);
  const png = readFileSync(path.join(path.dirname(pdf), 'pic.png'));
  const paras = source.body.filter((b) => b.type === 'paragraph');
  const body: Block[] = [
    paras[0]!,
    { type: 'image', src: `data:image/png;base64,${png.toString('base64')}`, caption: [{ type: 'text', text: '工作人员入户走访困难群众' }] },
    paras[1]!,
    { type: 'image', caption: [{ type: 'text', text: '社区志愿者为老人理发（照片缺）' }] },
    { type: 'pageBreak' },
    { type: 'paragraph', content: [{ type: 'text', text: '分页之后的第一段文字。' }] },
  ];
  const doc: CaseDocument = { kind: 'case', id: 'pic', meta: { title: '图片测试案例', unit: '某市民政局' }, body };
  const bundle: CollectionBundle = { collection: { id: 'c', title: '测试汇编', sections: [{ title: '综合', caseIds: ['pic'] }] }, cases: { pic: doc } };
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
