import type { Ellipsoid } from './types';

/** Builds an ellipsoid from its defining pair, semi-major axis (m) and inverse flattening. */
export function createEllipsoid(name: string, a: number, inverseFlattening: number): Ellipsoid {
  const f = 1 / inverseFlattening;
  const e2 = f * (2 - f);
  return { name, a, f, b: a * (1 - f), e2, ep2: e2 / (1 - e2), n: f / (2 - f) };
}

/**
 * WGS 84 (EPSG:7030). VN-2000 uses this same ellipsoid, placed and oriented to fit Vietnam: the two datums
 * differ by a Helmert transformation, not by their ellipsoid (Decision 83/2000/QĐ-TTg, 12 July 2000).
 */
export const WGS84_ELLIPSOID: Ellipsoid = createEllipsoid('WGS 84', 6378137, 298.257223563);
