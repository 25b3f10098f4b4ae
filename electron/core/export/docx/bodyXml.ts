/**
 * The hot path of a book's document part: body paragraphs written as XML strings in one pass
 * instead of as the `docx` package's component trees. The package builds a dozen objects for
 * every run, walks them into an intermediate object tree and walks that again into text; for a
 * 650-page anthology (≈23,000 runs in 3,700 paragraphs) that was most of the DOCX export's time
 * and garbage.
 *
 * A body paragraph (ctx.paragraph outside notes, headers and table cells) is written here at
 * once: its properties as the package writes them (cached per style and property set), then
 * its pieces. `collect()` puts a stretch of them into one placeholder element, and the package,
 * which still writes the package, the styles, numbering, notes and comments, writes
 * `<hb:body n="…"/>` where they go; writeDocx puts the strings in its place. A paragraph with a
 * piece the package must see (a picture, an external link, a list number) stays the package's
 * own. Section breaks are placeholders too (`<hb:sect n="…"/>`, or a chunk in a written
 * paragraph), filled with the sectPr of sectionXml.ts.
 *
 * The XML is the package's byte for byte: docx-body-xml tests write books both ways
 * (HUIBIAN_DOCX_BODY=package turns this path off) and compare the document parts.
 */
import { BaseXmlComponent, ExternalHyperlink, ImageRun, InternalHyperlink, Paragraph, XmlComponent, type IParagraphOptions, type ParagraphChild } from 'docx';
import { TextDeflater, type Deflated } from './deflated.js';

type Xmlable = Record<string, unknown>;

const ESCAPED: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** What the package escapes (the five entities) or drops (XML 1.0's forbidden control codes). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** Text and attribute values as the package escapes them: the five entities, XML 1.0's forbidden control codes dropped. Text that needs nothing is returned as it is (the same string, not a copy). */
export function escapeXml(value: string): string {
  return UNSAFE.test(value) ? value.replace(UNSAFE_ALL, (c) => ESCAPED[c] ?? '') : value;
}

const valueText = (v: unknown): string => (typeof v === 'string' ? escapeXml(v) : String(v));

/**
 * The package's intermediate form (`{ 'w:b': { _attr: { … } } }`, children in arrays, strings
 * as text) written as the package writes it, including its rules for empty and mixed content.
 */
export function xmlOf(node: Xmlable): string {
  let name: string | undefined;
  for (const key in node) {
    name = key;
    break;
  }
  const values = name === undefined ? undefined : node[name];
  let attrs = '';
  const addAttrs = (a: Record<string, unknown>) => {
    for (const key of Object.keys(a)) attrs += ` ${key}="${valueText(a[key])}"`;
  };
  const content: string[] = [];
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr, _cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (_attr) addAttrs(_attr);
      if (_cdata) content.push(`<![CDATA[${_cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let text = false;
        content.push('');
        for (const v of values as unknown[]) {
          if (typeof v === 'object' && v !== null) {
            if (Object.keys(v)[0] === '_attr') addAttrs((v as { _attr: Record<string, unknown> })._attr);
            else content.push(xmlOf(v as Xmlable));
          } else {
            // The package keeps a string in place of the item before it (its xml library's rule).
            content.pop();
            text = true;
            content.push(v === undefined ? '' : valueText(v));
          }
        }
        if (!text) content.push('');
      }
    }
  } else content.push(values === undefined ? '' : valueText(values));
  const open = name ? `<${name}${attrs}` : attrs;
  if (!content.length) return `${open}/>`;
  return `${open}${name ? '>' : ''}${content.join('')}${name ? `</${name}>` : ''}`;
}

/**
 * A piece that already knows its XML (plainRun's runs), and gives it as chunks: a run gives its
 * look's opening and closing strings, shared by every run of that look, around its text, which
 * is the model's own string where it needs no escaping. A long book's body is then held as
 * references to strings that exist anyway, not as a second copy of its text in markup.
 */
export interface Prewritten {
  writeXml(out: string[]): void;
}

const isPrewritten = (p: object): p is Prewritten => typeof (p as Partial<Prewritten>).writeXml === 'function';

interface Writable {
  writtenAs?: Writable[];
  prepForXml(context: unknown): Xmlable | undefined;
}

/**
 * A paragraph child as XML, or null when only the package may write it: a picture registers its
 * media and an external link its relationship while the package writes the paragraph.
 */
export function pieceXml(piece: object): string | null {
  if (isPrewritten(piece)) {
    const out: string[] = [];
    piece.writeXml(out);
    return out.join('');
  }
  return otherPieceXml(piece);
}

/** Appends a piece's XML chunks to `out`; false (and nothing appended) when only the package may write it. */
function writePiece(piece: object, out: string[]): boolean {
  if (isPrewritten(piece)) {
    piece.writeXml(out);
    return true;
  }
  const xml = otherPieceXml(piece);
  if (xml === null) return false;
  out.push(xml);
  return true;
}

function otherPieceXml(piece: object): string | null {
  if (piece instanceof ImageRun || piece instanceof ExternalHyperlink || !(piece instanceof XmlComponent)) return null;
  try {
    const w = piece as unknown as Writable;
    let out = '';
    for (const part of w.writtenAs ?? [w]) {
      const x = part.prepForXml({ stack: [] });
      if (x !== undefined) out += xmlOf(x);
    }
    return out;
  } catch {
    return null;
  }
}

/** Opening tag and properties of a paragraph with these options, as the package writes them, by options. */
const heads = new Map<string, string>();

function paragraphHead(options: IParagraphOptions, key = JSON.stringify(options)): string {
  let head = heads.get(key);
  if (head === undefined) {
    const xml = xmlOf(new Paragraph(options).prepForXml({ stack: [] } as never) as Xmlable);
    head = xml.endsWith('</w:p>') ? xml.slice(0, -'</w:p>'.length) : '<w:p>';
    heads.set(key, head);
  }
  return head;
}

/**
 * A body paragraph written as XML. Where the package itself writes it (a section's last
 * paragraph, or one that ended up in a place only the package fills) it builds the package's
 * paragraph from the same options, so the XML is the same either way.
 */
export class BodyParagraph extends XmlComponent {
  private own: Paragraph | null = null;

  constructor(
    private readonly head: string,
    /** The pieces' XML, in chunks. */
    private readonly inner: string[],
    private readonly options: IParagraphOptions,
    private readonly children: readonly object[],
  ) {
    super('w:p');
  }

  /** Appends the paragraph's XML chunks to `out`. */
  writeXml(out: string[]): void {
    if (!this.inner.length && this.head === '<w:p>') {
      out.push('<w:p></w:p>');
      return;
    }
    out.push(this.head);
    for (const chunk of this.inner) out.push(chunk);
    out.push('</w:p>');
  }

  /**
   * Appends the XML of this paragraph as the last of a section: its sectPr goes last in its
   * properties, where the package puts it, in the chunk whose index this returns (empty until the
   * store fills it in, once the relationship ids are known).
   */
  writeXmlEndingSection(out: string[]): number {
    const closes = this.head.endsWith('</w:pPr>');
    out.push(closes ? this.head.slice(0, -'</w:pPr>'.length) : `${this.head}<w:pPr>`);
    const at = out.push('') - 1;
    out.push('</w:pPr>');
    for (const chunk of this.inner) out.push(chunk);
    out.push('</w:p>');
    return at;
  }

  /** The package's paragraph of the same options and children. */
  asParagraph(): Paragraph {
    this.own ??= new Paragraph({ ...this.options, children: this.children as ParagraphChild[] });
    return this.own;
  }

  override prepForXml(context: never): Xmlable {
    return this.asParagraph().prepForXml(context) as Xmlable;
  }
}

/** The paragraph as XML when every piece can be written here; null sends it to the package. `key` names the options when they are known to be a style's alone. */
export function bodyParagraph(options: IParagraphOptions, children: readonly object[], key?: string): BodyParagraph | null {
  const inner: string[] = [];
  for (const c of children) if (!writePiece(c, inner)) return null;
  return new BodyParagraph(paragraphHead(options, key), inner, options, children);
}

/**
 * A piece with its XML written already and the package's components it stands for built only
 * if the package itself writes it (in a header, a note or a table cell). The XML is kept as
 * chunks: the look's fixed parts, shared by every piece of that look, around the texts. Joined,
 * a 目录 or index entry's link was a string of its own of some 2.5 KB; a 4,550-case book has
 * three such lists.
 */
class WrittenPiece extends XmlComponent implements Prewritten {
  private built: BaseXmlComponent[] | null = null;

  constructor(
    private readonly chunks: readonly string[],
    private readonly build: () => BaseXmlComponent[],
  ) {
    super('hb:piece');
  }

  writeXml(out: string[]): void {
    for (const c of this.chunks) out.push(c);
  }

  override get writtenAs(): readonly BaseXmlComponent[] {
    this.built ??= this.build();
    return this.built;
  }

  override prepForXml(context: never): Xmlable {
    const parts = this.writtenAs;
    if (parts.length !== 1) throw new Error('a written piece of several parts is written through its parent');
    return parts[0]!.prepForXml(context) as Xmlable;
  }
}

/** Stand for texts while a piece's XML is cut into its fixed parts (private-use characters, written as they are). */
const CUTS = ['\uE000', '\uE001', '\uE002'];
const cuts = new Map<string, string[] | null>();

/**
 * Pieces the package would build for `texts` (no tabs or breaks in them), written from the
 * package's own XML of the same pieces, made once per `key` (the look: faces, marks) with
 * stand-ins for the texts. Falls back to the package's pieces where it writes something else.
 */
export function writtenPieces(key: string, texts: readonly string[], build: (...texts: string[]) => BaseXmlComponent[]): BaseXmlComponent[] {
  let parts = cuts.get(key);
  if (parts === undefined) {
    parts = null;
    const probe = build(...CUTS.slice(0, texts.length));
    let xml: string | null = '';
    for (const c of probe) {
      const x = pieceXml(c);
      if (x === null) {
        xml = null;
        break;
      }
      xml += x;
    }
    if (xml !== null) {
      const split = xml.split(/[\uE000-\uE002]/);
      const order = [...xml.matchAll(/[\uE000-\uE002]/g)].map((m) => CUTS.indexOf(m[0]));
      if (split.length === texts.length + 1 && order.every((o, i) => o === i)) parts = split;
    }
    cuts.set(key, parts);
  }
  if (!parts || texts.some((t) => /[\t\n\r\uE000-\uE002]/.test(t))) return build(...texts);
  const chunks = [parts[0]!];
  for (let i = 0; i < texts.length; i++) chunks.push(escapeXml(texts[i]!), parts[i + 1]!);
  return [new WrittenPiece(chunks, () => build(...texts))];
}

/** An internal hyperlink (to a bookmark) around these pieces, written at once where they all can be. */
export function internalLink(anchor: string, children: BaseXmlComponent[]): XmlComponent {
  const make = () => new InternalHyperlink({ anchor, children: children as ParagraphChild[] });
  const [beforeAnchor, afterAnchor, close] = linkCut();
  const chunks = [beforeAnchor, escapeXml(anchor), afterAnchor];
  for (const c of children) if (!writePiece(c, chunks)) return make();
  chunks.push(close);
  return new WrittenPiece(chunks, () => [make()]);
}

let linkParts: [string, string, string] | null = null;

/** The package's hyperlink XML before and after its anchor, and after its children. */
function linkCut(): [string, string, string] {
  if (!linkParts) {
    const xml = pieceXml(new InternalHyperlink({ anchor: CUTS[0]!, children: [new CutMark() as unknown as ParagraphChild] }))!;
    const [open, close] = xml.split('<hb:cut/>') as [string, string];
    const [beforeAnchor, afterAnchor] = open.split(CUTS[0]!) as [string, string];
    linkParts = [beforeAnchor, afterAnchor, close];
  }
  return linkParts;
}

class CutMark extends XmlComponent {
  constructor() {
    super('hb:cut');
  }

  override prepForXml(): Xmlable {
    return { 'hb:cut': {} };
  }
}

/** Where a run of body paragraphs, a section's break or a streamed stretch of the body goes in the package's document part. */
export const BODY_PLACEHOLDER = /<hb:(body|sect|seg) n="(\d+)"\/>/g;

class SegmentRun extends XmlComponent {
  constructor(private readonly n: number) {
    super('hb:seg');
  }

  override prepForXml(): Xmlable {
    return { 'hb:seg': { _attr: { n: this.n } } };
  }
}

class BodyRun extends XmlComponent {
  // Holds only its number: the strings stay in the store.
  constructor(private readonly n: number) {
    super('hb:body');
  }

  override prepForXml(): Xmlable {
    return { 'hb:body': { _attr: { n: this.n } } };
  }
}

/**
 * The body paragraphs of every section, as lists of XML strings: `runs[n]` stands where the
 * package writes placeholder n.
 */
export class BodyStore {
  readonly runs: string[][] = [];

  /** Section breaks inside written paragraphs: the chunk of a run that gets section `sect`'s sectPr. */
  private readonly breaks: Array<{ run: string[]; at: number; sect: number }> = [];

  /** The section whose sectPr ends the body (the package writes a stand-in there). */
  lastSection: number | null = null;

  /**
   * A long book's body, streamed (startStream): its written paragraphs deflated as each section
   * is added, in document order, its other children (tables, lists, pictures) left to the
   * package between the deflated stretches. Each section's last child waits for the next
   * section, which tells whether it carries a break.
   */
  private stream: {
    deflater: TextDeflater;
    sectPr: (k: number) => string;
    segments: Deflated[];
    /** The package's part of the streamed body: placeholders for the segments, and what only it writes. */
    children: unknown[];
    pending: { n: number; last: unknown } | null;
  } | null = null;

  /** From now on, sections given to `streamSection` go out at once, deflated at zlib's `level`. */
  startStream(level: number, sectPr: (k: number) => string): void {
    this.stream = { deflater: new TextDeflater(level), sectPr, segments: [], children: [], pending: null };
  }

  get streaming(): boolean {
    return this.stream !== null;
  }

  /**
   * A section of the streamed body: the previous one's last child goes out with its break, this
   * one's but its last as they come. The children may be made as they are asked for (an index's
   * thousands of lines): each is then written and dropped before the next one is made.
   */
  streamSection(n: number, children: Iterable<unknown>): void {
    const s = this.stream;
    if (!s) throw new Error('document part: no streamed body');
    if (s.pending) this.streamChildren([s.pending.last], s.pending.n);
    s.pending = null;
    const one: unknown[] = [];
    let last: unknown;
    let any = false;
    for (const c of children) {
      if (any) {
        one[0] = last;
        this.streamChildren(one, null);
      }
      last = c;
      any = true;
    }
    if (!any) throw new Error('document part: a section without children');
    s.pending = { n, last };
  }

  /**
   * The streamed body ends with section `n` (the last one streamed): its last child and `after`
   * (what the book appends after it) written without a break, the section's sectPr ending the
   * body. Returns the package's children of the streamed body.
   */
  endStream<T>(n: number, after: readonly T[]): T[] {
    const s = this.stream;
    if (!s?.pending || s.pending.n !== n) throw new Error('document part: the streamed body must end with its last section');
    const { last } = s.pending;
    s.pending = null;
    this.streamChildren([last, ...after], null);
    this.cutSegment();
    this.lastSection = n;
    const out = s.children as T[];
    s.children = [];
    return out;
  }

  private cutSegment(): void {
    const s = this.stream!;
    if (s.deflater.empty) return;
    s.children.push(new SegmentRun(s.segments.length));
    s.segments.push(s.deflater.cut());
  }

  /** As `collect`, but the written paragraphs go to the deflater and their stretches become segment placeholders. */
  private streamChildren(children: readonly unknown[], sect: number | null): void {
    const s = this.stream!;
    const last = children.length - 1;
    const chunks: string[] = [];
    children.forEach((c, i) => {
      const ends = sect !== null && i === last;
      if (c instanceof BodyParagraph) {
        chunks.length = 0;
        if (ends) chunks[c.writeXmlEndingSection(chunks)] = s.sectPr(sect);
        else c.writeXml(chunks);
        for (const chunk of chunks) s.deflater.write(chunk);
        return;
      }
      this.cutSegment();
      s.children.push(c);
      if (ends) {
        if (c instanceof Paragraph) c.addSectionProperties(new SectionMark(sect) as never);
        else {
          const carrier = new Paragraph({});
          carrier.addSectionProperties(new SectionMark(sect) as never);
          s.children.push(carrier);
        }
      }
    });
  }

  /**
   * A section's children with each stretch of body paragraphs made one placeholder. With `sect`,
   * the last child carries that section's break: a written paragraph gets its placeholder in its
   * properties, the package's paragraph a mark there, and anything else (a table) is followed by
   * an empty paragraph for it, as the package does.
   */
  collect<T>(children: Iterable<T>, sect: number | null = null): T[] {
    const out: T[] = [];
    let run: string[] | null = null;
    for (const [c, isLast] of withLast(children)) {
      const ends = sect !== null && isLast;
      if (c instanceof BodyParagraph) {
        if (!run) {
          run = [];
          out.push(new BodyRun(this.runs.length) as unknown as T);
          this.runs.push(run);
        }
        if (ends) this.breaks.push({ run, at: c.writeXmlEndingSection(run!), sect: sect! });
        else c.writeXml(run!);
        continue;
      }
      run = null;
      out.push(c);
      if (ends) {
        if (c instanceof Paragraph) c.addSectionProperties(new SectionMark(sect!) as never);
        else {
          const carrier = new Paragraph({});
          carrier.addSectionProperties(new SectionMark(sect!) as never);
          out.push(carrier as unknown as T);
        }
      }
    }
    return out;
  }

  /**
   * A section's children as collect writes them, but for the last, which is kept as it is (it may
   * carry the section's break, bookBody); made as they are asked for, each written before the
   * next is made.
   */
  collectButLast<T>(children: Iterable<T>): T[] {
    const out: T[] = [];
    let held: T | undefined;
    let any = false;
    const before = function* (): Generator<T> {
      for (const c of children) {
        if (any) yield held!;
        held = c;
        any = true;
      }
    };
    for (const c of this.collect(before())) out.push(c);
    if (any) out.push(held!);
    return out;
  }

  /**
   * The package's document part with the body paragraphs in their places and every section's
   * sectPr (`sectPr(k)`), the last one in place of the package's own at the body's end, as
   * pieces to write in order, the streamed body's stretches deflated already.
   */
  fill(documentXml: string, sectPr: (k: number) => string): Array<string | Deflated> {
    const out: Array<string | Deflated> = [];
    let end = documentXml.length;
    if (this.lastSection !== null) {
      const at = documentXml.lastIndexOf('<w:sectPr');
      const close = documentXml.indexOf('</w:sectPr></w:body>', at);
      if (at < 0 || close < 0) throw new Error('document part: the body has no closing sectPr');
      end = at;
    }
    for (const b of this.breaks) b.run[b.at] = sectPr(b.sect);
    let at = 0;
    for (const m of documentXml.slice(0, end).matchAll(BODY_PLACEHOLDER)) {
      out.push(documentXml.slice(at, m.index));
      const n = Number(m[2]);
      if (m[1] === 'sect') out.push(sectPr(n));
      else if (m[1] === 'seg') {
        const segment = this.stream?.segments[n];
        if (!segment) throw new Error(`document part: streamed stretch ${n} missing`);
        out.push(segment);
      } else {
        const run = this.runs[n];
        if (!run) throw new Error(`document part: placeholder ${n} has no paragraphs`);
        for (const chunk of run) out.push(chunk);
      }
      at = m.index! + m[0].length;
    }
    out.push(documentXml.slice(at, end));
    if (this.lastSection !== null) {
      out.push(sectPr(this.lastSection));
      out.push(documentXml.slice(documentXml.indexOf('</w:sectPr></w:body>', end) + '</w:sectPr>'.length));
    }
    return out;
  }
}

/** Each item with whether it is the last, one item read ahead (for children made as they are asked for). */
function* withLast<T>(items: Iterable<T>): Generator<[T, boolean]> {
  let held: T | undefined;
  let any = false;
  for (const item of items) {
    if (any) yield [held!, false];
    held = item;
    any = true;
  }
  if (any) yield [held!, true];
}

/** Where a section's break goes in a paragraph the package writes. */
class SectionMark extends XmlComponent {
  constructor(private readonly n: number) {
    super('hb:sect');
  }

  override prepForXml(): Xmlable {
    return { 'hb:sect': { _attr: { n: this.n } } };
  }
}
