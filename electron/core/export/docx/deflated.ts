/**
 * A part's text deflated as it is written, so that a long book's document part is never held as
 * text: the writer hands its XML over paragraph by paragraph, and what stays is the compressed
 * bytes (a 5,000-page book's body, some 55 million characters of XML, is about 1.5 MB of them).
 *
 * A part is then a series of segments, each a raw DEFLATE stream of its own that ends in a sync
 * flush: byte-aligned, no final block, and no reference to anything before it. Such segments
 * laid end to end, and closed by an empty final block, are one valid DEFLATE stream, so the
 * segments of a part need not be compressed in the order they are read: the body is deflated
 * while it is built, the 目录 before it once the body has given its page numbers. Each
 * segment's CRC-32 is its own; the part's is worked out from them (crc32Combine).
 *
 * Text goes in through one slice buffer that is compressed synchronously each time it fills,
 * and used again: no queue of uncompressed slices waits anywhere.
 */
import { Buffer } from 'node:buffer';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A stretch of a part, deflated: its bytes end in a sync flush (no final block). */
export class Deflated {
  constructor(
    /** CRC-32 of the stretch's uncompressed bytes. */
    readonly crc: number,
    /** Its uncompressed length in bytes. */
    readonly size: number,
    readonly bytes: readonly Buffer[],
    readonly compressedSize: number,
  ) {}
}

/** An empty final block (fixed Huffman, end of block at once): closes a series of segments. */
export const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** GF(2) product of two polynomials modulo CRC-32's, in the reflected bit order zlib uses (bit 31 is x⁰). */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b;
    // b times x: a shift towards x³¹ (right, reflected), reduced by the polynomial when it overflows.
    b = b & 1 ? (b >>> 1) ^ 0xedb88320 : b >>> 1;
  }
  return product >>> 0;
}

/** x^(8n) modulo the polynomial: feeding n zero bytes through the CRC register. */
function zeroBytesOperator(n: number): number {
  let result = 0x80000000; // x⁰
  let power = 0x00800000; // x⁸: one byte
  while (n > 0) {
    if (n % 2 === 1) result = multiplyModP(result, power);
    power = multiplyModP(power, power);
    n = Math.floor(n / 2);
  }
  return result;
}

/**
 * CRC-32 of A followed by B from CRC(A), CRC(B) and B's length. The register is linear in the
 * message, and the pre- and post-conditioning cancel out: CRC(A‖B) = CRC(A)·x^(8·|B|) ⊕ CRC(B).
 * Node's zlib gives crc32 but not zlib's crc32_combine, whose result this is.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB === 0) return crcA >>> 0;
  return (multiplyModP(zeroBytesOperator(lengthB), crcA >>> 0) ^ crcB) >>> 0;
}

/** Segments and their order give the part's CRC, sizes and bytes (the final block not yet added). */
export function joinSegments(segments: readonly Deflated[]): Deflated {
  let crc = 0;
  let size = 0;
  let compressedSize = 0;
  const bytes: Buffer[] = [];
  for (const s of segments) {
    crc = crc32Combine(crc, s.crc, s.size);
    size += s.size;
    compressedSize += s.compressedSize;
    for (const b of s.bytes) bytes.push(b);
  }
  return new Deflated(crc, size, bytes, compressedSize);
}

/** Bytes of text gathered before they are deflated. */
const SLICE = 1 << 19;

/** Text in, segments out: `write` as often as there are pieces, `cut` where a segment must end. */
export class TextDeflater {
  private slice = Buffer.allocUnsafe(SLICE);
  private used = 0;
  private crc = 0;
  private size = 0;
  private out: Buffer[] = [];
  private outSize = 0;

  constructor(private readonly level: number) {}

  write(text: string): void {
    if (!text) return;
    // At most three bytes of UTF-8 per UTF-16 unit: a piece that may not fit starts a new slice.
    if (this.used + text.length * 3 > SLICE) {
      this.deflateSlice();
      if (text.length * 3 > SLICE) {
        this.deflate(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.slice.write(text, this.used, 'utf8');
  }

  /** Nothing written since the last cut. */
  get empty(): boolean {
    return this.used === 0 && this.size === 0;
  }

  /** What was written since the last cut, as a segment; the next write starts a new one. */
  cut(): Deflated {
    this.deflateSlice();
    const segment = new Deflated(this.crc, this.size, this.out, this.outSize);
    this.crc = 0;
    this.size = 0;
    this.out = [];
    this.outSize = 0;
    return segment;
  }

  private deflateSlice(): void {
    if (this.used === 0) return;
    // The slice is compressed before it is filled again: a view of it is enough.
    this.deflate(this.slice.subarray(0, this.used));
    this.used = 0;
  }

  private deflate(data: Buffer): void {
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    const z = deflateRawSync(data, { level: this.level, finishFlush: constants.Z_SYNC_FLUSH });
    this.out.push(z);
    this.outSize += z.length;
  }
}
