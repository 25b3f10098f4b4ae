/**
 * The DOCX container writer (export/docx/zip.ts): parts given as many text pieces come back
 * whole through an independent unzip (JSZip), whatever the pieces hold — multi-byte text and
 * characters outside the BMP across slice edges, a piece larger than a slice, empty pieces —
 * with the CRC the reader checks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { zipParts } from '../electron/core/export/docx/zip.js';

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
