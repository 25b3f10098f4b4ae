/** `huibian export`: one anthology, feature or notice as PDF or DOCX through export.run, and its report. */
import path from 'node:path';
import type { Api } from '../api/index.js';
import { ApiError, type ExportResult } from '../api/schema.js';
import { showHelp } from './help.js';
import type { Io } from './io.js';
import { call, openLibrary } from './library.js';
import { parseCommand, UsageError } from './usage.js';

const FORMATS = ['pdf', 'docx'] as const;
const TEMPLATES = ['anthology', 'feature', 'notice'] as const;
const TEMPLATE_NAMES = 'anthology（汇编）、feature（专题）、notice（通知）';

function resolveCollection(api: Api, given: string | undefined): string {
  const store = api.context.store;
  const all = store.listCollections();
  if (given) {
    const hit = all.find((c) => c.id === given) ?? all.find((c) => c.title === given);
    if (!hit) throw new UsageError('export', `文库中没有“${given}”这个汇编；文库中的汇编：${all.map((c) => `“${c.title}”`).join('、') || '（无）'}`);
    return hit.id;
  }
  if (all.length === 1) return all[0]!.id;
  if (all.length === 0) throw new UsageError('export', '文库中还没有汇编：先用 huibian import --collection NAME FILE... 导入来稿');
  throw new UsageError('export', `文库中有 ${all.length} 个汇编，请用 --collection 选一个：${all.map((c) => `“${c.title}”`).join('、')}`);
}

function resolveNotice(api: Api, given: string | undefined): string {
  if (given) return given;
  const notices = api.context.store.listDocuments({ filters: { kind: 'notice' } });
  if (notices.length === 1) return notices[0]!.id;
  if (notices.length === 0) throw new UsageError('export', '文库中没有通知：通知模板要用一篇通知');
  throw new UsageError('export', `文库中有 ${notices.length} 篇通知，请用 --document 选一篇：${notices.map((n) => `${n.id}（${n.title}）`).join('、')}`);
}

export async function cmdExport(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand('export', args, {
    db: { type: 'string' },
    collection: { type: 'string' },
    document: { type: 'string' },
    template: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return showHelp('export', io);
  const template = values.template as string | undefined;
  const format = values.format as string | undefined;
  if (!template) throw new UsageError('export', `请用 --template 选择模板：${TEMPLATE_NAMES}`);
  if (!(TEMPLATES as readonly string[]).includes(template)) throw new UsageError('export', `没有“${template}”这个模板；--template 可用：${TEMPLATE_NAMES}`);
  if (!format) throw new UsageError('export', `请用 --format 选择格式：${FORMATS.join('、')}`);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError('export', `没有“${format}”这种格式；--format 可用：${FORMATS.join('、')}`);
  if (!values.out) throw new UsageError('export', '请用 --out FILE 指定写到哪个文件');
  const outPath = path.resolve(values.out as string);
  const api = await openLibrary(values.db as string | undefined);
  try {
    const input: Record<string, unknown> = { template, format, outPath };
    if (template === 'notice') input.documentId = resolveNotice(api, values.document as string | undefined);
    else if (values.document && !values.collection) input.documentId = values.document;
    else {
      input.collectionId = resolveCollection(api, values.collection as string | undefined);
      if (values.document) input.documentId = values.document;
    }
    let result: ExportResult;
    try {
      result = await call(api, 'export.run', input);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      if (error instanceof ApiError && error.code === 'proof-blocked') return (await import('./proof.js')).reportBlocked(error, values.json === true, io);
      if (values.json) io.out(JSON.stringify(exportReport([], [{ file: outPath, message: (error as Error).message }]), null, 2));
      io.err(`无法写出 ${outPath}：${(error as Error).message}`);
      return 1;
    }
    if (values.json) io.out(JSON.stringify(exportReport([result], []), null, 2));
    else printResult(result, io);
    return 0;
  } finally {
    api.close();
  }
}

/** The export report `--json` prints: pages, cases, files written and failed, warnings, budgets. */
export function exportReport(results: ExportResult[], failed: Array<{ file: string; message: string }>) {
  return {
    written: results.map((r) => ({ file: r.path, template: r.template, format: r.format, bytes: r.bytes, pages: r.pages ?? null, ms: r.ms })),
    failed,
    pages: results.reduce((n, r) => n + (r.pages ?? 0), 0),
    cases: results.flatMap((r) => r.cases.map((c) => ({ ...c, file: r.path }))),
    fonts: results.flatMap((r) => r.fonts.filter((f) => f.substitute).map((f) => ({ ...f, file: r.path }))),
    warnings: results.flatMap((r) => r.warnings.map((w) => ({ ...w, file: r.path }))),
    overBudget: results.flatMap((r) => r.overBudget),
  };
}

export function printResult(result: ExportResult, io: Io): void {
  io.out(`已写出 ${result.path}  ${formatBytes(result.bytes)}${result.pages ? `，${result.pages} 页` : ''}，${result.ms} ms`);
  const stand = result.fonts.filter((f) => f.substitute);
  if (stand.length) io.out(`  字体替代：${stand.map((f) => `${f.standard} → ${f.face}`).join('；')}`);
  for (const w of result.warnings) io.out(`  注意：${w.message}`);
  for (const o of result.overBudget) io.out(`  超出页数：${o.title} ${o.pages} 页（限 ${o.budget} 页）`);
}

function formatBytes(n: number): string {
  return n > 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}
