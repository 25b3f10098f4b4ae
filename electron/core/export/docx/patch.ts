/**
 * The few things the `docx` package (9.15) cannot express, done on the packed zip. Each patch
 * is a small, anchored string edit of one part, and says why it exists. The body paragraphs
 * written as XML (bodyXml.ts) go into the document part here, and the package is zipped again
 * (zip.ts).
 */
import { Buffer } from 'node:buffer';
import { Packer, type Document } from 'docx';
import { zipInto, zipParts, type ZipPart } from './zip.js';
import { MANIFEST_NS, type ExportManifest } from './manifest.js';
import { esc, XML_DECL } from './xml.js';
import { DOC_BOOKMARK_PREFIX } from './caseDocument.js';
import type { DocumentSnapshot, DocxContext } from './context.js';
import type { Deflated } from './deflated.js';

export interface PatchOptions {
  ctx: DocxContext;
  now: string;
  mirrorMargins: boolean;
}

/** Inserts `xml` before the first `before` tag of the part (or before `fallback`); the anchors keep schema order. */
function insertBefore(part: string, xml: string, ...anchors: string[]): string {
  for (const a of anchors) {
    const at = part.indexOf(a);
    if (at >= 0) return part.slice(0, at) + xml + part.slice(at);
  }
  throw new Error(`patch anchor ${anchors.join(' / ')} missing`);
}

/**
 * settings.xml: mirrored margins for the books (inner/outer, no settings option in the package),
 * punctuation compression as Word's Chinese default writes it, and East Asian theme-font language.
 */
function patchSettings(xml: string, options: PatchOptions): string {
  let out = xml;
  if (options.mirrorMargins) out = insertBefore(out, '<w:mirrorMargins/>', '<w:defaultTabStop');
  out = insertBefore(out, '<w:characterSpacingControl w:val="compressPunctuation"/>', '<w:footnotePr', '<w:endnotePr', '<w:compat>', '</w:settings>');
  out = insertBefore(out, '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>', '<w:clrSchemeMapping', '</w:settings>');
  return out;
}

/**
 * styles.xml: paragraph defaults the package has no options for (widow control, the notice's
 * no-overflow punctuation for GB/T 9704's strict 28 characters, auto spacing between CJK and
 * Latin/digits), and no snapping to the grid in every paragraph style: exact line pitches
 * already hold the grid, and snapping lets LibreOffice widen glyphs to two cells.
 */
function patchStyles(xml: string, options: PatchOptions): string {
  const t = options.ctx.template;
  const pPr =
    '<w:widowControl/>' +
    (t.kind === 'notice' ? '<w:overflowPunct w:val="0"/>' : '') +
    `<w:autoSpaceDE/><w:autoSpaceDN${t.options.autoSpaceDigits === false ? ' w:val="0"' : ''}/>`;
  let out = xml.replace(/<w:pPrDefault\/>|<w:pPrDefault>(?:<w:pPr\/>|<w:pPr>(.*?)<\/w:pPr>)?<\/w:pPrDefault>/, (_m, inner?: string) => `<w:pPrDefault><w:pPr>${pPr}${inner ?? ''}</w:pPr></w:pPrDefault>`);
  if (!out.includes('<w:pPrDefault>')) out = insertBefore(out, `<w:pPrDefault><w:pPr>${pPr}</w:pPr></w:pPrDefault>`, '</w:docDefaults>');
  const ids = new Set([...options.ctx.book.styles.values()].map((s) => s.id));
  out = out.replace(/(<w:style w:type="paragraph"[^>]*w:styleId="([^"]+)"[^>]*>.*?<w:pPr>)(.*?)(<\/w:pPr>)/g, (m, head: string, id: string, body: string, tail: string) =>
    ids.has(id) && !body.includes('<w:snapToGrid') ? head + body.replace('<w:spacing', '<w:snapToGrid w:val="0"/><w:spacing') + tail : m,
  );
  if (!out.includes('w:styleId="TableGrid"')) {
    const edge = (n: string) => `<w:${n} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
    out = insertBefore(
      out,
      '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>' +
        ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(edge).join('') +
        '</w:tblBorders></w:tblPr></w:style>',
      '</w:styles>',
    );
  }
  return out;
}

/** A package's parts by path, in the order they are zipped; text as a whole or in pieces, some perhaps deflated already. */
export type Parts = Map<string, string | Uint8Array | Iterable<string | Deflated>>;

/** A document's entry in the manifest's list, escaped for the part: the same text as in JSON.stringify of the whole manifest. */
export function manifestEntry(d: DocumentSnapshot, first: boolean): string {
  return esc((first ? '' : ',') + JSON.stringify({ id: d.id, index: d.index, bookmark: `${DOC_BOOKMARK_PREFIX}${d.index}`, paragraphs: d.paragraphs }));
}

/**
 * The manifest's XML in pieces, a document at a time: a long book's manifest (every paragraph's
 * text) never stands as one JSON string, one escaped copy and one joined copy at once. The same
 * text as JSON.stringify of the whole manifest.
 */
function* manifestXml(manifest: Omit<ExportManifest, 'documents'>, documents: readonly DocumentSnapshot[], streamed: Deflated | null): Generator<string | Deflated> {
  // The manifest's own key order, its documents left out.
  const json = JSON.stringify({ version: manifest.version, template: manifest.template, exportedAt: manifest.exportedAt, documents: [], comments: manifest.comments });
  const at = json.indexOf('"documents":[]') + '"documents":['.length;
  yield `${XML_DECL}<hb:manifest xmlns:hb="${MANIFEST_NS}">${esc(json.slice(0, at))}`;
  // A streamed body's documents went out as they ended (DocxContext.streamSnapshots).
  if (streamed) yield streamed;
  for (let i = 0; i < documents.length; i++) yield manifestEntry(documents[i]!, i === 0 && !streamed);
  yield `${esc(json.slice(at))}</hb:manifest>`;
}

/** The export manifest as a custom XML part: what the review reader needs to diff a reviewed file (no package API for custom XML parts). */
function addManifest(parts: Parts, options: PatchOptions, rels: string, types: string): { rels: string; types: string } {
  const { ctx } = options;
  const manifest = { version: 1 as const, template: ctx.template.id, exportedAt: options.now, comments: ctx.comments.exported };
  const streamed = ctx.snapshotStream && !ctx.snapshotStream.empty ? ctx.snapshotStream.cut() : null;
  // With a deflated stretch as an array (the zip writer looks for them in one); else written as it is zipped.
  const xml = manifestXml(manifest, ctx.snapshot, streamed);
  parts.set('customXml/item1.xml', streamed ? [...xml] : xml);
  parts.set(
    'customXml/itemProps1.xml',
    `${XML_DECL}<ds:datastoreItem ds:itemID="{6B3C1D2E-4F5A-4B6C-9D7E-8F9A0B1C2D3E}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${MANIFEST_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  parts.set(
    'customXml/_rels/item1.xml.rels',
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  );
  return {
    rels: insertBefore(rels, '<Relationship Id="rIdHbManifest" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>', '</Relationships>'),
    types: insertBefore(types, '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>', '</Types>'),
  };
}

const HEADER_TYPES = {
  header: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/header', 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml'],
  footer: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer', 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml'],
} as const;

/**
 * The running heads' parts (sectionXml.ts), one per distinct header or footer, with their
 * relationships under the writer's own ids (the sectPr refer to them by these ids).
 */
function addHeaderParts(parts: Parts, options: PatchOptions, rels: string, types: string): { rels: string; types: string } {
  const { sections } = options.ctx;
  let relXml = '';
  let typeXml = '';
  for (const p of sections.parts) {
    const [rel, type] = HEADER_TYPES[p.kind];
    parts.set(`word/${p.name}`, p.xml);
    relXml += `<Relationship Id="${p.rid}" Type="${rel}" Target="${p.name}"/>`;
    typeXml += `<Override ContentType="${type}" PartName="/word/${p.name}"/>`;
  }
  return { rels: insertBefore(rels, relXml, '</Relationships>'), types: insertBefore(types, typeXml, '</Types>') };
}

interface PackageCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/**
 * The package's parts as the `docx` package writes them. Its Packer zips them (with a JavaScript
 * deflate) only for this writer to unzip them again; its compiler, which Packer zips the output
 * of, gives them as they are. The compiler is no public API, so where a version of the package
 * has none, the parts come from Packer's zip.
 */
export async function packageParts(doc: Document): Promise<Parts> {
  const compiler = (Packer as unknown as { compiler?: Partial<PackageCompiler> }).compiler;
  if (typeof compiler?.compile === 'function') return new Map(compiler.compile(doc));
  // JSZip loads only here: it is the slowest module of the writer to load, and the compiler is the usual way.
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const parts: Parts = new Map();
  const names: string[] = [];
  zip.forEach((name, file) => {
    if (!file.dir) names.push(name);
  });
  for (const name of names) parts.set(name, await zip.file(name)!.async('uint8array'));
  return parts;
}

/** The patched package zipped: its bytes, or with `push` each entry handed over as it is ready (and empty bytes returned). */
export async function patchPackage(parts: Parts, options: PatchOptions, push?: (bytes: Buffer) => void): Promise<Uint8Array> {
  const text = (name: string): string => {
    const data = parts.get(name);
    if (data === undefined) throw new Error(`${name} missing from the packed document`);
    if (typeof data === 'string') return data;
    const bytes = bytesOf(data);
    return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : [...(data as Iterable<string>)].join('');
  };
  parts.set('word/settings.xml', patchSettings(text('word/settings.xml'), options));
  parts.set('word/styles.xml', patchStyles(text('word/styles.xml'), options));
  // Word wants comment dates as xsd:dateTime without fractional seconds; the package writes toISOString().
  if (parts.has('word/comments.xml')) parts.set('word/comments.xml', text('word/comments.xml').replace(/(w:date="[^"]*?)\.\d+Z"/g, '$1Z"'));
  const added = addManifest(parts, options, text('word/_rels/document.xml.rels'), text('[Content_Types].xml'));
  const heads = addHeaderParts(parts, options, added.rels, added.types);
  parts.set('word/_rels/document.xml.rels', heads.rels);
  parts.set('[Content_Types].xml', heads.types);
  const { sections } = options.ctx;
  const zipped: ZipPart[] = [];
  for (const [name, data] of parts) {
    if (name === DOCUMENT_PART) zipped.push({ name, data: options.ctx.body.fill(text(name), (k) => sections.sectPr(k)) });
    else zipped.push({ name, data: typeof data === 'string' ? [data] : (bytesOf(data) ?? (data as Iterable<string | Deflated>)) });
  }
  if (!push) return zipParts(zipped, ZIP_LEVEL, new Date(options.now));
  await zipInto(zipped, ZIP_LEVEL, push, new Date(options.now));
  return new Uint8Array(0);
}

const DOCUMENT_PART = 'word/document.xml';

/**
 * A part's bytes as this realm's Uint8Array: the package may hand media over as an ArrayBuffer,
 * or as a Buffer from another realm (a vm context), which is no instance of this realm's class.
 */
function bytesOf(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer || Object.prototype.toString.call(data) === '[object ArrayBuffer]') return new Uint8Array(data as ArrayBuffer);
  return null;
}

/**
 * zlib's level for every part. Level 1 against 6 on the 25-draft anthology's 5.5 MB document
 * part: see the commit that set it.
 */
export const ZIP_LEVEL = 6;
