// The app:// protocol serves out/renderer and nothing else: every way of naming a file
// outside the folder is refused, checked against a real folder with a real secret beside it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, symlink, rm, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { handleAppRequest, resolveAppPath, APP_INDEX_URL } from '../electron/main/app-protocol.js';
import { parseCsp } from '../electron/main/csp.js';

let base: string;
let root: string;
const SECRET = 'SECRET-OUTSIDE-THE-APP';

before(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'huibian-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>汇编</title>');
  await writeFile(path.join(root, 'assets', 'main-abc.js'), 'console.log("汇编")');
  await writeFile(path.join(root, 'assets', '字体 名.woff2'), 'font');
  await writeFile(path.join(base, 'secret.txt'), SECRET);
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(base, 'outside', 'loot.txt'), SECRET);
  // Links inside the app folder that point out of it, and one that stays inside.
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'escape.js'));
  await symlink(path.join(base, 'outside'), path.join(root, 'linked-dir'));
  await symlink(path.join(root, 'assets', 'main-abc.js'), path.join(root, 'alias.js'));
});

after(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps the app root and assets to files inside the folder', async () => {
    for (const [url, file] of [
      ['app://huibian/', 'index.html'],
      ['app://huibian', 'index.html'],
      [APP_INDEX_URL, 'index.html'],
      ['app://huibian/assets/main-abc.js?v=1#x', 'assets/main-abc.js'],
      ['app://huibian/assets/%E5%AD%97%E4%BD%93%20%E5%90%8D.woff2', 'assets/字体 名.woff2'],
      ['app://huibian/alias.js', 'assets/main-abc.js'],
    ]) {
      const r = await resolveAppPath(root, url!);
      assert.ok(r.ok, `${url} should resolve: ${JSON.stringify(r)}`);
      assert.equal(r.file, path.join(root, file!));
    }
  });

  const refused: Array<[string, string]> = [
    ['plain ..', 'app://huibian/../secret.txt'],
    ['.. after a folder', 'app://huibian/assets/../../secret.txt'],
    ['encoded ..', 'app://huibian/%2e%2e/secret.txt'],
    ['upper-case encoded ..', 'app://huibian/assets/%2E%2E/%2E%2E/secret.txt'],
    ['half-encoded ..', 'app://huibian/.%2e/secret.txt'],
    ['encoded slash', 'app://huibian/..%2fsecret.txt'],
    ['encoded slash inside a segment', 'app://huibian/assets%2f..%2f..%2fsecret.txt'],
    ['encoded backslash', 'app://huibian/..%5csecret.txt'],
    ['backslash', 'app://huibian/..\\secret.txt'],
    ['double-encoded ..', 'app://huibian/%252e%252e/secret.txt'],
    ['single dot', 'app://huibian/./index.html'],
    ['absolute path', 'app://huibian//etc/passwd'],
    ['encoded absolute path', `app://huibian/${encodeURIComponent('/etc/passwd')}`],
    ['drive path', 'app://huibian/C:/Windows/win.ini'],
    ['NUL', 'app://huibian/index.html%00.js'],
    ['malformed escape', 'app://huibian/%E5%AD'],
    ['symlinked file leaving the folder', 'app://huibian/assets/escape.js'],
    ['symlinked folder leaving the folder', 'app://huibian/linked-dir/loot.txt'],
    ['other host', 'app://evil/index.html'],
    ['other scheme', 'file:///etc/passwd'],
  ];
  for (const [name, url] of refused) {
    it(`refuses ${name}`, async () => {
      const r = await resolveAppPath(root, url);
      assert.equal(r.ok, false, `${url} must be refused, got ${JSON.stringify(r)}`);
    });
  }

  it('refuses the secret named by its encoded absolute path', async () => {
    const r = await resolveAppPath(root, `app://huibian/${encodeURIComponent(path.join(base, 'secret.txt'))}`);
    assert.equal(r.ok, false);
  });

  it('reports a missing file as 404 and a folder as not a file', async () => {
    const missing = await resolveAppPath(root, 'app://huibian/nope.js');
    assert.deepEqual(missing.ok ? null : missing.status, 404);
    const folder = await resolveAppPath(root, 'app://huibian/assets');
    assert.deepEqual(folder.ok ? null : folder.status, 404);
  });
});

describe('handleAppRequest', () => {
  it('serves the file with its type and the strict CSP', async () => {
    const res = await handleAppRequest(root, new Request('app://huibian/assets/main-abc.js'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(await res.text(), await readFile(path.join(root, 'assets', 'main-abc.js'), 'utf8'));
    const csp = parseCsp(res.headers.get('content-security-policy') ?? '');
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });

  it('never returns the secret for any refused URL, and still sends the CSP', async () => {
    for (const url of ['app://huibian/../secret.txt', 'app://huibian/%2e%2e/secret.txt', 'app://huibian/assets/escape.js', 'app://huibian/linked-dir/loot.txt']) {
      const res = await handleAppRequest(root, new Request(url));
      assert.ok(res.status >= 400, `${url} answered ${res.status}`);
      assert.ok(!(await res.text()).includes(SECRET), `${url} leaked the secret`);
      assert.ok(res.headers.get('content-security-policy'));
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handleAppRequest(root, new Request('app://huibian/index.html', { method: 'HEAD' }));
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const post = await handleAppRequest(root, new Request('app://huibian/index.html', { method: 'POST', body: 'x' }));
    assert.equal(post.status, 405);
  });
});
