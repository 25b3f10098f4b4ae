/**
 * The pictures a model carries are data: URIs. Both writers decode them here and size them
 * with the `image-size` package (headers only), so PDF layout and the DOCX writer agree on a
 * picture's pixels and neither keeps its own header parser.
 */
import { imageSize } from 'image-size';

export type ImageType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface DecodedImage {
  data: Buffer;
  type: ImageType;
  width: number;
  height: number;
}

const cache = new Map<string, DecodedImage | null>();

/** Any raster picture Word can hold (PNG, JPEG, GIF, BMP); null when the URI or its header is unreadable. */
export function decodeDataUri(src: string): DecodedImage | null {
  const hit = cache.get(src);
  if (hit !== undefined) return hit;
  let out: DecodedImage | null = null;
  const m = /^data:image\/(png|jpe?g|gif|bmp);base64,(.+)$/is.exec(src.trim());
  if (m) {
    const data = Buffer.from(m[2]!, 'base64');
    const ext = m[1]!.toLowerCase();
    const type: ImageType = ext.startsWith('jp') ? 'jpg' : (ext as ImageType);
    try {
      const size = imageSize(data);
      if (size.width && size.height) out = { data, type, width: size.width, height: size.height };
    } catch {
      // A truncated or mislabelled picture: the writers print its caption without it.
    }
  }
  // The PDF writer decodes every picture twice (measure, then draw); a small cache keeps that cheap.
  if (cache.size > 200) cache.clear();
  cache.set(src, out);
  return out;
}

/** The pictures a PDF can embed (pdfkit draws PNG and JPEG only). */
export function decodeImage(src: string): DecodedImage | null {
  const image = decodeDataUri(src);
  return image && (image.type === 'png' || image.type === 'jpg') ? image : null;
}
