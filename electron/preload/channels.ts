/** IPC channel names shared by the preload and the main process (plain constants, bundled into both). */
export const CHANNELS = {
  api: 'huibian:api',
  openDrafts: 'huibian:dialog-open-drafts',
  saveExport: 'huibian:dialog-save-export',
  showInFolder: 'huibian:show-in-folder',
  grantDropped: 'huibian:grant-dropped',
  menu: 'huibian:menu',
  recentExports: 'huibian:recent-exports',
  /** Main → page: the window is closing, save what is unsaved; page → main: done. */
  flushRequest: 'huibian:flush-request',
  flushed: 'huibian:flushed',
} as const;

/** What crosses 'huibian:api': an envelope, because Electron's invoke rejections lose custom fields such as `code`. */
export type ApiReply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };
