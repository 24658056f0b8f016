import { describe, expect, it } from 'vitest';
import { createTransform, getCrs } from '../../../src/geo/index';
import { readCs2csCases, separation } from './cs2csFixtures';
import type { Cs2csCase } from './cs2csFixtures';

/**
 * Every fixture point from PROJ's cs2cs (scripts/gen-crs-fixtures.sh), forward and inverse. The bar the
 * project sets is 1 cm; the same algorithms as PROJ agree far closer, so the test holds them to 0.1 mm, a
 * margin over the fixtures' 10-decimal rounding (1e-10° ≈ 0.01 mm).
 */
const TOLERANCE_M = 1e-4;

function byCrs(cases: Cs2csCase[]): [string, Cs2csCase[]][] {
  const groups = new Map<string, Cs2csCase[]>();
  for (const item of cases) groups.set(item.crs, [...(groups.get(item.crs) ?? []), item]);
  return [...groups];
}

function worst(from: string, to: string, cases: Cs2csCase[]): { horizontal: number; vertical: number } {
  const transform = createTransform(from, to);
  const unit = getCrs(to).unit;
  let horizontal = 0;
  let vertical = 0;
  for (const { input, expected } of cases) {
    const error = separation(unit, transform(...input), expected);
    horizontal = Math.max(horizontal, error.horizontal);
    vertical = Math.max(vertical, error.vertical);
  }
  return { horizontal, vertical };
}

describe('agreement with cs2cs --3d (PROJ 9.1.1, EPSG:6960)', () => {
  const forward = byCrs(readCs2csCases('wgs84-to-crs.txt'));
  const inverse = byCrs(readCs2csCases('crs-to-wgs84.txt'));

  it('covers every VN-2000 CRS both ways: Hoàn Kiếm, VNU Cầu Giấy, Hải Phòng, Đà Nẵng, HCMC, zone edges', () => {
    const vn2000 = ['EPSG:4756', 'EPSG:3405', 'EPSG:3406', 'EPSG:5896', 'EPSG:5897', 'EPSG:5898', 'EPSG:5899'];
    for (let epsg = 9205; epsg <= 9218; epsg++) vn2000.push(`EPSG:${epsg}`);
    expect(forward.map(([crs]) => crs)).toEqual(expect.arrayContaining(vn2000));
    expect(inverse.map(([crs]) => crs)).toEqual(expect.arrayContaining(vn2000));
    const labels = new Set(forward.flatMap(([, cases]) => cases.map((item) => item.label)));
    for (const label of ['hoan-kiem', 'vnu-cau-giay', 'hai-phong', 'da-nang', 'hcmc-d1', 'edge-west-22n', 'fansipan']) {
      expect(labels).toContain(label);
    }
  });

  it.each(forward)('WGS 84 → %s within 0.1 mm', (crs, cases) => {
    const error = worst('EPSG:4326', crs, cases);
    expect(error.horizontal).toBeLessThan(TOLERANCE_M);
    expect(error.vertical).toBeLessThan(TOLERANCE_M);
  });

  it.each(inverse)('%s → WGS 84 within 0.1 mm', (crs, cases) => {
    const error = worst(crs, 'EPSG:4326', cases);
    expect(error.horizontal).toBeLessThan(TOLERANCE_M);
    expect(error.vertical).toBeLessThan(TOLERANCE_M);
  });
});
