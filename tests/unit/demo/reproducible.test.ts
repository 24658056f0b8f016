import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../../scripts/build-demo/buildDemo';
import { DemoBuildError } from '../../../scripts/build-demo/errors';
import { ASSETS_DIR, DATA_DIR, listFiles } from './demoFiles';

/**
 * Files under assets/demo that the demo builder does not write: `npm run build:sensors` derives the sensor replay
 * (checked by tests/unit/sensors/replay.test.ts); the sample rules and the handover IDS are authored by hand.
 */
function isBuiltByOthers(path: string): boolean {
  return path.startsWith('sensors/') || path === 'bim/handover.ids';
}

describe('npm run build:demo', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'sao-demo-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('rebuilds the committed assets/demo byte for byte', async () => {
    const report = await buildDemo({ dataDir: DATA_DIR, outDir });
    expect(report.warnings).toEqual([]);
    expect(report.buildingCount).toBe(87);
    const built = listFiles(outDir);
    expect(listFiles(ASSETS_DIR).filter((path) => !isBuiltByOthers(path))).toEqual(built);
    for (const path of built) {
      const same = readFileSync(join(outDir, path)).equals(readFileSync(join(ASSETS_DIR, path)));
      expect(same, `${path} differs from the committed copy: run npm run build:demo`).toBe(true);
    }
  });

  it('names the missing input and the way to point at it', async () => {
    const attempt = buildDemo({ dataDir: join(outDir, 'no-such-folder'), outDir });
    await expect(attempt).rejects.toBeInstanceOf(DemoBuildError);
    await expect(attempt).rejects.toThrow(/Input not found: .*vnu_caugiay_map\.osm\. Point SAO_SHARED_DATA/);
  });
});
