import { describe, expect, it } from 'vitest';
import { CrsError, createArrayTransform, createTransform, listCrs } from '../../../src/geo/index';
import type { Coordinate3 } from '../../../src/geo/index';
import { separation } from './cs2csFixtures';

/** A 0.5° grid over Vietnam's bounding box (102.1–109.5°E, 8.4–23.4°N) at three heights. */
function vietnamGrid(): Coordinate3[] {
  const points: Coordinate3[] = [];
  for (let lon = 102; lon <= 109.5; lon += 0.5) {
    for (let lat = 8.5; lat <= 23.5; lat += 0.5) {
      for (const h of [-30, 0, 3150]) points.push([lon, lat, h]);
    }
  }
  return points;
}

describe('createTransform', () => {
  it.each(listCrs().map((crs) => crs.code).concat('EPSG:32648', 'EPSG:32749'))(
    'WGS 84 → %s → WGS 84 closes to 1 µm (the bar is 1 mm) over Vietnam',
    (code) => {
      const there = createTransform('EPSG:4326', code);
      const back = createTransform(code, 'EPSG:4326');
      const result: Coordinate3 = [0, 0, 0];
      let worst = 0;
      for (const point of vietnamGrid()) {
        there(...point, result);
        back(...result, result);
        const error = separation('degree', result, point);
        worst = Math.max(worst, error.horizontal, error.vertical);
      }
      expect(worst).toBeLessThan(1e-6);
    },
  );

  it('takes z = 0 when it is omitted, and moves ellipsoidal heights by the 3D Helmert', () => {
    const toVn2000 = createTransform('EPSG:4326', 'EPSG:4756');
    expect(toVn2000(105.8523, 21.0285)).toEqual(toVn2000(105.8523, 21.0285, 0));
    // cs2cs --3d: a WGS 84 height of 0 at Hoàn Kiếm is 24.745 m above the VN-2000 ellipsoid.
    expect(toVn2000(105.8523, 21.0285)[2]).toBeCloseTo(24.7445, 4);
  });

  it('writes into and returns the result array it is given', () => {
    const transform = createTransform('EPSG:4326', 'epsg:5897');
    const result: Coordinate3 = [0, 0, 0];
    expect(transform(105.8523, 21.0285, 0, result)).toBe(result);
    expect(result).toEqual(transform(105.8523, 21.0285));
  });

  it('is the identity, to rounding, between a CRS and itself', () => {
    const result = createTransform('EPSG:9210', 'EPSG:9210')(510437.34, 2326112.121, 5);
    [510437.34, 2326112.121, 5].forEach((value, axis) => expect(result[axis]).toBeCloseTo(value, 8));
  });

  it('gives NaN for a latitude beyond ±90°, which no CRS can hold', () => {
    for (const code of ['EPSG:4326', 'EPSG:4756', 'EPSG:5897', 'EPSG:4978']) {
      expect(createTransform('EPSG:4326', code)(105, 91).slice(0, 2)).toEqual([Number.NaN, Number.NaN]);
    }
  });

  it('throws a CrsError for an unknown code when the transform is created, not per point', () => {
    expect(() => createTransform('EPSG:4326', 'EPSG:1234')).toThrow(CrsError);
    expect(() => createArrayTransform('EPSG:0', 'EPSG:4326')).toThrow(CrsError);
  });
});

describe('createArrayTransform', () => {
  const points = [105.8523, 21.0285, 0, 105.7835, 21.039, 12, 106.7009, 10.7769, -15];

  it('matches the point transform, in place or into a result array', () => {
    const single = createTransform('EPSG:4326', 'EPSG:5897');
    const expected = [0, 3, 6].flatMap((i) => single(points[i]!, points[i + 1]!, points[i + 2]!));
    const batch = createArrayTransform('EPSG:4326', 'EPSG:5897');

    const input = Float64Array.from(points);
    const result = new Float64Array(points.length);
    expect(batch(input, result)).toBe(result);
    expect([...result]).toEqual(expected);
    expect([...input]).toEqual(points);

    expect(batch(input)).toBe(input);
    expect([...input]).toEqual(expected);
  });

  it('refuses arrays that are not whole x, y, z triples', () => {
    const batch = createArrayTransform('EPSG:4326', 'EPSG:5897');
    expect(() => batch(new Float64Array(4))).toThrow(expect.objectContaining({ code: 'INVALID_COORDINATE_ARRAY' }));
    expect(() => batch(new Float64Array(6), new Float64Array(3))).toThrow(CrsError);
  });
});
