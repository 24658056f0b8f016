/**
 * Georeferencing as each sample file states it, and where that places the model: against
 * tests/fixtures/ifc-georef/expected.json (read from the STEP text with awk, origins by PROJ's cs2cs; see
 * scripts/gen-ifc-georef-fixtures.sh) — no Sao code behind the expected values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IfcAPI } from 'web-ifc';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeIfcModel } from '../../../src/bim/ifc';
import { createNodeIfcApi } from '../../../src/bim/ifc/node';
import { resolvePlacement } from '../../../src/bim/georef';
import type { ModelGeoreference, ModelPlacement } from '../../../src/bim/types';
import { WGS84_ELLIPSOID, geocentricToGeodetic, loadTransform, setEpsgDefinitionSource } from '../../../src/geo';
import { nodeEpsgDefinitionSource } from '../../../src/geo/epsg/nodeDefinitionSource';
import { REPO_ROOT } from '../demo/demoFiles';
import { loadSample, sampleFiles } from './ifcSamples';

interface ExpectedSample {
  file: string;
  schema: string;
  method: ModelGeoreference['method'];
  variant: ModelGeoreference['variant'];
  crs: string | null;
  eastings: number | null;
  northings: number | null;
  orthogonalHeight: number | null;
  xAxisAbscissa: number | null;
  xAxisOrdinate: number | null;
  scale: number | null;
  expectedOriginWgs84: [number, number] | null;
}

const fixture = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/ifc-georef/expected.json'), 'utf8')) as { samples: ExpectedSample[] };

let api: IfcAPI;
const read = new Map<string, { georeference: ModelGeoreference; geometryOffset: [number, number, number] }>();

beforeAll(async () => {
  setEpsgDefinitionSource(nodeEpsgDefinitionSource);
  api = await createNodeIfcApi();
  for (const sample of fixture.samples) {
    const { header, modelId } = loadSample(api, sample.file);
    read.set(sample.file, header);
    closeIfcModel(api, modelId);
  }
}, 120_000);

function metresBetween([lon1, lat1]: readonly (number | null)[], [lon2, lat2]: readonly (number | null)[]): number {
  const radians = Math.PI / 180;
  const dx = (lon1! - lon2!) * radians * Math.cos(((lat1! + lat2!) / 2) * radians);
  return Math.hypot(dx, (lat1! - lat2!) * radians) * 6_371_000;
}

/** Column-major 4×4 times a point. */
function apply(matrix: number[], [x, y, z]: readonly number[]): [number, number, number] {
  return [0, 1, 2].map((row) => matrix[row]! * x! + matrix[4 + row]! * y! + matrix[8 + row]! * z! + matrix[12 + row]!) as [number, number, number];
}

function lonLatHeight(ecef: readonly number[]): [number, number, number] {
  const [lambda, phi, h] = geocentricToGeodetic(WGS84_ELLIPSOID, ecef[0]!, ecef[1]!, ecef[2]!, [0, 0, 0]);
  return [(lambda * 180) / Math.PI, (phi * 180) / Math.PI, h];
}

describe('readGeoreference on every sample', () => {
  it('the fixture lists every sample under ../shared/data/ifc', () => {
    expect(fixture.samples.map((sample) => sample.file).sort()).toEqual(sampleFiles());
  });

  it.each(fixture.samples.map((sample) => [sample.file, sample] as const))('%s: method, CRS and values as written', (file, expected) => {
    const georeference = read.get(file)!.georeference;
    expect(georeference.method).toBe(expected.method);
    expect(georeference.variant).toBe(expected.variant);
    expect(georeference.crs).toBe(expected.crs);
    for (const key of ['eastings', 'northings', 'orthogonalHeight', 'xAxisAbscissa', 'xAxisOrdinate', 'scale'] as const) {
      if (expected.method === 'IfcSite' || expected.method === 'none') expect(georeference[key], key).toBeNull();
      // The fixture leaves out what awk does not read (IfcRigidOperation's coordinates: see the test below).
      else if (expected[key] !== null) expect(georeference[key], key).toBeCloseTo(expected[key], 9);
    }
  });

  it('reads the project length unit from IfcUnitAssignment, not the first length unit of the file', () => {
    const unit = (file: string) => read.get(file)!.georeference.lengthUnitMetres;
    expect(unit('ifc/georef/bsi-ifc4.3-sample-models/placements-and-gis-referencing/geographic-referencing-utm/geographic-referencing-utm.ifc')).toBe(0.001);
    // example.ifc names both a millimetre and a metre length unit; its IfcUnitAssignment takes the millimetre.
    expect(unit('ifc/web-ifc/example.ifc')).toBe(0.001);
    // tested_sample_project.ifc names a metre and a decimetre unit; the assignment takes the metre.
    expect(unit('ifc/web-ifc/tested_sample_project.ifc')).toBe(1);
    expect(unit('ifc/web-ifc/Office_A_20110811.ifc')).toBe(1);
  });

  it('reads TrueNorth as degrees counter-clockwise from +y (AC20-FZK-Haus: north is 50° clockwise from +y)', () => {
    expect(read.get('ifc/web-ifc/AC20-FZK-Haus.ifc')!.georeference.trueNorthDegrees).toBeCloseTo(-50, 6);
  });
});

describe('resolvePlacement', () => {
  it.each(fixture.samples.filter((sample) => sample.expectedOriginWgs84).map((sample) => [sample.file, sample] as const))(
    '%s: the origin lands within 5 cm of PROJ',
    async (file, expected) => {
      const { georeference, geometryOffset } = read.get(file)!;
      const placement = await resolvePlacement(georeference, { anchor: geometryOffset });
      expect(placement.source).toBe(expected.method);
      expect(metresBetween(placement.originWgs84, expected.expectedOriginWgs84!)).toBeLessThan(0.05);
      expect(placement.originWgs84[2]).toBeNull();
    },
  );

  it('trusts IfcMapConversion with an EPSG code high, the IFC2X3 property sets medium, IfcSite low, nothing not at all', async () => {
    const trust = async (file: string) => (await resolvePlacement(read.get(`ifc/${file}`)!.georeference)).trust;
    expect(await trust('georef/bsi-ifc4.3-sample-models/placements-and-gis-referencing/geographic-referencing-utm/geographic-referencing-utm.ifc')).toBe('high');
    expect(await trust('georef/Duplex_A_20110907_georeferenced.ifc')).toBe('medium');
    expect(await trust('web-ifc/AC20-FZK-Haus.ifc')).toBe('low');
    expect(await trust('web-ifc/IfcOpenHouse_IFC4.ifc')).toBe('unverified');
  });

  describe('UTM sample (EPSG:25832, model in mm, Scale 1000)', () => {
    const file = 'ifc/georef/bsi-ifc4.3-sample-models/placements-and-gis-referencing/geographic-referencing-utm/geographic-referencing-utm.ifc';
    let placement: ModelPlacement;
    beforeAll(async () => {
      placement = await resolvePlacement(read.get(file)!.georeference);
    });

    it('reads Scale 1000 as the unit change and says so, rather than enlarging the building', () => {
      expect(placement.reasons.map((reason) => reason.en).join(' ')).toMatch(/Scale = 1000 read as the unit change/);
      // 10 m along project x stays 10 m on the ground (the UTM scale factor here is 0.9996…).
      const a = apply(placement.projectToEcef, [0, 0, 0]);
      const b = apply(placement.projectToEcef, [10, 0, 0]);
      expect(Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2])).toBeCloseTo(10 / 0.9996, 1);
    });

    it('maps project points where the exact grid → WGS 84 transform puts them (1 mm at 50 m), rotation and convergence included', async () => {
      const georef = read.get(file)!.georeference;
      const toWgs84 = await loadTransform('EPSG:25832', 'EPSG:4326');
      const norm = Math.hypot(georef.xAxisAbscissa!, georef.xAxisOrdinate!);
      const [a, b] = [georef.xAxisAbscissa! / norm, georef.xAxisOrdinate! / norm];
      for (const [x, y] of [[50, 0], [0, 50], [-35, 35]] as const) {
        const [lon, lat] = toWgs84(georef.eastings! + a * x - b * y, georef.northings! + b * x + a * y);
        const [mappedLon, mappedLat, height] = lonLatHeight(apply(placement.projectToEcef, [x, y, 0]));
        expect(metresBetween([mappedLon, mappedLat], [lon, lat])).toBeLessThan(0.001);
        // The tangent plane leaves the ellipsoid by x²/2R: 0.2 mm at 50 m.
        expect(Math.abs(height)).toBeLessThan(0.001);
      }
    });

    it('stands the origin on the ellipsoid, z up its normal; OrthogonalHeight is reported, not applied', () => {
      const [, , originHeight] = lonLatHeight(apply(placement.projectToEcef, [0, 0, 0]));
      const [, , roofHeight] = lonLatHeight(apply(placement.projectToEcef, [0, 0, 4]));
      expect(originHeight).toBeCloseTo(0, 3);
      expect(roofHeight).toBeCloseTo(4, 3);
      expect(placement.datumHeight).toBeCloseTo(113.7, 9);
    });

    it('gives the heading of +y clockwise from true north: the x axis turned 74.3° from grid east, plus the convergence', () => {
      const rotation = (Math.atan2(0.962691746426, 0.270600445976) * 180) / Math.PI;
      // +y is `rotation` counter-clockwise from grid north; grid north is east of true north at 8.43°E in zone 32 (9°E).
      expect(placement.headingDegrees).toBeCloseTo(-rotation, 0);
      expect(placement.headingDegrees).not.toBeCloseTo(-rotation, 2);
    });
  });

  it('IfcRigidOperation to EPSG:4258 reads FirstCoordinate as longitude: Bled, Slovenia', async () => {
    const file = 'ifc/georef/bsi-ifc4.3-sample-models/placements-and-gis-referencing/geographic-referencing-rigid-operation/geographic-referencing-rigid-operation.ifc';
    const placement = await resolvePlacement(read.get(file)!.georeference);
    expect(placement.originWgs84[0]).toBeCloseTo(14.09, 2);
    expect(placement.originWgs84[1]).toBeCloseTo(46.36, 2);
    expect(placement.reasons[0]!.en).toMatch(/FirstCoordinate 14\.0902217 read as longitude/);
    // As written: FirstCoordinate and SecondCoordinate in the easting and northing fields, the CRS geographic.
    expect(read.get(file)!.georeference).toMatchObject({ eastings: 14.0902217, northings: 46.3623297, orthogonalHeight: 475, crsKind: 'geographic' });
  });

  it('a model drawn in map coordinates is exact where it stands, not only at its far-away origin', async () => {
    const file = 'ifc/georef/bsi-ifc4.3-sample-models/linear-placement-of-signal/linear-placement-of-signal.ifc';
    const { georeference, geometryOffset } = read.get(file)!;
    expect(Math.hypot(geometryOffset[0], geometryOffset[1])).toBeGreaterThan(100_000);
    const placement = await resolvePlacement(georeference, { anchor: geometryOffset });
    const toWgs84 = await loadTransform('EPSG:3065', 'EPSG:4326');
    const probe = [geometryOffset[0] + 120, geometryOffset[1] - 80, 0] as const;
    const [lon, lat] = toWgs84(probe[0], probe[1]);
    const [mappedLon, mappedLat] = lonLatHeight(apply(placement.projectToEcef, probe));
    expect(metresBetween([mappedLon, mappedLat], [lon, lat])).toBeLessThan(0.005);
  });

  it('IfcSite: RefLatitude/RefLongitude and the heading from TrueNorth, with the caveats in both languages', async () => {
    const placement = await resolvePlacement(read.get('ifc/web-ifc/AC20-FZK-Haus.ifc')!.georeference);
    expect(placement.originWgs84[0]).toBeCloseTo(8.436539, 6);
    expect(placement.originWgs84[1]).toBeCloseTo(49.100435, 6);
    expect(placement.headingDegrees).toBeCloseTo(-50, 6);
    expect(placement.datumHeight).toBe(110);
    for (const reason of placement.reasons) expect(reason.vi.length * reason.en.length).toBeGreaterThan(0);
    const noNorth = await resolvePlacement(read.get('ifc/web-ifc/Office_A_20110811.ifc')!.georeference);
    expect(noNorth.reasons.map((reason) => reason.en).join(' ')).toMatch(/No TrueNorth/);
  });

  it('an unknown EPSG code falls back to IfcSite and says why', async () => {
    const georeference = read.get('ifc/georef/bsi-ifc4.3-sample-models/placements-and-gis-referencing/geographic-referencing-utm/geographic-referencing-utm.ifc')!.georeference;
    const placement = await resolvePlacement({ ...georeference, crs: 'EPSG:999999', crsName: 'EPSG:999999' });
    expect(placement.source).toBe('IfcSite');
    expect(placement.trust).toBe('low');
    expect(placement.reasons[0]!.en).toMatch(/EPSG:999999/);
  });
});
