/**
 * The 案例汇编 book: cover, 目录, a part opener per 篇 on a recto, one case per new page,
 * running heads (book title on versos, part title on rectos) and outer folios.
 * One pass: each case is set and drawn page by page, keeping only the current page; the 目录,
 * whose folios are known only at the end, is drawn last into pages kept for it in its place.
 */
import type { CaseDocument, CollectionBundle } from '../../model/types.js';
import type { Template } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';
import { applyKeeps, blockItems, withKeeps, inlineRuns, noteItems, onGrid, paragraphItems, runStyle, type BlockContext, type ResolvedStyle } from '../../layout/blocks.js';
import { baselineIn, lineItems, paginate, paginateAsync, type FilledFrame, type FlowItem, type Frame } from '../../layout/flow.js';
import { joinedLine, layoutParagraph, type LaidLine } from '../../layout/paragraph.js';
import type { PdfCanvas, ReservedPage } from './canvas.js';
import { balancedTitle, geometry, oneLine, option, styleBook, type PageGeometry } from './styles.js';
import { drawPlaced } from './draw.js';
import { caseList, partTitle, titleOf } from '../parts.js';
import { backMatter, type BackMatterPart, type IndexLine } from '../indexes.js';
import { frontMatter, romanFolio, type FrontMatterPart } from '../frontMatter.js';
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

/** A folio as wide as the 目录's widest, for counting its pages before the folios are known. */
const PLACEHOLDER_FOLIO = 8888;

/** Pages a flow takes when set alone from a fresh page. */
function countPages(book: Book, items: FlowItem[] | Iterator<FlowItem>): number {
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

/**
 * The 目录 (or an index) as a stream for paginate: each entry's lines are set when the page
 * they go on is, and let go with it, so a book of thousands of cases never holds them all.
 */
function* tocItems(book: Book, entries: Iterable<TocEntry>, heading = '目\u3000录'): Generator<FlowItem> {
  const head = book.styles.get('tocTitle');
  yield* lineItems([oneLineCentered(heading, head, book.g.measure)], 0, head.pitch, { keepTogether: true });
  yield* withKeeps(entryItems(book, entries));
}

/** Entries with their folio flush right after dot leaders: the 目录 and the indexes. */
function* entryItems(book: Book, entries: Iterable<TocEntry>): Generator<FlowItem> {
  const s = book.styles;
  const part = s.get('tocPart');
  const entry = s.get('tocEntry');
  const measure = book.g.measure;
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
    if (style.spaceBefore) yield { kind: 'space', height: style.spaceBefore };
    const li = lineItems(lines, 0, style.pitch, { keepTogether: true, tag: `toc:${e.kind}` });
    if (!li.length) continue;
    // A group line stays with the first entry under it.
    if (e.folio === undefined) {
      (li[li.length - 1] as FlowItem & { keepWithNext?: boolean }).keepWithNext = true;
      yield* li;
      continue;
    }
    const folio = oneLine(String(e.folio), style);
    const last = li[li.length - 1]!;
    const lastLine = last.line;
    // The folio sits flush right on the entry's last line, dot leaders between.
    const folioShift = measure - folio.right;
    const leaderFrom = lastLine.right + style.size * 0.5;
    const leaderTo = folioShift - style.size * 0.5;
    // Joined, not copied: the glyph records are made only while the line is drawn.
    last.line = joinedLine(lastLine, folio, folioShift, measure);
    yield* li;
    if (e.kind === 'case' && leaderTo > leaderFrom) {
      const baselineOffset = baselineIn(0, style.pitch, style.size);
      // A zero-height box drawn on the entry's last line: the leader dots.
      yield {
        kind: 'box',
        height: 0,
        noBreakBefore: true,
        draw: (p, x, y) => {
          const step = style.size / 2;
          p.squareRow(x, leaderFrom + step / 2, leaderTo, step, y - style.pitch + baselineOffset - 0.6, 0.9, '000000');
          if (e.destination) p.link?.(x, y - li.length * style.pitch, measure, li.length * style.pitch, e.destination);
        },
      };
    }
  }
}

/** An index's lines as entries: groups in the index heading style, cases with the folio where they open. */
function* indexEntries(book: Book, lines: IndexLine[], folios: Map<string, number>): Generator<TocEntry> {
  const s = book.styles;
  const group = s.has('indexGroup') ? s.get('indexGroup') : s.get('tocPart');
  const entry = s.has('indexEntry') ? s.get('indexEntry') : s.get('tocEntry');
  for (const l of lines) {
    const style = l.caseId ? entry : l.level === 0 ? group : { ...entry, role: group.role, spaceBefore: 0 };
    const indent = l.level * style.size;
    yield l.caseId
      ? { kind: 'case', title: l.text, folio: folios.get(l.caseId), destination: `case:${l.caseId}`, style, indent }
      : { kind: 'part', title: l.text, style, indent };
  }
}

/** The flow of one back-matter part: its title, then the index entries or the tables. */
function backMatterItems(book: Book, part: BackMatterPart, folios: Map<string, number>): FlowItem[] | Iterator<FlowItem> {
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

/** A front-matter part (前言): its title as the 目录's is set, then its blocks as body text. */
function frontMatterItems(book: Book, part: FrontMatterPart): FlowItem[] {
  const head = book.styles.get('tocTitle');
  const ctx = book.blockContext();
  return [...lineItems([oneLineCentered(part.title, head, book.g.measure)], 0, head.pitch, { keepTogether: true }), ...applyKeeps([...blockItems(part.blocks, ctx), ...noteItems(ctx)])];
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
  const back = backMatter(template, bundle);

  // The 目录's entries, their folios filled in as the body is set. Its line breaks do not depend
  // on the folios (the folio column is as wide as "0000"), so its pages can be counted now and
  // kept for it: the book is laid out once, the 目录 drawn last into its own pages.
  const entries: TocEntry[] = [];
  const partEntries: TocEntry[][] = parts.map((p) => {
    const list: TocEntry[] = [{ kind: 'part', title: partTitle(p.title), folio: PLACEHOLDER_FOLIO }];
    for (const doc of p.cases) list.push({ kind: 'case', title: titleOf(doc), unit: doc.meta.unit, folio: PLACEHOLDER_FOLIO, destination: `case:${doc.id}` });
    entries.push(...list);
    return list;
  });
  const backEntries = back.map((part): TocEntry => ({ kind: 'part', title: part.title, folio: PLACEHOLDER_FOLIO }));
  entries.push(...backEntries);
  const tocPageCount = countPages(book, tocItems(book, entries));

  // Front matter: cover, its blank verso, the 目录 (then a blank so the body opens on a recto).
  let physical = 0;
  const newPage = () => {
    canvas.addPage(g.width, g.height);
    return ++physical;
  };
  newPage();
  drawCover(book, canvas, bundle);
  newPage();
  // The 前言 (the collection's lead), each part from a recto, Roman folios from I; then the 目录 on a recto.
  const frontFrom = physical;
  for (const part of frontMatter(template, bundle)) {
    let first = true;
    paginate(
      frontMatterItems(book, part),
      () => {
        const p = newPage();
        if (first) cc.outline.addItem(part.outline);
        first = false;
        return book.frame(p);
      },
      (f: FilledFrame) => {
        drawPlaced(canvas, f);
        drawFolio(book, canvas, f.frame, f.frame.page - frontFrom, romanFolio(f.frame.page - frontFrom), true);
      },
    );
    if (physical % 2 === 1) newPage();
  }
  const tocStart = physical + 1;
  const tocPages: ReservedPage[] = [];
  for (let k = 0; k < tocPageCount; k++) {
    tocPages.push(canvas.reservePage(g.width, g.height));
    physical++;
    if (k === 0) cc.outline.addItem('目录');
  }
  if (physical % 2 === 1) newPage();
  const front = physical;
  // Viewers show the printed folios: front matter i, ii…, the body from 1.
  const labels = frontFrom < tocStart - 1 ? [0, { S: 'r' }, frontFrom, { S: 'R' }, front, { S: 'D' }] : [0, { S: 'r' }, front, { S: 'D' }];
  (canvas.doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageLabels = { Nums: labels };

  const collectionTitle = bundle.collection.title;
  const folios = new Map<string, number>();
  let done = 0;
  for (const [i, part] of parts.entries()) {
    const title = partTitle(part.title);
    // A part opens on a recto (odd folio).
    if (rectoParts && (physical - front + 1) % 2 === 0) newPage();
    const partPage = newPage();
    partEntries[i]![0]!.folio = partPage - front;
    const partNode = cc.outline.addItem(title);
    drawPartOpener(book, canvas, title);
    if (rectoParts) newPage();
    for (const [j, doc] of part.cases.entries()) {
      let first = true;
      const start = physical + 1;
      const firstFolio = start - front;
      const entry = partEntries[i]![j + 1]!;
      entry.folio = firstFolio;
      folios.set(doc.id, firstFolio);
      let lastLines = 0;
      const headingsAtFoot: number[] = [];
      paginate(
        book.caseItems(doc),
        () => {
          const p = newPage();
          if (first) {
            partNode.addItem(titleOf(doc));
            // The 目录 entry's name, one string for both (the name tree keeps it to the end).
            canvas.destination(entry.destination!);
          }
          return book.frame(p);
        },
        (f: FilledFrame) => {
          drawPlaced(canvas, f);
          const bodyFolio = f.frame.page - front;
          if (!first) drawRunningHead(book, canvas, f.frame, bodyFolio % 2 === 0 ? collectionTitle : title);
          drawFolio(book, canvas, f.frame, bodyFolio);
          first = false;
          const lines = f.items.filter((it) => it.item.kind === 'line');
          lastLines = lines.length;
          // A heading as the last line of a page (its keep could not be met): worth a look.
          const last = lines[lines.length - 1]?.item as (FlowItem & { keepWithNext?: boolean }) | undefined;
          if (last?.keepWithNext) headingsAtFoot.push(bodyFolio);
        },
      );
      const pages = Math.max(1, physical - start + 1);
      const layout: CaseLayout = { document: doc.id, title: titleOf(doc), firstPage: firstFolio, pages };
      if (headingsAtFoot.length) layout.headingsAtFoot = headingsAtFoot;
      if (pages > 1 && lastLines < 3) layout.lastPageLines = lastLines;
      cc.cases?.push(layout);
      cc.onProgress?.((0.95 * ++done) / totalCases, 'setting');
      // Let the event loop breathe on long books.
      if (done % 20 === 0) await breathe();
    }
  }
  // Back matter (indexes, tables): each part on a new page, the first on a recto; folios go on.
  for (const [i, part] of back.entries()) {
    if (i === 0 && rectoParts && (physical - front + 1) % 2 === 0) newPage();
    backEntries[i]!.folio = physical - front + 1;
    let first = true;
    await paginateAsync(
      backMatterItems(book, part, folios),
      () => {
        const p = newPage();
        if (first) cc.outline.addItem(part.title);
        return book.frame(p);
      },
      (f: FilledFrame) => {
        drawPlaced(canvas, f);
        const bodyFolio = f.frame.page - front;
        if (!first) drawRunningHead(book, canvas, f.frame, bodyFolio % 2 === 0 ? collectionTitle : part.title.replace(/\u3000/g, ' '));
        drawFolio(book, canvas, f.frame, bodyFolio);
        first = false;
      },
      breathe,
    );
  }
  // The 目录, now that every folio is known, into the pages kept for it.
  let tocPage = 0;
  await paginateAsync(
    tocItems(book, entries),
    () => {
      const page = tocPages[tocPage];
      if (!page) throw new Error(`internal: the 目录 needs more than the ${tocPageCount} pages counted for it`);
      canvas.resumePage(page);
      return book.frame(tocStart + tocPage++);
    },
    (f) => drawPlaced(canvas, f),
    breathe,
  );
  if (tocPage !== tocPageCount) throw new Error(`internal: the 目录 took ${tocPage} of the ${tocPageCount} pages counted for it`);
  return physical;
}

/** A turn of the event loop: the deflate thread's finished streams come back (streams.ts), progress goes out. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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

function drawFolio(book: Book, canvas: PdfCanvas, frame: Frame, folio: number, text = String(folio), centred = false): void {
  const st = book.styles.get('folio');
  const g = book.g;
  const line = oneLine(text, st);
  const baseline = g.height - g.bottom + mmToPt(option(book.template, 'folioOffset', 7)) + st.size * 0.7;
  const outer = !centred && option(book.template, 'folioPosition', 'outer') === 'outer';
  const x = !outer ? frame.x + (g.measure - line.right) / 2 : folio % 2 === 1 ? frame.x + g.measure - line.right : frame.x;
  canvas.drawLine(line, x, baseline);
}
