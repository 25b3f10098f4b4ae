/**
 * The one object the preload exposes to the renderer as `window.huibian`. The renderer
 * imports this file with `import type` only; the preload implements it. Without it (plain
 * browser, dev server, e2e) the renderer talks to the loopback HTTP server instead.
 */
export type MenuCommand =
  | 'import'
  | 'export'
  | 'save'
  | 'find'
  | 'undo'
  | 'redo'
  | 'about'
  | (string & {});

/** What `call` rejects with (see there). */
export interface BridgeApiError {
  name: 'ApiError';
  /** An ApiErrorCode of electron/core/api/schema.ts ('invalid-input', 'not-found', 'forbidden', …). */
  code: string;
  message: string;
  toString(): string;
}

export interface HuibianBridge {
  /**
   * Calls one method of the API table (electron/core/api/schema.ts) over IPC channel 'huibian:api'.
   * Rejects with a BridgeApiError: `message` the API error message, `code` the ApiErrorCode.
   * It is an error-like plain object, not an `Error` instance — Electron's contextBridge copies
   * real Errors by message only, which would lose `code` — so read `.code`/`.message` and do
   * not test `instanceof Error`.
   */
  call(method: string, input: unknown): Promise<unknown>;
  dialogs: {
    /** Native open dialog, multi-select, filters txt/html/docx/doc/md. Empty when cancelled. */
    openDrafts(): Promise<string[]>;
    /** Native save dialog; the chosen path (extension enforced) or null when cancelled. */
    saveExport(defaultName: string, format: 'pdf' | 'docx'): Promise<string | null>;
    /** Files saved through the export dialog, newest first, that still exist (kept across restarts). */
    recentExports(): Promise<Array<{ path: string; at: string }>>;
  };
  /**
   * Called when the window is about to close: the page saves what is unsaved and resolves;
   * the window closes once it has (or after a few seconds). Returns an unsubscribe function.
   */
  onBeforeClose(handler: () => Promise<void>): () => void;
  /** Reveals an exported file (or a file the user picked) in the system file manager. */
  showInFolder(path: string): Promise<void>;
  /** Path of a File dropped on the window (webUtils.getPathForFile); '' for files built in JS. */
  pathForFile(file: File): string;
  /** Menu commands pushed from the main process ('import', 'export', 'save', 'find', 'undo', ...). Returns an unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  platform: string;
}

declare global {
  interface Window {
    /** Present only inside the Electron app. */
    huibian?: HuibianBridge;
  }
}
