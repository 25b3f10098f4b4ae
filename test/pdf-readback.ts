/**
 * Reads a PDF back with poppler (pdftotext -bbox-layout, pdffonts, pdfinfo) so tests
 * assert on what a reader of the file would get, not on the engine's own numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { FontRoleName } from '../electron/core/fonts/roles.js';
import { layoutParagraph } from '../electron/core/layout/paragraph.js';
import { PdfCanvas } from '../electron/core/export/pdf/canvas.js';

export interface ReadLine {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

export interface ReadPage {
  width: number;
  height: number;
  lines: ReadLine[];
}

export function savePdf(bytes: Uint8Array, name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-pdf-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function readPages(file: string): ReadPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const pages: ReadPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const pm of xml.matchAll(pageRe)) {
    const lines: ReadLine[] = [];
    const lineRe = /<line xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/line>/g;
    for (const lm of pm[3]!.matchAll(lineRe)) {
      const words = [...lm[5]!.matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => unescape(w[1]!));
      lines.push({ xMin: +lm[1]!, yMin: +lm[2]!, xMax: +lm[3]!, yMax: +lm[4]!, text: words.join(' ') });
    }
    lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    pages.push({ width: +pm[1]!, height: +pm[2]!, lines });
  }
  return pages;
}

export interface FontRow {
  name: string;
  type: string;
  emb: boolean;
  sub: boolean;
  uni: boolean;
}

export function readFonts(file: string): FontRow[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((row) => {
    const cols = row.trim().split(/\s+/);
    // name type… encoding emb sub uni objID gen
    const n = cols.length;
    return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), emb: cols[n - 5] === 'yes', sub: cols[n - 4] === 'yes', uni: cols[n - 3] === 'yes' };
  });
}

export function readInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-box', file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

/** Plain text of the whole file, as pdftotext reads it (reading order, no layout). */
export function readText(file: string, first?: number, last?: number): string {
  const args = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : []), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
}

export const squash = (s: string): string => s.replace(/\s+/g, '');

/** A one-page PDF of sample lines, each laid out by the engine and drawn by the PDF canvas (font tests). */
export async function samplePdf(lines: Array<{ role: FontRoleName; bold: boolean; text: string }>, opts: { size?: number; top?: number; step?: number } = {}): Promise<Buffer> {
  const { size = 10, top = 60, step = 40 } = opts;
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  const canvas = new PdfCanvas(doc);
  canvas.addPage(595, 842);
  lines.forEach((l, i) => {
    const [line] = layoutParagraph({ runs: [{ text: l.text, style: { role: l.role, size, bold: l.bold } }], measure: 540, align: 'left' });
    canvas.drawLine(line!, 40, top + i * step);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
