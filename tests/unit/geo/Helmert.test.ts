import { describe, expect, it } from 'vitest';
import { ARCSECONDS_TO_RADIANS } from '../../../src/geo/angles';
import { CrsError } from '../../../src/geo/CrsError';
import { VN2000_TO_WGS84 } from '../../../src/geo/datums';
import { Helmert, parseTowgs84 } from '../../../src/geo/Helmert';
import type { Coordinate3 } from '../../../src/geo/types';

/** About Hoàn Kiếm in VN-2000 geocentric coordinates, metres. */
const HOAN_KIEM: Coordinate3 = [-1626749.9, 5729544.1, 2274466.0];

describe('Helmert, Position Vector, as PROJ applies +towgs84', () => {
  it('reads the towgs84 string of EPSG:6960 in PROJ order and units', () => {
    expect(VN2000_TO_WGS84).toEqual({
      tx: -191.90441429,
      ty: -39.30318279,
      tz: -111.45032835,
      rx: 0.00928836,
      ry: -0.01975479,
      rz: 0.00427372,
      ds: 0.252906278,
    });
    expect(parseTowgs84('1, 2, 3')).toEqual({ tx: 1, ty: 2, tz: 3, rx: 0, ry: 0, rz: 0, ds: 0 });
  });

  it('rejects a malformed string with a bilingual CrsError', () => {
    for (const text of ['', '1,2', '1,2,3,4', '1,2,x', '1,,3']) {
      const error = (() => {
        try {
          parseTowgs84(text);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(CrsError);
      expect(error).toMatchObject({
        code: 'INVALID_TOWGS84',
        userMessage: { vi: expect.stringContaining(text), en: expect.stringContaining(text) },
      });
    }
  });

  it('applies X′ = T + (1 + ds·1e-6)(I + [ω]×) X with ω in arc-seconds', () => {
    const rotateZ = new Helmert({ tx: 0, ty: 0, tz: 0, rx: 0, ry: 0, rz: 1, ds: 0 });
    const result = rotateZ.forward(6_378_137, 0, 0, [0, 0, 0]);
    // A positive rz turns the position vector anticlockwise seen from +Z: +x moves towards +y.
    expect(result[1]).toBeCloseTo(6_378_137 * ARCSECONDS_TO_RADIANS, 12);
    const scaleAndShift = new Helmert({ tx: 1, ty: 2, tz: 3, rx: 0, ry: 0, rz: 0, ds: 1 });
    const shifted = scaleAndShift.forward(1e6, 0, -1e6, [0, 0, 0]);
    [1e6 + 1 + 1, 2, -1e6 + 3 - 1].forEach((expected, axis) => expect(shifted[axis]).toBeCloseTo(expected, 9));
  });

  it('inverts exactly, and within 0.1 µm of PROJ, which multiplies by the transpose', () => {
    const helmert = new Helmert(VN2000_TO_WGS84);
    const wgs84 = helmert.forward(...HOAN_KIEM, [0, 0, 0]);
    const back = helmert.inverse(...wgs84, [0, 0, 0]);
    for (let axis = 0; axis < 3; axis++) expect(Math.abs(back[axis]! - HOAN_KIEM[axis]!)).toBeLessThan(1e-9);

    const { tx, ty, tz, rx, ry, rz, ds } = VN2000_TO_WGS84;
    const scale = 1 + ds * 1e-6;
    const [u, v, w] = [(wgs84[0] - tx) / scale, (wgs84[1] - ty) / scale, (wgs84[2] - tz) / scale];
    const [ox, oy, oz] = [rx, ry, rz].map((angle) => angle * ARCSECONDS_TO_RADIANS) as Coordinate3;
    const transposed = [u + oz * v - oy * w, -oz * u + v + ox * w, oy * u - ox * v + w];
    expect(Math.hypot(...back.map((value, axis) => value - transposed[axis]!))).toBeLessThan(1e-7);
  });
});
