/**
 * The loopback server as a browser (or an attacker on the same machine) sees it: token,
 * methods, Host check, static files confined to the renderer folder, CSP, token meta tag,
 * exported files, body limit, and API errors with HTTP statuses.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, CSP, type RunningServer } from '../electron/core/server/index.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw request (no URL normalisation by a client library), so traversal attempts reach the server as written. */
function request(server: RunningServer, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

function api(server: RunningServer, method: string, input: unknown, token = server.token): Promise<Reply> {
  return request(server, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-huibian-token': token },
    body: JSON.stringify(input),
  });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-server-'));
const staticDir = path.join(tmp, 'renderer');
const dataDir = path.join(tmp, 'data');
let server: RunningServer;

before(async () => {
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><meta charset="UTF-8"><title>汇编</title></head><body><div id="root"></div></body></html>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(path.join(tmp, 'secret.txt'), 'TOP SECRET');
  symlinkSync(path.join(tmp, 'secret.txt'), path.join(staticDir, 'assets', 'link.txt'));
  mkdirSync(path.join(dataDir, 'exports'), { recursive: true });
  writeFileSync(path.join(dataDir, 'exports', '汇编.pdf'), '%PDF-1.7 test');
  writeFileSync(path.join(dataDir, 'huibian-notes.txt'), 'not an export');
  server = await startServer({ dataDir, port: 0, host: '127.0.0.1', staticDir, maxBodyBytes: 64 * 1024 });
});
after(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('API transport', () => {
  test('listens on 127.0.0.1 with a random port and a long random token', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(server.port > 0);
    assert.ok(server.token.length >= 32);
  });

  test('a call with the token returns {result}', async () => {
    const reply = await api(server, 'categories.list', {});
    assert.equal(reply.status, 200);
    assert.ok(JSON.parse(reply.body).result.includes('社会救助'));
    const created = JSON.parse((await api(server, 'collections.create', { title: '2021年汇编', year: 2021 })).body).result;
    const listed = JSON.parse((await api(server, 'collections.list', {})).body).result;
    assert.deepEqual(listed.map((c: { id: string }) => c.id), [created.id]);
  });

  test('a missing or wrong token is refused with 403 and nothing runs', async () => {
    const wrong = await api(server, 'collections.create', { title: '不该出现' }, 'x'.repeat(server.token.length));
    assert.equal(wrong.status, 403);
    assert.equal(JSON.parse(wrong.body).error.code, 'forbidden');
    const none = await request(server, { method: 'POST', path: '/api/collections.list', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(none.status, 403);
    const listed = JSON.parse((await api(server, 'collections.list', {})).body).result;
    assert.ok(!listed.some((c: { title: string }) => c.title === '不该出现'));
  });

  test('the API answers POST only', async () => {
    const reply = await request(server, { method: 'GET', path: '/api/collections.list', headers: { 'x-huibian-token': server.token } });
    assert.equal(reply.status, 405);
    assert.equal(reply.headers.allow, 'POST');
  });

  test('a foreign Host header (DNS rebinding) is refused', async () => {
    const reply = await request(server, { method: 'POST', path: '/api/collections.list', headers: { host: `evil.example:${server.port}`, 'x-huibian-token': server.token }, body: '{}' });
    assert.equal(reply.status, 403);
    const page = await request(server, { path: '/', headers: { host: 'evil.example' } });
    assert.equal(page.status, 403);
    assert.ok(!page.body.includes(server.token));
    const localhost = await request(server, { path: '/', headers: { host: `localhost:${server.port}` } });
    assert.equal(localhost.status, 200);
  });

  test('a cross-origin request is refused even with the token', async () => {
    const reply = await request(server, { method: 'POST', path: '/api/collections.list', headers: { origin: 'http://evil.example', 'x-huibian-token': server.token, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(reply.status, 403);
  });

  test('errors keep their code and map to HTTP statuses', async () => {
    const invalid = await api(server, 'collections.create', { title: '' });
    assert.equal(invalid.status, 400);
    assert.equal(JSON.parse(invalid.body).error.code, 'invalid-input');
    const missing = await api(server, 'collections.get', { id: 'no-such-id' });
    assert.equal(missing.status, 404);
    assert.equal(JSON.parse(missing.body).error.code, 'not-found');
    const unknown = await api(server, 'system.exec', {});
    assert.equal(unknown.status, 404);
    const notJson = await request(server, { method: 'POST', path: '/api/collections.list', headers: { 'content-type': 'application/json', 'x-huibian-token': server.token }, body: '{oops' });
    assert.equal(notJson.status, 400);
    const form = await request(server, { method: 'POST', path: '/api/collections.list', headers: { 'content-type': 'text/plain', 'x-huibian-token': server.token }, body: '{}' });
    assert.equal(form.status, 415);
  });

  test('file paths are refused over HTTP: uploads send bytes, exports go to the exports folder', async () => {
    const read = await api(server, 'import.preview', { files: [{ name: 'passwd', path: '/etc/passwd' }] });
    assert.equal(read.status, 403);
    assert.equal(JSON.parse(read.body).error.code, 'forbidden');
    const write = await api(server, 'export.run', { template: 'anthology', format: 'pdf', collectionId: 'x', outPath: path.join(tmp, 'evil.pdf') });
    assert.equal(write.status, 403);
    const upload = await api(server, 'import.preview', { files: [{ name: 'empty.txt', data: '' }] });
    assert.notEqual(upload.status, 403, 'bytes are the way in');
  });

  test('bodies over the limit are refused', async () => {
    const reply = await api(server, 'search.query', { q: 'x'.repeat(100 * 1024) });
    assert.equal(reply.status, 413);
  });
});

describe('static renderer', () => {
  test('index.html carries the token as a meta tag, with the CSP header and no inline script', async () => {
    const reply = await request(server, { path: '/' });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-security-policy'], CSP);
    assert.match(reply.headers['content-security-policy'] as string, /script-src 'self';/);
    assert.match(reply.headers['content-security-policy'] as string, /frame-ancestors 'none'/);
    assert.ok(reply.body.includes(`<meta name="huibian-token" content="${server.token}">`));
    assert.ok(!/<script(?![^>]*\bsrc=)/i.test(reply.body));
  });

  test('assets are served with their type and the CSP', async () => {
    const reply = await request(server, { path: '/assets/app.js' });
    assert.equal(reply.status, 200);
    assert.match(reply.headers['content-type'] as string, /javascript/);
    assert.equal(reply.headers['content-security-policy'], CSP);
    assert.equal((await request(server, { path: '/assets/missing.js' })).status, 404);
  });

  test('path traversal is refused in every spelling, and symlinks out of the folder too', async () => {
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%00', '/assets/link.txt']) {
      const reply = await request(server, { path: p });
      assert.ok(!reply.body.includes('TOP SECRET'), `${p} leaked the file`);
      assert.ok(reply.status === 403 || reply.status === 404 || (reply.status === 200 && reply.body.includes('huibian-token')), `${p}: ${reply.status}`);
    }
    const raw = await request(server, { path: '/../secret.txt' });
    assert.notEqual(raw.status, 200);
  });
});

describe('exported files', () => {
  test('served from the exports folder with the token only', async () => {
    const name = encodeURIComponent('汇编.pdf');
    const ok = await request(server, { path: `/files/${name}?token=${server.token}` });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['content-type'], 'application/pdf');
    assert.equal(ok.body, '%PDF-1.7 test');
    assert.equal((await request(server, { path: `/files/${name}` })).status, 403);
    assert.equal((await request(server, { path: `/files/${name}?token=wrong` })).status, 403);
    const outside = await request(server, { path: `/files/..%2fhuibian-notes.txt?token=${server.token}` });
    assert.notEqual(outside.status, 200);
    assert.ok(!outside.body.includes('not an export'));
    assert.equal((await request(server, { path: `/files/huibian.db?token=${server.token}` })).status, 404);
  });
});

describe('npm run serve', () => {
  test('starts the server, prints url, token and page, and answers with that token', async (t) => {
    const { spawn } = await import('node:child_process');
    const data = path.join(tmp, 'serve-data');
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../electron/core/server/cli.ts'), '--data-dir', data, '--static', staticDir], {
      cwd: path.resolve(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    t.after(() => child.kill('SIGTERM'));
    const lines = await new Promise<Record<string, string>>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no output: ${out}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/^open /m.test(out)) {
          clearTimeout(timer);
          resolve(Object.fromEntries(out.trim().split('\n').map((l) => [l.split(' ')[0]!, l.slice(l.indexOf(' ') + 1)])));
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    assert.match(lines.url!, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(lines.open, `${lines.url}/`);
    assert.equal(lines.data, data);
    const reply = await fetch(`${lines.url}/api/app.info`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-huibian-token': lines.token! }, body: '{}' });
    assert.equal(reply.status, 200);
    const info = (await reply.json()) as { result: { transport: string; dataDir: string } };
    assert.equal(info.result.transport, 'http');
    assert.equal(info.result.dataDir, data);
  });
});
