/**
 * Axis-aligned bounds in a tile frame (3D Tiles: z up, metres) and the `box` bounding volume that encloses them.
 * Tiles of one tileset share the root's frame here (only the root has a `transform`), so a box is axis-aligned and
 * containment is a comparison of extents.
 */
export interface Bounds {
  min: [number, number, number];
  max: [number, number, number];
}

const MM = 1000;

export function emptyBounds(): Bounds {
  return { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
}

export function isEmpty(bounds: Bounds): boolean {
  return !(bounds.min[0] <= bounds.max[0]);
}

/** Grows `bounds` to hold the point (in place). */
export function extendBounds(bounds: Bounds, x: number, y: number, z: number): void {
  const { min, max } = bounds;
  if (x < min[0]) min[0] = x;
  if (x > max[0]) max[0] = x;
  if (y < min[1]) min[1] = y;
  if (y > max[1]) max[1] = y;
  if (z < min[2]) min[2] = z;
  if (z > max[2]) max[2] = z;
}

/** Grows `target` to hold `other` (in place). */
export function unionInto(target: Bounds, other: Bounds): void {
  extendBounds(target, other.min[0], other.min[1], other.min[2]);
  extendBounds(target, other.max[0], other.max[1], other.max[2]);
}

export function diagonal(bounds: Bounds): number {
  return isEmpty(bounds) ? 0 : Math.hypot(bounds.max[0] - bounds.min[0], bounds.max[1] - bounds.min[1], bounds.max[2] - bounds.min[2]);
}

export function centre(bounds: Bounds, axis: 0 | 1 | 2): number {
  return (bounds.min[axis] + bounds.max[axis]) / 2;
}

/**
 * A 3D Tiles `box` (centre, then the x, y, z half-axes) axis-aligned in the tile frame, rounded outward to whole
 * millimetres so it always encloses the bounds: the centre is rounded to the millimetre, each half-axis covers the
 * farther side plus one millimetre, then rounded up. Short JSON, and float rounding never lets a vertex out.
 */
export function boxEnclosing(bounds: Bounds): number[] {
  const center = [0, 1, 2].map((axis) => Math.round(((bounds.min[axis]! + bounds.max[axis]!) / 2) * MM) / MM);
  const half = [0, 1, 2].map((axis) => {
    const reach = Math.max(bounds.max[axis]! - center[axis]!, center[axis]! - bounds.min[axis]!);
    return Math.ceil(reach * MM + 1) / MM;
  });
  return [...center, half[0]!, 0, 0, 0, half[1]!, 0, 0, 0, half[2]!];
}

/** The extent of an axis-aligned `box` (one made by {@link boxEnclosing}). */
export function boundsOfBox(box: readonly number[]): Bounds {
  const [cx, cy, cz, hx, , , , hy, , , , hz] = box as [number, number, number, number, number, number, number, number, number, number, number, number];
  return { min: [cx - hx, cy - hy, cz - hz], max: [cx + hx, cy + hy, cz + hz] };
}
