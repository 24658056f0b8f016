/**
 * What the planner measures, as plain data in the model frame: the view draws it, the list shows it, nothing
 * else holds it. A measurement is made from picked surface points (or, for a face, a picked triangle).
 */
import { distance, heightBetween, planarFaceRegion, polygonArea } from './measure';
import type { SurfaceHit } from './surfacePick';
import { scale, add, type Vec3 } from './vec3';

export type Measurement =
  | { id: number; kind: 'distance'; points: [Vec3, Vec3]; value: number }
  /** `value` is the vertical difference, always ≥ 0; `points` are ordered low, high. */
  | { id: number; kind: 'height'; points: [Vec3, Vec3]; value: number }
  | { id: number; kind: 'polygonArea'; points: Vec3[]; value: number }
  /** `triangles`: nine floats per triangle of the face region, for drawing it. */
  | { id: number; kind: 'faceArea'; expressId: number; triangles: Float32Array; normal: Vec3; value: number };

export type MeasureTool = Measurement['kind'];

/** Points a tool needs before it measures; a polygon takes as many as the planner clicks (three at least). */
export const POINTS_NEEDED: Record<MeasureTool, number> = { distance: 2, height: 2, polygonArea: Infinity, faceArea: 1 };
export const POLYGON_MIN_POINTS = 3;

export function measureDistance(id: number, a: Vec3, b: Vec3): Measurement {
  return { id, kind: 'distance', points: [a, b], value: distance(a, b) };
}

export function measureHeight(id: number, a: Vec3, b: Vec3): Measurement {
  const [low, high] = a[2] <= b[2] ? [a, b] : [b, a];
  return { id, kind: 'height', points: [low, high], value: heightBetween(low, high).vertical };
}

export function measurePolygon(id: number, points: Vec3[]): Measurement {
  return { id, kind: 'polygonArea', points, value: polygonArea(points) };
}

/** The planar face of the hit element around the hit triangle. */
export function measureFace(id: number, positions: Float32Array, indices: Uint32Array, hit: SurfaceHit): Measurement {
  const region = planarFaceRegion(positions, indices, hit, hit.triangle);
  const triangles = new Float32Array(region.triangles.length * 9);
  region.triangles.forEach((t, i) => {
    for (let k = 0; k < 3; k++) triangles.set(positions.subarray(3 * indices[t + k]!, 3 * indices[t + k]! + 3), 9 * i + 3 * k);
  });
  return { id, kind: 'faceArea', expressId: hit.expressId, triangles, normal: region.normal, value: region.area };
}

/** Where a measurement's label goes: the middle of a line, the centre of an area. */
export function labelAnchor(measurement: Measurement): Vec3 {
  if (measurement.kind === 'faceArea') {
    const { triangles } = measurement;
    let sum: Vec3 = [0, 0, 0];
    for (let i = 0; i < triangles.length; i += 3) sum = add(sum, [triangles[i]!, triangles[i + 1]!, triangles[i + 2]!]);
    return scale(sum, 3 / Math.max(3, triangles.length));
  }
  if (measurement.kind === 'height') {
    const [low, high] = measurement.points;
    return [low[0], low[1], (low[2] + high[2]) / 2];
  }
  const sum = measurement.points.reduce<Vec3>((acc, p) => add(acc, p), [0, 0, 0]);
  return scale(sum, 1 / measurement.points.length);
}
