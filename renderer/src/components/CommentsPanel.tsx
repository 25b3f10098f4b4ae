/** 批注: threads with replies, resolve/reopen, and a filter for open ones. Works offline (local store). */
import { useState, type JSX } from 'react';
import type { CommentThread } from '../../../electron/core/model/types.js';

export interface CommentsPanelProps {
  threads: CommentThread[];
  /** Threads whose marked text is no longer in the document: kept, and labelled 原文已删除. */
  orphaned?: ReadonlySet<string>;
  reviewerName: string | null;
  onReply: (threadId: string, text: string) => Promise<void>;
  onResolve: (threadId: string, resolved: boolean) => Promise<void>;
  onDelete: (threadId: string) => Promise<void>;
  onFocus: (threadId: string) => void;
  onError?: (error: unknown, context?: { action: string; subject?: string }) => void;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function CommentsPanel(props: CommentsPanelProps): JSX.Element {
  const [openOnly, setOpenOnly] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const shown = props.threads.filter((t) => !openOnly || !t.resolved);
  return (
    <div className="comments-panel">
      <label className="check">
        <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> 只看未解决（{props.threads.filter((t) => !t.resolved).length}）
      </label>
      {shown.length === 0 && <p className="muted">暂无批注。选中正文文字后点击工具栏“批注”。</p>}
      {shown.map((t) => (
        <article key={t.id} className={`thread ${t.resolved ? 'resolved' : ''} ${props.orphaned?.has(t.id) ? 'orphaned' : ''}`} data-thread-id={t.id} onClick={() => props.onFocus(t.id)}>
          {props.orphaned?.has(t.id) && <span className="tag orphan-tag" title="批注所指的文字已从正文中删除，批注保留">原文已删除</span>}
          <blockquote>{t.quote}</blockquote>
          <div className="comment"><strong>{t.author}</strong> <span className="muted">{when(t.createdAt)}</span><p>{t.text}</p></div>
          {t.replies.map((r) => (
            <div key={r.id} className="comment reply"><strong>{r.author}</strong> <span className="muted">{when(r.createdAt)}</span><p>{r.text}</p></div>
          ))}
          <form
            className="reply-form"
            onSubmit={(e) => {
              e.preventDefault();
              const text = drafts[t.id]?.trim();
              if (!text) return;
              void props.onReply(t.id, text).then(() => setDrafts((d) => ({ ...d, [t.id]: '' })));
            }}
          >
            <input value={drafts[t.id] ?? ''} onChange={(e) => setDrafts((d) => ({ ...d, [t.id]: e.target.value }))} placeholder={props.reviewerName ? `以 ${props.reviewerName} 的身份回复` : '回复'} aria-label="回复内容" />
            <button type="submit">回复</button>
          </form>
          <div className="row">
            <button type="button" onClick={() => void props.onResolve(t.id, !t.resolved)}>{t.resolved ? '重新打开' : '解决'}</button>
            <button type="button" className="danger" onClick={() => void props.onDelete(t.id)}>删除</button>
            {t.resolved && <span className="tag">已解决</span>}
          </div>
        </article>
      ))}
    </div>
  );
}
