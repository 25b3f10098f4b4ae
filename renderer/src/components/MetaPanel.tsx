/** 元数据: the case's title, region (picked from the GB/T 2260 division data), category, unit, award, year, status. */
import { useEffect, useState, type JSX } from 'react';
import type { CaseMeta, Region } from '../../../electron/core/model/types.js';
import type { ApiResult, RegionOption } from '../../../electron/core/api/schema.js';
import { api } from '../api/client.js';
import { STATUS_LABEL, STATUS_ORDER } from '../status.js';

export interface MetaPanelProps {
  meta: CaseMeta;
  categories: string[];
  onChange: (patch: Partial<CaseMeta>) => void;
  /** Status changes go through the lifecycle (reason, lock), not a plain field patch. */
  onStatus: (status: string) => void;
  /** 定稿: fields are shown read-only until the case is reopened. */
  locked?: boolean;
  /** For the 状态记录 (who changed the status, when, why). */
  documentId?: string;
}

function regionLabel(region: Region | null | undefined): string {
  return [region?.province, region?.city, region?.county].filter(Boolean).join(' ');
}

function regionFromOption(option: RegionOption): Region {
  const parts = option.path.split(/\s+/);
  return { province: parts[0] ?? null, city: parts[1] ?? null, county: parts[2] ?? null, code: option.code };
}

/** Province → city → county pickers over the GB/T 2260 division data (regions.children). */
function RegionCascade({ onPick }: { onPick: (option: RegionOption) => void }): JSX.Element {
  const [levels, setLevels] = useState<RegionOption[][]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    api('regions.children', { code: null }).then((p) => setLevels([p])).catch(() => undefined);
  }, []);
  const choose = async (depth: number, code: string) => {
    const option = levels[depth]?.find((o) => o.code === code);
    setChosen((c) => [...c.slice(0, depth), code]);
    if (!option) {
      setLevels((l) => l.slice(0, depth + 1));
      return;
    }
    onPick(option);
    const children = option.level === 'county' ? [] : await api('regions.children', { code }).catch(() => []);
    setLevels((l) => [...l.slice(0, depth + 1), ...(children.length ? [children] : [])]);
  };
  const labels = ['省', '市', '县区'];
  return (
    <div className="region-cascade">
      {levels.map((options, depth) => (
        <select key={depth} value={chosen[depth] ?? ''} onChange={(e) => void choose(depth, e.target.value)} aria-label={`选择${labels[depth]}`}>
          <option value="">{labels[depth]}…</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>{o.name}</option>
          ))}
        </select>
      ))}
    </div>
  );
}

/** 状态记录: the lifecycle log of the case, in the order of the changes. */
function StatusHistory({ documentId, status }: { documentId: string; status: string | undefined }): JSX.Element {
  const [open, setOpen] = useState(false);
  const [log, setLog] = useState<ApiResult<'documents.statusHistory'> | null>(null);
  useEffect(() => {
    if (!open) return;
    api('documents.statusHistory', { id: documentId }).then(setLog).catch(() => setLog([]));
  }, [open, documentId, status]);
  return (
    <details className="status-history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>状态记录</summary>
      {log && log.length === 0 && <p className="muted small">还没有改过状态。</p>}
      <ol>
        {(log ?? []).map((c) => (
          <li key={c.id}>
            <span>{STATUS_LABEL[c.from]} → {STATUS_LABEL[c.to]}</span> <span className="muted small">{c.who} · {new Date(c.at).toLocaleString('zh-CN', { hour12: false })}</span>
            {c.reason && <div className="small">原因：{c.reason}</div>}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function MetaPanel({ meta, categories, onChange, onStatus, locked = false, documentId }: MetaPanelProps): JSX.Element {
  const [draft, setDraft] = useState(meta);
  const [regionQuery, setRegionQuery] = useState('');
  const [options, setOptions] = useState<RegionOption[]>([]);
  useEffect(() => setDraft(meta), [meta]);

  useEffect(() => {
    if (!regionQuery.trim()) {
      setOptions([]);
      return;
    }
    const timer = setTimeout(() => {
      api('regions.search', { q: regionQuery.trim(), limit: 12 }).then(setOptions).catch(() => setOptions([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [regionQuery]);

  const text = (key: 'title' | 'subtitle' | 'unit' | 'award', label: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={(draft[key] as string | null | undefined) ?? ''}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        onBlur={() => {
          const value = (draft[key] as string | null | undefined) ?? '';
          if (value !== ((meta[key] as string | null | undefined) ?? '')) onChange({ [key]: key === 'title' ? value : value || null });
        }}
        aria-label={label}
        readOnly={locked}
      />
    </label>
  );

  return (
    <div className="meta-panel">
      <fieldset className="meta-fields" disabled={locked}>
      <legend className="sr-only">元数据</legend>
      {text('title', '标题')}
      {text('subtitle', '副标题')}
      <div className="field">
        <span>地区</span>
        <div className="region-value">{regionLabel(meta.region) || <span className="muted">未设置</span>}</div>
        <input value={regionQuery} onChange={(e) => setRegionQuery(e.target.value)} placeholder="搜索地区，如 任城" aria-label="搜索地区" />
        <RegionCascade onPick={(o) => onChange({ region: regionFromOption(o) })} />
        {options.length > 0 && (
          <ul className="region-options" role="listbox">
            {options.map((o) => (
              <li key={o.code} role="option" aria-selected={false} onClick={() => { onChange({ region: regionFromOption(o) }); setRegionQuery(''); setOptions([]); }}>
                {o.path}
              </li>
            ))}
          </ul>
        )}
      </div>
      <label className="field">
        <span>业务领域</span>
        <select value={meta.category ?? ''} onChange={(e) => onChange({ category: e.target.value || null })} aria-label="业务领域">
          <option value="">未分类</option>
          {[...new Set([...(meta.category ? [meta.category] : []), ...categories])].map((c) => <option key={c}>{c}</option>)}
        </select>
      </label>
      {text('unit', '创新单位')}
      {text('award', '奖项')}
      <label className="field">
        <span>年度</span>
        <input type="number" value={draft.year ?? ''} onChange={(e) => setDraft({ ...draft, year: e.target.value ? Number(e.target.value) : null })} onBlur={() => draft.year !== meta.year && onChange({ year: draft.year ?? null })} aria-label="年度" />
      </label>
      </fieldset>
      <label className="field">
        <span>状态</span>
        <select value={meta.status ?? 'draft'} onChange={(e) => onStatus(e.target.value)} aria-label="状态">
          {STATUS_ORDER.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
        </select>
      </label>
      {documentId && <StatusHistory documentId={documentId} status={meta.status} />}
      {meta.sourceFile && <p className="muted small">来源文件：{meta.sourceFile}</p>}
    </div>
  );
}
