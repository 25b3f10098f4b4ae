/**
 * `huibian status`: moves cases through the lifecycle 初稿 → 修改 → 定稿 → 已报送 from the
 * command line, through the same API method as the app (documents.setStatus), so each change
 * is logged with who and why and takes a revision snapshot; without a status it prints the
 * case's status and its history.
 */
import { parseArgs } from 'node:util';
import { ApiError, type ApiResults } from '../api/schema.js';
import { STATUS_LABELS, STATUSES } from '../model/schema.js';
import type { CaseStatus } from '../model/types.js';
import { openLibrary } from './library.js';
import type { Io } from './main.js';

export const STATUS_HELP = `usage: huibian status [--db FILE] --document ID [--document ID …] [STATUS] [--reason TEXT] [--by NAME] [--json]

Sets the status of one or more cases: draft|初稿, review|修改, final|定稿, submitted|已报送.
定稿 and 已报送 lock a case's text and metadata; reopening one (setting 初稿 or 修改) needs --reason.
Every change is logged (who, when, why) and keeps a revision. Without STATUS: prints the
case's status and its history.
  --db FILE      library file (default: the app's library)
  --document ID  a case (repeat for several; all change or none)
  --reason TEXT  why (required to reopen a locked case)
  --by NAME      who (default: the reviewer name of the settings, else 编辑)
  --json         print {changed, skipped} or {status, history} as JSON
Exit status 1 when the change was refused (the message says why), 2 on a usage error.`;

/** "定稿" or "final" → 'final'. */
export function parseStatus(value: string): CaseStatus | null {
  const v = value.trim();
  if ((STATUSES as readonly string[]).includes(v)) return v as CaseStatus;
  const found = Object.entries(STATUS_LABELS).find(([, label]) => label === v);
  return found ? (found[0] as CaseStatus) : null;
}

export async function cmdStatus(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        document: { type: 'string', multiple: true },
        reason: { type: 'string' },
        by: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`huibian status: ${(error as Error).message}\n\n${STATUS_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(STATUS_HELP);
    return 0;
  }
  const ids = values.document ?? [];
  if (ids.length === 0 || positionals.length > 1) {
    io.err(`huibian status: ${ids.length === 0 ? '请用 --document 指定案例' : `多余的参数 ${positionals[1]}`}\n\n${STATUS_HELP}`);
    return 2;
  }
  const status = positionals[0] === undefined ? null : parseStatus(positionals[0]);
  if (positionals[0] !== undefined && !status) {
    io.err(`huibian status: 未知的状态“${positionals[0]}”：可用 ${STATUSES.map((s) => `${s}|${STATUS_LABELS[s]}`).join('、')}`);
    return 2;
  }
  const api = openLibrary(values.db);
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
    const result = await call('documents.setStatus', { ids, status, ...(values.reason ? { reason: values.reason } : {}), ...(values.by ? { by: values.by } : {}) });
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
      io.err(`huibian status: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    api.close();
  }
}
