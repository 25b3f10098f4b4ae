/**
 * The native menu as plain data, so its labels and shortcuts are checked without Electron.
 * Commands that belong to the page (import, export, save, find) are pushed to the renderer
 * over the bridge; editing commands use Electron's roles, which the editor receives as
 * native input events (Lexical maps historyUndo/historyRedo to its own history).
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isDev: boolean;
  platform: NodeJS.Platform;
  /** Sends a command to the focused window's page ('import', 'export', 'save', 'find', 'about'). */
  send: (command: string) => void;
  showAbout: () => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { send, isDev } = options;
  const mac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: '汇编',
          submenu: [
            { role: 'hide', label: '隐藏汇编' },
            { role: 'hideOthers', label: '隐藏其他' },
            { type: 'separator' },
            { role: 'quit', label: '退出汇编' },
          ],
        },
      ]
    : [];
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (isDev) {
    view.push({ type: 'separator' }, { role: 'reload', label: '重新载入' }, { role: 'toggleDevTools', label: '开发者工具' });
  }
  return [
    ...appMenu,
    {
      label: '文件',
      submenu: [
        { label: '导入草稿…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: '导出…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        { label: '保存', accelerator: 'CmdOrCtrl+S', click: () => send('save') },
        ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: '退出' }] as MenuItemConstructorOptions[])),
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
        { type: 'separator' },
        { label: '查找…', accelerator: 'CmdOrCtrl+F', click: () => send('find') },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于汇编', click: () => options.showAbout() }] },
  ];
}
