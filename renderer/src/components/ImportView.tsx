/**
 * Import: what the importer found in each file (kind, cases with region, category, unit and
 * award, dropped page furniture, captions, warnings), correctable before anything is stored:
 * the region through the division picker, the other fields in place, and each case's text
 * can be read before committing. The file's shape is corrected through import.revise (its
 * kind, two cases merged, one split at a paragraph, a dropped line put back), which returns
 * the preview as it now stands. Commit sends only the field corrections (`edits`) with the
 * preview id. A file whose cases the library already holds says so at its head.
 */
import { Fragment, useMemo, useState, type JSX } from 'react';
import type { ApiInput, CollectionSummary, ImportPreview } from '../../../electron/core/api/schema.js';
import type { Region } from '../../../electron/core/model/types.js';
import { blocksText } from '../../../electron/core/model/text.js';
import { api } from '../api/client.js';
import { quoted } from '../api/errors.js';
import type { ReportError } from './App.js';
import { RegionPicker, regionLabel } from './RegionPicker.js';
import { AwardMatches } from './AwardMatches.js';

export interface ImportViewProps {
  preview: ImportPreview;
  collections: CollectionSummary[];
  categories: string[];
  onDone: (collectionId: string, firstDocumentId: string | null) => void;
  onCancel: () => void;
  onError: ReportError;
  /** Reads these files again in simplified characters (a new preview: corrections made so far are not kept). */
  onConvert?: (files: string[]) => void;
  /** Files of this preview already read in simplified characters. */
  converted?: readonly string[];
}

const KIND_LABEL: Record<string, string> = { 'case-list': '案例名单', feature: '杂志专题', 'single-case': '单篇案例', notice: '通知公文', 'award-list': '获奖名单' };
/** The kinds an editor can give a file (a magazine feature is only ever read as one). */
const KIND_CHOICES = ['single-case', 'case-list', 'notice', 'award-list'] as const;
type Revision = ApiInput<'import.revise'>['change'];

type CaseEdit = { exclude?: boolean; category?: string; title?: string; region?: Region; unit?: string; award?: string; /** Its award went onto a library case (AwardMatches): left out for that reason. */ awarded?: boolean };

/**
 * An importer's refusal as an editor reads it: the Chinese sentence without the file name it
 * repeats. The core has already put the English technical sentence into `detail` (shown behind
 * 详情), so nothing is split here.
 */
function readableFailure(file: string, message: string): string {
  const own = `“${file}”`;
  return message.startsWith(own) ? message.slice(own.length) : message;
}

/** Corrections keyed "file:case" after a revision moved the file's cases. */
function remapEdits<T>(all: Record<string, T>, file: number, change: Revision): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(all)) {
    const [f, c] = key.split(':').map(Number) as [number, number];
    if (f !== file) {
      out[key] = value;
      continue;
    }
    if (change.op === 'kind') continue;
    if (change.op === 'merge') {
      if (c <= change.case) out[key] = value;
      else if (c > change.case + 1) out[`${f}:${c - 1}`] = value;
    } else if (change.op === 'split') out[`${f}:${c > change.case ? c + 1 : c}`] = value;
    else out[key] = value;
  }
  return out;
}

/** An ISO time as the editor reads it: local date and minute. */
function importedWhen(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${two(t.getHours())}:${two(t.getMinutes())}`;
}

export function ImportView({ preview: first, collections, categories, onDone, onCancel, onError, onConvert, converted = [] }: ImportViewProps): JSX.Element {
  const [preview, setPreview] = useState(first);
  const [revising, setRevising] = useState(false);
  const [restoreTo, setRestoreTo] = useState<Record<number, number>>({});
  /** Files whose proofing fixes the editor chose not to apply at commit. */
  const [unfixed, setUnfixed] = useState<ReadonlySet<number>>(new Set());
  const firstTitle = preview.files.find((f) => f.info.title)?.info.title ?? preview.files[0]?.file.replace(/\.[^.]+$/, '') ?? '新汇编';
  const [target, setTarget] = useState<string>('new');
  const [title, setTitle] = useState(firstTitle);
  const [edits, setEdits] = useState<Record<string, CaseEdit>>({});
  const [reading, setReading] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [allowDuplicates, setAllowDuplicates] = useState(false);
  const duplicates = preview.duplicates ?? [];
  const duplicateOf = (file: number, index: number | null) => duplicates.find((d) => d.fileIndex === file && d.case === index);
  const caseCount = useMemo(() => preview.files.reduce((n, f) => n + f.cases.length, 0), [preview]);
  const noticeCount = preview.files.filter((f) => f.notice).length;
  const chosen = useMemo(
    () =>
      preview.files.reduce((n, f, fi) => n + f.cases.filter((_, ci) => !edits[`${fi}:${ci}`]?.exclude && (allowDuplicates || !duplicateOf(fi, ci))).length, 0) +
      preview.files.filter((f, fi) => f.notice && (allowDuplicates || !duplicateOf(fi, null))).length,
    [preview, edits, allowDuplicates],
  );
  const reviewCount = preview.reviews?.length ?? 0;
  const nothing = chosen === 0 && reviewCount === 0;
  const failed = preview.errors.length;
  // Every file refused: the header says so rather than "0 个文件", and the reasons follow below.
  const unread = failed > 0 && preview.files.length === 0 && reviewCount === 0;
  const readCount = preview.files.length + reviewCount;
  const summary = unread
    ? failed === 1
      ? `“${preview.errors[0]!.file}”未能读入，原因见下`
      : `${failed} 个文件均未能读入，各自的原因见下`
    : `${readCount + failed} 个文件${failed ? `（${failed} 个未能读入）` : ''}，识别出 ${caseCount} 个案例${noticeCount ? `、${noticeCount} 份通知` : ''}${reviewCount ? `、${reviewCount} 份审阅稿` : ''}，将导入 ${chosen} 项`;

  const revise = async (file: number, change: Revision, what: string) => {
    setRevising(true);
    try {
      const next = await api('import.revise', { previewId: preview.previewId, file, change });
      setEdits((e) => remapEdits(e, file, change));
      if (change.op !== 'restore') setReading(change.op === 'split' ? `${file}:${change.case}` : null);
      setPreview(next);
    } catch (e) {
      onError(e, { action: what, subject: `“${preview.files[file]?.file ?? ''}”` });
    } finally {
      setRevising(false);
    }
  };

  const edit = (file: number, index: number, patch: CaseEdit) => setEdits((e) => ({ ...e, [`${file}:${index}`]: { ...e[`${file}:${index}`], ...patch } }));

  const commit = async () => {
    if (nothing) return;
    setBusy(true);
    try {
      const list = Object.entries(edits).map(([key, e]) => {
        const [file, index] = key.split(':').map(Number);
        const meta: Record<string, unknown> = {};
        if (e.category !== undefined) meta.category = e.category || null;
        if (e.title !== undefined) meta.title = e.title.trim() || preview.files[file!]!.cases[index!]!.meta.title;
        if (e.region !== undefined) meta.region = e.region;
        if (e.unit !== undefined) meta.unit = e.unit.trim() || null;
        if (e.award !== undefined) meta.award = e.award.trim() || null;
        return { file: file!, case: index!, ...(Object.keys(meta).length ? { meta } : {}), ...(e.exclude ? { exclude: true } : {}) };
      });
      const result = await api('import.commit', {
        previewId: preview.previewId,
        ...(target === 'new' ? { newCollection: { title: title.trim() || firstTitle } } : { collectionId: target }),
        ...(list.length ? { edits: list as never } : {}),
        ...(allowDuplicates ? { allowDuplicates: true } : {}),
        ...(unfixed.size ? { proof: [...unfixed].map((file) => ({ file, accept: false })) } : {}),
      });
      const first = result.imported.find((i) => i.documentIds.length)?.documentIds[0] ?? null;
      onDone(result.collectionId, first);
    } catch (e) {
      onError(e, { action: '导入', subject: preview.files.map((f) => `“${f.file}”`).join('、') || '所选文件' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="import-view" aria-label="导入预览">
      <header className="view-head">
        <h2>导入预览</h2>
        <span className={unread ? 'warning' : 'muted'} role={unread ? 'status' : undefined}>{summary}</span>
      </header>
      {preview.errors.length > 0 && (
        <div className="error-box" role="alert">
          {preview.errors.map((e) => {
            const text = readableFailure(e.file, e.message);
            return (
              <div key={e.file} className="import-failure">
                <strong>“{e.file}”</strong>没有导入：{text}
                {e.detail && (
                  <details className="failure-detail">
                    <summary>详情</summary>
                    <code lang="en">{e.detail}</code>
                  </details>
                )}
              </div>
            );
          })}
        </div>
      )}
      <div className="import-target">
        {!unread && (
          <label>
            导入到
            <select value={target} onChange={(e) => setTarget(e.target.value)} aria-label="导入到">
              <option value="new">新建汇编</option>
              {collections.map((c) => (
                <option key={c.id} value={c.id}>{c.title}</option>
              ))}
            </select>
          </label>
        )}
        {!unread && target === 'new' && <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label="新汇编名称" className="wide" />}
        {duplicates.length > 0 && (
          <label className="check duplicates-choice">
            <input type="checkbox" checked={allowDuplicates} onChange={(e) => setAllowDuplicates(e.target.checked)} /> 仍然导入重复案例（{duplicates.length} 篇已在库中）
          </label>
        )}
        <button type="button" className="primary" disabled={busy || nothing} onClick={() => void commit()} aria-describedby={nothing ? 'import-nothing' : undefined}>{busy ? '正在导入…' : '确认导入'}</button>
        <button type="button" onClick={onCancel} disabled={busy}>取消</button>
        {nothing && (
          <span id="import-nothing" className="warning" role="status">
            {unread ? '没有读入任何文件，无可导入的内容：请按上面列出的原因修改文件后重新选择。' : Object.values(edits).some((e) => e.awarded) ? '名单条目已对应到库中的案例并设置了奖项，没有要新建的案例：点“取消”关闭预览。' : caseCount > 0 && duplicates.length > 0 && !allowDuplicates ? '这些案例都已在库中，默认不再导入。如确需再导入一份，请勾选“仍然导入重复案例”。' : caseCount === 0 ? `没有从${preview.files.map((f) => `“${f.file}”`).join('、')}中识别出案例，无可导入的内容。请检查文件内容后重新选择。` : '所有案例都已取消勾选：请至少勾选一个案例再导入。'}
          </span>
        )}
      </div>
      {busy && <progress className="progress" aria-label="导入进度" />}
      {preview.files.map((file, fi) => (
        <article key={fi} className="import-file">
          <h3>
            <span className="file-name">{file.file}</span>{' '}
            <select
              className="kind-select"
              value={file.kind}
              disabled={revising || busy}
              onChange={(ev) => void revise(fi, { op: 'kind', kind: ev.target.value as (typeof KIND_CHOICES)[number] }, '改为其他类型')}
              aria-label={`“${file.file}”的类型`}
              title="导入程序判断错了类型时，在这里改正"
            >
              {!KIND_CHOICES.includes(file.kind as never) && <option value={file.kind} disabled>{KIND_LABEL[file.kind] ?? '其他'}</option>}
              {KIND_CHOICES.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
            </select>{' '}
            <span className="muted">{file.format.toUpperCase()}{file.encoding ? ` · ${file.encoding}` : ''}</span>
          </h3>
          {(() => {
            // The same file (or the same cases) imported before: said once at the file's head, beside each case below.
            const items = file.cases.length + (file.notice ? 1 : 0);
            const held = duplicates.filter((d) => d.fileIndex === fi).length;
            // the very same bytes imported before: said with when and where, whatever became of its cases since
            const known = preview.knownFiles?.find((k) => k.fileIndex === fi);
            if (!held && !known) return null;
            const allHeld = `${items > 1 ? `其中 ${items} 项` : '它的内容'}都已在库中`;
            const some = held === items ? allHeld : `其中 ${held} 项已在库中`;
            return (
              <p className="file-duplicate" role="note">
                {known
                  ? `此文件已于 ${importedWhen(known.importedAt)} 导入${known.collectionTitle ? `到${quoted(known.collectionTitle)}` : ''}${known.importedAs !== file.file ? `（当时名为“${known.importedAs}”）` : ''}，${held ? some : '其中的案例现已不在库中'}`
                  : held === items ? `这个文件已经导入过：${allHeld}` : some}
                {!held ? '，将重新导入。' : allowDuplicates ? '，将再导入一份。' : '，默认不再导入。'}
              </p>
            );
          })()}
          {file.info.title && file.info.title !== file.notice?.meta.title && <p className="muted">标题：{file.info.title}{file.info.subtitle ? ` ${file.info.subtitle}` : ''}{file.info.publication ? ` · ${file.info.publication}` : ''}</p>}
          {file.warnings.map((w, i) => <p key={i} className="warning">⚠ {w}</p>)}
          {(() => {
            const proof = preview.proof?.find((p) => p.file === fi);
            if (!proof) return null;
            const docs = [...proof.cases, ...(proof.notice ? [proof.notice] : []), ...(proof.lead ? [proof.lead] : [])];
            const fixes = docs.reduce((n, d) => n + d.fixes.length, 0);
            const blocking = docs.reduce((n, d) => n + d.blocking.length, 0);
            if (!fixes && !blocking) return null;
            return (
              <p className="proof-line">
                {fixes > 0 && (
                  <label className="check">
                    <input type="checkbox" checked={!unfixed.has(fi)} disabled={busy} onChange={(ev) => setUnfixed((u) => { const n = new Set(u); if (ev.target.checked) n.delete(fi); else n.add(fi); return n; })} />
                    导入时应用 {fixes} 处标点和数字规范修改（原稿保留为第一版）
                  </label>
                )}
                {blocking > 0 && <span className="warning"> 另有 {blocking} 处敏感信息，导出前须逐一处理。</span>}
              </p>
            );
          })()}
          {file.script === 'traditional' && onConvert && !converted.includes(file.file) && (
            <p className="convert-choice">
              <button type="button" disabled={busy || revising} onClick={() => onConvert([file.file])} aria-label={`把“${file.file}”转换为简体`}>转换为简体</button>{' '}
              <span className="muted">按简体重新读入这个文件；在此之前所做的修改不保留。</span>
            </p>
          )}
          {file.kind === 'award-list' && file.cases.length > 0 && (
            <AwardMatches
              key={`${preview.previewId}-${fi}-${file.cases.length}`}
              previewId={preview.previewId}
              file={fi}
              fileName={file.file}
              titles={file.cases.map((c, ci) => edits[`${fi}:${ci}`]?.title ?? c.meta.title)}
              collectionId={target === 'new' ? null : target}
              disabled={revising || busy}
              onApplied={(cases) => setEdits((e) => Object.fromEntries([...Object.entries(e), ...cases.map((ci) => [`${fi}:${ci}`, { ...e[`${fi}:${ci}`], exclude: true, awarded: true }] as const)]))}
              onError={onError}
            />
          )}
          {file.notice && (() => {
            const n = file.notice;
            const key = `${fi}:notice`;
            const open = reading === key;
            const fields = [
              ['发文字号', n.meta.docNumber],
              ['发文机关', n.meta.organ],
              ['主送', n.meta.addressees],
              ['署名', n.meta.issuer],
              ['成文日期', n.meta.date?.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`)],
              ['附件', n.attachments.length ? `${n.attachments.length} 件` : null],
            ].filter((f): f is [string, string] => Boolean(f[1]));
            return (
              <div className="import-notice">
                <p>
                  <span className="tag">通知</span> <strong>{n.meta.title}</strong>{' '}
                  {duplicateOf(fi, null) && <span className="dup-note">已在库中：{quoted(duplicateOf(fi, null)!.existingTitle)}{allowDuplicates ? '（将再导入一份）' : '（不再导入）'}</span>}
                  <button type="button" aria-expanded={open} onClick={() => setReading(open ? null : key)} aria-label={`${open ? '收起' : '查看'}${quoted(n.meta.title)}的正文`}>{open ? '收起' : '查看'}</button>
                </p>
                {fields.length > 0 && (
                  <dl className="notice-fields">
                    {fields.map(([label, value]) => (
                      <Fragment key={label}><dt>{label}</dt><dd>{value}</dd></Fragment>
                    ))}
                  </dl>
                )}
                {open && (
                  <div className="case-text" role="region" aria-label={`${n.meta.title} 正文`} tabIndex={0}>
                    {blocksText(n.body).split('\n').filter((l) => l.trim()).map((line, i) => <p key={i}>{line}</p>)}
                    {n.attachments.map((a, ai) => (
                      <Fragment key={ai}>
                        <p className="attachment-title">附件{n.attachments.length > 1 ? ai + 1 : ''}：{a.title}</p>
                        {blocksText(a.blocks).split('\n').filter((l) => l.trim()).map((line, i) => <p key={i}>{line}</p>)}
                      </Fragment>
                    ))}
                  </div>
                )}
              </div>
            );
          })()}
          {file.cases.length > 0 && (
            <table className="import-cases">
              <thead>
                <tr><th scope="col">导入</th><th scope="col">#</th><th scope="col">标题</th><th scope="col">地区</th><th scope="col">业务领域</th><th scope="col">创新单位</th><th scope="col">奖项</th><th scope="col">正文</th></tr>
              </thead>
              <tbody>
                {file.cases.map((c, ci) => {
                  const key = `${fi}:${ci}`;
                  const e = edits[key] ?? {};
                  const region = e.region ?? c.meta.region ?? null;
                  const open = reading === key;
                  const caseTitle = e.title ?? c.meta.title;
                  return (
                    <Fragment key={ci}>
                      <tr className={`${e.exclude ? 'excluded' : ''} ${duplicateOf(fi, ci) ? 'duplicate' : ''}`} data-case={key}>
                        <td><input type="checkbox" checked={!e.exclude} onChange={(ev) => edit(fi, ci, { exclude: !ev.target.checked })} aria-label={`导入第${ci + 1}个案例`} /></td>
                        <td>{ci + 1}</td>
                        <td className="col-title">
                          {duplicateOf(fi, ci) && <div className="dup-note">已在库中：{quoted(duplicateOf(fi, ci)!.existingTitle)}{allowDuplicates ? '（将再导入一份）' : '（不再导入）'}</div>}
                          <textarea rows={1} className="title-input" value={caseTitle} onChange={(ev) => edit(fi, ci, { title: ev.target.value })} aria-label={`第${ci + 1}个案例的标题`} />
                        </td>
                        <td className="col-region">
                          <div className={`region-now ${region ? '' : 'muted'}`}>{regionLabel(region) || '未识别'}</div>
                          <RegionPicker value={region} onPick={(r) => edit(fi, ci, { region: r })} label={`第${ci + 1}个案例的地区`} placeholder={region ? '输入地名修改' : '输入地名'} />
                        </td>
                        <td className="col-category">
                          <select value={e.category ?? c.meta.category ?? ''} onChange={(ev) => edit(fi, ci, { category: ev.target.value })} aria-label={`第${ci + 1}个案例的业务领域`} title={c.meta.categoryExplanation?.[0]?.words.map((w) => w.word).join('、')}>
                            <option value="">未分类</option>
                            {[...new Set([...(c.meta.category ? [c.meta.category] : []), ...categories])].map((cat) => <option key={cat}>{cat}</option>)}
                          </select>
                        </td>
                        <td className="col-unit"><textarea rows={1} className="title-input" value={e.unit ?? c.meta.unit ?? ''} onChange={(ev) => edit(fi, ci, { unit: ev.target.value })} placeholder="未识别" aria-label={`第${ci + 1}个案例的创新单位`} /></td>
                        <td className="col-award"><textarea rows={1} className="title-input" value={e.award ?? c.meta.award ?? ''} onChange={(ev) => edit(fi, ci, { award: ev.target.value })} placeholder="无" aria-label={`第${ci + 1}个案例的奖项`} /></td>
                        <td className="col-actions">
                          {c.body.length > 0 ? (
                            <button type="button" aria-expanded={open} onClick={() => setReading(open ? null : key)} aria-label={`${open ? '收起' : '查看'}${quoted(caseTitle)}的正文`}>{open ? '收起' : '查看'}</button>
                          ) : (
                            <span className="muted no-text" title="名单条目只有标题、单位和奖项">无正文</span>
                          )}
                          {ci + 1 < file.cases.length && (
                            <button type="button" disabled={revising || busy} onClick={() => void revise(fi, { op: 'merge', case: ci }, '合并案例')} aria-label={`并入下一篇：把第${ci + 2}个案例并入第${ci + 1}个`} title="把下一个案例并入这一个（下一个的标题成为正文中的小标题）">并入下一篇</button>
                          )}
                        </td>
                      </tr>
                      {open && (
                        <tr className="case-text-row">
                          <td colSpan={8}>
                            <div className="case-text" role="region" aria-label={`${caseTitle} 正文`} tabIndex={0}>
                              {c.body.map((block, bi) => {
                                const lines = blocksText([block]).split('\n').filter((l) => l.trim());
                                if (!lines.length) return null;
                                return (
                                  <div key={bi} className={`case-block ${block.type === 'heading' ? 'is-heading' : ''}`} data-block={bi}>
                                    {bi > 0 && (
                                      <button type="button" className="split-here" disabled={revising || busy} onClick={() => void revise(fi, { op: 'split', case: ci, block: bi }, '拆分案例')} aria-label={`从此拆分：从第${bi + 1}段起拆成新案例`} title="从这一段起拆成一个新案例">从此拆分</button>
                                    )}
                                    {lines.map((line, li) => <p key={li}>{line}</p>)}
                                  </div>
                                );
                              })}
                              {c.captions.length > 0 && <p className="muted">图注 {c.captions.length} 条：{c.captions.join('；')}</p>}
                            </div>
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          )}
          <div className="import-extras">
            {file.captions.length > 0 && (
              <details>
                <summary>图注（{file.captions.length}）</summary>
                <ul>{file.captions.map((c, i) => <li key={i}>{c}</li>)}</ul>
              </details>
            )}
            {file.dropped.length > 0 && (
              <details className="dropped-lines">
                <summary>已去除的页面杂项（{file.dropped.length}，按原文顺序）</summary>
                {file.cases.length > 1 && (
                  <label className="restore-to">
                    恢复到
                    <select value={restoreTo[fi] ?? 0} onChange={(ev) => setRestoreTo((r) => ({ ...r, [fi]: Number(ev.target.value) }))} aria-label={`“${file.file}”的杂项恢复到哪个案例`}>
                      {file.cases.map((c, ci) => <option key={ci} value={ci}>第{ci + 1}篇 {(edits[`${fi}:${ci}`]?.title ?? c.meta.title).slice(0, 20)}</option>)}
                    </select>
                  </label>
                )}
                <ol className="dropped">
                  {file.dropped.map((d, i) => (
                    <li key={i}>
                      <span className="dropped-text">{d}</span>
                      {(file.cases.length > 0 || file.notice) && (
                        <button
                          type="button"
                          className="link"
                          disabled={revising || busy}
                          onClick={() => void revise(fi, { op: 'restore', line: i, ...(file.cases.length ? { case: Math.min(restoreTo[fi] ?? 0, file.cases.length - 1) } : {}) }, '恢复被去除的一行')}
                          aria-label={`恢复“${d.slice(0, 30)}”`}
                        >
                          恢复
                        </button>
                      )}
                    </li>
                  ))}
                </ol>
                {(file.cases.length > 0 || file.notice) && <p className="muted">恢复的行放回{file.cases.length ? '案例' : '通知'}正文的开头，可在“查看”中核对。</p>}
              </details>
            )}
          </div>
        </article>
      ))}
    </section>
  );
}
