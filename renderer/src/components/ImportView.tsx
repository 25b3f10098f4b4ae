/**
 * Import: what the importer found in each file (kind, cases with region, category, unit and
 * award, dropped page furniture, captions, warnings), correctable before anything is stored:
 * the region through the division picker, the other fields in place, and each case's text
 * can be read before committing. Commit sends only the corrections (`edits`) with the preview id.
 */
import { Fragment, useMemo, useState, type JSX } from 'react';
import type { CollectionSummary, ImportPreview } from '../../../electron/core/api/schema.js';
import type { Region } from '../../../electron/core/model/types.js';
import { blocksText } from '../../../electron/core/model/text.js';
import { api } from '../api/client.js';
import { quoted } from '../api/errors.js';
import type { ReportError } from './App.js';
import { RegionPicker, regionLabel } from './RegionPicker.js';

export interface ImportViewProps {
  preview: ImportPreview;
  collections: CollectionSummary[];
  categories: string[];
  onDone: (collectionId: string, firstDocumentId: string | null) => void;
  onCancel: () => void;
  onError: ReportError;
}

const KIND_LABEL: Record<string, string> = { 'case-list': '案例名单', feature: '杂志专题', 'single-case': '单篇案例', notice: '通知公文' };

type CaseEdit = { exclude?: boolean; category?: string; title?: string; region?: Region; unit?: string; award?: string };

/**
 * An importer's refusal as an editor reads it: the Chinese sentence without the file name it
 * repeats, and the English technical sentence the importer adds after it behind 详情.
 */
function readableFailure(file: string, message: string): { text: string; detail?: string } {
  const own = `“${file}”`;
  const body = message.startsWith(own) ? message.slice(own.length) : message;
  const cut = /[。）]\s+(?=\S)/.exec(body);
  if (!cut) return { text: body };
  const rest = body.slice(cut.index + cut[0].length);
  const latin = rest.match(/[A-Za-z]/g)?.length ?? 0;
  const han = rest.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  // Only an English sentence goes behind 详情; a second Chinese sentence is part of the message.
  return latin >= 10 && latin > han ? { text: body.slice(0, cut.index + 1), detail: rest } : { text: body };
}

export function ImportView({ preview, collections, categories, onDone, onCancel, onError }: ImportViewProps): JSX.Element {
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
        <span className="muted">
          {preview.files.length} 个文件，识别出 {caseCount} 个案例{noticeCount ? `、${noticeCount} 份通知` : ''}
          {reviewCount ? `、${reviewCount} 份审阅稿` : ''}，将导入 {chosen} 项
        </span>
      </header>
      {preview.errors.length > 0 && (
        <div className="error-box" role="alert">
          {preview.errors.map((e) => {
            const { text, detail } = readableFailure(e.file, e.message);
            return (
              <div key={e.file} className="import-failure">
                <strong>“{e.file}”</strong>没有导入：{text}
                {detail && (
                  <details className="failure-detail">
                    <summary>详情</summary>
                    <code lang="en">{detail}</code>
                  </details>
                )}
              </div>
            );
          })}
        </div>
      )}
      <div className="import-target">
        <label>
          导入到
          <select value={target} onChange={(e) => setTarget(e.target.value)} aria-label="导入到">
            <option value="new">新建汇编</option>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>{c.title}</option>
            ))}
          </select>
        </label>
        {target === 'new' && <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label="新汇编名称" className="wide" />}
        {duplicates.length > 0 && (
          <label className="check duplicates-choice">
            <input type="checkbox" checked={allowDuplicates} onChange={(e) => setAllowDuplicates(e.target.checked)} /> 仍然导入重复案例（{duplicates.length} 篇已在库中）
          </label>
        )}
        <button type="button" className="primary" disabled={busy || nothing} onClick={() => void commit()} aria-describedby={nothing ? 'import-nothing' : undefined}>{busy ? '正在导入…' : '确认导入'}</button>
        <button type="button" onClick={onCancel} disabled={busy}>取消</button>
        {nothing && (
          <span id="import-nothing" className="warning" role="status">
            {caseCount > 0 && duplicates.length > 0 && !allowDuplicates ? '这些案例都已在库中，默认不再导入。如确需再导入一份，请勾选“仍然导入重复案例”。' : caseCount === 0 ? `没有从${preview.files.map((f) => `“${f.file}”`).join('、')}中识别出案例，无可导入的内容。请检查文件内容后重新选择。` : '所有案例都已取消勾选：请至少勾选一个案例再导入。'}
          </span>
        )}
      </div>
      {busy && <progress className="progress" aria-label="导入进度" />}
      {preview.files.map((file, fi) => (
        <article key={fi} className="import-file">
          <h3>
            {file.file} <span className="tag">{KIND_LABEL[file.kind] ?? file.kind}</span> <span className="muted">{file.format.toUpperCase()}{file.encoding ? ` · ${file.encoding}` : ''}</span>
          </h3>
          {file.info.title && <p className="muted">标题：{file.info.title}{file.info.subtitle ? ` ${file.info.subtitle}` : ''}{file.info.publication ? ` · ${file.info.publication}` : ''}</p>}
          {file.warnings.map((w, i) => <p key={i} className="warning">⚠ {w}</p>)}
          {file.notice && <p>通知：{file.notice.meta.title} {file.notice.meta.docNumber ?? ''}</p>}
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
                          <RegionPicker value={region} onPick={(r) => edit(fi, ci, { region: r })} label={`第${ci + 1}个案例的地区`} />
                        </td>
                        <td className="col-category">
                          <select value={e.category ?? c.meta.category ?? ''} onChange={(ev) => edit(fi, ci, { category: ev.target.value })} aria-label={`第${ci + 1}个案例的业务领域`} title={c.meta.categoryExplanation?.[0]?.words.map((w) => w.word).join('、')}>
                            <option value="">未分类</option>
                            {[...new Set([...(c.meta.category ? [c.meta.category] : []), ...categories])].map((cat) => <option key={cat}>{cat}</option>)}
                          </select>
                        </td>
                        <td className="col-unit"><textarea rows={1} className="title-input" value={e.unit ?? c.meta.unit ?? ''} onChange={(ev) => edit(fi, ci, { unit: ev.target.value })} placeholder="未识别" aria-label={`第${ci + 1}个案例的创新单位`} /></td>
                        <td><input className="narrow" value={e.award ?? c.meta.award ?? ''} onChange={(ev) => edit(fi, ci, { award: ev.target.value })} placeholder="无" aria-label={`第${ci + 1}个案例的奖项`} /></td>
                        <td><button type="button" aria-expanded={open} onClick={() => setReading(open ? null : key)} aria-label={`${open ? '收起' : '查看'}${quoted(caseTitle)}的正文`}>{open ? '收起' : '查看'}</button></td>
                      </tr>
                      {open && (
                        <tr className="case-text-row">
                          <td colSpan={8}>
                            <div className="case-text" role="region" aria-label={`${caseTitle} 正文`} tabIndex={0}>
                              {blocksText(c.body).split('\n').filter((l) => l.trim()).map((line, i) => <p key={i}>{line}</p>)}
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
              <details>
                <summary>已去除的页面杂项（{file.dropped.length}）</summary>
                <ul className="dropped">{file.dropped.map((d, i) => <li key={i}>{d}</li>)}</ul>
              </details>
            )}
          </div>
        </article>
      ))}
    </section>
  );
}
