/**
 * The 案例汇编 book: cover, 目录, a part opener per 篇 on a recto, one case per new page,
 * running heads (book title on versos, part title on rectos) and outer folios.
 * Two passes: the first sets every case to count its pages, which gives the 目录 its
 * folios; the second sets and draws page by page, keeping only the current page.
 */
import type { CaseDocument, CollectionBundle } from '../../model/types.js';
import type { Template } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';
import { applyKeeps, blockItems, inlineRuns, noteItems, onGrid, paragraphItems, runStyle, type BlockContext, type ResolvedStyle } from '../../layout/blocks.js';
import { baselineIn, lineItems, paginate, type FilledFrame, type FlowItem, type Frame } from '../../layout/flow.js';
import { layoutParagraph, type LaidLine } from '../../layout/paragraph.js';
import type { PdfCanvas } from './canvas.js';
import { balancedTitle, geometry, oneLine, option, styleBook, type PageGeometry } from './styles.js';
import { drawPlaced } from './draw.js';
import { caseList, partTitle, titleOf } from '../parts.js';
import { backMatter, type BackMatterPart, type IndexLine } from '../indexes.js';
import type { CaseLayout } from '../report.js';
import { PLACEHOLDER_LABEL, placeholderHeight } from '../pictures.js';

export interface OutlineNode {
  addItem(title: string): OutlineNode;
}

export interface ComposeContext {
  canvas: PdfCanvas;
  outline: OutlineNode;
  onProgress?: (fraction: number, message?: string) => void;
  /** Filled by the composer: where each case opens, its pages, and layout flags for the report. */
  cases?: CaseLayout[];
}

class Book {
  readonly styles;
  readonly g: PageGeometry;
  readonly body: ResolvedStyle;
  readonly gridLines: number;
  constructor(readonly template: Template) {
    this.styles = styleBook(template);
    this.g = geometry(template);
    this.body = this.styles.get('body');
    // A trim preset changes the depth: the grid then follows the page, not the 16开 line count.
    this.gridLines = (typeof template.options.trim === 'string' ? undefined : template.page.gridLines) ?? Math.floor((this.g.depth + this.body.pitch - this.body.size) / this.body.pitch);
  }
  /** Type-area frame of a physical page (1-based): rectos bind on the left. */
  frame(physical: number): Frame {
    const recto = physical % 2 === 1;
    return {
      page: physical,
      column: 0,
      x: recto ? this.g.inner : this.g.outer,
      y: this.g.top - (this.body.pitch - this.body.size) / 2,
      width: this.g.measure,
      height: this.gridLines * this.body.pitch,
    };
  }
  blockContext(): BlockContext {
    return {
      styles: this.styles,
      measure: this.g.measure,
      maxImageHeight: this.g.depth * 0.55,
      placeholderHeight: placeholderHeight(this.template, mmToPt(45)),
      placeholderLabel: PLACEHOLDER_LABEL,
      notes: [],
    };
  }
  caseItems(doc: CaseDocument): FlowItem[] {
    const ctx = this.blockContext();
    const s = this.styles;
    const items: FlowItem[] = [];
    const title = s.get('caseTitle');
    const titleLines = balancedTitle(inlineRuns([{ type: 'text', text: titleOf(doc) }], title, null), this.g.measure, title.size);
    items.push({ kind: 'space', height: title.spaceBefore });
    items.push(...lineItems(titleLines, 0, title.pitch, { keepTogether: true, tag: `case:${doc.id}` }));
    if (doc.meta.subtitle) {
      const st = s.get('caseSubtitle');
      items.push(...paragraphItems([{ text: doc.meta.subtitle, style: runStyle(st) }], st, ctx, { keepTogether: true, indent: 0 }));
    }
    // The 创新单位 line; a case without a unit is placed by its region ("济宁市任城区").
    const r = doc.meta.region;
    const place = r ? [r.city, r.county].filter(Boolean).join('') || r.province || '' : '';
    const unit = doc.meta.unit ?? doc.meta.authors ?? (place || null);
    if (unit) {
      const us = s.get('caseUnit');
      items.push(...paragraphItems([{ text: unit, style: runStyle(us) }], us, ctx, { keepTogether: true, indent: 0 }));
    } else items.push({ kind: 'space', height: this.body.pitch });
    for (const it of items.slice(1)) it.noBreakBefore = true;
    // The header takes whole body lines, so the text under it sits on the page grid.
    onGrid(items, this.body.pitch);
    items[items.length - 1]!.noBreakBefore = true;
    const bodyItems = blockItems(doc.body, ctx);
    if (bodyItems[0]) bodyItems[0].noBreakBefore = true;
    items.push(...bodyItems, ...noteItems(ctx));
    return applyKeeps(items);
  }
}

/** Pages each case takes when set alone from a fresh page. */
function countPages(book: Book, items: FlowItem[]): number {
  let pages = 0;
  paginate(items, () => book.frame(++pages), () => undefined);
  return Math.max(1, pages);
}

interface TocEntry {
  kind: 'part' | 'case';
  title: string;
  /** 创新单位, set after the title in 楷体 (spec B.5). */
  unit?: string | null;
  /** Absent on an index's group lines (a province, a 业务领域), which carry no page. */
  folio?: number;
  /** Named destination of the case's first page: the entry links to it. */
  destination?: string;
  /** An index line's style and indent (default: the 目录's for its kind). */
  style?: ResolvedStyle;
  indent?: number;
}

function tocItems(book: Book, entries: TocEntry[], heading = '目\u3000录'): FlowItem[] {
  const head = book.styles.get('tocTitle');
  return [...lineItems([oneLineCentered(heading, head, book.g.measure)], 0, head.pitch, { keepTogether: true }), ...entryItems(book, entries)];
}

/** Entries with their folio flush right after dot leaders: the 目录 and the indexes. */
function entryItems(book: Book, entries: TocEntry[]): FlowItem[] {
  const s = book.styles;
  const part = s.get('tocPart');
  const entry = s.get('tocEntry');
  const measure = book.g.measure;
  const items: FlowItem[] = [];
  const folioWidth = oneLine('0000', entry).right;
  for (const e of entries) {
    const style = e.style ?? (e.kind === 'part' ? part : entry);
    const indent = e.indent ?? style.indentChars * style.size;
    const runs = [{ text: e.title, style: runStyle(style) }];
    if (e.unit) runs.push({ text: `（${e.unit}）`, style: { ...runStyle(style), role: 'kai' } });
    const lines = layoutParagraph({
      runs,
      measure: measure - folioWidth - style.size * 2,
      indent,
      hangIndent: indent,
      align: 'left',
      keepWords: true,
    });
    if (style.spaceBefore) items.push({ kind: 'space', height: style.spaceBefore });
    const li = lineItems(lines, 0, style.pitch, { keepTogether: true, tag: `toc:${e.kind}` });
    if (!li.length) continue;
    // A group line stays with the first entry under it.
    if (e.folio === undefined) {
      (li[li.length - 1] as FlowItem & { keepWithNext?: boolean }).keepWithNext = true;
      items.push(...li);
      continue;
    }
    const folio = oneLine(String(e.folio), style);
    const last = li[li.length - 1]!;
    const lastLine = last.line;
    // The folio sits flush right on the entry's last line, dot leaders between.
    const folioShift = measure - folio.right;
    const leaderFrom = lastLine.right + style.size * 0.5;
    const leaderTo = folioShift - style.size * 0.5;
    last.line = { ...lastLine, glyphs: [...lastLine.glyphs, ...folio.glyphs.map((g) => ({ ...g, x: g.x + folioShift }))], right: measure, text: `${lastLine.text}${folio.text}` };
    items.push(...li);
    if (e.kind === 'case' && leaderTo > leaderFrom) {
      const baselineOffset = baselineIn(0, style.pitch, style.size);
      // A zero-height box drawn on the entry's last line: the leader dots.
      items.splice(items.length, 0, {
        kind: 'box',
        height: 0,
        noBreakBefore: true,
        draw: (p, x, y) => {
          const step = style.size / 2;
          for (let d = leaderFrom + step / 2; d < leaderTo; d += step) p.fillRect(x + d, y - style.pitch + baselineOffset - 0.6, 0.9, 0.9, '000000');
          if (e.destination) p.link?.(x, y - li.length * style.pitch, measure, li.length * style.pitch, e.destination);
        },
      });
    }
  }
  return applyKeeps(items);
}

/** An index's lines as entries: groups in the index heading style, cases with the folio where they open. */
function indexEntries(book: Book, lines: IndexLine[], folios: Map<string, number>): TocEntry[] {
  const s = book.styles;
  const group = s.has('indexGroup') ? s.get('indexGroup') : s.get('tocPart');
  const entry = s.has('indexEntry') ? s.get('indexEntry') : s.get('tocEntry');
  return lines.map((l): TocEntry => {
    const style = l.caseId ? entry : l.level === 0 ? group : { ...entry, role: group.role, spaceBefore: 0 };
    const indent = l.level * style.size;
    return l.caseId
      ? { kind: 'case', title: l.text, folio: folios.get(l.caseId), destination: `case:${l.caseId}`, style, indent }
      : { kind: 'part', title: l.text, style, indent };
  });
}

/** The flow of one back-matter part: its title, then the index entries or the tables. */
function backMatterItems(book: Book, part: BackMatterPart, folios: Map<string, number>): FlowItem[] {
  if (part.lines) return tocItems(book, indexEntries(book, part.lines, folios), part.title);
  const head = book.styles.get('tocTitle');
  const items = lineItems([oneLineCentered(part.title, head, book.g.measure)], 0, head.pitch, { keepTogether: true });
  const ctx = book.blockContext();
  const body: FlowItem[] = [];
  for (const block of part.blocks ?? []) {
    const set = blockItems([block], ctx);
    // A region's table is short: it stays whole, on the page of its heading.
    if (block.type === 'table') for (const it of set.slice(1)) it.noBreakBefore = true;
    body.push(...set);
  }
  return [...items, ...applyKeeps(body)];
}

function oneLineCentered(text: string, style: ResolvedStyle, measure: number): LaidLine {
  return layoutParagraph({ runs: [{ text, style: runStyle(style) }], measure, align: 'center' })[0]!;
}

export async function composeAnthology(template: Template, bundle: CollectionBundle, cc: ComposeContext): Promise<number> {
  const book = new Book(template);
  const { canvas } = cc;
  const g = book.g;
  const parts = caseList(bundle).filter((p) => p.cases.length > 0);
  const rectoParts = option(template, 'rectoParts', true);
  const totalCases = parts.reduce((s, p) => s + p.cases.length, 0) || 1;

  // Pass 1: folios of every part and case (body folio 1 is the first recto).
  const entries: TocEntry[] = [];
  const plan: Array<{ part: string; blankBefore: boolean; folio: number; cases: Array<{ doc: CaseDocument; folio: number; pages: number }> }> = [];
  let folio = 1;
  let done = 0;
  for (const p of parts) {
    const blankBefore = rectoParts && folio % 2 === 0;
    if (blankBefore) folio++;
    const partFolio = folio;
    folio += rectoParts ? 2 : 1;
    entries.push({ kind: 'part', title: partTitle(p.title), folio: partFolio });
    const cases = p.cases.map((doc) => {
      const pages = countPages(book, book.caseItems(doc));
      const c = { doc, folio, pages };
      entries.push({ kind: 'case', title: titleOf(doc), unit: doc.meta.unit, folio, destination: `case:${doc.id}` });
      folio += pages;
      cc.onProgress?.((0.4 * ++done) / totalCases, 'measuring');
      return c;
    });
    plan.push({ part: partTitle(p.title), blankBefore, folio: partFolio, cases });
  }
  // Back matter (indexes, tables): each part on a new page, the first on a recto; folios go on.
  const folios = new Map(plan.flatMap((p) => p.cases.map((c) => [c.doc.id, c.folio] as const)));
  const back = backMatter(template, bundle).map((part, i) => {
    const blankBefore = i === 0 && rectoParts && folio % 2 === 0;
    if (blankBefore) folio++;
    const items = backMatterItems(book, part, folios);
    const start = folio;
    folio += countPages(book, items);
    entries.push({ kind: 'part', title: part.title, folio: start });
    return { part, items, blankBefore, folio: start };
  });

  // Front matter: cover, its blank verso, the 目录 (then a blank so the body opens on a recto).
  let physical = 0;
  const newPage = () => {
    canvas.addPage(g.width, g.height);
    return ++physical;
  };
  newPage();
  drawCover(book, canvas, bundle);
  newPage();
  const toc = tocItems(book, entries);
  let tocPages = 0;
  paginate(toc, () => book.frame(physical + 1 + tocPages++), () => undefined);
  const tocStart = physical + 1;
  paginate(
    toc,
    () => {
      const p = newPage();
      if (p === tocStart) cc.outline.addItem('目录');
      return book.frame(p);
    },
    (f) => drawPlaced(canvas, f),
  );
  if (physical % 2 === 1) newPage();
  const front = physical;
  // Viewers show the printed folios: front matter i, ii…, the body from 1.
  (canvas.doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageLabels = { Nums: [0, { S: 'r' }, front, { S: 'D' }] };

  const collectionTitle = bundle.collection.title;
  done = 0;
  for (const part of plan) {
    if (part.blankBefore) newPage();
    const partPage = newPage();
    if (partPage - front !== part.folio) throw new Error(`internal: part "${part.part}" planned on folio ${part.folio}, set on ${partPage - front}`);
    const partNode = cc.outline.addItem(part.part);
    drawPartOpener(book, canvas, part.part);
    if (rectoParts) newPage();
    for (const c of part.cases) {
      let first = true;
      const start = physical + 1;
      const layout: CaseLayout = { document: c.doc.id, title: titleOf(c.doc), firstPage: c.folio, pages: c.pages };
      let lastLines = 0;
      paginate(
        book.caseItems(c.doc),
        () => {
          const p = newPage();
          if (first) {
            partNode.addItem(titleOf(c.doc));
            canvas.destination(`case:${c.doc.id}`);
          }
          return book.frame(p);
        },
        (f: FilledFrame) => {
          drawPlaced(canvas, f);
          const bodyFolio = f.frame.page - front;
          if (!first) drawRunningHead(book, canvas, f.frame, bodyFolio % 2 === 0 ? collectionTitle : part.part);
          drawFolio(book, canvas, f.frame, bodyFolio);
          first = false;
          const lines = f.items.filter((it) => it.item.kind === 'line');
          lastLines = lines.length;
          // A heading as the last line of a page (its keep could not be met): worth a look.
          const last = lines[lines.length - 1]?.item as (FlowItem & { keepWithNext?: boolean }) | undefined;
          if (last?.keepWithNext) (layout.headingsAtFoot ??= []).push(bodyFolio);
        },
      );
      if (start - front !== c.folio) throw new Error(`internal: case "${c.doc.meta.title}" planned on folio ${c.folio}, set on ${start - front}`);
      if (c.pages > 1 && lastLines < 3) layout.lastPageLines = lastLines;
      cc.cases?.push(layout);
      cc.onProgress?.(0.4 + (0.6 * ++done) / totalCases, 'setting');
      // Let the event loop breathe on long books.
      if (done % 20 === 0) await new Promise((r) => setImmediate(r));
    }
  }
  for (const b of back) {
    if (b.blankBefore) newPage();
    let first = true;
    const start = physical + 1;
    paginate(
      b.items,
      () => {
        const p = newPage();
        if (first) cc.outline.addItem(b.part.title);
        return book.frame(p);
      },
      (f: FilledFrame) => {
        drawPlaced(canvas, f);
        const bodyFolio = f.frame.page - front;
        if (!first) drawRunningHead(book, canvas, f.frame, bodyFolio % 2 === 0 ? collectionTitle : b.part.title.replace(/\u3000/g, ' '));
        drawFolio(book, canvas, f.frame, bodyFolio);
        first = false;
      },
    );
    if (start - front !== b.folio) throw new Error(`internal: "${b.part.title}" planned on folio ${b.folio}, set on ${start - front}`);
  }
  return physical;
}

function drawCover(book: Book, canvas: PdfCanvas, bundle: CollectionBundle): void {
  const s = book.styles;
  const g = book.g;
  const c = bundle.collection;
  const title = s.get('coverTitle');
  const lines = balancedTitle([{ text: c.title, style: runStyle(title) }], g.measure, title.size);
  let y = g.height * 0.3;
  for (const l of lines) {
    canvas.drawLine(l, g.inner, baselineIn(y, title.pitch, title.size));
    y += title.pitch;
  }
  canvas.rule(g.inner + g.measure * 0.3, y + 12, g.inner + g.measure * 0.7, y + 12, 1, book.template.colors.accent);
  y += 30;
  if (c.subtitle) {
    const st = s.get('coverSubtitle');
    canvas.drawLine(oneLineCentered(c.subtitle, st, g.measure), g.inner, baselineIn(y, st.pitch, st.size));
  }
  const pub = s.get('coverPublisher');
  let py = g.height - g.bottom - pub.pitch * 3;
  if (c.publisher) {
    canvas.drawLine(oneLineCentered(c.publisher, pub, g.measure), g.inner, baselineIn(py, pub.pitch, pub.size));
    py += pub.pitch;
  }
  if (c.year) canvas.drawLine(oneLineCentered(`${c.year}年`, pub, g.measure), g.inner, baselineIn(py, pub.pitch, pub.size));
}

function drawPartOpener(book: Book, canvas: PdfCanvas, title: string): void {
  const st = book.styles.get('partTitle');
  const g = book.g;
  const y = g.top + g.depth / 3 - st.pitch / 2;
  canvas.drawLine(oneLineCentered(title, st, g.measure), g.inner, baselineIn(y, st.pitch, st.size));
  const ruleY = y + st.pitch + 10;
  canvas.rule(g.inner + g.measure / 2 - 30, ruleY, g.inner + g.measure / 2 + 30, ruleY, 1.5, book.template.colors.accent);
}

function drawRunningHead(book: Book, canvas: PdfCanvas, frame: Frame, text: string): void {
  if (!book.styles.has('runningHead')) return;
  const st = book.styles.get('runningHead');
  const g = book.g;
  const baseline = g.top - mmToPt(option(book.template, 'runningHeadOffset', 9));
  canvas.drawLine(oneLineCentered(text, st, g.measure), frame.x, baseline);
  const ruleY = baseline + mmToPt(2.5);
  canvas.rule(frame.x, ruleY, frame.x + g.measure, ruleY, option(book.template, 'runningHeadRuleWidth', 0.5), book.template.colors.rule);
}

function drawFolio(book: Book, canvas: PdfCanvas, frame: Frame, folio: number): void {
  const st = book.styles.get('folio');
  const g = book.g;
  const line = oneLine(String(folio), st);
  const baseline = g.height - g.bottom + mmToPt(option(book.template, 'folioOffset', 7)) + st.size * 0.7;
  const outer = option(book.template, 'folioPosition', 'outer') === 'outer';
  const x = !outer ? frame.x + (g.measure - line.right) / 2 : folio % 2 === 1 ? frame.x + g.measure - line.right : frame.x;
  canvas.drawLine(line, x, baseline);
}
