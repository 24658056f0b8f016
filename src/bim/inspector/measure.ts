/**
 * Measurement kernels over the model frame (metres, z up): distance, height, the area of a clicked polygon and of
 * a planar face region of an element. Pure functions over typed arrays, shared by the three.js view and the tests.
 */
import { cross, dot, length, normalize, sub, vertexAt, type Vec3 } from './vec3';

export function distance(a: Vec3, b: Vec3): number {
  return length(sub(b, a));
}

/** Vertical difference (b above a is positive) and the horizontal distance between two points. */
export function heightBetween(a: Vec3, b: Vec3): { vertical: number; horizontal: number } {
  return { vertical: b[2] - a[2], horizontal: Math.hypot(b[0] - a[0], b[1] - a[1]) };
}

/**
 * Area of a planar polygon in 3D (Newell's method: half the length of the summed cross products). For points that
 * are not quite coplanar it is the area of the polygon projected on its best-fit plane.
 */
export function polygonArea(points: readonly Vec3[]): number {
  let nx = 0;
  let ny = 0;
  let nz = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const q = points[(i + 1) % points.length]!;
    nx += (p[1] - q[1]) * (p[2] + q[2]);
    ny += (p[2] - q[2]) * (p[0] + q[0]);
    nz += (p[0] - q[0]) * (p[1] + q[1]);
  }
  return Math.hypot(nx, ny, nz) / 2;
}

/** Twice-area normal of triangle (a, b, c): direction by the right-hand rule, length 2 × area. */
function triangleCross(a: Vec3, b: Vec3, c: Vec3): Vec3 {
  return cross(sub(b, a), sub(c, a));
}

export interface FaceRegion {
  /** Offsets in `indices` of the first index of each triangle of the region. */
  triangles: number[];
  area: number;
  /** Unit normal of the seed triangle. */
  normal: Vec3;
}

export interface FaceRegionTolerance {
  /** Largest angle between normals, radians. */
  angle: number;
  /** Largest distance of a vertex from the seed plane, metres. */
  distance: number;
}

const DEFAULT_TOLERANCE: FaceRegionTolerance = { angle: (0.5 * Math.PI) / 180, distance: 0.001 };
/** Vertices closer than this (0.1 mm) are the same corner: web-ifc repeats vertices between faces. */
const WELD = 1e4;

function cornerKey(positions: Float32Array, vertex: number): string {
  return `${Math.round(positions[3 * vertex]! * WELD)},${Math.round(positions[3 * vertex + 1]! * WELD)},${Math.round(positions[3 * vertex + 2]! * WELD)}`;
}

/**
 * The planar face an element shows around one of its triangles: every triangle of the element's index range that
 * lies in the seed triangle's plane, facing the same way, and is connected to the seed through shared corners.
 * Connection by corner rather than by edge keeps faces whose triangulation has T-junctions in one piece.
 */
export function planarFaceRegion(
  positions: Float32Array,
  indices: Uint32Array,
  range: { firstIndex: number; indexCount: number },
  seedTriangle: number,
  tolerance: FaceRegionTolerance = DEFAULT_TOLERANCE,
): FaceRegion {
  const corner = (offset: number) => vertexAt(positions, indices[offset]!);
  const seedCross = triangleCross(corner(seedTriangle), corner(seedTriangle + 1), corner(seedTriangle + 2));
  const normal = normalize(seedCross);
  const origin = corner(seedTriangle);
  const minCos = Math.cos(tolerance.angle);

  const candidates: number[] = [];
  const areas = new Map<number, number>();
  const end = range.firstIndex + range.indexCount;
  for (let t = range.firstIndex; t + 2 < end; t += 3) {
    const a = corner(t);
    const b = corner(t + 1);
    const c = corner(t + 2);
    const twice = triangleCross(a, b, c);
    const twiceArea = length(twice);
    if (twiceArea === 0 || dot(twice, normal) < minCos * twiceArea) continue;
    if ([a, b, c].some((p) => Math.abs(dot(sub(p, origin), normal)) > tolerance.distance)) continue;
    candidates.push(t);
    areas.set(t, twiceArea / 2);
  }

  const byCorner = new Map<string, number[]>();
  for (const t of candidates) {
    for (let k = 0; k < 3; k++) {
      const key = cornerKey(positions, indices[t + k]!);
      const list = byCorner.get(key);
      if (list) list.push(t);
      else byCorner.set(key, [t]);
    }
  }

  const reached = new Set<number>([seedTriangle]);
  const queue = [seedTriangle];
  while (queue.length > 0) {
    const t = queue.pop()!;
    for (let k = 0; k < 3; k++) {
      for (const next of byCorner.get(cornerKey(positions, indices[t + k]!)) ?? []) {
        if (reached.has(next)) continue;
        reached.add(next);
        queue.push(next);
      }
    }
  }
  const triangles = [...reached].sort((x, y) => x - y);
  const area = triangles.reduce((sum, t) => sum + (areas.get(t) ?? 0), 0);
  return { triangles, area, normal };
}
