/** `npm run --silent ids -- <model.ifc> <spec.ids> [--json]` as a user runs it: exit codes, output, messages. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IdsReport } from '../../../src/bim/ids';
import { DATA_DIR, REPO_ROOT } from '../demo/demoFiles';
import { idsXml } from './idsFixtures';

const work = mkdtempSync(join(tmpdir(), 'sao-ids-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SUITE = join(DATA_DIR, 'ids/testcases');
const UNITS = join(REPO_ROOT, 'tests/fixtures/ids/units-imperial.ifc');

function ids(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/ids.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

const suiteCase = (name: string) => [join(SUITE, `${name}.ifc`), join(SUITE, `${name}.ids`)] as const;

describe('ids CLI', { timeout: 60_000 }, () => {
  it('exits 0 when every specification passes', () => {
    const run = ids(...suiteCase('property/pass-a_required_facet_checks_all_parameters_as_normal'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Đạt \/ Passed: 1 \/ 1/);
    expect(run.stdout).toMatch(/\[ĐẠT \/ PASS\] A required facet checks all parameters as normal/);
  });

  it('exits 1 and lists each failing element under its requirement: GlobalId, class, name, reason', () => {
    const spec = file('width.ids', idsXml({ requirements: '<property dataType="IFCLENGTHMEASURE"><propertySet><simpleValue>Sao_Units</simpleValue></propertySet><baseName><simpleValue>Width</simpleValue></baseName><value><simpleValue>3</simpleValue></value></property>' }));
    const run = ids(UNITS, spec);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/\[KHÔNG ĐẠT \/ FAIL\] S\n/);
    expect(run.stdout).toMatch(/✗ Thuộc tính "Sao_Units"\."Width" \(IFCLENGTHMEASURE\) = "3" \/ Property "Sao_Units"\."Width" \(IFCLENGTHMEASURE\) = "3" — 2 phần tử \/ elements/);
    expect(run.stdout).toMatch(/2nJrDaLQfJ1QPhdJR0o97J {2}IFCWALL {2}"Wall"\n {8}Sao_Units\.Width: giá trị 3\.048, yêu cầu "3" \/ Sao_Units\.Width: value 3\.048, required "3"/);
    expect(run.stdout).toMatch(/3Agm079vPIYBL4JExVrhD5 {2}IFCWALL {2}"Second wall"\n {8}Không có bộ thuộc tính "Sao_Units" \/ No property set "Sao_Units"/);
  });

  it('exits 1 for a model of another schema than the specification names, and says so', () => {
    const run = ids(UNITS, file('ifc2x3.ids', idsXml({ spec: 'name="Old" ifcVersion="IFC2X3"' })));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[SAI LƯỢC ĐỒ \/ SCHEMA MISMATCH\] Old/);
    expect(run.stdout).toMatch(/The model is IFC4; the specification applies to IFC2X3 only/);
  });

  it('--json prints the whole report', () => {
    const run = ids(...suiteCase('ids/fail-a_specification_passes_only_if_all_requirements_pass_1_2'), '--json');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as IdsReport & { model: string; ids: string };
    expect(report).toMatchObject({ model: 'fail-a_specification_passes_only_if_all_requirements_pass_1_2.ifc', modelSchema: 'IFC4', passed: false });
    const [specification] = report.specifications;
    expect(specification!.requirements.map((requirement) => requirement.passed)).toEqual([true, false]);
    expect(specification!.requirements[1]!.failures[0]).toMatchObject({ globalId: expect.any(String), ifcClass: 'IFCWALL', reason: { en: expect.stringMatching(/Description/) } });
  });

  it('exits 2 with the ids.xsd error and its line for an invalid IDS', () => {
    const spec = file('bad.ids', idsXml({ requirements: '<attribute cardinality="sometimes"><name><simpleValue>Name</simpleValue></name></attribute>' }));
    const run = ids(UNITS, spec);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/bad\.ids: The IDS file is not valid against ids\.xsd \(line 7\): <attribute> attribute cardinality must be one of/);
    expect(run.stderr).toMatch(/bad\.ids: Tệp IDS không hợp lệ theo ids\.xsd \(dòng 7\)/);
  });

  it('exits 2 for IDS text that is not XML', () => {
    const run = ids(UNITS, file('broken.ids', '<ids><info>'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not well-formed XML \(line 1/);
  });

  it.each([
    ['an empty IFC', '', /empty|rỗng/i],
    ['a cut IFC', "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\nFILE_NAME('a','',(''),(''),'','','');\nFILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n#1= IFCWALL('2nJrDaLQfJ1QPhdJR0o97J',$,'Wa", /in the middle of entity #1/],
  ])('exits 2 with the IFC load error for %s', (_, content, reason) => {
    const run = ids(file('model.ifc', content), file('ok.ids', idsXml()));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(reason);
  });

  it('exits 2 for a missing file and 64 for wrong usage', () => {
    expect(ids(join(work, 'none.ifc'), file('ok.ids', idsXml()))).toMatchObject({ status: 2, stderr: expect.stringMatching(/none\.ifc: no such file/) });
    expect(ids(UNITS)).toMatchObject({ status: 64, stderr: expect.stringMatching(/needs a model \(\.ifc\) and an IDS file/) });
  });
});
