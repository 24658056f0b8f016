import { describe, expect, it } from 'vitest';
import { DEGREES_TO_RADIANS, RADIANS_TO_DEGREES } from '../../../src/geo/angles';
import { WGS84_ELLIPSOID } from '../../../src/geo/ellipsoid';
import { createTransform, getCrs } from '../../../src/geo/index';
import { TransverseMercator } from '../../../src/geo/TransverseMercator';
import type { Coordinate3, TransverseMercatorParameters } from '../../../src/geo/types';
import { readCs2csCases } from './cs2csFixtures';

const HANOI_ZONE: TransverseMercatorParameters = {
  centralMeridian: 105,
  latitudeOfOrigin: 0,
  scaleFactor: 0.9999,
  falseEasting: 500_000,
  falseNorthing: 0,
};

function project(tm: TransverseMercator, lon: number, lat: number): Coordinate3 {
  return tm.forward(lon * DEGREES_TO_RADIANS, lat * DEGREES_TO_RADIANS, [0, 0, 0]);
}

describe('Transverse Mercator (PROJ tmerc, Poder/Engsager, 6th order Krüger)', () => {
  const tm = new TransverseMercator(WGS84_ELLIPSOID, HANOI_ZONE);

  it('maps the natural origin to the false easting and northing, also when φ0 ≠ 0', () => {
    expect(project(tm, 105, 0)).toEqual([500_000, 0, 0]);
    const origin = project(
      new TransverseMercator(WGS84_ELLIPSOID, { ...HANOI_ZONE, latitudeOfOrigin: 21, falseNorthing: 1000 }),
      105,
      21,
    );
    expect(origin[0]).toBe(500_000);
    expect(origin[1]).toBeCloseTo(1000, 9);
  });

  it('has scale k0 along the central meridian (northing grows by k0 times the meridian arc)', () => {
    const { a, e2 } = WGS84_ELLIPSOID;
    for (const lat of [0, 10.5, 21, 45]) {
      const phi = lat * DEGREES_TO_RADIANS;
      const step = 1e-6;
      const arc = (a * (1 - e2) * 2 * step) / (1 - e2 * Math.sin(phi) ** 2) ** 1.5;
      const dLat = step * RADIANS_TO_DEGREES;
      const dNorthing = project(tm, 105, lat + dLat)[1] - project(tm, 105, lat - dLat)[1];
      expect(dNorthing / arc).toBeCloseTo(0.9999, 9);
    }
  });

  it('is symmetric about the central meridian', () => {
    const east = project(tm, 106.5, 21);
    const west = project(tm, 103.5, 21);
    expect(east[0] - 500_000).toBeCloseTo(500_000 - west[0], 8);
    expect(east[1]).toBeCloseTo(west[1], 8);
  });

  it('round-trips to 10 nm at the TM-3 and UTM zone edges and well beyond (±10°)', () => {
    const back: Coordinate3 = [0, 0, 0];
    let worst = 0;
    for (let lat = -10; lat <= 30; lat += 2.5) {
      for (const offset of [-10, -6, -3, -1.5, 0, 1.5, 3, 6, 10]) {
        const lon = 105 + offset;
        const [e, n] = project(tm, lon, lat);
        tm.inverse(e, n, back);
        const phi = lat * DEGREES_TO_RADIANS;
        const dLon = back[0] - lon * DEGREES_TO_RADIANS;
        worst = Math.max(worst, WGS84_ELLIPSOID.a * Math.hypot(back[1] - phi, dLon * Math.cos(phi)));
      }
    }
    expect(worst).toBeLessThan(1e-8);
  });

  it('agrees with cs2cs to 1 µm on the zone-edge fixture points of every grid', () => {
    const edges = readCs2csCases('wgs84-to-crs.txt').filter(
      (item) => item.label.startsWith('edge-') && getCrs(item.crs).kind === 'projected',
    );
    expect(edges.length).toBeGreaterThanOrEqual(2 * 20);
    for (const { crs, input, expected } of edges) {
      const [e, n] = createTransform('EPSG:4326', crs)(...input);
      expect(Math.hypot(e - expected[0], n - expected[1])).toBeLessThan(1e-6);
    }
  });

  it('wraps longitudes across the antimeridian (UTM zone 60, central meridian 177°E)', () => {
    const zone60 = new TransverseMercator(WGS84_ELLIPSOID, { ...HANOI_ZONE, centralMeridian: 177 });
    const [e, n] = project(zone60, -179, 10);
    expect(e).toBeGreaterThan(500_000 + 400_000);
    const back = zone60.inverse(e, n, [0, 0, 0]);
    expect(back[0] * RADIANS_TO_DEGREES).toBeCloseTo(-179, 12);
  });

  it('gives NaN, not a wrong number, beyond the reach of the series', () => {
    expect(project(tm, 105 + 90, 0).slice(0, 2)).toEqual([Number.NaN, Number.NaN]);
    expect(tm.inverse(5e7, 0, [0, 0, 0]).slice(0, 2)).toEqual([Number.NaN, Number.NaN]);
  });
});
