/**
 * 排版导出: pick a collection and a template, order its sections (篇), preview the pages
 * the PDF writer produces, and export PDF/DOCX.
 */
import { lazy, Suspense, useEffect, useState, type JSX } from 'react';
import type { CollectionSummary } from '../../../electron/core/api/schema.js';
import type { Collection } from '../../../electron/core/model/types.js';
import { api } from '../api/client.js';
import { ExportBar } from './ExportBar.js';
// pdf.js is large: load it only when a preview is asked for.
const PdfPages = lazy(() => import('./PdfPages.js').then((m) => ({ default: m.PdfPages })));

export interface ComposerViewProps {
  collections: CollectionSummary[];
  collectionId: string | null;
  onCollection: (id: string) => void;
  onError: (message: string) => void;
}

const TEMPLATES: Array<{ id: 'anthology' | 'feature'; label: string }> = [
  { id: 'anthology', label: '案例汇编（书）' },
  { id: 'feature', label: '杂志专题' },
];

export function ComposerView({ collections, collectionId, onCollection, onError }: ComposerViewProps): JSX.Element {
  const [collection, setCollection] = useState<Collection | null>(null);
  const [template, setTemplate] = useState<'anthology' | 'feature'>('anthology');
  const [preview, setPreview] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const id = collectionId ?? collections[0]?.id ?? null;

  useEffect(() => {
    setPreview(null);
    if (!id) return;
    api('collections.get', { id }).then(setCollection).catch((e: Error) => onError(e.message));
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
      onError((e as Error).message);
    }
  };

  const runPreview = async () => {
    if (!id) return;
    setPreviewing(true);
    try {
      const result = await api('export.preview', { collectionId: id, template });
      setPreview(result.pdfBase64);
    } catch (e) {
      onError(`预览失败：${(e as Error).message}`);
    } finally {
      setPreviewing(false);
    }
  };

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
                <span className="section-title">{s.title}</span> <span className="count">{s.caseIds.length} 篇</span>
                <button type="button" aria-label={`上移 ${s.title}`} disabled={i === 0} onClick={() => void moveSection(i, -1)}>↑</button>
                <button type="button" aria-label={`下移 ${s.title}`} disabled={i === collection.sections.length - 1} onClick={() => void moveSection(i, 1)}>↓</button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => void runPreview()} disabled={previewing}>{previewing ? '正在生成预览…' : '生成版面预览'}</button>
          {previewing && <progress aria-label="预览进度" />}
          <ExportBar collectionId={id} template={template} defaultName={collection?.title} onError={onError} />
        </div>
        <div className="preview-area">{preview ? <Suspense fallback={<p className="muted">正在载入预览…</p>}><PdfPages base64={preview} /></Suspense> : <p className="muted">点击“生成版面预览”查看排版效果。</p>}</div>
      </div>
    </section>
  );
}
