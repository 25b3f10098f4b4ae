/**
 * Import: what the importer found in each file (kind, cases with region and category,
 * dropped page furniture, captions, warnings), correctable before anything is stored.
 * Commit sends only the corrections (`edits`) with the preview id.
 */
import { useMemo, useState, type JSX } from 'react';
import type { CollectionSummary, ImportPreview } from '../../../electron/core/api/schema.js';
import { api } from '../api/client.js';

export interface ImportViewProps {
  preview: ImportPreview;
  collections: CollectionSummary[];
  categories: string[];
  onDone: (collectionId: string, firstDocumentId: string | null) => void;
  onCancel: () => void;
  onError: (message: string) => void;
}

const KIND_LABEL: Record<string, string> = { 'case-list': '案例名单', feature: '杂志专题', 'single-case': '单篇案例', notice: '通知公文' };

type CaseEdit = { exclude?: boolean; category?: string; title?: string };

export function ImportView({ preview, collections, categories, onDone, onCancel, onError }: ImportViewProps): JSX.Element {
  const firstTitle = preview.files.find((f) => f.info.title)?.info.title ?? preview.files[0]?.file.replace(/\.[^.]+$/, '') ?? '新汇编';
  const [target, setTarget] = useState<string>('new');
  const [title, setTitle] = useState(firstTitle);
  const [edits, setEdits] = useState<Record<string, CaseEdit>>({});
  const [busy, setBusy] = useState(false);
  const caseCount = useMemo(() => preview.files.reduce((n, f) => n + f.cases.length, 0), [preview]);

  const edit = (file: number, index: number, patch: CaseEdit) => setEdits((e) => ({ ...e, [`${file}:${index}`]: { ...e[`${file}:${index}`], ...patch } }));

  const commit = async () => {
    setBusy(true);
    try {
      const list = Object.entries(edits).map(([key, e]) => {
        const [file, index] = key.split(':').map(Number);
        const meta: Record<string, unknown> = {};
        if (e.category !== undefined) meta.category = e.category;
        if (e.title !== undefined) meta.title = e.title;
        return { file: file!, case: index!, ...(Object.keys(meta).length ? { meta } : {}), ...(e.exclude ? { exclude: true } : {}) };
      });
      const result = await api('import.commit', {
        previewId: preview.previewId,
        ...(target === 'new' ? { newCollection: { title: title.trim() || firstTitle } } : { collectionId: target }),
        ...(list.length ? { edits: list } : {}),
      });
      const first = result.imported.find((i) => i.documentIds.length)?.documentIds[0] ?? null;
      onDone(result.collectionId, first);
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="import-view" aria-label="导入预览">
      <header className="view-head">
        <h2>导入预览</h2>
        <span className="muted">{preview.files.length} 个文件，识别出 {caseCount} 个案例</span>
      </header>
      {preview.errors.length > 0 && (
        <div className="error-box">
          {preview.errors.map((e) => (
            <div key={e.file}>
              <strong>{e.file}</strong>：{e.message}
            </div>
          ))}
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
        <button type="button" className="primary" disabled={busy} onClick={() => void commit()}>{busy ? '正在导入…' : '确认导入'}</button>
        <button type="button" onClick={onCancel} disabled={busy}>取消</button>
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
                <tr><th>导入</th><th>#</th><th>标题</th><th>地区</th><th>业务领域</th><th>图注</th></tr>
              </thead>
              <tbody>
                {file.cases.map((c, ci) => {
                  const e = edits[`${fi}:${ci}`] ?? {};
                  const region = [c.meta.region?.province, c.meta.region?.city, c.meta.region?.county].filter(Boolean).join(' ');
                  return (
                    <tr key={ci} className={e.exclude ? 'excluded' : ''}>
                      <td><input type="checkbox" checked={!e.exclude} onChange={(ev) => edit(fi, ci, { exclude: !ev.target.checked })} aria-label={`导入第${ci + 1}个案例`} /></td>
                      <td>{ci + 1}</td>
                      <td><input className="wide" value={e.title ?? c.meta.title} onChange={(ev) => edit(fi, ci, { title: ev.target.value })} aria-label="案例标题" /></td>
                      <td>{region || <span className="muted">未识别</span>}</td>
                      <td>
                        <select value={e.category ?? c.meta.category ?? ''} onChange={(ev) => edit(fi, ci, { category: ev.target.value })} aria-label="业务领域" title={c.meta.categoryExplanation?.[0]?.words.map((w) => w.word).join('、')}>
                          {!c.meta.category && <option value="">未分类</option>}
                          {[...new Set([...(c.meta.category ? [c.meta.category] : []), ...categories])].map((cat) => <option key={cat}>{cat}</option>)}
                        </select>
                      </td>
                      <td className="muted">{c.captions.length || ''}</td>
                    </tr>
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
