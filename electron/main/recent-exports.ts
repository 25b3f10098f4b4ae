/**
 * 最近导出: the files the user saved through the export dialog, newest first, kept in the
 * data folder (recent-exports.json) so the list and its 在文件夹中显示 survive a restart.
 * Plain Node, tested without Electron; files that no longer exist drop out when listed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface RecentExport {
  path: string;
  /** ISO time the file was chosen. */
  at: string;
}

export const RECENT_MAX = 12;

export function recentExportsFile(userData: string): string {
  return path.join(userData, 'recent-exports.json');
}

export function readRecentExports(file: string, exists: (p: string) => boolean = existsSync): RecentExport[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((r): r is RecentExport => Boolean(r) && typeof (r as RecentExport).path === 'string' && typeof (r as RecentExport).at === 'string' && path.isAbsolute((r as RecentExport).path))
      .filter((r) => exists(r.path))
      .slice(0, RECENT_MAX);
  } catch {
    return [];
  }
}

export function addRecentExport(file: string, target: string, now = new Date()): RecentExport[] {
  const list = [{ path: target, at: now.toISOString() }, ...readRecentExports(file, () => true).filter((r) => r.path !== target)].slice(0, RECENT_MAX);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(list, null, 1));
  } catch (error) {
    console.warn('[huibian] recent exports not saved:', error);
  }
  return list;
}
