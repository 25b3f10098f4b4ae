/**
 * The one way the importer reads a part of a zip archive (DOCX bodies, numbering and styles, the
 * review reader's custom properties, comments and manifest). The central directory is checked
 * before anything inflates (zipguard.ts), and every part is then inflated as a stream that stops
 * as soon as it passes its declared size or the archive's total budget: a part that lies about
 * its size costs at most one chunk over the limit, never the process's heap.
 */
import JSZip from 'jszip';
import { ImportFailure } from '../../model/imported.js';
import { checkZip, corrupt, DEFAULT_ZIP_LIMITS, type ZipEntryInfo, type ZipLimits } from './zipguard.js';

/** Slack over a part's declared size: some writers round or omit data descriptors. */
const SLACK = 64 * 1024;

export interface GuardedArchive {
  readonly entries: ZipEntryInfo[];
  /** The parsed archive, for a caller that rewrites a part (its reads must still go through `bytes`/`text`). */
  readonly zip: JSZip;
  has(name: string): boolean;
  /** Names of the parts present, in archive order. */
  names(): string[];
  /** A part's bytes, or null when absent; throws ImportFailure past the limits. */
  bytes(name: string): Promise<Buffer | null>;
  /** A part as UTF-8 text (BOM dropped), or null when absent. */
  text(name: string): Promise<string | null>;
}

export async function openArchive(file: string, bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<GuardedArchive> {
  const entries = checkZip(file, bytes, limits);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw corrupt(file);
  }
  const declared = new Map(entries.map((e) => [e.name, e.uncompressed]));
  let spent = 0;
  const read = async (name: string): Promise<Buffer | null> => {
    const entry = zip.files[name];
    if (!entry || entry.dir) return null;
    const allowed = Math.min((declared.get(name) ?? 0) + SLACK, limits.maxUncompressed - spent);
    const chunks: Buffer[] = [];
    let seen = 0;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
      stream.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > allowed) {
          stream.removeAllListeners('data');
          stream.pause();
          stream.destroy?.();
          reject(bomb(file, name));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => resolve());
      stream.on('error', () => reject(corrupt(file)));
    });
    spent += seen;
    return Buffer.concat(chunks, seen);
  };
  return {
    entries,
    zip,
    has: (name) => Boolean(zip.files[name] && !zip.files[name]!.dir),
    names: () => Object.keys(zip.files).filter((n) => !zip.files[n]!.dir),
    bytes: read,
    text: async (name) => {
      const b = await read(name);
      if (!b) return null;
      const s = b.toString('utf8');
      return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
    },
  };
}

function bomb(file: string, part: string): ImportFailure {
  return new ImportFailure(
    file,
    `“${file}”中的部件 ${part} 解压后超过声明的大小或总上限，可能是压缩炸弹，已拒绝导入；请用 Word 或 WPS 另存一份后再导入。 ${file} was refused: its part ${part} inflates beyond its declared size or the archive's limit.`,
  );
}
