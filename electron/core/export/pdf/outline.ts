/**
 * The document outline (bookmarks), written as the book is set. pdfkit's own outline keeps an
 * object per item (its dictionary, reference and children) until the document ends, and links
 * them all up then: some 850 bytes a case held to the end, 4 MB for a 5,000-page book. Here an
 * item's object is written as soon as the next item at its level is added (its Next is known
 * then, and all under it is done), so only the open chain (root, part, case) waits. Items come
 * in reading order, as every composer adds them. The objects say what pdfkit's say: Title,
 * Parent, Dest (the page the item was added on, fitted), Prev, Next, First, Last; no Count,
 * as pdfkit leaves items closed.
 */
import type { OutlineNode } from './anthology.js';

interface PdfKitRef {
  data: Record<string, unknown>;
  end(): void;
}

interface PdfKitDoc {
  ref(data?: Record<string, unknown>): PdfKitRef;
  page: { dictionary: PdfKitRef } | null;
  _root: { data: Record<string, unknown> };
}

class Item implements OutlineNode {
  readonly ref: PdfKitRef;
  private first: PdfKitRef | null = null;
  private last: Item | null = null;

  constructor(
    private readonly doc: PdfKitDoc,
    readonly data: Record<string, unknown>,
  ) {
    // The number is taken now (siblings and children refer to it); the object is written on close.
    this.ref = doc.ref();
  }

  addItem(title: string): OutlineNode {
    const page = this.doc.page;
    if (!page) throw new Error('internal: an outline item before the first page');
    // Title a String object: pdfkit writes it as a PDF text string (a primitive would be a name).
    const child = new Item(this.doc, { Dest: [page.dictionary, 'Fit'], Parent: this.ref, Title: new String(title) });
    const prev = this.last;
    if (prev) {
      child.data.Prev = prev.ref;
      prev.data.Next = child.ref;
      prev.close();
    } else this.first = child.ref;
    this.last = child;
    return child;
  }

  get empty(): boolean {
    return this.first === null;
  }

  /** Writes this item (its last child first): nothing more can come under it. */
  close(): void {
    if (this.last) {
      this.last.close();
      this.data.First = this.first;
      this.data.Last = this.last.ref;
      this.last = null;
    }
    this.ref.data = this.data;
    this.ref.end();
  }
}

/** The outline's root; `end` before the document ends writes what is still open and names it in the catalog. */
export class StreamedOutline implements OutlineNode {
  private root: Item | null = null;

  constructor(private readonly doc: PdfKitDoc) {}

  addItem(title: string): OutlineNode {
    // The root's object only when there is an item: a book without any has no outline.
    this.root ??= new Item(this.doc, {});
    return this.root.addItem(title);
  }

  end(): void {
    const root = this.root;
    if (!root || root.empty) return;
    this.root = null;
    root.close();
    const catalog = this.doc._root.data;
    catalog.Outlines = root.ref;
    catalog.PageMode ??= 'UseOutlines';
  }
}
