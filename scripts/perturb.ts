#!/usr/bin/env node
/**
 * The importer's reading under typography the next page will not share. Every tuning .txt is
 * read as copied, then again under one typographic change at a time (script 简↔繁, full/half
 * width, spaces, line ends, blank lines, a PDF's hard wrap, another site's furniture, saved as
 * Word or as GB18030), and each scored field of the second reading is compared with the first
 * through the scorer's own loose comparisons (scripts/score-import.ts) — against the unperturbed
 * reading, never against the expectation: a field that moves shows a rule that reads typography.
 *
 *   node --import tsx scripts/perturb.ts [--docs]     (a table: variant × documents changed, by field)
 *
 * Held-out pages are never read here: only test/fixtures/portal/tuning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Converter } from 'opencc-js';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { importFile } from '../electron/core/import/index.js';
import { stripPinyin } from '../electron/core/import/stages/traditional.js';
import { readText } from '../electron/core/import/readers/text.js';
import type { ImportedFile } from '../electron/core/model/imported.js';
import { bodyLines, expectedPath, listFixtures, loose, looseAward, looseDocNumber, looseSubtitle, sameRegion } from './score-import.js';

/** One tuning text and the parts of its expectation that say what is scored. */
export interface Sample {
  name: string;
  text: string;
  want: {
    kind: string;
    cases?: Array<Record<string, unknown>>;
    notice?: Record<string, unknown>;
    document?: { title?: string | null; date?: string | null };
    captions?: string[];
    dropped_lines_examples?: string[];
  };
}

/** What a variant hands to the importer: a file name and its bytes, and the furniture lines it put in (to be dropped). */
export interface Perturbed {
  name: string;
  bytes: Uint8Array;
  inserted?: string[];
}

export interface Variant {
  name: string;
  /** null when the change does not apply (the text has nothing it would change). */
  make: (sample: Sample, all: Sample[]) => Perturbed | null | Promise<Perturbed | null>;
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A variant that rewrites the text; it does not apply when the text comes out the same. */
function textVariant(name: string, change: (text: string) => string): Variant {
  return {
    name,
    make: (s) => {
      const t = change(s.text);
      return t === s.text ? null : { name: s.name, bytes: enc(t) };
    },
  };
}

const toTraditional = Converter({ from: 'cn', to: 'tw' });
const toSimplified = Converter({ from: 'tw', to: 'cn' });

const HALF_PUNCT: Record<string, string> = { '，': ',', '：': ':', '（': '(', '）': ')', '；': ';' };
const FULL_PUNCT: Record<string, string> = Object.fromEntries(Object.entries(HALF_PUNCT).map(([f, h]) => [h, f]));

/** Chinese punctuation the tuning copies set in ASCII (they were saved through NFKC): in print it fills a full cell. */
const CJK_PUNCT_ASCII = /[,:;!?()]/u;
const wideChar = (c: string | undefined): boolean => c !== undefined && c.charCodeAt(0) >= 0x2e80;
/** Characters a typesetter never sets at the start of a line (禁则): they stay on the line before. */
const NO_LINE_START = /[，。、；：！？）》」』”’,.;:!?)]/u;

/** …nor an opening bracket or quote at the end of one, and a Latin word or a number (pinyin too) is never cut. */
const NO_LINE_END = /[（(《“‘「『【〔]/u;
const LATIN = /[0-9A-Za-z\u00c0-\u024f]/u;

/** A paragraph as a PDF prints it: lines of `width` cells (Han and Chinese punctuation one, other ASCII half), closing punctuation kept on the line it closes. */
export function hardWrap(line: string, width = 38): string[] {
  const chars = [...line];
  const out: string[] = [];
  let cur = '';
  let w = 0;
  chars.forEach((ch, i) => {
    const c = wideChar(ch) || (CJK_PUNCT_ASCII.test(ch) && (wideChar(chars[i - 1]) || wideChar(chars[i + 1]))) ? 1 : 0.5;
    const inWord = LATIN.test(ch) && LATIN.test(chars[i - 1] ?? '');
    if (w + c > width && cur && !NO_LINE_START.test(ch) && !NO_LINE_END.test(chars[i - 1] ?? '') && !inWord) {
      out.push(cur);
      cur = '';
      w = 0;
    }
    cur += ch;
    w += c;
  });
  if (cur) out.push(cur);
  return out;
}

/** The lines as print has them: a mirror's bracketed pinyin (added to web copies, never printed) left out. */
function printed(text: string): string[] {
  return stripPinyin(text.split('\n').filter((l) => l.trim()).map((l) => ({ text: l.trim() }))).lines.map((l) => l.text);
}

/**
 * Furniture lines of another site's page, split by where that page had them: above its title (a
 * nav bar, a breadcrumb) or below it (the last three: tools, a comment box, the footer); none with
 * a date or a 来源, which would be that page's facts, not typography.
 */
function furnitureOf(other: Sample): { top: string[]; bottom: string[] } {
  const lines = other.text.split('\n').map((l) => l.trim());
  const w = other.want;
  const title = [w.document?.title, w.notice?.title as string | undefined, w.cases?.[0]?.title as string | undefined].find((t) => t && lines.includes(t.trim()));
  if (!title) return { top: [], bottom: [] };
  const at = lines.indexOf(title.trim());
  const top: string[] = [];
  const bottom: string[] = [];
  for (const l of w.dropped_lines_examples ?? []) {
    if (l.trim().length < 2 || /[0-9０-９]{4}\s*[-年./／]|来源|作者|记者/u.test(l)) continue;
    const k = lines.indexOf(l.trim());
    if (k >= 0) (k < at ? top : bottom).push(l.trim());
  }
  return { top: top.slice(0, 3), bottom: bottom.slice(-3) };
}
const site = (name: string): string => name.split(/[-.]/u)[0]!;
/** FNV-1a of a name: a fixed draw that does not follow name order. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export const VARIANTS: Variant[] = [
  textVariant('简→繁 (cn→tw)', (t) => toTraditional(t)),
  textVariant('繁→简 (tw→cn)', (t) => toSimplified(t)),
  textVariant('punctuation full→half (，：（）；)', (t) => t.replace(/[，：（）；]/gu, (c) => HALF_PUNCT[c]!)),
  textVariant('punctuation half→full (,:();)', (t) => t.replace(/[,:();]/gu, (c) => FULL_PUNCT[c]!)),
  textVariant('digits full→half (０-９)', (t) => t.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))),
  textVariant('digits half→full (0-9)', (t) => t.replace(/[0-9]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
  textVariant('spaces → ideographic spaces', (t) => t.replace(/ /gu, '\u3000')),
  textVariant('ideographic spaces → spaces', (t) => t.replace(/\u3000/gu, ' ')),
  textVariant('spaces → tabs', (t) => t.replace(/ /gu, '\t')),
  textVariant('spaces → runs of three', (t) => t.replace(/ /gu, '   ')),
  textVariant('CRLF line ends', (t) => t.replace(/\r?\n/gu, '\r\n')),
  textVariant('trailing spaces', (t) => t.replace(/\r?\n/gu, '  \n')),
  textVariant('paragraphs indented 　　', (t) => t.split('\n').map((l) => (l.trim() ? `\u3000\u3000${l.trim()}` : l)).join('\n')),
  textVariant('blank lines removed', (t) => t.split('\n').filter((l) => l.trim()).join('\n')),
  textVariant('blank line after every line', (t) => t.split('\n').filter((l) => l.trim()).join('\n\n')),
  textVariant('PDF copy: every paragraph wrapped at 38', (t) => printed(t).flatMap((l) => hardWrap(l)).join('\n')),
  // As print sets it (首行缩进两字): the first line of each paragraph indented two cells, which a PDF copy keeps as spaces.
  textVariant('PDF copy, paragraphs indented, wrapped at 38', (t) =>
    printed(t).flatMap((l) => hardWrap(`\u3000\u3000${l}`)).join('\n'),
  ),
  {
    // One paragraph copied out of a PDF into an otherwise clean page: the longest one.
    name: 'one paragraph wrapped at 38',
    make: (s) => {
      const lines = s.text.split('\n');
      let at = -1;
      lines.forEach((l, k) => {
        if (l.trim().length > 80 && (at < 0 || l.trim().length > lines[at]!.trim().length)) at = k;
      });
      if (at < 0) return null;
      return { name: s.name, bytes: enc([...lines.slice(0, at), ...hardWrap(printed(lines[at]!)[0]!), ...lines.slice(at + 1)].join('\n')) };
    },
  },
  {
    // Another site's page with furniture above and below its text, drawn by a hash of this page's
    // name (so that no one page's furniture stands for all): up to three of its furniture lines from
    // above its title on top, up to three from below it at the bottom, where that page had them.
    name: 'furniture of another site, top and bottom',
    make: (s, all) => {
      const sources = all.filter((o) => site(o.name) !== site(s.name)).map(furnitureOf).filter((f) => f.top.length > 0 && f.bottom.length > 0);
      if (sources.length === 0) return null;
      const { top, bottom } = sources[fnv(s.name) % sources.length]!;
      return { name: s.name, bytes: enc([...top, s.text.trim(), ...bottom].join('\n')), inserted: [...top, ...bottom] };
    },
  },
  {
    // As scripts/portal-fixture-docx.mjs makes the Word copies: one paragraph per line, the title bold.
    name: 'saved as .docx',
    make: async (s) => {
      const title = (s.want.notice?.title as string | undefined) ?? s.want.document?.title ?? (s.want.cases?.[0]?.title as string | undefined) ?? null;
      const lines = s.text.split(/\r?\n/u).map((l) => l.trim()).filter((l) => l !== '');
      const doc = new Document({
        creator: 'editor',
        sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: title !== null && line === title, font: { eastAsia: '宋体', ascii: 'Times New Roman' } })] })) }],
      });
      return { name: s.name.replace(/\.txt$/u, '.docx'), bytes: new Uint8Array(await Packer.toBuffer(doc)) };
    },
  },
  { name: 'GB18030 bytes', make: (s) => ({ name: s.name, bytes: new Uint8Array(iconv.encode(s.text, 'gb18030')) }) },
  { name: 'UTF-16LE bytes with a BOM', make: (s) => ({ name: s.name, bytes: new Uint8Array(iconv.encode(s.text, 'utf16le', { addBOM: true })) }) },
  {
    // A traditional page as a Taiwan or Hong Kong office saves it: Big5, where every character has a code.
    name: 'Big5 bytes (traditional texts)',
    make: (s) => {
      const bytes = iconv.encode(s.text, 'big5');
      return /[們這個來說對時會過為學國發經與動後點關]/u.test(s.text) && iconv.decode(bytes, 'big5') === s.text ? { name: s.name, bytes: new Uint8Array(bytes) } : null;
    },
  },
];

// ------------------------------------------------------------------ comparing two readings

const region = (r: { province?: string | null; city?: string | null; county?: string | null } | null | undefined) => ({ province: r?.province ?? null, city: r?.city ?? null, county: r?.county ?? null });
const CASE_FIELDS = ['title', 'subtitle', 'unit', 'award', 'region', 'category'] as const;
const NOTICE_FIELDS = ['title', 'organ', 'docNumber', 'addressees', 'issuer', 'date', 'attachments', 'signers', 'region'] as const;

/** Whether a furniture line stayed in the reading (the scorer's test, through loose: spacing and width may differ). */
function kept(file: ImportedFile, line: string): boolean {
  const want = loose(line);
  if (!want) return false;
  const body = new Set([...bodyLines(file)].map(loose));
  return body.has(want) || file.cases.some((c) => loose(c.meta.title) === want) || loose(file.notice?.meta.title) === want;
}

/**
 * The scored fields (those the expectation has) whose reading differs between `a` (as copied) and
 * `b` (perturbed), each compared as the scorer compares a reading with its expectation.
 */
export function changedFields(sample: Sample, a: ImportedFile, b: ImportedFile, inserted: string[] = []): string[] {
  const out = new Set<string>();
  const w = sample.want;
  if (a.kind !== b.kind) out.add('kind');
  if (a.cases.length !== b.cases.length) out.add('case count');
  const wantCases = w.cases ?? [];
  a.cases.forEach((ca, i) => {
    const cb = b.cases[i];
    for (const f of CASE_FIELDS) {
      if (!wantCases.some((c) => c[f] !== undefined)) continue;
      const x = ca.meta;
      const y = cb?.meta;
      const same =
        f === 'title' ? loose(x.title) === loose(y?.title)
        : f === 'subtitle' ? looseSubtitle(x.subtitle) === looseSubtitle(y?.subtitle)
        : f === 'unit' ? loose(x.unit) === loose(y?.unit)
        : f === 'award' ? looseAward(x.award) === looseAward(y?.award)
        : f === 'region' ? !!y && sameRegion(y.region, region(x.region))
        : (x.category ?? '') === (y?.category ?? '');
      if (!same) out.add(f);
    }
  });
  if (w.notice) {
    const x = a.notice?.meta;
    const y = b.notice?.meta;
    if (!!x !== !!y) out.add('notice');
    else if (x && y) {
      for (const f of NOTICE_FIELDS) {
        if (w.notice[f] === undefined) continue;
        const same =
          f === 'docNumber' ? looseDocNumber(x.docNumber) === looseDocNumber(y.docNumber)
          : f === 'date' ? (x.date ?? '') === (y.date ?? '')
          : f === 'attachments' ? JSON.stringify((x.attachmentTitles ?? []).map(loose)) === JSON.stringify((y.attachmentTitles ?? []).map(loose))
          : f === 'signers' ? JSON.stringify((x.signers ?? []).map(loose)) === JSON.stringify((y.signers ?? []).map(loose))
          : f === 'region' ? sameRegion(y.region, region(x.region))
          : loose(x[f] as string | null | undefined) === loose(y[f] as string | null | undefined);
        if (!same) out.add(`notice.${f}`);
      }
    }
  }
  if (w.document?.title && loose(a.info.title) !== loose(b.info.title)) out.add('document.title');
  if (w.document?.date && (a.info.date ?? '') !== (b.info.date ?? '')) out.add('document.date');
  if (w.captions?.length && JSON.stringify(a.captions.map(loose)) !== JSON.stringify(b.captions.map(loose))) out.add('captions');
  if ((w.dropped_lines_examples ?? []).some((l) => kept(a, l) !== kept(b, l))) out.add('furniture dropped');
  if (inserted.some((l) => kept(b, l))) out.add('inserted furniture kept');
  return [...out];
}

// ------------------------------------------------------------------ running

/** Every tuning .txt (the GB18030 copy aside: it is a page's bytes, not its text) with its expectation. */
export function tuningSamples(): Sample[] {
  return listFixtures('tuning')
    .filter((f) => f.endsWith('.txt') && !/gb18030/u.test(f))
    .map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8'), want: JSON.parse(readFileSync(expectedPath(f), 'utf8')) as Sample['want'] }));
}

export interface VariantResult {
  variant: string;
  /** Documents the variant applied to. */
  applied: number;
  /** Document name → the fields that changed. */
  changed: Record<string, string[]>;
}

async function read(name: string, bytes: Uint8Array): Promise<ImportedFile | null> {
  try {
    return await importFile({ name, bytes });
  } catch {
    return null;
  }
}

/** Reads every sample once as copied and once per variant. */
export async function runPerturbations(samples: Sample[] = tuningSamples(), variants: Variant[] = VARIANTS): Promise<VariantResult[]> {
  const results = variants.map((v) => ({ variant: v.name, applied: 0, changed: {} as Record<string, string[]> }));
  for (const s of samples) {
    const base = await read(s.name, enc(s.text));
    if (!base) continue;
    const lines = JSON.stringify(readText(s.name, enc(s.text)).lines);
    for (const [k, v] of variants.entries()) {
      const p = await v.make(s, samples);
      if (!p) continue;
      results[k]!.applied++;
      // The stages see only the reader's lines: where the text reader already gives the same ones
      // (line ends, trailing spaces, blank lines), the reading is the same without importing again.
      if (p.name.endsWith('.txt') && !p.inserted && JSON.stringify(readText(p.name, p.bytes).lines) === lines) continue;
      const got = await read(p.name, p.bytes);
      const fields = got ? changedFields(s, base, got, p.inserted) : ['import failed'];
      if (fields.length) results[k]!.changed[s.name] = fields;
    }
  }
  return results;
}

/** The table: per variant, documents read differently out of those it applied to, and how often each field moved. */
export function formatResults(results: VariantResult[], docs = false): string {
  const out: string[] = [];
  for (const r of results) {
    const n = Object.keys(r.changed).length;
    const byField = new Map<string, number>();
    for (const fs of Object.values(r.changed)) for (const f of fs) byField.set(f, (byField.get(f) ?? 0) + 1);
    const fields = [...byField].sort((a, b) => b[1] - a[1]).map(([f, c]) => `${f} ${c}`).join(', ');
    out.push(`${r.variant.padEnd(44)} ${String(n).padStart(3)}/${String(r.applied).padEnd(3)} ${fields}`);
    if (docs) for (const [d, fs] of Object.entries(r.changed)) out.push(`    ${d}: ${fs.join(', ')}`);
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const docs = process.argv.includes('--docs');
  const only = process.argv.find((a, k) => k > 1 && !a.startsWith('--'));
  const variants = only ? VARIANTS.filter((v) => v.name.includes(only)) : VARIANTS;
  runPerturbations(tuningSamples(), variants).then(
    (r) => process.stdout.write(`${formatResults(r, docs)}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
