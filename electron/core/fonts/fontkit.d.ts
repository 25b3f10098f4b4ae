/** The small part of fontkit 2 that Huibian uses (the package ships no types). */
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
  }
  export interface Font {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number, codePoints?: number[]): Glyph;
    fonts?: Font[];
    getFont?(postscriptName: string): Font;
  }
  export function openSync(file: string, postscriptName?: string): Font;
  export function create(buffer: Buffer, postscriptName?: string): Font;
}
