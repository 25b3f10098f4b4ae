/**
 * What a notice's 版头 prints, shared by the PDF and DOCX writers and the notice editor's live
 * preview, so the three cannot drift apart.
 */
import type { NoticeMeta } from './types.js';

/**
 * 发文机关标志 (GB/T 9704-2012 §7.2.4: the issuing body's full name or standard short name, or
 * either followed by 文件): exactly as the editor typed it in the field, which is where that
 * choice is made; no writer adds or drops 文件, nor puts the 署名 in its place. Empty: none.
 */
export function organMark(meta: Pick<NoticeMeta, 'organ'>): string {
  return meta.organ ?? '';
}
