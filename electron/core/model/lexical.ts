/**
 * The model <-> Lexical bridge: pure functions over JSON, no DOM and no Lexical runtime, so
 * the API handlers (plain Node) and the renderer's editor agree on one serialized shape.
 *
 * Standard Lexical nodes carry what they can (heading, paragraph, quote, list, listitem,
 * table, tablerow, tablecell, text, linebreak, link, mark). What Lexical lacks is carried by
 * Huibian node types (lexicalNodes/, drawn by renderer/src/editor/nodes):
 *
 *   run-in        inline element at the start of a paragraph holding the run-in heading
 *   footnote      inline decorator, JSON { blocks: Block[] }
 *   image-caption block decorator, JSON { src?, width?, height?, alt?, caption? }
 *   page-break    block decorator, JSON {}
 *   model-block   block decorator holding any model block verbatim, JSON { block }: the
 *                 fallback for shapes Lexical cannot hold (a list item with two paragraphs,
 *                 a quote holding a table), so that no model content is ever lost.
 *
 * Properties without a Lexical field travel in Lexical's node state (`$` in the JSON),
 * which the editor keeps through edits: paragraph and quote `role`, list `listStyle`,
 * and `quoteJoin` on a quote paragraph that continues the previous quote block.
 */
import type {
  Block,
  HeadingLevel,
  ImageBlock,
  Inline,
  ListBlock,
  Mark,
  ParagraphBlock,
  ParagraphRole,
  TableBlock,
  TableCell,
  TextInline,
} from './types.js';

/** Node type names of Huibian's own Lexical nodes; the renderer registers classes under them. */
export const HB_NODE_TYPES = {
  runIn: 'run-in',
  footnote: 'footnote',
  image: 'image-caption',
  pageBreak: 'page-break',
  modelBlock: 'model-block',
} as const;

/** Node-state keys (serialized under `$`). */
export const HB_STATE_KEYS = { role: 'role', listStyle: 'listStyle', quoteJoin: 'quoteJoin' } as const;

export interface SerializedNodeJSON {
  type: string;
  version: number;
  children?: SerializedNodeJSON[];
  $?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface SerializedEditorStateJSON {
  root: SerializedNodeJSON & { type: 'root'; children: SerializedNodeJSON[] };
}

/** Lexical's text format bits (TextNode.format). */
const FORMAT_BITS: Record<Mark, number> = { bold: 1, italic: 2, strike: 4, underline: 8, sub: 32, sup: 64 };
/** Canonical mark order, so that equal runs compare equal. */
const MARK_ORDER: Mark[] = ['bold', 'italic', 'underline', 'strike', 'sup', 'sub'];
const ROLES: ParagraphRole[] = ['body', 'lead', 'byline', 'note', 'center'];
const LIST_STYLES = ['decimal', 'cjk', 'paren-cjk', 'paren-decimal'] as const;

// ---------------------------------------------------------------------------------------
// model -> Lexical

const elementBase = () => ({ direction: null, format: '', indent: 0, version: 1 });

function textNode(text: string, marks: Mark[] | undefined): SerializedNodeJSON {
  let format = 0;
  for (const mark of marks ?? []) format |= FORMAT_BITS[mark] ?? 0;
  return { detail: 0, format, mode: 'normal', style: '', text, type: 'text', version: 1 };
}

/** A text run split at newlines (Lexical text nodes never hold "\n"). */
function textNodes(inline: TextInline): SerializedNodeJSON[] {
  const out: SerializedNodeJSON[] = [];
  inline.text.split('\n').forEach((part, i) => {
    if (i > 0) out.push({ type: 'linebreak', version: 1 });
    if (part) out.push(textNode(part, inline.marks));
  });
  return out;
}

function sameIds(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * Inlines to Lexical children. Consecutive text runs anchored to the same comments are
 * wrapped in one MarkNode carrying the thread ids, as Lexical's own comment marks are.
 */
function inlineNodes(inlines: readonly Inline[]): SerializedNodeJSON[] {
  const out: SerializedNodeJSON[] = [];
  let i = 0;
  while (i < inlines.length) {
    const inline = inlines[i]!;
    if (inline.type === 'text' && inline.comments && inline.comments.length) {
      const ids = inline.comments;
      const group: SerializedNodeJSON[] = [];
      while (i < inlines.length) {
        const next = inlines[i]!;
        if (next.type !== 'text' || !sameIds(next.comments, ids)) break;
        group.push(...textNodes(next));
        i++;
      }
      if (group.length) out.push({ ...elementBase(), type: 'mark', ids: [...ids], children: group });
      continue;
    }
    i++;
    switch (inline.type) {
      case 'text':
        out.push(...textNodes(inline));
        break;
      case 'break':
        out.push({ type: 'linebreak', version: 1 });
        break;
      case 'link':
        out.push({ ...elementBase(), type: 'link', url: inline.href, rel: null, target: null, title: null, children: inlineNodes(inline.children) });
        break;
      case 'footnote':
        out.push({ type: HB_NODE_TYPES.footnote, version: 1, blocks: inline.blocks });
        break;
    }
  }
  return out;
}

function withState(node: SerializedNodeJSON, state: Record<string, unknown>): SerializedNodeJSON {
  const entries = Object.entries(state).filter(([, v]) => v !== undefined);
  return entries.length ? { ...node, $: Object.fromEntries(entries) } : node;
}

function paragraphChildren(block: ParagraphBlock): SerializedNodeJSON[] {
  const children = inlineNodes(block.content);
  if (block.runIn && block.runIn.length) {
    children.unshift({ ...elementBase(), type: HB_NODE_TYPES.runIn, children: inlineNodes(block.runIn) });
  }
  return children;
}

function paragraphNode(block: ParagraphBlock): SerializedNodeJSON {
  const node: SerializedNodeJSON = {
    ...elementBase(),
    format: block.role === 'center' ? 'center' : '',
    type: 'paragraph',
    textFormat: 0,
    textStyle: '',
    children: paragraphChildren(block),
  };
  return withState(node, { [HB_STATE_KEYS.role]: block.role });
}

/** Whether a list maps onto Lexical's list nodes (items of one paragraph, optionally a nested list). */
function listFits(list: ListBlock): boolean {
  return list.items.every((item, index) => {
    if (item.length === 0) return true;
    const [first, second, ...rest] = item;
    if (rest.length) return false;
    if (first!.type === 'paragraph') {
      if (first!.role) return false;
      return second === undefined || (second.type === 'list' && listFits(second));
    }
    // A lone nested list is only unambiguous as the first item.
    return index === 0 && second === undefined && first!.type === 'list' && listFits(first!);
  });
}

function listNode(list: ListBlock, depth = 0): SerializedNodeJSON {
  const start = list.start ?? 1;
  const children: SerializedNodeJSON[] = [];
  let value = start;
  for (const item of list.items) {
    const listItem = (kids: SerializedNodeJSON[]): SerializedNodeJSON => ({ ...elementBase(), indent: depth, type: 'listitem', value: value, children: kids });
    const [first, second] = item;
    if (!first) {
      children.push(listItem([]));
    } else if (first.type === 'paragraph') {
      children.push(listItem(paragraphChildren(first)));
      if (second && second.type === 'list') children.push(listItem([listNode(second, depth + 1)]));
    } else if (first.type === 'list') {
      children.push(listItem([listNode(first, depth + 1)]));
    }
    value++;
  }
  const node: SerializedNodeJSON = {
    ...elementBase(),
    type: 'list',
    listType: list.ordered ? 'number' : 'bullet',
    start,
    tag: list.ordered ? 'ol' : 'ul',
    children,
  };
  return withState(node, { [HB_STATE_KEYS.listStyle]: list.style });
}

function tableNode(table: TableBlock): SerializedNodeJSON {
  const node: SerializedNodeJSON = {
    ...elementBase(),
    type: 'table',
    children: table.rows.map((row) => ({
      ...elementBase(),
      type: 'tablerow',
      children: row.map((cell) => ({
        ...elementBase(),
        type: 'tablecell',
        backgroundColor: null,
        colSpan: cell.colSpan ?? 1,
        rowSpan: cell.rowSpan ?? 1,
        headerState: cell.header ? 1 : 0,
        // Lexical cells must hold at least one block to be editable.
        children: cell.blocks.length ? blocksNodes(cell.blocks) : [paragraphNode({ type: 'paragraph', content: [] })],
      })),
    })),
  };
  if (table.columnWidths) node.colWidths = [...table.columnWidths];
  return node;
}

function imageNode(image: ImageBlock): SerializedNodeJSON {
  const node: SerializedNodeJSON = { type: HB_NODE_TYPES.image, version: 1 };
  for (const key of ['src', 'width', 'height', 'alt', 'caption'] as const) {
    if (image[key] !== undefined) node[key] = image[key];
  }
  return node;
}

function modelBlockNode(block: Block): SerializedNodeJSON {
  return { type: HB_NODE_TYPES.modelBlock, version: 1, block };
}

function blockNodes(block: Block): SerializedNodeJSON[] {
  switch (block.type) {
    case 'heading':
      return [{ ...elementBase(), type: 'heading', tag: `h${block.level}`, children: inlineNodes(block.content) }];
    case 'paragraph':
      return [paragraphNode(block)];
    case 'list':
      return [listFits(block) ? listNode(block) : modelBlockNode(block)];
    case 'quote': {
      const paragraphs = block.blocks;
      if (!paragraphs.length || !paragraphs.every((b): b is ParagraphBlock => b.type === 'paragraph')) return [modelBlockNode(block)];
      return paragraphs.map((p, i) =>
        withState(
          { ...elementBase(), format: p.role === 'center' ? 'center' : '', type: 'quote', children: paragraphChildren(p) },
          { [HB_STATE_KEYS.role]: p.role, [HB_STATE_KEYS.quoteJoin]: i > 0 ? true : undefined },
        ),
      );
    }
    case 'table':
      // Lexical rows cannot be empty; an empty table keeps its exact model form.
      return [block.rows.length && block.rows.every((r) => r.length) ? tableNode(block) : modelBlockNode(block)];
    case 'image':
      return [imageNode(block)];
    case 'pageBreak':
      return [{ type: HB_NODE_TYPES.pageBreak, version: 1 }];
    default:
      return [modelBlockNode(block)];
  }
}

function blocksNodes(blocks: readonly Block[]): SerializedNodeJSON[] {
  return blocks.flatMap(blockNodes);
}

/** The editor state the renderer loads for a document body. */
export function blocksToLexical(blocks: Block[]): SerializedEditorStateJSON {
  if (!Array.isArray(blocks)) throw new TypeError('正文应为块的数组（Block[]），收到的不是数组');
  const children = blocksNodes(blocks);
  // An editor root with no block cannot take a caret; an empty body is one empty paragraph.
  if (!children.length) children.push(paragraphNode({ type: 'paragraph', content: [] }));
  return { root: { ...elementBase(), type: 'root', children } };
}

// ---------------------------------------------------------------------------------------
// Lexical -> model

/**
 * An editor state the converter cannot read. The message is Chinese and starts with the path
 * of the bad node (`root.children[2].children[0]`), because it reaches the user inside the
 * API's wrapper ("编辑器内容无法读取（…）").
 */
export class MalformedState extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path ? `${path}：${reason}` : reason);
    this.name = 'MalformedEditorState';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nodeAt(value: unknown, where: string): SerializedNodeJSON {
  if (!isObject(value)) throw new MalformedState(where, '不是节点对象');
  if (typeof value.type !== 'string') throw new MalformedState(where, '节点缺少类型（type）');
  if (value.children !== undefined && !Array.isArray(value.children)) throw new MalformedState(where, `${value.type} 节点的子节点（children）应为数组`);
  return value as SerializedNodeJSON;
}

function childrenOf(node: SerializedNodeJSON, where: string): SerializedNodeJSON[] {
  return (node.children ?? []).map((child, i) => nodeAt(child, `${where}.children[${i}]`));
}

function stateOf(node: SerializedNodeJSON, key: string): unknown {
  return isObject(node.$) ? node.$[key] : undefined;
}

function marksOf(format: unknown): Mark[] | undefined {
  if (typeof format !== 'number' || !format) return undefined;
  const marks = MARK_ORDER.filter((mark) => (format & FORMAT_BITS[mark]) !== 0);
  return marks.length ? marks : undefined;
}

function pushText(out: Inline[], text: string, marks: Mark[] | undefined, comments: string[] | undefined): void {
  if (!text) return;
  const run: TextInline = { type: 'text', text };
  if (marks && marks.length) run.marks = marks;
  if (comments && comments.length) run.comments = comments;
  out.push(run);
}

function mergeIds(outer: string[] | undefined, inner: unknown): string[] | undefined {
  const ids = [...(outer ?? [])];
  if (Array.isArray(inner)) for (const id of inner) if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
  return ids.length ? ids : undefined;
}

/** Lexical inline children to model inlines; marks and links are flattened into run properties. */
function readInlines(nodes: SerializedNodeJSON[], where: string, comments?: string[]): Inline[] {
  const out: Inline[] = [];
  nodes.forEach((node, i) => {
    const here = `${where}[${i}]`;
    switch (node.type) {
      case 'text':
        if (typeof node.text !== 'string') throw new MalformedState(here, '文字节点缺少文字（text）');
        pushText(out, node.text, marksOf(node.format), comments);
        break;
      case 'tab':
        pushText(out, '\t', marksOf(node.format), comments);
        break;
      case 'linebreak':
        out.push({ type: 'break' });
        break;
      case 'mark':
        out.push(...readInlines(childrenOf(node, here), `${here}.children`, mergeIds(comments, node.ids)));
        break;
      case 'link':
      case 'autolink': {
        if (typeof node.url !== 'string') throw new MalformedState(here, '链接缺少网址（url）');
        const children = readInlines(childrenOf(node, here), `${here}.children`, comments).filter((c): c is TextInline => c.type === 'text');
        out.push({ type: 'link', href: node.url, children });
        break;
      }
      case HB_NODE_TYPES.footnote:
        if (!Array.isArray(node.blocks)) throw new MalformedState(here, '脚注缺少内容（blocks）');
        out.push({ type: 'footnote', blocks: node.blocks as Block[] });
        break;
      case HB_NODE_TYPES.runIn:
        // A run-in that has drifted off the paragraph start is ordinary text again.
        out.push(...readInlines(childrenOf(node, here), `${here}.children`, comments));
        break;
      default:
        // Inline content of node types we do not know (pasted or future): keep the text.
        if (node.children) out.push(...readInlines(childrenOf(node, here), `${here}.children`, comments));
        else if (typeof node.text === 'string') pushText(out, node.text, marksOf(node.format), comments);
    }
  });
  return normalizeInlines(out);
}

function roleOf(node: SerializedNodeJSON): ParagraphRole | undefined {
  const role = stateOf(node, HB_STATE_KEYS.role);
  if (typeof role === 'string' && (ROLES as string[]).includes(role)) return role as ParagraphRole;
  if (node.format === 'center') return 'center';
  return undefined;
}

function readParagraph(node: SerializedNodeJSON, where: string): ParagraphBlock {
  const children = childrenOf(node, where);
  const block: ParagraphBlock = { type: 'paragraph', content: [] };
  let rest = children;
  if (children[0]?.type === HB_NODE_TYPES.runIn) {
    const runIn = readInlines(childrenOf(children[0], `${where}.children[0]`), `${where}.runIn`);
    if (runIn.length) block.runIn = runIn;
    rest = children.slice(1);
  }
  block.content = readInlines(rest, `${where}.children`);
  const role = roleOf(node);
  if (role) block.role = role;
  // Keep key order stable (type, content, role, runIn) for readable stored JSON.
  return { type: 'paragraph', content: block.content, ...(block.role ? { role: block.role } : {}), ...(block.runIn ? { runIn: block.runIn } : {}) };
}

function readList(node: SerializedNodeJSON, where: string): ListBlock {
  const ordered = node.listType === 'number' || node.tag === 'ol';
  const list: ListBlock = { type: 'list', ordered, items: [] };
  const style = stateOf(node, HB_STATE_KEYS.listStyle);
  if (typeof style === 'string' && (LIST_STYLES as readonly string[]).includes(style)) list.style = style as ListBlock['style'];
  if (typeof node.start === 'number' && node.start !== 1) list.start = node.start;
  childrenOf(node, where).forEach((item, i) => {
    const here = `${where}.children[${i}]`;
    const kids = childrenOf(item, here);
    if (kids.length === 1 && kids[0]!.type === 'list') {
      const nested = readList(kids[0]!, `${here}.children[0]`);
      const previous = list.items[list.items.length - 1];
      if (previous && previous.length === 1 && previous[0]!.type === 'paragraph') previous.push(nested);
      else list.items.push([nested]);
      return;
    }
    const blocks: Block[] = [];
    if (kids.length) blocks.push(readParagraph({ ...item, type: 'paragraph', format: '' }, here));
    list.items.push(blocks);
  });
  return { type: 'list', ordered: list.ordered, ...(list.style ? { style: list.style } : {}), ...(list.start !== undefined ? { start: list.start } : {}), items: list.items };
}

function readTable(node: SerializedNodeJSON, where: string): TableBlock {
  const rows: TableCell[][] = childrenOf(node, where).map((row, r) =>
    childrenOf(row, `${where}.children[${r}]`).map((cell, c) => {
      const here = `${where}.children[${r}].children[${c}]`;
      const out: TableCell = { blocks: readBlocks(childrenOf(cell, here), `${here}.children`) };
      // A lone empty paragraph is how Lexical holds an empty cell.
      if (out.blocks.length === 1 && out.blocks[0]!.type === 'paragraph' && !out.blocks[0]!.content.length && !out.blocks[0]!.role && !out.blocks[0]!.runIn) out.blocks = [];
      if (typeof cell.colSpan === 'number' && cell.colSpan > 1) out.colSpan = cell.colSpan;
      if (typeof cell.rowSpan === 'number' && cell.rowSpan > 1) out.rowSpan = cell.rowSpan;
      if (typeof cell.headerState === 'number' && cell.headerState !== 0) out.header = true;
      return out;
    }),
  );
  const table: TableBlock = { type: 'table', rows };
  if (Array.isArray(node.colWidths) && node.colWidths.every((w) => typeof w === 'number')) table.columnWidths = [...(node.colWidths as number[])];
  return table;
}

function readImage(node: SerializedNodeJSON): ImageBlock {
  const image: ImageBlock = { type: 'image' };
  if (typeof node.src === 'string') image.src = node.src;
  if (typeof node.width === 'number') image.width = node.width;
  if (typeof node.height === 'number') image.height = node.height;
  if (typeof node.alt === 'string') image.alt = node.alt;
  if (Array.isArray(node.caption)) image.caption = node.caption as Inline[];
  return image;
}

function headingLevel(tag: unknown): HeadingLevel {
  const n = typeof tag === 'string' ? Number(tag.replace(/^h/, '')) : NaN;
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(4, n) as HeadingLevel;
}

function readBlocks(nodes: SerializedNodeJSON[], where: string): Block[] {
  const out: Block[] = [];
  nodes.forEach((node, i) => {
    const here = `${where}[${i}]`;
    switch (node.type) {
      case 'heading':
        out.push({ type: 'heading', level: headingLevel(node.tag), content: readInlines(childrenOf(node, here), `${here}.children`) });
        break;
      case 'paragraph':
        out.push(readParagraph(node, here));
        break;
      case 'quote': {
        const paragraph = readParagraph(node, here);
        const previous = out[out.length - 1];
        if (stateOf(node, HB_STATE_KEYS.quoteJoin) === true && previous?.type === 'quote') previous.blocks.push(paragraph);
        else out.push({ type: 'quote', blocks: [paragraph] });
        break;
      }
      case 'list':
        out.push(readList(node, here));
        break;
      case 'table':
        out.push(readTable(node, here));
        break;
      case HB_NODE_TYPES.image:
        out.push(readImage(node));
        break;
      case HB_NODE_TYPES.pageBreak:
        out.push({ type: 'pageBreak' });
        break;
      case HB_NODE_TYPES.modelBlock:
        if (!isObject(node.block) || typeof node.block.type !== 'string') throw new MalformedState(here, '模型块缺少块内容（block）或其类型');
        out.push(node.block as unknown as Block);
        break;
      default:
        // Unknown block-level nodes (code, horizontal rule from a paste): keep their text as a paragraph.
        if (node.children) out.push({ type: 'paragraph', content: readInlines(childrenOf(node, here), `${here}.children`) });
        else if (typeof node.text === 'string') out.push({ type: 'paragraph', content: [{ type: 'text', text: node.text }] });
    }
  });
  return out;
}

/** The model blocks of an editor state (the object from `editorState.toJSON()` or its JSON text). */
export function lexicalToBlocks(state: unknown): Block[] {
  let value = state;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      // JSON.parse's own message is English: the position it names means nothing to an editor
      throw new MalformedState('', '不是有效的 JSON 文本');
    }
  }
  if (!isObject(value)) throw new MalformedState('', '应为含根节点（root）的对象');
  if (isObject(value.editorState) && !('root' in value)) value = value.editorState;
  if (!isObject(value) || !isObject(value.root)) throw new MalformedState('', '缺少根节点（root）');
  const root = nodeAt(value.root, 'root');
  if (root.type !== 'root') throw new MalformedState('root', `根节点的类型应为 root，而不是“${root.type}”`);
  if (!Array.isArray(root.children)) throw new MalformedState('root', '根节点缺少子节点数组（children）');
  const blocks = readBlocks(childrenOf(root, 'root'), 'root.children');
  return isEmptyBody(blocks) ? [] : blocks;
}

/** One empty plain paragraph is how the editor holds an empty body. */
function isEmptyBody(blocks: readonly Block[]): boolean {
  const only = blocks[0];
  return blocks.length === 1 && only!.type === 'paragraph' && !only!.content.length && !only!.role && !only!.runIn;
}

// ---------------------------------------------------------------------------------------
// Normal form

function normalMarks(marks: readonly Mark[] | undefined): Mark[] | undefined {
  if (!marks || !marks.length) return undefined;
  const sorted = MARK_ORDER.filter((m) => marks.includes(m));
  return sorted.length ? sorted : undefined;
}

/**
 * The canonical form of inlines that a round trip through the editor yields: adjacent runs
 * with equal marks and comments merged, empty runs dropped, newlines as breaks, marks in
 * canonical order. It changes no text and no formatting.
 */
export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.type === 'text') {
      const parts = inline.text.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) out.push({ type: 'break' });
        if (!part) return;
        const marks = normalMarks(inline.marks);
        const comments = inline.comments && inline.comments.length ? [...inline.comments] : undefined;
        const last = out[out.length - 1];
        if (last && last.type === 'text' && sameIds(last.marks, marks) && sameIds(last.comments, comments)) {
          last.text += part;
          return;
        }
        const run: TextInline = { type: 'text', text: part };
        if (marks) run.marks = marks;
        if (comments) run.comments = comments;
        out.push(run);
      });
    } else if (inline.type === 'link') {
      out.push({ type: 'link', href: inline.href, children: normalizeInlines(inline.children).filter((c): c is TextInline => c.type === 'text') });
    } else {
      out.push(inline);
    }
  }
  return out;
}

/** The canonical form of blocks (see normalizeInlines); `blocksToLexical` then `lexicalToBlocks` returns exactly this. */
export function normalizeBlocks(blocks: readonly Block[]): Block[] {
  const out = normalizeBlockList(blocks);
  return isEmptyBody(out) ? [] : out;
}

function normalizeBlockList(blocks: readonly Block[]): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'heading':
        return { type: 'heading', level: block.level, content: normalizeInlines(block.content) };
      case 'paragraph': {
        const runIn = block.runIn && block.runIn.length ? normalizeInlines(block.runIn) : undefined;
        return {
          type: 'paragraph',
          content: normalizeInlines(block.content),
          ...(block.role ? { role: block.role } : {}),
          ...(runIn && runIn.length ? { runIn } : {}),
        };
      }
      case 'list':
        if (!listFits(block)) return block;
        return {
          type: 'list',
          ordered: block.ordered,
          ...(block.style ? { style: block.style } : {}),
          ...(block.start !== undefined && block.start !== 1 ? { start: block.start } : {}),
          items: block.items.map((item) => normalizeBlockList(item)),
        };
      case 'quote':
        if (!block.blocks.length || !block.blocks.every((b) => b.type === 'paragraph')) return block;
        return { type: 'quote', blocks: normalizeBlockList(block.blocks) };
      case 'table': {
        if (!block.rows.length || !block.rows.every((r) => r.length)) return block;
        const rows = block.rows.map((row) =>
          row.map((cell) => {
            const out: TableCell = { blocks: normalizeBlockList(cell.blocks) };
            if (out.blocks.length === 1 && out.blocks[0]!.type === 'paragraph' && !out.blocks[0]!.content.length && !out.blocks[0]!.role && !out.blocks[0]!.runIn) out.blocks = [];
            if (cell.colSpan && cell.colSpan > 1) out.colSpan = cell.colSpan;
            if (cell.rowSpan && cell.rowSpan > 1) out.rowSpan = cell.rowSpan;
            if (cell.header) out.header = true;
            return out;
          }),
        );
        return { type: 'table', rows, ...(block.columnWidths ? { columnWidths: [...block.columnWidths] } : {}) };
      }
      default:
        return block;
    }
  });
}
