/**
 * Section planes as data: axis-aligned planes at a position along X, Y or Z, and free planes taken from a clicked
 * surface. Each resolves to the plane three.js clips with (`normal · p + constant ≥ 0` is kept; what lies on the
 * negative side of any plane is cut away), in the model frame.
 */
import { dot, normalize, scale, sub, type Vec3 } from './vec3';

export type Axis = 'x' | 'y' | 'z';

export type SectionPlane =
  | { id: number; kind: 'axis'; axis: Axis; /** Metres along the axis, model frame. */ position: number; flipped: boolean }
  | {
      id: number;
      kind: 'free';
      /** The clicked point and the outward unit normal of the face it lies on. */
      point: Vec3;
      normal: Vec3;
      /** How far the plane has moved into the model (against the normal), metres. */
      offset: number;
      flipped: boolean;
    };

export interface ClipPlane {
  normal: Vec3;
  constant: number;
}

const AXIS_VECTOR: Record<Axis, Vec3> = { x: [1, 0, 0], y: [0, 1, 0], z: [0, 0, 1] };

/**
 * An axis plane keeps what lies below its position (a plan cut at a storey keeps the floor below); flipped, what
 * lies above. A free plane starts on the clicked face and keeps what is behind it, so moving it inward opens the
 * element up, the way a planner cuts into a wall from the side they look at.
 */
export function clipPlaneOf(section: SectionPlane): ClipPlane {
  const sign = section.flipped ? -1 : 1;
  if (section.kind === 'axis') {
    const normal = scale(AXIS_VECTOR[section.axis], -sign);
    return { normal, constant: sign * section.position };
  }
  const outward = normalize(section.normal);
  const inward = scale(outward, -1);
  const point = sub(section.point, scale(outward, section.offset));
  const normal = scale(inward, sign);
  return { normal, constant: -dot(normal, point) };
}

/** Signed distance of `p` from the plane; negative is cut away. */
export function signedDistance(plane: ClipPlane, p: Vec3): number {
  return dot(plane.normal, p) + plane.constant;
}

/** Whether `p` survives every plane (three.js clips a fragment on the negative side of any of them). */
export function isKept(planes: readonly ClipPlane[], p: Vec3): boolean {
  return planes.every((plane) => signedDistance(plane, p) >= 0);
}

export function axisIndex(axis: Axis): 0 | 1 | 2 {
  return axis === 'x' ? 0 : axis === 'y' ? 1 : 2;
}
