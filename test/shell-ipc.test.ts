// The main process's IPC handlers over the real API (createApi on a temp library): who may
// call, and which file paths count. Native dialogs are the only stand-in (DialogPort).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile, truncate, copyFile, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApi } from '../electron/core/api/index.js';
import { checkExportTarget, checkImportPath, exportFileName, PathGrants, MAX_IMPORT_BYTES, withExtension } from '../electron/main/file-checks.js';
import { createApiHandler, createDialogHandlers, type DialogPort } from '../electron/main/ipc-api.js';
import { CORPUS_DIR } from './fixtures/corpus.js';

const CORPUS = CORPUS_DIR;
const APP = { senderFrame: { url: 'app://huibian/index.html', parent: null } };
const EVIL = { senderFrame: { url: 'https://evil.example/', parent: null } };

let dir: string;
let draft: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-ipc-'));
  draft = path.join(dir, 'drafts', 'qufu-2020-notice.txt');
  await mkdir(path.dirname(draft), { recursive: true });
  await copyFile(path.join(CORPUS, 'qufu-2020-notice.txt'), draft);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('import path checks', () => {
  it('accepts an absolute path to a real draft', async () => {
    const check = await checkImportPath(draft);
    assert.ok(check.ok, JSON.stringify(check));
    assert.ok((check.size ?? 0) > 1000);
  });

  it('refuses relative paths, folders, missing files, wrong types, NUL and oversized files', async () => {
    const big = path.join(dir, 'huge.txt');
    await writeFile(big, '');
    await truncate(big, MAX_IMPORT_BYTES + 1); // sparse: costs no disk
    const exe = path.join(dir, 'tool.exe');
    await writeFile(exe, 'MZ');
    const folderNamedTxt = path.join(dir, 'folder.txt');
    await mkdir(folderNamedTxt);
    const cases: Array<[unknown, RegExp]> = [
      ['drafts/qufu-2020-notice.txt', /absolute/],
      ['./qufu.txt', /absolute/],
      [path.join(dir, 'nope.txt'), /not found/],
      [folderNamedTxt, /not a regular file/],
      [exe, /unsupported file type/],
      [path.join(dir, 'noext'), /unsupported file type/],
      [`${draft}\0.txt`, /NUL/],
      [big, /larger than/],
      ['', /no path/],
      [42, /no path/],
    ];
    for (const [input, reason] of cases) {
      const check = await checkImportPath(input);
      assert.equal(check.ok, false, String(input));
      assert.match((check as { reason: string }).reason, reason, String(input));
    }
  });

  it('judges a symlink by the file it reaches', async () => {
    const link = path.join(dir, 'link.txt');
    await symlink(path.join(dir, 'drafts'), link);
    assert.equal((await checkImportPath(link)).ok, false, 'a link to a folder is not a draft');
  });
});

describe('export targets and names', () => {
  it('needs the right extension in an existing folder', async () => {
    assert.ok((await checkExportTarget(path.join(dir, '汇编.pdf'), 'pdf')).ok);
    assert.equal((await checkExportTarget(path.join(dir, '汇编.docx'), 'pdf')).ok, false);
    assert.equal((await checkExportTarget(path.join(dir, 'missing-folder', 'a.pdf'), 'pdf')).ok, false);
    assert.equal((await checkExportTarget('a.pdf', 'pdf')).ok, false);
    assert.equal((await checkExportTarget(path.join(dir, 'drafts'), 'pdf')).ok, false);
  });

  it('builds safe default file names', () => {
    assert.equal(exportFileName('2020年度济宁市民政工作创新案例', 'pdf'), '2020年度济宁市民政工作创新案例.pdf');
    assert.equal(exportFileName('../../etc/passwd', 'docx'), 'passwd.docx');
    assert.equal(exportFileName('C:\\Windows\\a:b?.pdf', 'pdf'), 'a_b_.pdf');
    assert.equal(exportFileName('', 'pdf'), '汇编.pdf');
    assert.equal(exportFileName('...', 'pdf'), '汇编.pdf');
    assert.equal(withExtension('/x/book', 'pdf'), '/x/book.pdf');
    assert.equal(withExtension('/x/book.PDF', 'pdf'), '/x/book.PDF');
  });
});

describe('PathGrants', () => {
  it('holds only absolute paths it was given, normalised, and forgets the oldest past its limit', () => {
    const grants = new PathGrants(2);
    grants.grant('/a/b/../c.txt');
    assert.ok(grants.has('/a/c.txt'));
    assert.equal(grants.has('c.txt'), false);
    assert.equal(grants.has(undefined), false);
    grants.grant('/x.txt');
    grants.grant('/y.txt');
    assert.equal(grants.has('/a/c.txt'), false);
    assert.equal(grants.size, 2);
  });
});

describe('API over IPC (real createApi)', () => {
  it('answers app.info for the app page and refuses every other sender without calling the API', async () => {
    const api = createApi({ dataDir: path.join(dir, 'lib1'), transport: 'ipc' });
    let calls = 0;
    const handler = createApiHandler({
      dispatch: (m, i) => {
        calls += 1;
        return api.dispatch(m, i);
      },
      grants: new PathGrants(),
    });
    try {
      const ok = await handler(APP, 'app.info', {});
      assert.ok(ok.ok);
      assert.equal((ok.result as { transport: string }).transport, 'ipc');
      assert.equal(calls, 1);
      for (const event of [EVIL, { senderFrame: null }, { senderFrame: { url: 'app://huibian/index.html', parent: {} } }]) {
        const refused = await handler(event, 'app.info', {});
        assert.deepEqual(refused.ok ? null : refused.error.code, 'forbidden');
      }
      assert.equal(calls, 1, 'refused calls never reach the API');
    } finally {
      api.close();
    }
  });

  it('passes the dispatcher’s error codes through (schema validation, unknown method)', async () => {
    const api = createApi({ dataDir: path.join(dir, 'lib2'), transport: 'ipc' });
    const handler = createApiHandler({ dispatch: api.dispatch, grants: new PathGrants() });
    try {
      const bad = await handler(APP, 'collections.create', { title: '', extra: 1 });
      assert.deepEqual(bad.ok ? null : bad.error.code, 'invalid-input');
      const unknown = await handler(APP, 'fs.readFile', { path: '/etc/passwd' });
      assert.deepEqual(unknown.ok ? null : unknown.error.code, 'not-found');
      const notString = await handler(APP, { toString: () => 'app.info' }, {});
      assert.deepEqual(notString.ok ? null : notString.error.code, 'invalid-input');
    } finally {
      api.close();
    }
  });

  it('imports a path only when the user chose or dropped it, and only a real draft', async () => {
    const api = createApi({ dataDir: path.join(dir, 'lib3'), transport: 'ipc' });
    const grants = new PathGrants();
    const handler = createApiHandler({ dispatch: api.dispatch, grants });
    const port: DialogPort = {
      showOpen: async () => [draft],
      showSave: async () => null,
      showItemInFolder: () => undefined,
      defaultSaveDir: () => dir,
    };
    const dialogs = createDialogHandlers({ grants, dialogs: port });
    try {
      const files = [{ name: 'qufu-2020-notice.txt', path: draft }];
      const before = await handler(APP, 'import.preview', { files });
      assert.equal(before.ok, false);
      assert.match((before as { error: { message: string } }).error.message, /not chosen in the open dialog or dropped/);

      assert.deepEqual(await dialogs.openDrafts(EVIL), [], 'a foreign page gets no dialog');
      assert.deepEqual(await dialogs.openDrafts(APP), [draft]);
      const after = await handler(APP, 'import.preview', { files });
      assert.ok(after.ok, JSON.stringify(after));
      const preview = after.result as { files: Array<{ kind: string }>; errors: unknown[] };
      assert.equal(preview.files[0]?.kind, 'notice');

      // A dropped file is granted by the preload; the page cannot grant a path of its own.
      assert.equal(await dialogs.grantDropped(EVIL, '/etc/passwd'), false);
      assert.equal(await dialogs.grantDropped(APP, 'relative.txt'), false);
      const passwd = await handler(APP, 'import.preview', { files: [{ name: 'passwd', path: '/etc/passwd' }] });
      assert.deepEqual(passwd.ok ? null : passwd.error.code, 'forbidden');
      assert.equal(await dialogs.grantDropped(APP, '/etc/passwd'), true);
      const dropped = await handler(APP, 'import.preview', { files: [{ name: 'passwd', path: '/etc/passwd' }] });
      assert.match(dropped.ok ? '' : dropped.error.message, /unsupported file type/, 'granted but still not a draft');
    } finally {
      api.close();
    }
  });

  it('writes an export only to a path from the save dialog, then may show it in its folder', async () => {
    const grants = new PathGrants();
    const shown: string[] = [];
    const target = path.join(dir, '汇编');
    const dialogs = createDialogHandlers({
      grants,
      dialogs: { showOpen: async () => [], showSave: async () => target, showItemInFolder: (f) => shown.push(f), defaultSaveDir: () => dir },
    });
    let dispatched: unknown = null;
    // The writers are other helpers' work; the path rules are what is under test here.
    const handler = createApiHandler({
      dispatch: async (method, input) => {
        dispatched = input;
        return { path: (input as { outPath: string }).outPath, bytes: 1, ms: 1 };
      },
      grants,
    });
    const outside = await handler(APP, 'export.run', { template: 'anthology', format: 'pdf', outPath: '/etc/cron.d/x.pdf' });
    assert.deepEqual(outside.ok ? null : outside.error.code, 'forbidden');
    assert.equal(dispatched, null);

    const chosen = await dialogs.saveExport(APP, '../../汇编', 'pdf');
    assert.equal(chosen, `${target}.pdf`, 'the extension is enforced');
    assert.equal(await dialogs.saveExport(APP, 'x', 'exe'), null);
    const wrongFormat = await handler(APP, 'export.run', { template: 'anthology', format: 'docx', outPath: chosen });
    assert.deepEqual(wrongFormat.ok ? null : wrongFormat.error.code, 'forbidden');
    const ok = await handler(APP, 'export.run', { template: 'anthology', format: 'pdf', outPath: chosen });
    assert.ok(ok.ok);

    await dialogs.showInFolder(APP, '/etc/passwd');
    await dialogs.showInFolder(EVIL, chosen);
    await dialogs.showInFolder(APP, chosen);
    assert.deepEqual(shown, [chosen]);
  });

  it('remembers files chosen in the save dialog as 最近导出, and after a restart may show them in their folder again', async () => {
    const remembered: string[] = [];
    const recent = { add: (f: string) => remembered.push(f), list: () => remembered.map((p) => ({ path: p, at: '2026-12-01T12:00:00.000Z' })) };
    const target = path.join(dir, '二〇二六年汇编');
    const before = createDialogHandlers({ grants: new PathGrants(), recent, dialogs: { showOpen: async () => [], showSave: async () => target, showItemInFolder: () => undefined, defaultSaveDir: () => dir } });
    const chosen = await before.saveExport(APP, '汇编', 'docx');
    assert.deepEqual(remembered, [chosen]);
    // A new session: nothing granted until the list is read back.
    const shown: string[] = [];
    const after = createDialogHandlers({ grants: new PathGrants(), recent, dialogs: { showOpen: async () => [], showSave: async () => null, showItemInFolder: (f) => shown.push(f), defaultSaveDir: () => dir } });
    await after.showInFolder(APP, chosen!);
    assert.deepEqual(shown, [], 'not before the list was read');
    assert.deepEqual(await after.recentExports(EVIL), [], 'other senders get nothing');
    assert.deepEqual((await after.recentExports(APP)).map((r) => r.path), [chosen]);
    await after.showInFolder(APP, chosen!);
    assert.deepEqual(shown, [chosen]);
  });
});
