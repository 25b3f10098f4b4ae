/**
 * Magazine feature (中国民政 选登 style): a full-width opener (栏目 tag, headline, subtitle,
 * credits, 楷体 lead), then the cases in two columns, each opened by its city label and
 * title, pictures or grey placeholders with captions, columns balanced on the last page.
 */
import type { CaseDocument, CollectionBundle } from '../../model/types.js';
import type { Template } from '../../templates/schema.js';
import { mmToPt } from '../../templates/sizes.js';
import { applyKeeps, blockItems, noteItems, paragraphItems, runStyle, type BlockContext } from '../../layout/blocks.js';
import { itemHeight, lineItems, paginate, type FilledFrame, type FlowItem, type Frame } from '../../layout/flow.js';
import { measureText, type StyledText } from '../../layout/paragraph.js';
import type { ComposeContext } from './anthology.js';
import { caseList, titleOf } from '../parts.js';
import { PLACEHOLDER_LABEL, placeholderHeight } from '../pictures.js';
import { drawPlaced } from './draw.js';
import { balancedTitle, geometry, oneLine, option, styleBook } from './styles.js';

export async function composeFeature(template: Template, bundle: CollectionBundle, cc: ComposeContext): Promise<number> {
  const styles = styleBook(template);
  const g = geometry(template);
  const { canvas } = cc;
  const c = bundle.collection;
  const body = styles.get('body');
  const pitch = body.pitch;
  const columns = template.page.columns;
  const gap = mmToPt(template.page.columnGap);
  const colWidth = (g.measure - gap * (columns - 1)) / columns;
  const depth = (template.page.gridLines ?? Math.floor(g.depth / pitch)) * pitch;
  const top = g.top - (pitch - body.size) / 2;
  const pageX = (page: number) => (page % 2 === 1 ? g.inner : g.outer);
  const fullCtx: BlockContext = { styles, measure: g.measure, maxImageHeight: depth / 3, placeholderHeight: placeholderHeight(template, mmToPt(38)), placeholderLabel: PLACEHOLDER_LABEL, notes: [] };
  const colCtx: BlockContext = {
    styles,
    measure: colWidth,
    maxImageHeight: depth * 0.4,
    placeholderHeight: placeholderHeight(template, mmToPt(38)),
    placeholderLabel: PLACEHOLDER_LABEL,
    notes: [],
  };

  // ── Opener across the full measure ──
  const opener: FlowItem[] = [];
  const headline = styles.get('headline');
  const headRuns = (text: string): StyledText[] => [{ text, style: runStyle(headline) }];
  // One phrase per line when the headline is too wide (its phrases are split by a space).
  const phrases = measureText(headRuns(c.title)) > g.measure ? c.title.split(/[\s\u3000]+/).filter(Boolean) : [c.title];
  for (const phrase of phrases) {
    opener.push(...lineItems(balancedTitle(headRuns(phrase), g.measure, headline.size), 0, headline.pitch, { keepTogether: true }));
  }
  if (c.subtitle) opener.push(...paragraphItems([{ text: c.subtitle, style: runStyle(styles.get('subtitle')) }], styles.get('subtitle'), fullCtx, { indent: 0 }));
  const credits = Object.entries(c.credits ?? {}).map(([k, v]) => `${k}：${v}`).join('\u3000');
  if (credits) opener.push(...paragraphItems([{ text: credits, style: runStyle(styles.get('credits')) }], styles.get('credits'), fullCtx, { indent: 0 }));
  // The lead as written: its paragraphs in the lead style, its opening photo (or placeholder) full width.
  opener.push(...blockItems((c.lead ?? []).map((b) => (b.type === 'paragraph' ? { ...b, role: 'lead' as const } : b)), fullCtx));
  let openerHeight = 0;
  for (const it of opener) openerHeight += itemHeight(it);
  // Columns start on the body grid, one line below the opener.
  openerHeight = Math.ceil(openerHeight / pitch) * pitch + (opener.length ? pitch : 0);

  // ── Cases in columns ──
  const items: FlowItem[] = [];
  const cases: CaseDocument[] = caseList(bundle).flatMap((p) => p.cases);
  const heading = styles.get('caseHeading');
  for (const doc of cases) {
    const runs: StyledText[] = [];
    // Label and title apart by a thin space: the colour already sets the label off.
    if (doc.meta.heading) runs.push({ text: `${doc.meta.heading} `, style: runStyle(heading) });
    runs.push({ text: titleOf(doc), style: { ...runStyle(heading), color: '000000' } });
    const head = paragraphItems(runs, { ...heading, indentChars: 0 }, colCtx, { keepWithNext: true, keepTogether: true, tag: `case:${doc.id}`, align: 'left' });
    items.push(...head);
    if (doc.meta.unit) items.push(...paragraphItems([{ text: doc.meta.unit, style: runStyle(styles.get('caseUnit')) }], styles.get('caseUnit'), colCtx, { indent: 0, keepWithNext: true }));
    items.push(...blockItems(doc.body, colCtx), ...noteItems(colCtx));
  }
  applyKeeps(items);

  const frameFor = (n: number): Frame => {
    const page = Math.floor(n / columns) + 1;
    const column = n % columns;
    const y0 = page === 1 ? top + openerHeight : top;
    return { page, column, x: pageX(page) + column * (colWidth + gap), y: y0, width: colWidth, height: top + depth - y0 };
  };
  const frames: FilledFrame[] = [];
  let n = 0;
  paginate(
    items,
    (pageBreak) => {
      if (pageBreak && n % columns) n += columns - (n % columns);
      return frameFor(n++);
    },
    (f) => frames.push(f),
  );
  const pages = Math.max(1, frames.length ? frames[frames.length - 1]!.frame.page : 1);

  // Balance the columns of the last page: shortest equal height that still holds its text.
  if (option(template, 'balanceLastPage', true) && columns > 1) {
    const lastFrames = frames.filter((f) => f.frame.page === pages);
    const lastItems = lastFrames.flatMap((f) => f.items.map((p) => p.item));
    const first = lastFrames[0];
    if (first && lastItems.length) {
      const total = lastItems.reduce((s, it) => s + itemHeight(it), 0);
      const full = first.frame.height;
      for (let h = Math.ceil(total / columns / pitch) * pitch; h <= full + 0.01; h += pitch) {
        const trial: FilledFrame[] = [];
        let k = 0;
        paginate(lastItems, () => ({ ...frameFor((pages - 1) * columns + k++), height: h }), (f) => trial.push(f));
        if (trial.length <= columns) {
          frames.splice(frames.indexOf(first), lastFrames.length, ...trial);
          break;
        }
      }
    }
  }

  // Pages each case spans (from the page of its heading to the last page holding its text), for the page budgets.
  // A heading as the last line of a column (its keep could not be met) is flagged as the anthology's are.
  type Span = { first: number; last: number; feet: number[] };
  const spans = new Map<string, Span>();
  let current: Span | null = null;
  for (const f of frames) {
    let last: (FlowItem & { keepWithNext?: boolean }) | null = null;
    let lastOf: Span | null = null;
    for (const it of f.items) {
      const id = it.item.tag?.startsWith('case:') ? it.item.tag.slice(5) : null;
      if (id) spans.set(id, (current = { first: f.frame.page, last: f.frame.page, feet: [] }));
      else if (current && it.item.kind !== 'space') current.last = f.frame.page;
      if (it.item.kind === 'line') {
        last = it.item;
        lastOf = current;
      }
    }
    if (last?.keepWithNext && lastOf && !lastOf.feet.includes(f.frame.page)) lastOf.feet.push(f.frame.page);
  }
  for (const doc of cases) {
    const span = spans.get(doc.id);
    if (span) cc.cases?.push({ document: doc.id, title: titleOf(doc), firstPage: span.first, pages: span.last - span.first + 1, ...(span.feet.length ? { headingsAtFoot: span.feet } : {}) });
  }

  // ── Draw ──
  const tag = option<string>(template, 'sectionTag', '');
  const folioText = option<string>(template, 'folioText', '');
  const issue = c.year ? `${folioText} ${c.year}` : folioText;
  for (let p = 1; p <= pages; p++) {
    canvas.addPage(g.width, g.height);
    const x = pageX(p);
    if (tag) {
      const st = styles.get('sectionTag');
      const line = oneLine(tag, st);
      const tx = p % 2 === 1 ? x + g.measure - line.right : x;
      const base = g.top - mmToPt(7);
      canvas.drawLine(line, tx, base);
      canvas.rule(tx, base + 3, tx + line.right, base + 3, 0.8, template.colors.accent);
    }
    if (p === 1) {
      cc.outline.addItem(c.title);
      let y = top;
      for (const it of opener) {
        drawPlaced(canvas, { frame: { page: 1, column: 0, x, y: top, width: g.measure, height: openerHeight }, items: [{ item: it, x, y }], used: 0 });
        y += itemHeight(it);
      }
      canvas.rule(x, top + openerHeight - pitch / 2, x + g.measure, top + openerHeight - pitch / 2, 0.5, template.colors.accent);
    }
    for (const f of frames.filter((fr) => fr.frame.page === p)) {
      drawPlaced(canvas, f);
      for (const it of f.items) {
        const id = it.item.tag?.startsWith('case:') ? it.item.tag.slice(5) : null;
        const doc = id ? cases.find((d) => d.id === id) : null;
        if (doc) cc.outline.addItem(`${doc.meta.heading ? `${doc.meta.heading} ` : ''}${titleOf(doc)}`);
      }
    }
    const st = styles.get('folio');
    const base = g.height - g.bottom + mmToPt(6) + st.size * 0.7;
    const num = oneLine(String(p), st);
    const name = issue ? oneLine(issue, st) : null;
    if (p % 2 === 1) {
      canvas.drawLine(num, x + g.measure - num.right, base);
      if (name) canvas.drawLine(name, x, base);
    } else {
      canvas.drawLine(num, x, base);
      if (name) canvas.drawLine(name, x + g.measure - name.right, base);
    }
    cc.onProgress?.(p / pages, 'drawing');
  }
  return pages;
}
