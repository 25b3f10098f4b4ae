/**
 * The template's style book as `docx` style options: real paragraph styles with Word's built-in
 * ids and names (so a Chinese Word/WPS shows them as 标题, 标题 1…, 正文, 题注, 目录 1…),
 * both faces, 字号 sizes, exact line pitches and outline levels, instead of direct formatting.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IRunStylePropertiesOptions, type IStylesOptions } from 'docx';
import type { TextStyle } from '../../templates/schema.js';
import type { BookStyle, StyleBook } from './styleBook.js';
import { halfPoints, twips } from './xml.js';
import { fonts } from './blocks.js';

const JC = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

function runStyle(book: StyleBook, st: TextStyle): IRunStylePropertiesOptions {
  return {
    font: fonts(book, st),
    bold: st.bold || undefined,
    boldComplexScript: st.bold || undefined,
    color: st.color && st.color.toUpperCase() !== '000000' ? st.color : undefined,
    size: halfPoints(st.size),
    sizeComplexScript: halfPoints(st.size),
  };
}

/** Word's own hidden-until-used styles (TOC, header/footer, notes) are not offered in the gallery. */
const BUILTIN_HIDDEN = /^(TOC\d|Header|Footer|FootnoteText|CommentText)$/;

function paragraphStyle(book: StyleBook, s: BookStyle): IParagraphStyleOptions {
  const st = s.style;
  const hidden = BUILTIN_HIDDEN.test(s.id);
  return {
    id: s.id,
    name: s.name,
    basedOn: s.basedOn,
    next: s.outline !== undefined || s.role === 'title' ? 'Normal' : undefined,
    quickFormat: hidden ? undefined : true,
    uiPriority: hidden ? 39 : undefined,
    unhideWhenUsed: hidden || undefined,
    paragraph: {
      keepNext: s.keepNext || undefined,
      spacing: { before: twips(st.spaceBeforeLines * book.bodyPitch), after: twips(st.spaceAfterLines * book.bodyPitch), line: twips(st.lineHeight), lineRule: LineRuleType.EXACT },
      // LibreOffice ignores firstLineChars; Word and WPS prefer it (it follows the style's size): both are written.
      indent: st.indentChars ? { firstLineChars: Math.round(st.indentChars * 100), firstLine: twips(st.indentChars * st.size) } : { firstLineChars: 0, firstLine: 0 },
      alignment: JC[st.align],
      outlineLevel: s.outline,
    },
    run: runStyle(book, st),
  };
}

export function stylesOptions(book: StyleBook): IStylesOptions {
  const body = book.get('normal').style;
  const runIn = book.template.styles.runIn;
  return {
    default: {
      document: {
        run: {
          font: fonts(book, body),
          characterSpacing: book.charSpacing || undefined,
          kern: 2,
          size: halfPoints(body.size),
          sizeComplexScript: halfPoints(body.size),
          language: { value: 'en-US', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
        },
        paragraph: {},
      },
    },
    paragraphStyles: [...book.styles.values()].map((s) => paragraphStyle(book, s)),
    characterStyles: [
      ...(runIn ? [{ id: 'HBRunIn', name: '段首标题', quickFormat: true, run: runStyle(book, runIn) }] : []),
      { id: 'FootnoteReference', name: 'footnote reference', basedOn: 'DefaultParagraphFont', run: { superScript: true } },
      { id: 'CommentReference', name: 'annotation reference', basedOn: 'DefaultParagraphFont', run: { size: 16, sizeComplexScript: 16 } },
      { id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: '0563C1', underline: { type: 'single' } } },
    ],
  };
}
