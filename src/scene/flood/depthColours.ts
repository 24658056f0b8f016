/**
 * Depth classes of the water layer and its legend. The class edges are the thresholds operators act on: 0.15 m
 * (a road no longer passable by motorbikes, the counted road length) and 0.30 m (water at a wall enters ground
 * floors, the counted buildings). ColorBrewer "Blues" (Brewer 2003), light to dark as depth grows.
 */
export interface DepthClass {
  /** Lower bound (m), inclusive. */
  from: number;
  /** CSS colour. */
  colour: string;
  rgb: readonly [number, number, number];
}

/** Shallower than this is drawn as dry (the engine's inundation depth). */
export const WET_DEPTH_M = 0.01;

export const DEPTH_CLASSES: readonly DepthClass[] = [
  { from: 0.01, colour: '#c6dbef', rgb: [198, 219, 239] },
  { from: 0.05, colour: '#9ecae1', rgb: [158, 202, 225] },
  { from: 0.15, colour: '#4292c6', rgb: [66, 146, 198] },
  { from: 0.3, colour: '#2171b5', rgb: [33, 113, 181] },
  { from: 0.5, colour: '#08519c', rgb: [8, 81, 156] },
  { from: 1, colour: '#08306b', rgb: [8, 48, 107] },
];

/** Paints depths into RGBA pixels (row 0 north, as the grid); `alpha` 0..255 for wet cells, dry cells clear. */
export function paintDepth(depth: Float32Array, alpha: number, out: Uint8ClampedArray): Uint8ClampedArray {
  for (let k = 0; k < depth.length; k++) {
    const d = depth[k]!;
    const o = 4 * k;
    if (!(d >= WET_DEPTH_M)) {
      out[o + 3] = 0;
      continue;
    }
    let c = DEPTH_CLASSES.length - 1;
    while (c > 0 && d < DEPTH_CLASSES[c]!.from) c--;
    const [r, g, b] = DEPTH_CLASSES[c]!.rgb;
    out[o] = r;
    out[o + 1] = g;
    out[o + 2] = b;
    out[o + 3] = alpha;
  }
  return out;
}
