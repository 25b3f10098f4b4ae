/**
 * Puts the parts together into the .docx zip: content types, relationships, settings,
 * numbering, notes, comments (+ commentsExtended for replies and resolved state), custom
 * properties with the Huibian document ids, and the export manifest as a custom XML part.
 */
import JSZip from 'jszip';
import type { DocxContext, ListStyle } from './context.js';
import { REL } from './context.js';
import { stylesXml } from './styles.js';
import { fontsXml } from './styles.js';
import { esc, XML_DECL, W_NS } from './xml.js';

export const MANIFEST_NS = 'urn:huibian:export:1';
const PROPERTY_PIECE = 240;

/** What the review reader needs to recognise and diff a Huibian export. */
export interface ExportManifest {
  version: 1;
  template: string;
  exportedAt: string;
  documents: Array<{ id: string; index: number; bookmark: string; paragraphs: string[] }>;
  comments: Array<{ wordId: number; threadId: string; documentId: string; author: string; text: string; reply: number | null }>;
}

export interface PackageOptions {
  body: string;
  evenAndOddHeaders?: boolean;
  mirrorMargins?: boolean;
  title: string;
  documentIds: string[];
  bookmarkPrefix: string;
}

const LIST_FORMATS: Record<ListStyle, { fmt: string; text: string }> = {
  decimal: { fmt: 'decimal', text: '%1.' },
  cjk: { fmt: 'chineseCounting', text: '%1、' },
  'paren-cjk': { fmt: 'chineseCounting', text: '（%1）' },
  'paren-decimal': { fmt: 'decimal', text: '（%1）' },
  bullet: { fmt: 'bullet', text: '•' },
};

function numberingXml(ctx: DocxContext): string {
  const styles = Object.keys(LIST_FORMATS) as ListStyle[];
  const body = ctx.book.get('normal').style;
  const indent = Math.round(body.indentChars * body.size * 20);
  const abstract = styles
    .map((s, i) => {
      const f = LIST_FORMATS[s];
      return (
        `<w:abstractNum w:abstractNumId="${i}"><w:multiLevelType w:val="singleLevel"/>` +
        `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${f.fmt}"/><w:suff w:val="nothing"/><w:lvlText w:val="${f.text}"/><w:lvlJc w:val="left"/>` +
        `<w:pPr><w:ind w:left="0" w:firstLine="${indent}"/></w:pPr>` +
        `<w:rPr>${fontsXml(ctx.book, body)}</w:rPr></w:lvl></w:abstractNum>`
      );
    })
    .join('');
  const nums = ctx.lists
    .map(
      (l, i) =>
        `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${styles.indexOf(l.style)}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="${l.start}"/></w:lvlOverride></w:num>`,
    )
    .join('');
  return `${XML_DECL}<w:numbering ${W_NS}>${abstract}${nums}</w:numbering>`;
}

function footnotesXml(ctx: DocxContext): string {
  return (
    `${XML_DECL}<w:footnotes ${W_NS}>` +
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>' +
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
    ctx.footnotes.join('') +
    '</w:footnotes>'
  );
}

function settingsXml(options: PackageOptions): string {
  return (
    `${XML_DECL}<w:settings ${W_NS}><w:zoom w:percent="100"/>` +
    (options.mirrorMargins ? '<w:mirrorMargins/>' : '') +
    '<w:defaultTabStop w:val="420"/>' +
    (options.evenAndOddHeaders ? '<w:evenAndOddHeaders/>' : '') +
    '<w:characterSpacingControl w:val="compressPunctuation"/>' +
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' +
    '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>' +
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>'
  );
}

function fontTableXml(ctx: DocxContext): string {
  const faces = new Set(Object.values(ctx.template.docxFonts));
  const body = [...faces]
    .map((f) => {
      const cjk = [...f].some((ch) => ch.charCodeAt(0) > 0x7f);
      return `<w:font w:name="${esc(f)}"><w:charset w:val="${cjk ? '86' : '00'}"/><w:family w:val="${cjk ? 'modern' : 'roman'}"/><w:pitch w:val="${cjk ? 'fixed' : 'variable'}"/></w:font>`;
    })
    .join('');
  return `${XML_DECL}<w:fonts ${W_NS}>${body}</w:fonts>`;
}

function customPropsXml(props: Record<string, string>): string {
  let pid = 2;
  const body = Object.entries(props)
    .map(([name, value]) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid++}" name="${esc(name)}"><vt:lpwstr>${esc(value)}</vt:lpwstr></property>`)
    .join('');
  return `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${body}</Properties>`;
}

function coreXml(title: string, now: string): string {
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${esc(title)}</dc:title><dc:creator>Huibian</dc:creator><cp:lastModifiedBy>Huibian</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`
  );
}

export async function packageDocx(ctx: DocxContext, options: PackageOptions): Promise<Uint8Array> {
  const zip = new JSZip();
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const overrides: Array<[string, string]> = [];
  const ct = (part: string, type: string) => overrides.push([`/${part}`, type]);
  const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

  ctx.rel(REL.styles, 'styles.xml');
  ctx.rel(REL.settings, 'settings.xml');
  ctx.rel(REL.fontTable, 'fontTable.xml');
  zip.file('word/styles.xml', stylesXml(ctx.book));
  zip.file('word/settings.xml', settingsXml(options));
  zip.file('word/fontTable.xml', fontTableXml(ctx));
  ct('word/styles.xml', `${WML}.styles+xml`);
  ct('word/settings.xml', `${WML}.settings+xml`);
  ct('word/fontTable.xml', `${WML}.fontTable+xml`);

  ctx.rel(REL.numbering, 'numbering.xml');
  zip.file('word/numbering.xml', numberingXml(ctx));
  ct('word/numbering.xml', `${WML}.numbering+xml`);

  ctx.rel(REL.footnotes, 'footnotes.xml');
  zip.file('word/footnotes.xml', footnotesXml(ctx));
  ct('word/footnotes.xml', `${WML}.footnotes+xml`);

  if (ctx.comments.count) {
    ctx.rel(REL.comments, 'comments.xml');
    ctx.rel(REL.commentsExtended, 'commentsExtended.xml');
    ctx.rel(REL.people, 'people.xml');
    zip.file('word/comments.xml', ctx.comments.commentsXml());
    zip.file('word/commentsExtended.xml', ctx.comments.commentsExtendedXml());
    zip.file('word/people.xml', ctx.comments.peopleXml());
    ct('word/comments.xml', `${WML}.comments+xml`);
    ct('word/commentsExtended.xml', `${WML}.commentsExtended+xml`);
    ct('word/people.xml', `${WML}.people+xml`);
  }

  for (const [name, xml] of ctx.parts) {
    zip.file(`word/${name}`, xml);
    ct(`word/${name}`, name.startsWith('header') ? `${WML}.header+xml` : `${WML}.footer+xml`);
  }
  for (const m of ctx.media) zip.file(`word/media/${m.name}`, m.data);

  const manifest: ExportManifest = {
    version: 1,
    template: ctx.template.id,
    exportedAt: now,
    documents: ctx.snapshot.map((d) => ({ id: d.id, index: d.index, bookmark: `${options.bookmarkPrefix}${d.index}`, paragraphs: d.paragraphs })),
    comments: ctx.comments.exported,
  };
  ctx.rel(REL.customXml, '../customXml/item1.xml');
  zip.file('customXml/item1.xml', `${XML_DECL}<hb:manifest xmlns:hb="${MANIFEST_NS}">${esc(JSON.stringify(manifest))}</hb:manifest>`);
  zip.file(
    'customXml/itemProps1.xml',
    `${XML_DECL}<ds:datastoreItem ds:itemID="{6B3C1D2E-4F5A-4B6C-9D7E-8F9A0B1C2D3E}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${MANIFEST_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  zip.file(
    'customXml/_rels/item1.xml.rels',
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  );
  ct('customXml/itemProps1.xml', 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml');

  zip.file('word/document.xml', `${XML_DECL}<w:document ${W_NS}><w:body>${options.body}</w:body></w:document>`);
  ct('word/document.xml', `${WML}.document.main+xml`);
  zip.file(
    'word/_rels/document.xml.rels',
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      ctx.rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`).join('') +
      '</Relationships>',
  );

  zip.file('docProps/core.xml', coreXml(options.title, now));
  zip.file(
    'docProps/app.xml',
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Huibian</Application></Properties>`,
  );
  // Word keeps only the first 255 characters of a text property it re-saves: the id list also
  // goes out in numbered pieces that each survive, and the reader joins them when the whole is cut.
  const ids = JSON.stringify(options.documentIds);
  const pieces: Record<string, string> = {};
  for (let i = 0, n = 1; i < ids.length; i += PROPERTY_PIECE, n++) pieces[`HuibianDocumentIds_${n}`] = ids.slice(i, i + PROPERTY_PIECE);
  zip.file(
    'docProps/custom.xml',
    customPropsXml({
      HuibianDocumentIds: ids,
      HuibianTemplate: ctx.template.id,
      HuibianExportedAt: now,
      HuibianBookmarkPrefix: options.bookmarkPrefix,
      ...(ids.length > PROPERTY_PIECE ? pieces : {}),
    }),
  );
  ct('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml');
  ct('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml');
  ct('docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml');

  zip.file(
    '_rels/.rels',
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    '[Content_Types].xml',
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="gif" ContentType="image/gif"/><Default Extension="bmp" ContentType="image/bmp"/>' +
      overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
      '</Types>',
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
