/**
 * The standard face of each role, apart from the font resolution in roles.ts: a DOCX export
 * names these faces and needs nothing else of the fonts, so it does not load fontkit for them.
 */
import type { FontRoleName } from './roles.js';

/** The standard face of each role, as the DOCX names it and GB/T 9704 expects it. */
export const STANDARD_FACES: Record<FontRoleName, string> = {
  song: '宋体',
  hei: '黑体',
  kai: '楷体_GB2312',
  fangsong: '仿宋_GB2312',
  xiaobiaosong: '方正小标宋简体',
  latin: 'Times New Roman',
};
