#!/usr/bin/env node
/* global process, console */
// The Typst reference as a process: node typst-pdf.mjs MAIN.typ FONT_DIR OUT.pdf
// Typst 0.14 through its npm node compiler (a dev dependency): compile to PDF, write, exit.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const [main, fonts, out] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(main)), fontArgs: [{ fontPaths: [path.resolve(fonts)] }] });
const pdf = compiler.pdf({ mainFilePath: path.resolve(main) });
writeFileSync(out, pdf);
console.log(`${out} ${pdf.length} bytes`);
