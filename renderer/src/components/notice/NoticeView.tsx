/**
 * The notice's own fields (GB/T 9704-2012 elements) and a live page preview in mm: 版头
 * (organ mark in red, 发文字号, red rule), the body on its grid, 署名 and 成文日期, and the
 * 版记 (抄送, 印发机关 and 印发日期 between rules) at the foot of the page.
 */
import { useEffect, useState, type JSX } from 'react';
import { $getRoot, type LexicalEditor } from 'lexical';
import type { NoticeMeta } from '../../../../electron/core/model/types.js';
import { formatNoticeDate, normalizeDocNumber, parseNoticeDate } from './noticeRules.js';

type Patch = Partial<NoticeMeta>;

export function NoticeForm({ meta, onChange }: { meta: NoticeMeta; onChange: (patch: Patch) => void }): JSX.Element {
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => setDraft({}), [meta]);
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
          onChange(commit(draft[key]!));
        }}
      />
    </label>
  );
  const list = (v: string) => v.split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean);
  return (
    <details className="notice-form-wrap" open>
      <summary>公文要素</summary>
    <div className="notice-form" aria-label="公文要素">
      {field('title', '标题', meta.title, (v) => ({ title: v }), { wide: true })}
      {field('organ', '发文机关标志', meta.organ ?? '', (v) => ({ organ: v || null }))}
      {field('docNumber', '发文字号', meta.docNumber ?? '', (v) => {
        const n = normalizeDocNumber(v);
        setDraft((d) => ({ ...d, docNumber: n }));
        return { docNumber: n || null };
      }, { placeholder: '如 鲁民函〔2021〕11号' })}
      {field('signers', '签发人', (meta.signers ?? []).join('、'), (v) => ({ signers: list(v) }))}
      {field('addressees', '主送机关', meta.addressees ?? '', (v) => ({ addressees: v.replace(/[:：]\s*$/, '') || null }), { wide: true })}
      {field('attachments', '附件说明（每行一件，用；分隔）', (meta.attachmentTitles ?? []).join('；'), (v) => ({ attachmentTitles: list(v) }), { wide: true })}
      {field('issuer', '署名', meta.issuer ?? '', (v) => ({ issuer: v || null }))}
      {field('date', '成文日期', formatNoticeDate(meta.date), (v) => ({ date: parseNoticeDate(v) }), { placeholder: '如 2021年3月5日' })}
      {field('note', '附注', meta.note ?? '', (v) => ({ note: v.replace(/^[（(]|[）)]$/g, '') || null }))}
      {field('cc', '抄送', meta.cc ?? '', (v) => ({ cc: v.replace(/。$/, '') || null }), { wide: true })}
      {field('printer', '印发机关', meta.printer ?? '', (v) => ({ printer: v || null }))}
      {field('printDate', '印发日期', formatNoticeDate(meta.printDate), (v) => ({ printDate: parseNoticeDate(v) }))}
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
    </div>
    </details>
  );
}

export function NoticePreview({ meta, editor }: { meta: NoticeMeta; editor: LexicalEditor | null }): JSX.Element {
  const [paragraphs, setParagraphs] = useState<string[]>([]);
  useEffect(() => {
    if (!editor) return;
    const read = () => editor.getEditorState().read(() => setParagraphs($getRoot().getChildren().map((c) => c.getTextContent())));
    read();
    return editor.registerUpdateListener(read);
  }, [editor]);
  const organ = meta.organ ?? '';
  return (
    <div className="notice-preview-wrap">
      <div className="notice-page" aria-label="公文版面预览">
        <div className="np-head">
          <div className="np-organ">{organ.endsWith('文件') || !organ ? organ : `${organ}文件`}</div>
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
  );
}
