/**
 * Names of exported files: the collection (or notice), the template and the date, e.g.
 * "2022年民政工作创新案例汇编-案例汇编-2026-12-01.pdf". The browser build adds the time
 * of day, so that a second export does not overwrite the first in the downloads folder.
 */
export const TEMPLATE_LABEL: Record<string, string> = { anthology: '案例汇编', feature: '杂志专题', notice: '通知' };

const pad = (n: number) => String(n).padStart(2, '0');

function clean(title: string): string {
  return title.replace(/[<>:"/\\|?*]/g, '_').replace(/\p{Cc}/gu, '_').replace(/^\.+/, '').trim().slice(0, 80);
}

export function exportBaseName(title: string | null | undefined, template: string, now = new Date()): string {
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const stem = clean(title ?? '') || '汇编';
  const label = TEMPLATE_LABEL[template] ?? template;
  return stem.endsWith(label) ? `${stem}-${date}` : `${stem}-${label}-${date}`;
}

const issued = new Set<string>();

export function downloadName(title: string | null | undefined, template: string, format: string, now = new Date()): string {
  const stem = `${exportBaseName(title, template, now)}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  // Two exports within one second still get two names.
  let name = `${stem}.${format}`;
  for (let n = 2; issued.has(name); n++) name = `${stem}（${n}）.${format}`;
  issued.add(name);
  return name;
}
