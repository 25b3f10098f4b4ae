/**
 * 导入审阅包: what a reviewer's .hbreview holds, shown before anything is merged — per case
 * the comments and suggested wordings, the replies and resolutions, the passages of the body
 * it changes (current text → text after merging), metadata, and the conflicts named — then
 * 合并 through the API. The merge keeps both sides' edits; a conflict is a passage to read.
 */
import { diffChars } from 'diff';
import { useState, type JSX } from 'react';
import type { ApiResult } from '../../../electron/core/api/schema.js';
import { api } from '../api/client.js';
import { fieldLabel } from '../api/errors.js';
import type { ReportError } from './App.js';

export type ReviewPackPreview = ApiResult<'reviewPack.preview'>;
export type ReviewPackMerged = ApiResult<'reviewPack.merge'>;
export type ReviewPackSource = { name: string; path?: string; data?: string };

export interface ReviewPackViewProps {
  preview: ReviewPackPreview;
  source: ReviewPackSource;
  onMerged: (result: ReviewPackMerged) => void;
  onCancel: () => void;
  onOpen: (documentId: string) => void;
  onError: ReportError;
}

const day = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
};

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '（空）' : typeof v === 'string' ? v : JSON.stringify(v));

/** A changed passage with what goes and what comes marked character by character. */
function Edit({ before, after }: { before: string; after: string }): JSX.Element {
  const kind = !before ? 'add' : !after ? 'del' : 'change';
  return (
    <p className={`diff-line diff-${kind}`}>
      {diffChars(before, after).map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
    </p>
  );
}

export function ReviewPackView({ preview, source, onMerged, onCancel, onOpen, onError }: ReviewPackViewProps): JSX.Element {
  const [busy, setBusy] = useState(false);
  const missing = preview.cases.filter((c) => !c.documentId);
  const locked = preview.cases.filter((c) => c.locked);
  const conflicts = preview.cases.reduce((n, c) => n + c.conflicts.length, 0);
  const blocked = missing.length > 0 || locked.length > 0;
  const merge = async () => {
    setBusy(true);
    try {
      onMerged(await api('reviewPack.merge', { file: source }));
    } catch (e) {
      onError(e, { action: '合并审阅包', subject: `“${source.name}”` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="review-pack-view" aria-label="审阅包">
      <header className="view-head">
        <h2>审阅包「{preview.collectionTitle}」</h2>
        <span className="muted">
          {preview.fileName}：{preview.createdBy} 于 {day(preview.createdAt)} 导出，{preview.cases.length} 篇
          {conflicts ? `，${conflicts} 处冲突` : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="primary" disabled={busy || blocked} onClick={() => void merge()}>{busy ? '正在合并…' : '合并'}</button>
        <button type="button" onClick={onCancel} disabled={busy}>取消</button>
      </header>
      <div className="review-pack-body">
        <p className={preview.against === 'server' ? 'muted' : 'notice-line'} role="status">
          {preview.against === 'server' ? '与团队服务器上的当前文本对照。合并后，正在编辑这些案例的同事会立即看到。' : preview.serverNote}
        </p>
        {missing.length > 0 && (
          <p className="error-box" role="alert">
            本库中没有审阅包里的 {missing.length} 篇案例（{missing.map((c) => `「${c.title}」`).join('、')}）：请先在“团队”中拉取该合集，再合并。
          </p>
        )}
        {locked.length > 0 && (
          <p className="error-box" role="alert">
            {locked.map((c) => `「${c.title}」`).join('、')}已定稿或已报送：请先重新打开，再合并审阅包。
          </p>
        )}
        {preview.cases.map((c) => {
          const empty = !c.threads.length && !c.edits.length && !c.meta.length;
          return (
            <article key={c.name} className="review-case" data-case={c.documentId ?? c.name} aria-label={c.title}>
              <h3>
                {c.documentId ? <button type="button" className="link" onClick={() => onOpen(c.documentId!)}>{c.title}</button> : c.title}
                {!c.documentId && <span className="tag danger-tag">本库没有</span>}
                {c.locked && <span className="tag">已定稿</span>}
                {c.conflicts.length > 0 && <span className="tag conflict-tag">冲突 {c.conflicts.length}</span>}
              </h3>
              {c.conflicts.length > 0 && (
                <ul className="review-conflicts" aria-label="冲突">
                  {c.conflicts.map((x, i) => <li key={i} className="warning">{x.message}</li>)}
                </ul>
              )}
              {c.threads.length > 0 && (
                <section aria-label="审阅意见">
                  <h4>审阅意见（{c.threads.length}）</h4>
                  <ul className="review-threads">
                    {c.threads.map((t) => (
                      <li key={t.id} className="review-thread">
                        {t.isNew ? <span className="tag">{t.suggestion ? '修改建议' : '新意见'}</span> : null}
                        <b>{t.author}</b>：「{t.quote}」{t.text}
                        {t.suggestion && <span className="suggestion">（建议改为：{t.suggestion}）</span>}
                        {t.resolvedChanged && <span className="muted">（{t.resolved ? '标为已解决' : '重新打开'}）</span>}
                        {t.replies.map((r) => <div key={r.id} className="team-reply"><b>{r.author}</b>：{r.text}</div>)}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {c.edits.length > 0 && (
                <section aria-label="正文改动">
                  <h4>正文改动（{c.edits.length} 处{Object.keys(c.wrote).length ? `，${Object.entries(c.wrote).map(([who, n]) => `${who} 写入 ${n} 字`).join('，')}` : ''}）</h4>
                  <div className="diff-lines">{c.edits.map((e, i) => <Edit key={i} before={e.before} after={e.after} />)}</div>
                </section>
              )}
              {c.meta.length > 0 && (
                <section aria-label="元数据改动">
                  <h4>元数据改动</h4>
                  <ul className="review-meta">
                    {c.meta.map((m) => <li key={m.field}>{fieldLabel(`meta.${m.field}`) === '输入内容' ? m.field : fieldLabel(`meta.${m.field}`)}：{show(m.before)} → {show(m.after)}</li>)}
                  </ul>
                </section>
              )}
              {empty && c.documentId && <p className="muted">审阅包中这篇没有新的意见或改动。</p>}
            </article>
          );
        })}
      </div>
    </section>
  );
}

/** The outcome of a merge, one line per case. */
export function mergedSummary(result: ReviewPackMerged): string {
  const where = result.into === 'server' ? '已合并到团队服务器和本库' : '已合并到本库（下次打开案例时同步到团队服务器）';
  const parts = result.cases.map((c) => {
    const notes = c.changes.filter((x) => x.what === 'comment' || x.what === 'suggest').length;
    const chars = Object.values(c.wrote).reduce((a, b) => a + b, 0);
    return `「${c.title}」${notes ? ` ${notes} 条意见` : ''}${chars ? ` 改动 ${chars} 字` : ''}${!notes && !chars ? ' 无新内容' : ''}`;
  });
  return `审阅包“${result.fileName}”${where}：${parts.join('；')}。`;
}
