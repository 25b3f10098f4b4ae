#!/usr/bin/env node
/* global process, console */
// `npm start`: builds what the desktop app needs and opens it.
//
//   1. Electron's binary must be installed (it downloads during `npm install` unless
//      ELECTRON_SKIP_BINARY_DOWNLOAD is set); without it, say so and point at the headless
//      `npx huibian demo`.
//   2. better-sqlite3 for Electron's ABI, built once into .electron-native/ from a copy of
//      the package, so that node_modules keeps the Node build the tests and the CLI load.
//   3. electron-vite build, then Electron with HUIBIAN_SQLITE_BINDING=<that build>.
//
// `node scripts/start.mjs --prepare` does 1–3 without launching (before electron-builder).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NATIVE_DIR = path.join(ROOT, '.electron-native');
export const BINDING = path.join(NATIVE_DIR, 'better_sqlite3.node');
export const SQLITE_BINDING_ENV = 'HUIBIAN_SQLITE_BINDING';

const require = createRequire(path.join(ROOT, 'package.json'));

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The Electron executable, or why there is none. */
export function findElectron(env = process.env) {
  let executable;
  try {
    executable = env.ELECTRON_OVERRIDE_DIST_PATH ? null : require('electron');
  } catch (error) {
    return { ok: false, reason: String(error?.message ?? error).split('\n')[0] };
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    executable = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron');
  }
  if (typeof executable !== 'string' || !existsSync(executable)) return { ok: false, reason: `no Electron executable at ${executable}` };
  return { ok: true, executable, version: readJson(path.join(ROOT, 'node_modules', 'electron', 'package.json')).version };
}

export function missingElectronMessage(reason) {
  return [
    'Huibian: the Electron binary is not installed, so the desktop app cannot open.',
    `  (${reason})`,
    '  It downloads during `npm install` unless ELECTRON_SKIP_BINARY_DOWNLOAD is set.',
    '  On a machine with internet:  rm -rf node_modules/electron && npm install && npm start',
    '  Without Electron, the same core runs headless:  npx huibian demo',
  ].join('\n');
}

/** What the Electron build of better-sqlite3 was made for; a different stamp means rebuild. */
export function nativeStamp(electronVersion) {
  const sqlite = readJson(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json')).version;
  return { electron: electronVersion, betterSqlite3: sqlite, platform: process.platform, arch: process.arch };
}

export function nativeBuildIsCurrent(electronVersion) {
  const stampFile = path.join(NATIVE_DIR, 'stamp.json');
  if (!existsSync(BINDING) || !existsSync(stampFile)) return false;
  try {
    return JSON.stringify(readJson(stampFile)) === JSON.stringify(nativeStamp(electronVersion));
  } catch {
    return false;
  }
}

/**
 * Builds better-sqlite3 for Electron in .electron-native/build (a copy of the package without
 * its Node build) and keeps only the addon. The build folder sits inside the project so that
 * @electron/rebuild finds prebuild-install and node-gyp in node_modules for the download or
 * the compile; projectRootPath pins its module search to the copy, never node_modules.
 */
export async function buildElectronSqlite(electronVersion, { nativeDir = NATIVE_DIR, log = console.log } = {}) {
  const buildDir = path.join(nativeDir, 'build');
  const moduleDir = path.join(buildDir, 'node_modules', 'better-sqlite3');
  const source = path.join(ROOT, 'node_modules', 'better-sqlite3');
  const binding = path.join(nativeDir, path.basename(BINDING));
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(path.dirname(moduleDir), { recursive: true });
  const savedEnv = {};
  try {
    cpSync(source, moduleDir, { recursive: true, filter: (src) => path.relative(source, src).split(path.sep)[0] !== 'build' });
    const sqliteVersion = readJson(path.join(source, 'package.json')).version;
    writeFileSync(
      path.join(buildDir, 'package.json'),
      JSON.stringify({ name: 'huibian-electron-native', private: true, version: '0.0.0', dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2),
    );
    log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once; node_modules keeps its Node build)…`);
    const { rebuild } = await import('@electron/rebuild');
    // npm passes its config to scripts as npm_config_* variables; a `nodedir` there (machines
    // that build addons offline against Node's own headers) would make node-gyp compile for
    // Node instead of Electron, and the addon would crash Electron on load.
    for (const key of Object.keys(process.env)) {
      if (key.toLowerCase() === 'npm_config_nodedir') {
        savedEnv[key] = process.env[key];
        delete process.env[key];
      }
    }
    await rebuild({
      buildPath: buildDir,
      projectRootPath: buildDir,
      electronVersion,
      onlyModules: ['better-sqlite3'],
      force: true,
      mode: 'sequential',
    });
    const built = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error(`the rebuild finished but ${built} is missing`);
    const temp = `${binding}.part`;
    copyFileSync(built, temp);
    renameSync(temp, binding);
    writeFileSync(path.join(nativeDir, 'stamp.json'), JSON.stringify(nativeStamp(electronVersion), null, 2));
    return binding;
  } catch (error) {
    throw new Error(
      `could not build better-sqlite3 for Electron ${electronVersion}: ${error?.message ?? error}\n` +
        '  It needs Electron\'s headers or a prebuilt binary from the internet, and a C++ toolchain (build-essential, Xcode or Visual Studio Build Tools) when no prebuilt binary fits.',
    );
  } finally {
    Object.assign(process.env, savedEnv);
    rmSync(buildDir, { recursive: true, force: true });
  }
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

export async function buildApp() {
  const cli = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const code = await run(process.execPath, [cli, 'build']);
  if (code !== 0) throw new Error(`electron-vite build failed (exit ${code})`);
}

function launch(executable, binding, extraArgs) {
  const env = { ...process.env, [SQLITE_BINDING_ENV]: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [ROOT, ...extraArgs], { stdio: 'inherit', cwd: ROOT, env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 0))));
}

const HELP = `Usage: npm start [-- options]

Builds and opens the Huibian desktop app.
  --prepare     build only (better-sqlite3 for Electron + electron-vite build); do not launch
  --no-build    launch without running electron-vite build first
  --help        this text
Other arguments are passed to Electron.`;

export async function main(argv) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const electron = findElectron();
  if (!electron.ok) {
    console.error(missingElectronMessage(electron.reason));
    return 1;
  }
  const binding = nativeBuildIsCurrent(electron.version) ? BINDING : await buildElectronSqlite(electron.version);
  if (!argv.includes('--no-build')) await buildApp();
  if (argv.includes('--prepare')) {
    console.log(`Ready to package: out/ and ${path.relative(ROOT, binding)}`);
    return 0;
  }
  return launch(electron.executable, binding, argv.filter((a) => !['--no-build', '--prepare'].includes(a)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`Huibian could not start: ${error?.message ?? error}`);
      process.exit(1);
    },
  );
}
