/** Markdown drafts: markdown-it renders them and the HTML reader takes the result. */
import MarkdownIt from 'markdown-it';
import type { ReadResult } from '../lines.js';
import { readHtml } from './html.js';

let md: InstanceType<typeof MarkdownIt> | null = null;

/**
 * CommonMark does not close "**一是…。**制定…" (a closing ** after punctuation must be followed by
 * space or punctuation), which is how Chinese authors write bold run-ins. Such pairs on one line
 * are marked with private-use characters before rendering and turned into <strong> after.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const BOLD_PAIR = /\*\*([^*\n]+?)\*\*/gu;

export function readMarkdown(text: string, encoding: string): ReadResult {
  // html: false so that raw HTML in a draft is shown as text, not run as markup.
  md ??= new MarkdownIt({ html: false, linkify: false, breaks: true });
  const marked = text.replace(/[\uE000\uE001]/gu, '').replace(BOLD_PAIR, `${OPEN}$1${CLOSE}`);
  const html = md.render(marked).replaceAll(OPEN, '<strong>').replaceAll(CLOSE, '</strong>');
  return readHtml(html, 'md', encoding);
}
