/**
 * `huibian demo` as a new user runs it (subprocess): the bundled samples import into a fresh
 * library and all five files are written and real (PDF text read back with pdftotext, DOCX a
 * zip with the case titles); a file that cannot be written makes the demo fail, naming it.
 * On a machine without system fonts (../shared/tools/no-system-fonts, root only) the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { readFonts } from './pdf-readback.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'huibian.mjs');
const NO_FONTS = path.resolve(ROOT, '..', 'shared', 'tools', 'no-system-fonts');
const run = promisify(execFile);
const EXPECTED = ['anthology.pdf', 'anthology.docx', 'feature.pdf', 'notice.pdf', 'notice.docx'];

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-demo-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function checkFiles(dir: string, opts: { fonts?: boolean } = {}): Promise<void> {
  for (const name of EXPECTED) {
    const file = path.join(dir, name);
    assert.ok(existsSync(file), `${name} missing`);
    const bytes = readFileSync(file);
    if (name.endsWith('.pdf')) {
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', name);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      if (name.startsWith('notice')) assert.ok(text.includes('曲阜市民政局'), name);
      else assert.ok(text.includes('1443工作法') && text.includes('集中托养'), `${name} lacks case titles`);
      if (opts.fonts) {
        const fonts = readFonts(file);
        assert.ok(fonts.length > 0 && fonts.every((f) => f.emb && f.sub), `${name}: fonts embedded (${fonts.map((f) => f.name).join(', ')})`);
      }
    } else {
      const zip = await JSZip.loadAsync(bytes);
      const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      if (name.startsWith('notice')) assert.ok(xml.includes('民政工作要点'), name);
      else assert.ok(xml.includes('1443工作法'), `${name} lacks case titles`);
    }
  }
}

test('demo imports the samples and writes all five files', async (t) => {
  const dir = tempDir(t);
  // a stale library in the folder must be replaced, not added to
  writeFileSync(path.join(dir, 'huibian.db'), 'not a database');
  const { stdout } = await run(process.execPath, [BIN, 'demo', '--out', dir], { cwd: ROOT });
  assert.match(stdout, /已导入 zhongguominzheng-2022-02-feature\.txt：14 个案例/);
  assert.match(stdout, /已导入 jining-2020-shortlist\.txt：4 个案例/);
  assert.match(stdout, /已导入 jinshi-2018-article\.gb18030\.txt：1 个案例/);
  assert.match(stdout, /已导入 qufu-2020-notice\.txt：通知/);
  const written = [...stdout.matchAll(/^已写出 (.+?) {2}/gm)].map((m) => path.basename(m[1]!));
  assert.deepEqual(written.sort(), [...EXPECTED].sort());
  assert.match(stdout, /共 5 个文件，写出 5 个/);
  await checkFiles(dir);
});

test('a file the demo cannot write makes it exit non-zero, naming the file and the reason', async (t) => {
  const dir = tempDir(t);
  mkdirSync(path.join(dir, 'feature.pdf'));
  const failed = await run(process.execPath, [BIN, 'demo', '--out', dir], { cwd: ROOT }).then(
    () => null,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  assert.ok(failed, 'demo exited 0 although feature.pdf could not be written');
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /无法写出 feature\.pdf：.*文件夹已存在/);
  assert.match(failed.stdout, /共 5 个文件，写出 4 个/);
});

test('export exits non-zero naming the file it could not write; --json prints the report', async (t) => {
  const dir = tempDir(t);
  await run(process.execPath, [BIN, 'demo', '--out', dir], { cwd: ROOT });
  const db = path.join(dir, 'huibian.db');
  const target = path.join(dir, 'no-such-folder', 'book.pdf');
  const failed = await run(process.execPath, [BIN, 'export', '--db', db, '--template', 'anthology', '--format', 'pdf', '--out', target, '--json'], { cwd: ROOT }).then(
    () => null,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  assert.equal(failed?.code, 1, 'export exited 0 without writing');
  assert.ok(failed.stderr.includes(`无法写出 ${target}`) && /不存在或没有写权限/.test(failed.stderr), failed.stderr);
  const refused = JSON.parse(failed.stdout) as { written: unknown[]; failed: Array<{ file: string; message: string }> };
  assert.deepEqual(refused.written, []);
  assert.equal(refused.failed[0]!.file, target);
  const out = path.join(dir, 'book.docx');
  const { stdout } = await run(process.execPath, [BIN, 'export', '--db', db, '--template', 'anthology', '--format', 'docx', '--out', out, '--json'], { cwd: ROOT });
  const report = JSON.parse(stdout) as { written: Array<{ file: string; pages: number }>; pages: number; warnings: unknown[]; overBudget: unknown[]; cases: unknown[] };
  assert.equal(report.written[0]!.file, out);
  assert.ok(existsSync(out));
  assert.equal(report.pages, report.written[0]!.pages);
  assert.ok(Array.isArray(report.warnings) && Array.isArray(report.overBudget) && Array.isArray(report.cases));
});

test('with every system font hidden the demo still writes all five files, PDFs with text and embedded fonts', async (t) => {
  if (process.getuid?.() !== 0) return t.skip('no-system-fonts needs root (a private mount namespace)');
  if (!existsSync(NO_FONTS)) return t.skip(`${NO_FONTS} not found`);
  const probe = await run(NO_FONTS, ['true']).then(() => null, (e: Error) => e.message);
  if (probe) return t.skip(`no-system-fonts cannot run here: ${probe}`);
  const dir = tempDir(t);
  const { stdout } = await run(NO_FONTS, [process.execPath, BIN, 'demo', '--out', dir], { cwd: ROOT });
  assert.match(stdout, /共 5 个文件，写出 5 个/);
  // Stand-ins are named: no free 仿宋 or 小标宋 exists.
  assert.match(stdout, /字体替代：.*仿宋_GB2312 → Noto Serif SC/);
  await checkFiles(dir, { fonts: true });
  // The fonts really were hidden: nothing from the system's font folders is embedded.
  const names = readFonts(path.join(dir, 'anthology.pdf')).map((f) => f.name.replace(/^[A-Z]+\+/, ''));
  assert.ok(names.every((n) => /^(NotoSerifSC|NotoSansSC|LXGWWenKai)/.test(n)), names.join(', '));
});
