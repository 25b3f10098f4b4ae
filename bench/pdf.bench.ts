/**
 * PDF export speed: a ≈500-page anthology (the corpus cases repeated) set by our engine,
 * with pages, seconds, pages/s, file size and peak memory; then, when the DOCX writer
 * exists, LibreOffice converting the same content from DOCX to PDF, and the ratio.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusBundle } from '../test/fixtures/corpus.js';
import { writePdf } from '../electron/core/export/pdf/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { Writer } from '../electron/core/export/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function run(): Promise<void> {
  const copies = Number(process.env.PDF_BENCH_COPIES ?? 18);
  const bundle = await corpusBundle({ copies });
  const cases = Object.keys(bundle.cases).length;
  const template = loadTemplate('anthology');
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-bench-'));

  // Warm-up: font files opened and parsed once per process, as in the app.
  await writePdf({ template, format: 'pdf', bundle: await corpusBundle() });
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const result = await writePdf({ template, format: 'pdf', bundle });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const pdfPath = path.join(dir, 'anthology.pdf');
  writeFileSync(pdfPath, result.bytes);
  const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  const subset = fonts.every((f) => / yes\s+yes\s+yes\s+\d+\s+\d+\s*$/.test(f));
  console.log(`pdf: ${cases} cases → ${result.pages} pages in ${seconds.toFixed(2)} s (${Math.round((result.pages ?? 0) / seconds)} pages/s), ${(result.bytes.byteLength / 1e6).toFixed(2)} MB, ${fonts.length} fonts ${subset ? 'embedded+subset' : 'NOT all subset'}, peak RSS +${Math.round((peak - rssBefore) / 1e6)} MB (target ≤ 3 s)`);

  const docxModule = path.resolve(here, '../electron/core/export/docx/index.ts');
  if (!existsSync(docxModule)) {
    console.log('pdf: LibreOffice comparison skipped: the DOCX writer (electron/core/export/docx/index.ts) does not exist yet');
    return;
  }
  try {
    const { writeDocx } = (await import(docxModule)) as { writeDocx: Writer };
    const docx = await writeDocx({ template, format: 'docx', bundle });
    const docxPath = path.join(dir, 'anthology.docx');
    writeFileSync(docxPath, docx.bytes);
    const t1 = performance.now();
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), docxPath], { stdio: 'ignore', timeout: 300_000 });
    const lo = (performance.now() - t1) / 1000;
    const loPdf = path.join(dir, 'lo', 'anthology.pdf');
    const loPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [loPdf], { encoding: 'utf8' }))?.[1]);
    console.log(`pdf: LibreOffice docx → pdf of the same content: ${loPages} pages in ${lo.toFixed(2)} s, ${(statSync(loPdf).size / 1e6).toFixed(2)} MB; Huibian is ${(lo / seconds).toFixed(1)}× faster`);
  } catch (error) {
    console.log(`pdf: LibreOffice comparison failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
