/** Units and escaping for the few XML strings the writer still writes itself (patch.ts). */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text and attribute values; also drops characters XML 1.0 forbids (stray control codes in pasted drafts). */
export function esc(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[&<>"]/g, (c) => ESCAPES[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** DOCX half-point sizes (`w:sz`). */
export const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Twentieths of a point. */
export const twips = (pt: number): number => Math.round(pt * 20);
