/** 审阅人 in the header: the name comments are signed with, changeable at any time. */
import { useState, type JSX } from 'react';
import type { ReportError } from './App.js';

export function ReviewerName({ name, onChange, onError }: { name: string | null; onChange: (name: string) => Promise<void>; onError: ReportError }): JSX.Element {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      <button type="button" className="reviewer" title="更改审阅人姓名（批注以此署名）" onClick={() => setDraft(name ?? '')}>
        审阅人：{name ?? '未设置'}
      </button>
    );
  }
  const submit = async () => {
    const value = draft.trim();
    if (!value) return setDraft(null);
    try {
      await onChange(value);
      setDraft(null);
    } catch (e) {
      onError(e, { action: '更改审阅人', subject: `审阅人“${value}”` });
    }
  };
  return (
    <form className="reviewer-form row nowrap" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label>
        审阅人
        <input autoFocus value={draft} maxLength={64} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setDraft(null)} aria-label="审阅人姓名" />
      </label>
      <button type="submit" className="primary">确定</button>
      <button type="button" onClick={() => setDraft(null)}>取消</button>
    </form>
  );
}
