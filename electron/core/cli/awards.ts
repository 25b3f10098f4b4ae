/**
 * `huibian import --awards FILE`: reads an award or shortlist document and matches its items to
 * the library's cases (import/awards.ts), printing matched, near misses and unmatched items;
 * with --apply it sets the award of every matched case through documents.save, as the app's
 * "apply to the library" does. Nothing else in the library changes.
 */
import path from 'node:path';
import type { Api } from '../api/index.js';
import { call } from './library.js';
import type { AwardItem, AwardMatches } from '../import/awards.js';

export interface AwardsReport extends AwardMatches {
  file: string;
  /** Case ids whose award was set (with --apply). */
  applied: string[];
}

export async function applyAwards(api: Api, file: string, options: { collection?: string; apply?: boolean }): Promise<AwardsReport> {
  const abs = path.resolve(file);
  // Loaded here: the importers are not needed by the commands that never read a draft.
  const [{ importFile }, { matchAwards }] = await Promise.all([import('../import/index.js'), import('../import/awards.js')]);
  const read = await importFile({ name: path.basename(abs), path: abs });
  const items: AwardItem[] = read.cases.map((c) => ({ title: c.meta.title, subtitle: c.meta.subtitle ?? null, unit: c.meta.unit ?? null, region: c.meta.region ?? null, award: c.meta.award ?? null }));
  if (items.length === 0) {
    throw new Error(`“${path.basename(abs)}”中没有找到获奖或入选名单的条目；请确认这是一份名单文件。 No list items were found in ${path.basename(abs)}.`);
  }
  let collectionId: string | undefined;
  if (options.collection) {
    const all = api.context.store.listCollections();
    collectionId = (all.find((c) => c.title === options.collection) ?? all.find((c) => c.id === options.collection))?.id;
    if (!collectionId) throw new Error(`没有名为“${options.collection}”的汇编。 No collection named ${options.collection}.`);
  }
  const docs = (await call(api, 'documents.list', collectionId ? { collectionId } : {})).filter((d) => d.kind === 'case');
  const result = matchAwards(
    items,
    docs.map((d) => ({ id: d.id, title: d.title, subtitle: d.subtitle, unit: d.unit, region: d.region, award: d.award })),
  );
  const applied: string[] = [];
  if (options.apply) {
    for (const m of result.matched) {
      if (!m.item.award) continue;
      await call(api, 'documents.save', { id: m.caseId, meta: { award: m.item.award } });
      applied.push(m.caseId);
    }
  }
  return { file: path.basename(abs), ...result, applied };
}

export function printAwards(report: AwardsReport, out: (line: string) => void, applied: boolean): void {
  out(`名单“${report.file}”：匹配 ${report.matched.length} 条，待确认 ${report.nearMisses.length} 条，未匹配 ${report.unmatched.length} 条`);
  for (const m of report.matched) out(`✓ ${m.item.title} → 《${m.caseTitle}》 [${m.caseId}] ${m.item.award ?? ''}（${m.reasons.join('，')}）`);
  for (const m of report.nearMisses) out(`? ${m.item.title} ≈ 《${m.caseTitle}》 [${m.caseId}]（${m.reasons.join('，')}）`);
  for (const u of report.unmatched) out(`✗ ${u.title}${u.unit ? `（${u.unit}）` : ''}：库中没有相近的案例`);
  if (applied) out(`已为 ${report.applied.length} 个案例设置奖项`);
  else if (report.matched.length) out('加 --apply 为匹配的案例设置奖项');
}
