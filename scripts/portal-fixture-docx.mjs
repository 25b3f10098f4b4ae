#!/usr/bin/env node
/**
 * Word copies of portal fixtures, as an editor makes them: the page text pasted into a new
 * document, one paragraph per line, blank lines dropped, the title line bold (Word keeps the
 * page's bold headline on paste). Writes <name>.docx next to <name>.txt and copies the
 * expected extraction to <name>.docx.expected.json with a note.
 *
 *   node scripts/portal-fixture-docx.mjs test/fixtures/portal/tuning/hunan-2021-jiceng-anli-mingdan.txt …
 */
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { Document, Packer, Paragraph, TextRun } from 'docx';

for (const txt of process.argv.slice(2)) {
  const lines = readFileSync(txt, 'utf8').split(/\r?\n/u).map((l) => l.trim()).filter((l) => l !== '');
  const expected = JSON.parse(readFileSync(txt.replace(/\.txt$/u, '.expected.json'), 'utf8'));
  const title = expected.notice?.title ?? expected.document?.title ?? expected.cases?.[0]?.title ?? null;
  const paragraphs = lines.map(
    (line) =>
      new Paragraph({
        children: [new TextRun({ text: line, bold: title !== null && line === title, font: { eastAsia: '宋体', ascii: 'Times New Roman' } })],
      }),
  );
  const doc = new Document({ creator: 'editor', sections: [{ children: paragraphs }] });
  const out = txt.replace(/\.txt$/u, '.docx');
  writeFileSync(out, await Packer.toBuffer(doc));
  writeFileSync(
    out.replace(/\.docx$/u, '.docx.expected.json'),
    JSON.stringify({ ...expected, format: 'docx', notes: `Word copy of ${txt.split('/').at(-1)} (pasted, one paragraph per line, title bold): same expected extraction. ${expected.notes ?? ''}`.trim() }, null, 2) + '\n',
  );
  process.stdout.write(`${out}\n`);
}
