/**
 * Section breaks and running heads written by this writer, not by the `docx` package's sections.
 * The package makes a header or footer part for every reference: a 25-draft anthology of 365
 * sections got 90 parts (and 90 relationship parts) of which 14 differ, each written and zipped on
 * its own. Here a header or footer is one part per distinct XML, every section that prints it
 * refers to that part (Word and LibreOffice take several sectPr referring to one part), and each
 * sectPr's properties are written once per distinct set. Both are the package's own XML: the
 * part's root and paragraphs and the sectPr's properties come from its classes (HeaderWrapper,
 * FooterWrapper, SectionProperties), the references before them as it writes them, so only the
 * numbering of the parts and ids changes.
 *
 * The package sees one section, the whole body; the section breaks are written by the body
 * (bodyXml.ts), a long book's as it is built. The parts' relationship ids are this writer's own
 * (rIdHb1, rIdHb2 …, none of the package's numbered ids), so a sectPr can be written before the
 * package has numbered its relationships.
 */
import { FooterWrapper, HeaderWrapper, Media, SectionProperties, type Footer, type Header, type ISectionPropertiesOptions } from 'docx';
import { xmlOf } from './bodyXml.js';

type Kind = 'header' | 'footer';
type Slot = 'default' | 'first' | 'even';
const SLOTS: readonly Slot[] = ['default', 'first', 'even'];

export interface SectionRefs {
  headers?: Partial<Record<Slot, Header>>;
  footers?: Partial<Record<Slot, Footer>>;
}

interface Registered {
  properties: ISectionPropertiesOptions;
  /** Part numbers (into `parts`) by slot. */
  headers: Partial<Record<Slot, number>>;
  footers: Partial<Record<Slot, number>>;
  key: string;
}

export interface HeaderPart {
  kind: Kind;
  /** Part name under word/, e.g. header2.xml. */
  name: string;
  xml: string;
  /** Its relationship id in the document part. */
  rid: string;
}

const OPEN = '<w:sectPr>';

/** The references of a section that names no running heads (it inherits the previous section's). */
const NONE: Readonly<Partial<Record<Slot, number>>> = Object.freeze({});

/** The package's header/footer part declaration (it writes none with standalone). */
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';

export class SectionParts {
  private readonly sections: Registered[] = [];
  readonly parts: HeaderPart[] = [];
  private readonly byXml = new Map<string, number>();
  private readonly byObject = new WeakMap<Header | Footer, number>();
  private readonly counts: Record<Kind, number> = { header: 0, footer: 0 };
  private readonly written = new Map<string, string>();
  private readonly bySet = new Map<string, { properties: ISectionPropertiesOptions; key: string }>();
  private readonly media = new Media();

  /** A section's properties and running heads; its number is what the body's placeholder carries. */
  add(properties: ISectionPropertiesOptions, refs: SectionRefs): number {
    const headers: Registered['headers'] = {};
    const footers: Registered['footers'] = {};
    for (const slot of SLOTS) {
      const h = refs.headers?.[slot];
      if (h) headers[slot] = this.part('header', h);
      const f = refs.footers?.[slot];
      if (f) footers[slot] = this.part('footer', f);
    }
    // Sections of one set of properties share the first one's object and key (a 4,500-section
    // book has a few sets): a key string per section was a copy of its properties held to the end.
    const key = JSON.stringify(properties);
    let known = this.bySet.get(key);
    if (!known) this.bySet.set(key, (known = { properties, key }));
    this.sections.push({ properties: known.properties, headers: refs.headers || refs.footers ? headers : NONE, footers: refs.headers || refs.footers ? footers : NONE, key: known.key });
    return this.sections.length - 1;
  }

  propertiesOf(k: number): ISectionPropertiesOptions {
    return this.sections[k]!.properties;
  }

  private part(kind: Kind, content: Header | Footer): number {
    const known = this.byObject.get(content);
    if (known !== undefined) return known;
    const wrapper = kind === 'header' ? new HeaderWrapper(this.media, 0) : new FooterWrapper(this.media, 0);
    for (const child of content.options.children) wrapper.add(child as never);
    const xml = DECL + xmlOf(wrapper.View.prepForXml({ stack: [], viewWrapper: wrapper } as never) as Record<string, unknown>);
    let n = this.byXml.get(xml);
    if (n === undefined) {
      n = this.parts.length;
      this.parts.push({ kind, name: `${kind}${++this.counts[kind]}.xml`, xml, rid: `rIdHb${n + 1}` });
      this.byXml.set(xml, n);
    }
    this.byObject.set(content, n);
    return n;
  }

  /**
   * Section k's sectPr, as the package writes it: its references first (headers, then footers,
   * each default, first, even), then the properties, written by the package once per distinct set.
   */
  sectPr(k: number): string {
    const s = this.sections[k];
    if (!s) throw new Error(`document part: section ${k} missing`);
    let props = this.written.get(s.key);
    if (props === undefined) {
      const xml = xmlOf(new SectionProperties(s.properties).prepForXml({ stack: [] } as never) as Record<string, unknown>);
      if (!xml.startsWith(OPEN)) throw new Error('document part: unexpected sectPr from the docx package');
      props = xml.slice(OPEN.length);
      this.written.set(s.key, props);
    }
    let refs = '';
    for (const slot of SLOTS) if (s.headers[slot] !== undefined) refs += `<w:headerReference w:type="${slot}" r:id="${this.parts[s.headers[slot]!]!.rid}"/>`;
    for (const slot of SLOTS) if (s.footers[slot] !== undefined) refs += `<w:footerReference w:type="${slot}" r:id="${this.parts[s.footers[slot]!]!.rid}"/>`;
    return OPEN + refs + props;
  }
}
