/**
 * What an export reports besides its file: the faces that served (and which stood in for a
 * standard face), warnings a person should look at before printing, and per case the pages it
 * took. The release gate (proof/) appends its own findings to `warnings`; the composer and
 * `huibian export --json` show the lot.
 */
import type { FontRole, Template } from '../templates/schema.js';
import type { ExportFormat } from './index.js';

export type WarningKind = 'font-substitute' | 'missing-picture' | 'over-budget' | 'heading-at-foot' | 'short-last-page' | (string & {});

export interface ExportWarning {
  kind: WarningKind;
  /** In Chinese: what happened and what to do. */
  message: string;
  document?: string;
  title?: string;
  /** Printed folio where it shows, when the writer knows it. */
  page?: number;
}

/** A face the file uses for a role: embedded (PDF) or named for the reader's Word/WPS (DOCX). */
export interface FontUse {
  role: FontRole;
  /** The face that set the text (PDF) or the name written in the file (DOCX). */
  face: string;
  /** The standard face of the role (仿宋_GB2312, 方正小标宋简体 …). */
  standard: string;
  substitute: boolean;
  licence?: string;
}

/** The layout of one case: where it opens and how many pages it takes. */
export interface CaseLayout {
  document: string;
  title: string;
  /** Printed folio of its first page. */
  firstPage: number;
  pages: number;
  /** Headings left as the last line of a page, by folio. */
  headingsAtFoot?: number[];
  /** Lines on its last page, when under three. */
  lastPageLines?: number;
}

export interface OverBudget {
  document: string;
  title: string;
  pages: number;
  budget: number;
}

/** Roles the template's styles set text in. */
export function templateRoles(template: Template): FontRole[] {
  const roles = new Set<FontRole>(Object.values(template.styles).map((s) => s.role));
  roles.add('latin');
  return [...roles];
}

/** Face use for the file: the PDF embeds what serves here, the DOCX names the template's faces. */
export async function fontUses(template: Template, format: ExportFormat): Promise<FontUse[]> {
  const roles = templateRoles(template);
  if (format === 'docx') {
    // Only the standard names: font resolution (and fontkit, slow to load) is the PDF's.
    const { STANDARD_FACES } = await import('../fonts/standardFaces.js');
    return roles.map((role) => ({ role, face: template.docxFonts[role] ?? STANDARD_FACES[role], standard: STANDARD_FACES[role], substitute: false }));
  }
  const { resolveFonts } = await import('../fonts/roles.js');
  const served = resolveFonts();
  return roles.map((role) => {
    const f = served.find((s) => s.role === role)!;
    return { role, face: f.face, standard: f.standard, substitute: f.substitute, licence: f.licence };
  });
}

/** GB/T 9704 names 仿宋 and 小标宋 for a notice: a PDF set in a stand-in says so. */
export function fontWarnings(template: Template, fonts: FontUse[]): ExportWarning[] {
  if (template.kind !== 'notice') return [];
  return fonts
    .filter((f) => f.substitute)
    .map((f) => ({
      kind: 'font-substitute',
      message: `通知 PDF 的${f.role === 'fangsong' ? '仿宋' : '小标宋'}由 ${f.face} 代替（GB/T 9704 规定 ${f.standard}）：在本机安装 ${f.standard} 后重新导出，或导出 DOCX，由收文方的 Word/WPS 用 ${f.standard} 排版。`,
    }));
}

/** Cases whose page count exceeds the budget (the template's, or the case's own). */
export function overBudget(cases: CaseLayout[], budgetOf: (document: string) => number | null): OverBudget[] {
  const out: OverBudget[] = [];
  for (const c of cases) {
    const budget = budgetOf(c.document);
    if (budget != null && c.pages > budget) out.push({ document: c.document, title: c.title, pages: c.pages, budget });
  }
  return out;
}

/** What the page budgets and the page layout ask a person to look at, as warnings naming the case. */
export function layoutWarnings(cases: CaseLayout[], over: OverBudget[]): ExportWarning[] {
  const out: ExportWarning[] = [];
  for (const o of over) {
    const c = cases.find((x) => x.document === o.document);
    out.push({ kind: 'over-budget', document: o.document, title: o.title, page: c?.firstPage, message: `超出页数（${o.title}）：排成 ${o.pages} 页，预算 ${o.budget} 页；请压缩正文或图片，或在案例信息中调整页数预算。` });
  }
  for (const c of cases) {
    for (const page of c.headingsAtFoot ?? []) out.push({ kind: 'heading-at-foot', document: c.document, title: c.title, page, message: `标题落在页末（${c.title}，第 ${page} 页）：标题与下文分在两页；可删减前文或调整图片位置。` });
    if (c.lastPageLines !== undefined) {
      const page = c.firstPage + c.pages - 1;
      out.push({ kind: 'short-last-page', document: c.document, title: c.title, page, message: `末页过短（${c.title}，第 ${page} 页只有 ${c.lastPageLines} 行）：可压缩几行，让案例少占一页。` });
    }
  }
  return out;
}
