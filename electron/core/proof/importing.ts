/**
 * Proofing at import: per case the fixes that will be applied at commit (unless the file is
 * rejected), the proposals that need a look and the sensitive findings that will block an
 * export, for the import preview's reviewable diff.
 */
import type { ImportedFile } from '../model/imported.js';
import type { Block, CaseDocument, HuibianDocument, NoticeDocument } from '../model/types.js';
import type { Finding } from './types.js';
import { applyFixes, proofDocument, summarize } from './engine.js';

/** One change as the preview lists it. */
export interface ProofChange {
  id: string;
  rule: string;
  severity: Finding['severity'];
  message: string;
  text: string;
  suggestion: string | null;
  context: string;
}

export interface DocumentProof {
  /** Applied at commit unless the file's proof is rejected. */
  fixes: ProofChange[];
  /** For the editor to look at (propose and warn). */
  proposals: ProofChange[];
  /** Sensitive data: the export stops until each is masked or kept with a reason. */
  blocking: ProofChange[];
  /** "36 处标点规范，1 处敏感信息待决定" */
  summary: string;
}

export interface FileProof {
  /** Index of the file in the preview's files. */
  file: number;
  name: string;
  /** Per case, in the file's case order. */
  cases: DocumentProof[];
  notice?: DocumentProof;
  /** A feature's 导语 (it becomes the collection's lead; fixed at commit with the rest). */
  lead?: DocumentProof;
  summary: string;
}

const change = (f: Finding): ProofChange => ({ id: f.id, rule: f.rule, severity: f.severity, message: f.message, text: f.text, suggestion: f.suggestion, context: f.context });

export function documentProof(doc: HuibianDocument): DocumentProof {
  return proofWithFixes(doc).proof;
}

/** The preview's proof of a document and the document with its fixes applied (null when none apply). */
function proofWithFixes<D extends HuibianDocument>(doc: D): { proof: DocumentProof; fixed: D | null } {
  const { document, fixes, report } = applyFixes(doc);
  const rest = (report ?? proofDocument(document)).findings;
  const proposals = rest.filter((f) => f.severity === 'propose' || f.severity === 'warn');
  const blocking = rest.filter((f) => f.severity === 'block');
  const proof = { fixes: fixes.map(change), proposals: proposals.map(change), blocking: blocking.map(change), summary: summarize([...fixes, ...rest]) };
  return { proof, fixed: fixes.length ? (document as D) : null };
}

/**
 * The fixed text of one preview file, kept with the preview so import.commit stores what the
 * preview showed without proofing every case again: per case (in the file's order), its notice
 * and its 导语, null where no fix applies.
 */
export interface FixedFile {
  cases: Array<Pick<CaseDocument, 'meta' | 'body'> | null>;
  notice: Pick<NoticeDocument, 'meta' | 'body' | 'attachments'> | null;
  lead: Block[] | null;
}

export function previewProof(files: readonly ImportedFile[]): FileProof[] {
  return previewProofAndFixes(files).proofs;
}

/** previewProof, with the fixed text of every file for import.commit. */
export function previewProofAndFixes(files: readonly ImportedFile[]): { proofs: FileProof[]; fixed: FixedFile[] } {
  const fixed: FixedFile[] = [];
  const proofs = files.map((file, index) => {
    const cases = file.cases.map((c, i) => proofWithFixes<CaseDocument>({ kind: 'case', id: `preview-${index}-${i}`, meta: c.meta, body: c.body }));
    const notice = file.notice ? proofWithFixes<NoticeDocument>({ id: `preview-${index}-notice`, ...file.notice }) : undefined;
    const lead = file.info.lead?.length ? proofWithFixes<CaseDocument>({ kind: 'case', id: `preview-${index}-lead`, meta: { title: '' }, body: file.info.lead }) : undefined;
    fixed.push({
      cases: cases.map((c) => (c.fixed ? { meta: c.fixed.meta, body: c.fixed.body } : null)),
      notice: notice?.fixed ? { meta: notice.fixed.meta, body: notice.fixed.body, attachments: notice.fixed.attachments } : null,
      lead: lead?.fixed ? lead.fixed.body : null,
    });
    const all = [...cases, ...(notice ? [notice] : []), ...(lead ? [lead] : [])].map((p) => p.proof);
    const summary = summarize(all.flatMap((p) => [...p.fixes, ...p.proposals, ...p.blocking]));
    return {
      file: index,
      name: file.file,
      cases: cases.map((c) => c.proof),
      ...(notice ? { notice: notice.proof } : {}),
      ...(lead ? { lead: lead.proof } : {}),
      summary,
    };
  });
  return { proofs, fixed };
}
