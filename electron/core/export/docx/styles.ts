/**
 * One style book per template: which Word style carries which template style, written as
 * real paragraph styles (Word's built-in ids and names, so a Chinese Word/WPS shows them as
 * 标题, 标题 1…, 正文, 题注, 目录 1…) instead of direct formatting on every paragraph.
 */
import type { Template, TextStyle } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';
import { esc, halfPoints, twips, XML_DECL, W_NS } from './xml.js';

/** What a paragraph is, independent of template: the writers ask for roles, the book answers with a style. */
export type Role =
  | 'normal' | 'title' | 'subtitle' | 'publisher' | 'tocHeading' | 'toc1' | 'toc2' | 'toc3'
  | 'part' | 'caseTitle' | 'caseSubtitle' | 'caseUnit' | 'h1' | 'h2' | 'h3' | 'h4'
  | 'quote' | 'byline' | 'note' | 'lead' | 'center' | 'caption' | 'footnote' | 'table'
  | 'header' | 'footer' | 'sectionTag' | 'credits' | 'organ' | 'docNumber' | 'signer' | 'addressees'
  | 'attachmentLine' | 'attachmentLabel' | 'attachmentTitle' | 'signature' | 'record' | 'commentText';

export interface BookStyle {
  role: Role;
  id: string;
  /** Word's built-in English name (localised by Word/WPS) or our own Chinese name. */
  name: string;
  style: TextStyle;
  /** 0-based outline level: what Word's 导航窗格 and WPS's 目录 read. */
  outline?: number;
  basedOn?: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** Whether paragraphs snap to the document grid (only the notice's body grid does). */
  snap?: boolean;
}

export interface StyleBook {
  template: Template;
  styles: Map<Role, BookStyle>;
  /** Line pitch of the body in points: the unit of spaceBefore/AfterLines. */
  bodyPitch: number;
  /**
   * Character spacing (twentieths of a point, ≤ 0) on every run so that the template's
   * characters per line fit: GB/T 9704's 28 × 3号 need −0.25 pt. Done with spacing rather than
   * the grid's charSpace alone, because LibreOffice gives a glyph wider than a grid cell two cells.
   */
  charSpacing: number;
  /** Faces by role from the template's docxFonts. */
  face: (style: TextStyle) => string;
  latin: string;
  get(role: Role): BookStyle;
}

interface RoleSpec {
  role: Role;
  id: string;
  name: string;
  keys: string[];
  outline?: number;
  keepNext?: boolean;
}

/** Roles whose Word style id depends on the template kind: where the case sits in the outline. */
function headingSpecs(kind: Template['kind']): RoleSpec[] {
  const heading = (n: number, role: Role, keys: string[]): RoleSpec => ({ role, id: `Heading${n}`, name: `heading ${n}`, keys, outline: n - 1, keepNext: true });
  if (kind === 'anthology') {
    return [
      heading(1, 'part', ['partTitle']),
      heading(2, 'caseTitle', ['caseTitle']),
      heading(3, 'h1', ['heading1']),
      heading(4, 'h2', ['heading2']),
      heading(5, 'h3', ['heading3']),
      heading(6, 'h4', ['heading4', 'heading3']),
    ];
  }
  if (kind === 'feature') {
    return [
      heading(1, 'caseTitle', ['caseHeading']),
      heading(2, 'h1', ['heading1']),
      heading(3, 'h2', ['heading2']),
      heading(4, 'h3', ['heading3']),
      heading(5, 'h4', ['heading4', 'heading3']),
    ];
  }
  return [
    heading(1, 'h1', ['heading1']),
    heading(2, 'h2', ['heading2']),
    heading(3, 'h3', ['heading3']),
    heading(4, 'h4', ['heading4', 'heading3']),
  ];
}

const COMMON_SPECS: RoleSpec[] = [
  { role: 'normal', id: 'Normal', name: 'Normal', keys: ['body'] },
  { role: 'title', id: 'Title', name: 'Title', keys: ['coverTitle', 'headline', 'title'] },
  { role: 'subtitle', id: 'Subtitle', name: 'Subtitle', keys: ['coverSubtitle', 'subtitle'] },
  { role: 'publisher', id: 'HBPublisher', name: '出版单位', keys: ['coverPublisher', 'credits', 'body'] },
  { role: 'tocHeading', id: 'TOCHeading', name: 'TOC Heading', keys: ['tocTitle'] },
  { role: 'toc1', id: 'TOC1', name: 'toc 1', keys: ['tocPart'] },
  { role: 'toc2', id: 'TOC2', name: 'toc 2', keys: ['tocEntry'] },
  { role: 'toc3', id: 'TOC3', name: 'toc 3', keys: ['tocEntry'] },
  { role: 'caseSubtitle', id: 'HBCaseSubtitle', name: '案例副标题', keys: ['caseSubtitle', 'subtitle', 'caseUnit'] },
  { role: 'caseUnit', id: 'HBCaseUnit', name: '创新单位', keys: ['caseUnit'] },
  { role: 'quote', id: 'Quote', name: 'Quote', keys: ['quote', 'body'] },
  { role: 'byline', id: 'HBByline', name: '署名行', keys: ['byline', 'signature', 'body'] },
  { role: 'note', id: 'HBNote', name: '附注', keys: ['note', 'byline', 'body'] },
  { role: 'lead', id: 'HBLead', name: '导语', keys: ['lead', 'quote', 'body'] },
  { role: 'center', id: 'HBCenter', name: '居中', keys: ['body'] },
  { role: 'caption', id: 'Caption', name: 'caption', keys: ['caption'] },
  { role: 'footnote', id: 'FootnoteText', name: 'footnote text', keys: ['footnote'] },
  { role: 'commentText', id: 'CommentText', name: 'annotation text', keys: ['footnote'] },
  { role: 'table', id: 'HBTable', name: '表格文字', keys: ['table', 'body'] },
  { role: 'header', id: 'Header', name: 'header', keys: ['runningHead', 'sectionTag', 'folio'] },
  { role: 'footer', id: 'Footer', name: 'footer', keys: ['folio'] },
  { role: 'sectionTag', id: 'HBSectionTag', name: '栏目', keys: ['sectionTag'] },
  { role: 'credits', id: 'HBCredits', name: '署名信息', keys: ['credits'] },
  { role: 'organ', id: 'HBOrgan', name: '发文机关标志', keys: ['organ'] },
  { role: 'docNumber', id: 'HBDocNumber', name: '发文字号', keys: ['docNumber'] },
  { role: 'signer', id: 'HBSigner', name: '签发人', keys: ['signer'] },
  { role: 'addressees', id: 'HBAddressees', name: '主送机关', keys: ['addressees'] },
  { role: 'attachmentLine', id: 'HBAttachmentLine', name: '附件说明', keys: ['attachmentLine'] },
  { role: 'attachmentLabel', id: 'HBAttachmentLabel', name: '附件标识', keys: ['attachmentLabel'] },
  { role: 'attachmentTitle', id: 'HBAttachmentTitle', name: '附件标题', keys: ['attachmentTitle'] },
  { role: 'signature', id: 'HBSignature', name: '署名和日期', keys: ['signature'] },
  { role: 'record', id: 'HBRecord', name: '版记', keys: ['record'] },
];

export function buildStyleBook(template: Template): StyleBook {
  const styles = new Map<Role, BookStyle>();
  const body = template.styles.body;
  if (!body) throw new Error(`template ${template.id} has no body style`);
  for (const spec of [...COMMON_SPECS, ...headingSpecs(template.kind)]) {
    const key = spec.keys.find((k) => template.styles[k]);
    if (!key) continue;
    let style = template.styles[key]!;
    if (spec.role === 'center') style = { ...style, align: 'center', indentChars: 0 };
    if (spec.role === 'toc3') style = { ...style, indentChars: style.indentChars + 2 };
    // House style many offices use (spec A.3): （一） in 楷体加粗, 1. in 仿宋加粗; the standard itself asks for no bold.
    if (template.kind === 'notice' && template.options.headingBold === true && (spec.role === 'h2' || spec.role === 'h3')) style = { ...style, bold: true };
    styles.set(spec.role, {
      role: spec.role,
      id: spec.id,
      name: spec.name,
      style,
      outline: spec.outline,
      keepNext: spec.keepNext,
      basedOn: spec.role === 'normal' ? undefined : 'Normal',
      // Cases start a new page through their own section (anthology.ts), not pageBreakBefore: LibreOffice drops
      // the space before a paragraph that breaks the page itself, Word keeps it.
      pageBreakBefore: false,
      // Exact line pitches already hold the grid; snapping would let LibreOffice widen glyphs to two cells.
      snap: false,
    });
  }
  const p = template.page;
  const lineWidth = mmToPt((p.width - p.marginInner - p.marginOuter - (p.columns - 1) * p.columnGap) / p.columns);
  const charPitch = p.gridChars ? lineWidth / p.gridChars : body.size;
  const book: StyleBook = {
    template,
    styles,
    charSpacing: charPitch < body.size ? Math.floor((charPitch - body.size) * 20) : 0,
    bodyPitch: body.lineHeight,
    latin: template.docxFonts.latin ?? 'Times New Roman',
    face: (style) => template.docxFonts[style.role] ?? template.docxFonts.song ?? '宋体',
    get(role) {
      return styles.get(role) ?? styles.get('normal')!;
    },
  };
  return book;
}

const JC: Record<TextStyle['align'], string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

/** Paragraph properties a style implies (also used inline where a paragraph overrides its style). */
export function paragraphProps(book: StyleBook, s: BookStyle): string {
  const st = s.style;
  const parts: string[] = [];
  if (s.keepNext) parts.push('<w:keepNext/>');
  if (s.pageBreakBefore) parts.push('<w:pageBreakBefore/>');
  if (!s.snap) parts.push('<w:snapToGrid w:val="0"/>');
  const before = twips(st.spaceBeforeLines * book.bodyPitch);
  const after = twips(st.spaceAfterLines * book.bodyPitch);
  parts.push(`<w:spacing w:before="${before}" w:after="${after}" w:line="${twips(st.lineHeight)}" w:lineRule="exact"/>`);
  // LibreOffice ignores firstLineChars; Word and WPS prefer it (it follows the style's size): write both.
  if (st.indentChars) {
    parts.push(`<w:ind w:firstLineChars="${Math.round(st.indentChars * 100)}" w:firstLine="${twips(st.indentChars * st.size)}"/>`);
  } else {
    parts.push('<w:ind w:firstLineChars="0" w:firstLine="0"/>');
  }
  parts.push(`<w:jc w:val="${JC[st.align]}"/>`);
  if (s.outline !== undefined) parts.push(`<w:outlineLvl w:val="${s.outline}"/>`);
  return parts.join('');
}

/** The rFonts element naming both faces; `hint` makes Word give ambiguous quotes the CJK face. */
export function fontsXml(book: StyleBook, st: TextStyle, hint = false): string {
  const latin = esc(book.latin);
  return `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${esc(book.face(st))}" w:cs="${latin}"${hint ? ' w:hint="eastAsia"' : ''}/>`;
}

export function runStyleProps(book: StyleBook, st: TextStyle): string {
  const parts = [fontsXml(book, st)];
  if (st.bold) parts.push('<w:b/><w:bCs/>');
  if (st.color && st.color.toUpperCase() !== '000000') parts.push(`<w:color w:val="${st.color}"/>`);
  parts.push(`<w:sz w:val="${halfPoints(st.size)}"/><w:szCs w:val="${halfPoints(st.size)}"/>`);
  return parts.join('');
}

export function stylesXml(book: StyleBook): string {
  const normal = book.get('normal');
  const out: string[] = [XML_DECL, `<w:styles ${W_NS}>`];
  const body = normal.style;
  const overflow = book.template.kind === 'notice' ? '<w:overflowPunct w:val="0"/>' : '';
  out.push(
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
      fontsXml(book, body) +
      (book.charSpacing ? `<w:spacing w:val="${book.charSpacing}"/>` : '') +
      `<w:kern w:val="2"/><w:sz w:val="${halfPoints(body.size)}"/><w:szCs w:val="${halfPoints(body.size)}"/>` +
      '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
      `<w:pPrDefault><w:pPr><w:widowControl/>${overflow}<w:autoSpaceDE/><w:autoSpaceDN${book.template.options.autoSpaceDigits === false ? ' w:val="0"' : ''}/></w:pPr></w:pPrDefault></w:docDefaults>`,
  );
  for (const s of book.styles.values()) {
    const isNormal = s.role === 'normal';
    const builtinHidden = s.id.startsWith('TOC') || s.id === 'Header' || s.id === 'Footer' || s.id === 'FootnoteText' || s.id === 'CommentText';
    out.push(
      `<w:style w:type="paragraph"${isNormal ? ' w:default="1"' : ''} w:styleId="${s.id}"${s.id.startsWith('HB') ? ' w:customStyle="1"' : ''}>` +
        `<w:name w:val="${esc(s.name)}"/>` +
        (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '') +
        (s.outline !== undefined || s.role === 'title' ? `<w:next w:val="Normal"/>` : '') +
        (builtinHidden ? '<w:uiPriority w:val="39"/><w:unhideWhenUsed/>' : '<w:qFormat/>') +
        `<w:pPr>${paragraphProps(book, s)}</w:pPr>` +
        `<w:rPr>${runStyleProps(book, s.style)}</w:rPr></w:style>`,
    );
  }
  // Character styles: the run-in heading face, note and comment marks, links.
  const runIn = book.template.styles.runIn;
  if (runIn) out.push(`<w:style w:type="character" w:customStyle="1" w:styleId="HBRunIn"><w:name w:val="段首标题"/><w:qFormat/><w:rPr>${runStyleProps(book, runIn)}</w:rPr></w:style>`);
  out.push(
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
    '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>',
  );
  out.push('</w:styles>');
  return out.join('');
}
