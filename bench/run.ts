/**
 * `npm run bench`: runs every benchmark module in bench/ in turn and prints its figures.
 * Each module exports `run(): Promise<void>` and prints its own lines; a module that fails
 * prints why and the others still run.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const order = ['import', 'search', 'revisions', 'proof', 'pdf', 'docx', 'editor', 'process'];
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));

let failed = 0;
for (const name of modules) {
  console.log(`\n== ${name}`);
  try {
    const mod = (await import(pathToFileURL(path.join(here, `${name}.bench.ts`)).href)) as { run: () => Promise<void> };
    await mod.run();
  } catch (error) {
    failed++;
    console.log(`${name}: failed: ${(error as Error).stack ?? error}`);
  }
}
process.exitCode = failed ? 1 : 0;
