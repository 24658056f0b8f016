/** `npm run --silent ifc -- info …` as a user runs it: output, exit codes and messages. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR, REPO_ROOT } from '../demo/demoFiles';

const work = mkdtempSync(join(tmpdir(), 'sao-ifc-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function ifc(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/ifc.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

describe('ifc CLI', { timeout: 60_000 }, () => {
  it('info --json prints the schema, counts and georeferencing of a file', () => {
    const run = ifc('info', join(DATA_DIR, 'ifc/georef/Duplex_A_20110907_georeferenced.ifc'), '--json');
    expect(run.status, run.stderr).toBe(0);
    const info = JSON.parse(run.stdout) as Record<string, unknown> & { georef: Record<string, unknown> };
    expect(info.schema).toBe('IFC2X3');
    expect(info.elements).toBeGreaterThan(100);
    expect(info.triangles).toBeGreaterThan(10_000);
    expect(info.georef).toMatchObject({ method: 'ePSet_MapConversion', crs: 'EPSG:9897', eastings: 76670, northings: 77179, scale: 1 });
    for (const key of ['orthogonalHeight', 'xAxisAbscissa', 'xAxisOrdinate']) expect(typeof info.georef[key]).toBe('number');
    expect(info.georef.originWgs84).toHaveLength(3);
  });

  it('without --json prints a Vietnamese / English summary', () => {
    const run = ifc('info', join(DATA_DIR, 'ifc/web-ifc/IfcOpenHouse_IFC4.ifc'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Lược đồ \/ Schema: +IFC4/);
    expect(run.stdout).toMatch(/Định vị \/ Georeferencing: +không có \/ none/);
    expect(run.stdout).toMatch(/Độ tin cậy \/ Trust: +chưa kiểm chứng \/ unverified/);
  });

  it.each([
    ['empty.ifc', '', /empty|rỗng/i],
    ['notes.ifc', 'Meeting notes, not a model.\n'.repeat(20), /not an IFC|không phải/i],
    ['cut.ifc', "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\nFILE_NAME('a','',(''),(''),'','','');\nFILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n#1= IFCPERSON($,'Nicht", /in the middle of entity #1 \(line 8\)/],
    ['future.ifc', "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\nFILE_NAME('a','',(''),(''),'','','');\nFILE_SCHEMA(('IFC5'));\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n", /IFC5/],
  ])('a bad file (%s) gets its reason on stderr and exit code 2', (name, content, reason) => {
    const run = ifc('info', file(name, content), '--json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(reason);
  });

  it('a missing file or a folder is bad input too', () => {
    expect(ifc('info', join(work, 'no-such.ifc'))).toMatchObject({ status: 2, stderr: expect.stringMatching(/no such file/) });
    expect(ifc('info', work)).toMatchObject({ status: 2, stderr: expect.stringMatching(/folder/) });
  });

  it('wrong usage prints the help and exits 64; --help exits 0', () => {
    for (const args of [[], ['infos', 'a.ifc'], ['info'], ['info', 'a.ifc', '--jsn']]) {
      const run = ifc(...args);
      expect(run.status, args.join(' ')).toBe(64);
      expect(run.stderr).toContain('Usage: npm run --silent ifc -- info <file.ifc> [--json]');
    }
    const help = ifc('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('originWgs84');
  });
});
