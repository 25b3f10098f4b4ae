/**
 * 版本: saved revisions of the document, newest first. Any two (or one and the text now in
 * the editor) can be compared, paragraph by paragraph with the changed characters marked
 * (the `diff` package); restoring asks first and says what will be replaced.
 */
import { useState, type JSX } from 'react';
import { diffChars, diffLines } from 'diff';
import type { RevisionSummary } from '../../../electron/core/api/schema.js';
import { revisionText } from '../api/lifecycle.js';
import { askConfirm } from './ConfirmDialog.js';
import type { ReportError } from './App.js';

export interface RevisionsPanelProps {
  documentId: string;
  revisions: RevisionSummary[];
  locked: boolean;
  /** The text in the editor now (for 与当前内容比较). */
  currentText: () => string;
  onRestore: (id: number) => Promise<void> | void;
  onSaveRevision: () => void;
  onError: ReportError;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { hour12: false });
}

type Piece = { kind: 'same' | 'add' | 'del'; text: string };
type DiffLine = { kind: 'same' | 'add' | 'del' | 'change'; pieces: Piece[] };

/** Paragraph-level diff; a removed paragraph followed by an added one is shown as one changed paragraph. */
export function diffTexts(before: string, after: string): DiffLine[] {
  const parts = diffLines(before.endsWith('\n') ? before : `${before}\n`, after.endsWith('\n') ? after : `${after}\n`);
  const out: DiffLine[] = [];
  const lines = (t: string) => t.replace(/\n$/, '').split('\n');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (p.removed && next?.added) {
      const a = lines(p.value);
      const b = lines(next.value);
      const n = Math.max(a.length, b.length);
      for (let k = 0; k < n; k++) {
        const x = a[k];
        const y = b[k];
        if (x !== undefined && y !== undefined) {
          out.push({ kind: 'change', pieces: diffChars(x, y).map((c) => ({ kind: c.added ? 'add' : c.removed ? 'del' : 'same', text: c.value })) });
        } else if (x !== undefined) out.push({ kind: 'del', pieces: [{ kind: 'del', text: x }] });
        else if (y !== undefined) out.push({ kind: 'add', pieces: [{ kind: 'add', text: y }] });
      }
      i++;
      continue;
    }
    const kind = p.added ? 'add' : p.removed ? 'del' : 'same';
    for (const line of lines(p.value)) out.push({ kind, pieces: [{ kind, text: line }] });
  }
  return out;
}

export function RevisionsPanel(props: RevisionsPanelProps): JSX.Element {
  const { revisions } = props;
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('current');
  const [diff, setDiff] = useState<{ lines: DiffLine[]; label: string } | null>(null);
  const [onlyChanges, setOnlyChanges] = useState(true);

  const label = (key: string) => (key === 'current' ? '当前内容' : (() => { const r = revisions.find((x) => String(x.id) === key); return r ? `${when(r.createdAt)}（${r.charCount} 字）` : key; })());
  const textOf = async (key: string) => (key === 'current' ? props.currentText() : revisionText(props.documentId, Number(key)));

  const compare = async () => {
    const a = from || (revisions[0] ? String(revisions[0].id) : '');
    if (!a) return;
    try {
      const [before, after] = await Promise.all([textOf(a), textOf(to)]);
      setDiff({ lines: diffTexts(before, after), label: `${label(a)} → ${label(to)}` });
    } catch (e) {
      props.onError(e, { action: '比较版本', subject: '所选版本' });
    }
  };

  const restore = async (r: RevisionSummary) => {
    const ok = await askConfirm({
      title: `恢复到 ${when(r.createdAt)} 的版本？`,
      body: (
        <p>
          正文和元数据将换成这个版本（{r.charCount} 字）。现在的内容会先保存为一个版本，恢复后仍可在此找回。
        </p>
      ),
      confirmLabel: '恢复此版本',
    });
    if (ok) await props.onRestore(r.id);
  };

  const options = [
    ...revisions.map((r) => (
      <option key={r.id} value={String(r.id)}>
        {when(r.createdAt)} · {r.charCount} 字{r.autosave ? ' · 自动保存' : ''}
      </option>
    )),
  ];

  const changes = diff?.lines.filter((l) => l.kind !== 'same').length ?? 0;

  return (
    <div className="revisions-panel">
      {!props.locked && <button type="button" onClick={props.onSaveRevision}>保存为新版本</button>}
      {revisions.length === 0 && <p className="muted">暂无版本记录。</p>}
      {revisions.length > 0 && (
        <fieldset className="compare">
          <legend>比较两个版本</legend>
          <label className="field">
            <span>较早</span>
            <select value={from || String(revisions[0]!.id)} onChange={(e) => setFrom(e.target.value)} aria-label="较早的版本">
              {options}
            </select>
          </label>
          <label className="field">
            <span>较新</span>
            <select value={to} onChange={(e) => setTo(e.target.value)} aria-label="较新的版本">
              <option value="current">当前内容</option>
              {options}
            </select>
          </label>
          <button type="button" onClick={() => void compare()}>比较</button>
        </fieldset>
      )}
      {diff && (
        <section className="diff-view" aria-label="版本差异">
          <div className="row">
            <strong>{diff.label}</strong>
            <span className="muted">{changes ? `${changes} 段有改动` : '两个版本的文字相同'}</span>
            <label className="check"><input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} /> 只看改动</label>
            <button type="button" onClick={() => setDiff(null)}>关闭</button>
          </div>
          <div className="diff-lines">
            {diff.lines.map((l, i) =>
              onlyChanges && l.kind === 'same' ? null : (
                <p key={i} className={`diff-line diff-${l.kind}`}>
                  {l.pieces.map((p, j) => (p.kind === 'add' ? <ins key={j}>{p.text}</ins> : p.kind === 'del' ? <del key={j}>{p.text}</del> : <span key={j}>{p.text}</span>))}
                </p>
              ),
            )}
          </div>
        </section>
      )}
      <ul>
        {revisions.map((r) => (
          <li key={r.id} data-revision={r.id}>
            <div>
              <strong>{when(r.createdAt)}</strong> {r.autosave && <span className="tag">自动保存</span>}
            </div>
            <div className="muted">{r.title} · {r.charCount} 字</div>
            <div className="row">
              {!props.locked && <button type="button" onClick={() => void restore(r)}>恢复此版本</button>}
              <button type="button" onClick={() => { setFrom(String(r.id)); setTo('current'); void textOf(String(r.id)).then((t) => setDiff({ lines: diffTexts(t, props.currentText()), label: `${when(r.createdAt)} → 当前内容` })).catch((e: unknown) => props.onError(e, { action: '比较版本', subject: '所选版本' })); }}>与当前比较</button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
