/**
 * The `huibian` command as a user runs it: a subprocess of bin/huibian.mjs on the real
 * corpus (JSON shape, list, search, export, usage errors), and bad inputs that must leave the
 * library exactly as it was (row counts, integrity check) with an error naming the file.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { craftZip, minimalDocx } from './fixtures/craft-zip.js';
import { main } from '../electron/core/cli/main.js';
import { CORPUS_DIR } from './fixtures/corpus.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = CORPUS_DIR;
const BIN = path.join(ROOT, 'bin', 'huibian.mjs');
const run = promisify(execFile);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function huibian(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** In-process run of the same entry, for the many bad-input cases (no process start-up each). */
async function huibianHere(args: string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function snapshot(db: string): { counts: Record<string, number>; integrity: string } {
  const conn = new Database(db, { readonly: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of ['collections', 'documents', 'revisions', 'comments', 'categories', 'documents_fts']) {
      counts[table] = (conn.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    const integrity = (conn.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join(';');
    return { counts, integrity };
  } finally {
    conn.close();
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-cli-'));
const db = path.join(tmp, 'library.db');
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('huibian import on the corpus (subprocess)', () => {
  let report: any;
  before(async () => {
    const ran = await huibian([
      'import',
      '--db',
      db,
      '--json',
      path.join(CORPUS, 'jining-2020-shortlist.txt'),
      path.join(CORPUS, 'zhongguominzheng-2022-02-feature.txt'),
      path.join(CORPUS, 'qufu-2020-notice.txt'),
    ]);
    assert.equal(ran.code, 0, ran.stderr);
    report = JSON.parse(ran.stdout);
  });

  test('prints one JSON object with the documented shape', () => {
    assert.deepEqual(Object.keys(report).sort(), ['duplicates', 'errors', 'imported', 'knownFiles']);
    assert.deepEqual(report.duplicates, []);
    assert.deepEqual(report.knownFiles, []);
    assert.deepEqual(report.errors, []);
    for (const file of report.imported) {
      assert.deepEqual(Object.keys(file).filter((k) => k !== 'notice').sort(), ['cases', 'file', 'kind', 'warnings']);
      assert.ok(file.warnings.every((w: string) => !/[A-Za-z]{3,} [a-z]+/.test(w)), 'warnings in Chinese only');
      for (const c of file.cases) {
        assert.deepEqual(Object.keys(c).sort(), ['award', 'captions', 'category', 'id', 'region', 'subtitle', 'title', 'unit']);
        assert.deepEqual(Object.keys(c.region).sort(), ['city', 'county', 'province']);
        assert.ok(Array.isArray(c.captions));
        assert.match(c.id, /^[0-9a-f-]{36}$/);
      }
    }
  });

  test('jining gives its 4 cases with the expected titles, places and awards', () => {
    const expected = JSON.parse(readFileSync(path.join(CORPUS, 'expected', 'jining-2020-shortlist.json'), 'utf8'));
    const jining = report.imported.find((f: any) => f.file === 'jining-2020-shortlist.txt');
    assert.equal(jining.kind, 'case-list');
    assert.equal(jining.cases.length, 4);
    jining.cases.forEach((c: any, i: number) => {
      assert.equal(c.title, expected.cases[i].title);
      assert.deepEqual(c.region, expected.cases[i].region);
      assert.equal(c.award, expected.cases[i].award);
    });
  });

  test('the feature gives 14 cases and qufu a notice', () => {
    const feature = report.imported.find((f: any) => f.file === 'zhongguominzheng-2022-02-feature.txt');
    assert.equal(feature.kind, 'feature');
    assert.equal(feature.cases.length, 14);
    const qufu = report.imported.find((f: any) => f.file === 'qufu-2020-notice.txt');
    assert.equal(qufu.kind, 'notice');
    assert.match(qufu.notice.title, /2020年全市民政工作要点/);
    // --json reports the notice's fields as read, against the corpus's hand-made extraction.
    const want = JSON.parse(readFileSync(path.join(CORPUS, 'expected', 'qufu-2020-notice.json'), 'utf8')).notice;
    assert.equal(qufu.notice.issuer, want.issuer);
    assert.equal(qufu.notice.organ, want.issuer);
    assert.equal(qufu.notice.addressees, want.addressees);
    assert.equal(qufu.notice.date, want.date);
    assert.ok(Array.isArray(qufu.notice.attachments) && Array.isArray(qufu.notice.signers));
    assert.ok('docNumber' in qufu.notice);
  });

  test('list and search read the same library', async () => {
    const listed = await huibian(['list', '--db', db, '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    const { collections, documents } = JSON.parse(listed.stdout);
    assert.equal(collections.length, 1);
    const caseCount = report.imported.reduce((n: number, f: any) => n + f.cases.length, 0);
    assert.equal(documents.filter((d: any) => d.kind === 'case').length, caseCount);
    assert.equal(documents.filter((d: any) => d.kind === 'notice').length, 1);

    const found = await huibian(['search', '--db', db, '邹城']);
    assert.equal(found.code, 0, found.stderr);
    assert.match(found.stdout, /邹城“344工作法”/);
    assert.match(found.stdout, /【邹城】/);
    const none = await huibian(['search', '--db', db, '火星基地']);
    assert.match(none.stdout, /没有找到/);
  });

  test('export writes the notice as DOCX', async () => {
    const out = path.join(tmp, 'notice.docx');
    const ran = await huibian(['export', '--db', db, '--template', 'notice', '--format', 'docx', '--out', out]);
    assert.equal(ran.code, 0, ran.stderr);
    assert.ok(existsSync(out));
    assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK');
  });

  test('usage errors exit 2 with a clear message; --help exits 0', async () => {
    const unknown = await huibian(['import', '--db', db, '--colour', 'red', 'x.txt']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^huibian import：没有 --colour 这个选项/);
    assert.match(unknown.stderr, /用法见 huibian import --help/);
    const badCommand = await huibian(['compile']);
    assert.equal(badCommand.code, 2);
    assert.match(badCommand.stderr, /没有“compile”这个命令[^]*huibian --help/);
    const helped = await huibian(['export', '--help']);
    assert.equal(helped.code, 0);
    assert.match(helped.stdout, /--template anthology\|feature\|notice/);
    const noTemplate = await huibianHere(['export', '--db', db, '--format', 'pdf', '--out', path.join(tmp, 'x.pdf')]);
    assert.equal(noTemplate.code, 2);
    assert.match(noTemplate.stderr, /请用 --template 选择模板：anthology/);
  });
});

test('without --json the summary names each case, its fields and the collection', async () => {
  const ran = await huibianHere(['import', '--db', path.join(tmp, 'readable.db'), '--collection', '济宁汇编', path.join(CORPUS, 'jining-2020-shortlist.txt')]);
  assert.equal(ran.code, 0, ran.stderr);
  assert.match(ran.stdout, /✓ jining-2020-shortlist\.txt（案例列表）4 个案例/);
  assert.match(ran.stdout, /· 邹城“344工作法” ——提升农村社区治理效能/);
  assert.match(ran.stdout, /类别:社会救助 {2}地区:山东省 济宁市 曲阜市/);
  assert.match(ran.stdout, /汇编:济宁汇编/);
  // a second import into the same collection by name
  const again = await huibianHere(['import', '--db', path.join(tmp, 'readable.db'), '--collection', '济宁汇编', '--json', path.join(CORPUS, 'qufu-2020-notice.txt')]);
  assert.equal(again.code, 0, again.stderr);
  const listed = await huibianHere(['list', '--db', path.join(tmp, 'readable.db'), '--json']);
  const { collections } = JSON.parse(listed.stdout);
  assert.deepEqual(collections.map((c: any) => [c.title, c.caseCount, c.noticeCount]), [['济宁汇编', 4, 1]]);
});

test('a file imported before, byte for byte, is said once with when and where, and not imported again unless asked', async () => {
  const lib = path.join(tmp, 'known.db');
  const notice = path.join(CORPUS, 'qufu-2020-notice.txt');
  const list = path.join(CORPUS, 'jining-2020-shortlist.txt');
  const first = await huibianHere(['import', '--db', lib, '--collection', '济宁汇编', notice, list]);
  assert.equal(first.code, 0, first.stderr);
  assert.doesNotMatch(first.stdout, /此文件已于/);
  const again = await huibianHere(['import', '--db', lib, notice, list]);
  const when = /此文件已于 (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) 导入到《济宁汇编》/;
  assert.match(again.stdout, new RegExp(`= qufu-2020-notice\\.txt：${when.source}，它的内容都已在库中，默认不再导入。`));
  assert.match(again.stdout, new RegExp(`= jining-2020-shortlist\\.txt：${when.source}，其中 4 项都已在库中，默认不再导入。`));
  // said once per file: neither a ✓ line with 0 cases nor a line per case it holds
  assert.doesNotMatch(again.stdout, /✓|《邹城“344工作法”》已在库中/);
  assert.match(again.stdout, /导入 0 个文件,失败 0 个,2 个此前已导入/);
  const json = JSON.parse((await huibianHere(['import', '--db', lib, '--json', list])).stdout);
  assert.equal(json.knownFiles.length, 1);
  assert.deepEqual({ ...json.knownFiles[0], importedAt: undefined }, { file: 'jining-2020-shortlist.txt', importedAs: 'jining-2020-shortlist.txt', importedAt: undefined, collection: '济宁汇编', items: 4, held: 4 });
  assert.ok(!Number.isNaN(Date.parse(json.knownFiles[0].importedAt)));
  // a copy under another name, asked for again: named as it was, and imported
  const copy = path.join(tmp, '济宁副本.txt');
  writeFileSync(copy, readFileSync(list));
  const forced = await huibianHere(['import', '--db', lib, '--allow-duplicates', copy]);
  assert.match(forced.stdout, /= 济宁副本\.txt：此文件已于 .+（当时名为“jining-2020-shortlist\.txt”），其中 4 项都已在库中，将再导入一份。/);
  assert.match(forced.stdout, /✓ 济宁副本\.txt（案例列表）4 个案例/);
});

describe('bad inputs leave the library unchanged', () => {
  const bad: Record<string, string> = {};
  before(async () => {
    bad.empty = path.join(tmp, 'empty.txt');
    writeFileSync(bad.empty, '');
    bad.corrupt = path.join(tmp, 'corrupt.docx');
    writeFileSync(bad.corrupt, Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(4096)]));
    // a DOCX whose document.xml inflates a thousandfold (40 MB from ~40 KB): a zip bomb in miniature
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', Buffer.alloc(40 * 1024 * 1024, 0x20));
    bad.bomb = path.join(tmp, 'bomb.docx');
    writeFileSync(bad.bomb, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    // 408 KB whose custom properties inflate to 400 MB: the review reader unpacks that part first
    bad.customBomb = path.join(tmp, 'custom-bomb.docx');
    writeFileSync(bad.customBomb, craftZip(minimalDocx(['正文。'], [{ name: 'docProps/custom.xml', data: Buffer.alloc(400 * 1024 * 1024, 0x20) }])));
    bad.huge = path.join(tmp, 'huge.txt');
    writeFileSync(bad.huge, Buffer.alloc(100 * 1024 * 1024, '民政工作创新案例\n'));
    bad.garbage = path.join(tmp, 'garbage.txt');
    writeFileSync(bad.garbage, randomBytes(64 * 1024));
    bad.wrongExt = path.join(tmp, 'drafts.xlsx');
    writeFileSync(bad.wrongExt, readFileSync(path.join(CORPUS, 'jining-2020-shortlist.txt')));
    bad.pdf = path.join(tmp, 'scan.pdf');
    writeFileSync(bad.pdf, '%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    // a library with content to protect
    const first = await huibianHere(['import', '--db', db, '--json', path.join(CORPUS, 'jinshi-2018-article.txt')]);
    assert.equal(first.code, 0, first.stderr);
  });

  for (const [label, key] of [
    ['an empty file', 'empty'],
    ['a corrupt DOCX', 'corrupt'],
    ['a zip-bomb DOCX', 'bomb'],
    ['a DOCX whose custom.xml inflates to 400 MB', 'customBomb'],
    ['a 100 MB text file', 'huge'],
    ['binary garbage named .txt', 'garbage'],
    ['a text file with a wrong extension', 'wrongExt'],
    ['a PDF (unsupported format)', 'pdf'],
  ] as const) {
    test(label, async () => {
      const before = snapshot(db);
      const ran = await huibianHere(['import', '--db', db, '--json', bad[key]!]);
      const after = snapshot(db);
      assert.equal(ran.code, 1, `${label}: exit code`);
      const out = JSON.parse(ran.stdout);
      assert.deepEqual(out.imported, []);
      assert.equal(out.errors.length, 1);
      assert.equal(out.errors[0].file, path.basename(bad[key]!));
      assert.ok(out.errors[0].message.includes(path.basename(bad[key]!)), out.errors[0].message);
      assert.deepEqual(after.counts, before.counts);
      assert.equal(before.integrity, 'ok');
      assert.equal(after.integrity, 'ok');
    });
  }

  test('a batch of good and bad files imports the good one (subprocess, exit 0)', async () => {
    const before = snapshot(db);
    // the library already holds this article in UTF-8: import the GB18030 copy anyway
    const ran = await huibian(['import', '--db', db, '--json', '--allow-duplicates', bad.garbage!, path.join(CORPUS, 'jinshi-2018-article.gb18030.txt'), bad.empty!]);
    assert.equal(ran.code, 0, ran.stderr);
    const out = JSON.parse(ran.stdout);
    assert.deepEqual(out.errors.map((e: any) => e.file), ['garbage.txt', 'empty.txt']);
    assert.equal(out.imported.length, 1);
    assert.equal(out.imported[0].cases.length, 1);
    const after = snapshot(db);
    assert.equal(after.counts.documents, before.counts.documents! + 1);
    assert.equal(after.integrity, 'ok');
  });

  test('a batch of only bad files exits 1 (subprocess) and changes nothing', async () => {
    const before = snapshot(db);
    const ran = await huibian(['import', '--db', db, bad.empty!, bad.corrupt!]);
    assert.equal(ran.code, 1);
    assert.match(ran.stderr, /empty\.txt/);
    assert.match(ran.stderr, /corrupt\.docx/);
    assert.deepEqual(snapshot(db).counts, before.counts);
  });
});

describe('import --awards: a list applied to the library', () => {
  const awardsDb = path.join(tmp, 'awards.db');
  test('matches the items to imported cases, lists the unmatched, and sets awards only with --apply', async () => {
    const first = await huibianHere(['import', '--db', awardsDb, '--json', path.join(CORPUS, 'zhongguominzheng-2022-02-feature.txt')]);
    assert.equal(first.code, 0, first.stderr);
    const cases = JSON.parse(first.stdout).imported[0].cases as Array<{ id: string; title: string; region: { city: string | null } }>;
    assert.ok(cases.length >= 4);
    // A shortlist as portals print it: its name, then 地区:标题 lines, titles as the list retypes them (quotes and spaces differ).
    const picked = cases.slice(0, 3);
    const retyped = picked.map((c) => `${c.region.city ?? '山东省'}:${c.title.replace(/[“”]/gu, '"').replace(/\s+/gu, '')}`);
    const list = ['2022年度全省民政工作优秀创新案例名单', ...retyped, '青岛市:一个库里没有的案例标题完全不同'].join('\n');
    const file = path.join(tmp, 'shortlist.txt');
    writeFileSync(file, list);

    const dry = await huibianHere(['import', '--awards', file, '--db', awardsDb, '--json']);
    assert.equal(dry.code, 0, dry.stderr);
    const report = JSON.parse(dry.stdout);
    assert.deepEqual(report.matched.map((m: any) => m.caseId).sort(), picked.map((c) => c.id).sort(), 'each retyped title finds its case');
    assert.deepEqual(report.unmatched.map((u: any) => u.title), ['一个库里没有的案例标题完全不同']);
    assert.equal(report.matched[0].item.award, '2022年度全省民政工作优秀创新案例');
    assert.deepEqual(report.applied, []);
    const untouched = await huibianHere(['list', '--db', awardsDb, '--json']);
    assert.ok(!untouched.stdout.includes('2022年度全省民政工作优秀创新案例'), 'a dry run changes nothing');

    const applied = await huibianHere(['import', '--awards', file, '--db', awardsDb, '--apply']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /已为 3 个案例设置奖项/u);
    assert.match(applied.stdout, /✗ 一个库里没有的案例标题完全不同/u);
    const rows = new Database(awardsDb, { readonly: true }).prepare('SELECT id, award FROM documents').all() as Array<{ id: string; award: string | null }>;
    for (const c of picked) assert.equal(rows.find((r) => r.id === c.id)?.award, '2022年度全省民政工作优秀创新案例');
    assert.ok(rows.filter((r) => r.award === '2022年度全省民政工作优秀创新案例').length === 3, 'no other case changed');
  });
});
