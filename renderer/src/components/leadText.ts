/**
 * The collection's 导语 (the anthology's 前言) edited as plain text, one paragraph a line,
 * without losing what plain text cannot show: a paragraph whose words did not change keeps its
 * block (marks, role, notes), and pictures, tables and headings stay where they stood among
 * the paragraphs. Emptied, it is cleared with what it held, as the editor is told beforehand.
 */
import { inlineText } from '../../../electron/core/model/text.js';
import type { Block } from '../../../electron/core/model/types.js';

type Paragraph = Extract<Block, { type: 'paragraph' }>;

const isParagraph = (b: Block): b is Paragraph => b.type === 'paragraph';

export function leadToText(lead: readonly Block[]): string {
  return lead.filter(isParagraph).map((p) => inlineText(p.content)).join('\n');
}

/** Blocks plain text does not show (kept as they are). */
export function keptBlocks(lead: readonly Block[]): number {
  return lead.filter((b) => !isParagraph(b)).length;
}

export function applyLeadText(lead: readonly Block[], text: string): Block[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  // No text left: no 导语 at all (a picture alone would print as a 前言 of one caption).
  if (!lines.length) return [];
  const old = lead.filter(isParagraph);
  // Each other block, by the number of paragraphs before it.
  const placed = new Map<number, Block[]>();
  let seen = 0;
  for (const b of lead) {
    if (isParagraph(b)) seen++;
    else placed.set(seen, [...(placed.get(seen) ?? []), b]);
  }
  const out: Block[] = [];
  const count = Math.max(lines.length, 0);
  for (let i = 0; i < count; i++) {
    out.push(...(placed.get(i) ?? []));
    const was = old[i];
    const line = lines[i]!;
    if (was && inlineText(was.content) === line) out.push(was);
    else out.push({ type: 'paragraph', content: [{ type: 'text', text: line }], ...(was?.role ? { role: was.role } : {}) });
  }
  // Blocks that stood after the last paragraph kept (or after paragraphs now removed) go last.
  for (const [at, blocks] of [...placed].sort((a, b) => a[0] - b[0])) if (at >= count) out.push(...blocks);
  return out;
}
