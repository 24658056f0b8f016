import { readFileSync } from 'node:fs';
import type { Coordinate3 } from '../../../src/geo/index';

/** One line of tests/fixtures/crs/*.txt (scripts/gen-crs-fixtures.sh): easting/longitude first, z ellipsoidal. */
export interface Cs2csCase {
  crs: string;
  input: Coordinate3;
  expected: Coordinate3;
  label: string;
}

/** Reads `wgs84-to-crs.txt` (lon lat h → CRS) or `crs-to-wgs84.txt` (CRS → lon lat h). */
export function readCs2csCases(file: 'wgs84-to-crs.txt' | 'crs-to-wgs84.txt'): Cs2csCase[] {
  const text = readFileSync(new URL(`../../fixtures/crs/${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [crs = '', x0, y0, z0, x1, y1, z1, label = ''] = line.split(' ');
      const input: Coordinate3 = [Number(x0), Number(y0), Number(z0)];
      return { crs, input, expected: [Number(x1), Number(y1), Number(z1)], label };
    });
}

const EARTH_RADIUS = 6_371_000;
const DEGREE = Math.PI / 180;

/**
 * Horizontal and vertical distance in metres between two coordinates of a CRS with the given unit; degree
 * differences become metres on a sphere (plenty for tolerances of a millimetre and less).
 */
export function separation(
  unit: 'degree' | 'metre',
  a: readonly number[],
  b: readonly number[],
): { horizontal: number; vertical: number } {
  const [ax = 0, ay = 0, az = 0] = a;
  const [bx = 0, by = 0, bz = 0] = b;
  const horizontal =
    unit === 'degree'
      ? EARTH_RADIUS * DEGREE * Math.hypot((ax - bx) * Math.cos(ay * DEGREE), ay - by)
      : Math.hypot(ax - bx, ay - by);
  return { horizontal, vertical: Math.abs(az - bz) };
}
