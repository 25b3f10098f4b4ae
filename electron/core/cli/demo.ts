/** `huibian demo`: the bundled sample drafts imported into a fresh library and exported in every format. */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { libraryPath } from '../store/paths.js';
import { printResult } from './export.js';
import { showHelp } from './help.js';
import { importFiles } from './import.js';
import type { Io } from './io.js';
import { call, openLibrary } from './library.js';
import { parseCommand, UsageError } from './usage.js';

/** The product's own sample drafts (copied from the real corpus). */
export function samplesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.resolve(here, '../../../resources/samples'), path.resolve(process.cwd(), 'resources/samples')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('找不到随附的示例来稿（resources/samples）：应用的文件不完整，请重新安装或重新检出');
}

/** The demo imports these; the article comes in its GB18030 copy to show encoding detection. */
export const DEMO_FILES = [
  'zhongguominzheng-2022-02-feature.txt',
  'jining-2020-shortlist.txt',
  'jinshi-2018-article.gb18030.txt',
  'qufu-2020-notice.txt',
];
export const DEMO_COLLECTION = '2021年全省民政工作优秀创新案例汇编';

export async function cmdDemo(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('demo', args, { out: { type: 'string' } });
  if (values.help) return showHelp('demo', io);
  if (positionals.length) throw new UsageError('demo', `多余的参数“${positionals[0]}”：demo 只接受 --out DIR`);
  const outDir = path.resolve((values.out as string | undefined) ?? 'huibian-demo');
  await fs.mkdir(outDir, { recursive: true });
  const db = libraryPath(outDir);
  for (const suffix of ['', '-wal', '-shm']) await fs.rm(db + suffix, { force: true });
  const api = await openLibrary(db);
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
