/**
 * `huibian status`: moves cases through the lifecycle 初稿 → 修改 → 定稿 → 已报送 from the
 * command line, through the same API method as the app (documents.setStatus), so each change
 * is logged with who and why and takes a revision snapshot; without a status it prints the
 * case's status and its history.
 */
import { ApiError, type ApiResults } from '../api/schema.js';
import { STATUS_LABELS, STATUSES } from '../model/schema.js';
import type { CaseStatus } from '../model/types.js';
import { openLibrary } from './library.js';
import { showHelp } from './help.js';
import type { Io } from './io.js';
import { parseCommand, UsageError } from './usage.js';

/** "定稿" or "final" → 'final'. */
export function parseStatus(value: string): CaseStatus | null {
  const v = value.trim();
  if ((STATUSES as readonly string[]).includes(v)) return v as CaseStatus;
  const found = Object.entries(STATUS_LABELS).find(([, label]) => label === v);
  return found ? (found[0] as CaseStatus) : null;
}

export async function cmdStatus(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('status', args, {
    db: { type: 'string' },
    document: { type: 'string', multiple: true },
    reason: { type: 'string' },
    by: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return showHelp('status', io);
  const ids = (values.document ?? []) as string[];
  if (ids.length === 0) throw new UsageError('status', '请用 --document ID 指定案例');
  if (positionals.length > 1) throw new UsageError('status', `多余的参数“${positionals[1]}”：只能给一个状态`);
  const status = positionals[0] === undefined ? null : parseStatus(positionals[0]);
  if (positionals[0] !== undefined && !status) {
    throw new UsageError('status', `没有“${positionals[0]}”这个状态：可用 ${STATUSES.map((s) => `${s}|${STATUS_LABELS[s]}`).join('、')}`);
  }
  const reason = values.reason as string | undefined;
  const by = values.by as string | undefined;
  const api = await openLibrary(values.db as string | undefined);
  const call = async <M extends keyof ApiResults>(method: M, input: unknown) => (await api.dispatch(method, input)) as ApiResults[M];
  try {
    if (!status) {
      const out = [];
      for (const id of ids) {
        const doc = await call('documents.get', { id });
        const meta = doc.document.meta as { status?: CaseStatus };
        out.push({ id, title: doc.document.meta.title, status: meta.status ?? 'draft', history: await call('documents.statusHistory', { id }) });
      }
      if (values.json) io.out(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
      else {
        for (const d of out) {
          io.out(`《${d.title}》 ${STATUS_LABELS[d.status]}  [${d.id}]`);
          for (const h of d.history) io.out(`  ${h.at}  ${STATUS_LABELS[h.from]} → ${STATUS_LABELS[h.to]}  ${h.who}${h.reason ? `：${h.reason}` : ''}`);
        }
      }
      return 0;
    }
    const result = await call('documents.setStatus', { ids, status, ...(reason ? { reason } : {}), ...(by ? { by } : {}) });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      for (const d of result.changed) io.out(`✓ 《${d.title}》 → ${STATUS_LABELS[status]}`);
      const same = result.skipped.filter((s) => s.reason === 'unchanged').length;
      const notices = result.skipped.filter((s) => s.reason === 'notice').length;
      if (same) io.out(`${same} 个案例原本就是${STATUS_LABELS[status]}，未改动`);
      if (notices) io.out(`${notices} 篇是通知：通知没有审定状态，未改动`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ApiError) {
      io.err(`huibian status：${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    api.close();
  }
}
