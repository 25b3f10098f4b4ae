/** Pixel sizes of the pictures a draft carries, read from their headers (no image library needed). */

/** Pixel size from a PNG, GIF or JPEG header; null when unreadable. */
export function imageSize(data: Uint8Array): { width: number; height: number } | null {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (view.length > 24 && view.readUInt32BE(0) === 0x89504e47) return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  if (view.length > 10 && view.toString('ascii', 0, 3) === 'GIF') return { width: view.readUInt16LE(6), height: view.readUInt16LE(8) };
  if (view.length > 4 && view[0] === 0xff && view[1] === 0xd8) {
    let i = 2;
    while (i + 9 < view.length) {
      if (view[i] !== 0xff) return null;
      const marker = view[i + 1]!;
      const len = view.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: view.readUInt16BE(i + 5), width: view.readUInt16BE(i + 7) };
      }
      i += 2 + len;
    }
  }
  return null;
}
