/**
 * Exact 2D measures in the working plane (metres): areas and the least distance between two outlines, which is
 * the setback. Pure functions over plain arrays; no clipping here (see polygonClipping.ts).
 */
import type { PlanePolygon, PlaneXY } from './types';

/** Signed area of an open ring, counter-clockwise positive (shoelace formula). */
export function ringArea(ring: readonly PlaneXY[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twice += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return twice / 2;
}

/** Area of polygons with holes, m². */
export function polygonsArea(polygons: readonly PlanePolygon[]): number {
  let area = 0;
  for (const { outer, holes } of polygons) {
    area += Math.abs(ringArea(outer));
    for (const hole of holes) area -= Math.abs(ringArea(hole));
  }
  return area;
}

/** The point of segment ab closest to p. */
export function closestOnSegment([px, py]: PlaneXY, [ax, ay]: PlaneXY, [bx, by]: PlaneXY): PlaneXY {
  const [dx, dy] = [bx - ax, by - ay];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return [ax + t * dx, ay + t * dy];
}

/** Where segments ab and cd cross or touch, or null. */
function segmentIntersection(a: PlaneXY, b: PlaneXY, c: PlaneXY, d: PlaneXY): PlaneXY | null {
  const [rx, ry] = [b[0] - a[0], b[1] - a[1]];
  const [sx, sy] = [d[0] - c[0], d[1] - c[1]];
  const denominator = rx * sy - ry * sx;
  if (denominator === 0) return null; // parallel: their distance is that of an end point, found below
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / denominator;
  const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / denominator;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? [a[0] + t * rx, a[1] + t * ry] : null;
}

export interface ClosestPair {
  distance: number;
  /** On the first outline, on the second. */
  from: PlaneXY;
  to: PlaneXY;
}

/**
 * The least distance between the boundaries of two sets of rings and where it is reached. Two segments that do
 * not cross are closest at an end point of one of them, so four point–segment distances per pair decide it;
 * crossing boundaries are at distance 0. O(n·m): outlines here have tens to hundreds of vertices.
 */
export function closestBoundaryPoints(first: readonly (readonly PlaneXY[])[], second: readonly (readonly PlaneXY[])[]): ClosestPair {
  let best: ClosestPair = { distance: Infinity, from: [NaN, NaN], to: [NaN, NaN] };
  const consider = (from: PlaneXY, to: PlaneXY): void => {
    const distance = Math.hypot(to[0] - from[0], to[1] - from[1]);
    if (distance < best.distance) best = { distance, from, to };
  };
  for (const ringA of first) {
    for (let i = 0, j = ringA.length - 1; i < ringA.length; j = i++) {
      const [a, b] = [ringA[j]!, ringA[i]!];
      for (const ringB of second) {
        for (let k = 0, l = ringB.length - 1; k < ringB.length; l = k++) {
          const [c, d] = [ringB[l]!, ringB[k]!];
          const crossing = segmentIntersection(a, b, c, d);
          if (crossing) return { distance: 0, from: crossing, to: crossing };
          consider(a, closestOnSegment(a, c, d));
          consider(b, closestOnSegment(b, c, d));
          consider(closestOnSegment(c, a, b), c);
          consider(closestOnSegment(d, a, b), d);
        }
      }
    }
  }
  return best;
}

/** Every ring of the polygons, outer rings and holes. */
export function ringsOf(polygons: readonly PlanePolygon[]): PlaneXY[][] {
  return polygons.flatMap((p) => [p.outer, ...p.holes]);
}
