/**
 * Two packages that pdfkit and fontkit load as they start and that an export here never calls:
 * linebreak (pdfkit's own text wrapping; the layout engine breaks every line itself), which
 * inflates its Unicode line-break table on load, and brotli's decompressor (fontkit's WOFF2 path;
 * webfont.ts decodes the bundled WOFF2 slices with wawoff2), which decodes its 120 KB dictionary
 * on load. Each is put in Node's module cache as a stand-in that loads the real package the
 * first time it is called, so it costs nothing until something uses it. Imported before pdfkit.
 * Where the package is already loaded, or is not resolvable from there (a bundle that carries
 * it inside), nothing is changed.
 */
import Module, { createRequire } from 'node:module';

type Loader = () => unknown;

function standIn(owner: string, id: string, wrap: (load: Loader) => unknown): void {
  try {
    const ownerRequire = createRequire(createRequire(import.meta.url).resolve(owner));
    const file = ownerRequire.resolve(id);
    const cache = ownerRequire.cache;
    if (cache[file]) return;
    let real: unknown;
    const load: Loader = () => {
      if (real === undefined) {
        if (cache[file] === stub) delete cache[file];
        real = ownerRequire(id);
      }
      return real;
    };
    const stub = new Module(file);
    stub.filename = file;
    stub.loaded = true;
    stub.exports = wrap(load);
    cache[file] = stub;
  } catch {
    // Not resolvable here: the package loads as it would have.
  }
}

standIn('pdfkit', 'linebreak', (load) =>
  function LineBreaker(...args: unknown[]): unknown {
    const Real = load() as new (...a: unknown[]) => unknown;
    return new Real(...args);
  },
);

standIn('fontkit', 'brotli/decompress.js', (load) => (...args: unknown[]) => (load() as (...a: unknown[]) => unknown)(...args));
