/** `huibian fonts`: per role the face serving here, standard or stand-in, and its licence. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

interface Row { role: string; face: string; file: string; status: string; substitute: boolean; bundled: boolean; licence: string; standard: string }

async function fonts(env: Record<string, string> = {}): Promise<Row[]> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'huibian.mjs'), 'fonts', '--json'], { cwd: ROOT, env: { ...process.env, ...env } });
  return (JSON.parse(stdout) as { fonts: Row[] }).fonts;
}

test('fonts --json lists every role with a real file, its status against the standard face, and a licence', async () => {
  const rows = await fonts();
  assert.deepEqual(rows.map((r) => r.role), ['song', 'hei', 'kai', 'fangsong', 'xiaobiaosong', 'latin']);
  for (const r of rows) {
    assert.ok(existsSync(r.file), `${r.role}: ${r.file}`);
    assert.ok(['standard', 'design', 'substitute'].includes(r.status) && r.licence, `${r.role}: ${r.status} ${r.licence}`);
    assert.equal(r.substitute, r.status === 'substitute');
  }
  assert.deepEqual(rows.map((r) => r.standard), ['宋体', '黑体', '楷体_GB2312', '仿宋_GB2312', '方正小标宋简体', 'Times New Roman']);
});

test('with the bundled faces only, 仿宋 and 小标宋 are named stand-ins and 楷体 is LXGW WenKai', async () => {
  const rows = await fonts({ HUIBIAN_BUNDLED_FONTS: '1' });
  const by = new Map(rows.map((r) => [r.role, r]));
  assert.ok(rows.every((r) => r.bundled && r.licence === 'SIL OFL 1.1'));
  assert.equal(by.get('fangsong')!.substitute, true);
  assert.equal(by.get('xiaobiaosong')!.substitute, true);
  assert.match(by.get('kai')!.face, /LXGW WenKai/);
  assert.equal(by.get('kai')!.status, 'design');
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'huibian.mjs'), 'fonts'], { cwd: ROOT, env: { ...process.env, HUIBIAN_BUNDLED_FONTS: '1' } });
  assert.match(stdout, /仿宋（fangsong）.*替代字体（标准字体为 仿宋_GB2312）/);
});
