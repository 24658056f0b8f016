/**
 * Prism extrusion of a footprint: a flat roof (earcut triangulation, holes supported) and vertical walls with one
 * normal per face, so that walls shade as flat planes. No floor: the prism stands on the ground and a floor would
 * only cost triangles. Input and output are in a local z-up frame in metres (east, north, up).
 *
 * Faces are counter-clockwise seen from outside (glTF 2.0 §3.7.2.1 front faces), which needs the outer ring
 * counter-clockwise and holes clockwise seen from above; rings are re-oriented here whatever OSM's drawing order.
 */
import earcut from 'earcut';

export type Vec2 = readonly [number, number];

export interface TriangleMesh {
  /** x, y, z per vertex. */
  positions: Float32Array;
  /** Unit normals, x, y, z per vertex. */
  normals: Float32Array;
  /** Counter-clockwise triangles. */
  indices: Uint32Array;
}

/** Positions are snapped to whole millimetres so that output bytes do not hang on the last bits of trigonometry. */
const MM_PER_M = 1000;
const MIN_RING_AREA_M2 = 0.01;
const MIN_TRIANGLE_AREA_M2 = 1e-6;

/**
 * Extrudes a polygon (outer ring first, then holes; closed or open rings) from `base` to `top` metres.
 * Returns `undefined` when the outer ring has no area (fewer than three distinct points after snapping).
 */
export function extrudeFootprint(rings: readonly (readonly Vec2[])[], base: number, top: number): TriangleMesh | undefined {
  const [outerInput, ...holeInputs] = rings;
  const outer = outerInput && cleanRing(outerInput);
  if (!outer) return undefined;
  const cleaned = [orient(outer, true), ...holeInputs.flatMap((hole) => {
    const ring = cleanRing(hole);
    return ring ? [orient(ring, false)] : [];
  })];

  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  const z0 = snap(base);
  const z1 = snap(top);

  // Roof: one vertex per footprint point, all facing up.
  const flat = cleaned.flatMap((ring) => ring.flatMap(([x, y]) => [x, y]));
  const holeStarts: number[] = [];
  let count = 0;
  for (const ring of cleaned) {
    if (count > 0) holeStarts.push(count);
    count += ring.length;
  }
  for (let i = 0; i < flat.length; i += 2) {
    positions.push(flat[i]!, flat[i + 1]!, z1);
    normals.push(0, 0, 1);
  }
  const roof = earcut(flat, holeStarts, 2);
  for (let t = 0; t < roof.length; t += 3) {
    const [a, b, c] = [roof[t]!, roof[t + 1]!, roof[t + 2]!];
    const area = signedTriangleArea(flat, a, b, c);
    if (Math.abs(area) < MIN_TRIANGLE_AREA_M2) continue;
    if (area > 0) indices.push(a, b, c);
    else indices.push(a, c, b);
  }

  // Walls: four vertices per edge so each face keeps its own outward normal (interior on the left of the edge).
  for (const ring of cleaned) {
    for (let i = 0; i < ring.length; i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[(i + 1) % ring.length]!;
      const length = Math.hypot(bx - ax, by - ay);
      const nx = (by - ay) / length;
      const ny = -(bx - ax) / length;
      const first = positions.length / 3;
      positions.push(ax, ay, z0, bx, by, z0, bx, by, z1, ax, ay, z1);
      for (let k = 0; k < 4; k++) normals.push(nx, ny, 0);
      indices.push(first, first + 1, first + 2, first, first + 2, first + 3);
    }
  }
  return { positions: new Float32Array(positions), normals: new Float32Array(normals), indices: new Uint32Array(indices) };
}

/** Snaps to the grid, drops the closing point and repeated points; `undefined` when no area remains. */
function cleanRing(ring: readonly Vec2[]): Vec2[] | undefined {
  const points: Vec2[] = [];
  for (const [x, y] of ring) {
    const point: Vec2 = [snap(x), snap(y)];
    const last = points[points.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
  return points.length >= 3 && Math.abs(signedRingArea(points)) >= MIN_RING_AREA_M2 ? points : undefined;
}

function orient(ring: Vec2[], counterClockwise: boolean): Vec2[] {
  return signedRingArea(ring) > 0 === counterClockwise ? ring : [...ring].reverse();
}

/** Shoelace formula: positive for counter-clockwise rings (x east, y north). */
function signedRingArea(ring: readonly Vec2[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[(i + 1) % ring.length]!;
    twice += ax * by - bx * ay;
  }
  return twice / 2;
}

function signedTriangleArea(flat: readonly number[], a: number, b: number, c: number): number {
  const [ax, ay, bx, by, cx, cy] = [flat[2 * a]!, flat[2 * a + 1]!, flat[2 * b]!, flat[2 * b + 1]!, flat[2 * c]!, flat[2 * c + 1]!];
  return ((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
}

function snap(value: number): number {
  return Math.round(value * MM_PER_M) / MM_PER_M;
}
