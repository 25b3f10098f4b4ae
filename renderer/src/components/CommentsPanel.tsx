/**
 * 批注: one list of the case's threads in document order, the library's and (in a shared case)
 * the team's alike (threadList.ts), each with its replies, 回复, 解决/重新打开, and a filter for
 * the open ones. Where a shared case also holds threads only this library has, each thread says
 * where it lives: 本机 (seen here only) or 协作 (seen by every editor of the case).
 */
import { useState, type JSX } from 'react';
import { HOME_LABEL, type PanelThread } from './threadList.js';

export interface CommentsPanelProps {
  threads: PanelThread[];
  /** Show 本机 / 协作 on each thread (threadList.showHomes). */
  showHomes: boolean;
  reviewerName: string | null;
  onReply: (thread: PanelThread, text: string) => Promise<void>;
  onResolve: (thread: PanelThread, resolved: boolean) => Promise<void>;
  /** False for a thread that cannot be deleted here (a team thread belongs to every editor). */
  canDelete: (thread: PanelThread) => boolean;
  onDelete: (thread: PanelThread) => Promise<void>;
  onFocus: (thread: PanelThread) => void;
  onError?: (error: unknown, context?: { action: string; subject?: string }) => void;
}

const HOME_TITLE = { library: '只在本机的库中：团队中的其他编辑看不到', team: '在团队文档中：这个案例的每位编辑都能看到' } as const;

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function CommentsPanel(props: CommentsPanelProps): JSX.Element {
  const [openOnly, setOpenOnly] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const shown = props.threads.filter((t) => !openOnly || !t.resolved);
  const subject = (t: PanelThread) => `批注“${t.quote.slice(0, 20)}”`;
  const run = async (t: PanelThread, action: string, fn: () => Promise<void>): Promise<boolean> => {
    setBusy(t.id);
    try {
      await fn();
      return true;
    } catch (e) {
      props.onError?.(e, { action, subject: subject(t) });
      return false;
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="comments-panel">
      <label className="check">
        <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> 只看未解决（{props.threads.filter((t) => !t.resolved).length}）
      </label>
      {shown.length === 0 && <p className="muted">{props.threads.length ? '批注都已解决。' : '暂无批注。选中正文文字后点击工具栏“批注”。'}</p>}
      {shown.map((t) => (
        <article
          key={t.id}
          className={`thread ${t.resolved ? 'resolved' : ''} ${t.orphaned ? 'orphaned' : ''}`}
          data-thread-id={t.id}
          data-home={t.home}
          onClick={(e) => {
            // Typing a reply or pressing a button is not a request to jump to the text.
            if (!(e.target as HTMLElement).closest('form, button')) props.onFocus(t);
          }}
        >
          <div className="thread-tags">
            {props.showHomes && <span className={`tag home-tag home-${t.home}`} title={HOME_TITLE[t.home]}>{HOME_LABEL[t.home]}</span>}
            {t.orphaned && <span className="tag orphan-tag" title="批注所指的文字已从正文中删除，批注保留">原文已删除</span>}
            {t.resolved && <span className="tag">已解决</span>}
          </div>
          <blockquote title={t.current || t.quote}>{t.current || t.quote}</blockquote>
          {t.current && t.current !== t.quote && <p className="muted quote-was">原为「{t.quote}」</p>}
          <div className="comment">
            <strong>{t.author}</strong> <span className="muted">{when(t.createdAt)}</span>
            <p>
              {t.text}
              {t.suggestion ? `（建议改为：${t.suggestion}）` : ''}
            </p>
          </div>
          {t.replies.map((r) => (
            <div key={r.id} className="comment reply"><strong>{r.author}</strong> <span className="muted">{when(r.createdAt)}</span><p>{r.text}</p></div>
          ))}
          <form
            className="reply-form"
            onSubmit={(e) => {
              e.preventDefault();
              const text = drafts[t.id]?.trim();
              if (!text) return;
              // The draft stays in its box until the reply is written.
              void run(t, '回复批注', () => props.onReply(t, text)).then((ok) => ok && setDrafts((d) => ({ ...d, [t.id]: '' })));
            }}
          >
            <input
              value={drafts[t.id] ?? ''}
              onChange={(e) => setDrafts((d) => ({ ...d, [t.id]: e.target.value }))}
              placeholder={props.reviewerName ? `以 ${props.reviewerName} 的身份回复` : '回复'}
              aria-label={`回复内容（${t.author}：${t.text.slice(0, 12)}）`}
            />
            <button type="submit" disabled={busy === t.id}>回复</button>
          </form>
          <div className="row">
            <button type="button" disabled={busy === t.id} onClick={() => void run(t, t.resolved ? '重新打开批注' : '解决批注', () => props.onResolve(t, !t.resolved))}>{t.resolved ? '重新打开' : '解决'}</button>
            {props.canDelete(t) && (
              <button type="button" className="danger" disabled={busy === t.id} onClick={() => void run(t, '删除批注', () => props.onDelete(t))}>删除</button>
            )}
          </div>
        </article>
      ))}
    </div>
  );
}
