/** IPC channel names shared by the preload and the main process (plain constants, bundled into both). */
export const CHANNELS = {
  api: 'huibian:api',
  openDrafts: 'huibian:dialog-open-drafts',
  saveExport: 'huibian:dialog-save-export',
  showInFolder: 'huibian:show-in-folder',
  grantDropped: 'huibian:grant-dropped',
  menu: 'huibian:menu',
} as const;

/** What crosses 'huibian:api': an envelope, because Electron's invoke rejections lose custom fields such as `code`. */
export type ApiReply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };
