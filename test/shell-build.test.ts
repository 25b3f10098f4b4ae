// What the build and the packaging produce, read back: the preload is one sandbox-loadable
// CommonJS file that only requires 'electron' and exposes exactly the bridge; the main
// bundle only loads Electron, Node built-ins and shipped dependencies; the packaging config
// (as electron-builder itself loads and validates it) sets the fuses and unpacks SQLite;
// the core never imports Electron. Run after `npm run build` (npm test builds first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { ESLint } from 'eslint';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'out');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function builtOrExplain(file: string): string {
  assert.ok(existsSync(file), `${path.relative(ROOT, file)} is missing: run \`npm run build\` first (npm test does)`);
  return readFileSync(file, 'utf8');
}

function walk(dir: string, filter: (f: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(full, filter));
    else if (filter(full)) found.push(full);
  }
  return found;
}

/** Every module a JS/TS source loads: static imports and re-exports, side-effect imports, import(), require(). */
function moduleSpecifiers(code: string): string[] {
  const patterns = [
    /\bfrom\s*(['"])([^'"\n]+)\1/g,
    /^\s*import\s*(['"])([^'"\n]+)\1/gm,
    /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
    /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  ];
  // Prose in a kept comment can read 'from "…"' (the importer documents a player's '开始对话视窗'):
  // only relative paths, node: ids and npm package names are module specifiers.
  const specifier = /^(\.{1,2}\/|node:|(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/|$))/u;
  return patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[2]!)).filter((s) => specifier.test(s));
}

describe('built preload', () => {
  it('is a single CommonJS file whose only require is electron', () => {
    const code = builtOrExplain(path.join(OUT, 'preload', 'index.cjs'));
    assert.deepEqual(readdirSync(path.join(OUT, 'preload')), ['index.cjs'], 'no split chunks');
    const requires = [...code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]);
    assert.deepEqual([...new Set(requires)], ['electron']);
    assert.ok(!/\bimport\s*\(/.test(code), 'no dynamic import');
    assert.ok(!/^\s*import\s/m.test(code) && !/^\s*export\s/m.test(code), 'no ESM syntax');
  });

  it('loads in a sandbox-like context with only electron and exposes exactly the bridge', async () => {
    const code = builtOrExplain(path.join(OUT, 'preload', 'index.cjs'));
    const exposed: Record<string, unknown> = {};
    const invoked: Array<[string, unknown[]]> = [];
    const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
    const granted: string[] = [];
    const sent: Array<[string, unknown[]]> = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          invoked.push([channel, args]);
          if (channel === 'huibian:grant-dropped') {
            await new Promise((r) => setTimeout(r, 20));
            granted.push(String(args[0]));
            return true;
          }
          if (channel !== 'huibian:api') return null;
          if (args[0] === 'app.info') return { ok: true, result: { version: '0.1.0', grantedBefore: [...granted] } };
          return { ok: false, error: { code: 'not-found', message: `unknown API method "${String(args[0])}"` } };
        },
        on: (ch: string, fn: (...a: unknown[]) => void) => (listeners.get(ch) ?? listeners.set(ch, new Set()).get(ch)!).add(fn),
        removeListener: (ch: string, fn: (...a: unknown[]) => void) => listeners.get(ch)?.delete(fn),
        send: (channel: string, ...args: unknown[]) => sent.push([channel, args]),
      },
      webUtils: { getPathForFile: (f: { path?: string }) => f.path ?? '' },
    };
    const required: string[] = [];
    const sandbox = {
      require: (id: string) => {
        required.push(id);
        if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
        return electron;
      },
      module: { exports: {} },
      exports: {},
      process: { platform: 'linux' },
      console,
      setTimeout,
      Promise,
    };
    vm.runInNewContext(code, sandbox, { filename: 'index.cjs' });
    assert.deepEqual(required, ['electron']);
    assert.deepEqual(Object.keys(exposed), ['huibian']);
    const bridge = exposed.huibian as Record<string, any>;
    assert.deepEqual(Object.keys(bridge).sort(), ['call', 'dialogs', 'onBeforeClose', 'onMenu', 'pathForFile', 'platform', 'showInFolder']);
    assert.deepEqual(Object.keys(bridge.dialogs).sort(), ['openDrafts', 'recentExports', 'saveExport']);
    assert.equal(bridge.platform, 'linux');
    assert.ok(!('ipcRenderer' in bridge) && !('send' in bridge) && !('invoke' in bridge), 'no generic IPC door');

    // A dropped file's grant reaches the main process before the call that uses it.
    assert.equal(bridge.pathForFile({ path: '/home/u/草稿.docx' }), '/home/u/草稿.docx');
    assert.equal(bridge.pathForFile({}), '');
    const info = await bridge.call('app.info', {});
    assert.deepEqual(info.grantedBefore, ['/home/u/草稿.docx']);

    // Errors keep their code on the way to the page.
    await assert.rejects(bridge.call('nope', {}), (e: { code: string; message: string; name: string }) => {
      assert.equal(e.code, 'not-found');
      assert.equal(e.name, 'ApiError');
      assert.match(e.message, /unknown API method "nope"/);
      assert.match(String(e), /ApiError \[not-found\]/);
      return true;
    });

    const commands: string[] = [];
    const off = bridge.onMenu((c: string) => commands.push(c));
    for (const fn of listeners.get('huibian:menu') ?? []) fn({}, 'import');
    off();
    for (const fn of listeners.get('huibian:menu') ?? []) fn({}, 'export');
    assert.deepEqual(commands, ['import']);
    await bridge.dialogs.saveExport('汇编', 'pdf');
    assert.deepEqual(invoked.at(-1), ['huibian:dialog-save-export', ['汇编', 'pdf']]);
    await bridge.dialogs.recentExports();
    assert.deepEqual(invoked.at(-1), ['huibian:recent-exports', []]);

    // Closing the window: the page's handler runs, and only then does the main process hear it is done.
    let flushed = false;
    let release: () => void = () => undefined;
    bridge.onBeforeClose(() => new Promise<void>((r) => (release = () => ((flushed = true), r()))));
    for (const fn of listeners.get('huibian:flush-request') ?? []) fn({});
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(sent, [], 'not before the page has saved');
    release();
    await new Promise((r) => setTimeout(r, 10));
    assert.ok(flushed);
    assert.deepEqual(sent, [['huibian:flushed', []]]);
  });
});

describe('built main', () => {
  it('loads only Electron, Node built-ins, its own chunks and shipped dependencies', () => {
    builtOrExplain(path.join(OUT, 'main', 'index.js'));
    const files = walk(path.join(OUT, 'main'), (f) => f.endsWith('.js'));
    const builtins = new Set(builtinModules);
    const problems: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const specifiers = moduleSpecifiers(code);
      for (const spec of specifiers) {
        if (spec.startsWith('.') || spec === 'electron' || spec.startsWith('node:') || builtins.has(spec)) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!(name in pkg.dependencies)) problems.push(`${path.relative(OUT, file)} loads ${spec}, which is not in "dependencies" (the packaged app would not have it)`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every file it locates beside itself (new URL(…, import.meta.url): workers, assets) exists in the build', () => {
    builtOrExplain(path.join(OUT, 'main', 'index.js'));
    const missing: string[] = [];
    let references = 0;
    for (const file of walk(path.join(OUT, 'main'), (f) => f.endsWith('.js'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/new URL\(\s*(['"`])(\.{1,2}\/[^'"`]+)\1\s*,\s*import\.meta\.url\s*\)/g)) {
        references += 1;
        const target = path.resolve(path.dirname(file), m[2]!);
        // A .ts sibling is what the tsx (unbundled) run loads; the bundle takes the .js branch.
        if (!target.endsWith('.ts') && !existsSync(target)) missing.push(`${path.relative(OUT, file)} -> ${m[2]}`);
      }
    }
    assert.deepEqual(missing, [], `${references} references checked`);
    if (existsSync(path.join(ROOT, 'electron', 'core', 'export', 'pdf', 'worker-thread.ts'))) {
      assert.ok(existsSync(path.join(OUT, 'main', 'chunks', 'worker-thread.js')), 'the PDF worker is built beside the chunks');
    }
  });

  it('creates its window with the security settings on', () => {
    const code = builtOrExplain(path.join(OUT, 'main', 'index.js'));
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'webviewTag: false', 'allowRunningInsecureContent: false']) {
      assert.ok(code.includes(setting), setting);
    }
    assert.ok(!/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/.test(code));
    assert.ok(code.includes('setPermissionRequestHandler') && code.includes('setWindowOpenHandler') && code.includes('will-navigate'));
    assert.ok(!/\.loadFile\(|\.loadURL\(\s*['"`]file:/.test(code), 'the UI is never loaded from file://');
    assert.ok(code.includes('app://huibian') || code.includes('"huibian"'), 'the UI comes from app://huibian');
  });
});

describe('packaging config (as electron-builder loads it)', () => {
  const builderRequire = createRequire(path.join(ROOT, 'node_modules', 'electron-builder', 'package.json'));
  const config = builderRequire('app-builder-lib/out/util/config/config.js') as {
    getConfig(dir: string, configPath: string | null, fromOptions: unknown): Promise<Record<string, any>>;
    validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
  };
  const quiet = { isEnabled: false, add() {} };

  it('sets the fuses, unpacks better-sqlite3 and ships the Electron build of it', async () => {
    const c = await config.getConfig(ROOT, null, null);
    await config.validateConfiguration(c, quiet);
    assert.deepEqual(
      {
        runAsNode: c.electronFuses?.runAsNode,
        enableNodeOptionsEnvironmentVariable: c.electronFuses?.enableNodeOptionsEnvironmentVariable,
        enableNodeCliInspectArguments: c.electronFuses?.enableNodeCliInspectArguments,
        enableEmbeddedAsarIntegrityValidation: c.electronFuses?.enableEmbeddedAsarIntegrityValidation,
        onlyLoadAppFromAsar: c.electronFuses?.onlyLoadAppFromAsar,
        enableCookieEncryption: c.electronFuses?.enableCookieEncryption,
      },
      {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
        enableCookieEncryption: true,
      },
    );
    assert.equal(c.asar, true);
    assert.ok((c.asarUnpack as string[]).some((p) => p.startsWith('node_modules/better-sqlite3')), JSON.stringify(c.asarUnpack));
    assert.equal(c.npmRebuild, false, 'node_modules keeps its Node build');
    assert.ok(JSON.stringify(c.extraResources).includes('.electron-native/better_sqlite3.node'));
    assert.ok(JSON.stringify(c.files).includes('"templates/**/*"'), 'templates ship with the app');
    for (const dep of ['better-sqlite3']) {
      assert.ok(dep in pkg.dependencies, `${dep} must be a dependency to be packaged`);
    }
  });

  it('the validator used above does reject a broken config', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-builder-'));
    try {
      await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }));
      await writeFile(path.join(dir, 'electron-builder.yml'), 'electronFuses:\n  runAsNod: false\n');
      const c = await config.getConfig(dir, null, null);
      await assert.rejects(config.validateConfiguration(c, quiet));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('layering', () => {
  it('no file under electron/core imports electron', () => {
    const files = walk(path.join(ROOT, 'electron', 'core'), (f) => /\.(m|c)?[jt]sx?$/.test(f));
    assert.ok(files.length > 10, 'the core was found');
    const offenders = files.filter((f) => moduleSpecifiers(readFileSync(f, 'utf8')).some((s) => s === 'electron' || s.startsWith('electron/')));
    assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
  });

  it('the lint rule refuses electron in the core and passes the shell', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [probe] = await eslint.lintText("import { app } from 'electron';\nexport const name = app.getName();\n", {
      filePath: path.join(ROOT, 'electron', 'core', 'store', '__probe.ts'),
    });
    assert.ok(probe?.messages.some((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2), JSON.stringify(probe?.messages));
    const shell = await eslint.lintFiles(['electron/main', 'electron/preload']);
    const errors = shell.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.ruleId} ${m.message}`));
    assert.deepEqual(errors, []);
  });
});
