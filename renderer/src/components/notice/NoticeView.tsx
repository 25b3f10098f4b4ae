/**
 * The notice's own fields (GB/T 9704-2012 elements) and a live page preview in mm: 版头
 * (organ mark in red, 发文字号, red rule), the body on its grid, 署名 and 成文日期, and the
 * 版记 (抄送, 印发机关 and 印发日期 between rules) at the foot of the page.
 */
import { lazy, Suspense, useEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import { api } from '../../api/client.js';
// pdf.js is large: load it only when the paged preview is opened.
const PdfPages = lazy(() => import('../PdfPages.js').then((m) => ({ default: m.PdfPages })));
import { $getRoot, type LexicalEditor } from 'lexical';
import type { NoticeMeta } from '../../../../electron/core/model/types.js';
import { organMark } from '../../../../electron/core/model/notice.js';
import { formatNoticeDate, normalizeDocNumber, parseNoticeDate } from './noticeRules.js';

type Patch = Partial<NoticeMeta>;

type FieldGroup = 'head' | 'sign' | 'record';
const GROUPS: Array<{ id: FieldGroup; label: string }> = [
  { id: 'head', label: '版头' },
  { id: 'sign', label: '落款与附件' },
  { id: 'record', label: '版记' },
];

export function NoticeForm({ meta, onChange }: { meta: NoticeMeta; onChange: (patch: Patch) => void }): JSX.Element {
  const [draft, setDraft] = useState<Record<string, string>>({});
  // A notice whose 版头 is filled opens folded, leaving the page to the body; a new one opens on its fields.
  const [open, setOpen] = useState(() => !(meta.organ || meta.docNumber));
  const [group, setGroup] = useState<FieldGroup>('head');
  // A saved field's draft gives way to the stored value; a field still being typed in keeps its draft
  // (another field's save coming back must not wipe it).
  const committed = useRef(new Set<string>());
  useEffect(() => {
    const done = committed.current;
    if (!done.size) return;
    setDraft((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !done.has(k))));
    committed.current = new Set();
  }, [meta]);
  const value = (key: string, fallback: string) => draft[key] ?? fallback;
  const field = (key: string, label: string, current: string, commit: (v: string) => Patch, opts: { wide?: boolean; placeholder?: string } = {}) => (
    <label className={`field ${opts.wide ? 'wide' : ''}`}>
      <span>{label}</span>
      <input
        aria-label={label}
        value={value(key, current)}
        placeholder={opts.placeholder}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
        onBlur={() => {
          if (draft[key] === undefined || draft[key] === current) return;
          committed.current.add(key);
          onChange(commit(draft[key]!));
        }}
      />
    </label>
  );
  const list = (v: string) => v.split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean);
  const groups: Record<FieldGroup, ReactNode> = {
    head: (
      <>
        {field('title', '标题', meta.title, (v) => ({ title: v }), { wide: true })}
        {field('organ', '发文机关标志', meta.organ ?? '', (v) => ({ organ: v || null }))}
        {field('docNumber', '发文字号', meta.docNumber ?? '', (v) => {
          const n = normalizeDocNumber(v);
          setDraft((d) => ({ ...d, docNumber: n }));
          return { docNumber: n || null };
        }, { placeholder: '如 鲁民函〔2021〕11号' })}
        {field('signers', '签发人', (meta.signers ?? []).join('、'), (v) => ({ signers: list(v) }))}
        {field('addressees', '主送机关', meta.addressees ?? '', (v) => ({ addressees: v.replace(/[:：]\s*$/, '') || null }), { wide: true })}
      </>
    ),
    sign: (
      <>
        {field('attachments', '附件说明（每行一件，用；分隔）', (meta.attachmentTitles ?? []).join('；'), (v) => ({ attachmentTitles: list(v) }), { wide: true })}
        {field('issuer', '署名', meta.issuer ?? '', (v) => ({ issuer: v || null }))}
        {field('date', '成文日期', formatNoticeDate(meta.date), (v) => ({ date: parseNoticeDate(v) }), { placeholder: '如 2021年3月5日' })}
        {field('note', '附注', meta.note ?? '', (v) => ({ note: v.replace(/^[（(]|[）)]$/g, '') || null }))}
        <div className="field">
          <span>印章图片</span>
          <div className="row">
            <label className="file-button">
              {meta.sealImage ? '更换印章' : '选择印章图片'}
              <input
                type="file"
                accept="image/png"
                aria-label="印章图片"
                hidden
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  const reader = new FileReader();
                  reader.onload = () => onChange({ sealImage: String(reader.result) });
                  reader.readAsDataURL(file);
                  e.target.value = '';
                }}
              />
            </label>
            {meta.sealImage && <button type="button" onClick={() => onChange({ sealImage: null })}>移除印章</button>}
          </div>
        </div>
      </>
    ),
    record: (
      <>
        {field('cc', '抄送', meta.cc ?? '', (v) => ({ cc: v.replace(/。$/, '') || null }), { wide: true })}
        {field('printer', '印发机关', meta.printer ?? '', (v) => ({ printer: v || null }))}
        {field('printDate', '印发日期', formatNoticeDate(meta.printDate), (v) => ({ printDate: parseNoticeDate(v) }))}
      </>
    ),
  };
  const summary = [meta.organ, meta.docNumber, meta.date ? formatNoticeDate(meta.date) : null].filter(Boolean).join(' · ');
  return (
    <section className={`notice-form-wrap ${open ? 'open' : ''}`} aria-label="公文要素">
      <div className="notice-form-head">
        <button type="button" className="notice-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> 公文要素
        </button>
        {!open && <span className="notice-summary muted">{summary || '尚未填写发文机关和发文字号'}</span>}
        {open && (
          <div className="notice-groups" role="tablist" aria-label="公文要素分组">
            {GROUPS.map((g) => (
              <button key={g.id} type="button" role="tab" aria-selected={group === g.id} onClick={() => setGroup(g.id)}>
                {g.label}
              </button>
            ))}
          </div>
        )}
      </div>
      {open && (
        <div className="notice-form" role="tabpanel" aria-label={GROUPS.find((g) => g.id === group)!.label}>
          {groups[group]}
        </div>
      )}
    </section>
  );
}

const ZOOMS = [0.36, 0.5, 0.75, 1];

export function NoticePreview({ meta, editor, documentId, beforePreview }: { meta: NoticeMeta; editor: LexicalEditor | null; documentId?: string; beforePreview?: () => Promise<void> }): JSX.Element {
  const [paragraphs, setParagraphs] = useState<string[]>([]);
  const [zoom, setZoom] = useState(ZOOMS[0]!);
  const [paged, setPaged] = useState<{ pdf: string | null; error: string | null } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const openPaged = async () => {
    if (!documentId) return;
    setPaged({ pdf: null, error: null });
    requestAnimationFrame(() => dialog.current?.showModal());
    try {
      await beforePreview?.();
      const r = await api('export.preview', { documentId, template: 'notice' });
      setPaged({ pdf: r.pdfBase64, error: null });
    } catch (e) {
      setPaged({ pdf: null, error: `没有生成版面预览：${(e as Error).message}。请检查公文要素后重试。` });
    }
  };
  useEffect(() => {
    if (!editor) return;
    const read = () => editor.getEditorState().read(() => setParagraphs($getRoot().getChildren().map((c) => c.getTextContent())));
    read();
    return editor.registerUpdateListener(read);
  }, [editor]);
  return (
    <div className="notice-preview-wrap">
      <div className="row notice-preview-tools">
        <label>
          缩放
          <select value={zoom} onChange={(e) => setZoom(Number(e.target.value))} aria-label="预览缩放">
            {ZOOMS.map((z) => <option key={z} value={z}>{Math.round(z * 100)}%</option>)}
          </select>
        </label>
        {documentId && <button type="button" onClick={() => void openPaged()}>按页预览</button>}
      </div>
      <dialog ref={dialog} className="paged-preview" aria-label="按页预览（与导出的 PDF 相同）" onClose={() => setPaged(null)}>
        <div className="row paged-head">
          <strong>按页预览</strong>
          <span className="muted">与导出的 PDF 相同</span>
          <span className="spacer" />
          <button type="button" onClick={() => dialog.current?.close()}>关闭</button>
        </div>
        {paged?.error && <p className="error-text" role="alert">{paged.error}</p>}
        {paged && !paged.pdf && !paged.error && <p className="muted" role="status">正在排版…</p>}
        {paged?.pdf && (
          <Suspense fallback={<p className="muted">正在载入预览…</p>}>
            <PdfPages base64={paged.pdf} scale={1.1} />
          </Suspense>
        )}
      </dialog>
      <div className="notice-page-frame" style={{ width: `calc(210mm * ${zoom})`, height: `calc(297mm * ${zoom})` }}>
      <div className="notice-page" aria-label="公文版面预览" style={{ transform: `scale(${zoom})` }}>
        <div className="np-head">
          <div className="np-organ">{organMark(meta)}</div>
          <div className="np-number">
            {meta.signers && meta.signers.length ? <span className="np-signers">签发人：{meta.signers.join(' ')}</span> : null}
            <span>{meta.docNumber}</span>
          </div>
          <div className="np-rule" />
        </div>
        <div className="np-title">{meta.title}</div>
        {meta.addressees && <div className="np-line">{meta.addressees}：</div>}
        {paragraphs.filter((p) => p.trim()).map((p, i) => (
          <div key={i} className="np-body">{p}</div>
        ))}
        {(meta.attachmentTitles ?? []).length > 0 && (
          <div className="np-attachments">
            {(meta.attachmentTitles ?? []).map((t, i, all) => (
              <div key={i}>{i === 0 ? '附件：' : <span className="np-indent-attach" />}{all.length > 1 ? `${i + 1}. ` : ''}{t}</div>
            ))}
          </div>
        )}
        <div className="np-sign">
          {meta.sealImage && <img className="np-seal" src={meta.sealImage} alt="印章" />}
          <div>{meta.issuer}</div>
          <div>{formatNoticeDate(meta.date)}</div>
        </div>
        {meta.note && <div className="np-body">（{meta.note}）</div>}
        <div className="np-record">
          {meta.cc && <div className="np-cc">抄送：{meta.cc}。</div>}
          <div className="np-print">
            <span>{meta.printer}</span>
            <span>{meta.printDate ? `${formatNoticeDate(meta.printDate)}印发` : ''}</span>
          </div>
        </div>
      </div>
      </div>
    </div>
  );
}
