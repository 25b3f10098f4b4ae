/** 修订: saved revisions of the document, newest first, each restorable. */
import type { JSX } from 'react';
import type { RevisionSummary } from '../../../electron/core/api/schema.js';

export function RevisionsPanel({ revisions, onRestore, onSaveRevision }: { revisions: RevisionSummary[]; onRestore: (id: number) => void; onSaveRevision: () => void }): JSX.Element {
  return (
    <div className="revisions-panel">
      <button type="button" onClick={onSaveRevision}>保存为新版本</button>
      {revisions.length === 0 && <p className="muted">暂无版本记录。</p>}
      <ul>
        {revisions.map((r) => (
          <li key={r.id}>
            <div>
              <strong>{new Date(r.createdAt).toLocaleString('zh-CN', { hour12: false })}</strong> {r.autosave && <span className="tag">自动保存</span>}
            </div>
            <div className="muted">{r.title} · {r.charCount} 字</div>
            <button type="button" onClick={() => onRestore(r.id)}>恢复此版本</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
