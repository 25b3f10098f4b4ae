/**
 * Refuses zip bombs before anything inflates them: the sizes a DOCX declares in its central
 * directory are read directly (no decompression) and checked against a total limit and a
 * compression-ratio limit. JSZip then checks the archive parses at all.
 */
import { ImportFailure } from '../../model/imported.js';

export interface ZipLimits {
  /** Total uncompressed bytes allowed across all entries. */
  maxUncompressed: number;
  /** Largest compression ratio allowed for an entry above `ratioFloor` bytes. */
  maxRatio: number;
  ratioFloor: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressed: 300 * 1024 * 1024, maxRatio: 200, ratioFloor: 1024 * 1024, maxEntries: 5000 };

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

const EOCD = 0x06054b50;
const DEFLATE_MAX_RATIO = 1032;
const CENTRAL = 0x02014b50;

/** Entries listed in the central directory; throws ImportFailure when there is none to read. */
export function centralDirectory(file: string, bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file);
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset === 0xffffffff || count === 0xffff) throw tooLarge(file, 'ZIP64');
  if (offset + size > bytes.length) throw corrupt(file);
  const out: ZipEntryInfo[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw corrupt(file);
    const compressed = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    out.push({ name, compressed, uncompressed });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

export function checkZip(file: string, bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  const entries = centralDirectory(file, bytes);
  if (entries.length > limits.maxEntries) throw tooLarge(file, `${entries.length} entries`);
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) throw tooLarge(file, 'ZIP64');
    total += e.uncompressed;
    if (total > limits.maxUncompressed) throw tooLarge(file, `${Math.round(total / 1048576)} MB uncompressed`);
    if (e.uncompressed > limits.ratioFloor && e.uncompressed > Math.max(1, e.compressed) * limits.maxRatio) {
      throw tooLarge(file, `${e.name} compresses ${Math.round(e.uncompressed / Math.max(1, e.compressed))}:1`);
    }
  }
  return entries;
}

export function corrupt(file: string): ImportFailure {
  return new ImportFailure(file, `“${file}”已损坏，无法作为 Word 文档打开。 ${file} is a damaged DOCX (not a readable zip archive).`);
}

function tooLarge(file: string, why: string): ImportFailure {
  return new ImportFailure(file, `“${file}”解压后过大，可能是压缩炸弹，已拒绝导入（${why}）。 ${file} was refused: it would expand too far when unpacked (${why}).`);
}

/**
 * Inflates every entry as a stream and stops as soon as the real output passes what the
 * central directory declared (or the total limit): a zip whose headers lie about its sizes is
 * refused after at most one chunk over the limit, never inflated whole.
 */
export async function verifyInflatedSizes(
  file: string,
  zip: { files: Record<string, { dir: boolean; nodeStream(type: 'nodebuffer'): NodeJS.ReadableStream }> },
  entries: ZipEntryInfo[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<void> {
  // Deflate cannot expand more than about 1032:1, so a small enough archive cannot reach the
  // limit whatever its headers say, and need not be inflated twice.
  const worstCase = entries.reduce((sum, e) => sum + e.compressed * DEFLATE_MAX_RATIO, 0);
  if (worstCase <= limits.maxUncompressed) return;
  const declared = new Map(entries.map((e) => [e.name, e.uncompressed]));
  let total = 0;
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const allowed = (declared.get(name) ?? 0) + 64 * 1024;
    let seen = 0;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
      stream.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        total += chunk.length;
        if (seen > allowed || total > limits.maxUncompressed) {
          stream.removeAllListeners('data');
          stream.pause();
          stream.destroy?.();
          reject(tooLarge(file, `${name} inflates beyond its declared size`));
        }
      });
      stream.on('end', () => resolve());
      stream.on('error', () => reject(corrupt(file)));
    });
  }
}
