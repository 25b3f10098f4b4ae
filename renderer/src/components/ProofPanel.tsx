/**
 * The 校对 side list: the gate's findings on the open text, by kind, each with its context
 * and the clause it rests on. Fixes and proposals are accepted or ignored one by one or all
 * at once; sensitive data is masked, or kept with a reason that the export report shows.
 * Presentational: ProofPlugin calls the API.
 */
import { useState, type JSX } from 'react';
import type { ApiResult } from '../../../electron/core/api/schema.js';

/** One finding of the release gate, as the API table hands it out. */
export type Finding = ApiResult<'proof.document'>['findings'][number];
import '../styles/proof.css';

export interface ProofItem {
  finding: Finding;
  current: boolean;
}

export interface ProofPanelProps {
  items: ProofItem[];
  summary: string;
  busy: boolean;
  /** The text changed since the run: offsets no longer hold. */
  stale: boolean;
  readOnly: boolean;
  error: string | null;
  onSelect: (f: Finding) => void;
  onAccept: (findings: Finding[]) => void;
  onReject: (f: Finding) => void;
  onDecide: (f: Finding, action: 'mask' | 'keep', reason: string) => void;
  onRerun: () => void;
  onClose: () => void;
}

const LABEL: Record<Finding['severity'], string> = { block: '敏感信息（须决定）', fix: '规范性修改', propose: '建议', warn: '请核对' };
const ORDER: Finding['severity'][] = ['block', 'fix', 'propose', 'warn'];

function Context({ f }: { f: Finding }): JSX.Element {
  const at = f.context.indexOf(f.text);
  if (at < 0 || !f.text) return <span className="proof-context">{f.context}</span>;
  return (
    <span className="proof-context">
      {f.context.slice(0, at)}
      <mark>{f.text.replace(/ /g, '␣')}</mark>
      {f.context.slice(at + f.text.length)}
    </span>
  );
}

function KeepForm({ onKeep, onCancel }: { onKeep: (reason: string) => void; onCancel: () => void }): JSX.Element {
  const [reason, setReason] = useState('');
  return (
    <form
      className="proof-keep"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onKeep(reason.trim());
      }}
    >
      <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} placeholder="保留的理由，例如“本人书面同意公开”" aria-label="保留的理由" />
      <button type="submit" disabled={!reason.trim()}>保留</button>
      <button type="button" onClick={onCancel}>取消</button>
    </form>
  );
}

export function ProofPanel(props: ProofPanelProps): JSX.Element {
  const [keeping, setKeeping] = useState<string | null>(null);
  const { items, busy, readOnly } = props;
  const acceptable = items.map((i) => i.finding).filter((f) => (f.severity === 'fix' || f.severity === 'propose') && f.suggestion !== null);
  const fixes = acceptable.filter((f) => f.severity === 'fix');
  return (
    <aside className="proof-panel" aria-label="校对">
      <div className="proof-head">
        <strong>校对{props.summary ? `：${props.summary}` : items.length ? '' : '：未发现问题'}</strong>
        <div className="row">
          <button type="button" className="primary" disabled={busy || readOnly || props.stale || !fixes.length} onClick={() => props.onAccept(fixes)}>接受全部修改</button>
          <button type="button" disabled={busy || readOnly || props.stale || !acceptable.length} onClick={() => props.onAccept(acceptable)}>全部接受</button>
          <button type="button" disabled={busy} onClick={props.onRerun}>重新校对</button>
          <button type="button" onClick={props.onClose}>关闭</button>
        </div>
        {props.stale && <div className="proof-note" role="status">正文已修改，标注位置可能不准：请点“重新校对”。</div>}
        {readOnly && <div className="proof-note">本文已定稿，只能查看；如需修改请先重新打开。</div>}
        {props.error && <div className="proof-error" role="alert">{props.error}</div>}
        {busy && <div className="proof-note" role="status">正在校对…</div>}
      </div>
      {ORDER.map((severity) => {
        const group = items.filter((i) => i.finding.severity === severity);
        if (!group.length) return null;
        return (
          <section key={severity} className={`proof-group proof-${severity}`}>
            <h4>{LABEL[severity]}（{group.length}）</h4>
            <ul>
              {group.map(({ finding: f, current }) => (
                <li key={f.id} className={current ? 'current' : undefined}>
                  <button type="button" className="proof-item" onClick={() => props.onSelect(f)} title={`${f.clause}（${f.rule}）`}>
                    <span className="proof-message">{f.message}</span>
                    <Context f={f} />
                    {f.suggestion !== null && f.severity !== 'block' && <span className="change">“{f.text}” → “{f.suggestion}”</span>}
                    {f.decision && <span className="proof-decided">已决定保留：{f.decision.reason}</span>}
                  </button>
                  {!readOnly && !props.stale && (f.severity === 'fix' || f.severity === 'propose') && (
                    <span className="row">
                      {f.suggestion !== null && <button type="button" disabled={busy} onClick={() => props.onAccept([f])}>接受</button>}
                      <button type="button" onClick={() => props.onReject(f)}>忽略</button>
                    </span>
                  )}
                  {!readOnly && !props.stale && f.severity === 'warn' && (
                    <span className="row"><button type="button" onClick={() => props.onReject(f)}>知道了</button></span>
                  )}
                  {!readOnly && !props.stale && f.severity === 'block' && !f.decision && (
                    keeping === f.id ? (
                      <KeepForm onKeep={(reason) => { setKeeping(null); props.onDecide(f, 'keep', reason); }} onCancel={() => setKeeping(null)} />
                    ) : (
                      <span className="row">
                        {f.suggestion !== null && <button type="button" disabled={busy} onClick={() => props.onDecide(f, 'mask', '')}>遮盖为“{f.suggestion}”</button>}
                        <button type="button" onClick={() => setKeeping(f.id)}>保留…</button>
                      </span>
                    )
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
