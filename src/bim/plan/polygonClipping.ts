/**
 * Polygon union, difference and inset in the working plane, with Clipper2 (Angus Johnson; the TypeScript port
 * `clipper2-ts`, Boost licence): Vatti's sweep over integer coordinates, robust where floating-point clippers
 * fail on the thousands of shared edges of a triangle mesh.
 *
 * Coordinates go to integers at 0.1 mm (`UNITS_PER_METRE`); outlines come back within 1 mm of the exact ones
 * (`closing`, `toRing`), so an area is true to 1 mm times the perimeter (0.04 m² for a 12 × 10 m house; axis-
 * aligned outlines come back exact). Clipper's integers are doubles in JavaScript: cross products stay exact below
 * 2⁵³, i.e. for coordinates within ±9 km of the plane's origin, which the working plane keeps at the building
 * (checkPlan.ts clips only parcels near it).
 *
 * Every path handed to Clipper goes through `sweepable` first: clipper2-ts 2.0.1 loops without end, filling the
 * heap, on a ring with a flat spike (see there), and unions of triangles leave such rings along shared edges.
 */
import { Clipper, ClipType, EndType, FillRule, JoinType, PolyTree64, Clipper64, PathType } from 'clipper2-ts';
import type { Path64, Paths64, PolyPath64 } from 'clipper2-ts';
import type { PlanePolygon, PlaneXY } from './types';

const UNITS_PER_METRE = 10_000;
/** Triangles merged per sweep before outlines are merged pairwise (see `unionOfTriangles`). */
const BATCH = 256;
/** 1 mm, see `closing`; mitres up to 10 × that keep corners down to ~11° sharp. */
const CLOSING_UNITS = 10;
const MITER_LIMIT = 10;
/** Rounded corners of an inset follow the true arc within 1 mm. */
const ARC_TOLERANCE_UNITS = 10;

const toPath = (ring: readonly PlaneXY[]): Path64 => ring.map(([x, y]) => ({ x: Math.round(x * UNITS_PER_METRE), y: Math.round(y * UNITS_PER_METRE) }));

/**
 * The ring without the inner vertices of its horizontal runs: each run of consecutive vertices at one y becomes
 * the edge between its first and last vertex. clipper2-ts 2.0.1 sweeps the second of two consecutive horizontal
 * edges in the direction of the first (countertype/clipper2-ts#36, unfixed in 2.0.1); where the direction reverses
 * — a flat spike, as a batch's union leaves along a 0.1 mm sliver — the sweep never ends and fills the heap
 * (Office_A: the union of a 7-vertex sliver filled a 4 GB heap in a minute). Points of a run lie on one line, so the
 * ring's area and the region it bounds are unchanged (only zero-width spikes go), and no two horizontal edges
 * follow each other any more. A ring that is all one run encloses nothing and goes.
 */
export function sweepable(ring: Path64): Path64 {
  const n = ring.length;
  let start = 0;
  while (start < n && ring[start]!.y === ring[(start + n - 1) % n]!.y) start++;
  if (start === n) return []; // flat, or empty
  const result: Path64 = [];
  for (let k = 0; k < n; ) {
    const first = ring[(start + k) % n]!;
    let last = first;
    for (k++; k < n && ring[(start + k) % n]!.y === first.y; k++) last = ring[(start + k) % n]!;
    result.push(first);
    if (last.x !== first.x) result.push(last);
  }
  return result.length >= 3 ? result : [];
}

const sweepablePaths = (paths: Paths64): Paths64 => paths.map(sweepable).filter((path) => path.length > 0);

/** Back to metres, without the millimetre jogs rounding and `closing` leave where elements met. */
const toRing = (path: Path64): PlaneXY[] => Clipper.simplifyPath(path, CLOSING_UNITS, true).map(({ x, y }) => [x / UNITS_PER_METRE, y / UNITS_PER_METRE]);
/** Outer rings counter-clockwise, holes clockwise, whatever the source's winding (GeoJSON files vary). */
const oriented = (path: Path64, positive: boolean): Path64 => (Clipper.isPositive(path) === positive ? path : path.reverse());
const toPaths = (polygons: readonly PlanePolygon[]): Paths64 =>
  sweepablePaths(polygons.flatMap((p) => [oriented(toPath(p.outer), true), ...p.holes.map((hole) => oriented(toPath(hole), false))]));

/** Outer rings with their holes from Clipper's tree; holes below `minHoleAreaM2` are filled. */
function polygonsOf(tree: PolyPath64, minHoleAreaM2: number): PlanePolygon[] {
  const polygons: PlanePolygon[] = [];
  const visit = (node: PolyPath64): void => {
    for (let i = 0; i < node.count; i++) {
      const outer = node.child(i);
      const holes: PlaneXY[][] = [];
      for (let k = 0; k < outer.count; k++) {
        const hole = outer.child(k);
        if (Math.abs(Clipper.area(hole.polygon!)) < minHoleAreaM2 * UNITS_PER_METRE ** 2) continue; // filled, with any island in it
        holes.push(toRing(hole.polygon!));
        visit(hole); // islands inside a hole
      }
      polygons.push({ outer: toRing(outer.polygon!), holes });
    }
  };
  visit(tree);
  return polygons;
}

function execute(clipType: ClipType, subject: Paths64, clip: Paths64 | null, minHoleAreaM2: number): PlanePolygon[] {
  const clipper = new Clipper64();
  clipper.preserveCollinear = false;
  clipper.addPaths(subject, PathType.Subject);
  if (clip) clipper.addPaths(clip, PathType.Clip);
  const tree = new PolyTree64();
  clipper.execute(clipType, FillRule.NonZero, tree);
  return polygonsOf(tree, minHoleAreaM2);
}

/**
 * The union of triangles given as x0, y0, x1, y1, x2, y2 per triangle. Each is turned counter-clockwise first:
 * a mesh's upward and downward faces project with opposite windings, which would cancel under a winding rule.
 *
 * Divide and conquer: a sweep over thousands of stacked, overlapping triangles meets intersections at every
 * step, so batches of `BATCH` consecutive triangles (an element's are consecutive) are merged first, then the
 * outlines pairwise — for AC20-FZK-Haus's 12,500 projecting triangles some 0.2 s instead of 5 s at once.
 */
export function unionOfTriangles(triangles: Float64Array, minHoleAreaM2: number): PlanePolygon[] {
  let outlines: Paths64[] = [];
  let batch: Paths64 = [];
  for (let t = 0; t < triangles.length; t += 6) {
    const path = toPath([[triangles[t]!, triangles[t + 1]!], [triangles[t + 2]!, triangles[t + 3]!], [triangles[t + 4]!, triangles[t + 5]!]]);
    if (Clipper.area(path) === 0) continue; // a vertical face: no extent on the ground
    batch.push(oriented(path, true));
    if (batch.length === BATCH) {
      outlines.push(union(batch));
      batch = [];
    }
  }
  outlines.push(batch);
  // Outlines keep their holes clockwise: under the non-zero rule a hole stays open unless another outline covers it.
  while (outlines.length > 1) {
    const merged: Paths64[] = [];
    for (let i = 0; i < outlines.length; i += 2) merged.push(union([...outlines[i]!, ...(outlines[i + 1] ?? [])]));
    outlines = merged;
  }
  return execute(ClipType.Union, closing(outlines[0]!), null, minHoleAreaM2);
}

/** Triangles have no two horizontal edges in a row; the outlines Clipper returns may (see `sweepable`). */
const union = (paths: Paths64): Paths64 => sweepablePaths(Clipper.union(paths, FillRule.NonZero));

/**
 * Grown then shrunk by `CLOSING_UNITS` (a morphological closing, mitred so that corners stay sharp): a vertex of
 * one element that rounding moved off the edge of its neighbour leaves a sliver between them, which may join a
 * stairwell to the outline as a zero-width keyhole instead of a hole; gaps under 2 mm close, and the outline is
 * otherwise unchanged.
 */
function closing(paths: Paths64): Paths64 {
  const grown = sweepablePaths(Clipper.inflatePaths(paths, CLOSING_UNITS, JoinType.Miter, EndType.Polygon, MITER_LIMIT));
  return sweepablePaths(Clipper.inflatePaths(grown, -CLOSING_UNITS, JoinType.Miter, EndType.Polygon, MITER_LIMIT));
}

/** What of `subject` lies outside `clip`. */
export function difference(subject: readonly PlanePolygon[], clip: readonly PlanePolygon[]): PlanePolygon[] {
  return execute(ClipType.Difference, toPaths(subject), toPaths(clip), 0);
}

/** The polygon shrunk by `distance` metres: the points at least that far inside from its boundary. */
export function inset(polygon: PlanePolygon, distance: number): PlanePolygon[] {
  // A round join is the exact locus at reflex corners (an arc about the corner); convex corners stay sharp.
  const paths = sweepablePaths(Clipper.inflatePaths(toPaths([polygon]), -distance * UNITS_PER_METRE, JoinType.Round, EndType.Polygon, 2, ARC_TOLERANCE_UNITS));
  return execute(ClipType.Union, paths, null, 0);
}
