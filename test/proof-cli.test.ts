/**
 * `huibian proof` and the gate in `huibian export`, run in-process through the CLI's main():
 * findings as JSON in the documented shape, --apply writes the fixes, and an export with
 * undecided sensitive data exits 3, printing the blocking list as its JSON report.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type Io } from '../electron/core/cli/main.js';
import { CORPUS_DIR } from './fixtures/corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-proof-cli-'));
const db = path.join(tmp, 'lib.db');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface JsonFinding { document: string; rule: string; severity: string; text: string; suggestion: string | null; context: string }

before(async () => {
  const planted = path.join(here, 'fixtures', 'proof', 'planted.txt');
  assert.equal((await run('import', '--db', db, '--collection', '待审', planted)).code, 0);
  assert.equal((await run('import', '--db', db, '--collection', '原稿', path.join(CORPUS_DIR, 'jinshi-2018-article.txt'))).code, 0);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('huibian proof --json lists findings with document, rule, severity, text, suggestion, context; exit 3 while data awaits a decision', async () => {
  const { code, out } = await run('proof', '--db', db, '--collection', '待审', '--json');
  assert.equal(code, 3);
  const report = JSON.parse(out) as { findings: JsonFinding[] };
  assert.ok(report.findings.length >= 10);
  for (const f of report.findings) {
    for (const key of ['document', 'rule', 'severity', 'text', 'suggestion', 'context'] as const) assert.ok(key in f, key);
  }
  const rules = new Set(report.findings.map((f) => f.rule));
  for (const rule of ['sens.id-card', 'sens.mobile', 'sens.bank-card', 'struct.numbering-order', 'num.count']) assert.ok(rules.has(rule), rule);
  // Import already applied the fixes: what is left needs a look or a decision.
  assert.equal(report.findings.filter((f) => f.severity === 'fix').length, 0);
});

test('huibian export stops with exit status 3 and prints the blocking findings as its JSON report; nothing is written', async () => {
  const outPath = path.join(tmp, 'book.pdf');
  const { code, out, err } = await run('export', '--db', db, '--collection', '待审', '--template', 'anthology', '--format', 'pdf', '--out', outPath, '--json');
  assert.equal(code, 3);
  const report = JSON.parse(out) as { blocked: boolean; findings: JsonFinding[] };
  assert.equal(report.blocked, true);
  assert.ok(report.findings.some((f) => f.rule === 'sens.id-card' && f.text === '110101199003077571'));
  assert.ok(report.findings.every((f) => f.severity === 'block'));
  assert.match(err, /导出已停止/);
  assert.equal(existsSync(outPath), false);
});

test('huibian proof --apply applies the fixes of a draft imported as written', async () => {
  // Re-import the article without proof fixes through the API (the CLI always accepts them), then --apply.
  const { createApi } = await import('../electron/core/api/index.js');
  const api = createApi({ dataDir: tmp, dbPath: db, transport: 'cli' });
  let id = '';
  try {
    const file = path.join(CORPUS_DIR, 'jinshi-2018-article.gb18030.txt');
    const preview = (await api.dispatch('import.preview', { files: [{ name: 'raw.txt', path: file }] })) as { previewId: string };
    const commit = (await api.dispatch('import.commit', { previewId: preview.previewId, allowDuplicates: true, newCollection: { title: '未校' }, proof: [{ file: 0, accept: false }] })) as { imported: Array<{ documentIds: string[] }> };
    id = commit.imported[0]!.documentIds[0]!;
  } finally {
    api.close();
  }
  const before = JSON.parse((await run('proof', '--db', db, '--document', id, '--json')).out) as { findings: JsonFinding[] };
  const fixes = before.findings.filter((f) => f.severity === 'fix');
  assert.ok(fixes.length > 20);
  const applied = JSON.parse((await run('proof', '--db', db, '--document', id, '--apply', '--json')).out) as { applied: number; findings: JsonFinding[] };
  assert.equal(applied.applied, fixes.length);
  assert.equal(applied.findings.filter((f) => f.severity === 'fix').length, 0);
  const text = await run('proof', '--db', db, '--document', id);
  assert.equal(text.code, 0);
  assert.match(text.out, /共 1 篇/);
});

test('usage errors exit 2', async () => {
  assert.equal((await run('proof', '--db', db, '--collection', 'x', '--document', 'y')).code, 2);
  assert.equal((await run('proof', '--bogus')).code, 2);
  assert.equal((await run('proof', '--db', db, '--collection', '没有这个')).code, 2);
});
