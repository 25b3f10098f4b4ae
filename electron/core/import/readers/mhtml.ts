/**
 * Web pages saved as a single file (.mhtml/.mht, "Webpage, single file" in Chrome, Edge and
 * IE): a MIME multipart archive. The HTML part is decoded (quoted-printable or base64, in its
 * declared charset) and read by the HTML reader; pictures saved alongside become data: URIs.
 */
import iconv from 'iconv-lite';
import { ImportFailure } from '../../model/imported.js';
import type { ReadResult } from '../lines.js';
import { readHtml } from './html.js';
import { decodeText } from './text.js';

interface Part {
  headers: Map<string, string>;
  body: Buffer;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const m = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (m) headers.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  return headers;
}

const PARAMS = {
  boundary: /boundary\s*=\s*(?:"([^"]*)"|([^;\s]+))/i,
  charset: /charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i,
};

function param(value: string | undefined, name: keyof typeof PARAMS): string | null {
  if (!value) return null;
  const m = PARAMS[name].exec(value);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function decodeQuotedPrintable(raw: string): Buffer {
  const soft = raw.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const ch = soft.charCodeAt(i);
    if (ch === 0x3d && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(ch & 0xff);
  }
  return Buffer.from(out);
}

function splitParts(archive: string, boundary: string): Part[] {
  const parts: Part[] = [];
  const delimiter = `--${boundary}`;
  const chunks = archive.split(delimiter);
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const split = /\r?\n\r?\n/.exec(chunk);
    if (!split) continue;
    const headers = parseHeaders(chunk.slice(0, split.index).replace(/^\r?\n/, ''));
    const rawBody = chunk.slice(split.index + split[0].length).replace(/\r?\n$/, '');
    const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
    const body =
      encoding === 'base64'
        ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64')
        : encoding === 'quoted-printable'
          ? decodeQuotedPrintable(rawBody)
          : Buffer.from(rawBody, 'latin1');
    parts.push({ headers, body });
  }
  return parts;
}

export function readMhtml(file: string, bytes: Uint8Array): ReadResult {
  // MIME structure is ASCII; latin1 keeps every byte as one character for slicing.
  const archive = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const headerEnd = /\r?\n\r?\n/.exec(archive);
  const top = parseHeaders(headerEnd ? archive.slice(0, headerEnd.index) : '');
  const boundary = param(top.get('content-type'), 'boundary');
  if (!boundary) {
    // Some tools save a plain HTML page under .mht.
    const { text, encoding } = decodeText(file, bytes);
    if (/<html|<body|<p[\s>]/i.test(text)) return readHtml(text, 'html', encoding);
    throw new ImportFailure(file, `“${file}”不是有效的单文件网页（MHTML）。 ${file} is not a valid MHTML web archive.`);
  }
  const parts = splitParts(archive, boundary);
  const html = parts.find((p) => (p.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html'));
  if (!html) throw new ImportFailure(file, `“${file}”中没有网页正文。 ${file} holds no HTML page.`);
  const charset = param(html.headers.get('content-type'), 'charset');
  let text: string;
  let encoding: string;
  if (charset && iconv.encodingExists(charset)) {
    text = iconv.decode(html.body, charset);
    encoding = charset.toUpperCase();
  } else ({ text, encoding } = decodeText(file, html.body));
  const resources = new Map<string, string>();
  for (const part of parts) {
    const type = (part.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!type.startsWith('image/')) continue;
    const uri = `data:${type};base64,${part.body.toString('base64')}`;
    const location = part.headers.get('content-location');
    const id = part.headers.get('content-id')?.replace(/^<|>$/g, '');
    if (location) resources.set(location, uri);
    if (id) resources.set(`cid:${id}`, uri);
  }
  const read = readHtml(text, 'mhtml', encoding, (src) => resources.get(src));
  return read;
}
