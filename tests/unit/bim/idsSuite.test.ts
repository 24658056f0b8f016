/**
 * The buildingSMART IDS 1.0 test suite (../shared/data/ids/testcases): every `.ids` + `.ifc` pair through Sao's
 * checker. pass-* must pass, fail-* must fail, invalid-* must fail or be refused as an invalid IDS. The score is
 * printed per facet; tests/fixtures/ids/suite-expectations.json records how many cases each facet has and the
 * cases not passed yet (with why), so a regression fails and so does a known failure that starts passing.
 * The suite treats a specification's ifcVersion as metadata ("specification version is purely metadata"), so
 * a case is judged by `requirementsPassed`; the app and the CLI also report the schema mismatch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IfcAPI } from 'web-ifc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIds, IdsError, openIfcModel, readIds } from '../../../src/bim/ids';
import { createNodeIfcApi } from '../../../src/bim/ifc/node';
import { DATA_DIR, REPO_ROOT } from '../demo/demoFiles';

const SUITE = join(DATA_DIR, 'ids/testcases');
const expectations = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/ids/suite-expectations.json'), 'utf8')) as {
  cases: Record<string, number>;
  knownFailures: Record<string, string>;
};

type Verdict = 'pass' | 'fail' | 'invalid';

const cases = readdirSync(SUITE)
  .sort()
  .flatMap((facet) =>
    readdirSync(join(SUITE, facet))
      .filter((name) => name.endsWith('.ids'))
      .sort()
      .map((name) => ({ facet, name, path: `${facet}/${name}`, expected: name.split('-')[0] as Verdict })),
  );

let api: IfcAPI;
const score = new Map<string, { passed: number; total: number }>();

beforeAll(async () => {
  api = await createNodeIfcApi();
});

afterAll(() => {
  const lines = [...score].map(([facet, { passed, total }]) => `  ${facet.padEnd(15)} ${passed} / ${total}`);
  const passed = [...score.values()].reduce((sum, s) => sum + s.passed, 0);
  const total = [...score.values()].reduce((sum, s) => sum + s.total, 0);
  console.log(`IDS test suite: ${passed} / ${total}\n${lines.join('\n')}`);
});

function run(facet: string, name: string): Verdict {
  let document;
  try {
    document = readIds(readFileSync(join(SUITE, facet, name), 'utf8'));
  } catch (error) {
    if (error instanceof IdsError) return 'invalid';
    throw error;
  }
  const modelId = openIfcModel(api, new Uint8Array(readFileSync(join(SUITE, facet, name.replace(/\.ids$/, '.ifc')))));
  try {
    return checkIds(api, modelId, document).specifications.every((specification) => specification.requirementsPassed) ? 'pass' : 'fail';
  } finally {
    api.CloseModel(modelId);
  }
}

describe('buildingSMART IDS 1.0 test suite', () => {
  it('has the cases the expectations count, per facet', () => {
    const counts: Record<string, number> = {};
    for (const { facet } of cases) counts[facet] = (counts[facet] ?? 0) + 1;
    expect(counts).toEqual(expectations.cases);
    for (const known of Object.keys(expectations.knownFailures)) expect(cases.map((c) => c.path)).toContain(known);
  });

  it.each(cases)('$path', ({ facet, name, path, expected }) => {
    const verdict = run(facet, name);
    const accepted: Verdict[] = expected === 'invalid' ? ['fail', 'invalid'] : [expected];
    const ok = accepted.includes(verdict);
    const entry = score.get(facet) ?? { passed: 0, total: 0 };
    score.set(facet, { passed: entry.passed + (ok ? 1 : 0), total: entry.total + 1 });
    const known = expectations.knownFailures[path];
    if (known) expect(ok, `${path} now passes: move it out of knownFailures ("${known}")`).toBe(false);
    else expect(accepted, `${path} gave ${verdict}`).toContain(verdict);
  });
});
