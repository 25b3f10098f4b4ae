/**
 * Pictures given as data: URIs become inline drawings (never floating shapes or text boxes:
 * WPS shows those blank). Size comes from the model or the image header, scaled to the column.
 */
import type { DocxContext } from './context.js';
import { REL } from './context.js';
import { esc } from './xml.js';

const EMU_PER_PT = 12700;

function decodeDataUri(src: string): { ext: string; data: Uint8Array } | null {
  const m = /^data:image\/(png|jpe?g|gif|bmp);base64,(.+)$/is.exec(src.trim());
  if (!m) return null;
  const ext = m[1]!.toLowerCase() === 'jpg' ? 'jpeg' : m[1]!.toLowerCase();
  return { ext, data: new Uint8Array(Buffer.from(m[2]!, 'base64')) };
}

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

let drawingId = 1;

export interface ImagePlacement {
  /** Size in points; default from the model or the image header, scaled to the column. */
  sizePt?: { width: number; height: number };
  /** Float over the text (a seal): offsets in points from the left margin and the paragraph's top. */
  anchor?: { x: number; y: number };
}

export function embedImage(
  ctx: DocxContext,
  src: string,
  width?: number,
  height?: number,
  alt?: string,
  placement: ImagePlacement = {},
): { xml: string; heightPt: number } | null {
  const decoded = decodeDataUri(src);
  if (!decoded) return null;
  const px = width && height ? { width, height } : imageSize(decoded.data);
  if (!px || !px.width || !px.height) return null;
  const name = `image${ctx.media.length + 1}.${decoded.ext}`;
  ctx.media.push({ name, data: decoded.data });
  const rid = ctx.rel(REL.image, `media/${name}`);
  // 96 dpi pixels → points, never wider than the text column.
  const maxW = ctx.twipsWidth() / 20;
  let w = placement.sizePt?.width ?? (px.width * 72) / 96;
  let h = placement.sizePt?.height ?? (px.height * 72) / 96;
  if (!placement.sizePt && w > maxW) {
    h = (h * maxW) / w;
    w = maxW;
  }
  const cx = Math.round(w * EMU_PER_PT);
  const cy = Math.round(h * EMU_PER_PT);
  const id = drawingId++;
  const graphic =
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<pic:pic><pic:nvPicPr><pic:cNvPr id="${id}" name="${name}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    '</a:graphicData></a:graphic>';
  const docPr = `<wp:docPr id="${id}" name="图片 ${id}" descr="${esc(alt ?? '')}"/>`;
  const a = placement.anchor;
  const drawing = a
    ? `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${251659264 + id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
      '<wp:simplePos x="0" y="0"/>' +
      `<wp:positionH relativeFrom="margin"><wp:posOffset>${Math.round(a.x * EMU_PER_PT)}</wp:posOffset></wp:positionH>` +
      `<wp:positionV relativeFrom="paragraph"><wp:posOffset>${Math.round(a.y * EMU_PER_PT)}</wp:posOffset></wp:positionV>` +
      `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>${docPr}${graphic}</wp:anchor>`
    : `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>${docPr}${graphic}</wp:inline>`;
  return { xml: `<w:r><w:drawing>${drawing}</w:drawing></w:r>`, heightPt: a ? 0 : h };
}
