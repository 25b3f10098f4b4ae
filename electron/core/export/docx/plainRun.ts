/**
 * The hot path of a book's body: a run of plain text (its two faces, marks, an optional
 * character style; no tab, field or break) written without building docx's run objects per
 * run. docx builds a tree of a dozen components for every run and walks it again to serialise
 * it; a 400-page anthology has ≈100,000 runs, and that tree was most of the DOCX export's time
 * and garbage. Here docx serialises one run per distinct look once, and every other run with
 * that look reuses its properties and differs only in its text, so the XML is docx's own, byte
 * for byte (docx-writer tests read the parts back).
 */
import { TextRun, type IRunOptions } from 'docx';
import { escapeXml, xmlOf, type Prewritten } from './bodyXml.js';

type Xmlable = Record<string, unknown>;

/**
 * A run whose serialised form is already known, as the package's object and as XML (bodyXml.ts).
 * No XmlComponent (whose every instance carries a child array): the package takes any object
 * with prepForXml for a component.
 */
class PreparedRun implements Prewritten {
  readonly writtenAs = undefined;

  constructor(
    private readonly t: Template,
    private readonly text: string,
  ) {}

  writeXml(out: string[]): void {
    out.push(this.t.head, escapeXml(this.text), this.t.tail);
  }

  prepForXml(): Xmlable {
    return { 'w:r': [this.t.props, { 'w:t': [this.t.space, this.text] }] };
  }
}

interface Template {
  props: unknown;
  space: unknown;
  /** The run's XML before and after its text. */
  head: string;
  tail: string;
}

/** Stands for the text while the run's XML is cut in two (a private-use character, written as it is). */
const CUT = '\uE000';

const templates = new Map<string, Template | null>();
const PROBE = '\u0001';

/** docx's own serialisation of a run with these options, split into properties and the text's attributes. */
function template(key: string, makeOptions: () => IRunOptions): Template | null {
  let t = templates.get(key);
  if (t === undefined) {
    const options = makeOptions();
    t = null;
    try {
      const xml = new TextRun({ ...options, children: [PROBE] }).prepForXml({ stack: [] } as never) as Xmlable | undefined;
      const parts = xml?.['w:r'];
      // Expected shape: [{ 'w:rPr': … }, { 'w:t': [{ _attr }, PROBE] }]; anything else keeps docx's path.
      if (Array.isArray(parts) && parts.length === 2 && 'w:rPr' in parts[0]) {
        const text = (parts[1] as Xmlable)['w:t'];
        if (Array.isArray(text) && text.length === 2 && text[1] === PROBE) {
          const [head, tail] = xmlOf({ 'w:r': [parts[0], { 'w:t': [text[0], CUT] }] }).split(CUT) as [string, string];
          t = { props: parts[0], space: text[0], head, tail };
        }
      }
    } catch {
      t = null;
    }
    templates.set(key, t);
  }
  return t;
}

/**
 * The run for `text` with `options` (no children of its own): prepared from docx's template
 * where the text is plain, docx's TextRun otherwise.
 */
export function plainRun(options: IRunOptions, text: string): TextRun {
  return keyedRun(JSON.stringify(options), () => options, text);
}

/**
 * The same, the options made only when the look (`key`, which must tell every set of options
 * apart) is new or the text is not plain: a book has few looks and a hundred thousand runs.
 */
export function keyedRun(key: string, makeOptions: () => IRunOptions, text: string): TextRun {
  const t = text && !text.includes('\t') ? template(key, makeOptions) : null;
  if (!t) return new TextRun({ ...makeOptions(), children: text ? [text] : [] });
  // Typed as TextRun for docx's child unions: docx only ever asks a child for its XML.
  return new PreparedRun(t, text) as unknown as TextRun;
}
