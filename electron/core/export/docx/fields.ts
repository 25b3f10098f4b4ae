/**
 * Complex fields (PAGEREF, the TOC) written as Word writes them, begin/instr/separate/result/end runs
 * that each carry the run's faces, with our own cached result. The package's PageReference
 * puts the whole field in one run without run properties and can only show a result its page
 * estimator supplies, and its TableOfContents writes the field's begin and end in paragraphs of
 * their own (two empty lines that push the last entries over a page). Its XmlComponent base is
 * the package's way to add such elements.
 */
import { BuilderElement, NextAttributeComponent, Tab, TextRun, XmlComponent, type IFontAttributesProperties } from 'docx';
import { writtenPieces } from './bodyXml.js';

class InstrText extends XmlComponent {
  constructor(text: string) {
    super('w:instrText');
    this.root.push(new NextAttributeComponent({ space: { key: 'xml:space', value: 'preserve' } }));
    this.root.push(text);
  }
}

const fldChar = (type: 'begin' | 'separate' | 'end', dirty = false) =>
  new BuilderElement<{ type: string; dirty?: boolean }>({
    name: 'w:fldChar',
    attributes: dirty ? { type: { key: 'w:fldCharType', value: type }, dirty: { key: 'w:dirty', value: true } } : { type: { key: 'w:fldCharType', value: type } },
  });

/**
 * A field spanning paragraphs (the TOC, whose result is its entries): `begin` goes before the
 * first entry's runs, `end` after the last's. Dirty, so Word and WPS refresh it on open without
 * the update-fields prompt.
 */
export function fieldStart(instruction: string): TextRun[] {
  // No faces: these runs print nothing.
  return [new TextRun({ children: [fldChar('begin', true)] }), new TextRun({ children: [new InstrText(` ${instruction} `)] }), new TextRun({ children: [fldChar('separate')] })];
}

export const fieldEnd = (): TextRun => new TextRun({ children: [fldChar('end')] });

/** A field with its cached result, every run in the given faces (written at once where it can be: the indexes have hundreds). */
export function fieldRuns(font: IFontAttributesProperties, instruction: string, cached: string): TextRun[] {
  return writtenPieces(`field ${JSON.stringify(font)}`, [` ${instruction} `, cached], (instr, text) => [
    new TextRun({ font, children: [fldChar('begin')] }),
    new TextRun({ font, children: [new InstrText(instr!)] }),
    new TextRun({ font, children: [fldChar('separate')] }),
    new TextRun({ font, text }),
    new TextRun({ font, children: [fldChar('end')] }),
  ]) as TextRun[];
}

/** A run holding a tab in the given faces. */
export function tabRun(font: IFontAttributesProperties): TextRun {
  return writtenPieces(`tab ${JSON.stringify(font)}`, [], () => [new TextRun({ font, children: [new Tab()] })])[0] as TextRun;
}
