import { describe, expect, it } from 'vitest';
import { DEGREES_TO_RADIANS } from '../../../src/geo/angles';
import { WGS84_ELLIPSOID } from '../../../src/geo/ellipsoid';
import { geocentricToGeodetic, geodeticToGeocentric } from '../../../src/geo/geocentric';
import type { Coordinate3 } from '../../../src/geo/types';

const { a, b } = WGS84_ELLIPSOID;

describe('geodetic ⇄ geocentric on WGS 84', () => {
  it('puts the equator at a and the poles at b', () => {
    const result: Coordinate3 = [0, 0, 0];
    expect(geodeticToGeocentric(WGS84_ELLIPSOID, 0, 0, 0, result)).toEqual([a, 0, 0]);
    geodeticToGeocentric(WGS84_ELLIPSOID, 0, Math.PI / 2, 100, result);
    expect(result[0]).toBeCloseTo(0, 9);
    expect(result[2]).toBeCloseTo(b + 100, 9);
    geocentricToGeodetic(WGS84_ELLIPSOID, 0, 0, -b - 5, result);
    expect(result[1]).toBe(-Math.PI / 2);
    expect(result[2]).toBeCloseTo(5, 9);
  });

  it('inverts to double rounding (< 20 nm) from 100 km deep to geostationary height, poles included', () => {
    const point: Coordinate3 = [0, 0, 0];
    let worst = 0;
    for (let latitude = -90; latitude <= 90; latitude += 0.5) {
      for (const height of [-100_000, -500, 0, 25, 3_150, 10_000, 1_000_000, 35_786_000]) {
        const lambda = 105.85 * DEGREES_TO_RADIANS;
        const phi = latitude * DEGREES_TO_RADIANS;
        geodeticToGeocentric(WGS84_ELLIPSOID, lambda, phi, height, point);
        geocentricToGeodetic(WGS84_ELLIPSOID, point[0], point[1], point[2], point);
        const horizontal = (a + height) * Math.hypot(phi - point[1], (lambda - point[0]) * Math.cos(phi));
        worst = Math.max(worst, horizontal, Math.abs(height - point[2]));
      }
    }
    expect(worst).toBeLessThan(2e-8);
  });
});
