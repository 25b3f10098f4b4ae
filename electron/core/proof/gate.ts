/**
 * The release gate: the whole rule book over what is about to be exported. Undecided
 * sensitive findings block; warnings, decisions and what is left to look at go into the
 * export report beside the font and picture warnings.
 */
import type { HuibianDocument } from '../model/types.js';
import type { ExportWarning } from '../export/report.js';
import type { Finding, ProofDecision, Segment } from './types.js';
import { documentFindings, summarize, withDecisions } from './engine.js';
import { createHash } from 'node:crypto';
import { RULE_BOOK_VERSION, RULE_INFO } from './rules.js';
import { segments } from './segments.js';
import type { FindingsCache } from './cache.js';

export interface GateReport {
  documents: number;
  findings: Finding[];
  /** Sensitive findings nobody has decided on: the export stops. */
  blocking: Finding[];
  /** Decisions recorded for the documents exported, with their document. */
  decisions: Array<ProofDecision & { document: string; title: string }>;
  summary: string;
  ms: number;
  /** Documents whose findings came from the cache, unchanged since they were last proofed. */
  cached: number;
}

/** What the rules read of a document (its segments: kinds, levels, roles, text) under this rule book. */
export function findingsKey(all: readonly Segment[]): string {
  return createHash('sha1').update(`${RULE_BOOK_VERSION}\n`).update(JSON.stringify(all)).digest('base64');
}

/** A document's findings from the cache when its segments are unchanged, else proofed (and put in the cache). */
function findingsOf(doc: HuibianDocument, cache: FindingsCache | undefined): { findings: Finding[]; hit: boolean } {
  if (!cache) return { findings: documentFindings(doc), hit: false };
  const all = segments(doc);
  const key = findingsKey(all);
  const kept = cache.get(doc.id, key);
  if (kept) return { findings: kept, hit: true };
  const findings = documentFindings(doc, all);
  cache.put(doc.id, key, findings);
  return { findings, hit: false };
}

export function proofCollection(
  docs: readonly HuibianDocument[],
  decisions: ReadonlyMap<string, readonly ProofDecision[]> = new Map(),
  cache?: FindingsCache,
): GateReport {
  const started = performance.now();
  const findings: Finding[] = [];
  const recorded: GateReport['decisions'] = [];
  let cached = 0;
  for (const doc of docs) {
    const own = decisions.get(doc.id) ?? [];
    const found = findingsOf(doc, cache);
    if (found.hit) cached++;
    for (const f of withDecisions(found.findings, own)) findings.push(f);
    for (const d of own) recorded.push({ ...d, document: doc.id, title: doc.meta.title });
  }
  cache?.flush();
  const blocking = findings.filter((f) => f.severity === 'block' && !f.decision);
  return { documents: docs.length, findings, blocking, decisions: recorded, summary: summarize(findings), ms: Math.round(performance.now() - started), cached };
}

/** Chinese refusal naming each blocking finding, for the export error and the CLI. */
export function blockingMessage(report: GateReport, titles: ReadonlyMap<string, string>): string {
  const lines = report.blocking.slice(0, 20).map((f) => `  · ${titles.get(f.document) ?? f.document}：${RULE_INFO.get(f.rule)?.title ?? f.rule}“${f.text}”（${f.context}）`);
  const more = report.blocking.length > 20 ? `\n  …另有 ${report.blocking.length - 20} 处` : '';
  return `导出已停止：有 ${report.blocking.length} 处敏感信息尚未决定。请在“校对”面板中逐条选择遮盖或保留（并写明理由），或运行 huibian proof 查看，然后重新导出。\n${lines.join('\n')}${more}`;
}

/** What the export report shows of the gate: warnings, kept sensitive data, what is left open. */
export function gateWarnings(report: GateReport, titles: ReadonlyMap<string, string>): ExportWarning[] {
  const out: ExportWarning[] = [];
  for (const f of report.findings) {
    const title = titles.get(f.document) ?? f.document;
    if (f.severity === 'warn') out.push({ kind: `proof:${f.rule}`, message: `${f.message}（${f.context}）：请在编辑器中核对。`, document: f.document, title });
    else if (f.decision) out.push({ kind: `proof:${f.rule}`, message: `已决定保留${RULE_INFO.get(f.rule)?.title ?? ''}“${f.text}”：${f.decision.reason}（${f.decision.decidedAt.slice(0, 10)}）。`, document: f.document, title });
  }
  const open = report.findings.filter((f) => f.severity === 'fix' || f.severity === 'propose');
  if (open.length) {
    out.push({ kind: 'proof:open', message: `还有 ${open.length} 处校对建议未处理（${summarize(open)}）：可在编辑器“校对”面板中逐条处理，或运行 huibian proof --apply 应用规范性修改。` });
  }
  for (const d of report.decisions.filter((d) => d.action === 'mask')) {
    out.push({ kind: 'proof:masked', message: `已遮盖${RULE_INFO.get(d.rule)?.title ?? ''}：${d.reason}（${d.decidedAt.slice(0, 10)}）。`, document: d.document, title: d.title });
  }
  return out;
}
