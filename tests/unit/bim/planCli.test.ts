/** `npm run --silent plan -- <model.ifc> <plan.geojson> [--parcel ID] [--json]` as a user runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlanReport } from '../../../src/bim/plan';
import { ASSETS_DIR, DATA_DIR, REPO_ROOT } from '../demo/demoFiles';

const work = mkdtempSync(join(tmpdir(), 'sao-plan-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DEMO_IFC = join(ASSETS_DIR, 'bim/AC20-FZK-Haus.vn2000.ifc');
const SAMPLE_PLAN = join(ASSETS_DIR, 'plan/sample-plan.geojson');

function plan(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/plan.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 90_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The sample plan with the demo parcel's properties changed. */
function samplePlanWith(name: string, properties: Record<string, unknown>): string {
  const json = JSON.parse(readFileSync(SAMPLE_PLAN, 'utf8'));
  Object.assign(json.features[0].properties, properties);
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

describe('plan CLI', { timeout: 90_000 }, () => {
  it('exits 0 for the demo submission on the sample plan, with a table in Vietnamese and English', () => {
    const run = plan(DEMO_IFC, SAMPLE_PLAN);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\[MẪU \/ SAMPLE\]/);
    expect(run.stdout).toMatch(/Thửa \/ Parcel: XT-ODT-01 — /);
    expect(run.stdout).toMatch(/Chiều cao công trình \/ Building height +6\.32 m +≤ 25\.00 m +ĐẠT \/ PASS/);
    expect(run.stdout).toMatch(/Số tầng trên mặt đất \/ Storeys above ground +2 +≤ 7 +ĐẠT \/ PASS/);
    expect(run.stdout).toMatch(/Khoảng lùi tới ranh thửa \/ Setback from the parcel boundary +\d+\.\d\d m +≥ 6\.00 m +ĐẠT \/ PASS/);
    expect(run.stdout).toMatch(/Kết quả \/ Result: ĐẠT \/ PASS \(6 đạt \/ pass, 0 không đạt \/ fail, 0 không áp dụng \/ n\/a\)/);
  });

  it('exits 1 when a check fails, showing what was measured against the limit', () => {
    const run = plan(DEMO_IFC, samplePlanWith('tight.geojson', { maxHeightM: 5, maxStoreys: 1 }));
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/Building height +6\.32 m +≤ 5\.00 m +KHÔNG ĐẠT \/ FAIL/);
    expect(run.stdout).toMatch(/Storeys above ground +2 +≤ 1 +KHÔNG ĐẠT \/ FAIL/);
    expect(run.stdout).toMatch(/Kết quả \/ Result: KHÔNG ĐẠT \/ FAIL \(4 đạt \/ pass, 2 không đạt/);
  });

  it('--parcel checks another parcel: a parcel without limits makes its checks not applicable, and the house is not on it', () => {
    const run = plan(DEMO_IFC, SAMPLE_PLAN, '--parcel', 'XT-CQP-01', '--json');
    expect(run.status, run.stderr).toBe(1);
    const { report } = JSON.parse(run.stdout) as { report: PlanReport };
    expect(report.parcel.id).toBe('XT-CQP-01');
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['height', 'notApplicable'], ['storeys', 'notApplicable'], ['containment', 'fail'], ['setback', 'notApplicable'], ['siteCoverage', 'notApplicable'], ['floorAreaRatio', 'notApplicable'],
    ]);
  });

  it('--json prints the report with what the scene draws', () => {
    const run = plan(DEMO_IFC, SAMPLE_PLAN, '--json');
    expect(run.status, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as { model: string; plan: string; placement: { source: string; trust: string }; report: PlanReport };
    expect(output).toMatchObject({ model: 'AC20-FZK-Haus.vn2000.ifc', plan: 'sample-plan.geojson', placement: { source: 'IfcMapConversion', trust: 'high' } });
    expect(output.report.passed).toBe(true);
    expect(output.report.measurements.storeysAboveGround).toBe(2);
    expect(Object.keys(output.report.visuals)).toEqual(['parcel', 'footprint', 'heightLimitPlane', 'setbackBand', 'setbackLine']);
  });

  it('exits 2 naming the parcel and the field of a bad plan, in both languages', () => {
    const run = plan(DEMO_IFC, samplePlanWith('bad.geojson', { maxSiteCoverage: 40 }));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/plan: .*bad\.geojson: parcel XT-ODT-01, features\[0\]\.properties\.maxSiteCoverage: must be a fraction in \(0, 1\] \(0\.6 for 60 %\), not 40/);
    expect(run.stderr).toMatch(/bad\.geojson: thửa XT-ODT-01, features\[0\]\.properties\.maxSiteCoverage: phải là tỉ lệ/);
  });

  it('exits 2 for a file that is not IFC, a missing plan, and a model placed nowhere near the plan', () => {
    const notIfc = join(work, 'notes.ifc');
    writeFileSync(notIfc, 'not a model');
    expect(plan(notIfc, SAMPLE_PLAN).status).toBe(2);
    const missing = plan(DEMO_IFC, join(work, 'nothing.geojson'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nothing\.geojson: no such file/);
    // The original KIT house: IfcSite in Karlsruhe, 8,900 km from the Hà Nội plan.
    const karlsruhe = plan(join(DATA_DIR, 'ifc/web-ifc/AC20-FZK-Haus.ifc'), SAMPLE_PLAN);
    expect(karlsruhe.status).toBe(2);
    expect(karlsruhe.stderr).toMatch(/plan: .*AC20-FZK-Haus\.ifc: the model stands on no parcel of the plan: name one \(--parcel\) or check the model’s placement\n/);
  });

  it('exits 64 with the usage for a missing argument', () => {
    const run = plan(DEMO_IFC);
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/Usage: npm run --silent plan -- <model\.ifc> <plan\.geojson>/);
  });
});
