/** Class names Lexical puts on the editor's DOM; styled in styles/editor.css. */
import type { EditorThemeClasses } from 'lexical';

export const editorTheme: EditorThemeClasses = {
  paragraph: 'hb-p',
  quote: 'hb-quote',
  heading: { h1: 'hb-h1', h2: 'hb-h2', h3: 'hb-h3', h4: 'hb-h4', h5: 'hb-h4', h6: 'hb-h4' },
  list: {
    ol: 'hb-ol',
    ul: 'hb-ul',
    listitem: 'hb-li',
    nested: { listitem: 'hb-li-nested' },
  },
  link: 'hb-link',
  mark: 'hb-comment',
  markOverlap: 'hb-comment-overlap',
  table: 'hb-table',
  tableCell: 'hb-td',
  tableCellHeader: 'hb-th',
  tableRow: 'hb-tr',
  text: {
    bold: 'hb-bold',
    italic: 'hb-italic',
    underline: 'hb-underline',
    strikethrough: 'hb-strike',
    underlineStrikethrough: 'hb-underline-strike',
    superscript: 'hb-sup',
    subscript: 'hb-sub',
  },
};
