/**
 * A build plugin for the main bundle. The core loads optional parts (writers, importer,
 * review reader) lazily and reports a missing one as "not available in this build"; a
 * bundler, though, fails the whole build on an import it cannot resolve. This plugin keeps
 * the core's behaviour: a relative import inside electron/core whose file does not exist
 * becomes a module that throws ERR_MODULE_NOT_FOUND when loaded, and the build says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PREFIX = '\0huibian-missing:';

export interface MissingModulesPlugin {
  name: string;
  resolveId(source: string, importer: string | undefined): string | null;
  load(id: string): string | null;
  /** Files reported missing during this build (for the log and tests). */
  missing: Set<string>;
}

/** Names the importer takes from `source` (`import { a, b as c } from '…'`, `import d from '…'`), so the stand-in can declare them. */
export function importedNames(importerSource: string, source: string): string[] {
  const names = new Set<string>();
  const quoted = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const statement = new RegExp(`(?:import|export)\\s+(?!type\\s)([^;]*?)\\s+from\\s*['"]${quoted}['"]`, 'g');
  for (const match of importerSource.matchAll(statement)) {
    const clause = match[1] ?? '';
    const braces = /\{([^}]*)\}/.exec(clause);
    for (const part of braces?.[1]?.split(',') ?? []) {
      const item = part.trim();
      if (!item || item.startsWith('type ')) continue;
      names.add(item.split(/\s+as\s+/)[0]!.trim());
    }
    const head = clause.replace(/\{[^}]*\}/, '').replace(/\*\s+as\s+\w+/, '').replace(/,/g, ' ').trim();
    if (/^[A-Za-z_$][\w$]*$/.test(head)) names.add('default');
  }
  return [...names];
}

function candidates(file: string): string[] {
  const ext = path.extname(file);
  const stem = ext === '.js' || ext === '.mjs' ? file.slice(0, -ext.length) : file;
  return [file, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, path.join(stem, 'index.ts')];
}

export function missingCoreModules(coreDir: string): MissingModulesPlugin {
  const core = path.resolve(coreDir);
  const missing = new Set<string>();
  const exportsOf = new Map<string, Set<string>>();
  return {
    name: 'huibian-missing-core-modules',
    missing,
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || importer.startsWith('\0')) return null;
      if (!path.resolve(importer).startsWith(core + path.sep)) return null;
      const target = path.resolve(path.dirname(importer), source);
      if (candidates(target).some((file) => existsSync(file))) return null;
      missing.add(path.relative(core, target));
      const names = exportsOf.get(target) ?? new Set<string>();
      try {
        for (const name of importedNames(readFileSync(importer, 'utf8'), source)) names.add(name);
      } catch {
        // An importer we cannot read gets a stand-in without named exports.
      }
      exportsOf.set(target, names);
      console.warn(`[huibian] ${path.relative(core, target)} (imported by ${path.relative(core, importer)}) is not written yet: it will report "not available" at run time`);
      return PREFIX + target;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const target = id.slice(PREFIX.length);
      // The bindings exist so that static imports link; loading the module throws before any is used.
      const names = [...(exportsOf.get(target) ?? [])];
      const named = names.filter((n) => n !== 'default');
      return [
        `const error = new Error(${JSON.stringify(`Cannot find module '${target}'`)});`,
        `error.code = 'ERR_MODULE_NOT_FOUND';`,
        'throw error;',
        ...(named.length ? [`export let ${named.join(', ')};`] : []),
        ...(names.includes('default') ? ['export default undefined;'] : []),
      ].join('\n');
    },
  };
}
