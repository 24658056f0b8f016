/** Rule sets as files: the sample set, the JSON Schema and the parser agree, and a bad field is named. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { RuleSetError, parseRuleSet, parseRuleSetText } from '../../../src/sensors/rules';

const REPO = join(import.meta.dirname, '../../..');
const schema = JSON.parse(readFileSync(join(REPO, 'src/sensors/rules/ruleSet.schema.json'), 'utf8')) as object;
const sampleText = readFileSync(join(REPO, 'assets/demo/sensors/rules.json'), 'utf8');
// Spoilers write deep into the parsed sample.
type Json = Record<string, any>;
const sample = (): Json => JSON.parse(sampleText) as Json;
const validate = new Ajv2020({ strict: false }).compile(schema);

function fieldOf(json: unknown): string {
  try {
    parseRuleSet(json);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    return (error as RuleSetError).field;
  }
  throw new Error('parsed without error');
}

describe('rule sets', () => {
  it('the sample set is valid against the schema and the parser, and is labelled sample', () => {
    expect(validate(sample()), JSON.stringify(validate.errors)).toBe(true);
    const set = parseRuleSet(sample());
    expect(set.rules.length).toBeGreaterThanOrEqual(4);
    expect(set.rules.every((r) => r.sample === true)).toBe(true);
    expect(set.playbooks.every((p) => p.sample === true && p.steps.every((s) => s.agency.length > 0))).toBe(true);
    const flood = set.rules.find((r) => r.select.kind === 'waterLevel' && r.condition.forSeconds === 300)!;
    expect(flood).toMatchObject({ level: 'special', condition: { op: '>', threshold: 0.3 } });
    expect(set.playbooks.find((p) => p.id === flood.playbookId)!.steps.length).toBeGreaterThan(1);
  });

  it('parses what it prints: a round trip through JSON keeps the set', () => {
    const set = parseRuleSet(sample());
    expect(parseRuleSetText(JSON.stringify(set, null, 2))).toEqual(set);
  });

  it.each([
    ['rules[1].condition.threshold', (s: Json) => (s.rules[1].condition.threshold = '0.5')],
    ['rules[0].condition.op', (s: Json) => (s.rules[0].condition.op = '=>')],
    ['rules[2].condition.windowSeconds', (s: Json) => delete s.rules[2].condition.windowSeconds],
    ['rules[0].condition.windowSeconds', (s: Json) => (s.rules[0].condition.windowSeconds = 60)],
    ['rules[3].level', (s: Json) => (s.rules[3].level = 'critical')],
    ['rules[1].minSensors', (s: Json) => (s.rules[1].minSensors = 0)],
    ['rules[0].select.kind', (s: Json) => (s.rules[0].select.kind = 'water')],
    ['rules[0].selectors', (s: Json) => (s.rules[0].selectors = {})],
    ['rules[4].name.vi', (s: Json) => (s.rules[4].name.vi = '')],
    ['rules[0].actions[0].type', (s: Json) => (s.rules[0].actions[0].type = 'openTrafficScenario')],
    ['playbooks[0].steps[1].agency', (s: Json) => delete s.playbooks[0].steps[1].agency],
    ['playbooks[2].steps', (s: Json) => (s.playbooks[2].steps = [])],
    ['version', (s: Json) => (s.version = 2)],
  ])('rejects a bad %s, naming it, and so does the schema', (field, spoil) => {
    const set = sample();
    spoil(set);
    expect(fieldOf(set)).toBe(field);
    expect(validate(set)).toBe(false);
  });

  it.each([
    ['rules[1].id', (s: Json) => (s.rules[1].id = s.rules[0].id)],
    ['rules[0].playbookId', (s: Json) => (s.rules[0].playbookId = 'no-such-playbook')],
  ])('checks what a schema cannot: %s', (field, spoil) => {
    const set = sample();
    spoil(set);
    expect(fieldOf(set)).toBe(field);
  });

  it('speaks Vietnamese first and names the line of a JSON syntax error', () => {
    const caught = (parse: () => unknown): RuleSetError => {
      try {
        parse();
      } catch (error) {
        return error as RuleSetError;
      }
      throw new Error('parsed without error');
    };
    const syntax = caught(() => parseRuleSetText(sampleText.replace('"level": "special",', '"level": "special"')));
    expect(syntax.field).toBe('$');
    expect(syntax.userMessage.vi).toMatch(/không phải JSON hợp lệ/);
    const line = sampleText.slice(0, sampleText.indexOf('"level": "special",')).split('\n').length + 1;
    expect(syntax.userMessage.en).toMatch(new RegExp(`line ${line}\\b`));
    expect(caught(() => parseRuleSet({ version: 1, rules: [{ id: 'x' }] })).userMessage).toEqual({
      vi: 'rules[0].name: phải là một đối tượng { … }',
      en: 'rules[0].name: must be an object { … }',
    });
  });
});
