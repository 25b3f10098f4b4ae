/**
 * Damaged and odd inputs, many of them: every import either succeeds or fails with an
 * ImportFailure (a message for the user), never with a crash or a hang.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { importFile } from '../electron/core/import/index.js';
import { ImportFailure } from '../electron/core/model/imported.js';
import { CORPUS_FILES, corpusPath } from './fixtures/corpus.js';
import { craftZip, minimalDocx, type CraftEntry } from './fixtures/craft-zip.js';
import iconv from 'iconv-lite';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function mutate(bytes: Uint8Array, rnd: () => number): Uint8Array {
  const out = bytes.slice();
  const kind = Math.floor(rnd() * 4);
  if (kind === 0) return out.subarray(0, Math.floor(rnd() * out.length));
  if (kind === 1) {
    for (let n = 0; n < 1 + rnd() * 20; n++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
    return out;
  }
  if (kind === 2) {
    // Lines shuffled: structure in the wrong order.
    const lines = new TextDecoder().decode(out).split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return new TextEncoder().encode(lines.join('\n'));
  }
  // A slice from the middle: no title, cut sentences.
  const from = Math.floor(rnd() * out.length);
  return out.subarray(from, from + Math.floor(rnd() * 4000));
}

/** Imports `bytes`; true when it imported, false when it was refused with an ImportFailure. */
async function survives(name: string, bytes: Uint8Array): Promise<boolean> {
  const started = performance.now();
  let imported = false;
  try {
    const file = await importFile({ name, bytes });
    assert.ok(Array.isArray(file.cases) && Array.isArray(file.dropped));
    for (const c of file.cases) assert.ok(c.meta.title.length > 0, 'every case has a title');
    imported = true;
  } catch (error) {
    assert.ok(error instanceof ImportFailure, `${name}: ${(error as Error)?.stack}`);
    assert.ok(error.message.includes(name), 'the message names the file');
  }
  assert.ok(performance.now() - started < 2000, `${name} took ${Math.round(performance.now() - started)} ms`);
  return imported;
}

test('robustness: 300 damaged text drafts import or fail cleanly', async () => {
  const rnd = random(20260123);
  const sources = CORPUS_FILES.map((name) => new Uint8Array(readFileSync(corpusPath(name))));
  let imported = 0;
  for (let i = 0; i < 300; i++) {
    const source = sources[i % sources.length]!;
    if (await survives(`mutated-${i}.txt`, mutate(source, rnd))) imported++;
  }
  // Most damage (cut, shuffled, a few bad bytes) still leaves a readable draft.
  assert.ok(imported > 200, `${imported} of 300 imported`);
});

test('robustness: 60 damaged DOCX files import or fail cleanly', async () => {
  const rnd = random(7);
  const lines = readFileSync(corpusPath('jinshi-2018-article.txt'), 'utf8').split('\n');
  const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })));
  let refused = 0;
  for (let i = 0; i < 60; i++) {
    const bytes = docx.slice();
    // Flip bytes inside the archive but keep the zip signature, so the DOCX path is taken.
    for (let n = 0; n < 1 + rnd() * 8; n++) bytes[4 + Math.floor(rnd() * (bytes.length - 4))] = Math.floor(rnd() * 256);
    if (!(await survives(`damaged-${i}.docx`, bytes))) refused++;
  }
  assert.ok(refused > 0, 'some damage is beyond reading and is refused');
});

test('robustness: markup oddities in HTML and Markdown', async () => {
  const cases: Array<[string, string]> = [
    ['nested.html', '<div>'.repeat(2000) + '<p>民政工作创新案例。</p>' + '</div>'.repeat(2000)],
    ['unclosed.html', '<html><body><p>标题<p><b>加粗<i>斜体<p>正文内容。'],
    ['scripts.html', '<script>document.write("<p>假内容</p>")</script><p>真正文。</p>'],
    ['entities.html', '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#x4E2D;&#25991;</p>'],
    ['table-only.html', '<table><tr><td>地区</td><td>数量</td></tr><tr><td>济南</td><td>3</td></tr></table>'],
    ['weird.md', '#\n\n***\n\n> 引用\n\n```\n代码\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![](x.png)'],
    ['html.md', '<script>alert(1)</script>\n\n正文。'],
  ];
  for (const [name, text] of cases) await survives(name, new TextEncoder().encode(text));
  const md = await importFile({ name: 'html.md', bytes: new TextEncoder().encode('<b>原样</b>\n\n正文。') });
  assert.ok(JSON.stringify(md).includes('<b>原样</b>'), 'raw HTML in Markdown is shown as text, never run');
});

/** Zip-level damage: entries swapped, duplicated, dropped or renamed; the archive otherwise intact. */
function mutateZip(entries: CraftEntry[], rnd: () => number): Buffer {
  const list = entries.map((e) => ({ ...e }));
  const kind = Math.floor(rnd() * 5);
  const pick = () => Math.floor(rnd() * list.length);
  if (kind === 0) {
    const a = pick();
    const b = pick();
    [list[a], list[b]] = [list[b]!, list[a]!];
  } else if (kind === 1) list.splice(pick(), 0, { ...list[pick()]! });
  else if (kind === 2) list.splice(pick(), 1);
  else if (kind === 3) {
    // Two parts trade contents under their names.
    const a = pick();
    const b = pick();
    [list[a]!.data, list[b]!.data] = [list[b]!.data, list[a]!.data];
  } else {
    const e = list[pick()]!;
    e.data = e.data.subarray(0, Math.floor(rnd() * e.data.length));
  }
  return craftZip(list);
}

/** Right bytes, wrong encoding: the draft re-encoded (or mis-decoded and saved) as another charset. */
function wrongEncoding(text: string, rnd: () => number): Uint8Array {
  const kind = Math.floor(rnd() * 4);
  if (kind === 0) return iconv.encode(text, 'big5');
  if (kind === 1) return iconv.encode(text, 'utf16-be');
  // UTF-8 bytes read as GBK and saved again as UTF-8 (mojibake).
  if (kind === 2) return new TextEncoder().encode(iconv.decode(Buffer.from(text, 'utf8'), 'gbk'));
  return iconv.encode(text, 'shift_jis');
}

test('fuzz: 500 seeded mutations of the corpus (bytes, truncation, zip entries, encodings, huge lines) import or are refused clearly', async () => {
  const rnd = random(15_500);
  const texts = CORPUS_FILES.filter((n) => !n.includes('gb18030')).map((name) => readFileSync(corpusPath(name), 'utf8'));
  const docxEntries = texts.map((t) => minimalDocx(t.split('\n').filter(Boolean).map((l) => l.replace(/[<&>]/g, ''))));
  const tally = { imported: 0, refused: 0 };
  const slowest = { ms: 0, name: '' };
  for (let i = 0; i < 500; i++) {
    const n = i % texts.length;
    const text = texts[n]!;
    const kind = i % 10;
    let name: string;
    let bytes: Uint8Array;
    if (kind <= 2) {
      name = `fuzz-${i}.txt`;
      bytes = mutate(new TextEncoder().encode(text), rnd);
    } else if (kind <= 4) {
      name = `fuzz-${i}.docx`;
      bytes = mutateZip(docxEntries[n]!, rnd);
      if (rnd() < 0.5) for (let k = 0; k < 1 + rnd() * 6; k++) bytes[4 + Math.floor(rnd() * (bytes.length - 4))] = Math.floor(rnd() * 256);
    } else if (kind <= 6) {
      name = `fuzz-${i}.txt`;
      bytes = wrongEncoding(text, rnd);
    } else if (kind === 7) {
      // One enormous line: no breaks at all, or a paragraph repeated into megabytes.
      name = `fuzz-${i}.txt`;
      const line = text.replace(/\n/g, rnd() < 0.5 ? '' : ' ').repeat(1 + Math.floor(rnd() * 40));
      bytes = new TextEncoder().encode(line);
    } else if (kind === 8) {
      name = `fuzz-${i}.html`;
      const lines = text.split('\n').map((l) => `<p>${l}</p>`);
      const html = `<html><head><title>${lines.length}</title></head><body>${lines.join('')}</body></html>`;
      bytes = mutate(new TextEncoder().encode(html), rnd);
    } else {
      name = `fuzz-${i}.mhtml`;
      const html = `<html><body>${text.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`;
      const mime = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(html).toString('base64')}\r\n--b--\r\n`;
      bytes = mutate(new TextEncoder().encode(mime), rnd);
    }
    const started = performance.now();
    try {
      const file = await importFile({ name, bytes });
      assert.ok(Array.isArray(file.cases) && Array.isArray(file.dropped), name);
      for (const c of file.cases) assert.ok(c.meta.title.length > 0, `${name}: every case has a title`);
      tally.imported++;
    } catch (error) {
      assert.ok(error instanceof ImportFailure, `${name}: ${(error as Error)?.stack}`);
      assert.ok(error.message.includes(name), `${name}: the message names the file`);
      assert.match(error.message, /[\u4e00-\u9fa5]/u, `${name}: the message is in Chinese`);
      assert.ok(!/undefined|\[object /u.test(error.message), `${name}: ${error.message}`);
      tally.refused++;
    }
    const ms = performance.now() - started;
    if (ms > slowest.ms) Object.assign(slowest, { ms, name });
    assert.ok(ms < 10_000, `${name} took ${Math.round(ms)} ms`);
  }
  assert.equal(tally.imported + tally.refused, 500);
  assert.ok(tally.imported > 250 && tally.refused > 20, JSON.stringify(tally));
  console.log(`fuzz: ${tally.imported} imported, ${tally.refused} refused; slowest ${slowest.name} ${Math.round(slowest.ms)} ms`);
});
