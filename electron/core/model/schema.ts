/**
 * The document model as one zod schema, with limits. Every write to the library goes through
 * it (documents.create and documents.save, import commit, revision restore, review DOCX merge,
 * the upgrade of old rows), so no writer ever meets a node it does not know. types.ts stays
 * the model's TypeScript definition; these schemas are typed against it, so the two cannot drift.
 *
 * Refusals name the path of the bad node, e.g. `body[3].content[0]: 未知的行内类型 "weird"`.
 *
 * The API table's shapes for the editorial workflow (status, trash, merge, duplicates) are
 * documented in api/schema.ts; the status labels the UI shows are STATUS_LABELS below.
 */
import { z } from 'zod';
import type {
  Block,
  CaseDocument,
  CaseMeta,
  CaseStatus,
  CommentThread,
  ContinuityLink,
  HuibianDocument,
  Inline,
  NoticeAttachment,
  NoticeDocument,
  NoticeMeta,
  TextInline,
} from './types.js';

/** Sizes past which a value is refused: generous for real drafts, small enough that nothing a client sends can exhaust memory or the stack. */
export const LIMITS = {
  /** Nesting of JSON objects and arrays in a document or editor state (a list in a quote in a table cell is about 12). */
  depth: 64,
  /** Characters in one text run. */
  text: 200_000,
  /** Blocks in one list of blocks (a body, a cell, a list item). */
  blocks: 20_000,
  /** Inlines in one paragraph or heading. */
  inlines: 20_000,
  /** Rows, cells per row, items of a list. */
  rows: 2_000,
  /** A title, a unit, an award, an organ. */
  short: 500,
  /** Longer single fields (addressees, cc, notes). */
  field: 5_000,
  /** A data: URI of an image or a seal (characters). */
  image: 30_000_000,
  /** Comment ids on one run, names in a list. */
  list: 200,
  /** One comment's or reply's text. */
  comment: 10_000,
} as const;

export const STATUSES = ['draft', 'review', 'final', 'submitted'] as const satisfies readonly CaseStatus[];
/** What the UI shows for each status. */
export const STATUS_LABELS: Record<CaseStatus, string> = { draft: '初稿', review: '修改', final: '定稿', submitted: '已报送' };
/** Statuses whose text and metadata are locked: a save is refused until the case is reopened. */
export const LOCKED_STATUSES: readonly CaseStatus[] = ['final', 'submitted'];

const short = z.string().max(LIMITS.short);
const field = z.string().max(LIMITS.field);
const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, '应为 yyyy-mm-dd 格式的日期');
const dataImage = z
  .string()
  .max(LIMITS.image)
  .regex(/^data:image\/(png|jpeg|gif|webp);base64,/, '应为 PNG 或 JPEG 图片的 data: URI');

const unknownType = (what: string) => (issue: { code: string; input?: unknown }) => {
  if (issue.code !== 'invalid_union') return undefined;
  const type = (issue.input as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? `未知的${what}类型 "${type.slice(0, 40)}"` : `${what}缺少 type 字段`;
};

export const MarkSchema = z.enum(['bold', 'italic', 'underline', 'strike', 'sup', 'sub']);

const TextInlineObject = z
  .object({
    type: z.literal('text'),
    text: z.string({ error: (i) => (i.input === undefined ? '文字节点缺少文字（text）' : '文字（text）应为字符串') }).max(LIMITS.text),
    marks: z.array(MarkSchema).max(6).optional(),
    /** Comment anchors: ids of the threads whose range covers this run. */
    comments: z.array(id).max(LIMITS.list).optional(),
  })
  .strict();
export const TextInlineSchema: z.ZodType<TextInline> = TextInlineObject;

export const InlineSchema: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion(
    'type',
    [
      TextInlineObject,
      z.object({ type: z.literal('footnote'), blocks: z.array(BlockSchema).min(1, '脚注至少要有一段内容').max(LIMITS.blocks) }).strict(),
      z.object({ type: z.literal('break') }).strict(),
      z.object({ type: z.literal('link'), href: z.string().max(4096), children: z.array(TextInlineObject).max(LIMITS.inlines) }).strict(),
    ],
    { error: unknownType('行内') },
  ),
);

const inlines = z.array(InlineSchema).max(LIMITS.inlines);
const blocks = () => z.array(BlockSchema).max(LIMITS.blocks);

const TableCellSchema = z
  .object({
    get blocks() {
      return blocks();
    },
    colSpan: z.number().int().min(1).max(100).optional(),
    rowSpan: z.number().int().min(1).max(LIMITS.rows).optional(),
    header: z.boolean().optional(),
  })
  .strict();

export const BlockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), content: inlines }).strict(),
      z
        .object({
          type: z.literal('paragraph'),
          content: inlines,
          role: z.enum(['body', 'lead', 'byline', 'note', 'center']).optional(),
          runIn: inlines.optional(),
        })
        .strict(),
      z
        .object({
          type: z.literal('list'),
          ordered: z.boolean(),
          style: z.enum(['decimal', 'cjk', 'paren-cjk', 'paren-decimal']).optional(),
          start: z.number().int().min(0).max(100_000).optional(),
          items: z.array(blocks()).max(LIMITS.rows),
        })
        .strict(),
      z.object({ type: z.literal('quote'), blocks: blocks() }).strict(),
      z
        .object({
          type: z.literal('table'),
          rows: z.array(z.array(TableCellSchema).max(200)).max(LIMITS.rows),
          columnWidths: z.array(z.number().nonnegative().max(1e6)).max(200).optional(),
        })
        .strict(),
      z
        .object({
          type: z.literal('image'),
          src: z.string().max(LIMITS.image).optional(),
          width: z.number().positive().max(100_000).optional(),
          height: z.number().positive().max(100_000).optional(),
          alt: field.optional(),
          caption: inlines.optional(),
        })
        .strict(),
      z.object({ type: z.literal('pageBreak') }).strict(),
    ],
    { error: unknownType('块') },
  ),
);

export const RegionSchema = z
  .object({ province: short.nullable(), city: short.nullable(), county: short.nullable(), code: z.string().regex(/^\d{6}$/).nullable().optional() })
  .strict();

const CategoryExplanationSchema = z
  .object({
    category: short,
    score: z.number(),
    words: z.array(z.object({ word: short, count: z.number(), weight: z.number() }).strict()).max(LIMITS.list),
  })
  .strict();

const year = z.number().int().min(1949, '年份应在 1949–2200 之间').max(2200, '年份应在 1949–2200 之间');
const title = z.string().max(LIMITS.short).refine((t) => t.trim().length > 0, '标题不能为空');

export const ContinuityLinkSchema: z.ZodType<ContinuityLink> = z
  .object({ documentId: id, collectionId: id.nullable(), title, year: year.nullable() })
  .strict();

const caseFields = {
  title,
  subtitle: short.nullable().optional(),
  heading: short.nullable().optional(),
  region: RegionSchema.nullable().optional(),
  category: z.string().max(64).refine((c) => c.trim().length > 0, '业务领域不能为空').nullable().optional(),
  categoryExplanation: z.array(CategoryExplanationSchema).max(50).optional(),
  unit: short.nullable().optional(),
  award: short.nullable().optional(),
  year: year.nullable().optional(),
  date: isoDate.nullable().optional(),
  authors: short.nullable().optional(),
  sourceFile: z.string().max(1024).nullable().optional(),
  status: z.enum(STATUSES).optional(),
  pageBudget: z.number().int('页数预算应为整数').min(1, '页数预算至少 1 页').max(99, '页数预算至多 99 页').nullable().optional(),
  /** 延续/新增 (types.ts); documents.setContinuity is the editor's way to set it, checking the link. */
  continuesFrom: ContinuityLinkSchema.nullable().optional(),
  continuity: z.enum(['linked', 'unlinked']).nullable().optional(),
};

const noticeFields = {
  title,
  organ: short.nullable().optional(),
  docNumber: short.nullable().optional(),
  signers: z.array(short).max(LIMITS.list).optional(),
  addressees: field.nullable().optional(),
  issuer: short.nullable().optional(),
  date: isoDate.nullable().optional(),
  attachmentTitles: z.array(short).max(LIMITS.list).optional(),
  note: field.nullable().optional(),
  cc: field.nullable().optional(),
  printer: short.nullable().optional(),
  printDate: isoDate.nullable().optional(),
  sealImage: dataImage.nullable().optional(),
  region: RegionSchema.nullable().optional(),
  year: year.nullable().optional(),
  sourceFile: z.string().max(1024).nullable().optional(),
};

export const CaseMetaSchema: z.ZodType<CaseMeta> = z.object(caseFields).strict();
export const NoticeMetaSchema: z.ZodType<NoticeMeta> = z.object(noticeFields).strict();

/**
 * A metadata patch from the editor or the import preview: any field of a case or a notice.
 * A `status` in a documents.save patch goes through the lifecycle as documents.setStatus
 * does (logged, with a snapshot); reopening a locked case needs setStatus with a reason.
 */
export const MetaPatchSchema = z.object({ ...noticeFields, ...caseFields }).partial().strict();
export type MetaPatch = z.infer<typeof MetaPatchSchema>;
/** The import preview's corrections may set the status a case starts with (nothing is logged before it exists). */
export const ImportMetaPatchSchema = MetaPatchSchema;

export const NoticeAttachmentSchema: z.ZodType<NoticeAttachment> = z.object({ title: short, blocks: blocks() }).strict();

export const CaseDocumentSchema: z.ZodType<CaseDocument> = z
  .object({ kind: z.literal('case'), id, meta: CaseMetaSchema, body: blocks() })
  .strict();
export const NoticeDocumentSchema: z.ZodType<NoticeDocument> = z
  .object({ kind: z.literal('notice'), id, meta: NoticeMetaSchema, body: blocks(), attachments: z.array(NoticeAttachmentSchema).max(LIMITS.list) })
  .strict();

/** A comment thread's own fields as a reviewer's DOCX or the editor sends them. */
export const CommentInputSchema = z.object({
  quote: z.string().max(LIMITS.comment),
  text: z.string().max(LIMITS.comment),
  author: z.string().min(1).max(64),
});
export type CommentInput = Pick<CommentThread, 'quote' | 'text' | 'author'>;

// ------------------------------------------------------------------ checking

/** A value the model refuses, with the path of the bad node. */
export class ModelError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'ModelError';
  }
}

/** `['body', 3, 'content', 0]` → `body[3].content[0]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * Depth of nested objects and arrays, counted without recursion, so that a 100,000-deep
 * value is refused at once instead of overflowing the stack of whatever reads it next.
 * Returns the path (its first dozen steps) of the first node past `limit`, or null.
 */
export function tooDeep(value: unknown, limit: number = LIMITS.depth): PropertyKey[] | null {
  // each entry links to its parent, so the path is built only for the node that is too deep
  type Entry = { v: unknown; d: number; key: PropertyKey | null; up: Entry | null };
  const stack: Entry[] = [{ v: value, d: 0, key: null, up: null }];
  while (stack.length) {
    const entry = stack.pop()!;
    const v = entry.v;
    if (typeof v !== 'object' || v === null) continue;
    if (entry.d >= limit) {
      const path: PropertyKey[] = [];
      for (let e: Entry | null = entry; e && e.key !== null; e = e.up) path.unshift(e.key);
      return path.slice(0, 12);
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (typeof v[i] === 'object' && v[i] !== null) stack.push({ v: v[i], d: entry.d + 1, key: i, up: entry });
    } else {
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (typeof x === 'object' && x !== null) stack.push({ v: x, d: entry.d + 1, key: k, up: entry });
      }
    }
  }
  return null;
}

function firstIssue(error: z.ZodError, prefix: ReadonlyArray<PropertyKey>): ModelError {
  const issue = error.issues[0]!;
  let path = [...prefix, ...issue.path];
  // an unknown discriminator is reported on the node, not on its `type` key
  if (issue.code === 'invalid_union' && path[path.length - 1] === 'type') path = path.slice(0, -1);
  return new ModelError(formatPath(path), issue.message);
}

const zh = z.locales.zhCN().localeError;

/** Parses `value` with `schema`; throws a ModelError naming the first bad node (Chinese message). */
export function checkWith<T>(schema: z.ZodType<T>, value: unknown, prefix: ReadonlyArray<PropertyKey> = []): T {
  const deep = tooDeep(value);
  if (deep) throw new ModelError(formatPath([...prefix, ...deep]), `嵌套超过 ${LIMITS.depth} 层：请减少列表、引文或表格的嵌套`);
  const parsed = schema.safeParse(value, { error: zh });
  if (!parsed.success) throw firstIssue(parsed.error, prefix);
  return parsed.data;
}

/** Checks a whole document before it is stored. */
export function checkDocument(doc: HuibianDocument): HuibianDocument {
  return doc.kind === 'notice' ? checkWith(NoticeDocumentSchema, doc) : checkWith(CaseDocumentSchema, doc);
}

/** Checks a list of blocks (a collection's lead, an attachment) at `where`. */
export function checkBlocks(value: unknown, where = 'body'): Block[] {
  return checkWith(z.array(BlockSchema).max(LIMITS.blocks), value, [where]);
}

/** Zod's issues in Chinese, for the API table's own input schemas. */
export const zodChinese = zh;

// ------------------------------------------------------------------ quick verdict

/*
 * The import commit checks every case twice (as drafted and as proofed), and zod's walk of the
 * blocks was about 0.3 s of the commit of 1,000 single-case drafts. `acceptsCase` below is a
 * plain walk of the same shapes that only ever says yes where the schema above says yes: any
 * doubt (an unknown key, a value at a limit, a prototype other than Object's, a node too deep)
 * answers no, and then the schema itself is asked and gives the verdict and the message. The
 * schema stays the one source of what is allowed; test/model-schema-quick checks that the walk
 * accepts nothing the schema refuses.
 */

/** Plain objects only: zod reads own keys, a class instance or a proxy goes to zod. */
function plain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Every own key is one of `allowed` and none holds undefined (zod's view of those is not copied here). */
function keysIn(v: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) return false;
    if (!allowed.has(k) || v[k] === undefined) return false;
  }
  return Object.getOwnPropertySymbols(v).length === 0;
}

const str = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const int = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const num = (v: unknown, min: number, max: number, open = false): boolean =>
  typeof v === 'number' && Number.isFinite(v) && (open ? v > min : v >= min) && v <= max;
const list = (v: unknown, max: number): v is unknown[] => Array.isArray(v) && v.length <= max;
/** Every element, holes included (Array.prototype.every skips holes; zod reads them as undefined). */
function all(v: unknown[], ok: (x: unknown) => boolean): boolean {
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) return false;
  return true;
}
const keys = (...names: string[]): ReadonlySet<string> => new Set(names);

const MARKS: ReadonlySet<unknown> = new Set(MarkSchema.options);
const ROLES: ReadonlySet<unknown> = new Set(['body', 'lead', 'byline', 'note', 'center']);
const LIST_STYLES: ReadonlySet<unknown> = new Set(['decimal', 'cjk', 'paren-cjk', 'paren-decimal']);
const K = {
  text: keys('type', 'text', 'marks', 'comments'),
  footnote: keys('type', 'blocks'),
  break: keys('type'),
  link: keys('type', 'href', 'children'),
  heading: keys('type', 'level', 'content'),
  paragraph: keys('type', 'content', 'role', 'runIn'),
  list: keys('type', 'ordered', 'style', 'start', 'items'),
  quote: keys('type', 'blocks'),
  table: keys('type', 'rows', 'columnWidths'),
  cell: keys('blocks', 'colSpan', 'rowSpan', 'header'),
  image: keys('type', 'src', 'width', 'height', 'alt', 'caption'),
  caseDocument: keys('kind', 'id', 'meta', 'body'),
};
/** Well inside LIMITS.depth, counted as tooDeep counts (the document is depth 0). */
const QUICK_DEPTH = LIMITS.depth - 16;

function textRun(v: unknown): boolean {
  if (!plain(v) || v.type !== 'text' || !keysIn(v, K.text) || !str(v.text, LIMITS.text)) return false;
  if (v.marks !== undefined && !(list(v.marks, 6) && all(v.marks, (m) => MARKS.has(m)))) return false;
  return v.comments === undefined || (list(v.comments, LIMITS.list) && all(v.comments, (c) => typeof c === 'string' && c.length >= 1 && c.length <= 64));
}

function inline(v: unknown, d: number): boolean {
  if (d >= QUICK_DEPTH || !plain(v)) return false;
  switch (v.type) {
    case 'text':
      return textRun(v);
    case 'break':
      return keysIn(v, K.break);
    case 'footnote':
      return keysIn(v, K.footnote) && Array.isArray(v.blocks) && v.blocks.length >= 1 && blockList(v.blocks, d + 1);
    case 'link':
      return keysIn(v, K.link) && str(v.href, 4096) && list(v.children, LIMITS.inlines) && d + 2 < QUICK_DEPTH && all(v.children, textRun);
    default:
      return false;
  }
}

function inlineList(v: unknown, d: number): boolean {
  if (!list(v, LIMITS.inlines) || d >= QUICK_DEPTH) return false;
  for (const x of v) if (!inline(x, d + 1)) return false;
  return true;
}

function blockList(v: unknown, d: number): boolean {
  if (!list(v, LIMITS.blocks) || d >= QUICK_DEPTH) return false;
  for (const x of v) if (!block(x, d + 1)) return false;
  return true;
}

function cell(v: unknown, d: number): boolean {
  if (d >= QUICK_DEPTH || !plain(v) || !keysIn(v, K.cell) || !blockList(v.blocks, d + 1)) return false;
  if (v.colSpan !== undefined && !int(v.colSpan, 1, 100)) return false;
  if (v.rowSpan !== undefined && !int(v.rowSpan, 1, LIMITS.rows)) return false;
  return v.header === undefined || typeof v.header === 'boolean';
}

function block(v: unknown, d: number): boolean {
  if (d >= QUICK_DEPTH || !plain(v)) return false;
  switch (v.type) {
    case 'paragraph':
      return (
        keysIn(v, K.paragraph) &&
        inlineList(v.content, d + 1) &&
        (v.role === undefined || ROLES.has(v.role)) &&
        (v.runIn === undefined || inlineList(v.runIn, d + 1))
      );
    case 'heading':
      return keysIn(v, K.heading) && (v.level === 1 || v.level === 2 || v.level === 3 || v.level === 4) && inlineList(v.content, d + 1);
    case 'list':
      return (
        keysIn(v, K.list) &&
        typeof v.ordered === 'boolean' &&
        (v.style === undefined || LIST_STYLES.has(v.style)) &&
        (v.start === undefined || int(v.start, 0, 100_000)) &&
        list(v.items, LIMITS.rows) &&
        all(v.items, (item) => blockList(item, d + 2))
      );
    case 'quote':
      return keysIn(v, K.quote) && blockList(v.blocks, d + 1);
    case 'table':
      return (
        keysIn(v, K.table) &&
        list(v.rows, LIMITS.rows) &&
        all(v.rows, (row) => list(row, 200) && all(row, (c) => cell(c, d + 3))) &&
        (v.columnWidths === undefined || (list(v.columnWidths, 200) && all(v.columnWidths, (w) => num(w, 0, 1e6))))
      );
    case 'image':
      return (
        keysIn(v, K.image) &&
        (v.src === undefined || str(v.src, LIMITS.image)) &&
        (v.width === undefined || num(v.width, 0, 100_000, true)) &&
        (v.height === undefined || num(v.height, 0, 100_000, true)) &&
        (v.alt === undefined || str(v.alt, LIMITS.field)) &&
        (v.caption === undefined || inlineList(v.caption, d + 1))
      );
    case 'pageBreak':
      return keysIn(v, K.break);
    default:
      return false;
  }
}

/**
 * True only when CaseDocumentSchema accepts `doc` (and tooDeep finds nothing); false means
 * "ask the schema", not "refused". The metadata goes through zod itself: it is a few fields.
 */
export function acceptsCase(doc: unknown): boolean {
  if (!plain(doc) || !keysIn(doc, K.caseDocument) || doc.kind !== 'case') return false;
  if (typeof doc.id !== 'string' || doc.id.length < 1 || doc.id.length > 64) return false;
  if (!blockList(doc.body, 1)) return false;
  return caseMeta(doc.meta);
}

const STATUS_SET: ReadonlySet<unknown> = new Set(STATUSES);
const CASE_META = keys(...Object.keys(caseFields));
const REGION = keys('province', 'city', 'county', 'code');
const EXPLANATION = keys('category', 'score', 'words');
const WORD = keys('word', 'count', 'weight');
const LINK = keys('documentId', 'collectionId', 'title', 'year');
const orNull = (v: unknown, ok: (x: unknown) => boolean): boolean => v === undefined || v === null || ok(v);
const shortText = (v: unknown) => str(v, LIMITS.short);
const titleText = (v: unknown) => str(v, LIMITS.short) && (v as string).trim().length > 0;
const idText = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 64;
const yearNumber = (v: unknown) => int(v, 1949, 2200);
const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** caseFields, field by field (strict objects all the way down, so an accepted meta is a few levels deep). */
function caseMeta(m: unknown): boolean {
  if (!plain(m) || !keysIn(m, CASE_META) || !titleText(m.title)) return false;
  if (!orNull(m.subtitle, shortText) || !orNull(m.heading, shortText) || !orNull(m.unit, shortText) || !orNull(m.award, shortText) || !orNull(m.authors, shortText)) return false;
  if (!orNull(m.region, region)) return false;
  if (!orNull(m.category, (c) => str(c, 64) && (c as string).trim().length > 0)) return false;
  if (m.categoryExplanation !== undefined && !(list(m.categoryExplanation, 50) && all(m.categoryExplanation, explanation))) return false;
  if (!orNull(m.year, yearNumber) || !orNull(m.date, (d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d))) return false;
  if (!orNull(m.sourceFile, (f) => str(f, 1024)) || (m.status !== undefined && !STATUS_SET.has(m.status))) return false;
  if (!orNull(m.pageBudget, (b) => int(b, 1, 99)) || !orNull(m.continuity, (c) => c === 'linked' || c === 'unlinked')) return false;
  return orNull(m.continuesFrom, continuityLink);
}

function region(r: unknown): boolean {
  if (!plain(r) || !keysIn(r, REGION)) return false;
  if (!('province' in r && 'city' in r && 'county' in r)) return false;
  return orNull(r.province, shortText) && orNull(r.city, shortText) && orNull(r.county, shortText) && orNull(r.code, (c) => typeof c === 'string' && /^\d{6}$/.test(c));
}

function explanation(e: unknown): boolean {
  if (!plain(e) || !keysIn(e, EXPLANATION) || !shortText(e.category) || !finite(e.score) || !list(e.words, LIMITS.list)) return false;
  return all(e.words, (w) => plain(w) && keysIn(w, WORD) && shortText(w.word) && finite(w.count) && finite(w.weight));
}

function continuityLink(l: unknown): boolean {
  if (!plain(l) || !keysIn(l, LINK) || !idText(l.documentId) || !titleText(l.title)) return false;
  return 'collectionId' in l && 'year' in l && orNull(l.collectionId, idText) && orNull(l.year, yearNumber);
}

/** Refuses a document the schema refuses, with the schema's message; returns nothing. */
export function assertDocument(doc: HuibianDocument): void {
  if (doc.kind === 'case' && acceptsCase(doc)) return;
  checkDocument(doc);
}
