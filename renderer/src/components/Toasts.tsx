/**
 * Messages in the window's corner: errors (stay until closed, technical detail behind 详情) and
 * notices with an action such as 撤销 (stay until acted on, closed or replaced).
 */
import { useState, type JSX } from 'react';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
  detail?: string;
  action?: { label: string; run: () => void | Promise<void> };
}

function ToastItem({ toast, onClose }: { toast: Toast; onClose: () => void }): JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <div className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-kind={toast.kind}>
      <div className="toast-body">
        <div className="toast-text">{toast.text}</div>
        {toast.detail && open && <pre className="toast-detail">{toast.detail}</pre>}
      </div>
      <div className="toast-actions">
        {toast.action && (
          <button
            type="button"
            className="toast-action"
            onClick={() => {
              onClose();
              void toast.action!.run();
            }}
          >
            {toast.action.label}
          </button>
        )}
        {toast.detail && (
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            详情
          </button>
        )}
        <button type="button" aria-label="关闭提示" onClick={onClose}>
          ×
        </button>
      </div>
    </div>
  );
}

export function Toasts({ toasts, onClose }: { toasts: Toast[]; onClose: (id: number) => void }): JSX.Element | null {
  if (!toasts.length) return null;
  return (
    <div className="toasts">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} onClose={() => onClose(t.id)} />
      ))}
    </div>
  );
}
