/**
 * Shared by the docx-* tests: unzip a DOCX, convert it with LibreOffice under the private
 * fontconfig (each run with its own profile so parallel runs don't collide), read PDFs back.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
export const FONTCONFIG = path.join(here, 'fixtures/fontconfig/fonts.conf');

/**
 * Attribute order carries no meaning in XML, and writers differ in it: tags are read back with
 * their attributes in one fixed order, so the tests' patterns assert values, not a writer's habits.
 */
const ATTRIBUTE_ORDER: Record<string, string[]> = {
  'w:pgMar': ['w:top', 'w:right', 'w:bottom', 'w:left', 'w:header', 'w:footer', 'w:gutter'],
  'w:ind': ['w:left', 'w:right', 'w:firstLineChars', 'w:firstLine', 'w:hanging'],
  'w:cols': ['w:num', 'w:space'],
  'w:tcW': ['w:w', 'w:type'],
  'w:tblW': ['w:w', 'w:type'],
};
const COMMON_ORDER = [
  'w:id', 'w:name', 'w:type', 'r:id', 'w:val', 'w:sz', 'w:space', 'w:color', 'w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs', 'w:hint',
  'w:w', 'w:h', 'w:fmt', 'w:start', 'w:before', 'w:after', 'w:line', 'w:lineRule', 'w:leader', 'w:pos', 'w:author', 'w:date', 'w:initials',
  'w15:paraId', 'w15:paraIdParent', 'w15:done', 'w:linePitch', 'w:charSpace', 'Id', 'Type', 'Target', 'PartName', 'Extension', 'ContentType',
];

export function canonicalAttributes(xml: string): string {
  return xml.replace(/<([\w:]+)((?:\s+[\w:.-]+="[^"]*")+)\s*(\/?)>/g, (_m, tag: string, attrs: string, close: string) => {
    const list = [...attrs.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!] as const);
    const order = ATTRIBUTE_ORDER[tag] ?? COMMON_ORDER;
    const rank = (name: string) => {
      const i = order.indexOf(name);
      return i < 0 ? order.length : i;
    };
    const sorted = list.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a[0]) - rank(y.a[0]) || x.i - y.i);
    return `<${tag}${sorted.map(({ a }) => ` ${a[0]}="${a[1]}"`).join('')}${close}>`;
  });
}

export async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir && /\.(xml|rels)$/.test(name)) out.set(name, canonicalAttributes(await file.async('string')));
  return out;
}

export function part(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`${name} missing from the DOCX (has ${[...parts.keys()].join(', ')})`);
  return xml;
}

/** The w:style element with this id. */
export function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(styles);
  if (!m) throw new Error(`style ${id} missing`);
  return m[0];
}

export function workDir(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `huibian-${name}-`));
}

/** DOCX → PDF with LibreOffice headless; returns the PDF path. One retry: a cold first start sometimes exits without output. */
export async function sofficeToPdf(bytes: Uint8Array, name: string, filter = 'pdf'): Promise<string> {
  const dir = workDir(`soffice-${name}`);
  const docx = path.join(dir, `${name}.docx`);
  writeFileSync(docx, bytes);
  const pdf = path.join(dir, `${name}.pdf`);
  for (let attempt = 0; attempt < 2 && !existsSync(pdf); attempt++) {
    await run(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile${attempt}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', dir, docx],
      { env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG }, timeout: 180_000 },
    ).catch(() => undefined);
  }
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${docx}`);
  return pdf;
}

export async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const m = /Pages:\s+(\d+)/.exec(stdout);
  if (!m) throw new Error(`pdfinfo could not read ${pdf}`);
  return Number(m[1]);
}

/** Text of each page (pdftotext -layout), in order. */
export async function pdfPageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages.length && pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

/** Top and left of every text line on a page (pdftotext -bbox-layout), in points from the page's top-left. */
export async function pdfLineBoxes(pdf: string, page: number): Promise<Array<{ x: number; y: number }>> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return [...stdout.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

export function nonEmptyLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** Characters without any whitespace (pdftotext spreads justified CJK lines with spaces). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

export { readFileSync };

/**
 * The anthology template without its back matter (indexes, tables): for the tests of the body,
 * the 目录 and the sections, whose counts the back matter would only pad; pdf-indexes tests it.
 */
export async function bookTemplate() {
  const { loadTemplate } = await import('../electron/core/templates/load.js');
  const t = loadTemplate('anthology');
  return { ...t, options: { ...t.options, backMatter: [] } };
}
