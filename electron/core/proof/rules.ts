/** The rule book: every rule of every family, and its id, clause and title by id. */
import type { DocumentRule, RuleFamily, RuleInfo } from './types.js';
import { PUNCTUATION_RULES } from './punctuation.js';
import { NUMBER_RULES } from './numbers.js';
import { STRUCTURE_RULES } from './structure.js';
import { SENSITIVITY_RULES } from './sensitivity.js';

/**
 * Goes up with every change to what any rule finds (a pattern, a message, a severity, a
 * clause): findings kept in the library under an older version are proofed again. The
 * fingerprint in test/proof-cache.test.ts fails when the findings change and this does not.
 */
export const RULE_BOOK_VERSION = 1;

export const RULES: readonly DocumentRule[] = [...PUNCTUATION_RULES, ...NUMBER_RULES, ...STRUCTURE_RULES, ...SENSITIVITY_RULES];

export const RULE_INFO: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((rule) => [rule.info.id, rule.info]));

export const FAMILY_NAMES: Record<RuleFamily, string> = {
  punctuation: '标点规范',
  numbers: '数字用法',
  structure: '层次与格式',
  sensitivity: '敏感信息',
};

export function familyOf(ruleId: string): RuleFamily {
  return RULE_INFO.get(ruleId)?.family ?? 'punctuation';
}
