/**
 * Usage errors of every `huibian` command: exit status 2, one Chinese message that names the
 * option or argument at fault and points at the command's --help, none of node:util's English
 * wording, and no library opened (the --db file is never created). --help of every command
 * exits 0 with its usage. In process through main(), plus the compiled entry as a user runs it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { main } from '../electron/core/cli/main.js';
import { HELP } from '../electron/core/cli/help.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-usage-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const db = path.join(tmp, 'never.db');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** node:util's own phrases: none may reach the user. */
const ENGLISH = /Unknown option|argument missing|does not take an argument|ambiguous|Unexpected argument|positional/;

function assertUsage(r: { code: number; err: string }, command: string, ...named: RegExp[]): void {
  assert.equal(r.code, 2, r.err);
  assert.ok(r.err.startsWith(`huibian ${command}：`), r.err);
  assert.match(r.err, new RegExp(`用法见 huibian ${command} --help$`));
  assert.doesNotMatch(r.err, ENGLISH);
  for (const n of named) assert.match(r.err, n);
}

const COMMANDS = ['import', 'list', 'search', 'export', 'demo', 'fonts', 'status', 'proof', 'team-server', 'team-user', 'team', 'review-pack'];

test('an unknown option names itself and the options the command has, for every command', async () => {
  for (const command of COMMANDS) {
    const r = await run(command, '--db', db, '--colour', 'red');
    // commands without --db refuse that first; both are unknown options
    assertUsage(r, command, /没有 --(colour|db) 这个选项/, /可用的选项：.*-h\/--help/);
  }
  assert.ok(!existsSync(db), 'a usage error opened the library');
});

test('an option missing its value, a switch given one, and a value that looks like an option', async () => {
  assertUsage(await run('list', '--db'), 'list', /--db 后面缺少取值/);
  assertUsage(await run('import', '--collection'), 'import', /--collection 后面缺少取值/);
  assertUsage(await run('list', '--json=yes'), 'list', /--json 是开关，不带取值/);
  assertUsage(await run('export', '--db', db, '--out', '--json'), 'export', /--out 后面缺少取值/, /--out=取值/);
  assertUsage(await run('status', '--document'), 'status', /--document 后面缺少取值/);
  assertUsage(await run('team-server', '--pg'), 'team-server', /--pg 后面缺少取值/);
  assert.ok(!existsSync(db));
});

test('arguments a command does not take, and missing ones, in Chinese', async () => {
  assertUsage(await run('fonts', 'extra'), 'fonts', /多余的参数“extra”/);
  assertUsage(await run('proof', 'extra'), 'proof', /多余的参数“extra”/);
  assertUsage(await run('demo', 'extra'), 'demo', /多余的参数“extra”/);
  assertUsage(await run('import', '--db', db), 'import', /至少一个要导入的文件/);
  assertUsage(await run('search', '--db', db), 'search', /要检索的词语/);
  assertUsage(await run('search', '--db', db, '--limit', 'many', '民政'), 'search', /--limit 须是 1 到 500 之间的整数，收到的是“many”/);
  assertUsage(await run('export', '--db', db, '--format', 'pdf', '--out', 'x.pdf'), 'export', /请用 --template 选择模板/);
  assertUsage(await run('export', '--db', db, '--template', 'book', '--format', 'pdf', '--out', 'x.pdf'), 'export', /没有“book”这个模板/);
  assertUsage(await run('export', '--db', db, '--template', 'anthology', '--format', 'odt', '--out', 'x.odt'), 'export', /没有“odt”这种格式/);
  assertUsage(await run('export', '--db', db, '--template', 'anthology', '--format', 'pdf'), 'export', /--out FILE/);
  assertUsage(await run('status', '--db', db), 'status', /--document ID/);
  assertUsage(await run('status', '--db', db, '--document', 'x', '作废'), 'status', /没有“作废”这个状态/);
  assertUsage(await run('proof', '--db', db, '--collection', 'a', '--document', 'b'), 'proof', /只能给一个/);
  assertUsage(await run('team-user', 'rename', 'x'), 'team-user', /没有“rename”这个操作/);
  assertUsage(await run('team-user', 'add'), 'team-user', /缺少用户名/);
  assertUsage(await run('team', 'push'), 'team', /没有“push”这个操作/);
  assertUsage(await run('team', 'share', '--db', db), 'team', /缺少 --server/);
  assertUsage(await run('review-pack'), 'review-pack', /export、merge、show 或 comment/);
  assertUsage(await run('team-server'), 'team-server', /缺少 --pg/);
  assert.ok(!existsSync(db));
});

test('an unknown command, or an option before the command, points at huibian --help', async () => {
  for (const argv of [['compile'], ['--db', db, 'list']]) {
    const r = await run(...argv);
    assert.equal(r.code, 2);
    assert.match(r.err, /^huibian：/);
    assert.match(r.err, /命令列表见 huibian --help$/);
  }
  assert.match((await run('compile')).err, /没有“compile”这个命令/);
  assert.match((await run('--db', db)).err, /--db 不是命令/);
});

test('--help of every command exits 0 with its usage', async () => {
  for (const command of COMMANDS) {
    for (const flag of ['--help', '-h']) {
      const r = await run(command, flag);
      assert.equal(r.code, 0, `${command} ${flag}: ${r.err}`);
      assert.equal(r.out, HELP[command]);
      assert.match(r.out, new RegExp(`^用法：huibian ${command}`));
    }
  }
  const top = await run('--help');
  assert.equal(top.code, 0);
  for (const command of COMMANDS) assert.match(top.out, new RegExp(`^  ${command} `, 'm'));
  assert.equal((await run()).code, 2, 'no command at all is a usage error, after the command list');
});

test('the command as a user runs it: Chinese on stderr, exit status 2, nothing on stdout', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'huibian.mjs'), 'export', '--db', db, '--template'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /huibian export：--template 后面缺少取值\n用法见 huibian export --help\n$/);
  assert.ok(!existsSync(db));
});
