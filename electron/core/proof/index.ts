/** The release gate: proofing rules over the document model, their fixes, and the export gate. */
export * from './types.js';
export { RULES, RULE_INFO, FAMILY_NAMES, RULE_BOOK_VERSION } from './rules.js';
export { proofDocument, documentFindings, withDecisions, applyFindings, applyFixes, summarize, countSeverities, type ProofReport, type ProofOptions, type ApplyResult, type FixResult } from './engine.js';
export { proofCollection, blockingMessage, gateWarnings, findingsKey, type GateReport } from './gate.js';
export { decisionsFor, recordDecision } from './decisions.js';
export { libraryFindingsCache, type FindingsCache } from './cache.js';
export { previewProof, previewProofAndFixes, documentProof, type FixedFile, type FileProof, type DocumentProof, type ProofChange } from './importing.js';
