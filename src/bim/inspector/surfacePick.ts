/**
 * Picking on the CPU without a BVH build: each element's index range gets an axis-aligned box when its chunk
 * arrives (one pass over its indices, cheap enough to keep the main thread free while loading); a ray tests the
 * boxes, then only the triangles of elements whose box it enters, nearest box first, and stops once the next box
 * starts beyond the best hit. Hits cut away by section planes or on hidden elements are skipped, so what the user
 * clicks is what they see.
 */
import { isKept, type ClipPlane } from './sectionPlanes';
import type { Vec3 } from './vec3';

export interface PickableChunk {
  chunkIndex: number;
  positions: Float32Array;
  indices: Uint32Array;
  elementRanges: Uint32Array;
  /** Six floats per element range: min x, y, z, max x, y, z (from `elementBoxes`). */
  boxes: Float32Array;
}

export interface Ray {
  origin: Vec3;
  /** Unit direction. */
  direction: Vec3;
}

export interface SurfaceHit {
  expressId: number;
  chunkIndex: number;
  /** Offset in the chunk's `indices` of the hit triangle's first index. */
  triangle: number;
  /** The element's range in the chunk, for face regions and highlights. */
  firstIndex: number;
  indexCount: number;
  point: Vec3;
  /** Unit normal of the hit triangle, turned towards the viewer. */
  normal: Vec3;
  distance: number;
}

/** Bounding boxes of every element range of a chunk, six floats each. */
export function elementBoxes(positions: Float32Array, indices: Uint32Array, elementRanges: Uint32Array): Float32Array {
  const ranges = elementRanges.length / 3;
  const boxes = new Float32Array(ranges * 6);
  for (let r = 0; r < ranges; r++) {
    let minX = Infinity, minY = Infinity, minZ = Infinity;
    let maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
    const first = elementRanges[3 * r + 1]!;
    const end = first + elementRanges[3 * r + 2]!;
    for (let i = first; i < end; i++) {
      const v = 3 * indices[i]!;
      const x = positions[v]!, y = positions[v + 1]!, z = positions[v + 2]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    boxes.set([minX, minY, minZ, maxX, maxY, maxZ], 6 * r);
  }
  return boxes;
}

/** Distance along the ray at which it enters the box (0 when it starts inside), or null when it misses. */
export function rayBoxEntry(ray: Ray, boxes: Float32Array, box: number): number | null {
  let near = 0;
  let far = Infinity;
  for (let axis = 0; axis < 3; axis++) {
    const o = ray.origin[axis]!;
    const d = ray.direction[axis]!;
    const lo = boxes[6 * box + axis]!;
    const hi = boxes[6 * box + 3 + axis]!;
    if (lo > hi) return null;
    if (Math.abs(d) < 1e-12) {
      if (o < lo || o > hi) return null;
      continue;
    }
    let t0 = (lo - o) / d;
    let t1 = (hi - o) / d;
    if (t0 > t1) [t0, t1] = [t1, t0];
    if (t0 > near) near = t0;
    if (t1 < far) far = t1;
    if (near > far) return null;
  }
  return near;
}

/** Möller–Trumbore, both sides: distance along the ray to triangle (a, b, c) at vertex offsets, or null. */
function rayTriangle(ray: Ray, p: Float32Array, a: number, b: number, c: number): number | null {
  const [ox, oy, oz] = ray.origin;
  const [dx, dy, dz] = ray.direction;
  const e1x = p[b]! - p[a]!, e1y = p[b + 1]! - p[a + 1]!, e1z = p[b + 2]! - p[a + 2]!;
  const e2x = p[c]! - p[a]!, e2y = p[c + 1]! - p[a + 1]!, e2z = p[c + 2]! - p[a + 2]!;
  const hx = dy * e2z - dz * e2y, hy = dz * e2x - dx * e2z, hz = dx * e2y - dy * e2x;
  const det = e1x * hx + e1y * hy + e1z * hz;
  if (Math.abs(det) < 1e-12) return null;
  const inv = 1 / det;
  const sx = ox - p[a]!, sy = oy - p[a + 1]!, sz = oz - p[a + 2]!;
  const u = inv * (sx * hx + sy * hy + sz * hz);
  if (u < 0 || u > 1) return null;
  const qx = sy * e1z - sz * e1y, qy = sz * e1x - sx * e1z, qz = sx * e1y - sy * e1x;
  const v = inv * (dx * qx + dy * qy + dz * qz);
  if (v < 0 || u + v > 1) return null;
  const t = inv * (e2x * qx + e2y * qy + e2z * qz);
  return t > 0 ? t : null;
}

function faceNormal(p: Float32Array, a: number, b: number, c: number, towards: Vec3): Vec3 {
  const e1: Vec3 = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!];
  const e2: Vec3 = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!];
  const n: Vec3 = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]];
  const l = Math.hypot(n[0], n[1], n[2]);
  const facing = n[0] * towards[0] + n[1] * towards[1] + n[2] * towards[2] > 0 ? -1 : 1;
  return [(facing * n[0]) / l, (facing * n[1]) / l, (facing * n[2]) / l];
}

/** The nearest visible, uncut surface along the ray. */
export function pickSurface(
  chunks: Iterable<PickableChunk>,
  ray: Ray,
  keep: (expressId: number) => boolean,
  planes: readonly ClipPlane[],
): SurfaceHit | null {
  const candidates: { entry: number; chunk: PickableChunk; range: number }[] = [];
  for (const chunk of chunks) {
    for (let r = 0; r < chunk.elementRanges.length / 3; r++) {
      if (!keep(chunk.elementRanges[3 * r]!)) continue;
      const entry = rayBoxEntry(ray, chunk.boxes, r);
      if (entry !== null) candidates.push({ entry, chunk, range: r });
    }
  }
  candidates.sort((x, y) => x.entry - y.entry);

  let best: SurfaceHit | null = null;
  for (const { entry, chunk, range } of candidates) {
    if (best && entry > best.distance) break;
    const { positions, indices, elementRanges } = chunk;
    const firstIndex = elementRanges[3 * range + 1]!;
    const indexCount = elementRanges[3 * range + 2]!;
    for (let t = firstIndex; t + 2 < firstIndex + indexCount; t += 3) {
      const a = 3 * indices[t]!, b = 3 * indices[t + 1]!, c = 3 * indices[t + 2]!;
      const distance = rayTriangle(ray, positions, a, b, c);
      if (distance === null || (best && distance >= best.distance)) continue;
      const { origin, direction } = ray;
      const point: Vec3 = [origin[0] + distance * direction[0], origin[1] + distance * direction[1], origin[2] + distance * direction[2]];
      if (!isKept(planes, point)) continue;
      best = {
        expressId: elementRanges[3 * range]!,
        chunkIndex: chunk.chunkIndex,
        triangle: t,
        firstIndex,
        indexCount,
        point,
        normal: faceNormal(positions, a, b, c, direction),
        distance,
      };
    }
  }
  return best;
}
