/**
 * `huibian proof`: the release gate's findings for the library, a collection or one
 * document — copy-editing and sensitivity alike — and `--apply` for the fix-severity ones.
 * Also how `huibian export` reports an export the gate stopped (exit status 3).
 */
import { ApiError } from '../api/schema.js';
import type { Finding, GateReport } from '../proof/index.js';
import { call, openLibrary } from './library.js';
import { showHelp } from './help.js';
import type { Io } from './io.js';
import { parseCommand, UsageError } from './usage.js';

/** Blocked exit status: an export (or release) cannot go ahead until someone decides. */
export const EXIT_BLOCKED = 3;

const SEVERITY: Record<Finding['severity'], string> = { fix: '修改', propose: '建议', warn: '注意', block: '待决定' };

function jsonFinding(f: Finding, titles: ReadonlyMap<string, string>) {
  return {
    document: f.document,
    title: titles.get(f.document) ?? null,
    rule: f.rule,
    severity: f.severity,
    text: f.text,
    suggestion: f.suggestion,
    context: f.context,
    message: f.message,
    clause: f.clause,
    ...(f.decision ? { decision: f.decision } : {}),
  };
}

function printFindings(findings: readonly Finding[], titles: ReadonlyMap<string, string>, io: Io): void {
  let last = '';
  for (const f of findings) {
    if (f.document !== last) {
      io.out(`${titles.get(f.document) ?? f.document}（${f.document}）`);
      last = f.document;
    }
    const to = f.suggestion === null ? '' : ` → “${f.suggestion}”`;
    const decided = f.decision ? `（已决定保留：${f.decision.reason}）` : '';
    io.out(`  [${SEVERITY[f.severity]}] ${f.message}：“${f.text}”${to}${decided}  …${f.context}…  ${f.rule}，${f.clause}`);
  }
}

export async function cmdProof(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand(
    'proof',
    args,
    { db: { type: 'string' }, collection: { type: 'string' }, document: { type: 'string' }, apply: { type: 'boolean' }, json: { type: 'boolean' } },
    { positionals: false },
  );
  const values = parsed.values as { db?: string; collection?: string; document?: string; apply?: boolean; json?: boolean; help?: boolean };
  if (values.help) return showHelp('proof', io);
  if (values.collection && values.document) throw new UsageError('proof', '--collection 和 --document 只能给一个');
  const api = await openLibrary(values.db);
  try {
    const store = api.context.store;
    let ids: string[];
    if (values.document) ids = [store.getDocument(values.document).document.id];
    else if (values.collection) {
      const all = store.listCollections();
      const hit = all.find((c) => c.id === values.collection) ?? all.find((c) => c.title === values.collection);
      if (!hit) {
        io.err(new UsageError('proof', `文库中没有“${values.collection}”这个汇编；文库中的汇编：${all.map((c) => `“${c.title}”`).join('、') || '（无）'}`).message);
        return 2;
      }
      ids = store.listDocuments({ collectionId: hit.id }).map((d) => d.id);
    } else ids = store.listDocuments().map((d) => d.id);

    let applied = 0;
    if (values.apply) {
      for (const id of ids) applied += (await call(api, 'proof.apply', { id, all: 'fix' })).applied.length;
    }
    const titles = new Map<string, string>();
    const findings: Finding[] = [];
    for (const id of ids) {
      const report = await call(api, 'proof.document', { id });
      titles.set(id, report.title);
      findings.push(...report.findings);
    }
    const blocking = findings.filter((f) => f.severity === 'block' && !f.decision);
    if (values.json) {
      io.out(JSON.stringify({ documents: ids.length, applied, findings: findings.map((f) => jsonFinding(f, titles)) }, null, 2));
    } else {
      printFindings(findings, titles, io);
      if (values.apply) io.out(`已应用 ${applied} 处规范性修改（每篇存为新的修订版本）。`);
      io.out(findings.length ? `共 ${ids.length} 篇，${findings.length} 处：${(await import('../proof/index.js')).summarize(findings)}` : `共 ${ids.length} 篇，未发现问题。`);
      if (blocking.length) io.out(`有 ${blocking.length} 处敏感信息待决定：在编辑器“校对”面板中选择遮盖或保留（写明理由）后再导出。`);
    }
    return blocking.length ? EXIT_BLOCKED : 0;
  } catch (error) {
    io.err(`huibian proof：${(error as Error).message}`);
    return 1;
  } finally {
    api.close();
  }
}

/** `huibian export` when the gate stopped it: the list (or the JSON report) and exit status 3. */
export function reportBlocked(error: ApiError, json: boolean, io: Io): number {
  const report = (error as ApiError & { report?: GateReport }).report;
  if (json) {
    const titles = new Map<string, string>(report?.decisions.map((d) => [d.document, d.title]) ?? []);
    io.out(JSON.stringify({ written: [], blocked: true, message: error.message, findings: (report?.blocking ?? []).map((f) => jsonFinding(f, titles)), summary: report?.summary ?? '' }, null, 2));
  }
  io.err(error.message);
  return EXIT_BLOCKED;
}
