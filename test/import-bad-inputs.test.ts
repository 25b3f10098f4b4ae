/**
 * Files that must be refused with a clear message, quickly, without reading more than needed:
 * empty, corrupt or bomb-like DOCX, oversized files, binary data named .txt, wrong extensions.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, openSync, ftruncateSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { importFile } from '../electron/core/import/index.js';
import { ImportFailure } from '../electron/core/model/imported.js';
import { corpusPath } from './fixtures/corpus.js';

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'huibian-import-bad-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function refused(promise: Promise<unknown>, pattern: RegExp, file: string): Promise<ImportFailure> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ImportFailure, `an ImportFailure, got ${(error as Error)?.stack}`);
    assert.equal(error.file, file);
    assert.ok(error.message.includes(file), `message names the file: ${error.message}`);
    assert.match(error.message, pattern);
    return error;
  }
  assert.fail('expected the import to be refused');
}

async function docxOf(lines: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  return Packer.toBuffer(doc);
}

/** A deterministic stream of bytes that is no text in any encoding. */
function garbage(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16 ? (x >> 16) & 0xff : 0;
  }
  return out;
}

test('an empty file is refused', async () => {
  const p = path.join(dir, 'empty.txt');
  writeFileSync(p, '');
  await refused(importFile({ name: 'empty.txt', path: p }), /空文件|empty/u, 'empty.txt');
  await refused(importFile({ name: 'empty.docx', bytes: new Uint8Array(0) }), /空文件|empty/u, 'empty.docx');
});

test('a file of only whitespace and page furniture has no text to import', async () => {
  const bytes = new TextEncoder().encode('\n\n   \n[返回首页] [返回顶部] [打印本页] [关闭本页]\n\n');
  await refused(importFile({ name: 'blank.txt', bytes }), /没有可导入的正文|no text/u, 'blank.txt');
});

test('a 100 MB text file is refused by size before it is read', async () => {
  const p = path.join(dir, 'huge.txt');
  // A sparse file: 100 MB by stat, almost no disk. Reading it whole would take seconds and memory.
  const fd = openSync(p, 'w');
  ftruncateSync(fd, 100 * 1024 * 1024);
  closeSync(fd);
  const started = performance.now();
  await refused(importFile({ name: 'huge.txt', path: p }), /太大|too large/u, 'huge.txt');
  assert.ok(performance.now() - started < 500, 'refused at once, without reading');
  await refused(importFile({ name: 'small-limit.txt', bytes: new Uint8Array(2048).fill(0x41) }, { maxBytes: 1024 }), /太大|too large/u, 'small-limit.txt');
});

test('binary garbage named .txt is not a text file', async () => {
  const e = await refused(importFile({ name: 'garbage.txt', bytes: garbage(8192) }), /not a text file/u, 'garbage.txt');
  assert.match(e.message, /不是可读的文本文件/u);
  // NULs inside otherwise plain text.
  const withNuls = new TextEncoder().encode('民政工作创新案例\u0000\u0000\u0000\u0000说明\u0000'.repeat(20));
  await refused(importFile({ name: 'nuls.txt', bytes: withNuls }), /not a text file/u, 'nuls.txt');
});

test('a corrupt DOCX (bad zip) is refused', async () => {
  const good = await docxOf(['民政工作创新案例', '这是正文。']);
  const truncated = good.subarray(0, Math.floor(good.length / 2));
  await refused(importFile({ name: 'broken.docx', bytes: truncated }), /损坏|damaged/u, 'broken.docx');
  const fake = new Uint8Array(4096);
  fake.set([0x50, 0x4b, 0x03, 0x04]);
  await refused(importFile({ name: 'fake.docx', bytes: fake }), /损坏|damaged/u, 'fake.docx');
  // A real zip that is not a Word document.
  const zip = new JSZip();
  zip.file('readme.txt', 'hello');
  const notWord = await zip.generateAsync({ type: 'uint8array' });
  await refused(importFile({ name: 'other.docx', bytes: notWord }), /不是 Word 文档|not a Word document/u, 'other.docx');
});

test('a zip-bomb DOCX is refused from its central directory, before inflating', async () => {
  const zip = await JSZip.loadAsync(await docxOf(['标题', '正文。']));
  zip.file('word/media/bomb.bin', new Uint8Array(40 * 1024 * 1024));
  const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  assert.ok(bomb.length < 200 * 1024, 'the bomb is small on disk');
  const started = performance.now();
  await refused(importFile({ name: 'bomb.docx', bytes: bomb }), /压缩炸弹|expand too far/u, 'bomb.docx');
  assert.ok(performance.now() - started < 300, 'refused without inflating 40 MB');
});

test('a DOCX whose headers understate its sizes is stopped while inflating', async () => {
  const zip = await JSZip.loadAsync(await docxOf(['标题', '正文。']));
  zip.file('word/media/liar.bin', new Uint8Array(8 * 1024 * 1024));
  const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  // Rewrite the declared uncompressed size of every entry to 1,000 bytes (central directory and local headers).
  for (let i = 0; i + 30 < bytes.length; i++) {
    const sig = bytes.readUInt32LE(i);
    if (sig === 0x02014b50 && bytes.readUInt32LE(i + 24) > 1_000_000) bytes.writeUInt32LE(1000, i + 24);
    if (sig === 0x04034b50 && bytes.readUInt32LE(i + 22) > 1_000_000) bytes.writeUInt32LE(1000, i + 22);
  }
  // 8 MB is harmless under the default limit (deflate cannot exceed ~1032:1, so the archive is
  // not even inflated twice); under a 4 MB limit the lie is caught while inflating.
  const e = await refused(importFile({ name: 'liar.docx', bytes }, { maxUnpackedBytes: 4 * 1024 * 1024 }), /压缩炸弹|expand too far/u, 'liar.docx');
  assert.match(e.message, /inflates beyond its declared size/u);
});

test('a DOCX named .txt is sniffed and read as a DOCX', async () => {
  const lines = readFileSync(corpusPath('jinshi-2018-article.txt'), 'utf8').split(/\r?\n/u);
  const bytes = await docxOf(lines);
  const file = await importFile({ name: 'jinshi.txt', bytes });
  assert.equal(file.format, 'docx');
  assert.equal(file.kind, 'single-case');
  assert.equal(file.cases[0]!.meta.title, '五策五创:成就“五化民政”建设新局的“津市密码”');
});

test('a text file named .docx gets a clear error', async () => {
  const bytes = new TextEncoder().encode('济南 “泉社彤行”品牌引领社会组织高质量发展\n济南市坚持强党建。\n');
  await refused(importFile({ name: 'plain.docx', bytes }), /纯文本|plain text/u, 'plain.docx');
  await refused(importFile({ name: 'plain.doc', bytes }), /纯文本|plain text/u, 'plain.doc');
});

test('an unknown extension is refused with the list of supported formats', async () => {
  const bytes = new TextEncoder().encode('一些文字。');
  const e = await refused(importFile({ name: 'draft.xyz', bytes }), /\.txt.*\.docx.*\.md/u, 'draft.xyz');
  assert.match(e.message, /不支持/u);
  await refused(importFile({ name: 'scan.txt', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]) }), /PDF/u, 'scan.txt');
});

test('a missing path is a clear error', async () => {
  await refused(importFile({ name: 'gone.txt', path: path.join(dir, 'gone.txt') }), /找不到|could not be opened/u, 'gone.txt');
});

test('importing never changes the input bytes', async () => {
  const bytes = new Uint8Array(readFileSync(corpusPath('jining-2020-shortlist.txt')));
  const copy = bytes.slice();
  await importFile({ name: 'jining.txt', bytes });
  assert.deepEqual(bytes, copy);
});
