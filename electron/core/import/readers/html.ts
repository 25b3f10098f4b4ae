/**
 * Saved web pages (and the HTML that mammoth and markdown-it produce). Block elements become
 * lines; bold/italic runs are kept as marks; images keep their alt text and figure captions;
 * tables become table blocks. Script, style and navigation are never content.
 */
import { parseDocument } from 'htmlparser2';
import type { Block, FootnoteInline, HeadingLevel, Inline, Mark, TableBlock, TableCell, TextInline } from '../../model/types.js';
import { restoreLostIndent, restoreLostIndentStart, trimLine, type ReadResult, type SourceLine } from '../lines.js';
import { articleTexts, markOutsideArticle } from './maincontent.js';

/** The little of domhandler's node shape this reader needs. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'iframe', 'form', 'button', 'select', 'option', 'textarea', 'template', 'svg', 'canvas', 'head', 'title', 'meta', 'link', 'object', 'embed']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'address', 'center', 'body', 'html', 'figure', 'figcaption', 'hr', 'tr', 'td', 'th', 'caption', 'fieldset', 'legend',
]);
const MARKS: Record<string, Mark> = { b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline', s: 'strike', strike: 'strike', del: 'strike', sup: 'sup', sub: 'sub' };

/** Elements a site uses for its navigation even without <nav>. */
const NAV_CLASS = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumbs?|topbar|sidebar|share|toolbar|footer|foot|copyright|bottom)(?:$|[\s_-])/i;

interface ListState {
  ordered: boolean;
  next: number;
  /** The item being read: its number, and whether its first line has been emitted. */
  item: { number: number; opened: boolean } | null;
}

class LineBuilder {
  readonly lines: SourceLine[] = [];
  private runs: Array<TextInline | FootnoteInline> = [];
  readonly lists: ListState[] = [];

  addText(value: string, marks: Mark[]): void {
    // Inside a line HTML whitespace collapses; between CJK characters a newline is no space.
    const collapsed = value.replace(/[\t\n\r ]+/g, ' ');
    if (!collapsed) return;
    const last = this.runs[this.runs.length - 1];
    const key = marks.slice().sort().join(',');
    if (last && last.type === 'text' && (last.marks ?? []).slice().sort().join(',') === key) last.text += collapsed;
    else this.runs.push(marks.length ? { type: 'text', text: collapsed, marks: [...new Set(marks)] } : { type: 'text', text: collapsed });
  }

  /** A footnote reference: the note's text travels inline, out of the line's running text. */
  addFootnote(note: string): void {
    this.runs.push({ type: 'footnote', blocks: [{ type: 'paragraph', content: [{ type: 'text', text: note }] }] });
  }

  flush(heading?: HeadingLevel): void {
    const runs = this.runs;
    this.runs = [];
    if (runs.length === 0) return;
    // Trim the line as a whole, keeping run boundaries.
    const texts = runs.filter((r): r is TextInline => r.type === 'text');
    const first = texts[0];
    // (And an indent a bad re-encoding turned into question marks: lines.ts restoreLostIndent.)
    if (first) first.text = restoreLostIndentStart(first.text).replace(/^[\s\u3000\u00a0]+/u, '');
    const last = texts[texts.length - 1];
    if (last) last.text = last.text.replace(/[\s\u3000\u00a0]+$/u, '');
    const kept = runs.filter((r) => r.type !== 'text' || r.text.length > 0);
    const text = trimLine(restoreLostIndent(texts.map((r) => r.text).join('')));
    if (!text) return;
    const line: SourceLine = { text };
    if (kept.some((r) => r.type === 'footnote' || (r.marks && r.marks.length))) line.inlines = kept;
    if (heading) line.heading = heading;
    this.markList(line);
    this.lines.push(line);
  }

  push(line: SourceLine): void {
    this.flush();
    this.markList(line);
    this.lines.push(line);
  }

  private markList(line: SourceLine): void {
    const list = this.lists[this.lists.length - 1];
    if (!list || !list.item) return;
    line.list = { ordered: list.ordered, number: list.item.number, depth: this.lists.length - 1, first: !list.item.opened };
    list.item.opened = true;
  }
}

/** Text of a furniture block with its pieces (links, items) kept apart by spaces, for the preview. */
function furnitureText(node: DomNode): string {
  const parts: string[] = [];
  const collect = (n: DomNode) => {
    if (n.type === 'text') {
      const t = trimLine((n.data ?? '').replace(/\s+/g, ' '));
      if (t) parts.push(t);
    } else if (n.type === 'tag' || n.type === 'root') for (const c of n.children ?? []) collect(c);
  };
  collect(node);
  return parts.join(' ');
}

function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.children) return node.children.map(textOf).join('');
  return '';
}

function headingLevel(name: string): HeadingLevel | undefined {
  const m = /^h([1-6])$/.exec(name);
  if (!m) return undefined;
  return Math.min(4, Number(m[1])) as HeadingLevel;
}

/** Maps an image reference to the data the page saved with it (MHTML archives). */
export type ResolveSrc = (src: string) => string | undefined;

function imageSrc(src: string | undefined, resolve: ResolveSrc | undefined): string | undefined {
  if (!src) return undefined;
  const resolved = resolve?.(src);
  if (resolved) return resolved;
  return src.startsWith('data:') || /^https?:/i.test(src) ? src : undefined;
}

let resolveSrc: ResolveSrc | undefined;
/** Word footnotes and endnotes as mammoth writes them (<li id="footnote-1">), by id; their list is not body text. */
let notes: Map<string, string> = new Map();
const noteNodes = new Set<DomNode>();
const NOTE_ID = /^(?:foot|end)note-\d+$/;
const NOTE_BACKLINK = /^#(?:foot|end)note-ref-\d+$/;

function collectNotes(node: DomNode): void {
  if (node.type === 'tag' && node.attribs?.id && NOTE_ID.test(node.attribs.id)) {
    const text = trimLine(noteText(node).replace(/\s+/g, ' '));
    notes.set(node.attribs.id, text);
    noteNodes.add(node);
    return;
  }
  for (const child of node.children ?? []) collectNotes(child);
}

function noteText(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type === 'tag' && node.name === 'a' && NOTE_BACKLINK.test(node.attribs?.href ?? '')) return '';
  return (node.children ?? []).map(noteText).join('');
}

function walk(node: DomNode, out: LineBuilder, marks: Mark[], depth = 0): void {
  // Nesting the scan could not see (unclosed inline tags the parser nests) stops here, not in a stack overflow.
  if (depth > MAX_HTML_DEPTH) throw tooDeep(MAX_HTML_DEPTH);
  if (node.type === 'text') {
    out.addText(decodeEntities(node.data ?? ''), marks);
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') return;
  const name = (node.name ?? '').toLowerCase();
  if (noteNodes.has(node)) return;
  if (name === 'a') {
    const href = node.attribs?.href ?? '';
    const note = href.startsWith('#') ? notes.get(href.slice(1)) : undefined;
    if (note !== undefined) {
      out.addFootnote(note);
      return;
    }
  }
  if (node.type === 'script' || node.type === 'style' || SKIP.has(name)) {
    if (name === 'nav') {
      const t = furnitureText(node);
      if (t) out.push({ text: t, furniture: true });
    }
    return;
  }
  const cls = `${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`;
  // Page headers are left to dropBeforeTitle: an article's own header holds its title.
  if (node.type === 'tag' && ((BLOCK.has(name) && NAV_CLASS.test(cls)) || name === 'footer')) {
    out.flush();
    const t = furnitureText(node);
    if (t) out.push({ text: t, furniture: true });
    return;
  }
  if (name === 'br') {
    out.flush();
    return;
  }
  if (name === 'img') {
    const src = imageSrc(node.attribs?.src, resolveSrc);
    const alt = trimLine(node.attribs?.alt ?? '');
    const image: SourceLine['image'] = {};
    if (src) image.src = src;
    if (alt) image.alt = alt;
    const width = Number(node.attribs?.width);
    const height = Number(node.attribs?.height);
    if (width > 0) image.width = width;
    if (height > 0) image.height = height;
    out.push({ text: '', image });
    return;
  }
  if (name === 'table') {
    out.flush();
    const table = readTable(node);
    if (table.rows.length) out.push({ text: '', table });
    return;
  }
  if (name === 'figure') {
    out.flush();
    const caption = findChild(node, 'figcaption');
    const img = findChild(node, 'img');
    if (img) {
      const captionText = caption ? trimLine(textOf(caption).replace(/\s+/g, ' ')) : '';
      const src = imageSrc(img.attribs?.src, resolveSrc);
      const alt = trimLine(img.attribs?.alt ?? '');
      const image: SourceLine['image'] = {};
      if (src) image.src = src;
      if (alt) image.alt = alt;
      out.push({ text: captionText, image });
      return;
    }
  }
  if (name === 'ol' || name === 'ul') {
    out.flush();
    const start = Number(node.attribs?.start);
    out.lists.push({ ordered: name === 'ol', next: Number.isInteger(start) && start > 0 ? start : 1, item: null });
    for (const child of node.children ?? []) walk(child, out, marks, depth + 1);
    out.flush();
    out.lists.pop();
    return;
  }
  if (name === 'li' && out.lists.length) {
    out.flush();
    const list = out.lists[out.lists.length - 1]!;
    const outer = list.item;
    list.item = { number: list.next++, opened: false };
    for (const child of node.children ?? []) walk(child, out, marks, depth + 1);
    out.flush();
    list.item = outer;
    return;
  }
  const block = BLOCK.has(name);
  const level = headingLevel(name);
  if (block) out.flush();
  const mark = MARKS[name];
  const styleBold = /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(node.attribs?.style ?? '');
  const inner = mark ? [...marks, mark] : styleBold ? [...marks, 'bold' as Mark] : marks;
  for (const child of node.children ?? []) walk(child, out, inner, depth + 1);
  if (block) out.flush(level);
}

function findChild(node: DomNode, name: string): DomNode | null {
  for (const child of node.children ?? []) {
    if (child.type === 'tag' && child.name === name) return child;
    const deep = findChild(child, name);
    if (deep) return deep;
  }
  return null;
}

function readTable(table: DomNode): TableBlock {
  const rows: TableCell[][] = [];
  const collectRows = (node: DomNode) => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'tr') {
        const cells: TableCell[] = [];
        for (const cell of child.children ?? []) {
          if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue;
          const inner = new LineBuilder();
          for (const c of cell.children ?? []) walk(c, inner, []);
          inner.flush();
          const blocks: Block[] = inner.lines
            .filter((l) => l.text)
            .map((l) => ({ type: 'paragraph', content: l.inlines ?? [{ type: 'text', text: l.text }] }) as Block);
          const entry: TableCell = { blocks };
          const colSpan = Number(cell.attribs?.colspan);
          const rowSpan = Number(cell.attribs?.rowspan);
          if (colSpan > 1) entry.colSpan = colSpan;
          if (rowSpan > 1) entry.rowSpan = rowSpan;
          if (cell.name === 'th') entry.header = true;
          cells.push(entry);
        }
        if (cells.length) rows.push(cells);
      } else if (child.name !== 'table') collectRows(child);
    }
  };
  collectRows(table);
  return { type: 'table', rows };
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(nbsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|emsp|ensp));/gi;
const NAMED: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', emsp: '\u2003', ensp: '\u2002' };

/** htmlparser2 decodes entities itself; this catches double-escaped ones in copied pages. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (_m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return NAMED[name!.toLowerCase()] ?? _m;
  });
}

/** Deeper than any real page (portals nest 30–60 levels); past it a page is refused before it is parsed. */
export const MAX_HTML_DEPTH = 1000;
/** Elements with no content, and those the parser closes by itself (an unclosed <p> does not nest). */
const VOID_OR_IMPLIED = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rp', 'colgroup', 'caption']);
const TAG = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^<>]*?(\/?)>/g;

/**
 * Refuses markup nested past MAX_HTML_DEPTH in one linear scan: the parser and the tree walk
 * would otherwise take seconds and then overflow the stack (100,000 nested divs).
 */
function tooDeep(limit: number): Error {
  return new Error(`网页的标签嵌套超过 ${limit} 层，不像正常的网页，已拒绝导入；请在浏览器中复制正文另存为文本后再导入 (HTML nested deeper than ${limit} levels was refused)`);
}

export function checkHtmlDepth(html: string, limit = MAX_HTML_DEPTH): void {
  const stack: string[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[3]?.toLowerCase();
    if (!name || VOID_OR_IMPLIED.has(name) || m[4]) continue;
    if (m[2]) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    stack.push(name);
    if (stack.length > limit) throw tooDeep(limit);
  }
}

export function htmlLines(html: string, resolve?: ResolveSrc): { lines: SourceLine[]; pageTitle: string | null } {
  checkHtmlDepth(html);
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true }) as unknown as DomNode;
  const titleNode = findChild(doc, 'title');
  const pageTitle = titleNode ? trimLine(textOf(titleNode).replace(/\s+/g, ' ')) || null : null;
  const out = new LineBuilder();
  // The walk is synchronous, so a module-level resolver cannot leak between documents.
  resolveSrc = resolve;
  notes = new Map();
  noteNodes.clear();
  try {
    collectNotes(doc);
    walk(doc, out, []);
  } finally {
    resolveSrc = undefined;
    notes = new Map();
    noteNodes.clear();
  }
  out.flush();
  const lines = out.lines;
  markBeforeTitle(lines, pageTitle);
  return { lines, pageTitle };
}

/**
 * Saved pages often start with the site's name and links outside any <nav>. When the page's
 * <title> ("文章标题_济宁市民政局") names a line near the top, the short lines above it are furniture.
 */
function markBeforeTitle(lines: SourceLine[], pageTitle: string | null): void {
  if (!pageTitle) return;
  const candidates = pageTitle
    .split(/\s*(?:[_|｜]|\s[-–—]\s|--)\s*/u)
    .map((t) => t.trim())
    .filter((t) => t.length >= 4);
  if (candidates.length === 0) return;
  const limit = Math.min(lines.length, 20);
  for (let i = 1; i < limit; i++) {
    const line = lines[i]!;
    if (line.furniture || !candidates.some((c) => line.text === c || (line.text.length >= 6 && c.startsWith(line.text)))) continue;
    const before = lines.slice(0, i).filter((l) => !l.furniture);
    if (before.some((l) => l.image || l.table || l.text.length > 40 || /[。！？]/u.test(l.text))) return;
    for (const l of before) l.furniture = true;
    return;
  }
}

export function readHtml(html: string, format = 'html', encoding?: string, resolve?: ResolveSrc): ReadResult {
  const { lines } = htmlLines(html, resolve);
  // A saved page: the article first (readability), the rest of the page listed as dropped.
  if (format === 'html' || format === 'mhtml') {
    const article = articleTexts(html, (content) => htmlLines(content).lines);
    if (article) markOutsideArticle(lines, article);
  }
  const result: ReadResult = { format, lines, warnings: [] };
  if (encoding) result.encoding = encoding;
  return result;
}

export type { Inline };
