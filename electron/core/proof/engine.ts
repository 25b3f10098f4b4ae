/**
 * Runs the rule book over a document and applies chosen findings back onto the model. A
 * finding names its segment and offsets; applying works on a copy and maps each replacement
 * onto the styled runs (segments.ts), so the result validates like any other write.
 */
import type { HuibianDocument } from '../model/types.js';
import type { DocumentRule, Finding, ProofDecision, RawFinding, Segment, Severity } from './types.js';
import { RULES, RULE_INFO, FAMILY_NAMES, familyOf } from './rules.js';
import { applyEdits, segmentRefs, segments, type TextEdit } from './segments.js';

export interface ProofOptions {
  /** Recorded decisions on sensitive findings (keep, with a reason) of this document. */
  decisions?: readonly ProofDecision[];
}

export interface ProofReport {
  document: string;
  title: string;
  findings: Finding[];
  counts: Record<Severity, number>;
  /** "36 处标点规范，2 处数字用法"; empty when nothing was found. */
  summary: string;
}

const CONTEXT = 12;

function documentTitle(doc: HuibianDocument): string {
  return doc.meta.title;
}

/** Segments grouped by part (metadata reads with the body) for rules that compare segments. */
function parts(all: readonly Segment[]): Segment[][] {
  const groups = new Map<string, Segment[]>();
  for (const segment of all) {
    const part = segment.part === 'meta' ? 'body' : segment.part;
    const group = groups.get(part);
    if (group) group.push(segment);
    else groups.set(part, [segment]);
  }
  return [...groups.values()];
}

export function proofDocument(doc: HuibianDocument, options: ProofOptions = {}): ProofReport {
  return reportOf(doc, documentFindings(doc), options);
}

function reportOf(doc: HuibianDocument, found: readonly Finding[], options: ProofOptions): ProofReport {
  const findings = withDecisions(found, options.decisions);
  return { document: doc.id, title: documentTitle(doc), findings, counts: countSeverities(findings), summary: summarize(findings) };
}

type Located = RawFinding & { segment: string };

/** One rule's raw findings: per segment in order (check), then per part (checkAll). */
function ruleFindings(rule: DocumentRule, all: readonly Segment[], grouped: readonly Segment[][]): Located[] {
  const raw: Located[] = [];
  if (rule.check) {
    for (const segment of all) {
      for (const f of rule.check(segment)) {
        (f as Located).segment = segment.key;
        raw.push(f as Located);
      }
    }
  }
  if (rule.checkAll) for (const part of grouped) raw.push(...rule.checkAll(part));
  return raw;
}

/**
 * The rule book's findings on a document, before any decision is applied: what depends only on
 * its segments (given when the caller has them already) and its id, so they can be kept.
 */
export function documentFindings(doc: HuibianDocument, all: readonly Segment[] = segments(doc)): Finding[] {
  const grouped = parts(all);
  return located(doc, all, RULES.flatMap((rule) => ruleFindings(rule, all, grouped)));
}

/** Raw findings, in rule-book order, as findings with their text and context, in document order. */
function located(doc: HuibianDocument, all: readonly Segment[], raw: readonly Located[]): Finding[] {
  // Context is read across segments so a short heading still shows its neighbours.
  const starts = new Map<string, number>();
  const texts = new Map<string, string>();
  let offset = 0;
  for (const segment of all) {
    starts.set(segment.key, offset);
    texts.set(segment.key, segment.text);
    offset += segment.text.length + 1;
  }
  const whole = all.map((s) => s.text).join('\n');
  const order = new Map(all.map((s, i) => [s.key, i]));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const f of raw) {
    const text = texts.get(f.segment)!.slice(f.start, f.end);
    if (f.suggestion !== null && f.suggestion === text) continue;
    const id = `${f.segment}:${f.start}-${f.end}:${f.rule}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const at = starts.get(f.segment)! + f.start;
    const before = whole.slice(Math.max(0, at - CONTEXT), at);
    const after = whole.slice(at + (f.end - f.start), at + (f.end - f.start) + CONTEXT);
    const finding: Finding = {
      id,
      document: doc.id,
      rule: f.rule,
      clause: RULE_INFO.get(f.rule)?.clause ?? '',
      severity: f.severity,
      message: f.message,
      text,
      suggestion: f.suggestion,
      context: `${before}${text}${after}`.replace(/\n/g, ' ¶ '),
      segment: f.segment,
      start: f.start,
      end: f.end,
    };
    findings.push(finding);
  }
  findings.sort((a, b) => order.get(a.segment)! - order.get(b.segment)! || a.start - b.start || a.end - b.end);
  return findings;
}

/** Findings with the recorded keep decisions on them; the given findings are not changed. */
export function withDecisions(findings: readonly Finding[], decisions: readonly ProofDecision[] | undefined): Finding[] {
  if (!decisions?.length) return [...findings];
  return findings.map((f) => {
    const decision = decisions.find((d) => d.rule === f.rule && d.text === f.text && d.action === 'keep');
    return decision ? { ...f, decision } : f;
  });
}

export function countSeverities(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { fix: 0, propose: 0, warn: 0, block: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** "36 处标点规范，2 处数字用法，1 处敏感信息待决定". */
export function summarize(findings: ReadonlyArray<Pick<Finding, 'rule'>>): string {
  const byFamily = new Map<string, number>();
  for (const f of findings) {
    const family = familyOf(f.rule);
    byFamily.set(family, (byFamily.get(family) ?? 0) + 1);
  }
  const parts: string[] = [];
  for (const [family, name] of Object.entries(FAMILY_NAMES)) {
    const n = byFamily.get(family);
    if (!n) continue;
    parts.push(family === 'sensitivity' ? `${n} 处${name}待决定` : `${n} 处${name}`);
  }
  return parts.join('，');
}

export interface ApplyResult {
  document: HuibianDocument;
  applied: string[];
  /** Findings that could not be applied: overlapped by another, or crossing a line break or note. */
  skipped: string[];
}

/**
 * A deep copy of model data (objects, arrays, strings, numbers, booleans, null), as
 * structuredClone makes it (an object met twice is copied once): its serialiser took about three
 * times as long on a draft's case, most of applying its fixes.
 */
function copyModel<T>(value: T, copies = new Map<object, unknown>()): T {
  if (typeof value !== 'object' || value === null) return value;
  const done = copies.get(value);
  if (done !== undefined) return done as T;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    copies.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = copyModel(value[i], copies);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  copies.set(value, out);
  for (const key of Object.keys(value)) out[key] = copyModel((value as Record<string, unknown>)[key], copies);
  return out as T;
}

/** Applies the findings with a suggestion; returns a new document (the given one is untouched). */
export function applyFindings(doc: HuibianDocument, findings: readonly Finding[]): ApplyResult {
  const copy = copyModel(doc);
  const refs = new Map(segmentRefs(copy).map((ref) => [ref.key, ref]));
  const bySegment = new Map<string, Finding[]>();
  const skipped: string[] = [];
  for (const f of findings) {
    if (f.suggestion === null || !refs.has(f.segment)) {
      skipped.push(f.id);
      continue;
    }
    // pushed, not spread into a new array: a paragraph with hundreds of half-width commas made this quadratic
    const list = bySegment.get(f.segment);
    if (list) list.push(f);
    else bySegment.set(f.segment, [f]);
  }
  const applied: string[] = [];
  for (const [key, list] of bySegment) {
    // Overlapping findings: the first (by start, then shortest) wins; the others wait for a re-run.
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const chosen: Finding[] = [];
    let reach = -1;
    for (const f of list) {
      if (f.start < reach || (f.start === reach && f.start === f.end)) skipped.push(f.id);
      else {
        chosen.push(f);
        reach = f.end;
      }
    }
    const edits = new Map<TextEdit, Finding>(chosen.map((f) => [{ start: f.start, end: f.end, replacement: f.suggestion! }, f]));
    const done = new Set(applyEdits(refs.get(key)!, [...edits.keys()]));
    for (const [edit, f] of edits) (done.has(edit) ? applied : skipped).push(f.id);
  }
  return { document: copy, applied, skipped };
}

export interface FixResult {
  document: HuibianDocument;
  /** Every fix applied, as found on the text before it (for the import preview's diff). */
  fixes: Finding[];
  /**
   * The report on `document` when the last pass found no fix left (it is then the report of
   * the fixed text), so a caller listing what remains need not proof the text once more.
   */
  report?: ProofReport;
}

/**
 * Applies every fix-severity finding, re-running until none is left (a fix can reveal another:
 * "( 一)" becomes "（一）" only after its space goes). Three passes are always enough for the
 * rule book; the bound keeps a faulty rule from looping.
 *
 * A pass looks for fixes with the rules that can report one (DocumentRule.fixes); the other
 * rules run only on the text no fix is left in, as their findings on any earlier text were
 * thrown away. Most drafts need one fix pass (1,000 single-case drafts: 100 half-width marks
 * each), so the sensitive-data, quotation and numbering rules, about two fifths of the rule
 * book's time, ran twice per case. The findings are the same: each rule's in rule-book order,
 * then sorted stably, as documentFindings gives them.
 */
export function applyFixes(doc: HuibianDocument, options: ProofOptions = {}): FixResult {
  let current = doc;
  const fixes: Finding[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const all = segments(current);
    const grouped = parts(all);
    const fixing = RULES.map((rule) => (rule.fixes ? ruleFindings(rule, all, grouped) : null));
    const todo = located(current, all, fixing.flatMap((raw) => raw ?? [])).filter((f) => f.severity === 'fix');
    if (!todo.length) {
      const found = located(current, all, RULES.flatMap((rule, i) => fixing[i] ?? ruleFindings(rule, all, grouped)));
      const report = reportOf(current, found, options);
      // a rule that reports fixes without saying so: they are applied as before, in one more pass
      if (!found.some((f) => f.severity === 'fix')) return { document: current, fixes, report };
      todo.push(...found.filter((f) => f.severity === 'fix'));
    }
    const result = applyFindings(current, todo);
    const applied = new Set(result.applied);
    fixes.push(...todo.filter((f) => applied.has(f.id)));
    current = result.document;
  }
  return { document: current, fixes };
}
