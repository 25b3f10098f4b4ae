/**
 * Pictures a caption announces but the draft did not carry (the photo stayed in the sender's
 * Word file, or was a link). Both writers treat them alike: by default the caption prints
 * without a box (a grey box without a word reads as a printing fault); a template with
 * `"missingPictures": "placeholder"` keeps a box marked 图片待补 where the photo will go. Either
 * way the export report lists each one, so the editor can ask for the photo.
 */
import type { Block, CollectionBundle, NoticeDocument } from '../model/types.js';
import { inlineText } from '../model/text.js';
import type { Template } from '../templates/schema.js';
import { mmToPt } from '../templates/sizes.js';
import { decodeDataUri } from '../layout/images.js';
import { caseList, titleOf } from './parts.js';
import type { ExportWarning } from './report.js';

export type MissingPictureMode = 'omit' | 'placeholder';

/** Printed inside a kept placeholder box. */
export const PLACEHOLDER_LABEL = '图片待补';

export function missingPictureMode(template: Template): MissingPictureMode {
  return template.options.missingPictures === 'placeholder' ? 'placeholder' : 'omit';
}

/** Height of the box a missing picture keeps, in pt; 0 when the template leaves it out. */
export function placeholderHeight(template: Template, fallbackPt: number): number {
  if (missingPictureMode(template) === 'omit') return 0;
  const mm = template.options.photoPlaceholderHeightMm;
  return typeof mm === 'number' ? mmToPt(mm) : fallbackPt;
}

/** A picture block neither writer can draw: no source, or one whose data cannot be read. */
export function isMissingPicture(block: Extract<Block, { type: 'image' }>): boolean {
  return !block.src || !decodeDataUri(block.src);
}

function* pictures(blocks: readonly Block[]): Generator<Extract<Block, { type: 'image' }>> {
  for (const b of blocks) {
    if (b.type === 'image') yield b;
    else if (b.type === 'list') for (const item of b.items) yield* pictures(item);
    else if (b.type === 'quote') yield* pictures(b.blocks);
    else if (b.type === 'table') for (const row of b.rows) for (const cell of row) yield* pictures(cell.blocks);
  }
}

/** One warning per missing picture of what is exported, naming the case and the caption. */
/**
 * What prints, one document at a time: a long book's case bodies are read from the library as
 * they are asked for (store/bundleCases.ts), and a list of them all held every body at once.
 */
function* printed(template: Template, input: { bundle?: CollectionBundle; notice?: NoticeDocument }): Generator<{ id?: string; title: string; blocks: Block[] }> {
  // The collection's lead prints too: as the book's 前言, as the feature's 导语. It is no document of the library.
  const lead = input.bundle?.collection.lead;
  if (lead?.length) yield { title: template.kind === 'anthology' ? '前言' : '导语', blocks: lead };
  if (input.notice) yield { id: input.notice.id, title: input.notice.meta.title, blocks: [...input.notice.body, ...input.notice.attachments.flatMap((a) => a.blocks)] };
  if (input.bundle) for (const part of caseList(input.bundle)) for (const c of part.cases) yield { id: c.id, title: titleOf(c), blocks: c.body };
}

export function missingPictureWarnings(template: Template, input: { bundle?: CollectionBundle; notice?: NoticeDocument }): ExportWarning[] {
  const kept = missingPictureMode(template) === 'placeholder';
  const out: ExportWarning[] = [];
  for (const doc of printed(template, input)) {
    for (const pic of pictures(doc.blocks)) {
      if (!isMissingPicture(pic)) continue;
      const caption = pic.caption?.length ? inlineText(pic.caption).trim() : (pic.alt ?? '');
      out.push({
        kind: 'missing-picture',
        ...(doc.id ? { document: doc.id } : {}),
        title: doc.title,
        message: `缺少图片（${doc.title}）：${caption ? `图注为 ${caption.slice(0, 40)}` : '一幅无图注的图片'}。${kept ? `已留出标有“${PLACEHOLDER_LABEL}”的位置` : '只印出图注'}；请向报送单位索取原图，插入后重新导出。`,
      });
    }
  }
  return out;
}
