import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEGREES_TO_RADIANS } from '../../../src/geo/angles';
import { VN2000_TO_WGS84 } from '../../../src/geo/datums';
import { WGS84_ELLIPSOID } from '../../../src/geo/ellipsoid';
import { geocentricToGeodetic, geodeticToGeocentric } from '../../../src/geo/geocentric';
import { Helmert, parseTowgs84 } from '../../../src/geo/Helmert';
import { createTransform } from '../../../src/geo/index';
import { TransverseMercator } from '../../../src/geo/TransverseMercator';
import type { Coordinate3, HelmertParameters, TransverseMercatorParameters } from '../../../src/geo/types';

/** The decree's Coordinate Frame rotation signs pasted into PROJ's Position Vector slot, as much public code does. */
const COMMON_WRONG_TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278';

/** The cs2cs table of shared/data/crs/VN2000_NOTES.md: WGS 84 lon, lat → TM-3 105°45′ E, N, three ways. */
function notesTable(): { point: string; lon: number; lat: number; epsg: number[]; wrong: number[]; none: number[] }[] {
  const notes = readFileSync(new URL('../../../../shared/data/crs/VN2000_NOTES.md', import.meta.url), 'utf8');
  const row = /^\| (.+?) ([\d.]+), ([\d.]+) \| ([\d.]+ [\d.]+) \| ([\d.]+ [\d.]+) \| ([\d.]+ [\d.]+) \|$/gm;
  return [...notes.matchAll(row)].map(([, point = '', lon, lat, epsg = '', wrong = '', none = '']) => ({
    point,
    lon: Number(lon),
    lat: Number(lat),
    epsg: epsg.split(' ').map(Number),
    wrong: wrong.split(' ').map(Number),
    none: none.split(' ').map(Number),
  }));
}

const TM3_105D45: TransverseMercatorParameters = {
  centralMeridian: 105.75,
  latitudeOfOrigin: 0,
  scaleFactor: 0.9999,
  falseEasting: 500_000,
  falseNorthing: 0,
};

/** WGS 84 → VN-2000 TM-3 105°45′ (EPSG:9210's grid) with the given datum shift, or none. */
function toTm3At105d45(lon: number, lat: number, toWgs84: HelmertParameters | undefined): Coordinate3 {
  const point: Coordinate3 = [0, 0, 0];
  geodeticToGeocentric(WGS84_ELLIPSOID, lon * DEGREES_TO_RADIANS, lat * DEGREES_TO_RADIANS, 0, point);
  if (toWgs84) new Helmert(toWgs84).inverse(point[0], point[1], point[2], point);
  geocentricToGeodetic(WGS84_ELLIPSOID, point[0], point[1], point[2], point);
  return new TransverseMercator(WGS84_ELLIPSOID, TM3_105D45).forward(point[0], point[1], point);
}

/** The table is printed to the millimetre. */
const TABLE_ROUNDING_M = 0.0005 + 1e-6;

function expectGrid(actual: readonly number[], table: readonly number[]): void {
  expect(Math.abs(actual[0]! - table[0]!)).toBeLessThan(TABLE_ROUNDING_M);
  expect(Math.abs(actual[1]! - table[1]!)).toBeLessThan(TABLE_ROUNDING_M);
}

describe('the VN-2000 rotation sign trap (shared/data/crs/VN2000_NOTES.md)', () => {
  const table = notesTable();

  it('reads the three points of the notes', () => {
    expect(table.map((row) => row.point)).toEqual(['Hoàn Kiếm', 'Hải Phòng', 'HCMC D1']);
  });

  it('EPSG:6960 as PROJ writes it gives the EPSG/PROJ column, through the public API (EPSG:9210)', () => {
    const toGrid = createTransform('EPSG:4326', 'EPSG:9210');
    for (const row of table) expectGrid(toGrid(row.lon, row.lat), row.epsg);
  });

  it("the decree's signs in the Position Vector slot give the 'common string' column, 0.75 m off at Hoàn Kiếm", () => {
    const wrong = parseTowgs84(COMMON_WRONG_TOWGS84);
    const offsets = table.map((row) => {
      const trapped = toTm3At105d45(row.lon, row.lat, wrong);
      expectGrid(trapped, row.wrong);
      const right = toTm3At105d45(row.lon, row.lat, VN2000_TO_WGS84);
      return Math.hypot(trapped[0] - right[0], trapped[1] - right[1]);
    });
    expect(offsets[0]).toBeCloseTo(0.754, 3);
    for (const offset of offsets) expect(offset).toBeGreaterThan(0.5);
  });

  it('leaving the datum shift out is about 220 m wrong: the no-towgs84 column', () => {
    for (const row of table) {
      const unshifted = toTm3At105d45(row.lon, row.lat, undefined);
      expectGrid(unshifted, row.none);
      expect(Math.hypot(unshifted[0] - row.epsg[0]!, unshifted[1] - row.epsg[1]!)).toBeGreaterThan(200);
    }
  });
});
