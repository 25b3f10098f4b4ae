/**
 * Which reader a file needs, from its first bytes where they are telling (a DOCX is a zip, a
 * .doc an OLE compound file) and from its name otherwise — so a DOCX saved as .txt still opens.
 */
export type Format = 'txt' | 'html' | 'mhtml' | 'docx' | 'doc' | 'md';

export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.xhtml', '.mhtml', '.mht', '.docx', '.doc', '.wps', '.md', '.markdown'] as const;

export function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? `.${m[1]!.toLowerCase()}` : '';
}

export function formatFromName(name: string): Format | null {
  switch (extensionOf(name)) {
    case '.txt':
    case '.text':
      return 'txt';
    case '.html':
    case '.htm':
    case '.xhtml':
      return 'html';
    case '.mhtml':
    case '.mht':
      return 'mhtml';
    case '.docx':
      return 'docx';
    case '.doc':
    case '.wps':
      return 'doc';
    case '.md':
    case '.markdown':
      return 'md';
    default:
      return null;
  }
}

export type Magic = 'zip' | 'ole' | 'pdf' | 'rtf' | 'image' | 'html' | null;

export function sniff(bytes: Uint8Array): Magic {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06)) return 'zip';
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1) return 'ole';
  if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d) return 'pdf';
  if (b.length >= 5 && b[0] === 0x7b && b[1] === 0x5c && b[2] === 0x72 && b[3] === 0x74 && b[4] === 0x66) return 'rtf';
  if (b.length >= 4 && ((b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46))) return 'image';
  // An HTML page saved as .txt: look at the start, skipping a BOM and whitespace.
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  while (i < b.length && i < 512 && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  const head = String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 15))).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return null;
}
