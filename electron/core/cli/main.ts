/**
 * The headless `huibian` command. It goes through the same API table as the desktop app
 * (import.preview/commit, export.run), so what works here works there.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Api } from '../api/index.js';
import { ApiError, type ApiResults, type ExportResult, type SearchHit } from '../api/schema.js';
import { libraryPath } from '../store/paths.js';
import type { ImportedFile } from '../model/imported.js';
import { HELP } from './help.js';
import { call, openLibrary } from './library.js';
import { cmdStatus } from './status.js';
import { applyAwards, printAwards } from './awards.js';

/** Output sinks, replaceable in tests. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}
const defaultIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

class UsageError extends Error {}

const COMMANDS = ['import', 'list', 'search', 'export', 'demo', 'fonts', 'status', 'team-server', 'team-user', 'team', 'review-pack', 'proof'] as const;
type Command = (typeof COMMANDS)[number];

const FORMATS = ['pdf', 'docx'] as const;
const TEMPLATES = ['anthology', 'feature', 'notice'] as const;

function parse(
  command: string,
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`huibian ${command}: ${(error as Error).message}\n\n${HELP[command]}`);
  }
}

// ------------------------------------------------------------------ import

interface ImportReport {
  imported: Array<{
    file: string;
    kind: string;
    cases: Array<{
      id: string;
      title: string;
      subtitle: string | null;
      unit: string | null;
      award: string | null;
      region: { province: string | null; city: string | null; county: string | null };
      category: string | null;
      captions: string[];
    }>;
    notice?: {
      id: string;
      title: string;
      organ: string | null;
      docNumber: string | null;
      addressees: string | null;
      issuer: string | null;
      date: string | null;
      attachments: string[];
      signers: string[];
    };
  }>;
  errors: Array<{ file: string; message: string }>;
  /** Cases the library already held, skipped (unless allowDuplicates). */
  duplicates: Array<{ file: string; title: string; existingId: string; existingTitle: string }>;
  collectionId?: string;
}

export async function importFiles(api: Api, paths: string[], collection?: string, options: { allowDuplicates?: boolean } = {}): Promise<ImportReport> {
  const report: ImportReport = { imported: [], errors: [], duplicates: [] };
  const sources: Array<{ name: string; path: string }> = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    sources.push({ name: path.basename(abs), path: abs });
  }
  const preview = await call(api, 'import.preview', { files: sources });
  report.errors.push(...preview.errors);
  if (preview.files.length === 0 && !preview.reviews?.length) return report;
  let collectionId: string | undefined;
  if (collection) {
    const all = api.context.store.listCollections();
    collectionId = (all.find((c) => c.title === collection) ?? all.find((c) => c.id === collection))?.id;
  }
  const committed = await call(api, 'import.commit', {
    previewId: preview.previewId,
    ...(collectionId ? { collectionId } : collection ? { newCollection: { title: collection } } : {}),
    ...(options.allowDuplicates ? { allowDuplicates: true } : {}),
  }).catch((error: unknown) => {
    // every file failed at commit: report them by name
    for (const f of preview.files) report.errors.push({ file: f.file, message: (error as Error).message });
    return null;
  });
  if (!committed) return report;
  report.errors.push(...committed.errors);
  if (committed.collectionId) report.collectionId = committed.collectionId;
  report.duplicates = committed.duplicates.map((d) => ({ file: d.file, title: d.title, existingId: d.existingId, existingTitle: d.existingTitle }));
  const skipped = new Set(committed.duplicates.map((d) => `${d.file}/${d.case}`));
  const byName = new Map<string, ImportedFile>(preview.files.map((f) => [f.file, f]));
  for (const done of committed.imported) {
    const file = byName.get(done.file);
    const ids = [...done.documentIds];
    const entry: ImportReport['imported'][number] = { file: done.file, kind: done.kind, cases: [] };
    if (file?.notice && !skipped.has(`${done.file}/null`)) {
      const m = file.notice.meta;
      entry.notice = {
        id: ids.shift()!,
        title: m.title,
        organ: m.organ ?? null,
        docNumber: m.docNumber ?? null,
        addressees: m.addressees ?? null,
        issuer: m.issuer ?? null,
        date: m.date ?? null,
        attachments: m.attachmentTitles ?? [],
        signers: m.signers ?? [],
      };
    }
    file?.cases.forEach((c, i) => {
      if (skipped.has(`${done.file}/${i}`)) return;
      entry.cases.push({
        id: ids.shift()!,
        title: c.meta.title,
        subtitle: c.meta.subtitle ?? null,
        unit: c.meta.unit ?? null,
        award: c.meta.award ?? null,
        region: { province: c.meta.region?.province ?? null, city: c.meta.region?.city ?? null, county: c.meta.region?.county ?? null },
        category: c.meta.category ?? null,
        captions: c.captions,
      });
    });
    report.imported.push(entry);
  }
  for (const r of committed.reviews ?? []) {
    report.imported.push({ file: r.file, kind: 'review', cases: [] });
  }
  return report;
}

/** Files per preview and commit in a large import: progress between batches, memory bounded by a batch. */
const IMPORT_BATCH = 100;

/**
 * importFiles over batches of files: every batch goes to the collection the first one made or
 * named, and the library already holds the earlier batches when a later one checks duplicates.
 */
export async function importInBatches(
  api: Api,
  paths: string[],
  collection?: string,
  options: { allowDuplicates?: boolean } = {},
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  if (paths.length <= IMPORT_BATCH) {
    const report = await importFiles(api, paths, collection, options);
    onProgress?.(paths.length, paths.length);
    return report;
  }
  const all: ImportReport = { imported: [], errors: [], duplicates: [] };
  for (let i = 0; i < paths.length; i += IMPORT_BATCH) {
    const report = await importFiles(api, paths.slice(i, i + IMPORT_BATCH), all.collectionId ?? collection, options);
    all.imported.push(...report.imported);
    all.errors.push(...report.errors);
    all.duplicates.push(...report.duplicates);
    all.collectionId ??= report.collectionId;
    onProgress?.(Math.min(paths.length, i + IMPORT_BATCH), paths.length);
  }
  return all;
}

async function cmdImport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('import', args, {
    db: { type: 'string' },
    collection: { type: 'string' },
    json: { type: 'boolean' },
    'allow-duplicates': { type: 'boolean' },
    awards: { type: 'string' },
    apply: { type: 'boolean' },
  });
  if (values.help) return help('import', io);
  if (values.awards) return cmdAwards(values, io);
  if (positionals.length === 0) throw new UsageError(`huibian import: give at least one file\n\n${HELP.import}`);
  const api = openLibrary(values.db as string | undefined);
  try {
    // A count on the terminal while a large batch goes in; a pipe or a test reads only the report.
    const progress = process.stderr.isTTY && io === defaultIo ? (done: number, total: number) => process.stderr.write(`\r导入中 ${done}/${total} 个文件…${done === total ? '\n' : ''}`) : undefined;
    const report = await importInBatches(api, positionals, values.collection as string | undefined, { allowDuplicates: values['allow-duplicates'] === true }, progress);
    if (values.json) {
      io.out(JSON.stringify({ imported: report.imported, errors: report.errors, duplicates: report.duplicates }, null, 2));
    } else {
      for (const f of report.imported) {
        io.out(`✓ ${f.file}（${kindLabel(f.kind)}）${f.notice ? `通知:${f.notice.title}` : `${f.cases.length} 个案例`}`);
        for (const c of f.cases) {
          const place = [c.region.province, c.region.city, c.region.county].filter(Boolean).join(' ');
          io.out(`  · ${c.title}${c.subtitle ? ` ——${c.subtitle}` : ''}`);
          io.out(`    类别:${c.category ?? '—'}  地区:${place || '—'}  单位:${c.unit ?? '—'}  奖项:${c.award ?? '—'}`);
        }
      }
      for (const d of report.duplicates) io.out(`= ${d.file}：《${d.title}》已在库中（${d.existingTitle}），未重复导入`);
      if (report.duplicates.length) io.out(`跳过 ${report.duplicates.length} 个已在库中的案例；确需再导入一份请加 --allow-duplicates`);
      for (const e of report.errors) io.err(`✗ ${e.file}: ${e.message}`);
      if (report.collectionId) {
        const title = api.context.store.listCollections().find((c) => c.id === report.collectionId)?.title;
        io.out(`汇编:${title ?? report.collectionId}  [${report.collectionId}]`);
      }
      io.out(`导入 ${report.imported.length} 个文件,失败 ${report.errors.length} 个`);
    }
    return report.imported.length === 0 ? 1 : 0;
  } finally {
    api.close();
  }
}

/** `import --awards FILE [--apply]`: match a list's items to the library and set their awards. */
async function cmdAwards(values: Record<string, string | boolean | undefined>, io: Io): Promise<number> {
  const api = openLibrary(values.db as string | undefined);
  try {
    const report = await applyAwards(api, values.awards as string, { collection: values.collection as string | undefined, apply: values.apply === true });
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else printAwards(report, io.out, values.apply === true);
    return 0;
  } catch (error) {
    io.err(`✗ ${(error as Error).message}`);
    return 1;
  } finally {
    api.close();
  }
}

function kindLabel(kind: string): string {
  return ({ 'case-list': '案例列表', feature: '专题', 'single-case': '单篇案例', notice: '通知', 'award-list': '获奖名单', review: '审阅稿' } as Record<string, string>)[kind] ?? kind;
}

// ------------------------------------------------------------------ list / search

async function cmdList(args: string[], io: Io): Promise<number> {
  const { values } = parse('list', args, { db: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) return help('list', io);
  const api = openLibrary(values.db as string | undefined);
  try {
    const collections = await call(api, 'collections.list', {});
    const documents = await call(api, 'documents.list', {});
    if (values.json) {
      io.out(JSON.stringify({ collections, documents }, null, 2));
      return 0;
    }
    if (documents.length === 0) {
      io.out('the library is empty: huibian import FILE...');
      return 0;
    }
    for (const c of collections) {
      io.out(`${c.title}  [${c.id}]  ${c.caseCount} 个案例${c.noticeCount ? `, ${c.noticeCount} 个通知` : ''}`);
      const docs = documents.filter((d) => d.collectionId === c.id);
      printDocs(docs, io);
    }
    const loose = documents.filter((d) => !d.collectionId);
    if (loose.length) {
      io.out('（未归入汇编）');
      printDocs(loose, io);
    }
    return 0;
  } finally {
    api.close();
  }
}

function printDocs(docs: ApiResults['documents.list'], io: Io): void {
  let section: string | null | undefined;
  for (const d of docs) {
    if (d.kind === 'case' && d.category !== section) {
      section = d.category;
      io.out(`  ${section ?? '综合'}`);
    }
    const place = d.region ? [d.region.city, d.region.county].filter(Boolean).join(' ') : '';
    io.out(`    ${d.kind === 'notice' ? '[通知] ' : ''}${d.title}${place ? `（${place}）` : ''}  ${d.id}`);
  }
}

function terminalSnippet(hit: SearchHit): string {
  return hit.snippet
    .replace(/<mark>/g, '【')
    .replace(/<\/mark>/g, '】')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

async function cmdSearch(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('search', args, { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } });
  if (values.help) return help('search', io);
  const q = positionals.join(' ').trim();
  if (!q) throw new UsageError(`huibian search: give a query\n\n${HELP.search}`);
  const limit = values.limit ? Number(values.limit) : 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('huibian search: --limit must be 1..500');
  const api = openLibrary(values.db as string | undefined);
  try {
    const hits = await call(api, 'search.query', { q, limit });
    if (values.json) {
      io.out(JSON.stringify(hits, null, 2));
      return 0;
    }
    if (hits.length === 0) io.out(`没有找到“${q}”`);
    for (const h of hits) {
      io.out(`${h.kind === 'notice' ? '[通知] ' : ''}${h.title}  ${h.id}`);
      io.out(`  ${terminalSnippet(h)}`);
    }
    return 0;
  } finally {
    api.close();
  }
}

// ------------------------------------------------------------------ export

function resolveCollection(api: Api, given: string | undefined): string {
  const store = api.context.store;
  const all = store.listCollections();
  if (given) {
    const hit = all.find((c) => c.id === given) ?? all.find((c) => c.title === given);
    if (!hit) throw new UsageError(`huibian export: no collection "${given}"; collections: ${all.map((c) => `"${c.title}"`).join(', ') || 'none'}`);
    return hit.id;
  }
  if (all.length === 1) return all[0]!.id;
  if (all.length === 0) throw new UsageError('huibian export: the library has no collection yet: huibian import FILE...');
  throw new UsageError(`huibian export: choose one with --collection: ${all.map((c) => `"${c.title}"`).join(', ')}`);
}

function resolveNotice(api: Api, given: string | undefined): string {
  if (given) return given;
  const notices = api.context.store.listDocuments({ filters: { kind: 'notice' } });
  if (notices.length === 1) return notices[0]!.id;
  if (notices.length === 0) throw new UsageError('huibian export: the library holds no notice');
  throw new UsageError(`huibian export: choose a notice with --document: ${notices.map((n) => `${n.id} (${n.title})`).join(', ')}`);
}

async function cmdExport(args: string[], io: Io): Promise<number> {
  const { values } = parse('export', args, {
    db: { type: 'string' },
    collection: { type: 'string' },
    document: { type: 'string' },
    template: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return help('export', io);
  const template = values.template as string | undefined;
  const format = values.format as string | undefined;
  if (!template || !(TEMPLATES as readonly string[]).includes(template)) throw new UsageError(`huibian export: --template must be one of ${TEMPLATES.join(', ')}`);
  if (!format || !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`huibian export: --format must be one of ${FORMATS.join(', ')}`);
  if (!values.out) throw new UsageError('huibian export: give --out FILE');
  const outPath = path.resolve(values.out as string);
  const api = openLibrary(values.db as string | undefined);
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

function printResult(result: ExportResult, io: Io): void {
  io.out(`已写出 ${result.path}  ${formatBytes(result.bytes)}${result.pages ? `，${result.pages} 页` : ''}，${result.ms} ms`);
  const stand = result.fonts.filter((f) => f.substitute);
  if (stand.length) io.out(`  字体替代：${stand.map((f) => `${f.standard} → ${f.face}`).join('；')}`);
  for (const w of result.warnings) io.out(`  注意：${w.message}`);
  for (const o of result.overBudget) io.out(`  超出页数：${o.title} ${o.pages} 页（限 ${o.budget} 页）`);
}

function formatBytes(n: number): string {
  return n > 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

// ------------------------------------------------------------------ demo

/** The product's own sample drafts (copied from the real corpus). */
export function samplesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.resolve(here, '../../../resources/samples'), path.resolve(process.cwd(), 'resources/samples')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('resources/samples not found next to the application');
}

/** The demo imports these; the article comes in its GB18030 copy to show encoding detection. */
export const DEMO_FILES = [
  'zhongguominzheng-2022-02-feature.txt',
  'jining-2020-shortlist.txt',
  'jinshi-2018-article.gb18030.txt',
  'qufu-2020-notice.txt',
];
export const DEMO_COLLECTION = '2021年全省民政工作优秀创新案例汇编';

async function cmdDemo(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('demo', args, { out: { type: 'string' } });
  if (values.help) return help('demo', io);
  if (positionals.length) throw new UsageError(`huibian demo: unexpected argument ${positionals[0]}\n\n${HELP.demo}`);
  const outDir = path.resolve((values.out as string | undefined) ?? 'huibian-demo');
  await fs.mkdir(outDir, { recursive: true });
  const db = libraryPath(outDir);
  for (const suffix of ['', '-wal', '-shm']) await fs.rm(db + suffix, { force: true });
  const api = openLibrary(db);
  try {
    const samples = samplesDir();
    const report = await importFiles(api, DEMO_FILES.map((f) => path.join(samples, f)), DEMO_COLLECTION);
    for (const f of report.imported) io.out(`已导入 ${f.file}：${f.notice ? `通知“${f.notice.title}”` : `${f.cases.length} 个案例`}`);
    for (const e of report.errors) io.err(`无法导入 ${e.file}：${e.message}`);
    if (!report.collectionId) return 1;
    const notice = report.imported.find((f) => f.notice)?.notice;
    const jobs: Array<{ template: string; format: string; input: Record<string, unknown>; name: string }> = [
      { template: 'anthology', format: 'pdf', input: { collectionId: report.collectionId }, name: 'anthology.pdf' },
      { template: 'anthology', format: 'docx', input: { collectionId: report.collectionId }, name: 'anthology.docx' },
      { template: 'feature', format: 'pdf', input: { collectionId: report.collectionId }, name: 'feature.pdf' },
    ];
    if (notice) {
      jobs.push({ template: 'notice', format: 'pdf', input: { documentId: notice.id }, name: 'notice.pdf' });
      jobs.push({ template: 'notice', format: 'docx', input: { documentId: notice.id }, name: 'notice.docx' });
    }
    let written = 0;
    for (const job of jobs) {
      try {
        const result = await call(api, 'export.run', { ...job.input, template: job.template, format: job.format, outPath: path.join(outDir, job.name) });
        written++;
        printResult(result, io);
      } catch (error) {
        io.err(`无法写出 ${job.name}：${(error as Error).message}`);
      }
    }
    io.out(`文库：${db}`);
    io.out(`共 ${jobs.length} 个文件，写出 ${written} 个，位于 ${outDir}`);
    // Any file not written (or sample not imported) is a failed demo, whatever else worked.
    return written === jobs.length && report.errors.length === 0 ? 0 : 1;
  } finally {
    api.close();
  }
}

// ------------------------------------------------------------------ entry

function help(command: string, io: Io): number {
  io.out(HELP[command] ?? HELP.main!);
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (io === defaultIo) {
    // `huibian search … | head` closes the pipe early: that is not an error
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      if (command === 'help' && rest[0] && HELP[rest[0]]) return help(rest[0], io);
      help('main', io);
      return command ? 0 : 2;
    }
    if (command === '--version' || command === '-v') {
      io.out((await import('../api/version.js')).appVersion());
      return 0;
    }
    if (!(COMMANDS as readonly string[]).includes(command)) {
      io.err(`huibian: unknown command "${command}"\n\n${HELP.main}`);
      return 2;
    }
    switch (command as Command) {
      case 'import':
        return await cmdImport(rest, io);
      case 'list':
        return await cmdList(rest, io);
      case 'search':
        return await cmdSearch(rest, io);
      case 'export':
        return await cmdExport(rest, io);
      case 'demo':
        return await cmdDemo(rest, io);
      case 'fonts':
        return await (await import('./fonts.js')).cmdFonts(rest, io);
      case 'status':
        return await cmdStatus(rest, io);
      case 'team-server':
        return await (await import('./team.js')).cmdTeamServer(rest, io);
      case 'team-user':
        return await (await import('./team.js')).cmdTeamUser(rest, io);
      case 'team':
        return await (await import('./team.js')).cmdTeam(rest, io);
      case 'review-pack':
        return await (await import('./team.js')).cmdReviewPack(rest, io);
      case 'proof':
        return await (await import('./proof.js')).cmdProof(rest, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof ApiError) {
      io.err(`huibian ${command}: ${error.message}`);
      return 1;
    }
    io.err(`huibian ${command}: ${(error as Error).message}`);
    return 1;
  }
  return 2;
}
