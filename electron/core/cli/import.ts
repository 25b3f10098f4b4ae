/**
 * `huibian import`: drafts into the library through import.preview and import.commit, in
 * batches for a large import, with the report `--json` prints; `--awards` matches an award
 * list to the library's cases instead.
 */
import path from 'node:path';
import type { Api } from '../api/index.js';
import type { ApiResults } from '../api/schema.js';
import type { ImportedFile } from '../model/imported.js';
import { applyAwards, printAwards } from './awards.js';
import { showHelp } from './help.js';
import { defaultIo, type Io } from './io.js';
import { call, openLibrary } from './library.js';
import { parseCommand, UsageError, type Values } from './usage.js';

interface ImportReport {
  imported: Array<{
    file: string;
    kind: string;
    /** What the importer noticed (in Chinese): a title taken from the file name, lines rejoined … */
    warnings: string[];
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
  /** Files whose very bytes the library imported before: when, under which name, into which collection. */
  knownFiles: Array<{
    file: string;
    importedAs: string;
    importedAt: string;
    collection: string | null;
    /** Cases (and the notice) the file holds, and how many of them the library still has. */
    items: number;
    held: number;
  }>;
  collectionId?: string;
}

function startPreview(api: Api, paths: string[]): Promise<ApiResults['import.preview']> {
  const files = paths.map((p) => {
    const abs = path.resolve(p);
    return { name: path.basename(abs), path: abs };
  });
  return call(api, 'import.preview', { files });
}

/** `started`: the preview of these paths, already asked for (importInBatches reads ahead). */
export async function importFiles(
  api: Api,
  paths: string[],
  collection?: string,
  options: { allowDuplicates?: boolean } = {},
  started?: Promise<ApiResults['import.preview']>,
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], errors: [], duplicates: [], knownFiles: [] };
  const preview = await (started ?? startPreview(api, paths));
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
  for (const k of preview.knownFiles ?? []) {
    const file = preview.files[k.fileIndex];
    // What the library still holds of it, as the preview counts it (commit lists nothing with allowDuplicates).
    const held = preview.duplicates?.filter((d) => d.fileIndex === k.fileIndex).length ?? 0;
    report.knownFiles.push({ file: k.file, importedAs: k.importedAs, importedAt: k.importedAt, collection: k.collectionTitle, items: (file?.cases.length ?? 0) + (file?.notice ? 1 : 0), held });
  }
  const skipped = new Set(committed.duplicates.map((d) => `${d.file}/${d.case}`));
  const byName = new Map<string, ImportedFile>(preview.files.map((f) => [f.file, f]));
  for (const done of committed.imported) {
    const file = byName.get(done.file);
    const ids = [...done.documentIds];
    const entry: ImportReport['imported'][number] = { file: done.file, kind: done.kind, warnings: file?.warnings ?? [], cases: [] };
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
    report.imported.push({ file: r.file, kind: 'review', warnings: [], cases: [] });
  }
  return report;
}

/** Files per preview and commit in a large import: progress between batches, memory bounded by a few batches. */
const IMPORT_BATCH = 100;

/**
 * Batches asked for ahead of the one being committed. With one, the import worker finished
 * reading the next batch before the thread had committed this one and then sat idle until it
 * was handed another (1,000 single-case drafts: 1.3 s idle of the worker's 5.7 s, the thread
 * busy throughout); with two it always has a batch to read while the thread commits.
 */
const READ_AHEAD = 2;

/** The smallest batch the last files of a large import are cut into. */
const LAST_BATCH = 25;

/**
 * The size of the next batch with `left` files still to ask for: IMPORT_BATCH, and over the
 * last two batches' worth halves down to LAST_BATCH or a little more. The last batch is committed with nothing
 * left to read beside it, the worker idle: a small one keeps that short (1,000 drafts: the
 * last commit is 25 files instead of 100).
 */
export function batchSize(left: number): number {
  if (left > 2 * IMPORT_BATCH) return IMPORT_BATCH;
  const size = Math.max(LAST_BATCH, Math.ceil(left / 2));
  // no batch smaller than LAST_BATCH after it (one of a few files is read on the thread alone)
  return left - size < LAST_BATCH ? left : size;
}

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
  const all: ImportReport = { imported: [], errors: [], duplicates: [], knownFiles: [] };
  const ahead: Array<{ files: string[]; preview: Promise<ApiResults['import.preview']> }> = [];
  let asked = 0;
  const askNext = () => {
    const files = paths.slice(asked, asked + batchSize(paths.length - asked));
    asked += files.length;
    const preview = startPreview(api, files);
    preview.catch(() => {}); // awaited, and reported, in its own turn
    ahead.push({ files, preview });
  };
  askNext();
  let done = 0;
  while (ahead.length) {
    const current = ahead.shift()!;
    // The next batches are read (on the import workers) while this one is written into the library.
    while (asked < paths.length && ahead.length < READ_AHEAD) askNext();
    const report = await importFiles(api, current.files, all.collectionId ?? collection, options, current.preview);
    all.imported.push(...report.imported);
    all.errors.push(...report.errors);
    all.duplicates.push(...report.duplicates);
    all.knownFiles.push(...report.knownFiles);
    all.collectionId ??= report.collectionId;
    done += current.files.length;
    onProgress?.(done, paths.length);
  }
  return all;
}

export async function cmdImport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('import', args, {
    db: { type: 'string' },
    collection: { type: 'string' },
    json: { type: 'boolean' },
    'allow-duplicates': { type: 'boolean' },
    awards: { type: 'string' },
    apply: { type: 'boolean' },
  });
  if (values.help) return showHelp('import', io);
  if (values.awards) return cmdAwards(values, io);
  if (positionals.length === 0) throw new UsageError('import', '请给出至少一个要导入的文件');
  // The gate that puts a large import's reading on workers (importPool.ts workersPay) reads the
  // machine's idle cores over at least 50 ms from when its module loads, and the first batch
  // waited out the rest with the thread blocked (27 ms of 1,000 drafts, --cpu-prof). Loaded
  // before the library opens, the opening is that time.
  await import('../api/handlers/importPool.js');
  const api = await openLibrary(values.db as string | undefined);
  try {
    // A count on the terminal while a large batch goes in; a pipe or a test reads only the report.
    const progress = process.stderr.isTTY && io === defaultIo ? (done: number, total: number) => process.stderr.write(`\r导入中 ${done}/${total} 个文件…${done === total ? '\n' : ''}`) : undefined;
    const report = await importInBatches(api, positionals, values.collection as string | undefined, { allowDuplicates: values['allow-duplicates'] === true }, progress);
    if (values.json) {
      io.out(JSON.stringify({ imported: report.imported, errors: report.errors, duplicates: report.duplicates, knownFiles: report.knownFiles }, null, 2));
    } else {
      const allowDuplicates = values['allow-duplicates'] === true;
      // A file imported before, byte for byte, is said once, as the preview says it; its cases are not listed one by one.
      const whole = new Set<string>();
      for (const k of report.knownFiles) {
        io.out(`= ${knownLine(k, allowDuplicates)}`);
        if (k.held === k.items && !allowDuplicates) whole.add(k.file);
      }
      for (const f of report.imported) {
        if (whole.has(f.file) && f.cases.length === 0 && !f.notice) continue;
        io.out(`✓ ${f.file}（${kindLabel(f.kind)}）${f.notice ? `通知:${f.notice.title}` : `${f.cases.length} 个案例`}`);
        for (const w of f.warnings) io.out(`  ⚠ ${w}`);
        for (const c of f.cases) {
          const place = [c.region.province, c.region.city, c.region.county].filter(Boolean).join(' ');
          io.out(`  · ${c.title}${c.subtitle ? ` ——${c.subtitle}` : ''}`);
          io.out(`    类别:${c.category ?? '—'}  地区:${place || '—'}  单位:${c.unit ?? '—'}  奖项:${c.award ?? '—'}`);
        }
      }
      for (const d of report.duplicates) if (!whole.has(d.file)) io.out(`= ${d.file}：《${d.title}》已在库中（${d.existingTitle}），未重复导入`);
      if (report.duplicates.length) io.out(`跳过 ${report.duplicates.length} 个已在库中的案例；确需再导入一份请加 --allow-duplicates`);
      for (const e of report.errors) io.err(`✗ ${e.file}: ${e.message}`);
      if (report.collectionId) {
        const title = api.context.store.listCollections().find((c) => c.id === report.collectionId)?.title;
        io.out(`汇编:${title ?? report.collectionId}  [${report.collectionId}]`);
      }
      const again = report.imported.filter((f) => whole.has(f.file) && f.cases.length === 0 && !f.notice).length;
      io.out(`导入 ${report.imported.length - again} 个文件,失败 ${report.errors.length} 个${again ? `,${again} 个此前已导入` : ''}`);
    }
    return report.imported.length === 0 ? 1 : 0;
  } finally {
    api.close();
  }
}

/** `import --awards FILE [--apply]`: match a list's items to the library and set their awards. */
async function cmdAwards(values: Values, io: Io): Promise<number> {
  const api = await openLibrary(values.db as string | undefined);
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

/** The local time of an import, to the minute, as the import preview prints it. */
function importedWhen(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${two(t.getHours())}:${two(t.getMinutes())}`;
}

/** The preview's sentence for a file imported before, with what became of it this time. */
export function knownLine(k: ImportReport['knownFiles'][number], allowDuplicates: boolean): string {
  const where = k.collection ? `到《${k.collection}》` : '';
  const named = k.importedAs !== k.file ? `（当时名为“${k.importedAs}”）` : '';
  const all = `${k.items > 1 ? `其中 ${k.items} 项` : '它的内容'}都已在库中`;
  const held = !k.held ? '其中的案例现已不在库中，将重新导入' : `${k.held === k.items ? all : `其中 ${k.held} 项已在库中`}，${allowDuplicates ? '将再导入一份' : '默认不再导入'}`;
  return `${k.file}：此文件已于 ${importedWhen(k.importedAt)} 导入${where}${named}，${held}。`;
}

function kindLabel(kind: string): string {
  return ({ 'case-list': '案例列表', feature: '专题', 'single-case': '单篇案例', notice: '通知', 'award-list': '获奖名单', review: '审阅稿' } as Record<string, string>)[kind] ?? kind;
}
