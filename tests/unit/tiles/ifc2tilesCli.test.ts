/** `npm run --silent ifc2tiles -- <model.ifc> <outDir> …` as a user runs it: files written, summary, exit codes, messages. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../demo/demoFiles';
import { DEMO_SUBMISSION, OFFICE_A, OPEN_HOUSE } from './tilesFiles';

const work = mkdtempSync(join(tmpdir(), 'sao-ifc2tiles-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function ifc2tiles(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/ifc2tiles.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile()).sort();
}

describe('ifc2tiles CLI', { timeout: 120_000 }, () => {
  it('writes tileset.json and the glbs of the demo submission and prints a JSON summary that matches them', () => {
    const out = join(work, 'demo');
    const run = ifc2tiles(DEMO_SUBMISSION, out);
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    const files = filesUnder(out);
    expect(files).toContain('tileset.json');
    expect(files.filter((path) => path.endsWith('.glb'))).toHaveLength(summary.glbs as number);
    expect(files.reduce((sum, path) => sum + statSync(join(out, path)).size, 0)).toBe(summary.bytes);
    expect(summary).toMatchObject({ schema: 'IFC4', checkErrors: 0, placement: { source: 'IfcMapConversion', trust: 'high', verified: true } });
    for (const key of ['tiles', 'triangles', 'features', 'timeMs']) expect(summary[key], key).toBeGreaterThan(0);
  });

  it('splits by --max-triangles and replaces an earlier run in the same folder, leaving no stale glb', () => {
    const out = join(work, 'office');
    const fine = ifc2tiles(OFFICE_A, out, '--max-triangles', '5000');
    expect(fine.status, fine.stderr).toBe(0);
    const manyGlbs = (JSON.parse(fine.stdout) as { glbs: number }).glbs;
    expect(manyGlbs).toBeGreaterThan(5);
    const coarse = ifc2tiles(OFFICE_A, out);
    expect(coarse.status, coarse.stderr).toBe(0);
    const glbs = (JSON.parse(coarse.stdout) as { glbs: number }).glbs;
    expect(glbs).toBeLessThan(manyGlbs);
    expect(filesUnder(out).filter((path) => path.endsWith('.glb'))).toHaveLength(glbs);
  });

  it('refuses a model without georeferencing, naming --place, and places it by hand as unverified with --place', () => {
    const refused = ifc2tiles(OPEN_HOUSE, join(work, 'house'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/is not georeferenced.*--place lon,lat,headingDeg/);
    expect(refused.stderr).toMatch(/không được định vị/);
    expect(existsSync(join(work, 'house', 'tileset.json'))).toBe(false);
    const placed = ifc2tiles(OPEN_HOUSE, join(work, 'house'), '--place', '105.7836,21.0391,15,9.5');
    expect(placed.status, placed.stderr).toBe(0);
    expect(JSON.parse(placed.stdout)).toMatchObject({ placement: { source: 'manual', trust: 'unverified', verified: false } });
    const tileset = JSON.parse(readFileSync(join(work, 'house', 'tileset.json'), 'utf8')) as { metadata: { properties: Record<string, unknown> } };
    expect(tileset.metadata.properties).toMatchObject({ placementVerified: false, originLongitude: 105.7836, originLatitude: 21.0391, headingDegrees: 15 });
  });

  it.each([
    [['empty.ifc'], /empty|rỗng/i],
    [['notes.ifc'], /not an IFC|không phải/i],
    [['missing.ifc'], /no such file/],
  ])('a bad file (%j) gets its reason on stderr and exit code 2', ([name], reason) => {
    if (name !== 'missing.ifc') writeFileSync(join(work, name!), name === 'empty.ifc' ? '' : 'Meeting notes, not a model.\n'.repeat(20));
    const run = ifc2tiles(join(work, name!), join(work, `out-${name}`));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(run.stdout).toBe('');
  });

  it('will not write into a folder that holds something other than a tileset', () => {
    const folder = join(work, 'photos');
    mkdirSync(folder);
    writeFileSync(join(folder, 'holiday.jpg'), 'not a tileset');
    const run = ifc2tiles(DEMO_SUBMISSION, folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not empty and holds no tileset\.json/);
    expect(filesUnder(folder)).toEqual(['holiday.jpg']);
  });

  it.each([
    [['--place', '105.78,21.04']],
    [['--place', '200,21,0']],
    [['--max-triangles', '0']],
    [['--max-triangles', 'many']],
  ])('wrong usage (%j) prints the usage and exits 64', (extra) => {
    const run = ifc2tiles(DEMO_SUBMISSION, join(work, 'unused'), ...extra);
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/Usage: npm run --silent ifc2tiles/);
  });
});
