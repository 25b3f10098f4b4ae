/**
 * Main content of a saved web page: @mozilla/readability (Firefox's reader view) over linkedom
 * decides which part of the page is the article; our own HTML reader still reads the page, so
 * the article keeps its headings, lists, tables and pictures exactly as the reader gives them.
 * Lines of the page outside the article become furniture — listed as dropped, in page order,
 * so the preview can restore any of them. Only HTML and MHTML pages go through here (Word and
 * Markdown have no page around the text), so the import benchmark never pays for it.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { SourceLine } from '../lines.js';
import { trimLine } from '../lines.js';

/** Below this much article text, readability's choice is a guess: the page is left as read. */
const MIN_ARTICLE_CHARS = 140;

function key(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/gu, '');
}

/** Texts of the article readability finds, or null when it finds none worth trusting. */
export function articleTexts(html: string, toLines: (html: string) => SourceLine[]): { texts: Set<string>; title: string | null } | null {
  let article: { content?: string | null; textContent?: string | null; title?: string | null } | null = null;
  try {
    const { document } = parseHTML(html);
    article = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
  } catch {
    return null;
  }
  if (!article?.content || key(article.textContent ?? '').length < MIN_ARTICLE_CHARS) return null;
  const texts = new Set<string>();
  for (const line of toLines(article.content)) if (line.text) texts.add(key(line.text));
  return { texts, title: article.title ? trimLine(article.title) : null };
}

/**
 * Marks the page's lines outside the article as furniture. Inside the article's span a line
 * readability left out is dropped only when it is short and no sentence (a widget, a label),
 * since readability sometimes sheds a real paragraph with a link-heavy neighbour.
 */
export function markOutsideArticle(lines: SourceLine[], article: { texts: Set<string>; title: string | null }): void {
  const inArticle = (l: SourceLine) => Boolean(l.text) && article.texts.has(key(l.text));
  // Readability can pick the wrong block (a comment thread, a list of news): when its choice
  // holds little of the page's running text, the page is left to the line stages.
  let prose = 0;
  let kept = 0;
  for (const l of lines) {
    if (!/[。！？]/u.test(l.text)) continue;
    prose += l.text.length;
    if (inArticle(l)) kept += l.text.length;
  }
  if (prose > 0 && kept < prose * 0.5) return;
  const first = lines.findIndex(inArticle);
  if (first < 0) return;
  let last = first;
  for (let i = lines.length - 1; i >= first; i--) {
    if (inArticle(lines[i]!)) {
      last = i;
      break;
    }
  }
  // The title sits above the article's body on most pages; readability keeps it apart.
  const title = article.title ? key(article.title) : null;
  let titleAt = -1;
  if (title) {
    for (let i = 0; i < first; i++) {
      const k = key(lines[i]!.text);
      if (k && (k === title || (k.length >= 6 && title.startsWith(k)))) titleAt = i;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.furniture || !l.text || inArticle(l) || i === titleAt) continue;
    // Between the title and the article: dates, sources and subtitles the stages read as metadata.
    if (titleAt >= 0 && i > titleAt && i < first && l.text.length <= 120) continue;
    const inside = i > first && i < last;
    if (inside && (l.text.length > 40 || /[。！？]/u.test(l.text) || l.image || l.table)) continue;
    if (!inside && (l.image || l.table)) continue;
    l.furniture = true;
  }
}
