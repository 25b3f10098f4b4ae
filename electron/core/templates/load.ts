/**
 * Loads a template by id from templates/ (or a user copy by path), resolving 字号 names
 * to points, and validates it so that a bad user edit fails with a message naming the field.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { TemplateSchema, type Template } from './schema.js';
import { pointSize } from './sizes.js';

export const TEMPLATE_IDS = ['anthology', 'feature', 'notice'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** templates/ at the repository (or app) root. */
export function templatesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    path.resolve(here, '../../../templates'),
    path.resolve(here, '../../templates'),
    path.resolve(process.cwd(), 'templates'),
  ]) {
    if (existsSync(path.join(candidate, 'anthology.json'))) return candidate;
  }
  throw new Error('templates/ folder not found next to the application');
}

function resolveSizes(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const t = structuredClone(raw) as { styles?: Record<string, Record<string, unknown>> };
  for (const style of Object.values(t.styles ?? {})) {
    if (typeof style.size === 'string') style.size = pointSize(style.size);
  }
  return t;
}

const cache = new Map<string, Template>();

export function loadTemplate(idOrPath: string): Template {
  const hit = cache.get(idOrPath);
  if (hit) return hit;
  const file = (TEMPLATE_IDS as readonly string[]).includes(idOrPath)
    ? path.join(templatesDir(), `${idOrPath}.json`)
    : idOrPath;
  if (!existsSync(file)) {
    throw new Error(`unknown template "${idOrPath}": choose one of ${TEMPLATE_IDS.join(', ')} or give a template file`);
  }
  const parsed = TemplateSchema.safeParse(resolveSizes(JSON.parse(readFileSync(file, 'utf8'))));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`template ${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  cache.set(idOrPath, parsed.data);
  return parsed.data;
}
