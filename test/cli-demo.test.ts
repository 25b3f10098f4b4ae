/**
 * `huibian demo` as a new user runs it (subprocess): the bundled samples import into a fresh
 * library and every writer present in the build writes its file; what was written is real
 * (PDF text read back with pdftotext, DOCX a zip with the case titles).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

test('demo imports the samples and writes every available format', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-demo-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // a stale library in the folder must be replaced, not added to
  writeFileSync(path.join(dir, 'huibian.db'), 'not a database');
  const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin', 'huibian.mjs'), 'demo', '--out', dir], { cwd: ROOT });
  assert.match(stdout, /imported zhongguominzheng-2022-02-feature\.txt: 14 cases/);
  assert.match(stdout, /imported jining-2020-shortlist\.txt: 4 cases/);
  assert.match(stdout, /imported jinshi-2018-article\.gb18030\.txt: 1 cases/);
  assert.match(stdout, /imported qufu-2020-notice\.txt: notice/);

  const expected = ['anthology.pdf', 'anthology.docx', 'feature.pdf', 'notice.pdf', 'notice.docx'];
  const written = [...stdout.matchAll(/^wrote (.+?) {2}/gm)].map((m) => path.basename(m[1]!));
  for (const name of expected) {
    const accounted = written.includes(name) || stdout.includes(`skipped ${name}`) || stderr.includes(`could not write ${name}`);
    assert.ok(accounted, `${name} is neither written nor reported`);
  }
  assert.ok(written.includes('anthology.pdf'), `anthology.pdf not written: ${stderr}`);
  const summary = stdout.match(/(\d+) of 5 files written/);
  assert.equal(Number(summary?.[1]), written.length);

  for (const name of written) {
    const file = path.join(dir, name);
    assert.ok(existsSync(file), name);
    const bytes = readFileSync(file);
    if (name.endsWith('.pdf')) {
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', name);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      if (name.startsWith('notice')) assert.ok(text.includes('曲阜市民政局'), name);
      else assert.ok(text.includes('1443工作法') && text.includes('集中托养'), `${name} lacks case titles`);
    } else {
      const zip = await JSZip.loadAsync(bytes);
      const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      if (name.startsWith('notice')) assert.ok(xml.includes('民政工作要点'), name);
      else assert.ok(xml.includes('1443工作法'), `${name} lacks case titles`);
    }
  }
});
