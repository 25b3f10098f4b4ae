/**
 * List formats as `docx` numbering definitions: one single-level definition per list style and
 * first number the document uses; each list of the model is its own instance, so numbering
 * restarts for every list.
 */
import { AlignmentType, LevelFormat, LevelSuffix, type INumberingOptions } from 'docx';
import type { StyleBook } from './styleBook.js';
import { listReference, type ListStyle } from './context.js';
import { fonts } from './blocks.js';

const LIST_FORMATS: Record<ListStyle, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }> = {
  decimal: { format: LevelFormat.DECIMAL, text: '%1.' },
  cjk: { format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  'paren-cjk': { format: LevelFormat.CHINESE_COUNTING, text: '（%1）' },
  'paren-decimal': { format: LevelFormat.DECIMAL, text: '（%1）' },
  bullet: { format: LevelFormat.BULLET, text: '•' },
};

export function numberingOptions(book: StyleBook, used: Iterable<{ style: ListStyle; start: number }>): INumberingOptions {
  const body = book.get('normal').style;
  const indent = Math.round(body.indentChars * body.size * 20);
  return {
    config: [...used].map(({ style, start }) => ({
      reference: listReference({ style, start }),
      levels: [
        {
          level: 0,
          format: LIST_FORMATS[style].format,
          text: LIST_FORMATS[style].text,
          start,
          suffix: LevelSuffix.NOTHING,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 0, firstLine: indent } }, run: { font: fonts(book, body) } },
        },
      ],
    })),
  };
}
