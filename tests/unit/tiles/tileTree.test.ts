/**
 * The tile tree on made-up parts: what a viewer relies on — every part drawn once, each tile within its budget,
 * large parts high in the tree, errors that shrink downward, and boxes that hold what is below them.
 */
import { describe, expect, it } from 'vitest';
import type { Bounds } from '../../../src/tiles/tileset/bounds';
import { boundsOfBox, boxEnclosing, diagonal } from '../../../src/tiles/tileset/bounds';
import { buildTileTree, flattenTree } from '../../../src/tiles/tileset/tileTree';
import type { TileItem, TileNode } from '../../../src/tiles/tileset/tileTree';
import { layoutTiles } from '../../../src/tiles/tileset/tilesetJson';
import type { TileJson } from '../../../src/tiles/tileset/tilesetJson';

interface Part extends TileItem {
  id: number;
}

/** A 20 × 20 grid of 1 m parts (100 triangles each) on a 100 m floor slab (2,000 triangles), in metres. */
function floorWithFurniture(): Part[] {
  const parts: Part[] = [{ id: 0, bounds: { min: [0, 0, 0], max: [100, 100, 0.3] }, triangles: 2_000 }];
  for (let i = 0; i < 400; i++) {
    const x = 5 * (i % 20);
    const y = 5 * Math.floor(i / 20);
    parts.push({ id: i + 1, bounds: { min: [x, y, 0.3], max: [x + 1, y + 1, 1.3] }, triangles: 100 });
  }
  return parts;
}

const inside = (inner: Bounds, outer: Bounds) => [0, 1, 2].every((axis) => inner.min[axis]! >= outer.min[axis]! && inner.max[axis]! <= outer.max[axis]!);

describe('buildTileTree', () => {
  const parts = floorWithFurniture();
  const tree = buildTileTree(parts, 5_000);
  const nodes = flattenTree(tree);

  it('draws every part exactly once', () => {
    const drawn = nodes.flatMap((node) => node.content.map((part) => part.id));
    expect(drawn.sort((a, b) => a - b)).toEqual(parts.map((part) => part.id));
  });

  it('keeps every tile within the triangle budget', () => {
    expect(nodes.length).toBeGreaterThan(3);
    for (const node of nodes) expect(node.content.reduce((sum, part) => sum + part.triangles, 0)).toBeLessThanOrEqual(5_000);
  });

  it('keeps the slab at the root (seen from afar) and pushes the small parts down', () => {
    expect(tree.content.map((part) => part.id)).toEqual([0]);
    expect(tree.children.length).toBe(2);
  });

  it('gives each tile the size of the largest part it leaves to its children: never growing downward, 0 at the leaves', () => {
    expect(tree.geometricError).toBeCloseTo(Math.sqrt(3), 6);
    const visit = (node: TileNode<Part>): void => {
      if (node.children.length === 0) expect(node.geometricError).toBe(0);
      for (const child of node.children) {
        expect(child.geometricError).toBeLessThanOrEqual(node.geometricError);
        expect(inside(child.bounds, node.bounds)).toBe(true);
        visit(child);
      }
    };
    visit(tree);
  });

  it('leaves a part larger than the budget whole, in a leaf of its own', () => {
    const huge = buildTileTree([...parts.slice(0, 3), { id: 999, bounds: { min: [0, 0, 0], max: [1, 1, 1] }, triangles: 50_000 }], 5_000);
    const leaves = flattenTree(huge).filter((node) => node.children.length === 0);
    expect(leaves.some((leaf) => leaf.content.length === 1 && leaf.content[0]!.id === 999)).toBe(true);
  });

  it('makes a single leaf of a model within the budget', () => {
    const small = buildTileTree(parts.slice(0, 10), 5_000);
    expect(small.children).toEqual([]);
    expect(small.content).toHaveLength(10);
    expect(small.geometricError).toBe(0);
  });
});

describe('layoutTiles', () => {
  const tree = buildTileTree(floorWithFurniture(), 5_000);
  const layout = layoutTiles(tree, (index) => `content/${index}.glb`);

  it('names one content per tile with parts, depth first', () => {
    expect(layout.contents.map((content) => content.uri)).toEqual(layout.contents.map((_, index) => `content/${index}.glb`));
    expect(layout.contents[0]!.node).toBe(tree);
  });

  it('gives every tile a box around its content box and its children\'s boxes, and the root refine ADD', () => {
    expect(layout.root.refine).toBe('ADD');
    const visit = (tile: TileJson): void => {
      const box = boundsOfBox(tile.boundingVolume.box!);
      if (tile.content?.boundingVolume) expect(inside(boundsOfBox(tile.content.boundingVolume.box!), box)).toBe(true);
      for (const child of tile.children ?? []) {
        expect(inside(boundsOfBox(child.boundingVolume.box!), box)).toBe(true);
        visit(child);
      }
    };
    visit(layout.root);
    expect(inside(tree.bounds, boundsOfBox(layout.root.boundingVolume.box!))).toBe(true);
  });
});

describe('boxEnclosing', () => {
  it('rounds outward to whole millimetres and encloses the bounds within a centimetre', () => {
    const bounds: Bounds = { min: [-0.0004, 1.2344, 10], max: [2.0006, 3.4567, 10] };
    const box = boxEnclosing(bounds);
    const around = boundsOfBox(box);
    expect(inside(bounds, around)).toBe(true);
    expect(box.every((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6)).toBe(true);
    expect(diagonal(around) - diagonal(bounds)).toBeLessThan(0.01);
  });
});
