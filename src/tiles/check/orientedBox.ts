/**
 * A `box` bounding volume (3D Tiles 1.1 §"Box": centre, then three half-axis vectors) carried into a common frame
 * (ECEF, through the tile's transforms), with the containment tests the checks make.
 */
import type { Mat4 } from './mat4';
import { transformPoint, transformVector } from './mat4';

export interface OrientedBox {
  center: [number, number, number];
  halfAxes: [number, number, number][];
}

/**
 * Slack of a containment test, metres: far below what a viewer would notice, far above float64 noise in ECEF
 * (~1e-9 m at 6,400 km) — the official validator allows 1e-5 too.
 */
const TOLERANCE = 1e-5;

export function orientedBox(box: readonly number[], transform: Mat4): OrientedBox {
  const center = transformPoint(transform, box[0]!, box[1]!, box[2]!, [0, 0, 0]) as [number, number, number];
  const halfAxes = [3, 6, 9].map((at) => transformVector(transform, box[at]!, box[at + 1]!, box[at + 2]!));
  return { center, halfAxes };
}

/**
 * Whether the point lies in the box: along each half-axis a, |(p − c) · â| ≤ |a| (the spec's axes are orthogonal).
 * A zero half-axis (a flat box) has no direction to measure along and is not tested.
 */
export function boxContains(box: OrientedBox, point: readonly number[]): boolean {
  const d = [point[0]! - box.center[0], point[1]! - box.center[1], point[2]! - box.center[2]];
  return box.halfAxes.every((axis) => {
    const length = Math.hypot(axis[0], axis[1], axis[2]);
    return length === 0 || Math.abs((d[0]! * axis[0] + d[1]! * axis[1] + d[2]! * axis[2]) / length) <= length + TOLERANCE;
  });
}

export function boxCorners(box: OrientedBox): [number, number, number][] {
  const corners: [number, number, number][] = [];
  for (const sx of [-1, 1]) {
    for (const sy of [-1, 1]) {
      for (const sz of [-1, 1]) {
        corners.push([0, 1, 2].map((i) => box.center[i]! + sx * box.halfAxes[0]![i]! + sy * box.halfAxes[1]![i]! + sz * box.halfAxes[2]![i]!) as [number, number, number]);
      }
    }
  }
  return corners;
}

export function boxInside(inner: OrientedBox, outer: OrientedBox): boolean {
  return boxCorners(inner).every((corner) => boxContains(outer, corner));
}
