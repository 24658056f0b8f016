/**
 * Spatial subdivision of a model's parts into a tile tree under a triangle budget — a kd-tree on bounding-box
 * centres, with the large parts kept high in the tree.
 *
 * There is no simplified geometry to put in parent tiles (an IFC element has one representation), so tiles
 * refine by ADD: a parent draws its own parts and its children add theirs. What goes where decides what a viewer
 * sees from afar. At each tile, the parts at least `KEEP_FRACTION` of the tile's diagonal (slabs, façades, roofs:
 * the building's silhouette) stay in the tile, largest first, as far as the budget allows; the rest is split in
 * two at the triangle-weighted median of the centres along the axis where the centres spread most, and each half
 * becomes a child. A tile whose parts fit the budget is a leaf. One part above the budget stays whole in a leaf.
 *
 * Geometric error, 3D Tiles 1.1 §"Geometric error": the error, in metres, of drawing this tile without its
 * children. Under ADD that is the largest part left out — the largest diagonal among the descendants' parts — so
 * a small part appears once it would cover more than the screen-space error (16 px in CesiumJS by default). A leaf
 * leaves nothing out: 0. A child's descendants are a subset of its parent's, so the error never grows downward.
 */
import type { Bounds } from './bounds';
import { centre, diagonal, emptyBounds, unionInto } from './bounds';

export interface TileItem {
  /** Bounds in the tile frame (z up, metres). */
  bounds: Bounds;
  triangles: number;
}

export interface TileNode<T extends TileItem> {
  /** The parts this tile draws; empty for a tile that only groups its children. */
  content: T[];
  children: TileNode<T>[];
  /** Bounds of `content` (empty bounds when there is none). */
  contentBounds: Bounds;
  /** Bounds of everything in the subtree: content and all descendants. */
  bounds: Bounds;
  geometricError: number;
}

/** A part at least this share of its tile's diagonal is drawn by that tile rather than pushed down. */
const KEEP_FRACTION = 0.25;

/** Builds the tree; `items` must each have non-empty bounds. */
export function buildTileTree<T extends TileItem>(items: readonly T[], maxTriangles: number): TileNode<T> {
  const triangles = items.reduce((sum, item) => sum + item.triangles, 0);
  if (triangles <= maxTriangles || items.length <= 1) return leaf(items);
  const bounds = boundsOf(items);
  const keepFrom = KEEP_FRACTION * diagonal(bounds);
  const bySize = [...items].sort((a, b) => diagonal(b.bounds) - diagonal(a.bounds));
  const content: T[] = [];
  let kept = 0;
  for (const item of bySize) {
    if (diagonal(item.bounds) < keepFrom || kept + item.triangles > maxTriangles) break;
    content.push(item);
    kept += item.triangles;
  }
  const rest = bySize.slice(content.length);
  const children = splitAtMedian(rest).map((half) => buildTileTree(half, maxTriangles));
  return {
    content,
    children,
    contentBounds: boundsOf(content),
    bounds,
    geometricError: Math.max(...rest.map((item) => diagonal(item.bounds))),
  };
}

/** Every node of the tree, parents before children (depth first). */
export function flattenTree<T extends TileItem>(root: TileNode<T>): TileNode<T>[] {
  const nodes: TileNode<T>[] = [];
  const visit = (node: TileNode<T>): void => {
    nodes.push(node);
    node.children.forEach(visit);
  };
  visit(root);
  return nodes;
}

export function treeDepth<T extends TileItem>(node: TileNode<T>): number {
  return 1 + Math.max(0, ...node.children.map(treeDepth));
}

function leaf<T extends TileItem>(items: readonly T[]): TileNode<T> {
  const bounds = boundsOf(items);
  return { content: [...items], children: [], contentBounds: bounds, bounds, geometricError: 0 };
}

function boundsOf(items: readonly TileItem[]): Bounds {
  const bounds = emptyBounds();
  for (const item of items) unionInto(bounds, item.bounds);
  return bounds;
}

/** Two non-empty halves of (at least two) items, split where half the triangles lie on each side. */
function splitAtMedian<T extends TileItem>(items: readonly T[]): T[][] {
  if (items.length < 2) return items.length === 0 ? [] : [[...items]];
  const axis = widestAxis(items);
  const sorted = [...items].sort((a, b) => centre(a.bounds, axis) - centre(b.bounds, axis));
  const half = sorted.reduce((sum, item) => sum + item.triangles, 0) / 2;
  let at = 0;
  for (let sum = 0; at < sorted.length - 1 && sum + sorted[at]!.triangles <= half; at++) sum += sorted[at]!.triangles;
  at = Math.min(Math.max(at, 1), sorted.length - 1);
  return [sorted.slice(0, at), sorted.slice(at)];
}

function widestAxis(items: readonly TileItem[]): 0 | 1 | 2 {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const item of items) {
    for (const axis of [0, 1, 2] as const) {
      const c = centre(item.bounds, axis);
      min[axis] = Math.min(min[axis]!, c);
      max[axis] = Math.max(max[axis]!, c);
    }
  }
  const spread = [0, 1, 2].map((axis) => max[axis]! - min[axis]!);
  return spread[0]! >= spread[1]! && spread[0]! >= spread[2]! ? 0 : spread[1]! >= spread[2]! ? 1 : 2;
}
