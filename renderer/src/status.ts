/** The case lifecycle as the UI names it (issue 10): 初稿 → 修改 → 定稿 → 已报送. */
import type { CaseStatus } from '../../electron/core/model/types.js';

export const STATUS_ORDER: CaseStatus[] = ['draft', 'review', 'final', 'submitted'];
export const STATUS_LABEL: Record<CaseStatus, string> = { draft: '初稿', review: '修改', final: '定稿', submitted: '已报送' };
/** Statuses whose text and metadata are locked until the case is reopened. */
export const LOCKED_STATUSES: ReadonlySet<string> = new Set(['final', 'submitted']);
export function statusLabel(status: string | null | undefined): string {
  return STATUS_LABEL[(status ?? 'draft') as CaseStatus] ?? String(status);
}
