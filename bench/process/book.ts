/**
 * The inputs of the process benchmarks, built from the real corpus: N copies of the magazine
 * feature as draft files (what a user imports, each copy marked so it is a case of its own), and the same text as the reference tools take
 * it — Markdown for pandoc, a Typst book for Typst. The reference text is our importer's reading
 * of the draft (cases, headings, paragraphs), so every tool sets the same characters.
 */
import { mkdirSync, readFileSync, writeFileSync, symlinkSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { importFile } from '../../electron/core/import/index.js';
import type { Block, Inline } from '../../electron/core/model/types.js';
import { corpusPath } from '../../test/fixtures/corpus.js';

export const FEATURE = 'zhongguominzheng-2022-02-feature.txt';
export const SINGLE_CASE = 'jinshi-2018-article.txt';

/**
 * Copy `n` of a draft: every body paragraph (a line of 60+ characters) ends in a copy mark, so
 * each copy is a different case to the importer's duplicate check (a fingerprint of title and
 * text) while setting the same amount of text. Copy 1 is the draft as it is.
 */
export function variant(text: string, n: number): string {
  if (n === 1) return text;
  return text.replace(/^(.{60,}?)(\r?)$/gmu, `$1（第${n}辑）$2`);
}

/** Writes `copies` numbered variants of a corpus draft into dir; returns their paths. */
export function draftCopies(dir: string, name: string, copies: number): string[] {
  mkdirSync(dir, { recursive: true });
  const text = readFileSync(corpusPath(name), 'utf8');
  const out: string[] = [];
  for (let i = 1; i <= copies; i++) {
    const p = path.join(dir, `${String(i).padStart(4, '0')}-${name}`);
    if (!existsSync(p)) writeFileSync(p, variant(text, i));
    out.push(p);
  }
  return out;
}

function inlineText(inlines: Inline[]): string {
  let s = '';
  for (const i of inlines) {
    if (i.type === 'text') s += i.text;
    else if (i.type === 'link') s += i.children.map((c) => c.text).join('');
    else if (i.type === 'break') s += ' ';
  }
  return s;
}

interface Para {
  heading: number;
  text: string;
}

function paragraphs(blocks: Block[], out: Para[] = []): Para[] {
  for (const b of blocks) {
    if (b.type === 'heading') out.push({ heading: b.level, text: inlineText(b.content) });
    else if (b.type === 'paragraph') out.push({ heading: 0, text: (b.runIn ? inlineText(b.runIn) : '') + inlineText(b.content) });
    else if (b.type === 'list') for (const item of b.items) paragraphs(item, out);
    else if (b.type === 'quote') paragraphs(b.blocks, out);
    else if (b.type === 'table') for (const row of b.rows) for (const cell of row) paragraphs(cell.blocks, out);
  }
  return out.filter((p) => p.text.trim());
}

export interface BookText {
  cases: Array<{ title: string; unit: string | null; paras: Para[] }>;
}

/** The text of the given draft files as our importer reads it, case by case. */
export async function bookOf(files: string[]): Promise<BookText> {
  const cases: BookText['cases'] = [];
  for (const f of files) {
    const file = await importFile({ name: path.basename(f), path: f });
    for (const c of file.cases) cases.push({ title: c.meta.title, unit: c.meta.unit ?? null, paras: paragraphs(c.body) });
  }
  return { cases };
}

const clean = (s: string): string => s.replace(/\p{Cc}/gu, ' ');

/** Pandoc Markdown: a case per level-1 heading; every line a paragraph, escaped as text. */
export function markdown(book: BookText, title: string): string {
  const esc = (s: string) => clean(s).replace(/([\\`*_{}[\]()#+\-.!|<>~^$@])/gu, '\\$1');
  const out = [`---\ntitle: "${title}"\nlang: zh-CN\n---\n`];
  for (const c of book.cases) {
    out.push(`# ${esc(c.title)}\n`);
    if (c.unit) out.push(`${esc(c.unit)}\n`);
    for (const p of c.paras) out.push(p.heading ? `${'#'.repeat(Math.min(6, p.heading + 1))} ${esc(p.text)}\n` : `${esc(p.text)}\n`);
  }
  return out.join('\n');
}

/**
 * A Typst book of the same text on our anthology's page (185 × 260 mm, 五号 10.5 pt body with a
 * 2-character indent, justified, Chinese line-breaking rules), each case from a new page under a
 * bold sans heading, an outline (目录) with page numbers, folios: Typst's own idea of that book.
 */
export function typst(book: BookText, title: string): string {
  const str = (s: string) => JSON.stringify(clean(s));
  const out = [
    '#set document(title: ' + str(title) + ')',
    '#set page(width: 185mm, height: 260mm, margin: (top: 23.5mm, bottom: 16.7mm, inside: 24mm, outside: 20.2mm), numbering: "1", number-align: center)',
    '#set text(font: ("Noto Serif SC",), size: 10.5pt, lang: "zh", region: "cn")',
    '#set par(justify: true, leading: 7pt, spacing: 7pt, first-line-indent: (amount: 2em, all: true))',
    '#show heading: set text(font: ("Noto Sans SC",), weight: "bold")',
    '#show heading.where(level: 1): it => { pagebreak(weak: true); align(center, text(size: 18pt, it)); v(1em) }',
    '#align(center, text(size: 26pt, font: ("Noto Sans SC",), weight: "bold", ' + str(title) + '))',
    '#pagebreak()',
    '#outline(title: "目录", depth: 1)',
    '',
  ];
  for (const c of book.cases) {
    out.push(`= #${str(c.title)}`, '');
    if (c.unit) out.push(`#align(center, ${str(c.unit)})`, '');
    for (const p of c.paras) out.push(p.heading ? `${'='.repeat(Math.min(6, p.heading + 1))} #${str(p.text)}` : `#${str(p.text)}`, '');
  }
  return out.join('\n');
}

/** A folder with just the faces the Typst book names (the bundled Noto files our PDF falls back to). */
export function typstFontDir(dir: string): string {
  const resolve = createRequire(import.meta.url).resolve;
  mkdirSync(dir, { recursive: true });
  const files = [
    path.join(path.dirname(resolve('@expo-google-fonts/noto-serif-sc/package.json')), '400Regular', 'NotoSerifSC_400Regular.ttf'),
    path.join(path.dirname(resolve('@expo-google-fonts/noto-serif-sc/package.json')), '700Bold', 'NotoSerifSC_700Bold.ttf'),
    path.join(path.dirname(resolve('@expo-google-fonts/noto-sans-sc/package.json')), '700Bold', 'NotoSansSC_700Bold.ttf'),
  ];
  for (const f of files) {
    const link = path.join(dir, path.basename(f));
    if (!existsSync(link)) symlinkSync(f, link);
  }
  return dir;
}

export function writeText(file: string, text: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}
