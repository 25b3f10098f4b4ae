/**
 * Which file paths the renderer may hand to the main process. The page never names a
 * path of its own invention: a path counts only when the user chose it in a native dialog
 * or dropped the file on the window (PathGrants), and then it must still be the kind of
 * file the action expects — an absolute path to an existing regular draft file of a sane
 * size for import, a writable .pdf/.docx target for export.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../core/import/sniff.js';
import { DEFAULT_MAX_IMPORT_BYTES } from '../core/api/context.js';

/** What the importer reads (its own list, so the dialog and the checks never disagree with it). */
export const IMPORT_EXTENSIONS: readonly string[] = SUPPORTED_EXTENSIONS;
/** The API's own limit for one draft: checked here too so that a path never reaches the importer oversized. */
export const MAX_IMPORT_BYTES = DEFAULT_MAX_IMPORT_BYTES;
export const EXPORT_FORMATS = ['pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type PathCheck = { ok: true; path: string; size?: number } | { ok: false; reason: string };

function basicPathProblem(p: unknown): string | null {
  if (typeof p !== 'string' || p.length === 0) return 'no path given';
  if (p.length > 4096) return 'path too long';
  if (p.includes('\0')) return 'NUL in path';
  if (!path.isAbsolute(p)) return `not an absolute path: ${p}`;
  return null;
}

export interface ImportCheckOptions {
  maxBytes?: number;
  extensions?: readonly string[];
}

export async function checkImportPath(p: unknown, options: ImportCheckOptions = {}): Promise<PathCheck> {
  const problem = basicPathProblem(p);
  if (problem) return { ok: false, reason: problem };
  const file = path.normalize(p as string);
  const extensions = options.extensions ?? IMPORT_EXTENSIONS;
  const ext = path.extname(file).toLowerCase();
  if (!extensions.includes(ext)) {
    return { ok: false, reason: `${path.basename(file)}: unsupported file type "${ext || '(none)'}"; Huibian imports ${extensions.join(' ')}` };
  }
  let stat;
  try {
    stat = await fs.stat(file); // follows symlinks: what counts is the file it reaches
  } catch {
    return { ok: false, reason: `${path.basename(file)}: file not found` };
  }
  if (!stat.isFile()) return { ok: false, reason: `${path.basename(file)}: not a regular file` };
  const max = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (stat.size > max) {
    return { ok: false, reason: `${path.basename(file)}: ${Math.round(stat.size / 1048576)} MB is larger than the ${Math.round(max / 1048576)} MB limit for a draft` };
  }
  return { ok: true, path: file, size: stat.size };
}

export async function checkExportTarget(p: unknown, format: ExportFormat): Promise<PathCheck> {
  const problem = basicPathProblem(p);
  if (problem) return { ok: false, reason: problem };
  const file = path.normalize(p as string);
  if (path.extname(file).toLowerCase() !== `.${format}`) return { ok: false, reason: `${path.basename(file)}: a ${format.toUpperCase()} export must end in .${format}` };
  try {
    const dir = await fs.stat(path.dirname(file));
    if (!dir.isDirectory()) return { ok: false, reason: `${path.dirname(file)} is not a folder` };
  } catch {
    return { ok: false, reason: `the folder ${path.dirname(file)} does not exist` };
  }
  try {
    const existing = await fs.lstat(file);
    if (!existing.isFile()) return { ok: false, reason: `${path.basename(file)} exists and is not a regular file` };
  } catch {
    // Not there yet: the usual case.
  }
  return { ok: true, path: file };
}

/** A file name for the save dialog's default: no folders, no characters Windows refuses, the right extension. */
export function exportFileName(defaultName: unknown, format: ExportFormat): string {
  const raw = typeof defaultName === 'string' ? defaultName : '';
  const base = path
    .basename(raw.replace(/\\/g, '/'))
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.(pdf|docx)$/i, '') || '汇编';
  return `${stem}.${format}`;
}

/** Forces the chosen format's extension on a save-dialog result (GTK dialogs do not add it). */
export function withExtension(file: string, format: ExportFormat): string {
  return path.extname(file).toLowerCase() === `.${format}` ? file : `${file}.${format}`;
}

/**
 * Paths the user handed over (dialogs, drops) and files the app wrote (exports). Bounded, so
 * a long session cannot grow it without end; the oldest grants go first.
 */
export class PathGrants {
  private readonly paths = new Set<string>();
  constructor(private readonly limit = 10_000) {}

  private key(p: string): string {
    const resolved = path.resolve(p);
    return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
  }

  grant(p: string): void {
    const key = this.key(p);
    this.paths.delete(key);
    this.paths.add(key);
    while (this.paths.size > this.limit) {
      const oldest = this.paths.values().next().value as string;
      this.paths.delete(oldest);
    }
  }

  has(p: unknown): boolean {
    return typeof p === 'string' && p.length > 0 && path.isAbsolute(p) && this.paths.has(this.key(p));
  }

  get size(): number {
    return this.paths.size;
  }
}
