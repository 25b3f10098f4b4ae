/**
 * Electron's main process: only wiring. Every decision (what may load, where the window
 * may go, who may call, which paths count, where the window opens) lives in a plain module
 * beside this one and is tested without Electron; this file connects them to Electron's
 * objects and to the core's API table.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type IpcMainEvent, type WebContents } from 'electron';
import { CHANNELS } from '../preload/channels.js';
import { APP_INDEX_URL, APP_SCHEME, handleAppRequest } from './app-protocol.js';
import { buildCsp } from './csp.js';
import { PathGrants } from './file-checks.js';
import { startApiHost } from './api-client.js';
import { createApiHandler, createDialogHandlers, type Dispatch } from './ipc-api.js';
import { buildMenuTemplate } from './menu-template.js';
import { chooseSqliteBinding, SQLITE_BINDING_ENV } from './native-binding.js';
import { decideWindowOpen, isAllowedExternalUrl, isAllowedNavigation, isAllowedRequest } from './navigation.js';
import { addRecentExport, readRecentExports, recentExportsFile } from './recent-exports.js';
import { clampWindowState, MIN_WINDOW_SIZE, readWindowState, windowStateFile, writeWindowStateSync } from './window-state.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadFile = path.join(here, '../preload/index.cjs');
const appRoot = path.join(here, '../..');
const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : undefined;
const isDev = !app.isPackaged;

// Before ready: app:// behaves like https (secure, standard origin, fetch) for the bundled UI.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
]);

// One folder for the library, the window state and Chromium's data: the same one the
// `huibian` command uses (Huibian, not the npm name), or HUIBIAN_DATA_DIR (tests).
app.setName('Huibian');
if (process.platform === 'win32') app.setAppUserModelId('cn.huibian.app'); // = appId in electron-builder.yml
// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();
app.setPath('userData', process.env.HUIBIAN_DATA_DIR ? path.resolve(process.env.HUIBIAN_DATA_DIR) : path.join(app.getPath('appData'), 'Huibian'));

let mainWindow: BrowserWindow | null = null;
let closeApi: (() => unknown) | null = null;
const grants = new PathGrants();
const logRefusal = (what: string, reason: string): void => console.warn(`[huibian] refused ${what}: ${reason}`);

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (see 'second-instance') and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    // Close the library cleanly (WAL checkpoint) before the process goes, then quit for real.
    const close = closeApi;
    if (!close) return;
    closeApi = null;
    event.preventDefault();
    void Promise.resolve()
      .then(close)
      .catch((error: unknown) => console.warn('[huibian] library not closed cleanly:', error))
      .finally(() => app.quit());
  });
  app.whenReady().then(start, (error: unknown) => fatal(error));
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('[huibian] cannot start:', error);
  dialog.showErrorBox('汇编无法启动', message);
  app.exit(1);
}

/** Navigation, redirects, new windows and <webview> are refused for every web contents. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url, devServerUrl)) return;
    event.preventDefault();
    // A plain link to an allow-listed site (a ministry page cited in a case) opens in the browser.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    else logRefusal('navigation', url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, devServerUrl)) {
      event.preventDefault();
      logRefusal('redirect', url);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    else logRefusal('window.open', url);
    return { action: decision.action };
  });
}

/** The team server from the library's settings; the request filter and the CSP allow only it. */
let teamServer: string | null = null;

/** Keeps `teamServer` current: read at start, updated whenever the settings pass through. */
function watchTeamServer(dispatch: Dispatch): Dispatch {
  dispatch('team.settings.get', {})
    .then((r) => (teamServer = (r as { server: string | null }).server))
    .catch(() => undefined);
  return async (method, input) => {
    const result = await dispatch(method, input);
    if (method === 'team.settings.set') teamServer = (result as { server: string | null }).server;
    return result;
  };
}

function secureSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, devServerUrl, teamServer);
    if (!allowed) logRefusal('request', details.url);
    callback({ cancel: !allowed });
  });
  // app:// responses carry their CSP from the protocol handler; the dev server's get one here.
  if (devServerUrl) {
    const devCsp = buildCsp({ devServerUrl });
    ses.webRequest.onHeadersReceived({ urls: [`${new URL(devServerUrl).origin}/*`] }, (details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [devCsp] } });
    });
  }
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(rendererDir, request, { teamServer }));
}

async function openApi(): Promise<Dispatch> {
  const binding = chooseSqliteBinding({
    env: process.env,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appRoot,
    exists: existsSync,
  });
  if (!binding.ok) throw new Error(binding.message);
  // The store opens better-sqlite3 with this build (Electron's ABI) instead of node_modules' Node build.
  process.env[SQLITE_BINDING_ENV] = binding.path;
  const options = { dataDir: app.getPath('userData'), nativeBinding: binding.path };
  try {
    // The API (library, importers, writers) lives in a worker thread: long imports and
    // exports never block windows, menus or other IPC.
    const host = await startApiHost(options);
    closeApi = () => host.close();
    return host.dispatch;
  } catch (error) {
    console.warn('[huibian] API worker unavailable, running the API on the main thread:', error);
    const { createApi } = await import('../core/api/index.js');
    const api = createApi({ ...options, transport: 'ipc' });
    closeApi = () => api.close();
    return (method, input) => api.dispatch(method, input);
  }
}

function registerIpc(dispatch: Dispatch): void {
  const onApi = createApiHandler({ dispatch, grants, devServerUrl, onRefused: logRefusal });
  const recentFile = recentExportsFile(app.getPath('userData'));
  const dialogs = createDialogHandlers({
    grants,
    devServerUrl,
    onRefused: logRefusal,
    recent: {
      add: (file) => {
        addRecentExport(recentFile, file);
        app.addRecentDocument(file);
      },
      list: () => readRecentExports(recentFile),
    },
    dialogs: {
      async showOpen({ filters }) {
        const options = { title: '导入案例草稿', properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>, filters };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
      async showSave({ defaultPath, filters }) {
        const options = { title: '导出', defaultPath, filters };
        const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      showItemInFolder: (file) => shell.showItemInFolder(file),
      defaultSaveDir: () => app.getPath('documents'),
    },
  });
  ipcMain.handle(CHANNELS.api, (event, method: unknown, input: unknown) => onApi(event, method, input));
  ipcMain.handle(CHANNELS.openDrafts, (event) => dialogs.openDrafts(event));
  ipcMain.handle(CHANNELS.saveExport, (event, name: unknown, format: unknown) => dialogs.saveExport(event, name, format));
  ipcMain.handle(CHANNELS.showInFolder, (event, file: unknown) => dialogs.showInFolder(event, file));
  ipcMain.handle(CHANNELS.grantDropped, (event, file: unknown) => dialogs.grantDropped(event, file));
  ipcMain.handle(CHANNELS.recentExports, (event) => dialogs.recentExports(event));
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: '关于汇编',
    message: `汇编 Huibian ${app.getVersion()}`,
    detail: '民政工作创新案例的导入、编辑与排版出版。\nElectron ' + process.versions.electron + ' · Chromium ' + process.versions.chrome,
    buttons: ['确定'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function installMenu(): void {
  const send = (command: string): void => {
    const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
    target?.webContents.send(CHANNELS.menu, command);
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isDev, platform: process.platform, send, showAbout })));
}

async function createWindow(): Promise<BrowserWindow> {
  const stateFile = windowStateFile(app.getPath('userData'));
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const state = clampWindowState(await readWindowState(stateFile), workAreas);
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: '汇编',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: isDev,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  // A page that fails to load still shows its window (with Chromium's error), never an invisible app.
  win.webContents.once('did-fail-load', () => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });
  // Closing: the page first saves what is still unsaved (the last second of typing), then the
  // window really closes; a page that does not answer within a few seconds does not hold it open.
  let flushed = false;
  win.on('close', (event) => {
    if (flushed || win.webContents.isCrashed() || win.webContents.isLoading()) return;
    event.preventDefault();
    const done = (): void => {
      if (flushed) return;
      flushed = true;
      ipcMain.removeListener(CHANNELS.flushed, onFlushed);
      clearTimeout(timer);
      if (!win.isDestroyed()) win.close();
    };
    const onFlushed = (e: IpcMainEvent): void => {
      if (e.sender === win.webContents) done();
    };
    const timer = setTimeout(done, 4000);
    ipcMain.on(CHANNELS.flushed, onFlushed);
    win.webContents.send(CHANNELS.flushRequest);
  });
  win.on('close', () => {
    if (!flushed) return;
    // Synchronous: the process may be on its way out, and half a JSON is worse than none.
    try {
      writeWindowStateSync(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (error) {
      console.warn('[huibian] window state not saved:', error);
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  await win.loadURL(devServerUrl ?? APP_INDEX_URL);
  return win;
}

async function start(): Promise<void> {
  try {
    secureSession();
    registerIpc(watchTeamServer(await openApi()));
    installMenu();
    mainWindow = await createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow().then((win) => (mainWindow = win));
    });
  } catch (error) {
    fatal(error);
  }
}
