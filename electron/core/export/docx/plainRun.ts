/**
 * The hot path of a book's body: a run of plain text (its two faces, marks, an optional
 * character style; no tab, field or break) written without building docx's run objects per
 * run. docx builds a tree of a dozen components for every run and walks it again to serialise
 * it; a 400-page anthology has ≈100,000 runs, and that tree was most of the DOCX export's time
 * and garbage. Here docx serialises one run per distinct look once, and every other run with
 * that look reuses its properties and differs only in its text, so the XML is docx's own, byte
 * for byte (docx-writer tests read the parts back).
 */
import { TextRun, XmlComponent, type IRunOptions } from 'docx';

type Xmlable = Record<string, unknown>;

/** A run whose serialised form is already known. */
class PreparedRun extends XmlComponent {
  constructor(private readonly xml: Xmlable) {
    super('w:r');
  }

  override prepForXml(): Xmlable {
    return this.xml;
  }
}

interface Template {
  props: unknown;
  space: unknown;
}

const templates = new Map<string, Template | null>();
const PROBE = '\u0001';

/** docx's own serialisation of a run with these options, split into properties and the text's attributes. */
function template(options: IRunOptions): Template | null {
  const key = JSON.stringify(options);
  let t = templates.get(key);
  if (t === undefined) {
    t = null;
    try {
      const xml = new TextRun({ ...options, children: [PROBE] }).prepForXml({ stack: [] } as never) as Xmlable | undefined;
      const parts = xml?.['w:r'];
      // Expected shape: [{ 'w:rPr': … }, { 'w:t': [{ _attr }, PROBE] }]; anything else keeps docx's path.
      if (Array.isArray(parts) && parts.length === 2 && 'w:rPr' in parts[0]) {
        const text = (parts[1] as Xmlable)['w:t'];
        if (Array.isArray(text) && text.length === 2 && text[1] === PROBE) t = { props: parts[0], space: text[0] };
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
  const t = text && !text.includes('\t') ? template(options) : null;
  if (!t) return new TextRun({ ...options, children: text ? [text] : [] });
  // Typed as TextRun for docx's child unions: docx only ever asks a child for its XML.
  return new PreparedRun({ 'w:r': [t.props, { 'w:t': [t.space, text] }] }) as unknown as TextRun;
}
