/**
 * Export buttons: PDF, DOCX, or both in one step. Inside Electron the user picks the target
 * with the native dialog and can reveal the file; in a browser the file is offered as a
 * download link from the loopback server.
 */
import { useState, type JSX } from 'react';
import type { ExportResult } from '../../../electron/core/api/schema.js';
import { api, bridge, downloadUrl } from '../api/client.js';

export interface ExportBarProps {
  collectionId?: string;
  documentId?: string;
  template: 'anthology' | 'feature' | 'notice';
  defaultName?: string;
  beforeExport?: () => Promise<void>;
  onError: (message: string) => void;
}

type Done = { format: 'pdf' | 'docx'; result: ExportResult };

export function ExportBar(props: ExportBarProps): JSX.Element {
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<Done[]>([]);
  const [error, setError] = useState<string | null>(null);

  const run = async (formats: Array<'pdf' | 'docx'>) => {
    setError(null);
    setDone([]);
    try {
      await props.beforeExport?.();
      const results: Done[] = [];
      for (const [i, format] of formats.entries()) {
        let outPath: string | undefined;
        const b = bridge();
        if (b) {
          const picked = await b.dialogs.saveExport(`${props.defaultName ?? '汇编'}.${format}`, format);
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
        });
        results.push({ format, result });
        setDone([...results]);
      }
    } catch (e) {
      setError((e as Error).message);
      props.onError(`导出失败：${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-bar">
      <button type="button" disabled={Boolean(busy)} onClick={() => void run(['pdf'])}>导出 PDF</button>
      <button type="button" disabled={Boolean(busy)} onClick={() => void run(['docx'])}>导出 DOCX</button>
      <button type="button" className="primary" disabled={Boolean(busy)} onClick={() => void run(['pdf', 'docx'])}>导出 PDF 和 DOCX</button>
      {busy && (
        <span className="export-progress" role="status">
          <progress aria-label="导出进度" /> {busy}
        </span>
      )}
      {error && <span className="error-text">{error}</span>}
      {done.map(({ format, result }) => (
        <span key={format} className="export-done" data-format={format}>
          {format.toUpperCase()} 已导出（{Math.round(result.bytes / 1024)} KB{result.pages ? `，${result.pages} 页` : ''}）
          {bridge() ? (
            <button type="button" onClick={() => void bridge()!.showInFolder(result.path)}>在文件夹中显示</button>
          ) : (
            <a href={downloadUrl(result.path)} download className="download-link" data-path={result.path}>下载</a>
          )}
        </span>
      ))}
    </div>
  );
}
