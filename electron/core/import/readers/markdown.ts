/** Markdown drafts: markdown-it renders them and the HTML reader takes the result. */
import MarkdownIt from 'markdown-it';
import type { ReadResult } from '../lines.js';
import { readHtml } from './html.js';

let md: InstanceType<typeof MarkdownIt> | null = null;

export function readMarkdown(text: string, encoding: string): ReadResult {
  // html: false so that raw HTML in a draft is shown as text, not run as markup.
  md ??= new MarkdownIt({ html: false, linkify: false, breaks: true });
  return readHtml(md.render(text), 'md', encoding);
}
