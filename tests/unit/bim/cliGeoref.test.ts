/**
 * `ifc info` places every sample of ../shared/data/ifc where PROJ does: tests/fixtures/ifc-georef/expected.json
 * holds, for each file, the georeferencing read from the STEP text with awk and the origin transformed by cs2cs
 * on the CRS's PROJ string (scripts/gen-ifc-georef-fixtures.sh) — no Sao code involved.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIfcInfo } from '../../../scripts/ifc/ifcInfo';
import { DATA_DIR, REPO_ROOT } from '../demo/demoFiles';

interface ExpectedSample {
  file: string;
  method: string;
  variant: string | null;
  crs: string | null;
  eastings: number | null;
  northings: number | null;
  expectedOriginWgs84: [number, number] | null;
}

const fixture = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/ifc-georef/expected.json'), 'utf8')) as {
  proj: string;
  samples: ExpectedSample[];
};
const TOLERANCE_M = 0.05;
const EARTH_RADIUS_M = 6_371_000;

/** Ground distance between two lon/lat points (equirectangular: exact enough at centimetres). */
function metresBetween([lon1, lat1]: readonly (number | null)[], [lon2, lat2]: readonly number[]): number {
  const radians = Math.PI / 180;
  const dx = (lon1! - lon2!) * radians * Math.cos(((lat1! + lat2!) / 2) * radians);
  const dy = (lat1! - lat2!) * radians;
  return Math.hypot(dx, dy) * EARTH_RADIUS_M;
}

describe(`ifc info georeferencing against PROJ (${fixture.proj})`, () => {
  it('the fixture covers every sample, the map conversions and the IfcSite references', () => {
    const methods = new Set(fixture.samples.map((sample) => sample.method));
    expect(fixture.samples.length).toBeGreaterThanOrEqual(14);
    expect([...methods].sort()).toEqual(['IfcMapConversion', 'IfcSite', 'ePSet_MapConversion', 'none']);
  });

  for (const sample of fixture.samples) {
    it(`${sample.file}: ${sample.method}${sample.crs ? ` ${sample.crs}` : ''}`, { timeout: 60_000 }, async () => {
      const bytes = new Uint8Array(readFileSync(join(DATA_DIR, sample.file)));
      const { georef } = await readIfcInfo(bytes, basename(sample.file));
      expect(georef.method).toBe(sample.method);
      expect(georef.variant).toBe(sample.variant);
      expect(georef.crs).toBe(sample.crs);
      if (sample.eastings !== null) expect(georef.eastings).toBeCloseTo(sample.eastings, 6);
      if (sample.northings !== null) expect(georef.northings).toBeCloseTo(sample.northings, 6);
      if (sample.expectedOriginWgs84 === null) {
        expect(georef.originWgs84).toBeNull();
        return;
      }
      expect(georef.placedBy).toBe(sample.method);
      expect(georef.originWgs84).not.toBeNull();
      const distance = metresBetween(georef.originWgs84!, sample.expectedOriginWgs84);
      expect(distance, `origin ${georef.originWgs84!.slice(0, 2).join(', ')} is ${distance.toFixed(4)} m from cs2cs's`).toBeLessThan(TOLERANCE_M);
    });
  }
});
