/**
 * The anthology drawn on its own thread (drawWorker.ts) is the file drawn in-process: every
 * object the same once its stream is inflated (page content, fonts and their subsets, ToUnicode,
 * outline, links, page labels), only the creation date differing. The corpus book, and a case
 * with a real picture, a missing one and a picture box, so images cross the thread too.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { corpusBundle } from './fixtures/corpus.js';
import { stopDrawWorker, writePdf } from '../electron/core/export/pdf/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { WriterInput } from '../electron/core/export/index.js';
import { savePdf } from './pdf-readback.js';
import { pictureBody, pictureBundle } from './fixtures/pictures.js';

after(() => stopDrawWorker());

/** Each object of a PDF by its number: its dictionary (dates and the file ID dropped) and its stream inflated. */
function objects(bytes: Buffer): Map<number, string> {
  const s = bytes.toString('latin1');
  const out = new Map<number, string>();
  const re = /(\d+) 0 obj\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const streamAt = s.indexOf('\nstream\n', start);
    const end = s.indexOf('\nendobj', start);
    let dict: string;
    let data = '';
    if (streamAt !== -1 && streamAt < end) {
      dict = s.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)![1]);
      const raw = bytes.subarray(streamAt + 8, streamAt + 8 + length);
      data = (/FlateDecode/.test(dict) ? inflateSync(raw) : raw).toString('latin1');
      dict = dict.replace(/\/Length \d+/, '');
      re.lastIndex = streamAt + 8 + length;
    } else {
      dict = s.slice(start, end);
      re.lastIndex = end;
    }
    out.set(Number(m[1]), dict.replace(/\(D:\d+Z\)/g, '') + data.replace(/<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*/g, ''));
  }
  return out;
}

async function both(input: WriterInput): Promise<{ here: Buffer; there: Buffer; pages: [number, number] }> {
  const saved = process.env.HUIBIAN_PDF_DRAW_WORKER;
  try {
    process.env.HUIBIAN_PDF_DRAW_WORKER = '0';
    const here = await writePdf(input);
    process.env.HUIBIAN_PDF_DRAW_WORKER = '1';
    const there = await writePdf(input);
    return { here: Buffer.from(here.bytes), there: Buffer.from(there.bytes), pages: [here.pages!, there.pages!] };
  } finally {
    if (saved === undefined) delete process.env.HUIBIAN_PDF_DRAW_WORKER;
    else process.env.HUIBIAN_PDF_DRAW_WORKER = saved;
  }
}

function assertSameObjects(here: Buffer, there: Buffer): void {
  const a = objects(here);
  const b = objects(there);
  assert.ok(a.size > 10, `${a.size} objects read`);
  assert.deepEqual([...b.keys()].sort((x, y) => x - y), [...a.keys()].sort((x, y) => x - y), 'the same objects');
  const differ = [...a.keys()].filter((id) => a.get(id) !== b.get(id));
  assert.deepEqual(differ, [], 'objects that differ');
}

test('the corpus anthology drawn on the drawing thread is the file drawn in-process', async () => {
  const bundle = await corpusBundle();
  const { here, there, pages } = await both({ template: loadTemplate('anthology'), format: 'pdf', bundle });
  assert.equal(pages[0], pages[1]);
  assertSameObjects(here, there);
  // And it is a real book: poppler reads every page of it.
  const file = savePdf(there, 'draw-worker.pdf');
  assert.equal(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]), pages[0]);
});

test('pictures cross to the drawing thread: the same file with a real PNG, a missing picture and its box', async () => {
  const bundle = pictureBundle(await pictureBody('draw-worker'));
  const template = loadTemplate('anthology');
  const { here, there } = await both({ template: { ...template, options: { ...template.options, missingPictures: 'placeholder' } }, format: 'pdf', bundle });
  assertSameObjects(here, there);
  assert.ok(there.toString('latin1').includes('/Subtype /Image'), 'the picture is in the file');
});
