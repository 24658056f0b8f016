/**
 * The inspector's geometry kernels on hand-built boxes: face areas against the box's own extents, distances and
 * heights, section planes, picking through cuts and hidden elements, and index-range rebuilding.
 */
import { describe, expect, test } from 'vitest';
import { distance, heightBetween, planarFaceRegion, polygonArea } from '../../../src/bim/inspector/measure';
import { clipPlaneOf, isKept, signedDistance } from '../../../src/bim/inspector/sectionPlanes';
import { elementBoxes, pickSurface, type PickableChunk } from '../../../src/bim/inspector/surfacePick';
import { gatherIndices, indexRuns, isElementVisible, runsLength, splitByAlpha } from '../../../src/bim/inspector/elementRanges';
import type { Vec3 } from '../../../src/bim/inspector/vec3';
import { boxChunk, type Box } from './inspectorFixtures';

const slab: Box = { expressId: 7, min: [2, 1, 2.8], max: [9.3, 5.1, 3.05] };
const column: Box = { expressId: 8, min: [4, 2, 0], max: [4.4, 2.4, 2.8] };
const glass: Box = { expressId: 9, min: [0, -1, 0], max: [20, -0.99, 3], alpha: 90 };

function pickable(boxes: Box[]): PickableChunk {
  const chunk = boxChunk(boxes);
  return { ...chunk, boxes: elementBoxes(chunk.positions, chunk.indices, chunk.elementRanges) };
}

const down = (x: number, y: number): { origin: Vec3; direction: Vec3 } => ({ origin: [x, y, 100], direction: [0, 0, -1] });

describe('measurement', () => {
  test('the top face region of a slab has the area of its extents, from one picked triangle', () => {
    const chunk = pickable([slab]);
    const hit = pickSurface([chunk], down(5, 3), () => true, [])!;
    expect(hit.expressId).toBe(7);
    const region = planarFaceRegion(chunk.positions, chunk.indices, hit, hit.triangle);
    expect(region.triangles).toHaveLength(2);
    // Independently: width × depth from the extents of the top face's vertices.
    const top = region.triangles.flatMap((t) => [0, 1, 2].map((k) => chunk.indices[t + k]!));
    const xs = top.map((v) => chunk.positions[3 * v]!);
    const ys = top.map((v) => chunk.positions[3 * v + 1]!);
    const expected = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    expect(region.area).toBeCloseTo(expected, 5);
    expect(region.area).toBeCloseTo(7.3 * 4.1, 4);
    expect(region.normal[2]).toBeCloseTo(1, 6);
  });

  test('a face split into strips with a T-junction stays one region; a coplanar face elsewhere is not joined', () => {
    // Two quads side by side on z = 0 (0..1 and 1..3 in x), the second split at y = 0.5 so that its corner (1, 0.5)
    // lies in the middle of the first quad's edge; plus a separate quad on z = 0 at x 5..6.
    const quad = (x0: number, x1: number, y0: number, y1: number): number[] => [x0, y0, 0, x1, y0, 0, x1, y1, 0, x0, y1, 0];
    const positions = Float32Array.from([...quad(0, 1, 0, 1), ...quad(1, 3, 0, 0.5), ...quad(1, 3, 0.5, 1), ...quad(5, 6, 0, 1)]);
    const indices = Uint32Array.from([0, 4, 8, 12].flatMap((b) => [b, b + 1, b + 2, b, b + 2, b + 3]));
    const region = planarFaceRegion(positions, indices, { firstIndex: 0, indexCount: indices.length }, 0);
    expect(region.area).toBeCloseTo(1 + 1 + 1, 6);
    expect(region.triangles).toEqual([0, 3, 6, 9, 12, 15]);
  });

  test('polygon area of a clicked rectangle in a tilted plane; distance and height', () => {
    const tilt = (x: number, y: number): Vec3 => [x, y * Math.cos(0.5), y * Math.sin(0.5)];
    expect(polygonArea([tilt(0, 0), tilt(4, 0), tilt(4, 2.5), tilt(0, 2.5)])).toBeCloseTo(10, 9);
    expect(polygonArea([[0, 0, 0], [3, 0, 0], [0, 4, 0]])).toBeCloseTo(6, 9);
    expect(distance([1, 2, 3], [4, 6, 3])).toBeCloseTo(5, 12);
    const h = heightBetween([1, 2, 3], [4, 6, 5.5]);
    expect(h.vertical).toBeCloseTo(2.5, 12);
    expect(h.horizontal).toBeCloseTo(5, 12);
  });
});

describe('section planes', () => {
  test('an X plane keeps what lies below its position, flipped what lies above', () => {
    const plane = clipPlaneOf({ id: 1, kind: 'axis', axis: 'x', position: 4, flipped: false });
    expect(isKept([plane], [3.9, 0, 0])).toBe(true);
    expect(isKept([plane], [4.1, 0, 0])).toBe(false);
    const flipped = clipPlaneOf({ id: 1, kind: 'axis', axis: 'x', position: 4, flipped: true });
    expect(isKept([flipped], [4.1, 0, 0])).toBe(true);
  });

  test('a free plane from a face keeps what is behind it, moves inward with its offset', () => {
    const section = { id: 2, kind: 'free', point: [0, 0, 3] as Vec3, normal: [0, 0, 1] as Vec3, offset: 0.5, flipped: false } as const;
    const plane = clipPlaneOf(section);
    expect(signedDistance(plane, [7, 7, 2.5])).toBeCloseTo(0, 12);
    expect(isKept([plane], [0, 0, 2])).toBe(true);
    expect(isKept([plane], [0, 0, 2.7])).toBe(false);
    expect(isKept([clipPlaneOf({ ...section, flipped: true })], [0, 0, 2.7])).toBe(true);
  });
});

describe('picking', () => {
  const chunk = pickable([slab, column, glass]);

  test('hits the nearest element from above, then through a section plane, never a hidden one', () => {
    expect(pickSurface([chunk], down(4.2, 2.2), () => true, [])!.expressId).toBe(7);
    const above = clipPlaneOf({ id: 1, kind: 'axis', axis: 'z', position: 2.9, flipped: false });
    const cut = pickSurface([chunk], down(4.2, 2.2), () => true, [above])!;
    expect(cut.expressId).toBe(7);
    expect(cut.point[2]).toBeCloseTo(2.8, 5); // the slab's underside: its top is cut away
    const below = clipPlaneOf({ id: 1, kind: 'axis', axis: 'z', position: 2.5, flipped: false });
    const hit = pickSurface([chunk], down(4.2, 2.2), () => true, [below])!;
    expect(hit.expressId).toBe(8);
    expect(hit.point[2]).toBeCloseTo(0, 5); // cut open (no caps): the ray sees the column's floor from inside
    expect(pickSurface([chunk], down(4.2, 2.2), (id) => id !== 7, [])!.expressId).toBe(8);
    expect(pickSurface([chunk], down(15, 15), () => true, [])).toBeNull();
  });

  test('the hit normal faces the viewer', () => {
    const hit = pickSurface([chunk], { origin: [5, -10, 1], direction: [0, 1, 0] }, () => true, [])!;
    expect(hit.expressId).toBe(9);
    expect(hit.normal[1]).toBeCloseTo(-1, 6);
    expect(hit.distance).toBeCloseTo(9, 5);
  });
});

describe('hide and isolate by index ranges', () => {
  const chunk = boxChunk([slab, column, glass]);

  test('keeps whole ranges, merges neighbours, and the gathered indices are those of the kept elements', () => {
    const hidden = new Set([8]);
    const runs = indexRuns(chunk.elementRanges, (id) => isElementVisible(id, hidden, null));
    expect(runs).toEqual([0, 36, 72, 36]);
    const all = indexRuns(chunk.elementRanges, () => true);
    expect(all).toEqual([0, 108]);
    const kept = new Uint32Array(runsLength(runs));
    expect(gatherIndices(chunk.indices, runs, kept)).toBe(72);
    const keptElements = new Set([...kept].map((v) => chunk.vertexElementIds[v]));
    expect(keptElements).toEqual(new Set([7, 9]));
    const isolated = indexRuns(chunk.elementRanges, (id) => isElementVisible(id, new Set(), new Set([8])));
    const target = new Uint32Array(chunk.indices.length);
    expect(gatherIndices(chunk.indices, isolated, target)).toBe(36);
    expect(target.subarray(0, 36)).toEqual(chunk.indices.subarray(36, 72));
  });

  test('glazing goes to the transparent ranges', () => {
    const { opaque, transparent } = splitByAlpha(chunk.elementRanges, chunk.indices, chunk.colors);
    expect([...transparent]).toEqual([9, 72, 36]);
    expect([...opaque].filter((_, i) => i % 3 === 0)).toEqual([7, 8]);
  });
});
