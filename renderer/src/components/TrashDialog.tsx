/**
 * 回收站: deleted cases, notices and collections, each restorable (a merged record's restore
 * undoes the merge), and 清空回收站 with a confirmation. Nothing deleted is lost until then.
 */
import { useEffect, useRef, useState, type JSX } from 'react';
import type { ApiResult } from '../../../electron/core/api/schema.js';
import { api } from '../api/client.js';
import { quoted } from '../api/errors.js';
import { statusLabel } from '../status.js';
import { askConfirm } from './ConfirmDialog.js';
import type { Notify, ReportError } from './App.js';

type TrashList = ApiResult<'trash.list'>;

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export function TrashDialog({ onClose, onChanged, onError, notify }: { onClose: () => void; onChanged: () => void; onError: ReportError; notify: Notify }): JSX.Element {
  const [list, setList] = useState<TrashList | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const load = () =>
    api('trash.list', {})
      .then(setList)
      .catch((e: unknown) => onError(e, { action: '打开回收站', subject: '回收站' }));
  useEffect(() => {
    dialog.current?.showModal();
    void load();
  }, []);

  const restoreDocument = async (id: string, title: string) => {
    try {
      await api('documents.restoreDeleted', { ids: [id] });
      notify(`已恢复${quoted(title)}。`);
      onChanged();
      await load();
    } catch (e) {
      onError(e, { action: '恢复', subject: quoted(title) });
    }
  };
  const restoreCollection = async (id: string, title: string) => {
    try {
      await api('collections.restoreDeleted', { id });
      notify(`已恢复汇编${quoted(title)}。`);
      onChanged();
      await load();
    } catch (e) {
      onError(e, { action: '恢复汇编', subject: quoted(title) });
    }
  };
  const empty = async () => {
    const n = (list?.documents.length ?? 0) + (list?.collections.length ?? 0);
    const ok = await askConfirm({ title: '清空回收站？', body: <p>回收站中的 {n} 项将被永久删除，不能再恢复。</p>, confirmLabel: '永久删除', danger: true });
    if (!ok) return;
    try {
      const r = await api('trash.empty', {});
      notify(`已永久删除 ${r.purged} 项。`);
      await load();
    } catch (e) {
      onError(e, { action: '清空回收站', subject: '回收站' });
    }
  };

  const count = (list?.documents.length ?? 0) + (list?.collections.length ?? 0);
  return (
    <dialog ref={dialog} className="trash-dialog" aria-labelledby="trash-title" onClose={onClose}>
      <div className="row">
        <h2 id="trash-title">回收站</h2>
        <span className="muted">{list ? `${count} 项` : '正在读取…'}</span>
        <span className="spacer" />
        <button type="button" className="danger" disabled={!count} onClick={() => void empty()}>清空回收站</button>
        <button type="button" onClick={() => dialog.current?.close()}>关闭</button>
      </div>
      {list && count === 0 && <p className="muted">回收站是空的。删除的案例、通知和汇编会先放在这里，可以随时恢复。</p>}
      {list && list.collections.length > 0 && (
        <>
          <h3>汇编</h3>
          <ul className="trash-list">
            {list.collections.map((c) => (
              <li key={c.id}>
                <span className="trash-title">{c.title}</span>
                <span className="muted">{c.documentCount} 篇 · 删除于 {when(c.deletedAt)}</span>
                <button type="button" onClick={() => void restoreCollection(c.id, c.title)}>恢复</button>
              </li>
            ))}
          </ul>
        </>
      )}
      {list && list.documents.length > 0 && (
        <>
          <h3>文档</h3>
          <ul className="trash-list">
            {list.documents.map((d) => (
              <li key={d.id}>
                <span className="trash-title">{d.title}</span>
                <span className="muted">
                  {d.kind === 'notice' ? '通知' : statusLabel(d.status)} · {d.mergedInto ? '合并时移入' : '删除于'} {when(d.deletedAt)}
                </span>
                <button type="button" onClick={() => void restoreDocument(d.id, d.title)}>{d.mergedInto ? '恢复（撤销合并）' : '恢复'}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </dialog>
  );
}
