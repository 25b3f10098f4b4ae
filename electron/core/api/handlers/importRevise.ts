/**
 * import.revise: the editor corrects the shape the importer gave a file, in the preview, before
 * anything is stored — its kind (单篇案例 / 案例名单 / 通知公文 / 获奖名单), two neighbouring cases
 * merged into one or one split in two, a line dropped as page furniture put back into a case.
 * The pending preview is changed in place, its proof read again for that file, and the whole
 * preview (same id) returned; the next commit stores what the editor now sees.
 */
import type { ImportedCase, ImportedFile } from '../../model/imported.js';
import type { Block, NoticeDocument } from '../../model/types.js';
import { blocksText } from '../../model/text.js';
import { previewProofAndFixes } from '../../proof/importing.js';
import type { ApiContext } from '../context.js';
import { ApiError, type ApiInput, type ImportAwardMatches, type ImportPreview } from '../schema.js';
import type { AwardItem } from '../../import/awards.js';
import { caseFingerprint } from '../../store/fingerprint.js';

type Change = ApiInput<'import.revise'>['change'];

/** The notice (and the cases it listed) a case was made from by a change of kind. */
const asCaseOf = new WeakMap<ImportedCase, { notice: Omit<NoticeDocument, 'id'>; cases: ImportedCase[] }>();

/** How many dropped lines were put back at the top of a case, so the next goes after them. */
const restoredLines = new WeakMap<object, number>();

const text = (s: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text: s }] });
const heading = (s: string): Block => ({ type: 'heading', level: 2, content: [{ type: 'text', text: s }] });

/** The first words of a block, as a title for the case split off from it. */
function titleOf(block: Block | undefined): string {
  const words = block ? blocksText([block]).split('\n').find((l) => l.trim())?.trim() ?? '' : '';
  const sentence = words.split(/[。！？]/u)[0] ?? words;
  return (sentence.length > 60 ? `${sentence.slice(0, 60)}…` : sentence) || '（无标题）';
}

/**
 * The store's fingerprints of what a case was drafted as: the same file imported again gives
 * those cases, not the one the preview made of them (ImportedCase.drafted).
 */
function draftedOf(c: ImportedCase): string[] {
  return c.drafted ?? [caseFingerprint(c.meta.title ?? '', c.body)];
}

function caseOf(file: ImportedFile, index: number): ImportedCase {
  const c = file.cases[index];
  if (!c) throw new ApiError('invalid-input', `“${file.file}”里没有第 ${index + 1} 个案例：请重新预览后再修改。`);
  return c;
}

/**
 * The case a merge folded in, by the heading its title became: split again at that heading, it
 * comes back as it was read (unit, award, category), not as a bare title.
 */
const foldedAt = new WeakMap<Block, ImportedCase>();

/** `second` appended to `first`: its title becomes a heading in the text, its captions follow. */
function merged(first: ImportedCase, second: ImportedCase): ImportedCase {
  const meta = { ...first.meta };
  for (const key of ['region', 'unit', 'award', 'category'] as const) if (!meta[key] && second.meta[key]) (meta as Record<string, unknown>)[key] = second.meta[key];
  const title = second.meta.title ? heading(second.meta.title) : null;
  if (title) foldedAt.set(title, second);
  return {
    meta,
    body: [...first.body, ...(title ? [title] : []), ...second.body],
    sections: [...first.sections, ...second.sections],
    captions: [...first.captions, ...second.captions],
    drafted: [...new Set([...draftedOf(first), ...draftedOf(second)])],
  };
}

function noticeBlocks(notice: Omit<NoticeDocument, 'id'>): Block[] {
  return [...notice.body, ...notice.attachments.flatMap((a) => [heading(a.title), ...a.blocks])];
}

function revised(file: ImportedFile, change: Change): ImportedFile {
  const out: ImportedFile = { ...file, cases: [...file.cases], dropped: [...file.dropped] };
  switch (change.op) {
    case 'merge': {
      const first = caseOf(file, change.case);
      const second = file.cases[change.case + 1];
      if (!second) throw new ApiError('invalid-input', `第 ${change.case + 1} 个案例已是“${file.file}”的最后一个，没有下一个可以合并。`);
      out.cases.splice(change.case, 2, merged(first, second));
      return out;
    }
    case 'split': {
      const c = caseOf(file, change.case);
      if (change.block < 1 || change.block >= c.body.length) {
        throw new ApiError('invalid-input', `第 ${change.case + 1} 个案例只能在第 2 到第 ${c.body.length} 段之间拆分（收到第 ${change.block + 1} 段）。`);
      }
      const rest = c.body.slice(change.block);
      // A heading where the cut falls is the new case's title, not a line of its text.
      const lead = rest[0]!.type === 'heading' ? rest.shift() : undefined;
      const title = change.title?.trim() || titleOf(lead ?? rest[0]);
      const restText = blocksText(rest);
      const captions = c.captions.filter((cap) => restText.includes(cap));
      const folded = lead ? foldedAt.get(lead) : undefined;
      const second: ImportedCase = folded
        ? { ...folded, meta: { ...folded.meta, ...(change.title?.trim() ? { title } : {}) }, body: rest, captions }
        : { meta: { title, region: c.meta.region ?? null, year: c.meta.year ?? null, sourceFile: c.meta.sourceFile ?? null }, body: rest, sections: [], captions };
      if (folded && restText !== blocksText(folded.body)) {
        delete second.fingerprint;
        second.drafted = draftedOf(c);
      } else if (!folded) second.drafted = draftedOf(c);
      const { fingerprint: _old, ...kept } = c;
      void _old;
      // Split back intact where a merge folded a case in, that case takes its own prints with it:
      // left with the first, a file imported again found the second case by them under the
      // first one's title (a re-import of the shortlist named 泗水's case as 邹城's twin).
      const intact = folded && restText === blocksText(folded.body);
      const own = intact ? draftedOf(c).filter((h) => !draftedOf(folded).includes(h)) : [];
      const firstDrafted = own.length ? own : draftedOf(c);
      out.cases.splice(change.case, 1, { ...kept, body: c.body.slice(0, change.block), captions: c.captions.filter((cap) => !captions.includes(cap)), drafted: firstDrafted }, second);
      return out;
    }
    case 'restore': {
      const line = file.dropped[change.line];
      if (line === undefined) throw new ApiError('invalid-input', `“${file.file}”的已去除杂项里没有第 ${change.line + 1} 行：请重新预览后再恢复。`);
      if (change.case === undefined) {
        if (!file.notice) throw new ApiError('invalid-input', `“${file.file}”没有通知正文：请指明把这一行恢复到哪个案例。`);
        const n = file.notice;
        const at = Math.min(n.body.length, restoredLines.get(n) ?? 0);
        // The notice keeps its print as drafted, as a case does: the library knows it by it, now and when the file comes again.
        const back = { ...n, body: [...n.body.slice(0, at), text(line), ...n.body.slice(at)], drafted: n.drafted ?? [caseFingerprint(n.meta.title, n.body)] };
        restoredLines.set(back, at + 1);
        out.notice = back;
        out.dropped.splice(change.line, 1);
        return out;
      }
      const c = caseOf(file, change.case);
      // Lines go back before the case's text, in the order they were put back (the list is in page order).
      const at = Math.min(c.body.length, restoredLines.get(c) ?? 0);
      const back: ImportedCase = { ...c, body: [...c.body.slice(0, at), text(line), ...c.body.slice(at)], drafted: draftedOf(c) };
      delete back.fingerprint;
      restoredLines.set(back, at + 1);
      out.cases[change.case] = back;
      out.dropped.splice(change.line, 1);
      return out;
    }
    case 'kind': {
      const to = change.kind;
      if (to === 'notice') {
        if (file.notice) return { ...out, kind: 'notice' };
        // A notice made a case a moment ago, unchanged since: it comes back with its fields (发文字号, 主送 …).
        const was = file.cases.length >= 1 ? asCaseOf.get(file.cases[0]!) : undefined;
        if (was) return { ...out, kind: 'notice', notice: was.notice, cases: was.cases };
        const first = file.cases[0];
        const title = (file.cases.length === 1 ? first?.meta.title : file.info.title ?? first?.meta.title) || file.file.replace(/\.[^.]+$/, '');
        const body = file.cases.flatMap((c, i) => [...(file.cases.length > 1 || i > 0 ? [heading(c.meta.title)] : []), ...c.body]);
        const notice: Omit<NoticeDocument, 'id'> = {
          kind: 'notice',
          meta: { title, region: first?.meta.region ?? null, year: first?.meta.year ?? null, date: file.info.date ?? null, sourceFile: file.file },
          body: body.length ? body : [text(title)],
          attachments: [],
        };
        return { ...out, kind: 'notice', notice, cases: [] };
      }
      // From a notice: its text (and attachments) become one case, unless it already listed cases.
      if (file.notice) {
        const n = file.notice;
        const own: ImportedCase = {
          meta: { title: n.meta.title, region: n.meta.region ?? null, year: n.meta.year ?? null, date: n.meta.date ?? null, sourceFile: n.meta.sourceFile ?? file.file, unit: n.meta.issuer ?? n.meta.organ ?? null },
          body: noticeBlocks(n),
          sections: [],
          captions: [],
          drafted: [caseFingerprint(n.meta.title, n.body)],
        };
        out.notice = null;
        if (!out.cases.length || to === 'single-case') out.cases = [own, ...out.cases];
        if (out.cases[0] === own) asCaseOf.set(own, { notice: n, cases: file.cases });
      }
      if (to === 'single-case' && out.cases.length > 1) {
        const all = out.cases.slice(1).reduce(merged, out.cases[0]!);
        out.cases = [{ ...all, meta: { ...all.meta, title: file.info.title || all.meta.title } }];
        if (file.info.title && file.info.title !== out.cases[0]!.meta.title) out.cases[0]!.body = [heading(file.cases[0]!.meta.title), ...out.cases[0]!.body];
      }
      return { ...out, kind: to };
    }
  }
}

export function reviseImport(ctx: ApiContext, input: ApiInput<'import.revise'>): ImportPreview {
  const pending = ctx.previews.peek(input.previewId);
  if (!pending) throw new ApiError('not-found', '这次导入预览已过期或已经导入过：请重新选择文件预览后再修改。');
  const file = pending.files[input.file];
  if (!file) throw new ApiError('invalid-input', `这次预览里没有第 ${input.file + 1} 个文件：请重新预览后再修改。`);
  const next = revised(file, input.change);
  const { proofs, fixed } = previewProofAndFixes([next]);
  // New arrays, not writes into the old: an in-process caller keeps the preview it was given as it was.
  pending.files = pending.files.map((f, i) => (i === input.file ? next : f));
  if (pending.fixed) pending.fixed = pending.fixed.map((f, i) => (i === input.file ? fixed[0]! : f));
  pending.proofs = [...(pending.proofs ?? []).filter((p) => p.file !== input.file), { ...proofs[0]!, file: input.file }].sort((a, b) => a.file - b.file);
  return {
    previewId: input.previewId,
    files: pending.files,
    errors: pending.errors ?? [],
    duplicates: ctx.store.importDuplicates(pending.files),
    ...(() => {
      const known = ctx.store.importKnownFiles(pending.files);
      return known.length ? { knownFiles: known } : {};
    })(),
    ...(pending.reviews.length ? { reviews: pending.reviews } : {}),
    proof: pending.proofs,
  };
}

/**
 * import.awards: an award or shortlist file of the preview against the library's cases
 * (import/awards.ts: title similarity with unit and region agreement). Each item by its case
 * index in the file: matched (its award can be set on the case), a near miss (for the editor to
 * confirm), or unmatched (it can still be imported as a title-only case). Nothing is written.
 */
export async function matchPreviewAwards(ctx: ApiContext, input: ApiInput<'import.awards'>): Promise<ImportAwardMatches> {
  const pending = ctx.previews.peek(input.previewId);
  if (!pending) throw new ApiError('not-found', '这次导入预览已过期或已经导入过：请重新选择文件预览后再对照。');
  const file = pending.files[input.file];
  if (!file) throw new ApiError('invalid-input', `这次预览里没有第 ${input.file + 1} 个文件：请重新预览后再对照。`);
  if (!file.cases.length) throw new ApiError('invalid-input', `“${file.file}”里没有名单条目可以对照：请先把它的类型改为获奖名单或案例名单。`);
  const { matchAwards } = await import('../../import/awards.js');
  const items: AwardItem[] = file.cases.map((c) => ({ title: c.meta.title, subtitle: c.meta.subtitle ?? null, unit: c.meta.unit ?? null, region: c.meta.region ?? null, award: c.meta.award ?? null }));
  const docs = ctx.store.listDocuments({ collectionId: input.collectionId }).filter((d) => d.kind === 'case');
  const result = matchAwards(items, docs.map((d) => ({ id: d.id, title: d.title, subtitle: d.subtitle, unit: d.unit, region: d.region, award: d.award })));
  const row = (m: (typeof result.matched)[number]) => {
    const doc = docs.find((d) => d.id === m.caseId);
    return { case: items.indexOf(m.item), award: m.item.award ?? null, caseId: m.caseId, caseTitle: m.caseTitle, caseAward: doc?.award ?? null, score: m.score, reasons: m.reasons };
  };
  return { matched: result.matched.map(row), nearMisses: result.nearMisses.map(row), unmatched: result.unmatched.map((u) => items.indexOf(u)) };
}
