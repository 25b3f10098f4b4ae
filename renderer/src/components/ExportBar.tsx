/**
 * Export buttons: PDF, DOCX, or both in one step. Inside Electron the user picks the target
 * in the Save As dialog, which proposes "collection-template-date"; the file can then be
 * revealed in its folder and is listed under 最近导出. In a browser the file is offered as a
 * download whose name carries the date and time, so exports never overwrite each other.
 */
import { useState, type JSX } from 'react';
import type { ExportResult } from '../../../electron/core/api/schema.js';
import { api, bridge, downloadUrl } from '../api/client.js';
import { quoted } from '../api/errors.js';
import { downloadName, exportBaseName } from '../exportName.js';
import type { ReportError } from './App.js';
import { ExportNotes } from './ExportNotes.js';

export interface ExportBarProps {
  collectionId?: string;
  documentId?: string;
  template: 'anthology' | 'feature' | 'notice';
  /** The collection's (or notice's) title: the start of the file name. */
  defaultName?: string;
  beforeExport?: () => Promise<void>;
  /** After a file was written (the composer refreshes 最近导出). */
  onExported?: (result: ExportResult) => void;
  onError: ReportError;
  disabled?: boolean;
  /** Only cases with these statuses (the composer: 定稿 and 已报送 unless told otherwise). */
  statuses?: Array<'draft' | 'review' | 'final' | 'submitted'>;
}

async function saveAs(url: string, name: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const href = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

type Done = { format: 'pdf' | 'docx'; result: ExportResult; name: string };

export function ExportBar(props: ExportBarProps): JSX.Element {
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<Done[]>([]);

  const run = async (formats: Array<'pdf' | 'docx'>) => {
    setDone([]);
    const results: Done[] = [];
    let current: 'pdf' | 'docx' = formats[0]!;
    try {
      await props.beforeExport?.();
      for (const [i, format] of formats.entries()) {
        current = format;
        let outPath: string | undefined;
        const b = bridge();
        if (b) {
          const picked = await b.dialogs.saveExport(`${exportBaseName(props.defaultName, props.template)}.${format}`, format);
          if (!picked) continue;
          outPath = picked;
        }
        setBusy(`正在导出 ${format.toUpperCase()}（${i + 1}/${formats.length}）…`);
        const result = await api('export.run', {
          template: props.template,
          format,
          ...(props.collectionId ? { collectionId: props.collectionId } : {}),
          ...(props.documentId ? { documentId: props.documentId } : {}),
          ...(outPath ? { outPath } : {}),
          ...(props.statuses ? { statuses: props.statuses } : {}),
        });
        results.push({ format, result, name: downloadName(props.defaultName, props.template, format) });
        setDone([...results]);
        props.onExported?.(result);
      }
    } catch (e) {
      props.onError(e, { action: `导出 ${current.toUpperCase()}`, subject: quoted(props.defaultName, '这份汇编') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-bar">
      <button type="button" disabled={Boolean(busy) || props.disabled} onClick={() => void run(['pdf'])}>导出 PDF</button>
      <button type="button" disabled={Boolean(busy) || props.disabled} onClick={() => void run(['docx'])}>导出 DOCX</button>
      <button type="button" className="primary" disabled={Boolean(busy) || props.disabled} onClick={() => void run(['pdf', 'docx'])}>导出 PDF 和 DOCX</button>
      {busy && (
        <span className="export-progress" role="status">
          <progress aria-label="导出进度" /> {busy}
        </span>
      )}
      {done.map(({ format, result, name }) => (
        <span key={format} className="export-done" data-format={format}>
          {format.toUpperCase()} 已导出（{Math.round(result.bytes / 1024)} KB{result.pages ? `，${result.pages} 页` : ''}）
          {bridge() ? (
            <button type="button" onClick={() => void bridge()!.showInFolder(result.path)}>在文件夹中显示</button>
          ) : (
            <a
              href={downloadUrl(result.path)}
              download={name}
              className="download-link"
              data-path={result.path}
              onClick={(e) => {
                // The server names the file it sends (Content-Disposition wins over `download`): hand the browser the bytes under this export's own name.
                e.preventDefault();
                void saveAs(downloadUrl(result.path), name).catch((error: unknown) => props.onError(error, { action: '下载', subject: `“${name}”` }));
              }}
            >
              下载 {name}
            </a>
          )}
        </span>
      ))}
      {done.map(({ format, result }) => (
        <ExportNotes key={`notes-${format}`} result={result} />
      ))}
    </div>
  );
}
