/**
 * The demo submission (assets/demo/bim, scripts/build-demo/demoSubmission.ts): what `ifc info` reads from the
 * derived file is a VN-2000 map conversion that stands the house on the parcel its submission.json names.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIfcInfo } from '../../../scripts/ifc/ifcInfo';
import { createTransform } from '../../../src/geo';
import { ASSETS_DIR, readAssetJson } from '../demo/demoFiles';

interface Submission {
  file: { url: string; sha256: string; schema: string };
  georeference: { crs: string; eastings: number; northings: number; xAxisAbscissa: number; xAxisOrdinate: number };
  parcel: { osmId: string; wgs84: [number, number][]; epsg5897: [number, number][] };
}

const submission = readAssetJson<Submission>('bim/submission.json');
const ifcPath = join(ASSETS_DIR, '..', submission.file.url);

function inside([x, y]: readonly (number | null)[], ring: readonly (readonly number[])[]): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) result = !result;
  }
  return result;
}

describe('the demo submission', () => {
  it('is the file submission.json describes (derived at prestart/pretest from ../shared/data)', () => {
    expect(existsSync(ifcPath), `${ifcPath} is missing: scripts/ensure-deps.mjs (run by npm test) derives it`).toBe(true);
    const bytes = readFileSync(ifcPath);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(submission.file.sha256);
  });

  it('ifc info reads an IfcMapConversion to EPSG:5897 that puts the origin inside the parcel', { timeout: 60_000 }, async () => {
    const info = await readIfcInfo(new Uint8Array(readFileSync(ifcPath)), 'demo.ifc');
    expect(info.schema).toBe(submission.file.schema);
    expect(info.triangles).toBeGreaterThan(10_000);
    const { georef } = info;
    expect(georef.method).toBe('IfcMapConversion');
    expect(georef.crs).toBe('EPSG:5897');
    expect(georef.trust).toBe('high');
    expect([georef.eastings, georef.northings]).toEqual([submission.georeference.eastings, submission.georeference.northings]);
    expect(inside(georef.originWgs84!, submission.parcel.wgs84)).toBe(true);
    // The same point through the geodesy module's checked VN-2000 grid (not the CLI's path): inside the grid polygon.
    const [e, n] = createTransform('EPSG:4326', 'EPSG:5897')(georef.originWgs84![0], georef.originWgs84![1]);
    expect(Math.hypot(e - submission.georeference.eastings, n - submission.georeference.northings)).toBeLessThan(0.01);
    expect(inside([e, n], submission.parcel.epsg5897)).toBe(true);
  });

  it('turns the house to the parcel: project x along its longest side', () => {
    const ring = submission.parcel.epsg5897;
    const sides = ring.slice(1).map(([x, y], i) => [x - ring[i]![0], y - ring[i]![1]] as const);
    const [dx, dy] = sides.reduce((a, b) => (Math.hypot(...b) > Math.hypot(...a) ? b : a));
    const { xAxisAbscissa, xAxisOrdinate } = submission.georeference;
    const sine = Math.abs(xAxisAbscissa * dy - xAxisOrdinate * dx) / Math.hypot(dx, dy);
    // The grid polygon is rounded to the millimetre: over a 250 m side that turns it by up to ~4e-6 rad.
    expect(sine).toBeLessThan(1e-5);
  });
});
