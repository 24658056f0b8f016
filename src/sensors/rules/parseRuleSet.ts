/**
 * Validates a rule set (parsed JSON) against the rules of `ruleSet.schema.json`, plus what a schema cannot say
 * (unique ids, playbooks that exist), and returns it typed; a bad file throws a `RuleSetError` naming the field.
 * Hand-written rather than a schema validator so that it runs under the app's Content-Security-Policy (no eval)
 * and speaks Vietnamese; tests/unit/sensors/rulesParse.test.ts keeps it and the schema in agreement.
 */
import type { LocalizedText } from '../../geo';
import { SENSOR_KINDS } from '../kinds';
import type { AlertLevel } from '../types';
import { RuleSetError } from './RuleSetError';
import type {
  ComparisonOperator, ConditionMeasure, DatastreamSelector, Playbook, PlaybookContact, PlaybookStep, Rule, RuleAction,
  RuleCondition, RuleSet,
} from './types';

type Json = Record<string, unknown>;

export const ALERT_LEVELS: readonly AlertLevel[] = ['routine', 'special', 'emergency'];
export const MEASURES: readonly ConditionMeasure[] = ['value', 'risePerHour', 'vnAqi'];
export const OPERATORS: readonly ComparisonOperator[] = ['>', '>=', '<', '<='];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, field: string): Json {
  if (!isObject(value)) throw new RuleSetError(field, { vi: 'phải là một đối tượng { … }', en: 'must be an object { … }' });
  return value;
}

function array(value: unknown, field: string, minItems = 0): unknown[] {
  if (!Array.isArray(value)) throw new RuleSetError(field, { vi: 'phải là một mảng [ … ]', en: 'must be an array [ … ]' });
  if (value.length < minItems) throw new RuleSetError(field, { vi: `cần ít nhất ${minItems} phần tử`, en: `needs at least ${minItems} item(s)` });
  return value;
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw new RuleSetError(field, { vi: 'phải là một chuỗi không rỗng', en: 'must be a non-empty string' });
  return value;
}

function number(value: unknown, field: string, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RuleSetError(field, { vi: `phải là một số, không phải ${JSON.stringify(value) ?? 'undefined'}`, en: `must be a number, not ${JSON.stringify(value) ?? 'undefined'}` });
  if (value < min) throw new RuleSetError(field, { vi: `phải ≥ ${min}`, en: `must be ≥ ${min}` });
  return value;
}

function integer(value: unknown, field: string, min: number): number {
  const n = number(value, field, min);
  if (!Number.isInteger(n)) throw new RuleSetError(field, { vi: 'phải là số nguyên', en: 'must be a whole number' });
  return n;
}

function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new RuleSetError(field, { vi: 'phải là true hoặc false', en: 'must be true or false' });
  return value;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const list = allowed.map((a) => `"${a}"`).join(', ');
    throw new RuleSetError(field, { vi: `phải là một trong ${list}, không phải ${JSON.stringify(value) ?? 'undefined'}`, en: `must be one of ${list}, not ${JSON.stringify(value) ?? 'undefined'}` });
  }
  return value as T;
}

function known(json: Json, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(json)) {
    if (!allowed.includes(key)) throw new RuleSetError(`${field}.${key}`, { vi: 'không phải là trường đã biết', en: 'is not a known field' });
  }
}

function text(value: unknown, field: string): LocalizedText {
  const json = object(value, field);
  known(json, ['vi', 'en'], field);
  return { vi: string(json.vi, `${field}.vi`), en: string(json.en, `${field}.en`) };
}

function selector(value: unknown, field: string): DatastreamSelector {
  const json = object(value, field);
  known(json, ['kind', 'area', 'datastreamIds'], field);
  const result: DatastreamSelector = {};
  if (json.kind !== undefined) result.kind = oneOf(json.kind, `${field}.kind`, SENSOR_KINDS);
  if (json.area !== undefined) result.area = string(json.area, `${field}.area`);
  if (json.datastreamIds !== undefined) result.datastreamIds = array(json.datastreamIds, `${field}.datastreamIds`, 1).map((id, k) => string(id, `${field}.datastreamIds[${k}]`));
  return result;
}

function condition(value: unknown, field: string): RuleCondition {
  const json = object(value, field);
  known(json, ['measure', 'op', 'threshold', 'windowSeconds', 'forSeconds'], field);
  const result: RuleCondition = {
    measure: oneOf(json.measure, `${field}.measure`, MEASURES),
    op: oneOf(json.op, `${field}.op`, OPERATORS),
    threshold: number(json.threshold, `${field}.threshold`),
  };
  if (result.measure === 'risePerHour') {
    if (json.windowSeconds === undefined) throw new RuleSetError(`${field}.windowSeconds`, { vi: 'là bắt buộc khi measure là "risePerHour"', en: 'is required when measure is "risePerHour"' });
    result.windowSeconds = number(json.windowSeconds, `${field}.windowSeconds`, 1);
  } else if (json.windowSeconds !== undefined) {
    throw new RuleSetError(`${field}.windowSeconds`, { vi: 'chỉ dùng khi measure là "risePerHour"', en: 'applies only when measure is "risePerHour"' });
  }
  if (json.forSeconds !== undefined) result.forSeconds = number(json.forSeconds, `${field}.forSeconds`, 0);
  return result;
}

function action(value: unknown, field: string): RuleAction {
  const json = object(value, field);
  known(json, ['type', 'rain'], field);
  oneOf(json.type, `${field}.type`, ['openFloodScenario'] as const);
  return { type: 'openFloodScenario', rain: selector(json.rain, `${field}.rain`) };
}

function rule(value: unknown, field: string): Rule {
  const json = object(value, field);
  known(json, ['id', 'name', 'enabled', 'sample', 'select', 'condition', 'minSensors', 'level', 'playbookId', 'actions'], field);
  const result: Rule = {
    id: string(json.id, `${field}.id`),
    name: text(json.name, `${field}.name`),
    enabled: json.enabled === undefined ? true : boolean(json.enabled, `${field}.enabled`),
    select: selector(json.select, `${field}.select`),
    condition: condition(json.condition, `${field}.condition`),
    level: oneOf(json.level, `${field}.level`, ALERT_LEVELS),
    playbookId: json.playbookId === null || json.playbookId === undefined ? null : string(json.playbookId, `${field}.playbookId`),
  };
  if (json.sample !== undefined) result.sample = boolean(json.sample, `${field}.sample`);
  if (json.minSensors !== undefined) result.minSensors = integer(json.minSensors, `${field}.minSensors`, 1);
  if (json.actions !== undefined) result.actions = array(json.actions, `${field}.actions`).map((a, k) => action(a, `${field}.actions[${k}]`));
  return result;
}

function contact(value: unknown, field: string): PlaybookContact {
  const json = object(value, field);
  known(json, ['name', 'role', 'phone', 'email'], field);
  const result: PlaybookContact = { name: string(json.name, `${field}.name`) };
  for (const key of ['role', 'phone', 'email'] as const) if (json[key] !== undefined) result[key] = string(json[key], `${field}.${key}`);
  return result;
}

function step(value: unknown, field: string): PlaybookStep {
  const json = object(value, field);
  known(json, ['title', 'agency', 'checklist', 'contacts'], field);
  return {
    title: text(json.title, `${field}.title`),
    agency: string(json.agency, `${field}.agency`),
    checklist: array(json.checklist ?? [], `${field}.checklist`).map((c, k) => text(c, `${field}.checklist[${k}]`)),
    contacts: array(json.contacts ?? [], `${field}.contacts`).map((c, k) => contact(c, `${field}.contacts[${k}]`)),
  };
}

function playbook(value: unknown, field: string): Playbook {
  const json = object(value, field);
  known(json, ['id', 'name', 'sample', 'steps'], field);
  const result: Playbook = {
    id: string(json.id, `${field}.id`),
    name: text(json.name, `${field}.name`),
    steps: array(json.steps, `${field}.steps`, 1).map((s, k) => step(s, `${field}.steps[${k}]`)),
  };
  if (json.sample !== undefined) result.sample = boolean(json.sample, `${field}.sample`);
  return result;
}

function uniqueIds(items: readonly { id: string }[], field: string): void {
  const seen = new Set<string>();
  items.forEach((item, k) => {
    if (seen.has(item.id)) throw new RuleSetError(`${field}[${k}].id`, { vi: `"${item.id}" bị trùng`, en: `"${item.id}" is used twice` });
    seen.add(item.id);
  });
}

export function parseRuleSet(value: unknown): RuleSet {
  const json = object(value, '$');
  known(json, ['$schema', 'version', 'rules', 'playbooks'], '$');
  if (json.version !== 1) throw new RuleSetError('version', { vi: `phải là 1, không phải ${JSON.stringify(json.version) ?? 'undefined'}`, en: `must be 1, not ${JSON.stringify(json.version) ?? 'undefined'}` });
  const playbooks = array(json.playbooks ?? [], 'playbooks').map((p, k) => playbook(p, `playbooks[${k}]`));
  const rules = array(json.rules, 'rules').map((r, k) => rule(r, `rules[${k}]`));
  uniqueIds(playbooks, 'playbooks');
  uniqueIds(rules, 'rules');
  const playbookIds = new Set(playbooks.map((p) => p.id));
  rules.forEach((r, k) => {
    if (r.playbookId !== null && !playbookIds.has(r.playbookId)) {
      throw new RuleSetError(`rules[${k}].playbookId`, { vi: `không có kịch bản nào có id "${r.playbookId}"`, en: `no playbook has id "${r.playbookId}"` });
    }
  });
  return { version: 1, rules, playbooks };
}

/** JSON.parse says "at position 42"; people read lines and columns. */
function withLineAndColumn(source: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (!position || /line \d+/.test(message)) return message;
  const before = source.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return `${message} (line ${line} column ${before.length - before.lastIndexOf('\n')})`;
}

/** Parses the text of a .json file; a syntax error names the line and column. */
export function parseRuleSetText(source: string): RuleSet {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const detail = withLineAndColumn(source, error instanceof Error ? error.message : String(error));
    throw new RuleSetError('$', { vi: `không phải JSON hợp lệ (${detail})`, en: `is not valid JSON (${detail})` }, { cause: error });
  }
  return parseRuleSet(json);
}
