/**
 * One style book per template: which Word style carries which template style (Word's built-in
 * ids and names, so a Chinese Word/WPS shows them as 标题, 标题 1…, 正文, 题注, 目录 1…);
 * styles.ts writes them as real paragraph styles instead of direct formatting.
 */
import type { Template, TextStyle } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';

/** What a paragraph is, independent of template: the writers ask for roles, the book answers with a style. */
export type Role =
  | 'normal' | 'title' | 'subtitle' | 'publisher' | 'tocHeading' | 'toc1' | 'toc2' | 'toc3'
  | 'part' | 'caseTitle' | 'caseSubtitle' | 'caseUnit' | 'h1' | 'h2' | 'h3' | 'h4'
  | 'quote' | 'byline' | 'note' | 'lead' | 'center' | 'caption' | 'footnote' | 'table'
  | 'header' | 'footer' | 'sectionTag' | 'credits' | 'organ' | 'docNumber' | 'signer' | 'addressees'
  | 'attachmentLine' | 'attachmentLabel' | 'attachmentTitle' | 'signature' | 'record' | 'commentText'
  | 'indexHeading' | 'index1';

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
  // The back matter's 地区索引 and 领域索引 (Word's own index styles: a group line, an entry).
  { role: 'indexHeading', id: 'IndexHeading', name: 'index heading', keys: ['indexGroup', 'tocPart'] },
  { role: 'index1', id: 'Index1', name: 'index 1', keys: ['indexEntry', 'tocEntry'] },
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
