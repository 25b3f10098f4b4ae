/**
 * The main window opens where the user left it: bounds and maximised flag kept as JSON in
 * userData. Saved bounds are not trusted blindly — the file may be hand-edited or come from
 * a machine with another monitor layout — so they are clamped to the displays that exist
 * now: a window whose title bar would be off every screen is centred on the primary one.
 */
import { mkdirSync, promises as fs, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** How much of the title bar must show on some display for saved bounds to be kept. */
const MIN_VISIBLE_TITLE = { width: 120, height: 24 } as const;

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : null;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function titleVisibleOn(bounds: Rect, area: Rect): boolean {
  const title: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: MIN_VISIBLE_TITLE.height };
  const w = Math.min(title.x + title.width, area.x + area.width) - Math.max(title.x, area.x);
  const h = Math.min(title.y + title.height, area.y + area.height) - Math.max(title.y, area.y);
  return w >= MIN_VISIBLE_TITLE.width && h >= MIN_VISIBLE_TITLE.height;
}

function fitSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.max(Math.min(width, area.width), Math.min(MIN_WINDOW_SIZE.width, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(MIN_WINDOW_SIZE.height, area.height)),
  };
}

function centreOn(area: Rect, width: number, height: number): Rect {
  const size = fitSize(width, height, area);
  return {
    x: area.x + Math.round((area.width - size.width) / 2),
    y: area.y + Math.round((area.height - size.height) / 2),
    ...size,
  };
}

/**
 * Turns whatever was saved (possibly nothing or garbage) into bounds that lie on one of
 * the given display work areas; the first work area is the primary display's.
 */
export function clampWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  const s = (saved && typeof saved === 'object' ? saved : {}) as Record<string, unknown>;
  const maximized = s.maximized === true;
  const x = finite(s.x);
  const y = finite(s.y);
  const width = finite(s.width);
  const height = finite(s.height);
  if (x === null || y === null || width === null || height === null || width <= 0 || height <= 0) {
    return { ...centreOn(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height), maximized };
  }
  const bounds: Rect = { x, y, width, height };
  const home = workAreas
    .filter((area) => titleVisibleOn(bounds, area))
    .sort((a, b) => overlap(bounds, b) - overlap(bounds, a))[0];
  if (!home) return { ...centreOn(primary, width, height), maximized };

  // Keep it on the display it belongs to: shrink to the work area, then slide inside it.
  const size = fitSize(width, height, home);
  const clampedX = Math.min(Math.max(x, home.x), home.x + home.width - size.width);
  const clampedY = Math.min(Math.max(y, home.y), home.y + home.height - size.height);
  return { x: clampedX, y: clampedY, ...size, maximized };
}

export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

/** The saved state, or null when there is none or it is not JSON (a fresh start is fine). */
export async function readWindowState(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

function normalised(state: WindowState): WindowState {
  return {
    x: Math.round(state.x),
    y: Math.round(state.y),
    width: Math.round(state.width),
    height: Math.round(state.height),
    maximized: Boolean(state.maximized),
  };
}

/** Writes beside the file and renames, so a crash mid-write never leaves half a JSON. */
export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, JSON.stringify(normalised(state), null, 2));
  await fs.rename(temp, file);
}

/** The same, synchronously: for a window's 'close' event, when the process may be quitting. */
export function writeWindowStateSync(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(normalised(state), null, 2));
  renameSync(temp, file);
}
