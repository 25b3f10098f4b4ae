/**
 * The page content written as bytes (export/pdf/contentBytes.ts) says what the strings said:
 * numbers as String(Math.round(v * 1000) / 1000) with -0 as 0, over every magnitude a page
 * meets and past it; glyph ids as four hex digits; text as Latin-1 bytes, long and short.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContentBytes } from '../electron/core/export/pdf/contentBytes.js';

const num = (v: number): string => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

function written(write: (b: ContentBytes) => void): string {
  const b = new ContentBytes();
  write(b);
  return Buffer.from(b.take()).toString('latin1');
}

test('numbers: the strings the canvas wrote, for 200,000 values from 1e-6 to 1e7 and the edges', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const values = [0, -0, 0.0004, -0.0004, 0.0005, -0.0005, 0.001, -0.001, 0.1, 0.7, 1, 9.9995, 10, 99.999, 100, 595.276, 841.89, -12.3455, 1e6 + 0.5, 2 ** 40 + 0.25, 2 ** 53, 1e21, -1e22];
  for (let i = 0; i < 200_000; i++) {
    const magnitude = 10 ** (rand() * 13 - 6);
    values.push((rand() < 0.5 ? -1 : 1) * magnitude, Math.round(rand() * 100000) / 1000);
  }
  const want = values.map(num).join(' ');
  const got = written((b) => {
    values.forEach((v, i) => {
      if (i) b.byte(32);
      b.num(v);
    });
  });
  assert.equal(got, want);
});

test('glyph ids as four hex digits and text as Latin-1, across a buffer that grows', () => {
  const ids = [0, 1, 15, 16, 255, 4095, 4096, 0xbeef, 0xffff];
  assert.equal(written((b) => ids.forEach((id) => b.hex4(id))), ids.map((id) => id.toString(16).padStart(4, '0')).join(''));
  const long = 'BT /F1 10.5 Tf 1 0 0 1 72 700 Tm [<0001> -12.5 <0002>] TJ ET\n';
  const text = Array.from({ length: 5000 }, (_, i) => (i % 2 ? long : 'Q\n')).join('');
  assert.equal(written((b) => { for (let i = 0; i < 5000; i++) b.text(i % 2 ? long : 'Q\n'); }), text);
  assert.equal(written((b) => b.text('%\xff\xfe')), '%\xff\xfe');
});

test('path numbers: the strings pdfkit wrote (six decimals), for 200,000 values and the edges', () => {
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pn = (v: number): string => String(Math.round(v * 1e6) / 1e6);
  const values = [0, -0, 1e-7, 5e-7, -5e-7, 1e-6, 0.000105, 0.1, 0.05, 1.000001, 12.3456785, 595.2755905511812, 2 ** 33 + 0.5, 1e10 + 0.123456, 1e21];
  for (let i = 0; i < 200_000; i++) values.push((rand() < 0.5 ? -1 : 1) * 10 ** (rand() * 12 - 7), Math.round(rand() * 1e9) / 1e6);
  const got = written((b) => {
    values.forEach((v, i) => {
      if (i) b.byte(32);
      b.num6(v);
    });
  });
  assert.equal(got, values.map(pn).join(' '));
});
