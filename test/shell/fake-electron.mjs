// A recording stand-in for the 'electron' module, used only to run the BUILT main bundle
// (out/main/index.js) in plain Node: it checks the wiring (what is registered, with which
// options) and lets tests call the registered handlers. It is not Electron and proves
// nothing about Chromium; e2e/electron.test.ts does that where the binary exists.
import { EventEmitter } from 'node:events';

const state = {
  schemes: null,
  protocols: new Map(),
  ipc: new Map(),
  windows: [],
  webContents: [],
  menu: null,
  errors: [],
  external: [],
  shown: [],
  paths: new Map(),
  permissionRequest: null,
  permissionCheck: null,
  beforeRequest: null,
  exitCode: null,
};
globalThis.__huibianFakeElectron = state;

class FakeApp extends EventEmitter {
  isPackaged = false;
  name = 'huibian';
  setName(name) {
    this.name = name;
  }
  setPath(name, value) {
    state.paths.set(name, value);
  }
  getPath(name) {
    return state.paths.get(name) ?? `/nonexistent/${name}`;
  }
  sandboxEnabled = false;
  enableSandbox() {
    this.sandboxEnabled = true;
  }
  setAppUserModelId() {}
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  getVersion() {
    return '0.0.0-fake';
  }
  quitCalls = 0;
  quit() {
    this.quitCalls += 1;
    this.emit('will-quit', { preventDefault() {} });
  }
  exit(code) {
    state.exitCode = code;
  }
}
export const app = new FakeApp();

class FakeWebContents extends EventEmitter {
  sent = [];
  windowOpenHandler = null;
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
  isCrashed() {
    return false;
  }
  isLoading() {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.url = null;
    state.windows.push(this);
    state.webContents.push(this.webContents);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  maximize() {}
  show() {}
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  /** As Electron's: 'close' with a preventable event; unless prevented, the window goes. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
  }
  isVisible() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  getNormalBounds() {
    const { x, y, width, height } = this.options;
    return { x, y, width, height };
  }
  static getFocusedWindow() {
    return state.windows[0] ?? null;
  }
  static getAllWindows() {
    return state.windows;
  }
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    state.schemes = schemes;
  },
  handle(scheme, handler) {
    state.protocols.set(scheme, handler);
  },
};

const ipcEvents = new EventEmitter();
export const ipcMain = {
  handle(channel, handler) {
    state.ipc.set(channel, handler);
  },
  on(channel, listener) {
    ipcEvents.on(channel, listener);
  },
  removeListener(channel, listener) {
    ipcEvents.removeListener(channel, listener);
  },
};
/** What the page's ipcRenderer.send does: an event whose sender is the page's webContents. */
state.sendFromPage = (webContents, channel, ...args) => ipcEvents.emit(channel, { sender: webContents }, ...args);

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      state.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler) {
      state.permissionCheck = handler;
    },
    webRequest: {
      onBeforeRequest(filterOrHandler, maybeHandler) {
        state.beforeRequest = maybeHandler ?? filterOrHandler;
      },
      onHeadersReceived() {},
    },
  },
};

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    state.menu = menu;
  },
};

export const dialog = {
  showErrorBox(title, message) {
    state.errors.push(`${title}: ${message}`);
  },
  async showOpenDialog() {
    return { canceled: true, filePaths: [] };
  },
  async showSaveDialog() {
    return { canceled: true };
  },
  async showMessageBox() {
    return { response: 0 };
  },
};

const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
export const screen = {
  getPrimaryDisplay: () => display,
  getAllDisplays: () => [display],
};

export const shell = {
  async openExternal(url) {
    state.external.push(url);
  },
  showItemInFolder(file) {
    state.shown.push(file);
  },
};

export default { app, BrowserWindow, protocol, ipcMain, session, Menu, dialog, screen, shell };
