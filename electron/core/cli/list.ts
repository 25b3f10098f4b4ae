/** `huibian list` and `huibian search`: what the library holds, and full-text search over it. */
import type { ApiResults, SearchHit } from '../api/schema.js';
import { showHelp } from './help.js';
import type { Io } from './io.js';
import { call, openLibrary } from './library.js';
import { parseCommand, UsageError } from './usage.js';

export async function cmdList(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand('list', args, { db: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) return showHelp('list', io);
  const api = await openLibrary(values.db as string | undefined);
  try {
    const collections = await call(api, 'collections.list', {});
    const documents = await call(api, 'documents.list', {});
    if (values.json) {
      io.out(JSON.stringify({ collections, documents }, null, 2));
      return 0;
    }
    if (documents.length === 0) {
      io.out('文库是空的：先用 huibian import FILE... 导入来稿');
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

export async function cmdSearch(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('search', args, { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } });
  if (values.help) return showHelp('search', io);
  const q = positionals.join(' ').trim();
  if (!q) throw new UsageError('search', '请给出要检索的词语');
  const limit = values.limit ? Number(values.limit) : 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('search', `--limit 须是 1 到 500 之间的整数，收到的是“${String(values.limit)}”`);
  const api = await openLibrary(values.db as string | undefined);
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
