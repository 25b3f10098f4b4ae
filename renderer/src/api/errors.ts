/**
 * What the user reads when a call to the API table fails: one Chinese sentence that says what
 * happened and what to do, naming the file, document or field concerned. The API's own message
 * (English, for developers and logs) stays available behind the 详情 toggle.
 *
 * Every ApiErrorCode of electron/core/api/schema.ts has an entry in EXPLAIN; e2e/errors.test.ts
 * reads the code list from schema.ts and checks the UI's text for each.
 */
import { ApiCallError } from './client.js';

export interface ErrorContext {
  /** What the user was doing, as a verb phrase: "保存", "导入", "导出 PDF", "新建汇编". */
  action: string;
  /** The file, document or collection concerned: "《…》" or a file name. */
  subject?: string;
}

export interface UserMessage {
  text: string;
  /** The technical detail (code and the API's message), shown behind 详情. */
  detail?: string;
}

/** Chinese names of input fields as the API names them (zod paths and handler messages). */
const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  subtitle: '副标题',
  name: '名称',
  from: '原名称',
  to: '新名称',
  files: '文件',
  data: '文件内容',
  path: '文件路径',
  q: '搜索词',
  text: '内容',
  author: '审阅人',
  reviewerName: '审阅人',
  year: '年度',
  publisher: '出版单位',
  region: '地区',
  category: '业务领域',
  unit: '创新单位',
  award: '奖项',
  status: '状态',
  docNumber: '发文字号',
  organ: '发文机关',
  date: '成文日期',
  printDate: '印发日期',
  sealImage: '印章图片',
  editorState: '正文',
  attachments: '附件',
  reason: '原因',
  outPath: '保存位置',
  sections: '篇目',
  collectionId: '汇编',
  documentId: '文档',
  id: '文档',
  edits: '导入修改',
  meta: '元数据',
};

/** The field an API message names, as "meta.title", "files.0" or "sections.2.title". */
function fieldOf(message: string): string | null {
  // dispatch.ts: "method.name: path.to.field: reason"
  const dispatched = /^[a-z]+\.[a-zA-Z]+: ([\w.]+): /.exec(message);
  if (dispatched && dispatched[1] !== 'input') return dispatched[1]!;
  const named = /^(meta\.[\w.]+|editorState|attachments|outPath|edits)\b/.exec(message);
  return named ? named[1]! : null;
}

export function fieldLabel(path: string): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const label = FIELD_LABELS[parts[i]!];
    if (label) return label;
  }
  return '输入内容';
}

type Explain = (what: string, subject: string, field: string | null, ctx: ErrorContext) => string;

/** One entry per ApiErrorCode, plus codes the lifecycle adds; unknown codes fall back to 'internal'. */
export const EXPLAIN: Record<string, Explain> = {
  'invalid-input': (what, subject, field) =>
    field
      ? `${what}没有完成：${subject}的“${fieldLabel(field)}”不符合要求。请检查“${fieldLabel(field)}”后重试。`
      : `${what}没有完成：${subject}的内容不符合要求。请检查填写的内容后重试。`,
  'not-found': (what, subject) => `${what}没有完成：${subject}已不存在（可能已被删除、移动或已经导入过）。请刷新列表后重试。`,
  conflict: (what, subject) => `${what}没有完成：${subject}已在别处被修改。请先复制本页未保存的文字，再重新打开该文档编辑。`,
  'import-failed': (_what, subject) => `${subject}没有导入：文件无法读取。请确认它是 TXT、HTML、DOCX、DOC 或 Markdown 文件且没有损坏，然后重新导入。`,
  'export-failed': (what, subject) => `${what}没有完成：排版${subject}时出错，没有生成文件。请检查案例内容后重试；若反复出现，请把详情发给技术支持。`,
  forbidden: (what, subject) => `${what}没有完成：${subject}的这项操作未被允许（本地服务的访问凭据已失效）。请关闭汇编后重新打开。`,
  locked: (what, subject) => `${what}没有完成：${subject}已定稿，正文和元数据已锁定。如需修改，请先点击“重新打开”并填写原因。`,
  'proof-blocked': (what, subject) => `${what}没有完成：${subject}中有尚未处理的敏感信息（如身份证号、手机号），没有生成文件。请在“校对”中逐条选择遮盖或保留后再导出。`,
  duplicate: (what, subject) => `${what}没有完成：${subject}已在汇编中。如确需再导入一份，请勾选“仍然导入重复案例”。`,
  internal: (what, subject) => `${what}没有完成：处理${subject}时程序内部出错，已做的修改没有丢失。请重试；若反复出现，请把详情发给技术支持。`,
};

function codeAndMessage(error: unknown): { code: string; message: string } {
  if (error instanceof ApiCallError) return { code: error.code, message: error.message };
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.message === 'string') return { code: e.code, message: e.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** The Chinese message for a failed call, with the API's detail kept for the 详情 toggle. */
export function describeError(error: unknown, ctx: ErrorContext): UserMessage {
  if (typeof error === 'string') return { text: error };
  if (error instanceof UserFacingError) return { text: error.message, ...(error.detail ? { detail: error.detail } : {}) };
  const { code, message } = codeAndMessage(error);
  const subject = ctx.subject ?? '这项内容';
  const explain = EXPLAIN[code] ?? EXPLAIN.internal!;
  let text = explain(ctx.action, subject, fieldOf(message), ctx);
  // Known cases where the generic sentence would mislead.
  if (code === 'not-found' && /import preview/.test(message)) text = `${ctx.action}没有完成：这次导入预览已过期或已经导入过。请重新选择文件导入。`;
  if (code === 'internal' && /无法连接本地服务|Failed to fetch|NetworkError/.test(message)) text = `${ctx.action}没有完成：连接不上汇编的本地服务，${subject}的修改仍在本页。请稍候片刻，程序会自动重试；若一直如此，请重新打开汇编。`;
  return { text, detail: `${code}: ${message}` };
}

/** An error whose message is already written for the user (Chinese, names the file or field). */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** "《标题》" for a document or collection title, or a neutral word when there is none. */
export function quoted(title: string | null | undefined, fallback = '这篇文档'): string {
  const t = (title ?? '').trim();
  return t ? `《${t.length > 40 ? `${t.slice(0, 40)}…` : t}》` : fallback;
}
