/**
 * The anthology's front matter after the cover, worked out once for both writers: the
 * collection's 导语 printed as the book's 前言 (spec B.4: 前言 comes before the 目录, on a page of
 * its own; front matter takes Roman folios, the body starts again at 1). The part is ordinary
 * model blocks under a title, so the PDF and the DOCX set it as they set any text, and a lead
 * with nothing in it prints nothing. The 目录 does not list it: it comes before the 目录.
 */
import type { Block, CollectionBundle } from '../model/types.js';
import { blocksText } from '../model/text.js';
import type { Template } from '../templates/schema.js';

export interface FrontMatterPart {
  kind: 'preface';
  /** As printed at the head of its first page. */
  title: string;
  /** The name of its bookmark (PDF outline). */
  outline: string;
  blocks: Block[];
}

const PREFACE_TITLE = '前\u3000言';

/** True when a block prints something: text, a caption, a picture or a table. */
function prints(block: Block): boolean {
  if (block.type === 'image') return Boolean(block.src) || blocksText([block]).trim().length > 0;
  if (block.type === 'table') return block.rows.length > 0;
  if (block.type === 'pageBreak') return false;
  return blocksText([block]).trim().length > 0;
}

/**
 * A feature's 导语 carries the lead role (楷体 across the opener); in the book it is the 前言's
 * body text, set as the cases' body is.
 */
function asBody(block: Block): Block {
  if (block.type !== 'paragraph' || block.role !== 'lead') return block;
  const { role: _role, ...rest } = block;
  return rest;
}

/** The parts before the 目录, in order; none when the collection has no lead with text in it. */
export function frontMatter(template: Template, bundle: CollectionBundle): FrontMatterPart[] {
  const lead = bundle.collection.lead ?? [];
  const blocks = lead.filter(prints).map(asBody);
  if (!blocks.length) return [];
  const asked = template.options.prefaceTitle;
  const title = typeof asked === 'string' && asked.trim() ? asked.trim() : PREFACE_TITLE;
  return [{ kind: 'preface', title, outline: title.replace(/\s/g, ''), blocks }];
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** A front-matter folio as printed: upper-case Roman, as Word's upperRoman page numbers are. */
export function romanFolio(n: number): string {
  let out = '';
  let rest = Math.max(1, Math.floor(n));
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}
