/**
 * Confirmations that name what goes ("删除《…》？") and, where the log wants one, ask for a
 * reason. A modal <dialog> (the browser traps focus and closes it on Esc); callers await
 * `askConfirm(...)`, which resolves to false, true, or the reason typed.
 */
import { useEffect, useRef, useState, type JSX, type ReactNode } from 'react';

export interface ConfirmOptions {
  title: string;
  body?: ReactNode;
  confirmLabel?: string;
  danger?: boolean;
  /** Ask for a text (a reason); the promise resolves to it. */
  input?: { label: string; placeholder?: string; required?: boolean };
}

type Pending = ConfirmOptions & { resolve: (value: boolean | string) => void };
let show: ((p: Pending) => void) | null = null;

export function askConfirm(options: ConfirmOptions & { input: ConfirmOptions['input'] & object }): Promise<string | false>;
export function askConfirm(options: ConfirmOptions): Promise<boolean>;
export function askConfirm(options: ConfirmOptions): Promise<boolean | string> {
  return new Promise((resolve) => {
    if (!show) return resolve(false);
    show({ ...options, resolve });
  });
}

export function ConfirmHost(): JSX.Element | null {
  const [pending, setPending] = useState<Pending | null>(null);
  const [text, setText] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    show = (p) => {
      setText('');
      setPending(p);
    };
    return () => {
      show = null;
    };
  }, []);
  useEffect(() => {
    if (pending && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [pending]);
  if (!pending) return null;
  const finish = (value: boolean | string) => {
    dialog.current?.close();
    setPending(null);
    pending.resolve(value);
  };
  const blocked = Boolean(pending.input?.required && !text.trim());
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="confirm-title" onCancel={(e) => { e.preventDefault(); finish(false); }}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (blocked) return;
          finish(pending.input ? text.trim() : true);
        }}
      >
        <h2 id="confirm-title">{pending.title}</h2>
        {pending.body && <div className="confirm-body">{pending.body}</div>}
        {pending.input && (
          <label className="field">
            <span>{pending.input.label}</span>
            <input autoFocus value={text} placeholder={pending.input.placeholder} onChange={(e) => setText(e.target.value)} aria-label={pending.input.label} />
          </label>
        )}
        <div className="row confirm-actions">
          <button type="submit" className={pending.danger ? 'danger-solid' : 'primary'} disabled={blocked} autoFocus={!pending.input}>
            {pending.confirmLabel ?? '确定'}
          </button>
          <button type="button" onClick={() => finish(false)}>取消</button>
        </div>
      </form>
    </dialog>
  );
}
