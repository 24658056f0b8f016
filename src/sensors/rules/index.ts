/**
 * Rules and playbooks (issue 5 §4): the JSON model (`types.ts`, `ruleSet.schema.json`), its parser naming the bad
 * field, and the pure incremental engine the ingestion worker runs.
 */
export type * from './types';
export { createRuleEngine, type RuleEngine } from './engine';
export { matchesSelector } from './selector';
export { parseRuleSet, parseRuleSetText } from './parseRuleSet';
export { RuleSetError } from './RuleSetError';
export { vnAqiOfPm25 } from './vnAqi';
