/**
 * An award or shortlist file in the import preview, applied to the library: its items matched
 * against the cases already imported (import.awards), the editor ticks the matches to take
 * (near misses unticked until confirmed) and sets their award through documents.save. The
 * matched items then leave the import; the unmatched stay in it, to come in as title-only cases.
 */
import { useState, type JSX } from 'react';
import type { ImportAwardMatch, ImportAwardMatches } from '../../../electron/core/api/schema.js';
import { api } from '../api/client.js';
import { quoted } from '../api/errors.js';
import type { ReportError } from './App.js';

export interface AwardMatchesProps {
  previewId: string;
  file: number;
  fileName: string;
  /** Item titles by case index, as the preview shows them now. */
  titles: string[];
  /** Only this collection's cases, or the whole library when null. */
  collectionId: string | null;
  disabled: boolean;
  /** The items whose award went onto a library case: they are not imported again. */
  onApplied: (cases: number[]) => void;
  onError: ReportError;
}

export function AwardMatches(props: AwardMatchesProps): JSX.Element {
  const [result, setResult] = useState<ImportAwardMatches | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  /** Items whose award is set on their case (not offered again). */
  const [applied, setApplied] = useState<ReadonlySet<number>>(new Set());

  const match = async () => {
    setBusy(true);
    setDone(null);
    try {
      const r = await api('import.awards', { previewId: props.previewId, file: props.file, ...(props.collectionId ? { collectionId: props.collectionId } : {}) });
      setResult(r);
      setPicked(new Set(r.matched.filter((m) => m.award).map((m) => m.case)));
    } catch (e) {
      props.onError(e, { action: '与文库对照', subject: `“${props.fileName}”` });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!result) return;
    const chosen = [...result.matched, ...result.nearMisses].filter((m) => picked.has(m.case) && m.award);
    setBusy(true);
    const applied: number[] = [];
    try {
      for (const m of chosen) {
        await api('documents.save', { id: m.caseId, meta: { award: m.award } });
        applied.push(m.case);
      }
    } catch (e) {
      const failed = chosen[applied.length];
      props.onError(e, { action: '设置奖项', subject: failed ? quoted(failed.caseTitle) : undefined });
    } finally {
      setBusy(false);
      if (applied.length) {
        props.onApplied(applied);
        setApplied((a) => new Set([...a, ...applied]));
        setPicked((p) => new Set([...p].filter((c) => !applied.includes(c))));
        setDone(`已为 ${applied.length} 个案例设置奖项；这些条目不再作为新案例导入。`);
      }
    }
  };

  const row = (m: ImportAwardMatch, near: boolean) => (
    <tr key={m.case} className={near ? 'near-miss' : ''}>
      <td>
        <input type="checkbox" checked={picked.has(m.case) || applied.has(m.case)} disabled={!m.award || busy || applied.has(m.case)} onChange={(e) => setPicked((p) => { const n = new Set(p); if (e.target.checked) n.add(m.case); else n.delete(m.case); return n; })} aria-label={`为${quoted(m.caseTitle)}设置奖项`} />
      </td>
      <td>{props.titles[m.case] ?? ''}</td>
      <td>{quoted(m.caseTitle)}</td>
      <td>
        {m.award ?? '（名单未写奖项）'}
        {applied.has(m.case) ? <div className="muted">已设置</div> : m.caseAward && m.caseAward !== m.award ? <div className="muted">现为：{m.caseAward}</div> : null}
      </td>
      <td className="muted">{near ? '待确认：' : ''}{m.reasons.join('，')}</td>
    </tr>
  );

  return (
    <div className="award-matches">
      <button type="button" disabled={props.disabled || busy} onClick={() => void match()}>{result ? '重新对照' : '与文库中的案例对照'}</button>
      {!result && <span className="muted">按标题、单位和地区找出库中已有的案例，为它们设置名单上的奖项。</span>}
      {result && (
        <>
          <p role="status" className="award-summary">
            匹配 {result.matched.length} 条，待确认 {result.nearMisses.length} 条，未匹配 {result.unmatched.length} 条
            {result.unmatched.length ? '（未匹配的条目仍在下表中，可作为仅有标题的案例导入）' : ''}
          </p>
          {result.matched.length + result.nearMisses.length > 0 && (
            <>
              <table className="import-cases award-table">
                <thead>
                  <tr><th scope="col">设置</th><th scope="col">名单条目</th><th scope="col">库中案例</th><th scope="col">奖项</th><th scope="col">依据</th></tr>
                </thead>
                <tbody>
                  {result.matched.map((m) => row(m, false))}
                  {result.nearMisses.map((m) => row(m, true))}
                </tbody>
              </table>
              <button type="button" className="primary" disabled={props.disabled || busy || picked.size === 0} onClick={() => void apply()}>
                为勾选的 {picked.size} 个案例设置奖项
              </button>
            </>
          )}
          {done && <p className="muted" role="status">{done}</p>}
        </>
      )}
    </div>
  );
}
