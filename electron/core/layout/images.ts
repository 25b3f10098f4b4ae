/**
 * Pixel sizes of the pictures a model may carry (data: URIs of PNG or JPEG), read from
 * the file headers so that layout can size a picture without a PDF library.
 */
export interface DecodedImage {
  data: Buffer;
  width: number;
  height: number;
}

const cache = new Map<string, DecodedImage | null>();

export function decodeImage(src: string): DecodedImage | null {
  if (cache.has(src)) return cache.get(src)!;
  let out: DecodedImage | null = null;
  const m = /^data:image\/(png|jpe?g);base64,(.*)$/is.exec(src);
  if (m) {
    const data = Buffer.from(m[2]!, 'base64');
    const size = m[1]!.toLowerCase() === 'png' ? pngSize(data) : jpegSize(data);
    if (size) out = { data, ...size };
  }
  if (cache.size > 200) cache.clear();
  cache.set(src, out);
  return out;
}

function pngSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function jpegSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let p = 2;
  while (p + 9 < b.length) {
    if (b[p] !== 0xff) return null;
    const marker = b[p + 1]!;
    const len = b.readUInt16BE(p + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(p + 5), width: b.readUInt16BE(p + 7) };
    }
    p += 2 + len;
  }
  return null;
}
