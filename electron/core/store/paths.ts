/**
 * Where the library lives by default: the per-user app-data folder Electron's
 * `app.getPath('userData')` gives for productName "Huibian", so the CLI and the desktop app
 * share one library. HUIBIAN_DATA_DIR overrides it (tests use temporary folders).
 */
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'Huibian';
export const LIBRARY_FILE = 'huibian.db';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.HUIBIAN_DATA_DIR) return path.resolve(env.HUIBIAN_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER);
}

export function libraryPath(dataDir: string): string {
  return path.join(dataDir, LIBRARY_FILE);
}
