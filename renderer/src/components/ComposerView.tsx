/**
 * 排版导出: pick a collection and a template, order its sections (篇), preview the pages
 * the PDF writer produces, and export PDF/DOCX.
 */
import { lazy, Suspense, useEffect, useState, type JSX } from 'react';
import type { ApiResult, CollectionSummary, DocSummary } from '../../../electron/core/api/schema.js';
import type { Collection } from '../../../electron/core/model/types.js';
import { api, bridge } from '../api/client.js';
import { quoted } from '../api/errors.js';
import { LOCKED_STATUSES, statusLabel } from '../status.js';
import type { ReportError } from './App.js';
import { ExportBar } from './ExportBar.js';
import { applyLeadText, keptBlocks, leadToText } from './leadText.js';
// pdf.js is large: load it only when a preview is asked for.
const PdfPages = lazy(() => import('./PdfPages.js').then((m) => ({ default: m.PdfPages })));

export interface ComposerViewProps {
  collections: CollectionSummary[];
  collectionId: string | null;
  onCollection: (id: string) => void;
  onError: ReportError;
  /** Opens a case (from the list of cases left out or over budget). */
  onOpen: (id: string) => void;
}

const TEMPLATES: Array<{ id: 'anthology' | 'feature'; label: string }> = [
  { id: 'anthology', label: '案例汇编（书）' },
  { id: 'feature', label: '杂志专题' },
];

export function ComposerView({ collections, collectionId, onCollection, onError, onOpen }: ComposerViewProps): JSX.Element {
  const [docs, setDocs] = useState<DocSummary[]>([]);
  const [recent, setRecent] = useState<Array<{ path: string; at: string }>>([]);
  const loadRecent = () => void bridge()?.dialogs.recentExports().then(setRecent).catch(() => undefined);
  useEffect(loadRecent, []);
  const [collection, setCollection] = useState<Collection | null>(null);
  const [template, setTemplate] = useState<'anthology' | 'feature'>('anthology');
  const [preview, setPreview] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [includeAll, setIncludeAll] = useState(false);
  const [layout, setLayout] = useState<{ cases: ApiResult<'export.preview'>['cases']; overBudget: ApiResult<'export.preview'>['overBudget'] } | null>(null);
  const statuses = includeAll ? undefined : (['final', 'submitted'] as Array<'final' | 'submitted'>);
  const id = collectionId ?? collections[0]?.id ?? null;

  useEffect(() => {
    setPreview(null);
    setLayout(null);
    if (!id) return;
    const title = collections.find((c) => c.id === id)?.title;
    api('collections.get', { id }).then(setCollection).catch((e: unknown) => onError(e, { action: '打开汇编', subject: quoted(title, '这份汇编') }));
    api('documents.list', { collectionId: id, filters: { kind: 'case' } }).then(setDocs).catch(() => setDocs([]));
  }, [id]);

  const moveSection = async (index: number, delta: -1 | 1) => {
    if (!collection) return;
    const sections = [...collection.sections];
    const target = index + delta;
    if (target < 0 || target >= sections.length) return;
    [sections[index], sections[target]] = [sections[target]!, sections[index]!];
    try {
      setCollection(await api('collections.update', { id: collection.id, sections }));
      setPreview(null);
    } catch (e) {
      onError(e, { action: '调整篇目顺序', subject: quoted(collection.title) });
    }
  };

  const runPreview = async () => {
    if (!id) return;
    setPreviewing(true);
    try {
      const result = await api('export.preview', { collectionId: id, template, ...(statuses ? { statuses } : {}) });
      setPreview(result.pdfBase64);
      setLayout({ cases: result.cases ?? [], overBudget: result.overBudget ?? [] });
    } catch (e) {
      onError(e, { action: '生成版面预览', subject: quoted(collection?.title, '这份汇编') });
    } finally {
      setPreviewing(false);
    }
  };

  const finals = docs.filter((d) => LOCKED_STATUSES.has(d.status));
  const others = docs.filter((d) => !LOCKED_STATUSES.has(d.status));

  // A section counts the cases this export will print; ids of cases not listed here (another
  // kind, in the trash) are not counted at all.
  const exported = new Set((includeAll ? docs : finals).map((d) => d.id));
  const known = new Set(docs.map((d) => d.id));

  if (!id) return <section className="composer empty">还没有汇编。请先导入案例。</section>;

  return (
    <section className="composer" aria-label="排版导出">
      <header className="view-head">
        <h2>排版导出</h2>
        <select value={id} onChange={(e) => onCollection(e.target.value)} aria-label="选择汇编">
          {collections.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
        </select>
        <select value={template} onChange={(e) => { setTemplate(e.target.value as 'anthology' | 'feature'); setPreview(null); }} aria-label="版式模板">
          {TEMPLATES.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
        </select>
      </header>
      <div className="composer-body">
        <div className="sections">
          <h3>篇目顺序</h3>
          <ol>
            {collection?.sections.map((s, i) => (
              <li key={`${s.title}-${i}`}>
                <div className="section-row">
                  <span className="section-title">{s.title}</span> <SectionCount caseIds={s.caseIds} exported={exported} known={known} />
                  <button type="button" aria-label={`上移 ${s.title}`} disabled={i === 0} onClick={() => void moveSection(i, -1)}>↑</button>
                  <button type="button" aria-label={`下移 ${s.title}`} disabled={i === collection.sections.length - 1} onClick={() => void moveSection(i, 1)}>↓</button>
                </div>
              </li>
            ))}
          </ol>
          {collection && (
            <LeadEditor
              key={collection.id}
              collection={collection}
              heading={template === 'anthology' ? '前言' : '导语'}
              onSaved={(c) => {
                setCollection(c);
                setPreview(null);
              }}
              onError={onError}
            />
          )}
          <button type="button" onClick={() => void runPreview()} disabled={previewing || (!includeAll && finals.length === 0)}>{previewing ? '正在生成预览…' : '生成版面预览'}</button>
          {previewing && <progress aria-label="预览进度" />}
          {layout && <PageBudgets layout={layout} onOpen={onOpen} />}
          <section className="export-scope" aria-label="导出范围">
            <h3>导出范围</h3>
            <p>
              {includeAll ? `导出全部 ${docs.length} 篇案例（其中未定稿 ${others.length} 篇）。` : `导出定稿和已报送的 ${finals.length} 篇${others.length ? `，未定稿的 ${others.length} 篇不导出` : ''}。`}
            </p>
            <label className="check">
              <input type="checkbox" checked={includeAll} onChange={(e) => { setIncludeAll(e.target.checked); setPreview(null); setLayout(null); }} /> 包括未定稿的案例
            </label>
            {!includeAll && finals.length === 0 && docs.length > 0 && <p className="warning" role="status">还没有定稿的案例：请在案例的元数据中把状态设为“定稿”，或勾选“包括未定稿的案例”。</p>}
            {others.length > 0 && (
              <details>
                <summary>{includeAll ? '其中未定稿的案例' : '不导出的案例'}（{others.length}）</summary>
                <ul className="scope-list">
                  {others.map((d) => (
                    <li key={d.id}>
                      <button type="button" className="link" onClick={() => onOpen(d.id)}>{d.title}</button> <span className="muted">{statusLabel(d.status)}</span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
          <ExportBar collectionId={id} template={template} defaultName={collection?.title} onError={onError} onExported={(r) => { loadRecent(); setLayout({ cases: r.cases ?? [], overBudget: r.overBudget ?? [] }); }} statuses={statuses} disabled={!includeAll && finals.length === 0} />
          {recent.length > 0 && (
            <section className="recent-exports" aria-label="最近导出">
              <h3>最近导出</h3>
              <ul>
                {recent.map((r) => (
                  <li key={r.path}>
                    <span className="recent-name" title={r.path}>{r.path.split(/[\\/]/).pop()}</span> <span className="muted">{new Date(r.at).toLocaleString('zh-CN', { hour12: false })}</span>
                    <button type="button" onClick={() => void bridge()?.showInFolder(r.path)}>在文件夹中显示</button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <div className="preview-area" tabIndex={0} role="region" aria-label="版面预览">{preview ? <Suspense fallback={<p className="muted">正在载入预览…</p>}><PdfPages base64={preview} /></Suspense> : <p className="muted">点击“生成版面预览”查看排版效果。</p>}</div>
      </div>
    </section>
  );
}

/**
 * The collection's 导语, printed as the book's 前言 (before the 目录) and as the feature's lead:
 * one paragraph a line; pictures and tables in it are kept (leadText.ts).
 */
function LeadEditor({ collection, heading, onSaved, onError }: { collection: Collection; heading: string; onSaved: (c: Collection) => void; onError: ReportError }): JSX.Element {
  const saved = leadToText(collection.lead ?? []);
  const [text, setText] = useState(saved);
  const [saving, setSaving] = useState(false);
  const kept = keptBlocks(collection.lead ?? []);
  const save = async () => {
    setSaving(true);
    try {
      onSaved(await api('collections.update', { id: collection.id, lead: applyLeadText(collection.lead ?? [], text) }));
    } catch (e) {
      // The text stays in the box: nothing typed is lost.
      onError(e, { action: `保存${heading}`, subject: quoted(collection.title) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="lead-editor" aria-label={heading}>
      <h3>{heading}</h3>
      <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} aria-label={`${heading}（每行一段）`} placeholder={`${heading}：每行一段；留空则不印。`} />
      {kept > 0 && <p className="muted">其中另有 {kept} 处图片或表格，保存时保留原位；文字全部清空则连同它们一起去掉。</p>}
      <button type="button" disabled={saving || text === saved} onClick={() => void save()}>{saving ? '正在保存…' : `保存${heading}`}</button>
    </section>
  );
}

/** A section's count in 篇目顺序: the cases it exports, and how many of its cases stay out. */
function SectionCount({ caseIds, exported, known }: { caseIds: readonly string[]; exported: ReadonlySet<string>; known: ReadonlySet<string> }): JSX.Element {
  const printed = caseIds.filter((c) => exported.has(c)).length;
  const out = caseIds.filter((c) => known.has(c) && !exported.has(c)).length;
  return (
    <span className="count" data-exported={printed} data-left-out={out}>
      {printed} 篇{out ? `（另 ${out} 篇不导出）` : ''}
    </span>
  );
}

/** 页数预算: each case's pages from the layout against the template's budget, and layout flags, each with a link to the case. */
function PageBudgets({ layout, onOpen }: { layout: { cases: ApiResult<'export.preview'>['cases']; overBudget: ApiResult<'export.preview'>['overBudget'] }; onOpen: (id: string) => void }): JSX.Element {
  const flagged = layout.cases.filter((c) => c.headingsAtFoot?.length || c.lastPageLines !== undefined);
  return (
    <section className="page-budgets" aria-label="页数预算">
      <h3>页数预算</h3>
      {layout.overBudget.length === 0 ? (
        <p className="muted">{layout.cases.length} 篇案例都在页数预算之内。</p>
      ) : (
        <table className="budget-table">
          <thead>
            <tr><th scope="col">超出预算的案例</th><th scope="col">页数</th><th scope="col">预算</th></tr>
          </thead>
          <tbody>
            {layout.overBudget.map((o) => (
              <tr key={o.document} className="over-budget">
                <td><button type="button" className="link" onClick={() => onOpen(o.document)}>{o.title}</button></td>
                <td>{o.pages}</td>
                <td>{o.budget}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {flagged.length > 0 && (
        <details>
          <summary>版面提示（{flagged.length}）</summary>
          <ul className="scope-list">
            {flagged.map((c) => (
              <li key={c.document}>
                <button type="button" className="link" onClick={() => onOpen(c.document)}>{c.title}</button>
                <span className="muted">
                  第 {c.firstPage} 页起 {c.pages} 页
                  {c.headingsAtFoot?.length ? `；标题落在页脚（第 ${c.headingsAtFoot.join('、')} 页）` : ''}
                  {c.lastPageLines !== undefined ? `；末页只有 ${c.lastPageLines} 行` : ''}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
