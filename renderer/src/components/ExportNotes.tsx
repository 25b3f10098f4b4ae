/**
 * What an export asks the editor to look at before printing, under its 已导出 line: the faces
 * that stood in for ones this computer lacks, and the report's warnings (missing photos, the
 * release gate's findings, page budgets, headings at a page foot). The file is written either
 * way; without this the app said only 已导出 while the command line listed them all.
 */
import type { JSX } from 'react';
import type { ExportResult } from '../../../electron/core/api/schema.js';

/** "Noto Serif SC Bold (substitute for 小标宋)" → "Noto Serif SC Bold": the role is named beside it. */
const faceName = (face: string) => face.replace(/\s*\(substitute for [^)]*\)\s*$/, '');

export function ExportNotes({ result }: { result: ExportResult }): JSX.Element | null {
  const stand = (result.fonts ?? []).filter((f) => f.substitute);
  const warnings = (result.warnings ?? []).filter((w) => w.kind !== 'font-substitute' || !stand.length);
  const count = warnings.length + (stand.length ? 1 : 0);
  if (!count) return null;
  return (
    <details className="export-notes" data-format={result.format} open={count <= 3}>
      <summary>请在印制前查看（{count} 项）</summary>
      <ul>
        {stand.length > 0 && (
          <li className="font-substitutes">
            本机没有{[...new Set(stand.map((f) => f.standard))].map((s) => `“${s}”`).join('、')}，PDF 中用替代字体排版（{stand.map((f) => `${f.standard} → ${faceName(f.face)}`).join('；')}）。安装这些字体后重新导出即可；DOCX 不受影响，由打开它的 Word/WPS 按原字体名排版。
          </li>
        )}
        {warnings.map((w, i) => (
          <li key={i}>{w.message}</li>
        ))}
      </ul>
    </details>
  );
}
