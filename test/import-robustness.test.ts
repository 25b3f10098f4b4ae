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
