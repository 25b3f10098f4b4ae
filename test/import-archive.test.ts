/**
 * Every part of every archive goes through one guarded reader, and markup too deep to be a
 * page is refused before it is parsed; Word's automatic numbering arrives as it prints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { importFile } from '../electron/core/import/index.js';
import { readReviewedDocx } from '../electron/core/import/review/index.js';
import { ImportFailure } from '../electron/core/model/imported.js';
import { craftZip, minimalDocx } from './fixtures/craft-zip.js';

const CUSTOM_HEAD = '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"><property name="HuibianDocumentIds"><vt:lpwstr>["a"]</vt:lpwstr></property>';
/** 400 MB of custom properties deflated to about 408 KB, as in the report. */
const huge = Buffer.concat([Buffer.from(CUSTOM_HEAD), Buffer.alloc(400 * 1024 * 1024 - CUSTOM_HEAD.length, 0x20)]);
const honest = craftZip(minimalDocx(['正文。'], [{ name: 'docProps/custom.xml', data: huge }]));
const lying = craftZip(minimalDocx(['正文。'], [{ name: 'docProps/custom.xml', data: huge, declaredSize: 2048 }]));

async function refused(run: () => Promise<unknown>, name: string): Promise<string> {
  const started = performance.now();
  await assert.rejects(run, (error: unknown) => {
    assert.ok(error instanceof ImportFailure, String(error));
    assert.match(error.message, /压缩炸弹/u);
    assert.ok(error.message.includes(name), error.message);
    return true;
  });
  return `${Math.round(performance.now() - started)} ms`;
}

test('archive: a 408 KB DOCX whose custom.xml inflates to 400 MB is refused by the importer and the review reader', async () => {
  assert.ok(honest.length < 420 * 1024, `${honest.length} bytes`);
  await refused(() => importFile({ name: 'bomb.docx', bytes: honest }), 'bomb.docx');
  await refused(() => readReviewedDocx(honest, 'bomb.docx'), 'bomb.docx');
});

test('archive: a part whose headers lie about its size is stopped while inflating, in both readers', async () => {
  const before = process.memoryUsage().rss;
  await refused(() => readReviewedDocx(lying, 'liar.docx'), 'liar.docx');
  await refused(() => importFile({ name: 'liar.docx', bytes: lying }), 'liar.docx');
  // Stopped after a chunk or so, not after inflating 400 MB.
  assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'memory stayed bounded');
});

test('archive: a DOCX that is not a reviewed export still reads as a draft', async () => {
  const plain = craftZip(minimalDocx(['打造幸福食堂破解老年助餐难题', '正文第一段。']));
  assert.equal(await readReviewedDocx(plain), null);
  const file = await importFile({ name: 'plain.docx', bytes: plain });
  assert.equal(file.cases[0]!.meta.title, '打造幸福食堂破解老年助餐难题');
});

test('html: 100,000 nested divs are refused in well under 2 s with a clear message', async () => {
  const html = '<div>'.repeat(100_000) + '<p>正文内容。</p>' + '</div>'.repeat(100_000);
  const started = performance.now();
  await assert.rejects(importFile({ name: 'deep.html', bytes: new TextEncoder().encode(html) }), (error: unknown) => {
    assert.ok(error instanceof ImportFailure);
    assert.match(error.message, /嵌套超过 \d+ 层/u);
    assert.ok(error.message.includes('deep.html'));
    return true;
  });
  assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
  // Unclosed paragraphs do not nest, so sloppy real pages are not refused.
  const sloppy = '<body>' + '<p>段落内容。<br><font>条目</font>'.repeat(5000) + '</body>';
  const file = await importFile({ name: 'sloppy.html', bytes: new TextEncoder().encode(sloppy) });
  assert.ok(file.cases.length >= 1);
});

test('docx: Word automatic numbering (一、（一）1.（1）) arrives as the numbers print, not as a decimal list', async () => {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'levels',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
            { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('打造“幸福食堂”破解老年助餐难题'),
          new Paragraph({ text: '基本情况', numbering: { reference: 'levels', level: 0 } }),
          new Paragraph('全市共有老年人十二万人。'),
          new Paragraph({ text: '主要做法', numbering: { reference: 'levels', level: 0 } }),
          new Paragraph({ text: '建立网络', numbering: { reference: 'levels', level: 1 } }),
          new Paragraph({ text: '布点到村。', numbering: { reference: 'levels', level: 2 } }),
          new Paragraph({ text: '配餐到户。', numbering: { reference: 'levels', level: 2 } }),
          new Paragraph({ text: '午餐。', numbering: { reference: 'levels', level: 3 } }),
          new Paragraph({ text: '完善机制', numbering: { reference: 'levels', level: 1 } }),
          new Paragraph({ text: '资金保障。', numbering: { reference: 'levels', level: 2 } }),
          ...Array.from({ length: 9 }, (_, i) => new Paragraph({ text: `第${i + 3}部分`, numbering: { reference: 'levels', level: 0 } })),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  const file = await importFile({ name: 'numbered.docx', bytes });
  const text = JSON.stringify(file.cases.map((c) => c.body));
  for (const label of ['一、', '二、', '（一）', '（二）', '1.', '2.', '（1）', '十一、']) assert.ok(text.includes(label), `${label} printed`);
  // The second （一） level restarts its 1. under （二）: "资金保障" is 1., not 3.
  assert.match(text, /1\.\s*资金保障/u);
  assert.ok(!/"type":"list"/u.test(text), 'no decimal list stands in for the numbering');
});
