/**
 * Douglas–Peucker line simplification (Douglas & Peucker 1973) in metres, on a local equirectangular
 * projection of lon/lat — adequate for a province-sized area at the 10–20 m tolerances used here.
 * Iterative, keeps both end points; ties keep the first farthest point so the result is deterministic.
 */
import type { LonLat } from './osmGeometry';

const METRES_PER_DEGREE = 6371008.8 * (Math.PI / 180);

/** Indices of the points kept, ascending; always includes 0 and the last index. */
export function douglasPeucker(line: readonly LonLat[], toleranceM: number, referenceLat: number): number[] {
  if (line.length <= 2) return line.map((_, index) => index);
  const kx = METRES_PER_DEGREE * Math.cos((referenceLat * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  const xy = line.map(([lon, lat]) => [lon * kx, lat * ky] as const);
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let farthestDistance = toleranceM;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(xy[i]!, xy[first]!, xy[last]!);
      if (d > farthestDistance) {
        farthest = i;
        farthestDistance = d;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return line.flatMap((_, index) => (keep[index] ? [index] : []));
}

function distanceToSegment(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}
