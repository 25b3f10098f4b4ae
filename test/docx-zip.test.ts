/**
 * The DOCX container writer (export/docx/zip.ts): parts given as many text pieces come back
 * whole through an independent unzip (JSZip), whatever the pieces hold — multi-byte text and
 * characters outside the BMP across slice edges, a piece larger than a slice, empty pieces —
 * with the CRC the reader checks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { crc32, deflateRawSync } from 'node:zlib';
import { zipParts } from '../electron/core/export/docx/zip.js';
import { crc32Combine, FINAL_BLOCK, TextDeflater, type Deflated } from '../electron/core/export/docx/deflated.js';

test('text pieces of every size and script come back byte for byte, small and byte parts too', async () => {
  let seed = 11;
  // A 32-bit LCG in integer arithmetic (a float product would lose its low bits).
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const alphabet = [...'民政<w:t>&"案例😀𠀀ab c\n，。'];
  const pieces: string[] = [];
  for (let i = 0; i < 20000; i++) {
    const n = Math.floor(rnd() * 40);
    let s = '';
    for (let j = 0; j < n; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    pieces.push(s);
  }
  pieces.splice(5000, 0, '汇编'.repeat(300_000), '');
  const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 0xff);
  const zip = await JSZip.loadAsync(await zipParts([{ name: 'word/document.xml', data: pieces }, { name: 'small.xml', data: ['<a>小</a>'] }, { name: 'media/x.bin', data: bytes }], 6));
  // JSZip checks each entry's CRC when asked to.
  const text = pieces.join('');
  assert.ok(text.length > 1_000_000 && pieces.filter((p) => p.length > 20).length > 5000, 'the pieces cross many slice edges');
  assert.equal(await zip.file('word/document.xml')!.async('string'), text);
  assert.equal(await zip.file('small.xml')!.async('string'), '<a>小</a>');
  assert.deepEqual(await zip.file('media/x.bin')!.async('uint8array'), bytes);
  await JSZip.loadAsync(await zipParts([{ name: 'a.xml', data: pieces }], 6), { checkCRC32: true });
});

test('CRC-32 of two stretches joined from their own CRCs is zlib\'s CRC of the whole', () => {
  let seed = 5;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const whole = Buffer.from(Array.from({ length: 3_000_000 }, () => Math.floor(rnd() * 256)));
  for (const [at, end] of [[0, 0], [0, 17], [1, 1], [5, 6], [1000, 70_000], [12_345, 3_000_000], [2_999_999, 3_000_000]] as const) {
    const a = whole.subarray(0, at);
    const b = whole.subarray(at, end);
    assert.equal(crc32Combine(crc32(a), crc32(b), b.length), crc32(whole.subarray(0, end)), `split at ${at} of ${end}`);
  }
});

test('a part of text and stretches deflated before, in any order of compression, unzips whole with its CRC', async () => {
  let seed = 23;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const alphabet = [...'民政<w:p>&案例😀ab \n。'];
  const piece = () => Array.from({ length: Math.floor(rnd() * 60) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  // The middle stretch (a book's body) is deflated first, as the writer does; the text around it at zip time.
  const body = Array.from({ length: 40_000 }, piece);
  body.splice(20_000, 0, '汇编'.repeat(200_000));
  const deflater = new TextDeflater(6);
  for (const p of body) deflater.write(p);
  const stretch = deflater.cut();
  assert.ok(deflater.empty, 'a cut leaves the deflater empty');
  const second = ['<w:tbl/>', piece()];
  for (const p of second) deflater.write(p);
  const next = deflater.cut();
  const head = ['<?xml?><w:body>', piece()];
  const parts: Array<string | Deflated> = [...head, stretch, next, '</w:body>'];
  const zipped = await zipParts([{ name: 'word/document.xml', data: parts }], 6);
  const zip = await JSZip.loadAsync(zipped, { checkCRC32: true });
  const text = [...head, ...body, ...second, '</w:body>'].join('');
  assert.ok(Buffer.byteLength(text) > 1 << 21, 'the stretch spans several slices');
  assert.equal(await zip.file('word/document.xml')!.async('string'), text);
  assert.deepEqual(FINAL_BLOCK, deflateRawSync(Buffer.alloc(0)), 'the closing block is zlib\'s own empty final block');
});
