/**
 * Complex fields (PAGEREF) written as Word writes them, begin/instr/separate/result/end runs
 * that each carry the run's faces, with our own cached result. The package's PageReference
 * puts the whole field in one run without run properties and can only show a result its page
 * estimator supplies; its XmlComponent base is the package's way to add such elements.
 */
import { BuilderElement, NextAttributeComponent, TextRun, XmlComponent, type IFontAttributesProperties } from 'docx';

class InstrText extends XmlComponent {
  constructor(text: string) {
    super('w:instrText');
    this.root.push(new NextAttributeComponent({ space: { key: 'xml:space', value: 'preserve' } }));
    this.root.push(text);
  }
}

const fldChar = (type: 'begin' | 'separate' | 'end') => new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

/** A field with its cached result, every run in the given faces. */
export function fieldRuns(font: IFontAttributesProperties, instruction: string, cached: string): TextRun[] {
  return [
    new TextRun({ font, children: [fldChar('begin')] }),
    new TextRun({ font, children: [new InstrText(` ${instruction} `)] }),
    new TextRun({ font, children: [fldChar('separate')] }),
    new TextRun({ font, text: cached }),
    new TextRun({ font, children: [fldChar('end')] }),
  ];
}
