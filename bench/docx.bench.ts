/**
 * DOCX export of the ≈500-page anthology (the corpus × 16 = 304 cases; target ≤ 1 s), and the
 * same content through pandoc (Markdown → DOCX) as the reference, with the ratio.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeDocx } from '../electron/core/export/docx/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { Block, CaseDocument, CollectionBundle } from '../electron/core/model/types.js';
import { inlineText } from '../electron/core/model/text.js';
import { corpusBundle } from '../test/fixtures/corpus.js';

/** 16 copies: 304 cases, ≈450 pages by our estimate (the ≈500-page, ≈300-case book); 24 copies: 456 cases, ≈670 pages. */
const COPIES = [16, 24];

function markdown(bundle: CollectionBundle): string {
  const cases = bundle.cases instanceof Map ? bundle.cases : new Map(Object.entries(bundle.cases));
  const out: string[] = [`% ${bundle.collection.title}`, ''];
  const blocks = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.type === 'heading') out.push(`${'#'.repeat(b.level + 2)} ${inlineText(b.content)}`, '');
      else if (b.type === 'paragraph') out.push((b.runIn ? `**${inlineText(b.runIn)}**` : '') + inlineText(b.content), '');
      else if (b.type === 'image' && b.caption) out.push(`*${inlineText(b.caption)}*`, '');
      else if (b.type === 'list') b.items.forEach((item, i) => out.push(`${i + 1}. ${item.map((x) => (x.type === 'paragraph' ? inlineText(x.content) : '')).join(' ')}`));
      else if (b.type === 'quote') blocks(b.blocks);
    }
  };
  for (const section of bundle.collection.sections) {
    out.push(`# ${section.title}篇`, '');
    for (const id of section.caseIds) {
      const doc = cases.get(id) as CaseDocument;
      out.push(`## ${doc.meta.title}`, '');
      if (doc.meta.subtitle) out.push(doc.meta.subtitle, '');
      if (doc.meta.unit) out.push(doc.meta.unit, '');
      blocks(doc.body);
    }
  }
  return out.join('\n');
}

export async function run(): Promise<void> {
  for (const copies of COPIES) await measure(copies);
}

async function measure(copies: number): Promise<void> {
  const bundle = await corpusBundle({ copies });
  const template = loadTemplate('anthology');
  const caseCount = bundle.collection.sections.reduce((n, s) => n + s.caseIds.length, 0);
  await writeDocx({ format: 'docx', template, bundle }); // warm-up (JIT, template cache)
  const times: number[] = [];
  let bytes = 0;
  let pages = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const out = await writeDocx({ format: 'docx', template, bundle });
    times.push(performance.now() - t0);
    bytes = out.bytes.byteLength;
    pages = out.pages ?? 0;
  }
  times.sort((a, b) => a - b);
  const ours = times[1]!;
  console.log(`docx: anthology of ${caseCount} cases, ${pages} pages (our estimate, physical), ${(bytes / 1e6).toFixed(1)} MB: median ${ours.toFixed(0)} ms of 3 (min ${times[0]!.toFixed(0)}, max ${times[2]!.toFixed(0)}); target ≤ 1000 ms`);

  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-bench-docx-'));
  const md = path.join(dir, 'book.md');
  writeFileSync(md, markdown(bundle));
  try {
    const t0 = performance.now();
    execFileSync('pandoc', ['-f', 'markdown', '-o', path.join(dir, 'book.docx'), md]);
    const pandoc = performance.now() - t0;
    console.log(`docx: pandoc (reference), same content as Markdown → DOCX: ${pandoc.toFixed(0)} ms, ${(statSync(path.join(dir, 'book.docx')).size / 1e6).toFixed(1)} MB; ratio ours/pandoc ${(ours / pandoc).toFixed(2)}`);
  } catch (error) {
    console.log(`docx: pandoc reference not run (${(error as Error).message.split('\n')[0]})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
