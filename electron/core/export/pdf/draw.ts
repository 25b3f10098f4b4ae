/** Draws a filled frame: each placed line at its baseline, each box by its own painter. */
import { baselineIn, type FilledFrame } from '../../layout/flow.js';
import type { PdfCanvas } from './canvas.js';

export function drawPlaced(canvas: PdfCanvas, filled: FilledFrame): void {
  for (const p of filled.items) {
    const item = p.item;
    if (item.kind === 'line') {
      canvas.drawLine(item.line, p.x + item.x, baselineIn(p.y, item.pitch, item.line.size));
    } else if (item.kind === 'box') item.draw(canvas, p.x, p.y, filled.frame.width);
  }
}
