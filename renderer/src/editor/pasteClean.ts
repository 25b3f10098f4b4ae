/**
 * Clipboard HTML from Word, WPS and web pages, reduced to what the model can hold before
 * Lexical imports it: paragraphs, headings, lists, quotes, tables, links, line breaks and
 * bold/italic/underline/strike/sup/sub. Word's lists arrive as MsoListParagraph paragraphs
 * with `mso-list` styles and a typed marker ("1.", "（一）", "·") inside
 * `<![if !supportLists]>`. Chinese 层次序号 ("一、", "（一）", "1、", "（1）", "①") are kept as the
 * author typed them, at the start of an ordinary paragraph, since no list style prints them;
 * Western markers ("1.", "a)", "·") become real nested lists. Centring (align=center or
 * text-align) and bold set on a paragraph survive; WPS puts both in class rules of its
 * `<style>` block, which are read before styles, classes, fonts and colours are dropped.
 */

const BLOCK_TAGS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'TABLE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'PRE', 'CENTER']);
const DROP_TAGS = new Set(['STYLE', 'SCRIPT', 'META', 'LINK', 'TITLE', 'XML', 'HEAD', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'SVG', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IMG']);
const INLINE_KEEP: Record<string, string> = { B: 'b', STRONG: 'b', I: 'i', EM: 'i', U: 'u', S: 's', STRIKE: 's', DEL: 's', SUP: 'sup', SUB: 'sub' };
const MARKER_ATTR = 'data-hb-list-marker';

/** Declarations of simple class rules (".p0{font-weight:bold}", "p.MsoTitle{...}") in the <style> blocks. */
let classRules: Map<string, string> = new Map();

function readClassRules(html: string): Map<string, string> {
  const rules = new Map<string, string>();
  for (const block of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
    const css = block[1]!.replace(/<!--|-->/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const rule of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      for (const selector of rule[1]!.split(',')) {
        const m = /^\s*[a-z0-9]*\.([\w-]+)\s*$/i.exec(selector);
        if (m) rules.set(m[1]!.toLowerCase(), (rules.get(m[1]!.toLowerCase()) ?? '') + ';' + rule[2]!.toLowerCase().replace(/\s+/g, ''));
      }
    }
  }
  return rules;
}

/** String-level pass: what DOMParser would otherwise keep as text or comments. */
function prepass(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<xml[\s\S]*?<\/xml>/gi, '')
    .replace(/<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi, (_m, marker: string) => {
      const text = marker.replace(/<[^>]*>/g, '').replace(/&nbsp;|\u00a0/g, ' ').trim();
      return `<span ${MARKER_ATTR}="${text.replace(/"/g, '&quot;')}"></span>`;
    })
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[(?:if[^\]]*|endif)\]>/gi, '')
    .replace(/<\/?o:p[^>]*>/gi, '')
    .replace(/<\/?(?:w|m|v|st1):[^>]*>/gi, '');
}

/** The element's own style with its class rules in front (inline declarations win, as in CSS). */
function styleOf(el: Element): string {
  const own = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  const classes = (el.getAttribute('class') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const fromClasses = classes.map((c) => classRules.get(c) ?? '').join(';');
  return fromClasses ? `${fromClasses};${own}` : own;
}

/** The last declaration of a property in a style string. */
function styleValue(style: string, property: string): string | null {
  let found: string | null = null;
  for (const m of style.matchAll(new RegExp(`(?:^|;)${property}:([^;]+)`, 'g'))) found = m[1]!;
  return found;
}

/** Paragraph alignment as Word (align=center, text-align) and WPS (class rules) write it. */
function alignOf(el: Element): 'center' | 'right' | null {
  const value = (styleValue(styleOf(el), 'text-align') ?? el.getAttribute('align') ?? '').toLowerCase();
  return value === 'center' ? 'center' : value === 'right' ? 'right' : null;
}

function blockBold(el: Element): boolean {
  const weight = styleValue(styleOf(el), 'font-weight');
  return Boolean(weight && /^(bold|bolder|[6-9]00)$/.test(weight));
}

/** A block's opening tag with the alignment it had. */
function openTag(tag: string, el: Element): string {
  const align = alignOf(el);
  return align ? `<${tag} style="text-align:${align}">` : `<${tag}>`;
}

/** 层次序号 that Chinese documents print as typed: kept as text, never turned into a list. */
const CHINESE_MARKER = /^(?:[一二三四五六七八九十百]+[、．.]|[(（][一二三四五六七八九十百\d]+[)）]|\d+[、．]|[①-⑳])$/u;

function isWordListParagraph(el: Element): boolean {
  return /MsoListParagraph/i.test(el.getAttribute('class') ?? '') || (/mso-list:l\d/.test(styleOf(el)) && el.tagName === 'P');
}

function listLevel(el: Element): number {
  const m = /level(\d+)/.exec(styleOf(el));
  return m ? Math.max(1, Number(m[1])) : 1;
}

const ORDERED_MARKER = /^[(（]?(?:\d+|[一二三四五六七八九十百]+|[a-zA-Z]|[ivxIVX]+)[.．、)）]?$/u;

/** The marker Word typed before a list paragraph (removed from the text). */
function takeMarker(el: Element): string | null {
  const holder = el.querySelector(`[${MARKER_ATTR}]`);
  if (holder) {
    const text = holder.getAttribute(MARKER_ATTR) ?? '';
    holder.remove();
    return text;
  }
  // Some Word versions keep the marker in a span styled mso-list:Ignore.
  for (const span of Array.from(el.querySelectorAll('span'))) {
    if (/mso-list:ignore/.test(styleOf(span))) {
      const text = (span.textContent ?? '').replace(/\u00a0/g, ' ').trim();
      span.remove();
      return text;
    }
  }
  return null;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline formatting carried by inline styles (WPS, web pages) instead of tags. */
function styleTags(el: Element): string[] {
  const style = styleOf(el);
  const tags: string[] = [];
  if (/font-weight:(bold|[6-9]00)/.test(style)) tags.push('b');
  if (/font-style:italic/.test(style)) tags.push('i');
  if (/text-decoration[^;]*underline/.test(style)) tags.push('u');
  if (/text-decoration[^;]*line-through/.test(style)) tags.push('s');
  if (/vertical-align:super/.test(style)) tags.push('sup');
  if (/vertical-align:sub/.test(style)) tags.push('sub');
  return tags;
}

function wrap(inner: string, tags: string[]): string {
  if (!inner) return '';
  return tags.reduceRight((acc, tag) => `<${tag}>${acc}</${tag}>`, inner);
}

function inlineHtml(node: Node): string {
  if (node.nodeType === 1 && /mso-list:ignore/.test(styleOf(node as Element))) return '';
  if (node.nodeType === 3) return escapeText((node.textContent ?? '').replace(/\u00a0/g, ' '));
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  if (DROP_TAGS.has(el.tagName)) return '';
  if (el.tagName === 'BR') return '<br>';
  const inner = Array.from(el.childNodes).map(inlineHtml).join('');
  if (el.tagName === 'A') {
    const href = el.getAttribute('href') ?? '';
    return /^(https?:|mailto:)/i.test(href) ? `<a href="${href.replace(/"/g, '&quot;')}">${inner}</a>` : inner;
  }
  const tags = [...(INLINE_KEEP[el.tagName] ? [INLINE_KEEP[el.tagName]!] : []), ...styleTags(el)];
  return wrap(inner, tags);
}

/** Paragraph text without the indentation people type by hand (the layout indents). */
function paragraphInner(el: Element): string {
  const inner = Array.from(el.childNodes)
    .map(inlineHtml)
    .join('')
    .replace(/^((?:<[a-z]+>)*)(?:\s|\u3000|&nbsp;)+/u, '$1')
    .replace(/(?:\s|&nbsp;)+((?:<\/[a-z]+>)*)$/u, '$1');
  // Bold set on the paragraph itself (WPS: a class rule) and not already on its runs.
  return inner && blockBold(el) && !/^<b>[\s\S]*<\/b>$/.test(inner) ? `<b>${inner}</b>` : inner;
}

function hasBlockChild(el: Element): boolean {
  return Array.from(el.children).some((c) => BLOCK_TAGS.has(c.tagName) || isWordListParagraph(c));
}

interface WordItem {
  level: number;
  ordered: boolean;
  html: string;
}

function wordListHtml(items: WordItem[]): string {
  let out = '';
  const stack: Array<'ol' | 'ul'> = [];
  for (const item of items) {
    while (stack.length > item.level) out += `</li></${stack.pop()}>`;
    if (stack.length === item.level) out += '</li>';
    while (stack.length < item.level) {
      const tag = item.ordered ? 'ol' : 'ul';
      out += `<${tag}>`;
      stack.push(tag);
      if (stack.length < item.level) out += '<li>';
    }
    out += `<li>${item.html}`;
  }
  while (stack.length) out += `</li></${stack.pop()}>`;
  return out.replace(/<li><\/li>/g, '');
}

function blocksHtml(parent: Element): string {
  let out = '';
  let inline = '';
  let wordItems: WordItem[] = [];
  const flushInline = () => {
    const text = inline.replace(/^(?:\s|\u3000)+|\s+$/gu, '');
    if (text) out += `<p>${text}</p>`;
    inline = '';
  };
  const flushWord = () => {
    if (wordItems.length) out += wordListHtml(wordItems);
    wordItems = [];
  };
  for (const node of Array.from(parent.childNodes)) {
    const el = node.nodeType === 1 ? (node as Element) : null;
    if (el && isWordListParagraph(el)) {
      flushInline();
      const marker = takeMarker(el);
      if (marker !== null && CHINESE_MARKER.test(marker)) {
        // "1、" and "（1）" as the author typed them, in a paragraph of their own.
        flushWord();
        const inner = paragraphInner(el);
        const bold = /^<b>/.test(inner);
        out += `${openTag('p', el)}${bold ? `<b>${escapeText(marker)}</b>` : escapeText(marker)}${inner}</p>`;
        continue;
      }
      wordItems.push({ level: listLevel(el), ordered: marker !== null && ORDERED_MARKER.test(marker), html: paragraphInner(el) });
      continue;
    }
    if (!el || (!BLOCK_TAGS.has(el.tagName) && !hasBlockChild(el))) {
      if (el && DROP_TAGS.has(el.tagName)) continue;
      if (!el && !(node.textContent ?? '').trim() && !inline) continue;
      flushWord();
      inline += inlineHtml(node);
      continue;
    }
    flushInline();
    flushWord();
    out += blockHtml(el);
  }
  flushInline();
  flushWord();
  return out;
}

function blockHtml(el: Element): string {
  const tag = el.tagName;
  if (/^H[1-6]$/.test(tag)) {
    const level = Math.min(4, Number(tag[1]));
    const inner = paragraphInner(el);
    return inner ? `${openTag(`h${level}`, el)}${inner}</h${level}>` : '';
  }
  if (tag === 'UL' || tag === 'OL') {
    const items = Array.from(el.children)
      .filter((c) => c.tagName === 'LI')
      .map((li) => {
        const nested = Array.from(li.children).filter((c) => c.tagName === 'UL' || c.tagName === 'OL');
        nested.forEach((n) => n.remove());
        return `<li>${paragraphInner(li)}${nested.map(blockHtml).join('')}</li>`;
      });
    return `<${tag.toLowerCase()}>${items.join('')}</${tag.toLowerCase()}>`;
  }
  if (tag === 'BLOCKQUOTE') {
    return blocksHtml(el).replace(/<p>/g, '<blockquote>').replace(/<\/p>/g, '</blockquote>');
  }
  if (tag === 'TABLE') {
    const rows = Array.from(el.querySelectorAll('tr')).filter((tr) => tr.closest('table') === el);
    const body = rows
      .map((tr) => {
        const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
        return `<tr>${cells
          .map((cell) => {
            const t = cell.tagName.toLowerCase();
            const span = ['colspan', 'rowspan'].map((a) => (cell.getAttribute(a) && cell.getAttribute(a) !== '1' ? ` ${a}="${Number(cell.getAttribute(a)) || 1}"` : '')).join('');
            const inner = hasBlockChild(cell) ? blocksHtml(cell) : `<p>${paragraphInner(cell)}</p>`;
            return `<${t}${span}>${inner}</${t}>`;
          })
          .join('')}</tr>`;
      })
      .join('');
    return body ? `<table>${body}</table>` : '';
  }
  if (hasBlockChild(el)) return blocksHtml(el);
  const inner = paragraphInner(el);
  return inner ? `${openTag('p', el)}${inner}</p>` : '';
}

/** Clean clipboard HTML; the result holds only tags Lexical imports into model-shaped nodes. */
export function cleanClipboardHtml(html: string): string {
  classRules = readClassRules(html);
  try {
    const doc = new DOMParser().parseFromString(prepass(html), 'text/html');
    return blocksHtml(doc.body);
  } finally {
    classRules = new Map();
  }
}
