/**
 * The proofing engine's vocabulary. A rule reads one text segment of the document model (a
 * paragraph's runs, a heading, a caption, a metadata field) and reports findings by offset
 * into that segment's text, so a fix can be applied back onto the styled runs it came from.
 */

/**
 * fix — safe to apply without a look (applied at import and by `--apply`);
 * propose — a likely correction that needs an editor's eye;
 * warn — reported, nothing to apply;
 * block — export refused until someone decides (sensitive data).
 */
export type Severity = 'fix' | 'propose' | 'warn' | 'block';

export type RuleFamily = 'punctuation' | 'numbers' | 'structure' | 'sensitivity';

export interface RuleInfo {
  id: string;
  family: RuleFamily;
  /** The clause enforced, e.g. "GB/T 15834-2011 4.1"; for sensitivity the reason it matters. */
  clause: string;
  /** What the rule checks, in Chinese, for lists and the report. */
  title: string;
}

/** Where a segment sits in the document; stable for one document state. */
export interface SegmentKey {
  /** "b3.c" body block 3 content, "b3.r" its run-in, "a0.b2.c" attachment 0 block 2, "m.title" metadata. */
  key: string;
  kind: 'heading' | 'paragraph' | 'runIn' | 'caption' | 'cell' | 'footnote' | 'meta';
  /** A paragraph's role (byline, center…): layout lines where spaces separate names. */
  role?: string;
  /** Heading level for headings, so structure rules can compare levels. */
  level?: number;
  /** "body" or "attachment N": structure rules keep numbering per part. */
  part: string;
}

export interface Segment extends SegmentKey {
  text: string;
}

/** What a rule reports: a span of one segment and what should replace it (null: nothing to apply). */
export interface RawFinding {
  rule: string;
  severity: Severity;
  start: number;
  end: number;
  suggestion: string | null;
  message: string;
}

export interface Finding {
  /** Stable within one document state: segment key, offsets and rule. */
  id: string;
  document: string;
  rule: string;
  clause: string;
  severity: Severity;
  message: string;
  /** The offending text as written. */
  text: string;
  suggestion: string | null;
  /** The span with at least ten characters either side where the document has them. */
  context: string;
  segment: string;
  start: number;
  end: number;
  /** Set when a recorded decision covers this finding (sensitivity: keep, with its reason). */
  decision?: ProofDecision;
}

export type DecisionAction = 'mask' | 'keep';

/** An editor's decision on a sensitive finding; recorded in the document's proof log. */
export interface ProofDecision {
  rule: string;
  /** The sensitive text the decision covers (the same number or name anywhere in the document). */
  text: string;
  action: DecisionAction;
  reason: string;
  decidedAt: string;
}

export interface DocumentRule {
  info: RuleInfo;
  /**
   * The rule may report a finding of severity fix (under any rule id: han-space's spaces are
   * also mark-space fixes). applyFixes looks for fixes with these rules alone and runs the
   * others once, on the text the fixes leave.
   */
  fixes?: boolean;
  /** Per segment. */
  check?(segment: Segment): RawFinding[];
  /** Over all segments of one part, for rules that compare segments (numbering, date style). */
  checkAll?(segments: readonly Segment[]): Array<RawFinding & { segment: string }>;
}
