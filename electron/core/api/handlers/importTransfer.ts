/**
 * A draft's preview outcome as it crosses from an import worker to the calling thread
 * (importPool.ts): JSON strings, which the thread parses in less than half the CPU a
 * structured clone of the same objects takes to read (import-worker.ts).
 *
 * The proof's per-case changes go as a string of their own and are parsed the first time
 * `proof.cases` is read. They are most of a draft's outcome (the bench's single-case draft, 100
 * punctuation fixes: 18 of its 28 KB; the thread's parse 0.102 ms with them, 0.042 without, the
 * least of 7 rounds of 3,200), and only the app's preview reads them: `huibian import` commits
 * the fixed text, which comes apart, and never shows the list. Every reader still sees a plain enumerable `cases` array: JSON,
 * a structured clone (the app's IPC) and a spread read it through the getter.
 */
import type { DraftOutcome } from './importDraft.js';

type FileOutcome = Extract<DraftOutcome, { kind: 'file' }>;

/** What a worker posts for a draft: the outcome with `proof.cases` left null, and those cases. */
export interface DraftMessage {
  json: string;
  proofCases: string;
}

export function encodeDraft(outcome: FileOutcome): DraftMessage {
  // `cases: null` keeps the key where it was, so the outcome reads back in the same key order
  return { json: JSON.stringify({ ...outcome, proof: { ...outcome.proof, cases: null } }), proofCases: JSON.stringify(outcome.proof.cases) };
}

export function decodeDraft(message: DraftMessage): FileOutcome {
  const outcome = JSON.parse(message.json) as FileOutcome;
  const proof = outcome.proof;
  const settle = (cases: FileOutcome['proof']['cases']) => {
    Object.defineProperty(proof, 'cases', { value: cases, writable: true, enumerable: true, configurable: true });
    return cases;
  };
  Object.defineProperty(proof, 'cases', {
    enumerable: true,
    configurable: true,
    get: () => settle(JSON.parse(message.proofCases) as FileOutcome['proof']['cases']),
    set: settle,
  });
  return outcome;
}
